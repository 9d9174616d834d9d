"""Two rating rounds: did the discussion move the room? Pure functions, no I/O.

Defined behaviour:

* **Spread of a round**: the mean, over the (scenario, criterion) cells at least two
  participants rated in that round, of the population standard deviation of the ratings
  (the last rating of a participant for a cell counts). ``None`` without such a cell.
* **Change in spread**: round 2's spread minus round 1's (negative: the room came closer).
* **Ratings changed**: among the (participant, scenario, criterion) ratings given in both
  rounds, how many differ, and their share.
* **Winner changed**: whether the scenarios first (alone or tied) under round 1's ratings
  differ from those under round 2's, the ranking computed as usual (same weights, same
  method); ``None`` when either round has no rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Rating, Workshop
from selfdata.engines.ranking import Method, scenario_places


@dataclass(frozen=True)
class TwoRoundStats:
    spread_before: float | None
    spread_after: float | None
    compared: int
    """Ratings given in both rounds (same participant, scenario and criterion)."""
    changed: int
    leaders_before: tuple[str, ...]
    leaders_after: tuple[str, ...]

    @property
    def spread_change(self) -> float | None:
        if self.spread_before is None or self.spread_after is None:
            return None
        return self.spread_after - self.spread_before

    @property
    def share_changed(self) -> float | None:
        return self.changed / self.compared if self.compared else None

    @property
    def winner_changed(self) -> bool | None:
        if not self.leaders_before or not self.leaders_after:
            return None
        return set(self.leaders_before) != set(self.leaders_after)

    def as_dict(self) -> dict[str, object]:
        return {
            "spread_before": self.spread_before,
            "spread_after": self.spread_after,
            "spread_change": self.spread_change,
            "ratings_compared": self.compared,
            "ratings_changed": self.changed,
            "share_changed": self.share_changed,
            "leaders_before": list(self.leaders_before),
            "leaders_after": list(self.leaders_after),
            "winner_changed": self.winner_changed,
        }


def _latest(ratings: Sequence[Rating]) -> dict[tuple[str, str, str], int]:
    return {(r.participant, r.scenario, r.criterion): r.value for r in ratings}


def mean_spread(ratings: Sequence[Rating]) -> float | None:
    """The mean population standard deviation over cells with two ratings or more."""
    cells: dict[tuple[str, str], list[int]] = {}
    for (_, scenario, criterion), value in _latest(ratings).items():
        cells.setdefault((scenario, criterion), []).append(value)
    spreads = [float(np.std(v)) for v in cells.values() if len(v) >= 2]
    return sum(spreads) / len(spreads) if spreads else None


def _leaders(
    workshop: Workshop, decks: Decks, ratings: Sequence[Rating], method: Method
) -> tuple[str, ...]:
    places = scenario_places(workshop.model_copy(update={"ratings": list(ratings)}), decks, method)
    return tuple(s for s, (position, _) in places.items() if position == 1)


def two_round_stats(
    workshop: Workshop,
    decks: Decks,
    first: Sequence[Rating],
    second: Sequence[Rating],
    method: Method = "weighted-sum",
) -> TwoRoundStats:
    """Round 1 (``first``) against round 2 (``second``) on ``workshop``'s scenarios and
    criteria (its own ``ratings`` are not read)."""
    before, after = _latest(first), _latest(second)
    both = before.keys() & after.keys()
    return TwoRoundStats(
        spread_before=mean_spread(first),
        spread_after=mean_spread(second),
        compared=len(both),
        changed=sum(1 for k in both if before[k] != after[k]),
        leaders_before=_leaders(workshop, decks, first, method),
        leaders_after=_leaders(workshop, decks, second, method),
    )
