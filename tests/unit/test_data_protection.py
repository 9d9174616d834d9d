"""The data-protection pre-check: which scenarios need an impact assessment (AIPD/DPIA)
and why, the register entry, the DPO, the Data Governance Act and the council decision."""

from __future__ import annotations

from functools import cache

import pytest

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Scenario, Scope, UseCase, Workshop
from selfdata.engines.data_protection import (
    DPIA_THRESHOLD,
    LARGE_SCALE_RESIDENTS,
    pre_check,
)
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop


@cache
def decks() -> Decks:
    return default_decks()


@cache
def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def scenario_of(name: str, sid: str) -> tuple[Workshop, Scenario]:
    w = example(name)
    return w, next(s for s in w.scenarios if s.id == sid)


def with_case(
    sources: list[str], need: str, model: str = "direct_transfer", residents: int = 200
) -> tuple[Workshop, Scenario]:
    """The Nantes workshop with one made-up use case and scenario."""
    w = example("nantes")
    case = UseCase(id="uc_test", title="Cas de test", need=need, sources=sources)
    scenario = Scenario(
        id="sc_test",
        title="Scénario de test",
        use_case="uc_test",
        model=model,
        scope=Scope(residents=residents, duration_months=6, partners=["Partenaire"]),
    )
    return (
        w.model_copy(update={"use_cases": [*w.use_cases, case], "scenarios": [scenario]}),
        scenario,
    )


@pytest.mark.parametrize(
    ("name", "sid", "met"),
    [
        # the Métropole's social file: income and benefits, CAF + DGFiP + city, RSA recipients
        ("grand_lyon", "sc_metropole_ttp", {"sensitive", "matching", "vulnerable"}),
        # La Rochelle's CO2 coach: trip traces from several mobility operators
        ("la_rochelle", "sc_coach_co2", {"sensitive", "matching", "location"}),
    ],
)
def test_scenarios_that_meet_two_cnil_criteria_or_more_must_have_an_impact_assessment(
    name: str, sid: str, met: set[str]
) -> None:
    w, s = scenario_of(name, sid)
    check = pre_check(w, s, decks())
    assert set(check.met) == met
    assert check.dpia == "required"
    assert "2" in check.dpia_reason.fr and "RGPD art. 35" in check.dpia_reason.fr
    assert "GDPR art. 35" in check.dpia_reason.en


@pytest.mark.parametrize(
    ("name", "sid", "met"),
    [
        ("nantes", "sc_leak_alerts_direct", {"large_scale"}),
        ("nantes", "sc_waste_account", {"matching"}),
    ],
)
def test_a_single_criterion_does_not_make_the_impact_assessment_required(
    name: str, sid: str, met: set[str]
) -> None:
    w, s = scenario_of(name, sid)
    check = pre_check(w, s, decks())
    assert set(check.met) == met and check.dpia == "recommended"


def test_one_low_sensitivity_source_with_a_few_volunteers_needs_no_impact_assessment() -> None:
    low = next(
        c
        for c in decks().data_sources
        if c.sensitivity == "low"
        and not {"social_benefits", "social_aid_file"} & set(c.categories)
        and not {"trip_traces", "transport_validations", "parking_sessions"} & set(c.categories)
    )
    need = next(
        n.id
        for n in decks().needs
        if not {"social_benefits", "social_aid_file"} & set(n.categories)
    )
    w, s = with_case([low.id], need)
    check = pre_check(w, s, decks())
    assert check.met == () and check.dpia == "not_required"
    assert "Pas obligatoire" in check.dpia_reason.fr


def test_every_criterion_says_why_and_cites_its_rule_in_both_languages() -> None:
    w, s = scenario_of("grand_lyon", "sc_metropole_ttp")
    check = pre_check(w, s, decks())
    assert [c.id for c in check.criteria] == [
        "sensitive",
        "large_scale",
        "matching",
        "location",
        "vulnerable",
    ]
    for c in check.criteria:
        assert c.why.fr and c.why.en and c.why.fr != c.why.en
        assert "WP248" in c.rule.fr or "CNIL" in c.rule.fr
    sensitive = check.criteria[0]
    assert "Avis d’imposition" in sensitive.why.fr or "impôt" in sensitive.why.fr.lower()


