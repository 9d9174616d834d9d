"""The dot-vote and rating rules (selfdata.domain.rules), without a database."""

import math

import pytest

from selfdata.domain import limits, rules
from selfdata.domain.errors import Conflict, InvalidInput, LimitExceeded

# (on_need, spent, delta, budget, cap) -> rules broken
DOT_CHANGES = [
    ((0, 0, 1, 5, 3), []),
    ((2, 4, 1, 5, 3), []),
    ((0, 5, 1, 5, 3), [rules.BUDGET]),
    ((3, 3, 1, 5, 3), [rules.CAP]),
    ((3, 5, 1, 5, 3), [rules.BUDGET, rules.CAP]),
    ((0, 0, 6, 5, 6), [rules.BUDGET]),
    ((0, 0, 4, 5, 3), [rules.CAP]),
    ((2, 2, -2, 5, 3), []),
    ((1, 1, -2, 5, 3), [rules.NOTHING_TO_WITHDRAW]),
    ((0, 0, -1, 5, 3), [rules.NOTHING_TO_WITHDRAW]),
    # withdrawing is always allowed, even above a budget or cap lowered since
    ((4, 9, -1, 5, 3), []),
]


@pytest.mark.parametrize(("change", "broken"), DOT_CHANGES)
def test_a_dot_change_breaks_exactly_the_rules_of_the_table(
    change: tuple[int, int, int, int, int], broken: list[str]
) -> None:
    assert rules.dot_breaches(*change) == broken


@pytest.mark.parametrize(("change", "broken"), DOT_CHANGES)
def test_checking_a_dot_change_refuses_the_first_broken_rule_or_gives_the_new_count(
    change: tuple[int, int, int, int, int], broken: list[str]
) -> None:
    if not broken:
        assert rules.check_dot_change(*change) == change[0] + change[2]
        return
    with pytest.raises(LimitExceeded) as err:
        rules.check_dot_change(*change)
    assert err.value.key == broken[0]
    assert err.value.message("fr") and err.value.message("en")


def test_the_budget_refusal_says_how_many_dots_are_placed_out_of_the_budget() -> None:
    with pytest.raises(LimitExceeded) as err:
        rules.check_dot_change(0, 5, 1, 5, 3)
    assert "5 gommettes sur 5" in err.value.message("fr")
    assert "5 of your 5 dots" in err.value.message("en")


def test_withdrawing_more_than_placed_says_how_many_are_there() -> None:
    with pytest.raises(LimitExceeded) as err:
        rules.check_dot_change(1, 1, -2, 5, 3)
    assert err.value.message("en") == "You only have 1 dot(s) on this need."


@pytest.mark.parametrize(
    "delta", [0, True, False, 1.0, "1", None, limits.MAX_DOTS_PER_CALL + 1, -51]
)
def test_a_dot_delta_that_no_call_may_carry_is_invalid_input(delta: object) -> None:
    assert not rules.valid_dot_delta(delta)
    with pytest.raises(InvalidInput) as err:
        rules.check_dot_change(0, 0, delta, 5, 3)  # type: ignore[arg-type]
    assert err.value.key == "vote.invalid"


@pytest.mark.parametrize("delta", [1, -1, limits.MAX_DOTS_PER_CALL, -limits.MAX_DOTS_PER_CALL])
def test_a_dot_delta_up_to_the_per_call_limit_is_valid(delta: int) -> None:
    assert rules.valid_dot_delta(delta)


VOTE_SETTINGS = [
    ((5, 3), True),
    ((1, 1), True),
    ((limits.DOTS_MAX, limits.DOTS_MAX), True),
    ((0, 3), False),
    ((5, 0), False),
    ((limits.DOTS_MAX + 1, 3), False),
    ((5, limits.DOTS_MAX + 1), False),
    ((5.0, 3), False),
    ((True, 3), False),
    (("5", 3), False),
    ((None, 3), False),
]


@pytest.mark.parametrize(("settings", "valid"), VOTE_SETTINGS)
def test_vote_settings_are_whole_numbers_from_1_to_50(
    settings: tuple[object, object], valid: bool
) -> None:
    if valid:
        rules.check_vote_settings(*settings)
        return
    with pytest.raises(InvalidInput) as err:
        rules.check_vote_settings(*settings)
    assert err.value.message("en") == "Dot budget and cap: whole numbers from 1 to 50."


