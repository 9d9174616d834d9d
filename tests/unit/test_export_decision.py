"""The dossier's decision pages: the data-protection pre-check, in French and English."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from selfdata.engines.data_protection import pre_check
from selfdata.export import scenario_dossier
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast


def squash(text: str) -> str:
    return " ".join(text.split())


def dossier_text(name: str, sid: str, lang: str) -> str:
    workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    pdf = scenario_dossier(workshop, default_decks(), sid, lang)
    return squash("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("name", "sid", "verdict"),
    [
        ("grand_lyon", "sc_metropole_ttp", "required"),
        ("nantes", "sc_leak_alerts_direct", "recommended"),
    ],
)
def test_the_dossier_prints_the_impact_assessment_answer_and_why(
    name: str, sid: str, verdict: str, lang: str
) -> None:
    text = dossier_text(name, sid, lang)
    assert squash(t("dp.title", lang)) in text
    assert squash(f"{t('dp.dpia', lang)} — {t(f'dp.verdict.{verdict}', lang)}") in text
    workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    scenario = next(s for s in workshop.scenarios if s.id == sid)
    check = pre_check(workshop, scenario, default_decks())
    assert check.dpia == verdict
    assert squash(check.dpia_reason.get(lang)) in text
    assert squash(t("dp.register", lang)) in text
    for step in check.steps:
        assert squash(step.rule.get(lang)) in text