def test_the_large_scale_mark_is_the_toolkits_own_and_says_so() -> None:
    source = decks().data_sources[0].id
    need = decks().needs[0].id
    w, s = with_case([source], need, residents=LARGE_SCALE_RESIDENTS)
    big = pre_check(w, s, decks())
    assert "large_scale" in big.met
    w, s = with_case([source], need, residents=LARGE_SCALE_RESIDENTS - 1)
    assert "large_scale" not in pre_check(w, s, decks()).met
    assert "aucun seuil chiffré" in big.criteria[1].rule.fr


def test_special_category_data_at_large_scale_needs_an_assessment_on_its_own() -> None:
    special = next(c for c in decks().data_sources if c.sensitivity == "special")
    w, s = with_case([special.id], decks().needs[0].id, residents=LARGE_SCALE_RESIDENTS)
    check = pre_check(w, s, decks())
    assert check.dpia == "required" and "35" in check.dpia_reason.fr
    assert "art. 9" in check.criteria[0].rule.fr


def test_the_register_entry_has_the_art_30_fields_drafted_from_the_scenario() -> None:
    w, s = scenario_of("grand_lyon", "sc_metropole_ttp")
    entry = {f.id: f for f in pre_check(w, s, decks()).register}
    assert list(entry) == [
        "controller",
        "purpose",
        "subjects",
        "categories",
        "recipients",
        "transfers",
        "retention",
        "security",
    ]
    assert all("art. 30" in f.rule.fr and "30(1)" in f.rule.en for f in entry.values())
    assert "Métropole de Lyon" in entry["controller"].value.fr
    assert "800" in entry["subjects"].value.fr
    assert "18 mois" in entry["retention"].value.fr and "18 months" in entry["retention"].value.en
    assert "Caisse d’allocations familiales" in entry["recipients"].value.fr
    assert "Revenus" in entry["categories"].value.fr


@pytest.mark.parametrize(
    ("name", "sid", "dga"),
    [
        ("grand_lyon", "sc_metropole_ttp", True),  # trusted third party: an intermediary
        ("la_rochelle", "sc_planning_coop", True),  # a data cooperative
        ("la_rochelle", "sc_coach_co2", False),  # a personal cloud the resident runs
        ("la_rochelle", "sc_mobility_budget", False),  # direct transfer
    ],
)
def test_the_dga_notification_is_due_for_an_intermediary_or_a_cooperative(
    name: str, sid: str, dga: bool
) -> None:
    w, s = scenario_of(name, sid)
    steps = {x.id: x for x in pre_check(w, s, decks()).steps}
    assert list(steps) == ["dpo", "dga", "council"]
    assert steps["dga"].needed is dga
    assert "2022/868" in steps["dga"].rule.fr and "Arcep" in steps["dga"].rule.fr
    assert steps["dpo"].needed and "art. 37" in steps["dpo"].rule.fr
    assert steps["council"].needed and "L.2121-29" in steps["council"].rule.fr
    if s.model == "data_cooperative":
        assert "SCIC" in steps["council"].text.fr and "coopérative" in steps["dga"].text.fr


def test_the_dpo_is_asked_about_the_assessment_when_one_is_required() -> None:
    w, s = scenario_of("grand_lyon", "sc_metropole_ttp")
    dpo = pre_check(w, s, decks()).steps[0]
    assert "35, paragraphe 2" in dpo.text.fr and "35(2)" in dpo.text.en


def test_the_threshold_is_the_cnil_and_edpb_two_criteria_rule() -> None:
    assert DPIA_THRESHOLD == 2
