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
* **Ties** are broken by the order of the scenarios in the workshop.
* **Consensus** of a scenario: ``1 − spread / 2`` averaged over its criteria with at least
  two ratings, weighted by the criteria weights (2 is the largest spread on a 1–5 scale):
  1 when everyone agrees, 0 when the room is split between 1 and 5. ``None`` when no
  criterion has two ratings.
* **Sensitivity**: seeded Monte Carlo; each draw multiplies every weight by a log-normal
  factor (σ = ``spread``) and renormalises, so a zero weight stays zero. It yields the
  probability of each rank for each scenario and the winner's stability (probability that
  the winner stays first).
* **Weight swap**: the smallest change of one criterion's weight (within 0–10, the others
  unchanged) that lets the runner-up overtake the winner.
* **Agreement**: each participant's own ranking (their ratings, the group's medians where
  they gave none) against the group's, as Kendall's τ-b.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from selfdata.cards import Decks, I18nText
from selfdata.workshop import Workshop

Method = Literal["weighted-sum", "topsis"]
METHODS: tuple[Method, ...] = ("weighted-sum", "topsis")
Normalization = Literal["vector", "minmax"]

RATING_MIN, RATING_MAX = 1, 5
NEUTRAL_RATING = 3.0
MAX_SPREAD = 2.0
"""Largest population standard deviation of ratings on a 1–5 scale."""
MAX_WEIGHT = 10.0
DEFAULT_DRAWS = 2000
DEFAULT_SPREAD = 0.3

FloatArray = NDArray[np.float64]


class RankingError(ValueError):
    """The workshop cannot be ranked as it stands (said in plain words)."""


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
    score: float
    consensus: float | None
    ratings: int
    missing: tuple[str, ...]
    """Criteria nobody rated for this scenario (counted as neutral)."""


@dataclass(frozen=True)
class Sensitivity:
    draws: int
    seed: int
    spread: float
    winner: str
    winner_stability: float
    rank_probabilities: dict[str, tuple[float, ...]]
    """Scenario id → probability of rank 1, 2, … over the draws."""


@dataclass(frozen=True)
class WeightSwap:
    criterion: str
    weight: float
    new_weight: float

    @property
    def change(self) -> float:
        return self.new_weight - self.weight


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

    @property
    def winner(self) -> RankedScenario:
        return self.scenarios[0]

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
        raise RankingError("every criterion has a weight of 0: give at least one a weight")
    return tuple(
        CriterionInUse(cid, cards[cid].title, cards[cid].direction, w, w / total)
        for cid, w in chosen
    )


def aggregate_ratings(workshop: Workshop, criteria: Sequence[CriterionInUse]) -> RatingTable:
    scenario_ids = [s.id for s in workshop.scenarios]
    criterion_ids = [c.id for c in criteria]
    latest: dict[tuple[str, str, str], int] = {}
    for r in workshop.ratings:
        latest[(r.scenario, r.criterion, r.participant)] = r.value
    values: dict[tuple[str, str], list[int]] = {}
    for (scenario, criterion, _), value in latest.items():
        values.setdefault((scenario, criterion), []).append(value)
    cells = []
    for s in scenario_ids:
        row = []
        for c in criterion_ids:
            vs = values.get((s, c), [])
            if vs:
                arr = np.asarray(vs, dtype=float)
                row.append(CellStats(float(np.median(arr)), len(vs), float(arr.std())))
            else:
                row.append(CellStats(None, 0, None))
        cells.append(tuple(row))
    return RatingTable(tuple(scenario_ids), tuple(criteria), tuple(cells))


# --- scoring methods ------------------------------------------------------------------


def _cost_mask(directions: Sequence[str]) -> NDArray[np.bool_]:
    return np.array([d == "cost" for d in directions], dtype=bool)


def utilities(matrix: FloatArray, directions: Sequence[str]) -> FloatArray:
    """1–5 ratings → 0..1 utilities, reversed for cost criteria."""
    u = (np.asarray(matrix, dtype=float) - RATING_MIN) / (RATING_MAX - RATING_MIN)
    cost = _cost_mask(directions)
    u[:, cost] = 1.0 - u[:, cost]
    return u


def weighted_sum_batch(
    matrix: FloatArray, weights: FloatArray, directions: Sequence[str]
) -> FloatArray:
    """Scores for many weight vectors at once: ``weights`` is draws × criteria."""
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    u = utilities(matrix, directions)
    total = w.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = (w @ u.T) / total[:, None]
    result: FloatArray = np.where(total[:, None] > 0, scores, 0.0)
    return result


def _vector_normalised(matrix: FloatArray) -> FloatArray:
    m = np.asarray(matrix, dtype=float)
    norms = np.sqrt((m**2).sum(axis=0))
    result: FloatArray = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    return result


def topsis_batch(matrix: FloatArray, weights: FloatArray, directions: Sequence[str]) -> FloatArray:
    """TOPSIS closeness (vector normalisation) for many weight vectors: draws × scenarios.

    Because weights are non-negative, the weighted ideal on a criterion is the weight times
    the best normalised value, so distances reduce to one matrix product per side.
    """
    w2 = np.atleast_2d(np.asarray(weights, dtype=float)) ** 2
    r = _vector_normalised(matrix)
    cost = _cost_mask(directions)
    best = np.where(cost, r.min(axis=0), r.max(axis=0))
    worst = np.where(cost, r.max(axis=0), r.min(axis=0))
    d_best = np.sqrt(np.maximum(w2 @ ((r - best) ** 2).T, 0.0))
    d_worst = np.sqrt(np.maximum(w2 @ ((r - worst) ** 2).T, 0.0))
    total = d_best + d_worst
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = d_worst / total
    result: FloatArray = np.where(total > 1e-12, closeness, 0.5)
    return result


