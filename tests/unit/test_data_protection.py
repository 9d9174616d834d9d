"""The data-protection pre-check on the bundled examples: the impact assessment's verdict,
the controller and legal basis per governance model, the register entry, the DPO, the
information notice, professional secrecy, the Data Governance Act and the council decision.
(The criteria one by one and the review's probes: ``test_dpia_checklist.py``.)"""

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
from selfdata.engines.lawful_basis import council_body
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
    ("name", "sid", "met", "listed"),
    [
        # the Métropole's social file: income and benefits, CAF + DGFiP + city, RSA recipients
        ("grand_lyon", "sc_metropole_ttp", {"sensitive", "matching", "vulnerable"},
         {"cnil_social_support"}),
        # La Rochelle's CO2 coach: trip traces from several operators, advice on them
        ("la_rochelle", "sc_coach_co2", {"evaluation", "sensitive", "matching"},
         {"cnil_profiling_external"}),
        # the planning cooperative: counters in public space
        ("la_rochelle", "sc_planning_coop",
         {"monitoring", "sensitive", "large_scale", "matching", "innovative"}, {"cnil_location"}),
    ],
)  # fmt: skip
def test_the_examples_that_meet_two_criteria_or_a_cnil_item_must_have_an_impact_assessment(
    name: str, sid: str, met: set[str], listed: set[str]
) -> None:
    w, s = scenario_of(name, sid)
    check = pre_check(w, s, decks())
    assert set(check.met) == met and set(check.listed) == listed
    assert check.dpia == "required"
    assert "Obligatoire" in check.dpia_reason.fr and "Required" in check.dpia_reason.en


def test_a_single_criterion_with_an_open_question_is_advised_not_required() -> None:
    w, s = scenario_of("nantes", "sc_waste_account")
    check = pre_check(w, s, decks())
    assert check.met == ("matching",) and check.dpia == "recommended"
    assert [q.id for q in check.questions] == ["innovative"]  # a prototype model: new here?


def test_one_low_sensitivity_source_with_a_few_volunteers_needs_no_impact_assessment() -> None:
    w, s = with_case(["sports_leisure_bookings"], "carpool_with_neighbours", "personal_cloud")
    check = pre_check(w, s, decks())
    assert check.met == () and check.questions == () and check.dpia == "not_required"
    assert "Pas obligatoire" in check.dpia_reason.fr


def test_the_large_scale_mark_is_the_toolkits_own_and_says_so() -> None:
    source, need = "sports_leisure_bookings", "carpool_with_neighbours"
    w, s = with_case([source], need, residents=LARGE_SCALE_RESIDENTS)
    big = pre_check(w, s, decks())
    assert "large_scale" in big.met
    w, s = with_case([source], need, residents=LARGE_SCALE_RESIDENTS - 1)
    assert "large_scale" not in pre_check(w, s, decks()).met
    scale = next(c for c in big.criteria if c.id == "large_scale")
    assert "aucun seuil chiffré" in scale.rule.fr


def test_special_category_data_at_large_scale_needs_an_assessment_on_its_own() -> None:
    special = next(c for c in decks().data_sources if c.sensitivity == "special")
    w, s = with_case([special.id], "carpool_with_neighbours", residents=LARGE_SCALE_RESIDENTS)
    check = pre_check(w, s, decks())
    assert "b" in check.art35 and check.dpia == "required"
    assert "35, paragraphe 3, b" in check.dpia_reason.fr
    assert all("art. 9" in p.special.fr for p in check.processings[:2] if p.special)
    assert check.processings[0].special is not None


def test_the_register_entry_has_the_art_30_fields_and_the_legal_basis() -> None:
    w, s = scenario_of("grand_lyon", "sc_metropole_ttp")
    entry = {f.id: f for f in pre_check(w, s, decks()).register}
    assert list(entry) == [
        "controller", "purpose", "basis", "subjects", "categories", "recipients",
        "transfers", "retention", "security",
    ]  # fmt: skip
    assert all("art. 30" in f.rule.fr for k, f in entry.items() if k != "basis")
    assert "art. 6" in entry["basis"].rule.fr
    # the Métropole runs the platform: it is the controller, on its public task
    assert "collectivité" in entry["controller"].value.fr
    assert "6, paragraphe 1, e" in entry["basis"].value.fr and "6(1)(e)" in entry["basis"].value.en
    assert "considérant 43" in entry["basis"].value.fr
    assert "800" in entry["subjects"].value.fr
    assert "18 mois" in entry["retention"].value.fr and "18 months" in entry["retention"].value.en
    assert "Revenus" in entry["categories"].value.fr


@pytest.mark.parametrize("name", ["la_rochelle", "grand_lyon", "nantes"])
def test_recipients_are_who_receives_data_once_each_never_the_holders(name: str) -> None:
    w = example(name)
    for s in w.scenarios:
        entry = {f.id: f for f in pre_check(w, s, decks()).register}
        names = [x.strip().casefold() for x in entry["recipients"].value.fr.split(",")]
        assert len(names) == len(set(names)), (s.id, names)
        assert not any("caisse d’allocations" in x or "caf" == x for x in names)


