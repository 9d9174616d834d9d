"""The agenda's presets and the room's clock (pure): a preset scales the step cards'
durations to its sessions in five-minute slots, adding up to the preset exactly."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from selfdata.domain.agenda import (
    PRESET_SESSIONS,
    StepClock,
    change_step,
    custom_agenda,
    elapsed_seconds,
    format_minutes,
    preset_agenda,
    scale_minutes,
    split_steps,
    start_clock,
    step_sessions,
    used_seconds,
)
from selfdata.domain.cards import STEP_IDS
from selfdata.files.loading import default_decks

CARDS = {s.id: s.duration_minutes for s in default_decks().steps}


def test_the_step_cards_add_up_to_4_h_50_which_no_session_has() -> None:
    assert sum(CARDS.values()) == 290
    assert list(CARDS) == list(STEP_IDS)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("half_day", [35, 30, 35, 30, 30, 35, 15]),
        ("two_sessions", [60, 55, 65, 50, 45, 60, 25]),
    ],
)
def test_a_preset_scales_the_step_cards_to_its_sessions(preset: str, expected: list[int]) -> None:
    plan = preset_agenda(preset, CARDS)
    assert [plan.planned(s) for s in STEP_IDS] == expected
    assert plan.total == plan.available == sum(PRESET_SESSIONS[preset])
    assert plan.total == {"half_day": 210, "two_sessions": 360}[preset]


@pytest.mark.parametrize("total", [5, 35, 60, 100, 210, 213, 360, 600])
@pytest.mark.parametrize(
    "durations",
    [CARDS, {"a": 1, "b": 1, "c": 1}, {"a": 90, "b": 5, "c": 5}, {"a": 10, "b": 0}],
)
def test_scaled_times_add_up_to_the_total_in_five_minute_slots(
    durations: dict[str, int], total: int
) -> None:
    scaled = scale_minutes(durations, total)
    assert list(scaled) == list(durations)
    assert sum(scaled.values()) == total
    assert all(m % 5 == 0 for m in list(scaled.values())[:-1] if total % 5 == 0)
    steps = [s for s in durations if durations[s]]
    if total // 5 >= len(steps):
        assert all(scaled[s] >= 5 for s in steps), "every step keeps a slot"
    assert all(scaled[s] == 0 for s in durations if not durations[s])


def test_the_longer_step_never_gets_less_time() -> None:
    scaled = scale_minutes(CARDS, 210)
    for a in STEP_IDS:
        for b in STEP_IDS:
            if CARDS[a] > CARDS[b]:
                assert scaled[a] >= scaled[b], (a, b)


def test_nothing_to_scale_gives_nothing() -> None:
    assert scale_minutes({"a": 0}, 210) == {"a": 0}
    assert scale_minutes({"a": 10}, 0) == {"a": 0}


def test_a_custom_agenda_may_run_over_but_not_past_the_bounds() -> None:
    plan = custom_agenda({"inventory": 200, "needs": 40}, [180])
    assert (plan.total, plan.available, plan.planned("export")) == (240, 180, 0)
    for minutes, sessions in (
        ({"inventory": 241}, [210]),
        ({"inventory": -5}, [210]),
        ({"lunch": 30}, [210]),
        ({"inventory": 30}, [10]),
        ({"inventory": 30}, [601]),
        ({"inventory": 30}, []),
        ({"inventory": 30}, [60, 60, 60, 60]),
    ):
        with pytest.raises(ValidationError):
            custom_agenda(minutes, sessions)


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [
        (0, "0\u00a0min"),
        (45, "45\u00a0min"),
        (60, "1\u00a0h"),
        (210, "3\u00a0h\u00a030"),
        (65.4, "1\u00a0h\u00a005"),
        (-12, "-12\u00a0min"),
    ],
)
def test_durations_read_at_a_glance(minutes: float, shown: str) -> None:
    assert format_minutes(minutes) == shown


def test_the_clock_counts_each_step_and_the_whole_workshop() -> None:
    idle = StepClock()
    assert not idle.started
    assert used_seconds(idle, "inventory", 100.0) == elapsed_seconds(idle, 100.0) == 0
    clock = change_step(idle, "needs", 1000.0)  # first move: the clock starts now
    assert clock.started and used_seconds(clock, "needs", 1600.0) == 600
    clock = change_step(clock, "use_cases", 1900.0)
    assert clock.used == {"needs": 900.0}
    clock = change_step(clock, "needs", 2000.0)  # back again: earlier time counts
    assert used_seconds(clock, "needs", 2100.0) == 1000
    assert used_seconds(clock, "use_cases", 2100.0) == 100
    assert elapsed_seconds(clock, 2100.0) == 1100
    fresh = start_clock("needs", 5000.0)
    assert used_seconds(fresh, "needs", 5060.0) == elapsed_seconds(fresh, 5060.0) == 60


def test_two_sessions_break_between_two_steps_each_session_filled_exactly() -> None:
    plan = preset_agenda("two_sessions", CARDS)
    sessions = step_sessions(plan)
    assert sessions == {
        "inventory": 1,
        "needs": 1,
        "use_cases": 1,
        "governance": 2,
        "network": 2,
        "scenarios": 2,
        "export": 2,
    }
    for n, length in enumerate(plan.sessions, start=1):
        assert sum(plan.planned(s) for s, k in sessions.items() if k == n) == length


NU = ["needs", "use_cases"]
IN = ["inventory", "needs"]


@pytest.mark.parametrize(
    ("durations", "sessions", "expected"),
    [
        ({"inventory": 10, "needs": 10}, [60], [["inventory", "needs"]]),
        (
            {"inventory": 10, "needs": 10, "use_cases": 10},
            [60, 60],
            [["inventory"], ["needs", "use_cases"]],
        ),
        (
            {"inventory": 90, "needs": 5, "use_cases": 5},
            [60, 60],
            [["inventory"], ["needs", "use_cases"]],
        ),
        (
            {"inventory": 5, "needs": 5, "use_cases": 90},
            [60, 60],
            [["inventory", "needs"], ["use_cases"]],
        ),
        ({"inventory": 10, "needs": 10}, [60, 60, 60], [["inventory"], ["needs"]]),
        (
            {s: 10 for s in STEP_IDS},
            [60, 60, 60],
            [list(STEP_IDS[:2]), list(STEP_IDS[2:5]), list(STEP_IDS[5:])],
        ),
    ],
)
def test_steps_split_into_one_run_per_session(
    durations: dict[str, int], sessions: list[int], expected: list[list[str]]
) -> None:
    assert split_steps(durations, sessions) == expected


def test_a_custom_plan_over_its_sessions_keeps_its_last_steps_in_the_last_session() -> None:
    plan = custom_agenda({s: 60 for s in STEP_IDS}, [60, 60])
    assert step_sessions(plan) == {s: (1 if s == "inventory" else 2) for s in STEP_IDS}
    assert step_sessions(custom_agenda({"needs": 30, "export": 30}, [30, 30])) == {
        "needs": 1,
        "export": 2,
    }
