"""The dossier's decision pages: the data-protection pre-check, in French and English."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from selfdata.engines.data_protection import pre_check
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t
from tests.pdf_builds import scenario_dossier

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
        ("nantes", "sc_waste_account", "recommended"),
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
    for step in check.steps:  # (a rule may run across a page break: its step is named)
        assert (
            squash(f"{t(f'dp.step.{step.id}', lang)} ({t(f'dp.status.{step.status}', lang)})")
            in text
        )


def _probe(name: str, need: str, sources: list[str], model: str, residents: int):  # type: ignore[no-untyped-def]
    from selfdata.domain.workshop import Scenario, Scope, UseCase

    w = load_workshop(SCENARIOS_DIR / "nantes.yaml")
    case = UseCase(id=f"uc_{name}", title="Sonde", need=need, sources=sources)
    scenario = Scenario(
        id=f"sc_{name}",
        title="Sonde",
        use_case=case.id,
        model=model,
        scope=Scope(residents=residents, duration_months=12),
    )
    return w.model_copy(update={"use_cases": [case], "scenarios": [scenario]}), scenario.id


PROBES = {
    "sensors": ("contribute_to_planning", ["traffic_counters", "noise_air_sensors"],
                "civic_data_trust", 0),
    "elderly": ("elderly_living_at_home", ["electricity_load_curve"], "direct_transfer", 60),
    "library": ("reading_and_leisure_diary", ["library_loans"], "trusted_third_party", 4000),
}  # fmt: skip


def _every_dossier():  # type: ignore[no-untyped-def]
    for name in ("la_rochelle", "grand_lyon"):
        workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
        for s in workshop.scenarios:
            yield pytest.param(name, s.id, id=f"{name}-{s.id}")
    for probe in PROBES:
        yield pytest.param("probe", probe, id=f"probe-{probe}")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("name", "sid"), list(_every_dossier()))
def test_every_dossier_prints_the_art_6_basis_and_the_dpos_checklist(
    name: str, sid: str, lang: str
) -> None:
    if name == "probe":
        workshop, sid = _probe(sid, *PROBES[sid])
    else:
        workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    pdf = scenario_dossier(workshop, default_decks(), sid, lang)
    text = squash("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    scenario = next(s for s in workshop.scenarios if s.id == sid)
    check = pre_check(workshop, scenario, default_decks())
    assert squash(t("law.title", lang)) in text
    assert ("art. 6" in text) if lang == "fr" else ("art. 6(1)" in text)
    for p in check.processings:
        assert squash(p.basis.get(lang))[:60] in text
    assert squash(t("dpia.criteria", lang)) in text and "2018-327" in text
    if name == "probe":
        assert check.dpia == "required"
        assert squash(f"{t('dp.dpia', lang)} — {t('dp.verdict.required', lang)}") in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dossiers_checklist_prints_the_fourteen_items_of_the_cnil_list(lang: str) -> None:
    """Read back from the PDF: every item of délibération 2018-327, in the list's order, with
    its answer (yes / no / to be qualified), its reason and its rule."""
    from selfdata.engines.cnil_list import CNIL_ITEMS

    text = dossier_text("grand_lyon", "sc_cloud_simulator", lang)
    workshop = load_workshop(SCENARIOS_DIR / "grand_lyon.yaml")
    scenario = next(s for s in workshop.scenarios if s.id == "sc_cloud_simulator")
    check = pre_check(workshop, scenario, default_decks())
    assert len(CNIL_ITEMS) == 14 and squash(t("dpia.cnil", lang)) in text
    at = text.index(squash(t("dpia.cnil", lang)))
    places = []
    for item in check.cnil_items:
        line = squash(f"{t(f'dpia.{item.id}', lang)} ({t(f'dpia.state.{item.state}', lang)}) —")
        assert line in text, line
        places.append(text.index(line, at))
        assert squash(item.why.get(lang)) in text
    assert places == sorted(places)
    assert {c.state for c in check.cnil_items} == {"met", "not_met", "unknown"}
    for asked in (c for c in check.cnil_items if c.question is not None):
        assert squash(asked.question.get(lang)) in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_la_rochelle_dossier_cites_the_agglomerations_council_article_only(
    lang: str,
) -> None:
    """The bundled La Rochelle example is the agglomeration's (it runs the mobility service
    and the Coach CO2): its council decides under CGCT art. L.5211-1, and the dossier cites
    that article alone, not the commune's nor the Métropole de Lyon's."""
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    assert workshop.territory == "Communauté d’agglomération de La Rochelle"
    for scenario in workshop.scenarios:
        text = dossier_text("la_rochelle", scenario.id, lang)
        assert "CGCT art. L.5211-1" in text
        assert "L.2121-29" not in text and "L.3642-1" not in text and "L.3611-1" not in text
        assert squash(t("law.council.rule.epci", lang))[:60] in text
