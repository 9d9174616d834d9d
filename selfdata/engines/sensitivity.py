"""Robustness of a ranking: how the result moves when the weights move.

* **Sensitivity**: seeded Monte Carlo with one configuration (:data:`SENSITIVITY`) for the
  screen, the CLI and the paper; ties split the probability of the ranks they span.
* **Weight swap**: the smallest change of one criterion's share of the total weight that
  lets the runner-up overtake the leader; scale-free.

The details are in :mod:`selfdata.engines.ranking`'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from selfdata.engines.scoring import (
    TIE_TOLERANCE,
    BatchScorer,
    FloatArray,
    Method,
    _batch,
    rank_order,
    score,
    tied,
)


@dataclass(frozen=True)
class SensitivityConfig:
    """How the weights are shaken in the sensitivity analysis: the same for everyone."""

    draws: int = 2000
    """2000 draws: the winner's stability moves by less than ±2.2 points (95 %, binomial
    worst case √(0.25/2000)·1.96) between seeds; 1000 draws gave ±3.1 and a paper that
    disagreed with the screen (issue 14: 66 % vs 64 %)."""
    spread: float = 0.3
    """σ of the log-normal factor on each weight (×0.74 to ×1.35 for one σ)."""
    seed: int = 0


SENSITIVITY = SensitivityConfig()
"""The one sensitivity configuration: the app, the CLI (``rank``) and the PDFs use it."""
DEFAULT_DRAWS = SENSITIVITY.draws
DEFAULT_SPREAD = SENSITIVITY.spread
DEFAULT_SEED = SENSITIVITY.seed


@dataclass(frozen=True)
class Sensitivity:
    draws: int
    seed: int
    spread: float
    winner: str
    winner_stability: float
    rank_probabilities: dict[str, tuple[float, ...]]
    """Scenario id → probability of rank 1, 2, … over the draws (ties split, see above)."""

    @property
    def config(self) -> SensitivityConfig:
        return SensitivityConfig(self.draws, self.spread, self.seed)


@dataclass(frozen=True)
class WeightSwap:
    """The smallest change of one criterion's share of the total weight that lets the
    runner-up overtake the leader. ``share`` / ``new_share`` do not depend on the scale of
    the weights; ``weight`` / ``new_weight`` say the same in the workshop's own weights
    (that weight alone changed, the others as they are)."""

    criterion: str
    weight: float
    new_weight: float
    share: float = 0.0
    """The criterion's share of the total weight today (0..1)."""
    new_share: float = 0.0
    """The share from which the runner-up overtakes the leader."""

    @property
    def change(self) -> float:
        return self.new_weight - self.weight

    @property
    def share_change(self) -> float:
        """In fractions of the total (0.1 = ten percentage points)."""
        return self.new_share - self.share

    @property
    def ratio(self) -> float | None:
        """How many times the weight is multiplied (the others unchanged); ``None`` for a
        weight of 0 today."""
        return None if self.weight == 0 else self.new_weight / self.weight


def weight_sensitivity(
    matrix: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    scenario_ids: Sequence[str],
    method: Method = "weighted-sum",
    *,
    draws: int = SENSITIVITY.draws,
    spread: float = SENSITIVITY.spread,
    seed: int = SENSITIVITY.seed,
) -> Sensitivity:
    """Probability of each rank under random weights around the chosen ones; a draw where
    scenarios tie splits its ranks equally between them."""
    w = np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    noise = rng.lognormal(mean=0.0, sigma=spread, size=(draws, w.size))
    drawn = w * noise
    drawn /= drawn.sum(axis=1, keepdims=True)
    scores = _batch(method)(matrix, drawn, directions)  # draws × scenarios
    probabilities = _rank_probabilities(scores) / draws
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


