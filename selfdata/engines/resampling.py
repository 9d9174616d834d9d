"""Would another room decide the same? The ranking with the participants resampled.

Pure functions, no I/O. Defined behaviour:

* **Bootstrap over participants**: a draw picks as many participants as rated, with
  replacement (each equally likely), and recomputes every cell's median from the picked
  participants' ratings (a participant picked twice counts twice; a cell none of them
  rated is at the neutral 3, as in the ranking). The weights and the method are the
  ranking's. :data:`RESAMPLING` fixes the number of draws and the seed, so the screen, the
  CLI and the paper say the same.
* **Rank probabilities**: over the draws, each scenario's probability of each rank, a draw
  where k scenarios tie splitting their ranks equally (as the weight sensitivity does).
* **The winner's chance of staying first**: the rank-1 probability of the scenario that is
  first alone with everyone who came; ``None`` when the top is tied or nobody rated.
* **Vectorised**: ratings are small integers, so a draw's medians come from counts per
  rating value (one matrix product of the draws' multiplicities by the one-hot ratings),
  never from sorting the picked ratings: 150 participants × 20 scenarios × 8 criteria ×
  1,000 draws in a fraction of a second (``BENCHMARKS.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from selfdata.engines.scoring import (
    RATING_MAX,
    RATING_MIN,
    FloatArray,
    Method,
    _cost_mask,
    rank_order,
    shared_positions,
)
from selfdata.engines.sensitivity import _rank_probabilities

NEUTRAL = 3.0
LEVELS = RATING_MAX - RATING_MIN + 1
IntArray = NDArray[np.int64]


RESAMPLING_DRAWS = 1000
"""1,000 draws: the winner's share moves by at most ±3.1 points (95 %) between seeds."""


@dataclass(frozen=True)
class ResamplingConfig:
    draws: int = RESAMPLING_DRAWS
    seed: int = 0


RESAMPLING = ResamplingConfig()
"""The one resampling configuration: the app, the CLI (``rank``) and the PDFs use it."""


@dataclass(frozen=True)
class ParticipantsResampled:
    draws: int
    seed: int
    participants: int
    winner: str | None
    """First alone with everyone who came; ``None`` when tied at the top or unrated."""
    winner_first_share: float | None
    rank_probabilities: dict[str, tuple[float, ...]]

    def as_dict(self) -> dict[str, object]:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "participants": self.participants,
            "winner": self.winner,
            "winner_first_share": self.winner_first_share,
            "rank_probabilities": {k: list(v) for k, v in self.rank_probabilities.items()},
        }


def _one_hot(ratings: IntArray) -> FloatArray:
    """participants × (cells · levels): 1 where the participant gave that value."""
    p = ratings.shape[0]
    flat = ratings.reshape(p, -1)
    hot = np.zeros((p, flat.shape[1], LEVELS), dtype=float)
    rated = flat > 0
    who, cell = np.nonzero(rated)
    hot[who, cell, flat[rated] - RATING_MIN] = 1.0
    return hot.reshape(p, -1)


def medians_for(ratings: IntArray, multiplicities: FloatArray) -> FloatArray:
    """Each draw's cell medians: ``ratings`` is participants × scenarios × criteria (0 =
    not rated), ``multiplicities`` draws × participants (how often each was picked).
    Returns draws × scenarios × criteria, a cell without a rating at the neutral 3."""
    _, n_s, n_c = ratings.shape
    counts = (np.asarray(multiplicities, dtype=float) @ _one_hot(ratings)).reshape(
        -1, n_s, n_c, LEVELS
    )
    cumulative = np.cumsum(counts, axis=-1)
    n = cumulative[..., -1]
    low_k, high_k = np.floor((n - 1) / 2), np.floor(n / 2)
    # the value at sorted place k is the first level whose cumulative count passes k
    low = RATING_MIN + (cumulative <= low_k[..., None]).sum(axis=-1)
    high = RATING_MIN + (cumulative <= high_k[..., None]).sum(axis=-1)
    medians: FloatArray = np.where(n > 0, (low + high) / 2.0, NEUTRAL)
    return medians


