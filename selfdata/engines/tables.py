"""Agreement between the tables of a large room: pure functions, no I/O.

Each table produces scores for the same items (dots on the needs, the ranking's score of the
scenarios). Two questions for the plenary:

- **how much two tables agree overall**: Kendall's tau-b between their scores on the items
  both scored (:func:`kendall_tau`, :func:`pairwise_agreement`), from -1 (opposite orders)
  through 0 (unrelated) to 1 (the same order), ``None`` when there is nothing to order;
- **where they converge or split**, item by item (:func:`item_verdicts`): each table's
  rank of the item (1 = its best; tied items share the mean of their places, so a need no
  one at a table voted for sits in the middle of that table's zeros, not at their top)
  scaled to 0..1 by the number of items; the item *converges* when every table puts it within
  :data:`CONVERGE_SPREAD` of each other, *splits* when two tables put it at least
  :data:`SPLIT_SPREAD` apart, and is *mixed* in between. An item only one table scored has
  no verdict but ``single``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from selfdata.domain.cards import NeedCard

Verdict = Literal["converge", "mixed", "split", "single"]


@dataclass(frozen=True)
class TableInfo:
    """A table of a large room: its id (slug), name and colour (an index into
    :data:`selfdata.domain.palette.TABLE_COLOURS`)."""

    id: str
    name: str
    colour: int


@dataclass(frozen=True)
class NeedTally:
    id: str
    card: NeedCard | None
    table: str | None
    """The table the need belongs to (``None``: the whole room's)."""
    total: int
    """Dots of the whole room."""
    per_table: dict[str, int]
    """Table id -> its participants' dots (every table that sees the need, 0 included)."""


@dataclass(frozen=True)
class ScenarioPlace:
    position: int
    """Shared position at that table (1 = its first)."""
    score: float


@dataclass(frozen=True)
class ScenarioTally:
    id: str
    title: str
    overall: ScenarioPlace | None
    """The whole room's ranking (``None``: nobody rated it)."""
    per_table: dict[str, ScenarioPlace]
    """Table id -> its place in that table's ranking (tables that rated it)."""


CONVERGE_SPREAD = 0.25
"""At most this spread of scaled positions (a quarter of the list): the tables converge."""
SPLIT_SPREAD = 0.5
"""At least this spread (half of the list apart): the tables split."""


def shared_positions(scores: Mapping[str, float]) -> dict[str, int]:
    """Competition positions, best (highest score) first: ties share the position
    (scores 5, 5, 2 give 1, 1, 3)."""
    ordered = sorted(scores.values(), reverse=True)
    return {item: ordered.index(value) + 1 for item, value in scores.items()}


def mean_ranks(scores: Mapping[str, float]) -> dict[str, float]:
    """Ranks, best (highest score) first, tied items sharing the mean of their places
    (scores 5, 5, 2 give 1.5, 1.5, 3)."""
    ordered = sorted(scores.values(), reverse=True)
    return {
        item: ordered.index(value) + (ordered.count(value) + 1) / 2
        for item, value in scores.items()
    }


def kendall_tau(a: Mapping[str, float], b: Mapping[str, float]) -> float | None:
    """Kendall's tau-b between two score maps, over the items both hold (ties counted as
    ``scipy.stats.kendalltau`` does); ``None`` with fewer than two common items or when one
    side gives them all the same score."""
    items = [i for i in a if i in b]
    concordant_minus_discordant = 0
    ties_a = ties_b = pairs = 0
    for x, y in combinations(items, 2):
        pairs += 1
        da = (a[x] > a[y]) - (a[x] < a[y])
        db = (b[x] > b[y]) - (b[x] < b[y])
        ties_a += da == 0
        ties_b += db == 0
        concordant_minus_discordant += da * db
    if pairs == 0 or ties_a == pairs or ties_b == pairs:
        return None
    tau = concordant_minus_discordant / math.sqrt((pairs - ties_a) * (pairs - ties_b))
    return min(1.0, max(-1.0, tau))


MIN_SHARED_ITEMS = 3
"""Kendall's tau on fewer shared items is not shown as a number: on 2 items it can only be
−1, 0 or 1, which reads as a strong verdict on nothing ("too few shared needs to compare")."""


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    tau: float | None
    shared: int | None = None
    """Items both tables scored (``None``: not counted, built by hand)."""

    @property
    def too_few(self) -> bool:
        """Fewer than :data:`MIN_SHARED_ITEMS` shared items: say so instead of tau."""
        return self.shared is not None and self.shared < MIN_SHARED_ITEMS


def pairwise_agreement(scores: Mapping[str, Mapping[str, float]]) -> tuple[PairAgreement, ...]:
    """Kendall's tau of every pair of tables (in the given order of tables)."""
    return tuple(
        PairAgreement(
            x,
            y,
            kendall_tau(scores[x], scores[y]),
            sum(1 for item in scores[x] if item in scores[y]),
        )
        for x, y in combinations(scores, 2)
    )


def mean_agreement(pairs: Sequence[PairAgreement]) -> float | None:
    """The mean tau over the pairs that have one (``None`` when none has)."""
    taus = [p.tau for p in pairs if p.tau is not None and not p.too_few]
    return sum(taus) / len(taus) if taus else None


@dataclass(frozen=True)
class ItemVerdict:
    item: str
    positions: dict[str, int]
    """Table -> the item's shared position at that table (1 = its best)."""
    spread: float | None
    """Largest gap between two tables' scaled positions (0..1), ``None`` for one table."""
    verdict: Verdict


def item_verdicts(scores: Mapping[str, Mapping[str, float]]) -> tuple[ItemVerdict, ...]:
    """For each item (in the order first met), whether the tables converge or split on it."""
    positions = {table: shared_positions(s) for table, s in scores.items()}
    ranks = {table: mean_ranks(s) for table, s in scores.items()}
    sizes = {table: len(s) for table, s in scores.items()}
    items = list(dict.fromkeys(i for s in scores.values() for i in s))
    out = []
    for item in items:
        at = {table: p[item] for table, p in positions.items() if item in p}
        scaled = [(ranks[table][item] - 1) / max(1, sizes[table] - 1) for table in at]
        if len(at) < 2:
            out.append(ItemVerdict(item, at, None, "single"))
            continue
        spread = max(scaled) - min(scaled)
        verdict: Verdict = (
            "converge"
            if spread <= CONVERGE_SPREAD
            else "split"
            if spread >= SPLIT_SPREAD
            else "mixed"
        )
        out.append(ItemVerdict(item, at, spread, verdict))
    return tuple(out)
