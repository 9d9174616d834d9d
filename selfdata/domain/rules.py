"""The dot-vote and rating rules, as pure functions (no database, no I/O).

The services apply them to a change in the room (``check_*`` raise the user's error); the
checks of a workshop file apply them to what the file holds (``*_breaches`` name every rule a
state breaks, so a file's every fault can be listed).
"""

from __future__ import annotations

import math

from selfdata.domain.errors import Conflict, InvalidInput, LimitExceeded
from selfdata.domain.limits import (
    DOTS_MAX,
    DOTS_MIN,
    ITEMS_RESERVED_FOR_OTHERS,
    MAX_DOTS_PER_CALL,
    MAX_ITEMS,
    MAX_TIMER_SECONDS,
    PROPOSALS_WHEN_NEARLY_FULL,
    RATING_MAX,
    RATING_MIN,
    WEIGHT_MAX,
    WEIGHT_MIN,
)

BUDGET = "vote.budget"
CAP = "vote.cap"
NOTHING_TO_WITHDRAW = "vote.nothing_to_withdraw"


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def valid_vote_setting(value: object) -> bool:
    """A dot budget or cap: a whole number from DOTS_MIN to DOTS_MAX."""
    return _whole(value) and DOTS_MIN <= value <= DOTS_MAX  # type: ignore[operator]


def check_vote_settings(budget: object, cap: object) -> None:
    """Raise :class:`InvalidInput` unless the budget and the cap are both valid settings."""
    if not (valid_vote_setting(budget) and valid_vote_setting(cap)):
        raise InvalidInput("votes.settings_invalid", low=DOTS_MIN, high=DOTS_MAX)


def check_settings_cover_dots(most_spent: int, most_on_one: int, budget: int, cap: int) -> None:
    """Raise :class:`Conflict` when a participant already placed more dots than ``budget``
    or more on one need than ``cap`` (``most_spent`` and ``most_on_one`` are the highest)."""
    if most_spent > budget or most_on_one > cap:
        raise Conflict("votes.settings_below_usage", spent=most_spent, on_one=most_on_one)


def valid_dot_delta(delta: object) -> bool:
    """Dots one call may add (> 0) or withdraw (< 0): never 0, at most MAX_DOTS_PER_CALL."""
    return _whole(delta) and delta != 0 and abs(delta) <= MAX_DOTS_PER_CALL  # type: ignore[arg-type]


def dot_breaches(on_need: int, spent: int, delta: int, budget: int, cap: int) -> list[str]:
    """Every rule broken by adding ``delta`` dots (negative: withdrawing) to a need holding
    ``on_need`` of the participant's dots, who has ``spent`` dots in all: the budget
    (``vote.budget``), the per-need cap (``vote.cap``), or withdrawing more than placed
    (``vote.nothing_to_withdraw``). Empty: the change is allowed."""
    new = on_need + delta
    if delta < 0:
        return [NOTHING_TO_WITHDRAW] if new < 0 else []
    broken = []
    if spent + delta > budget:
        broken.append(BUDGET)
    if new > cap:
        broken.append(CAP)
    return broken


def check_dot_change(on_need: int, spent: int, delta: int, budget: int, cap: int) -> int:
    """The dots on the need after the change; raise :class:`InvalidInput` for a delta no call
    may carry, :class:`LimitExceeded` for the first rule the change breaks (budget first)."""
    if not valid_dot_delta(delta):
        raise InvalidInput("vote.invalid")
    broken = dot_breaches(on_need, spent, delta, budget, cap)
    if BUDGET in broken:
        raise LimitExceeded(BUDGET, spent=spent, budget=budget)
    if CAP in broken:
        raise LimitExceeded(CAP, cap=cap)
    if NOTHING_TO_WITHDRAW in broken:
        raise LimitExceeded(NOTHING_TO_WITHDRAW, text="vote.nothing_to_withdraw_some", n=on_need)
    return on_need + delta


def valid_rating(value: object) -> bool:
    """A rating: a whole number from RATING_MIN to RATING_MAX."""
    return _whole(value) and RATING_MIN <= value <= RATING_MAX  # type: ignore[operator]


def check_rating(value: object) -> None:
    """Raise :class:`InvalidInput` unless ``value`` is a rating or ``None`` (no rating)."""
    if value is not None and not valid_rating(value):
        raise InvalidInput("rating.invalid", low=RATING_MIN, high=RATING_MAX)


def valid_weight(value: object) -> bool:
    """A criterion's weight: a finite number from WEIGHT_MIN to WEIGHT_MAX."""
    return _number(value) and WEIGHT_MIN <= value <= WEIGHT_MAX  # type: ignore[operator]


def valid_timer(seconds: object) -> bool:
    """A countdown: a finite number of seconds above 0, at most MAX_TIMER_SECONDS."""
    return _number(seconds) and 0 < seconds <= MAX_TIMER_SECONDS  # type: ignore[operator]


def check_room_left(on_list: int, mine_on_list: int) -> None:
    """A proposal on a list that holds ``on_list`` visible items, from a participant who
    already proposed ``mine_on_list`` there: once fewer than
    :data:`ITEMS_RESERVED_FOR_OTHERS` places are free, only someone with fewer than
    :data:`PROPOSALS_WHEN_NEARLY_FULL` proposals there may add one (``proposals.leave_room``)."""
    nearly_full = MAX_ITEMS - on_list <= ITEMS_RESERVED_FOR_OTHERS
    if nearly_full and mine_on_list >= PROPOSALS_WHEN_NEARLY_FULL:
        raise LimitExceeded("proposals.leave_room")
