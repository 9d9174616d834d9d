"""The proposed action plan is one a council can follow (issue 27): steps in lawful order
(council, agreements, impact assessment before launch, information, recruitment, run,
evaluation), owners by role from the scenario's network, no date and no budget made up."""

from __future__ import annotations

from datetime import date

import pytest

from selfdata.domain.workshop import ActionStep
from selfdata.engines.action_plan import STEP_ORDER, schedule, seed_plan, with_condition
from selfdata.engines.data_protection import pre_check
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

START = date(2027, 1, 4)
EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


def plan_of(name: str, sid: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    w = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    s = next(x for x in w.scenarios if x.id == sid)
    return w, s, seed_plan(w, s, default_decks(), lang)


def every_scenario() -> list[tuple[str, str]]:
    return [
        (name, s.id)
        for name in EXAMPLES
        for s in load_workshop(SCENARIOS_DIR / f"{name}.yaml").scenarios
    ]


@pytest.mark.parametrize(("name", "sid"), every_scenario())
def test_the_steps_come_in_lawful_order_council_first_evaluation_last(name: str, sid: str) -> None:
    _, _, plan = plan_of(name, sid)
    kinds = [p.kind for p in plan]
    assert kinds[0] == "council" and kinds[-1] == "evaluation"
    ranks = [STEP_ORDER.index(k) for k in kinds if k is not None]
    assert ranks == sorted(ranks)
    for kind in ("agreement", "register", "information", "recruitment", "run"):
        assert kind in kinds
    assert kinds.index("dpia") < kinds.index("run")


@pytest.mark.parametrize(("name", "sid"), every_scenario())
def test_no_date_no_duration_no_budget_is_made_up(name: str, sid: str) -> None:
    _, _, plan = plan_of(name, sid)
    assert all(p.due is None and p.weeks is None and p.budget == "" for p in plan)


@pytest.mark.parametrize(("name", "sid"), every_scenario())
def test_owners_are_roles_from_the_scenario_never_the_resident(name: str, sid: str) -> None:
    w, s, plan = plan_of(name, sid)
    owners = {p.owner for p in plan}
    assert all(p.owner for p in plan)
    assert len(owners) >= 3  # not "Collectivité" everywhere
    assert not any("La personne" in p.task or "La personne" in p.owner for p in plan)
    dpia = next(p for p in plan if p.kind == "dpia")
    assert "avis du DPO" in dpia.owner and not dpia.owner.startswith("DPO")
    controller = pre_check(w, s, default_decks()).processings[0].controller.fr
    if controller.startswith("Pas la collectivité"):
        assert "collectivité" not in dpia.owner.casefold()


def test_each_holder_and_each_partner_gets_one_agreement_the_caf_once() -> None:
    _, s, plan = plan_of("grand_lyon", "sc_metropole_ttp")
    tasks = [p.task for p in plan if p.kind == "agreement"]
    assert sum("Caisse d’allocations familiales" in x for x in tasks) == 1
    assert any("DGFiP" in x for x in tasks)
    assert any("Centres communaux d’action sociale" in x for x in tasks)
    assert all(x.startswith("Signer une convention") for x in tasks)


def test_the_ttp_the_metropole_runs_is_owned_by_the_metropole() -> None:
    _, _, plan = plan_of("grand_lyon", "sc_metropole_ttp")
    run = next(p for p in plan if p.kind == "run")
    assert run.owner.startswith("Métropole de Lyon")


def test_the_impact_assessment_step_follows_the_pre_check() -> None:
    w, s, plan = plan_of("grand_lyon", "sc_metropole_ttp")
    assert pre_check(w, s, default_decks()).dpia == "required"
    assert any(p.kind == "dpia" for p in plan)
    _, _, coop = plan_of("la_rochelle", "sc_planning_coop")  # a cooperative: the DGA applies
    assert any(p.kind == "dga" for p in coop)
    _, _, direct = plan_of("la_rochelle", "sc_mobility_budget")  # direct transfer: no DGA
    assert not any(p.kind == "dga" for p in direct)


def test_dates_are_counted_from_the_start_with_the_facilitators_durations() -> None:
    _, _, plan = plan_of("grand_lyon", "sc_metropole_ttp", "en")
    timed = [p.model_copy(update={"weeks": 2}) for p in plan]
    dated = schedule(timed, START)
    assert [p.due for p in dated] == [
        date.fromordinal(START.toordinal() + 14 * (i + 1)) for i in range(len(plan))
    ]
    assert schedule(timed, None) == timed  # no start: nothing computed
    gap = [*timed[:2], timed[2].model_copy(update={"weeks": None}), *timed[3:]]
    dated = schedule(gap, START)
    assert dated[1].due is not None and all(p.due is None for p in dated[2:])


def test_a_condition_the_group_adds_goes_before_residents_are_informed() -> None:
    _, _, plan = plan_of("nantes", "sc_energy_coop")
    condition = ActionStep(task="Garder un accès sans la plateforme", owner="Conseil (élus)")
    out = with_condition(plan, condition)
    kinds = [p.kind for p in out]
    assert kinds.index("condition") < kinds.index("information")
    assert kinds.index("condition") > kinds.index("council")
    assert len(out) == len(plan) + 1