@pytest.mark.parametrize(
    ("name", "sid", "words"),
    [
        ("la_rochelle", "sc_coach_co2", ("Pas la collectivité", "exemption domestique")),
        ("la_rochelle", "sc_planning_coop", ("Pas la collectivité", "coopérative")),
        ("la_rochelle", "sc_mobility_budget", ("Chaque détenteur",)),
        ("grand_lyon", "sc_metropole_ttp", ("La collectivité, qui opère la plateforme",)),
        ("la_rochelle", "sc_car_free_month", ("L’opérateur de la plateforme", "art. 26")),
    ],
)
def test_the_controller_follows_the_governance_model(
    name: str, sid: str, words: tuple[str, ...]
) -> None:
    w, s = scenario_of(name, sid)
    check = pre_check(w, s, decks())
    controller = check.register[0].value.fr
    assert all(word in controller for word in words), controller
    assert check.processings[0].controller.fr in controller
    assert w.territory not in controller


def test_a_ccas_file_names_the_ccas_as_its_own_controller() -> None:
    w, s = scenario_of("grand_lyon", "sc_worker_pilot")
    check = pre_check(w, s, decks())
    transmission = next(p for p in check.processings if p.id == "transmission")
    assert "établissement public distinct" in transmission.controller.fr
    assert "L.123-6" in transmission.controller.fr
    secrecy = next(x for x in check.steps if x.id == "secrecy")
    assert secrecy.needed and "L.411-3" in secrecy.rule.fr


@pytest.mark.parametrize("name", ["la_rochelle", "grand_lyon", "nantes"])
def test_every_processing_of_every_example_has_an_art_6_basis(name: str) -> None:
    w = example(name)
    for s in w.scenarios:
        check = pre_check(w, s, decks())
        assert [p.id for p in check.processings] == ["service", "transmission", "evaluation"]
        for p in check.processings:
            assert "art. 6" in p.basis.fr or "art. 15" in p.basis.fr, (s.id, p.basis.fr)


@pytest.mark.parametrize(
    ("name", "sid", "status"),
    [
        ("grand_lyon", "sc_metropole_ttp", "not_applicable"),  # the Métropole runs it: 2(11)
        ("la_rochelle", "sc_car_free_month", "to_check"),  # who runs the platform?
        ("la_rochelle", "sc_planning_coop", "todo"),  # a data cooperative notifies
        ("la_rochelle", "sc_coach_co2", "not_applicable"),  # the cloud operator's concern
        ("la_rochelle", "sc_mobility_budget", "not_applicable"),  # direct transfer
    ],
)
def test_the_data_governance_act_only_where_it_applies(name: str, sid: str, status: str) -> None:
    w, s = scenario_of(name, sid)
    steps = {x.id: x for x in pre_check(w, s, decks()).steps}
    assert list(steps) == ["dpo", "information", "secrecy", "dga", "council"]
    assert steps["dga"].status == status
    assert "2022/868" in steps["dga"].rule.fr and "2(11)" in steps["dga"].rule.en
    if status == "not_applicable" and s.model == "trusted_third_party":
        assert "2, 11, d" in steps["dga"].text.fr
    assert steps["dpo"].needed and "art. 37" in steps["dpo"].rule.fr
    assert steps["information"].needed and "13" in steps["information"].rule.fr


@pytest.mark.parametrize(
    ("territory", "body", "article"),
    [
        ("Métropole de Lyon", "lyon", "L.3642-1"),
        ("Nantes Métropole", "epci", "L.5211-1"),
        ("Communauté d’agglomération de La Rochelle", "epci", "L.5211-1"),
        ("La Rochelle", None, "L.2121-29"),
        ("Ville de La Rochelle", "commune", "L.2121-29"),
        ("Commune d’Aytré", "commune", "L.2121-29"),
    ],
)
def test_the_council_decision_cites_the_article_of_the_body_that_decides(
    territory: str, body: str | None, article: str
) -> None:
    assert council_body(territory) == body
    w, s = scenario_of("nantes", "sc_energy_coop")
    w = w.model_copy(update={"territory": territory})
    council = pre_check(w, s, decks()).steps[-1]
    assert council.needed and article in council.rule.fr
    if body == "lyon":
        assert "L.2121-29" not in council.rule.fr and "L.3611-1" in council.rule.fr
    if body is not None:  # one body, one article (and its source), in both languages
        others = {"L.2121-29", "L.5211-1", "L.3642-1"} - {article}
        for lang in ("fr", "en"):
            assert article in council.rule.get(lang) and "CGCT" in council.rule.get(lang)
            assert not any(o in council.rule.get(lang) for o in others)
    assert "SCIC" in council.text.fr


def test_the_dpo_is_asked_about_the_assessment_when_one_is_required() -> None:
    w, s = scenario_of("grand_lyon", "sc_metropole_ttp")
    dpo = pre_check(w, s, decks()).steps[0]
    assert "35, paragraphe 2" in dpo.text.fr and "35(2)" in dpo.text.en


def test_the_threshold_is_the_cnil_and_edpb_two_criteria_rule() -> None:
    assert DPIA_THRESHOLD == 2


@pytest.mark.parametrize("name", ["la_rochelle", "grand_lyon", "nantes"])
def test_the_register_entry_agrees_with_the_rest_of_the_checklist(name: str) -> None:
    w = example(name)
    for s in w.scenarios:
        check = pre_check(w, s, decks())
        entry = {f.id: f for f in check.register}
        service = check.processings[0]
        assert service.controller.fr in entry["controller"].value.fr
        assert service.basis.fr in entry["basis"].value.fr
        if service.special is not None:
            assert service.special.fr in entry["basis"].value.fr
        vulnerable = next(c for c in check.criteria if c.id == "vulnerable")
        assert ("vulnérables" in entry["subjects"].value.fr) == bool(vulnerable.met), s.id
