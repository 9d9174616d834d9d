"""A participant's agreement with the group (Kendall's tau-b) is the value scipy gives, to
the last bit, with ties, and undefined where scipy's is."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import kendalltau

from selfdata.engines.ranking import _tau

# scores as the engines make them: few distinct values (ties), a handful of scenarios
scores = st.lists(
    st.sampled_from([0.0, 0.25, 1.0 / 3.0, 0.5, 2.0 / 3.0, 0.75, 1.0, 3.5, 4.2, 5.0]),
    min_size=0,
    max_size=40,
)


def scipy_tau(a: np.ndarray, b: np.ndarray) -> float | None:
    if a.size < 2 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    tau = float(kendalltau(a, b).statistic)
    return None if math.isnan(tau) else tau


@settings(max_examples=300, deadline=None)
@given(scores, st.data())
def test_agreement_is_scipys_kendall_tau_b_to_the_last_bit(
    first: list[float], data: st.DataObject
) -> None:
    second = data.draw(
        st.lists(st.floats(0, 5, allow_nan=False), min_size=len(first), max_size=len(first))
    )
    a, b = np.array(first, dtype=np.float64), np.array(second, dtype=np.float64)
    assert _tau(a, b) == scipy_tau(a, b)
    assert _tau(a, a) == scipy_tau(a, a)


@pytest.mark.parametrize(
    ("group", "mine", "expected"),
    [
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 1.0),  # same order
        ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], -1.0),  # reversed
        ([1.0, 2.0], [2.0, 2.0], None),  # all tied: undefined
        ([1.0], [1.0], None),  # one scenario: undefined
        ([1.0, float("nan"), 3.0], [1.0, 2.0, 3.0], None),  # a missing score: undefined
    ],
)
def test_agreement_edge_cases(
    group: list[float], mine: list[float], expected: float | None
) -> None:
    assert _tau(np.array(group), np.array(mine)) == expected