@pytest.mark.parametrize(
    ("most_spent", "most_on_one", "budget", "cap", "allowed"),
    [
        (0, 0, 1, 1, True),
        (5, 3, 5, 3, True),
        (6, 3, 5, 3, False),
        (5, 4, 5, 3, False),
    ],
)
def test_vote_settings_cannot_go_below_the_dots_already_placed(
    most_spent: int, most_on_one: int, budget: int, cap: int, allowed: bool
) -> None:
    if allowed:
        rules.check_settings_cover_dots(most_spent, most_on_one, budget, cap)
        return
    with pytest.raises(Conflict) as err:
        rules.check_settings_cover_dots(most_spent, most_on_one, budget, cap)
    assert f"{most_spent} dots ({most_on_one} on one need)" in err.value.message("en")


RATINGS = [
    (None, True),
    (1, True),
    (3, True),
    (5, True),
    (0, False),
    (6, False),
    (-1, False),
    (2.5, False),
    (3.0, False),
    (True, False),
    ("3", False),
]


@pytest.mark.parametrize(("value", "accepted"), RATINGS)
def test_a_rating_is_a_whole_number_from_1_to_5_or_none(value: object, accepted: bool) -> None:
    if accepted:
        rules.check_rating(value)
        return
    with pytest.raises(InvalidInput) as err:
        rules.check_rating(value)
    assert err.value.message("fr") == "Une note va de 1 à 5."


@pytest.mark.parametrize(
    ("weight", "valid"),
    [
        (0, True),
        (10, True),
        (2.5, True),
        (-0.1, False),
        (10.5, False),
        (math.nan, False),
        (math.inf, False),
        (True, False),
        ("3", False),
    ],
)
def test_a_weight_is_a_finite_number_from_0_to_10(weight: object, valid: bool) -> None:
    assert rules.valid_weight(weight) is valid


@pytest.mark.parametrize(
    ("seconds", "valid"),
    [
        (1, True),
        (0.5, True),
        (limits.MAX_TIMER_SECONDS, True),
        (0, False),
        (-5, False),
        (limits.MAX_TIMER_SECONDS + 1, False),
        (math.inf, False),
        (math.nan, False),
        (True, False),
        ("60", False),
    ],
)
def test_a_timer_runs_above_zero_and_at_most_four_hours(seconds: object, valid: bool) -> None:
    assert rules.valid_timer(seconds) is valid


def test_the_workshop_file_format_takes_its_bounds_from_the_limits() -> None:
    from pydantic import ValidationError

    from selfdata.domain.workshop import Rating, Settings

    Settings(vote_budget=limits.DOTS_MAX, vote_cap=limits.DOTS_MAX)
    with pytest.raises(ValidationError):
        Settings(vote_budget=limits.DOTS_MAX + 1)
    Rating(participant="p", scenario="s", criterion="c", value=limits.RATING_MAX)
    with pytest.raises(ValidationError):
        Rating(participant="p", scenario="s", criterion="c", value=limits.RATING_MAX + 1)


def test_a_workshop_file_over_the_cap_or_budget_names_each_fault() -> None:
    from selfdata.domain.workshop import Workshop
    from selfdata.files.references import workshop_problems

    w = Workshop.model_validate(
        {
            "title": "T",
            "territory": "X",
            "theme": "water",
            "settings": {"vote_budget": 3, "vote_cap": 2},
            "participants": [{"id": "p1", "pseudonym": "Ana"}],
            "needs": [{"id": "n1"}, {"id": "n2"}],
            "votes": [
                {"participant": "p1", "need": "n1", "dots": 3},
                {"participant": "p1", "need": "n2", "dots": 1},
            ],
        }
    )
    messages = [f.message for f in workshop_problems(w, {}) if f.where.endswith(".dots")]
    assert messages == [
        "participant 'p1' puts 3 dots on need 'n1', over the cap of 2",
        "participant 'p1' places 4 dots, over the budget of 3",
    ]
