"""The workshop report, read back from the PDF."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.engines.ranking import rank_scenarios
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import workshop_report

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast


@cache
def decks() -> Decks:
    return default_decks()


@cache
def la_rochelle() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join("\n".join(p.extract_text() for p in reader.pages).split())


@cache
def report(lang: str, show_pseudonyms: bool = False) -> str:
    return text_of(workshop_report(la_rochelle(), decks(), lang, show_pseudonyms=show_pseudonyms))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_report_presents_the_scenarios_in_ranking_order(lang: str) -> None:
    text = report(lang)
    ranking = rank_scenarios(la_rochelle(), decks())
    heading = "Scénario · " if lang == "fr" else "Scenario · "
    positions = [text.index(heading + s.title) for s in ranking.scenarios]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "fr",
            [
                "Classement des scénarios",
                "Sensibilité aux poids",
                "Inventaire des données",
                "Besoins et votes",
                "Participation",
                "reste premier dans",
            ],
        ),
        (
            "en",
            [
                "Scenario ranking",
                "Sensitivity to the weights",
                "Data inventory",
                "Needs and votes",
                "Participation",
                "stays first in",
            ],
        ),
    ],
)
def test_report_has_every_part_in_the_chosen_language(lang: str, phrases: list[str]) -> None:
    text = report(lang)
    for phrase in phrases:
        assert phrase in text


def test_pseudonyms_stay_out_unless_the_facilitator_publishes_them() -> None:
    pseudonyms = [p.pseudonym for p in la_rochelle().participants]
    hidden = report("fr")
    shown = report("fr", show_pseudonyms=True)
    assert not any(p in hidden for p in pseudonyms)
    assert "Les pseudonymes ne sont pas publiés" in hidden
    assert all(p in shown for p in pseudonyms)


def test_the_most_voted_need_comes_first() -> None:
    w = la_rochelle()
    totals: dict[str, int] = {}
    for v in w.votes:
        totals[v.need] = totals.get(v.need, 0) + v.dots
    ranked = sorted((n for n in w.needs if not n.hidden), key=lambda n: -totals.get(n.id, 0))
    first, last = decks().need(ranked[0].id), decks().need(ranked[-1].id)
    assert first is not None and last is not None
    text = report("en")
    inventory = text.index("Needs and votes")
    assert inventory < text.index(first.title.en, inventory) < text.index(last.title.en, inventory)


def test_an_empty_workshop_gets_a_report_that_says_so() -> None:
    empty = Workshop(title="Atelier vide", territory="Nulle part", theme="energy")
    text = text_of(workshop_report(empty, decks(), "fr"))
    assert "Aucun scénario pour l’instant" in text
    assert "Aucune source inventoriée" in text
    assert "Aucun besoin proposé" in text


def test_unrated_scenarios_are_listed_as_not_rated() -> None:
    w = la_rochelle().model_copy(update={"ratings": []})
    text = text_of(workshop_report(w, decks(), "en"))
    assert "No ratings yet" in text
    assert text.count("not rated") == len(w.scenarios)
