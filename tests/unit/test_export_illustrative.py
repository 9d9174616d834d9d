"""An illustrative workshop's PDFs say so on every page; a real one's never do."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import scenario_dossier, workshop_report

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast

DISCLAIMER = {
    "fr": "Exemple illustratif : participants, votes et notes inventés",
    "en": "Illustrative example: participants, votes and ratings made up",
}
EXAMPLES = {"la_rochelle": "sc_coach_co2", "grand_lyon": None}


@cache
def decks() -> Decks:
    return default_decks()


@cache
def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def first_scenario(workshop: Workshop, wanted: str | None) -> str:
    return wanted or workshop.scenarios[0].id


def pages(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space (narrow no-break ones too) made one space."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def exports(workshop: Workshop, scenario: str, lang: str) -> dict[str, bytes]:
    make: dict[str, Callable[[], bytes]] = {
        "report": lambda: workshop_report(workshop, decks(), lang),
        "dossier": lambda: scenario_dossier(workshop, decks(), scenario, lang),
    }
    return {kind: build() for kind, build in make.items()}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_page_of_an_illustrative_examples_pdfs_carries_the_disclaimer(
    name: str, lang: str
) -> None:
    workshop = example(name)
    assert workshop.illustrative
    scenario = first_scenario(workshop, EXAMPLES[name])
    for kind, pdf in exports(workshop, scenario, lang).items():
        texts = pages(pdf)
        assert len(texts) >= 2, kind
        missing = [i + 1 for i, text in enumerate(texts) if DISCLAIMER[lang] not in text]
        assert missing == [], f"{name} {kind} {lang}: pages without the disclaimer {missing}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_workshop_that_is_not_illustrative_has_no_disclaimer_on_any_page(lang: str) -> None:
    workshop = example("la_rochelle").model_copy(update={"illustrative": False})
    for kind, pdf in exports(workshop, "sc_coach_co2", lang).items():
        texts = pages(pdf)
        assert texts, kind
        assert not [t for t in texts if DISCLAIMER[lang] in t], kind
        assert not [t for t in texts if DISCLAIMER["fr"] in t or DISCLAIMER["en"] in t]
