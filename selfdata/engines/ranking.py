"""Ranking candidate scenarios from participants' ratings.

Defined behaviour, in the order the computation runs:

* **Criteria in use**: the workshop's ``criteria`` (their order and weights), or every
  criterion card with its ``default_weight`` when the workshop lists none. A weight of 0
  takes a criterion out of the ranking; all weights 0 is an error.
* **Aggregation**: per scenario × criterion, the median, count and spread (population
  standard deviation) of the 1–5 ratings. When a participant rated the same cell twice,
  the last rating counts. Ratings of unknown scenarios or criteria are ignored.
* **Missing ratings**: a cell nobody rated counts as neutral, 3 on the 1–5 scale, and is
  listed in ``missing`` so the room can see what the ranking assumed.
* **Weighted sum**: each median becomes a 0..1 utility (``(v − 1) / 4``, reversed for
  ``cost`` criteria); the score is the weighted mean of the utilities.
* **TOPSIS**: pymcdm's TOPSIS with vector normalisation (Hwang & Yoon's original): the
  closeness to the ideal scenario, 0..1. When every scenario is both ideal and anti-ideal
  (a single scenario, or identical ratings) the closeness is 0.5.
* **Ties**: scores within :data:`TIE_TOLERANCE` (relative) of each other are equal. The
  list keeps the workshop's order among them (``rank`` is the place in the list), but
  they share a ``position`` (1, 1, 3: "tied for 1st"), are listed in ``tied_groups``, and
  no winner is named (:attr:`Ranking.has_winner`). Without any rating there is no winner
  either (:attr:`Ranking.has_ratings`), even though every score is the neutral 0.5.
* **Consensus** of a scenario: ``1 − spread / 2`` averaged over its criteria with at least
  two ratings, weighted by the criteria weights (2 is the largest spread on a 1–5 scale):
  1 when everyone agrees, 0 when the room is split between 1 and 5. ``None`` when no
  criterion has two ratings.
* **Sensitivity**: seeded Monte Carlo with one configuration for the screen, the CLI and
  the paper (:data:`SENSITIVITY`); each draw multiplies every weight by a log-normal factor
  (σ = ``spread``) and renormalises, so a zero weight stays zero. It yields the probability
  of each rank for each scenario and the winner's stability (probability that the winner
  stays first). **Ties split the probability**: in a draw where k scenarios are tied over
  ranks r … r+k−1, each of them counts 1/k on each of those ranks. So identical ratings
  give every scenario 1/n on every rank, never "first in 100 %" for the one that merely
  comes first in the workshop's order.
* **Weight swap**: the smallest change of one criterion's *share* of the total weight (the
  other criteria keeping their proportions to each other, which is changing that one
  weight alone) that lets the runner-up overtake the leader. Scores depend on proportions
  only, so the swap is scale-free: weights ×k give the same shares. ``None`` when the top
  two are tied (there is no leader to overtake).
* **Agreement**: each participant's own ranking (their ratings, the group's medians where
  they gave none) against the group's, as Kendall's τ-b.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from selfdata.domain.cards import Decks, I18nText
from selfdata.domain.workshop import Workshop
from selfdata.engines.scoring import (
    METHODS,
    RATING_MAX,
    RATING_MIN,
    TIE_TOLERANCE,
    BatchScorer,
    FloatArray,
    Method,
    Normalization,
    _batch,
    _cost_mask,
    _vector_normalised,
    rank_order,
    score,
    shared_positions,
    tied,
    topsis_batch,
    topsis_scores,
    utilities,
    weighted_sum_batch,
)
from selfdata.engines.sensitivity import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    DEFAULT_SPREAD,
    SENSITIVITY,
    Sensitivity,
    SensitivityConfig,
    WeightSwap,
    _rank_probabilities,
    smallest_weight_swap,
    weight_sensitivity,
)

__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "DEFAULT_SPREAD",
    "METHODS",
    "RATING_MAX",
    "RATING_MIN",
    "SENSITIVITY",
    "TIE_TOLERANCE",
    "BatchScorer",
    "FloatArray",
    "Method",
    "Normalization",
    "Sensitivity",
    "SensitivityConfig",
    "WeightSwap",
    "_batch",
    "_cost_mask",
    "_rank_probabilities",
    "_vector_normalised",
    "rank_order",
    "score",
    "shared_positions",
    "smallest_weight_swap",
    "tied",
    "topsis_batch",
    "topsis_scores",
    "utilities",
    "weighted_sum_batch",
    "weight_sensitivity",
]

NEUTRAL_RATING = 3.0
MAX_SPREAD = 2.0
"""Largest population standard deviation of ratings on a 1–5 scale."""
MAX_WEIGHT = 10.0
"""Largest weight the workshop file and the weights screen accept (the ranking itself only
reads proportions)."""


class RankingError(ValueError):
    """The workshop cannot be ranked as it stands (said in plain words)."""

    key = "ranking.error"

    def message(self, lang: str = "fr") -> str:
        """The message in ``lang``; the base class only has the English one."""
        return str(self)


class ZeroWeightsError(RankingError):
    """Every criterion has a weight of 0: nothing to rank on. Exports refuse on it rather
    than print "no ratings yet"."""

    key = "ranking.zero_weights"
    fr = (
        "Tous les critères ont un poids de 0\u202f: donnez un poids à au moins un critère "
        "pour classer les scénarios."
    )
    en = "Every criterion has a weight of 0: give at least one criterion a weight to rank."

    def __init__(self) -> None:
        super().__init__(self.en)

    def message(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr


@dataclass(frozen=True)
class CriterionInUse:
    id: str
    title: I18nText
    direction: Literal["benefit", "cost"]
    weight: float
    """As set in the workshop (0–10)."""
    share: float
    """The weight divided by the sum of weights."""


@dataclass(frozen=True)
class CellStats:
    median: float | None
    count: int
    spread: float | None
    """Population standard deviation; ``None`` without ratings."""


@dataclass(frozen=True)
class RatingTable:
    scenarios: tuple[str, ...]
    criteria: tuple[CriterionInUse, ...]
    cells: tuple[tuple[CellStats, ...], ...]
    """``cells[scenario][criterion]``, in the orders above."""

    @property
    def missing(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (s, c.id)
            for s, row in zip(self.scenarios, self.cells, strict=True)
            for c, cell in zip(self.criteria, row, strict=True)
            if cell.count == 0
        )

    def matrix(self) -> FloatArray:
        """Medians, scenario × criterion, with missing cells at the neutral rating."""
        return np.array(
            [
                [NEUTRAL_RATING if cell.median is None else cell.median for cell in row]
                for row in self.cells
            ],
            dtype=float,
        ).reshape(len(self.scenarios), len(self.criteria))


@dataclass(frozen=True)
class RankedScenario:
    scenario: str
    title: str
    rank: int
    """Place in the list, 1..n (ties in the workshop's order): use ``position`` to say it."""
    score: float
    consensus: float | None
    ratings: int
    missing: tuple[str, ...]
    """Criteria nobody rated for this scenario (counted as neutral)."""
    position: int = 0
    """Shared position: tied scenarios have the same (1, 1, 3). Set by the ranking; 0
    (built by hand, without it) reads as ``rank``: see :attr:`place`."""
    tied: bool = False
    """Whether another scenario has the same score."""

    @property
    def place(self) -> int:
        """The shared position, or ``rank`` for a scenario built without one."""
        return self.position or self.rank


@dataclass(frozen=True)
class ParticipantAgreement:
    participant: str
    pseudonym: str
    ratings: int
    kendall_tau: float | None
    """``None`` when there is nothing to correlate (one scenario, all scores equal)."""


@dataclass(frozen=True)
class Ranking:
    method: Method
    criteria: tuple[CriterionInUse, ...]
    scenarios: tuple[RankedScenario, ...]
    """Best first."""
    sensitivity: Sensitivity
    swap: WeightSwap | None
    participants: tuple[ParticipantAgreement, ...] = field(default=())
    has_ratings: bool = True
    """Whether any rating counts (a scenario and a criterion in use). Without one, every
    score is the neutral 0.5 and there is no winner."""

    @property
    def winner(self) -> RankedScenario:
        """The first in the list. Whether it really won: :attr:`has_winner`."""
        return self.scenarios[0]

    @property
    def tied_groups(self) -> tuple[tuple[str, ...], ...]:
        """Scenario ids sharing a position (two or more each), best first."""
        groups: dict[int, list[str]] = {}
        for s in self.scenarios:
            groups.setdefault(s.place, []).append(s.scenario)
        return tuple(tuple(g) for g in groups.values() if len(g) > 1)

    @property
    def leaders(self) -> tuple[RankedScenario, ...]:
        """Every scenario at position 1 (one unless the top is tied)."""
        return tuple(s for s in self.scenarios if s.place == 1)

    @property
    def has_winner(self) -> bool:
        """A scenario is first alone, on ratings: not a tie, not the workshop's order."""
        return self.has_ratings and len(self.leaders) == 1

    @property
    def outcome(self) -> Literal["winner", "tie", "no-ratings"]:
        """What the room may say: a winner, a tie at the top, or no ratings yet."""
        if not self.has_ratings:
            return "no-ratings"
        return "winner" if len(self.leaders) == 1 else "tie"

    @property
    def lead(self) -> float | None:
        """How far the first's score is ahead of the second's (0 when tied); ``None``
        with a single scenario."""
        if len(self.scenarios) < 2:
            return None
        if self.scenarios[1].place == 1:
            return 0.0
        return self.scenarios[0].score - self.scenarios[1].score

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape documented in ``docs/cli.md`` (``selfdata-ranking/1``)."""
        return {
            "schema": "selfdata-ranking/1",
            "method": self.method,
            "criteria": [
                {"id": c.id, "direction": c.direction, "weight": c.weight, "share": c.share}
                for c in self.criteria
            ],
            "ranking": [
                {
                    "rank": s.rank,
                    "position": s.position,
                    "tied": s.tied,
                    "scenario": s.scenario,
                    "title": s.title,
                    "score": s.score,
                    "consensus": s.consensus,
                    "ratings": s.ratings,
                    "missing": list(s.missing),
                }
                for s in self.scenarios
            ],
            "sensitivity": {
                "draws": self.sensitivity.draws,
                "seed": self.sensitivity.seed,
                "spread": self.sensitivity.spread,
                "winner": self.sensitivity.winner,
                "winner_stability": self.sensitivity.winner_stability,
                "rank_probabilities": {
                    k: list(v) for k, v in self.sensitivity.rank_probabilities.items()
                },
            },
            "weight_swap": None
            if self.swap is None
            else {
                "criterion": self.swap.criterion,
                "weight": self.swap.weight,
                "new_weight": self.swap.new_weight,
                "change": self.swap.change,
                "share": self.swap.share,
                "new_share": self.swap.new_share,
            },
            "participants": [
                {
                    "participant": p.participant,
                    "pseudonym": p.pseudonym,
                    "ratings": p.ratings,
                    "kendall_tau": p.kendall_tau,
                }
                for p in self.participants
            ],
            "outcome": self.outcome,
            "lead": self.lead,
            "tied_groups": [list(g) for g in self.tied_groups],
        }


# --- criteria and aggregation ---------------------------------------------------------


def criteria_in_use(workshop: Workshop, decks: Decks) -> tuple[CriterionInUse, ...]:
    cards = {c.id: c for c in decks.criteria}
    if workshop.criteria:
        chosen = [(w.criterion, w.weight) for w in workshop.criteria]
    else:
        chosen = [(c.id, c.default_weight) for c in decks.criteria]
    if not chosen:
        raise RankingError("no criteria to rank on")
    unknown = [cid for cid, _ in chosen if cid not in cards]
    if unknown:
        raise RankingError(f"unknown criterion: {', '.join(unknown)}")
    if len({cid for cid, _ in chosen}) != len(chosen):
        raise RankingError("a criterion is listed twice")
    total = sum(w for _, w in chosen)
    if total <= 0:
        raise ZeroWeightsError()
    return tuple(
        CriterionInUse(cid, cards[cid].title, cards[cid].direction, w, w / total)
        for cid, w in chosen
    )


def aggregate_ratings(workshop: Workshop, criteria: Sequence[CriterionInUse]) -> RatingTable:
    """Each cell's median, count and spread over the participants' latest ratings.

    Vectorised: the latest ratings sorted once by cell then value, each cell's median read
    at its middle (as ``np.median``) and its population standard deviation from the cell's
    sums, which are exact for ratings (small integers): within one unit in the last place of
    ``ndarray.std``, whose own summation rounds."""
    scenario_ids = [s.id for s in workshop.scenarios]
    criterion_ids = [c.id for c in criteria]
    n_s, n_c = len(scenario_ids), len(criterion_ids)
    s_index = {sid: i for i, sid in enumerate(scenario_ids)}
    c_index = {cid: j for j, cid in enumerate(criterion_ids)}
    latest: dict[tuple[str, str, str], int] = {}
    for r in workshop.ratings:
        latest[(r.scenario, r.criterion, r.participant)] = r.value
    cell_of: list[int] = []
    values: list[int] = []
    for (scenario, criterion, _), value in latest.items():
        i, j = s_index.get(scenario), c_index.get(criterion)
        if i is not None and j is not None:
            cell_of.append(i * n_c + j)
            values.append(value)
    counts = np.zeros(n_s * n_c, dtype=np.int64)
    medians = np.full(n_s * n_c, np.nan)
    spreads = np.full(n_s * n_c, np.nan)
    if values:
        cell = np.asarray(cell_of, dtype=np.int64)
        marks = np.asarray(values, dtype=float)
        order = np.lexsort((marks, cell))
        cell, marks = cell[order], marks[order]
        counts = np.bincount(cell, minlength=n_s * n_c)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        rated = counts > 0
        n = counts[rated]
        low = marks[starts[rated] + (n - 1) // 2]
        high = marks[starts[rated] + n // 2]
        medians[rated] = (low + high) / 2
        # population variance from exact integer sums: (n·Σx² − (Σx)²) / n², one rounding
        total = np.bincount(cell, weights=marks, minlength=n_s * n_c)[rated]
        squares = np.bincount(cell, weights=marks * marks, minlength=n_s * n_c)[rated]
        spreads[rated] = np.sqrt(np.maximum(n * squares - total * total, 0.0) / (n * n))
    cells = tuple(
        tuple(
            CellStats(float(medians[k]), int(counts[k]), float(spreads[k]))
            if counts[k]
            else CellStats(None, 0, None)
            for k in range(i * n_c, (i + 1) * n_c)
        )
        for i in range(n_s)
    )
    return RatingTable(tuple(scenario_ids), tuple(criteria), cells)


def consensus(table: RatingTable) -> tuple[float | None, ...]:
    out: list[float | None] = []
    for row in table.cells:
        num = den = 0.0
        for crit, cell in zip(table.criteria, row, strict=True):
            if cell.count >= 2 and cell.spread is not None and crit.share > 0:
                num += crit.share * (1.0 - cell.spread / MAX_SPREAD)
                den += crit.share
        out.append(num / den if den > 0 else None)
    return tuple(out)


def _tau(a: FloatArray, b: FloatArray) -> float | None:
    """Kendall's tau-b of two score vectors (ties counted), ``None`` when undefined.

    Computed as ``scipy.stats.kendalltau`` does (same integer pair counts, same float
    operations, so the same value to the last bit) but over all pairs at once: scipy also
    works out a p-value, exact for small samples, which cost ~2 ms per participant and made
    the agreement most of a ranking's time in the room (docs/load.md, "Tuning log")."""
    if a.size < 2 or np.isnan(a).any() or np.isnan(b).any() or np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        from scipy.stats import kendalltau  # slow to import; infinite scores only

        slow = float(kendalltau(a, b).statistic)
        return None if np.isnan(slow) else slow
    upper = np.triu_indices(a.size, k=1)
    da = np.sign(a[:, None] - a[None, :])[upper]
    db = np.sign(b[:, None] - b[None, :])[upper]
    con_minus_dis = int((da * db).sum())
    total = a.size * (a.size - 1) // 2
    a_ties, b_ties = int((da == 0).sum()), int((db == 0).sum())
    if a_ties == total or b_ties == total:
        return None
    tau = con_minus_dis / np.sqrt(total - a_ties) / np.sqrt(total - b_ties)
    return float(min(1.0, max(-1.0, tau)))


def participant_agreement(
    workshop: Workshop,
    table: RatingTable,
    method: Method,
    group_scores: FloatArray,
) -> tuple[ParticipantAgreement, ...]:
    s_index = {s: i for i, s in enumerate(table.scenarios)}
    c_index = {c.id: j for j, c in enumerate(table.criteria)}
    group = table.matrix()
    weights = [c.weight for c in table.criteria]
    directions = [c.direction for c in table.criteria]
    pseudonyms = {p.id: p.pseudonym for p in workshop.participants}
    own: dict[str, dict[tuple[int, int], int]] = {}
    for r in workshop.ratings:
        if r.scenario in s_index and r.criterion in c_index:
            own.setdefault(r.participant, {})[(s_index[r.scenario], c_index[r.criterion])] = r.value
    order = [p.id for p in workshop.participants] + sorted(set(own) - set(pseudonyms))
    result = []
    for pid in order:
        cells = own.get(pid)
        if not cells:
            continue
        mine = group.copy()
        for (i, j), value in cells.items():
            mine[i, j] = value
        tau = _tau(group_scores, score(method, mine, weights, directions))
        result.append(ParticipantAgreement(pid, pseudonyms.get(pid, pid), len(cells), tau))
    return tuple(result)


# --- the whole ranking ----------------------------------------------------------------


def scenario_places(
    workshop: Workshop, decks: Decks, method: Method = "weighted-sum"
) -> dict[str, tuple[int, float]]:
    """Each rated scenario's shared position and score, as :func:`rank_scenarios` gives
    them, without the sensitivity, the swap and the agreement (a table's ranking in the
    plenary needs its places only: 13 rankings of a 12-table room in one redraw). Empty
    when nobody rated a scenario on a criterion in use."""
    rated = {r.scenario for r in workshop.ratings}
    workshop = workshop.model_copy(
        update={"scenarios": [s for s in workshop.scenarios if s.id in rated]}
    )
    if not workshop.scenarios:
        return {}
    criteria = criteria_in_use(workshop, decks)
    table = aggregate_ratings(workshop, criteria)
    if not any(cell.count > 0 for row in table.cells for cell in row):
        return {}
    scores = score(
        method, table.matrix(), [c.weight for c in criteria], [c.direction for c in criteria]
    )
    order = rank_order(scores)
    positions = shared_positions([float(scores[i]) for i in order])
    return {
        table.scenarios[i]: (positions[place], float(scores[i])) for place, i in enumerate(order)
    }


def rank_scenarios(
    workshop: Workshop,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    draws: int = SENSITIVITY.draws,
    spread: float = SENSITIVITY.spread,
    seed: int = SENSITIVITY.seed,
) -> Ranking:
    """Rank the workshop's scenarios with consensus, sensitivity and agreement.

    The sensitivity defaults are :data:`SENSITIVITY`: pass other values only to measure
    (benchmarks, a quick test), never to show a result.
    """
    ranking, _ = rank_with_table(workshop, decks, method, draws=draws, spread=spread, seed=seed)
    return ranking


def rank_with_table(
    workshop: Workshop,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    draws: int = SENSITIVITY.draws,
    spread: float = SENSITIVITY.spread,
    seed: int = SENSITIVITY.seed,
) -> tuple[Ranking, RatingTable]:
    """:func:`rank_scenarios` and the ratings table it ranked (aggregated once)."""
    if method not in METHODS:
        raise RankingError(f"unknown method '{method}' (expected one of {', '.join(METHODS)})")
    if not workshop.scenarios:
        raise RankingError("the workshop has no scenario to rank")
    if draws < 1:
        raise RankingError("the number of draws must be at least 1")
    criteria = criteria_in_use(workshop, decks)
    table = aggregate_ratings(workshop, criteria)
    matrix = table.matrix()
    weights = [c.weight for c in criteria]
    directions = [c.direction for c in criteria]
    scores = score(method, matrix, weights, directions)
    order = rank_order(scores)
    positions = shared_positions([float(scores[i]) for i in order])
    agreement = consensus(table)
    titles = {s.id: s.title for s in workshop.scenarios}
    ranked = tuple(
        RankedScenario(
            scenario=table.scenarios[i],
            title=titles[table.scenarios[i]],
            rank=place + 1,
            score=float(scores[i]),
            consensus=agreement[i],
            ratings=sum(cell.count for cell in table.cells[i]),
            missing=tuple(
                c.id for c, cell in zip(criteria, table.cells[i], strict=True) if cell.count == 0
            ),
            position=positions[place],
            tied=positions.count(positions[place]) > 1,
        )
        for place, i in enumerate(order)
    )
    has_ratings = any(cell.count > 0 for row in table.cells for cell in row)
    return Ranking(
        method=method,
        criteria=criteria,
        scenarios=ranked,
        sensitivity=weight_sensitivity(
            matrix,
            weights,
            directions,
            table.scenarios,
            method,
            draws=draws,
            spread=spread,
            seed=seed,
        ),
        swap=smallest_weight_swap(matrix, weights, directions, [c.id for c in criteria], method),
        participants=participant_agreement(workshop, table, method, scores),
        has_ratings=has_ratings,
    ), table
