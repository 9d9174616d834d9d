"""Whose weights? The ranking under the facilitator's, the group's and each table's weights.

Pure functions, no I/O. Defined behaviour:

* **Swing weights** (one participant): a value from 0 to :data:`SWING_MAX` per criterion
  in use, the criterion that matters most at :data:`SWING_MAX`. Only a complete set (every
  criterion in use, not all zero) counts; a participant who gave none is not counted as
  agreeing with anyone (nothing is invented).
* **Normalised weights**: each participant's values divided by their sum (shares, 0..1).
* **Group weights**: per criterion, the median of the participants' normalised weights
  (an even count takes the mean of the two middle values); a table's weights, the same
  over the participants sitting at that table. The medians need not add up to 1: the
  ranking reads proportions only, and the shares shown are the medians divided by their
  sum. When every median is 0 (each participant put all the weight elsewhere) the set has
  no ranking: said, never replaced by a default.
* **Ranking under a weight set**: the same ratings (the room's medians, a missing cell at
  the neutral 3) scored with that set's weights, so that only the weights differ between
  the sets compared side by side.
* **The winner depends on whose weights** when two sets that have a ranking name
  different leaders (a tie at the top counts as its own leader set).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from selfdata.engines.scoring import FloatArray, Method, rank_order, score, shared_positions

SWING_MAX = 100
"""The most important criterion's swing value; the others from 0 to it."""
SWING_STEP = 10
"""The tablet's buttons move a swing value by this step (0, 10, … 100)."""
FACILITATOR = "facilitator"
GROUP = "group"
TABLE_PREFIX = "table:"


@dataclass(frozen=True)
class SwingWeights:
    """One participant's swing weights (criterion id -> 0..SWING_MAX)."""

    participant: str
    values: Mapping[str, float]
    table: str | None = None


@dataclass(frozen=True)
class SetPlace:
    scenario: str
    position: int
    """Shared position (ties share the best: 1, 1, 3)."""
    score: float


@dataclass(frozen=True)
class WeightSet:
    source: str
    """``facilitator``, ``group`` or ``table:<id>``."""
    shares: dict[str, float] | None
    """Criterion id -> share of the total weight; ``None`` when undefined (every median 0)."""
    participants: int | None
    """Participants whose weights made the set (``None``: the facilitator's)."""
    places: tuple[SetPlace, ...]
    """Best first; empty without a ranking."""

    @property
    def leaders(self) -> tuple[str, ...]:
        return tuple(p.scenario for p in self.places if p.position == 1)

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "participants": self.participants,
            "weights": self.shares,
            "ranking": [
                {"scenario": p.scenario, "position": p.position, "score": p.score}
                for p in self.places
            ],
        }


def normalised(values: Mapping[str, float], criteria: Sequence[str]) -> dict[str, float] | None:
    """A participant's shares of the total, over ``criteria``; ``None`` when a criterion is
    missing, a value is out of 0..SWING_MAX, or every value is 0."""
    try:
        raw = [float(values[c]) for c in criteria]
    except KeyError:
        return None
    if any(not (0 <= v <= SWING_MAX) for v in raw):
        return None
    total = sum(raw)
    if total <= 0:
        return None
    return {c: v / total for c, v in zip(criteria, raw, strict=True)}


def median_weights(
    individual: Sequence[Mapping[str, float]], criteria: Sequence[str]
) -> tuple[dict[str, float] | None, int]:
    """The per-criterion median of the normalised individual weights, and how many
    participants counted. ``(None, n)`` without anyone or when every median is 0."""
    shares = [s for s in (normalised(v, criteria) for v in individual) if s is not None]
    if not shares:
        return None, 0
    table = np.array([[s[c] for c in criteria] for s in shares], dtype=float)
    medians = np.median(table, axis=0)
    if medians.sum() <= 0:
        return None, len(shares)
    return {c: float(m) for c, m in zip(criteria, medians, strict=True)}, len(shares)


def _places(
    matrix: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    scenario_ids: Sequence[str],
    method: Method,
) -> tuple[SetPlace, ...]:
    scores = score(method, matrix, list(weights), directions)
    order = rank_order(scores)
    positions = shared_positions([float(scores[i]) for i in order])
    return tuple(
        SetPlace(scenario_ids[i], positions[k], float(scores[i])) for k, i in enumerate(order)
    )


def _set(
    source: str,
    weights: Mapping[str, float] | None,
    participants: int | None,
    inputs: tuple[FloatArray, Sequence[str], Sequence[str], Sequence[str], Method],
) -> WeightSet:
    matrix, directions, scenario_ids, criteria, method = inputs
    if weights is None or sum(weights.values()) <= 0:
        return WeightSet(source, None, participants, ())
    total = sum(weights[c] for c in criteria)
    shares = {c: weights[c] / total for c in criteria}
    places = _places(matrix, [shares[c] for c in criteria], directions, scenario_ids, method)
    return WeightSet(source, shares, participants, places)


def weight_sets(
    matrix: FloatArray,
    directions: Sequence[str],
    scenario_ids: Sequence[str],
    criteria: Sequence[str],
    facilitator: Mapping[str, float],
    swings: Sequence[SwingWeights],
    tables: Sequence[str] = (),
    method: Method = "weighted-sum",
) -> tuple[WeightSet, ...]:
    """The ranking under the facilitator's weights, the group's (when anyone gave
    weights) and each table's (in ``tables``' order, tables where someone gave weights)."""
    inputs = (np.asarray(matrix, dtype=float), directions, scenario_ids, criteria, method)
    sets = [_set(FACILITATOR, facilitator, None, inputs)]
    if not swings:
        return tuple(sets)
    group, counted = median_weights([s.values for s in swings], criteria)
    if counted:
        sets.append(_set(GROUP, group, counted, inputs))
    for table in tables:
        at = [s.values for s in swings if s.table == table]
        weights, n = median_weights(at, criteria)
        if n:
            sets.append(_set(f"{TABLE_PREFIX}{table}", weights, n, inputs))
    return tuple(sets)


def winner_depends_on_weights(sets: Sequence[WeightSet]) -> bool:
    """Whether two weight sets with a ranking name different leaders."""
    leaders = {s.leaders for s in sets if s.places}
    return len(leaders) > 1
