"""Scoring scenarios: 1–5 ratings to 0..1 scores by weighted sum or TOPSIS, and ties.

Pure array functions shared by the ranking (:mod:`selfdata.engines.ranking`) and its
robustness checks (:mod:`selfdata.engines.sensitivity`); the behaviour is described in the
ranking module's docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
from numpy.typing import NDArray

Method = Literal["weighted-sum", "topsis"]
METHODS: tuple[Method, ...] = ("weighted-sum", "topsis")
Normalization = Literal["vector", "minmax"]

RATING_MIN, RATING_MAX = 1, 5
TIE_TOLERANCE = 1e-9
"""Two scores closer than this (relative to the larger, at least absolute) are tied: float
noise between two ways of computing the same score is far below it."""

FloatArray = NDArray[np.float64]


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


def tied(a: float, b: float) -> bool:
    """Whether two scores are equal within :data:`TIE_TOLERANCE`."""
    return abs(a - b) <= TIE_TOLERANCE * max(1.0, abs(a), abs(b))


def shared_positions(sorted_scores: Sequence[float]) -> list[int]:
    """Competition positions of scores sorted best first: ties share the best position
    (0.8, 0.8, 0.5 → 1, 1, 3). A chain of ties (each within the tolerance of the next)
    forms one group."""
    positions: list[int] = []
    for i, value in enumerate(sorted_scores):
        same = i > 0 and tied(sorted_scores[i - 1], value)
        positions.append(positions[-1] if same else i + 1)
    return positions