def _rank_probabilities(scores: FloatArray) -> FloatArray:
    """Scenario × rank counts over draws (rows of ``scores``), ties split equally."""
    draws, n = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")  # draws × rank -> scenario
    ordered = np.take_along_axis(scores, order, axis=1)
    # the tolerance of the draw's largest score: the pairwise one of ``tied`` for 0–1
    # scores, and one reduction per draw instead of one per pair (the bench's hot path)
    scale = np.maximum(1.0, np.abs(ordered).max(axis=1, initial=0.0))
    same = (ordered[:, :-1] - ordered[:, 1:]) <= (TIE_TOLERANCE * scale)[:, None]
    ranks = np.broadcast_to(np.arange(n), order.shape)
    if not same.any():
        single = np.bincount((order * n + ranks).ravel(), minlength=n * n).reshape(n, n)
        result: FloatArray = single.astype(float)
        return result
    breaks = np.concatenate([np.ones((draws, 1), dtype=bool), ~same], axis=1)
    start = np.maximum.accumulate(np.where(breaks, ranks, 0), axis=1)
    ends = np.concatenate([~same, np.ones((draws, 1), dtype=bool)], axis=1)
    stop = np.minimum.accumulate(np.where(ends, ranks, n)[:, ::-1], axis=1)[:, ::-1] + 1
    size = stop - start
    counts = np.zeros((n, n), dtype=float)
    for k in np.unique(size):
        # each member of a k-group holds ranks start..start+k−1: +1 at its start, −1 past
        # its end, summed along the ranks (integer counts, divided by k once: no drift)
        members = size == k
        who, first = order[members], start[members]
        width = n + 1
        opens = np.bincount(who * width + first, minlength=n * width)
        closes = np.bincount(who * width + first + k, minlength=n * width)
        held = np.cumsum((opens - closes).reshape(n, width), axis=1)[:, :n]
        counts += held / k
    return counts


def smallest_weight_swap(
    matrix: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    criterion_ids: Sequence[str],
    method: Method = "weighted-sum",
    *,
    grid: int = 401,
) -> WeightSwap | None:
    """The smallest change of one criterion's share of the total weight (0–100 %, the
    others keeping their proportions) that lets the runner-up overtake the leader.

    Searched on normalised weights, so weights ×k give the same swap. ``None`` with fewer
    than two scenarios, when the top two are tied, or when no single share can do it.
    Among changes equal within 1e-9, the first criterion in the workshop's order wins.
    """
    raw = np.asarray(weights, dtype=float)
    total = float(raw.sum())
    if total <= 0:
        return None
    base = raw / total
    scores = score(method, matrix, list(base), directions)
    order = rank_order(scores)
    if len(order) < 2:
        return None
    first, second = order[0], order[1]
    if tied(float(scores[first]), float(scores[second])):
        return None
    search = _SwapSearch(matrix, base, directions, _batch(method), first, second)
    best: WeightSwap | None = None
    values = np.linspace(0.0, 1.0, grid)[:-1]  # a share of 1 would zero every other weight
    for k, cid in enumerate(criterion_ids):
        if base[k] >= 1.0:
            continue  # the only weighted criterion: its share cannot move
        flips = search.swapped(values, k)
        if not flips.any():
            continue
        hits = values[flips]
        hi = search.refine(k, float(hits[np.argmin(np.abs(hits - base[k]))]))
        others = total - float(raw[k])
        candidate = WeightSwap(
            cid, float(raw[k]), hi / (1.0 - hi) * others, share=float(base[k]), new_share=hi
        )
        if best is None or abs(candidate.share_change) < abs(best.share_change) - 1e-9:
            best = candidate
    return best


@dataclass(frozen=True)
class _SwapSearch:
    """The leader (``first``) and runner-up (``second``) under the base shares, and how to
    score many weight vectors at once (``batch``)."""

    matrix: FloatArray
    base: FloatArray
    directions: Sequence[str]
    batch: BatchScorer
    first: int
    second: int

    def shares(self, candidates: FloatArray, k: int) -> FloatArray:
        """Weight vectors giving criterion ``k`` each share, the others in proportion."""
        rest = 1.0 - self.base[k]
        w: FloatArray = np.repeat(self.base[None, :], candidates.size, axis=0)
        w *= ((1.0 - candidates) / rest)[:, None]
        w[:, k] = candidates
        return w

    def swapped(self, candidates: FloatArray, k: int) -> NDArray[np.bool_]:
        """For each share of ``k``: whether the runner-up is then ahead of the leader."""
        s = self.batch(self.matrix, self.shares(candidates, k), self.directions)
        first, second = s[:, self.first], s[:, self.second]
        scale = np.maximum(1.0, np.maximum(np.abs(second), np.abs(first)))
        result: NDArray[np.bool_] = second - first > TIE_TOLERANCE * scale
        return result

    def refine(self, k: int, target: float) -> float:
        """The first share of ``k`` that swaps the two, between its current share and
        ``target`` (a share known to swap them). Each round evaluates 31 shares between
        them at once and keeps the step where the first swap happens: 11 rounds narrow the
        step 32^11 times (more than 50 halvings)."""
        lo, hi = float(self.base[k]), target
        steps = np.linspace(0.0, 1.0, 33)[1:-1]
        for _ in range(11):
            inner = lo + (hi - lo) * steps
            flipped = self.swapped(inner, k)
            if flipped.any():
                at = int(np.argmax(flipped))
                hi = float(inner[at])
                if at > 0:
                    lo = float(inner[at - 1])
            else:
                lo = float(inner[-1])
        return hi