def topsis_scores(
    matrix: FloatArray,
    weights: Sequence[float] | FloatArray,
    directions: Sequence[str],
    normalization: Normalization = "vector",
) -> FloatArray:
    """TOPSIS closeness of each alternative, computed by pymcdm.

    ``vector`` is Hwang & Yoon's normalisation (used for ranking scenarios); ``minmax`` is
    pymcdm's default, kept to check published examples that use it. Identical alternatives
    (nothing to separate) get 0.5.
    """
    # pymcdm pulls in matplotlib: imported here so that importing this module stays cheap.
    from pymcdm import normalizations
    from pymcdm.methods import TOPSIS

    m = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    types = np.where(_cost_mask(directions), -1, 1)
    norm = (
        normalizations.vector_normalization
        if normalization == "vector"
        else normalizations.minmax_normalization
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.asarray(TOPSIS(norm)(m, w, types, validation=False), dtype=float)
    result: FloatArray = np.where(np.isfinite(p), p, 0.5)
    return result


def score(
    method: Method, matrix: FloatArray, weights: Sequence[float], directions: Sequence[str]
) -> FloatArray:
    if method == "topsis":
        return topsis_scores(matrix, weights, directions)
    scores: FloatArray = weighted_sum_batch(matrix, np.asarray(weights, dtype=float), directions)
    first: FloatArray = scores[0]
    return first


BatchScorer = Callable[[FloatArray, FloatArray, Sequence[str]], FloatArray]


def _batch(method: Method) -> BatchScorer:
    return topsis_batch if method == "topsis" else weighted_sum_batch


def rank_order(scores: FloatArray) -> list[int]:
    """Indices best first; equal scores keep their original order."""
    return [int(i) for i in np.argsort(-np.asarray(scores), kind="stable")]


# --- robustness -----------------------------------------------------------------------


def weight_sensitivity(
    matrix: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    scenario_ids: Sequence[str],
    method: Method = "weighted-sum",
    *,
    draws: int = DEFAULT_DRAWS,
    spread: float = DEFAULT_SPREAD,
    seed: int = 0,
) -> Sensitivity:
    """Probability of each rank under random weights around the chosen ones."""
    n = len(scenario_ids)
    w = np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    noise = rng.lognormal(mean=0.0, sigma=spread, size=(draws, w.size))
    drawn = w * noise
    drawn /= drawn.sum(axis=1, keepdims=True)
    scores = _batch(method)(matrix, drawn, directions)  # draws × scenarios
    order = np.argsort(-scores, axis=1, kind="stable")  # draws × rank -> scenario
    ranks = np.broadcast_to(np.arange(n), order.shape)
    counts = np.bincount((order * n + ranks).ravel(), minlength=n * n).reshape(n, n)
    probabilities = counts / draws
    winner = rank_order(score(method, matrix, list(w), directions))[0]
    return Sensitivity(
        draws=draws,
        seed=seed,
        spread=spread,
        winner=scenario_ids[winner],
        winner_stability=float(probabilities[winner, 0]),
        rank_probabilities={
            sid: tuple(float(p) for p in probabilities[i]) for i, sid in enumerate(scenario_ids)
        },
    )


def smallest_weight_swap(
    matrix: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    criterion_ids: Sequence[str],
    method: Method = "weighted-sum",
    *,
    grid: int = 401,
) -> WeightSwap | None:
    """The smallest change of one weight (0–10, others fixed) that swaps the top two.

    ``None`` with fewer than two scenarios or when no single weight can do it.
    """
    base = np.asarray(weights, dtype=float)
    order = rank_order(score(method, matrix, list(base), directions))
    if len(order) < 2:
        return None
    first, second = order[0], order[1]
    batch = _batch(method)

    def swapped(candidates: FloatArray, k: int) -> NDArray[np.bool_]:
        w = np.repeat(base[None, :], candidates.size, axis=0)
        w[:, k] = candidates
        s = batch(matrix, w, directions)
        ahead = (s[:, second] > s[:, first]) | ((s[:, second] == s[:, first]) & (second < first))
        result: NDArray[np.bool_] = ahead & (w.sum(axis=1) > 0)
        return result

    best: WeightSwap | None = None
    values = np.linspace(0.0, MAX_WEIGHT, grid)
    for k, cid in enumerate(criterion_ids):
        flips = swapped(values, k)
        if not flips.any():
            continue
        hits = values[flips]
        target = hits[np.argmin(np.abs(hits - base[k]))]
        # Refine between the current weight's side and the first swapped value.
        lo, hi = float(base[k]), float(target)
        for _ in range(40):
            mid = (lo + hi) / 2
            if swapped(np.array([mid]), k)[0]:
                hi = mid
            else:
                lo = mid
        candidate = WeightSwap(cid, float(base[k]), round(hi, 3))
        if best is None or abs(candidate.change) < abs(best.change):
            best = candidate
    return best


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


def rank_scenarios(
    workshop: Workshop,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    draws: int = DEFAULT_DRAWS,
    spread: float = DEFAULT_SPREAD,
    seed: int = 0,
) -> Ranking:
    """Rank the workshop's scenarios with consensus, sensitivity and agreement."""
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
    agreement = consensus(table)
    titles = {s.id: s.title for s in workshop.scenarios}
    ranked = tuple(
        RankedScenario(
            scenario=table.scenarios[i],
            title=titles[table.scenarios[i]],
            rank=position + 1,
            score=float(scores[i]),
            consensus=agreement[i],
            ratings=sum(cell.count for cell in table.cells[i]),
            missing=tuple(
                c.id for c, cell in zip(criteria, table.cells[i], strict=True) if cell.count == 0
            ),
        )
        for position, i in enumerate(order)
    )
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
    )
