"""Plain words for an elected official (issue 27): the dossier's summary is sentences (no
"Sources de données : 4, chez …", no name cut mid-word, the right article before the
territory); every method word the ranking pages use is explained in a box; a reason is
never a strength filed under "−"."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.engines.governance import governance_fit
from selfdata.export.pdf_base import clip
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t
from tests.pdf_builds import scenario_dossier, workshop_report

pytestmark = pytest.mark.pdf


@cache
def decks() -> Decks:
    return default_decks()


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize(
    ("name", "sid", "article"),
    [
        ("grand_lyon", "sc_metropole_ttp", "volontaires de la Métropole de Lyon"),
        (
            "la_rochelle",
            "sc_coach_co2",
            "volontaires de la Communauté d’agglomération de La Rochelle",
        ),
        ("nantes", "sc_energy_coop", "volontaires de Nantes Métropole"),
    ],
)
def test_the_summary_is_sentences_with_the_right_article(name: str, sid: str, article: str) -> None:
    workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    first = PdfReader(io.BytesIO(scenario_dossier(workshop, decks(), sid, "fr"))).pages[0]
    text = squash(first.extract_text())
    assert article in text
    assert "Sources de données :" not in text and "Sources de données\u202f:" not in text
    assert ", chez " not in text and "La personne elle-même" not in text
    assert "Le conseil est invité à approuver" in text
    assert "analyse d’impact" in text


def test_a_clipped_name_is_cut_between_words() -> None:
    name = "Exploitant du réseau de transport urbain, délégataire de l’autorité organisatrice"
    cut = clip(name, 40)
    assert cut.endswith("…") and len(cut) <= 40
    assert name.startswith(cut[:-1]) and name[len(cut) - 1] in " ,"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_method_word_of_the_ranking_pages_is_explained(lang: str) -> None:
    workshop = load_workshop(SCENARIOS_DIR / "grand_lyon.yaml")
    report = pdf_text(workshop_report(workshop, decks(), lang))
    dossier = pdf_text(scenario_dossier(workshop, decks(), "sc_metropole_ttp", lang))
    for text in (report, dossier):
        assert squash(t("pdf.method_words", lang)) in text
    for word in ("weighted_sum", "topsis", "consensus", "stability", "sensitivity", "median",
                 "spread"):  # fmt: skip
        assert squash(t(f"pdf.method.{word}", lang))[:50] in report, word
    for word in ("weighted_sum", "topsis", "consensus", "median", "spread"):
        assert squash(t(f"pdf.method.{word}", lang))[:50] in dossier, word


def test_no_strength_is_filed_under_minus() -> None:
    traits = {t_.id: t_ for t_ in decks().governance_traits}
    for question in decks().governance_questions:
        for option in question.options:
            for fit in governance_fit({question.id: option.id}, decks()):
                for reason in fit.reasons_against:
                    wanted = option.weights.get(reason.trait, 0.0)
                    if wanted < 0:  # the answers want little of it; the model has much
                        assert reason.text.fr != traits[reason.trait].high.fr
                        assert "demandent le contraire" in reason.text.fr
                for reason in fit.reasons_for:
                    if option.weights.get(reason.trait, 0.0) < 0:
                        assert "comme les réponses le demandent" in reason.text.fr
