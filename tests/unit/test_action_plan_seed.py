"""The proposed action plan is drawn from the scenario: its holders, its partners, the
legal steps its pre-check asks for, then the launch and the review."""

from __future__ import annotations

from datetime import date

from selfdata.engines.action_plan import seed_plan
from selfdata.engines.data_protection import pre_check
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

START = date(2027, 1, 4)


def plan_of(name: str, sid: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    w = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    s = next(x for x in w.scenarios if x.id == sid)
    return w, s, seed_plan(w, s, default_decks(), lang, START)


def test_each_holder_and_each_partner_gets_a_step_with_an_owner_and_a_date() -> None:
    w, s, plan = plan_of("grand_lyon", "sc_metropole_ttp")
    tasks = [p.task for p in plan]
    assert any("Caisse d’allocations familiales (CAF)" in x and "Rencontrer" in x for x in tasks)
    assert any("DGFiP" in x for x in tasks)
    for partner in s.scope.partners:
        assert any(partner in x and "convention" in x for x in tasks)
    assert all(p.owner and p.due is not None and p.due > START for p in plan)
    assert [p.due for p in plan] == sorted(p.due for p in plan)  # type: ignore[type-var]


def test_the_legal_steps_follow_the_pre_check() -> None:
    w, s, plan = plan_of("grand_lyon", "sc_metropole_ttp")
    tasks = " | ".join(p.task for p in plan)
    assert pre_check(w, s, default_decks()).dpia == "required"
    assert "analyse d’impact" in tasks and "Arcep" in tasks and "délibération" in tasks
    _, _, cloud = plan_of("la_rochelle", "sc_mobility_budget")  # direct transfer: no DGA
    assert "Arcep" not in " | ".join(p.task for p in cloud)


def test_the_review_comes_after_the_experiments_duration_and_english_is_one_word_away() -> None:
    _, s, plan = plan_of("grand_lyon", "sc_metropole_ttp", "en")
    launch, review = plan[-2], plan[-1]
    assert "800 volunteer residents" in launch.task and "Review" in review.task
    months = (review.due.year - launch.due.year) * 12 + review.due.month - launch.due.month  # type: ignore[union-attr]
    assert months == s.scope.duration_months
