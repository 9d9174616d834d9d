"""The tables in the PDFs: the report has a "tables" chapter and each dossier the scenario's
place at each table when the workshop has tables, and neither without (text read back)."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.workshop import Workshop, WorkshopTable
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import scenario_dossier, workshop_report

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast


@cache
def example() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def with_tables(workshop: Workshop) -> Workshop:
    """The example split into two tables, participants seated alternately."""
    tables = [
        WorkshopTable(id="lilas", name="Les Lilas", colour=0),
        WorkshopTable(id="tilleuls", name="Les Tilleuls", colour=1),
    ]
    people = [
        p.model_copy(update={"table": tables[i % 2].id})
        for i, p in enumerate(workshop.participants)
    ]
    return workshop.model_copy(update={"tables": tables, "participants": people})


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fr",
            [
                "Les tables",
                "Votes par table",
                "Classement par table",
                "Toute la salle",
                "Les Lilas et Les Tilleuls",
                "τ de Kendall",
            ],
        ),
        (
            "en",
            [
                "The tables",
                "Votes per table",
                "Ranking per table",
                "Whole room",
                "Les Lilas and Les Tilleuls",
                "Kendall's τ",
            ],
        ),
    ],
)
def test_the_report_has_a_tables_chapter_when_the_workshop_has_tables(
    lang: str, words: list[str]
) -> None:
    text = text_of(workshop_report(with_tables(example()), default_decks(), lang))
    for word in words:
        assert word in text, word


def test_the_report_of_a_workshop_without_tables_has_no_tables_chapter() -> None:
    text = text_of(workshop_report(example(), default_decks(), "en"))
    assert "Votes per table" not in text and "Whole room" not in text


def test_a_dossier_gives_the_scenarios_place_at_each_table() -> None:
    workshop = with_tables(example())
    scenario = workshop.scenarios[0].id
    text = text_of(scenario_dossier(workshop, default_decks(), scenario, "en"))
    assert "The scenario at each table" in text
    assert "Les Lilas" in text and "Les Tilleuls" in text and "Whole room" in text
    plain = text_of(scenario_dossier(example(), default_decks(), scenario, "en"))
    assert "The scenario at each table" not in plain
