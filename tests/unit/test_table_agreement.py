"""Agreement between tables (:mod:`selfdata.engines.tables`): Kendall's tau between two
tables' scores and, item by item, whether the tables converge or split."""

from __future__ import annotations

import pytest
from scipy.stats import kendalltau

from selfdata.engines.tables import (
    CONVERGE_SPREAD,
    SPLIT_SPREAD,
    item_verdicts,
    kendall_tau,
    mean_agreement,
    mean_ranks,
    pairwise_agreement,
    shared_positions,
)


@pytest.mark.parametrize(
    ("scores", "positions"),
    [
        ({"a": 3, "b": 2, "c": 1}, {"a": 1, "b": 2, "c": 3}),
        ({"a": 5, "b": 5, "c": 2}, {"a": 1, "b": 1, "c": 3}),
        ({"a": 0, "b": 0}, {"a": 1, "b": 1}),
        ({}, {}),
    ],
)
def test_shared_positions_put_ties_together(scores, positions) -> None:  # type: ignore[no-untyped-def]
    assert shared_positions(scores) == positions


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([1, 2, 3, 4], [1, 2, 3, 4]),
        ([1, 2, 3, 4], [4, 3, 2, 1]),
        ([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]),
        ([1, 1, 2, 3], [1, 2, 2, 3]),
        ([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]),
        ([0.5, 0.25, 0.75], [0.1, 0.3, 0.2]),
    ],
)
def test_kendall_tau_is_scipys_tau_b(a: list[float], b: list[float]) -> None:
    items = [f"i{k}" for k in range(len(a))]
    ours = kendall_tau(dict(zip(items, a, strict=True)), dict(zip(items, b, strict=True)))
    assert ours == pytest.approx(float(kendalltau(a, b).statistic))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({}, {}),
        ({"x": 1}, {"x": 2}),  # one item: nothing to order
        ({"x": 1, "y": 1}, {"x": 1, "y": 2}),  # one side ties everything
        ({"x": 1, "y": 2}, {"z": 1, "w": 2}),  # nothing in common
    ],
)
def test_kendall_tau_is_none_when_there_is_nothing_to_order(a, b) -> None:  # type: ignore[no-untyped-def]
    assert kendall_tau(a, b) is None


def test_kendall_tau_compares_the_items_both_tables_scored_only() -> None:
    a = {"shared1": 3, "shared2": 1, "only_a": 10}
    b = {"shared1": 5, "shared2": 2, "only_b": 0}
    assert kendall_tau(a, b) == 1.0


def test_every_pair_of_tables_is_compared_in_order_and_averaged() -> None:
    scores = {
        "A": {"x": 3, "y": 2, "z": 1},
        "B": {"x": 3, "y": 2, "z": 1},
        "C": {"x": 1, "y": 2, "z": 3},
    }
    pairs = pairwise_agreement(scores)
    assert [(p.first, p.second, p.tau) for p in pairs] == [
        ("A", "B", 1.0),
        ("A", "C", -1.0),
        ("B", "C", -1.0),
    ]
    assert mean_agreement(pairs) == pytest.approx(-1 / 3)
    assert mean_agreement(()) is None


@pytest.mark.parametrize(
    ("scores", "item", "verdict"),
    [
        # both tables put x first: they converge
        ({"A": {"x": 9, "y": 1, "z": 0}, "B": {"x": 7, "y": 2, "z": 1}}, "x", "converge"),
        # first at A, last at B: they split
        ({"A": {"x": 9, "y": 1, "z": 0}, "B": {"x": 0, "y": 2, "z": 1}}, "x", "split"),
        # first at A, second of five at B: a quarter apart, still converging
        (
            {
                "A": {"x": 9, "a": 1, "b": 1, "c": 0, "d": 0},
                "B": {"a": 9, "x": 8, "b": 1, "c": 0, "d": 0},
            },
            "x",
            "converge",
        ),
        # first at A, third of five at B: half the list apart, a split
        (
            {
                "A": {"x": 9, "a": 4, "b": 3, "c": 2, "d": 1},
                "B": {"a": 9, "b": 8, "x": 7, "c": 1, "d": 0},
            },
            "x",
            "split",
        ),
        # first at A, third of seven at B: a third apart, mixed
        (
            {
                "A": {"x": 9, "a": 6, "b": 5, "c": 4, "d": 3, "e": 2, "f": 1},
                "B": {"a": 9, "b": 8, "x": 7, "c": 4, "d": 3, "e": 2, "f": 1},
            },
            "x",
            "mixed",
        ),
        # a need of table A only
        ({"A": {"x": 9, "own": 1}, "B": {"x": 9}}, "own", "single"),
        # all tied at both tables: same position, they converge
        ({"A": {"x": 0, "y": 0}, "B": {"x": 0, "y": 0}}, "x", "converge"),
        # first at A; no dot at B, among many others without any: the middle of B's list
        (
            {
                "A": {"x": 9, "a": 0, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0},
                "B": {"a": 3, "x": 0, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0},
            },
            "x",
            "split",
        ),
    ],
)
def test_item_verdicts_say_where_tables_converge_or_split(scores, item, verdict) -> None:  # type: ignore[no-untyped-def]
    got = {v.item: v for v in item_verdicts(scores)}
    assert got[item].verdict == verdict


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ({"a": 5, "b": 5, "c": 2}, {"a": 1.5, "b": 1.5, "c": 3}),
        ({"a": 1, "b": 0, "c": 0, "d": 0}, {"a": 1, "b": 3, "c": 3, "d": 3}),
    ],
)
def test_mean_ranks_share_the_mean_of_tied_places(scores, ranks) -> None:  # type: ignore[no-untyped-def]
    assert mean_ranks(scores) == ranks


def test_the_thresholds_leave_a_middle_ground() -> None:
    assert 0 < CONVERGE_SPREAD < SPLIT_SPREAD <= 1


def test_a_verdict_keeps_each_tables_position_and_the_spread() -> None:
    (x, y) = item_verdicts({"A": {"x": 2, "y": 1}, "B": {"x": 1, "y": 2}})
    assert x.positions == {"A": 1, "B": 2} and x.spread == 1.0
    assert y.item == "y" and y.verdict == "split"


@pytest.mark.parametrize("example", ["la_rochelle", "grand_lyon", "nantes"])
@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_scenario_places_are_the_rankings_places(example: str, method: str) -> None:
    from selfdata.engines.ranking import rank_scenarios, scenario_places
    from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

    workshop = load_workshop(SCENARIOS_DIR / f"{example}.yaml")
    decks = default_decks()
    rated = {r.scenario for r in workshop.ratings}
    only_rated = workshop.model_copy(
        update={"scenarios": [s for s in workshop.scenarios if s.id in rated]}
    )
    full = rank_scenarios(only_rated, decks, method, draws=1)  # type: ignore[arg-type]
    places = scenario_places(workshop, decks, method)  # type: ignore[arg-type]
    assert places == {s.scenario: (s.place, pytest.approx(s.score)) for s in full.scenarios}


def test_scenario_places_are_empty_without_ratings() -> None:
    from selfdata.engines.ranking import scenario_places
    from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    assert scenario_places(workshop.model_copy(update={"ratings": []}), default_decks()) == {}