def scores_for(
    matrices: FloatArray, weights: Sequence[float], directions: Sequence[str], method: Method
) -> FloatArray:
    """Scores of many rating matrices (draws × scenarios × criteria) under one weight
    vector: draws × scenarios, as :func:`selfdata.engines.scoring.score` per matrix."""
    w = np.asarray(weights, dtype=float)
    cost = _cost_mask(directions)
    m = np.asarray(matrices, dtype=float)
    if method != "topsis":
        u = (m - RATING_MIN) / (RATING_MAX - RATING_MIN)
        u[..., cost] = 1.0 - u[..., cost]
        total = w.sum()
        result: FloatArray = (u @ w) / total if total > 0 else np.zeros(m.shape[:2])
        return result
    norms = np.sqrt((m**2).sum(axis=1, keepdims=True))
    r = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    best = np.where(cost, r.min(axis=1, keepdims=True), r.max(axis=1, keepdims=True))
    worst = np.where(cost, r.max(axis=1, keepdims=True), r.min(axis=1, keepdims=True))
    w2 = w**2
    d_best = np.sqrt(np.maximum(((r - best) ** 2) @ w2, 0.0))
    d_worst = np.sqrt(np.maximum(((r - worst) ** 2) @ w2, 0.0))
    total_d = d_best + d_worst
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = d_worst / total_d
    out: FloatArray = np.where(total_d > 1e-12, closeness, 0.5)
    return out


def rank_probabilities_for(
    ratings: IntArray,
    multiplicities: FloatArray,
    weights: Sequence[float],
    directions: Sequence[str],
    method: Method = "weighted-sum",
) -> FloatArray:
    """Scenario × rank probabilities over the given draws (each row of ``multiplicities``
    one equally likely draw), ties split."""
    scores = scores_for(medians_for(ratings, multiplicities), weights, directions, method)
    result: FloatArray = _rank_probabilities(scores) / scores.shape[0]
    return result


def resample_participants(
    ratings: IntArray,
    weights: Sequence[float],
    directions: Sequence[str],
    scenario_ids: Sequence[str],
    method: Method = "weighted-sum",
    *,
    draws: int = RESAMPLING.draws,
    seed: int = RESAMPLING.seed,
) -> ParticipantsResampled | None:
    """The bootstrap over participants (``ratings``: participants × scenarios × criteria,
    0 = not rated); ``None`` without a participant who rated."""
    ratings = np.asarray(ratings, dtype=np.int64)
    if ratings.shape[0] == 0 or not scenario_ids:
        return None
    ratings = ratings[(ratings > 0).reshape(ratings.shape[0], -1).any(axis=1)]
    p = ratings.shape[0]
    if p == 0:
        return None
    everyone = np.ones((1, p))
    full = scores_for(medians_for(ratings, everyone), weights, directions, method)[0]
    order = rank_order(full)
    positions = shared_positions([float(full[i]) for i in order])
    alone = len(order) == 1 or positions[1] != 1
    winner = order[0] if alone else None
    rng = np.random.default_rng(seed)
    picks = rng.multinomial(p, np.full(p, 1.0 / p), size=draws).astype(float)
    probabilities = rank_probabilities_for(ratings, picks, weights, directions, method)
    return ParticipantsResampled(
        draws=draws,
        seed=seed,
        participants=p,
        winner=None if winner is None else scenario_ids[winner],
        winner_first_share=None if winner is None else float(probabilities[winner, 0]),
        rank_probabilities={
            sid: tuple(float(x) for x in probabilities[i]) for i, sid in enumerate(scenario_ids)
        },
    )


def ratings_tensor(
    latest: Sequence[tuple[str, str, str, int]],
    scenario_ids: Sequence[str],
    criterion_ids: Sequence[str],
) -> tuple[tuple[str, ...], IntArray]:
    """``(participant, scenario, criterion, value)`` rows (the last for a cell counts) to
    participants (first-met order) × scenarios × criteria, 0 where not rated."""
    s_index = {s: i for i, s in enumerate(scenario_ids)}
    c_index = {c: j for j, c in enumerate(criterion_ids)}
    people: dict[str, int] = {}
    cells: dict[tuple[int, int, int], int] = {}
    for participant, scenario, criterion, value in latest:
        i, j = s_index.get(scenario), c_index.get(criterion)
        if i is None or j is None:
            continue
        k = people.setdefault(participant, len(people))
        cells[(k, i, j)] = value
    tensor = np.zeros((len(people), len(scenario_ids), len(criterion_ids)), dtype=np.int64)
    for (k, i, j), value in cells.items():
        tensor[k, i, j] = value
    return tuple(people), tensor
