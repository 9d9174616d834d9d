"""Whose weights, two rounds, another room: the engines, on values computed by hand."""

from __future__ import annotations

import itertools
import time
from typing import Any

import numpy as np
import pytest
from engine_factories import shipped_decks, workshop

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Rating
from selfdata.engines.ranking import Method, scenario_places
from selfdata.engines.resampling import (
    medians_for,
    rank_probabilities_for,
    ratings_tensor,
    resample_participants,
)
from selfdata.engines.rounds import mean_spread, two_round_stats
from selfdata.engines.weight_sets import (
    SwingWeights,
    median_weights,
    normalised,
    weight_sets,
    winner_depends_on_weights,
)


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


# --- group weights ---------------------------------------------------------------------

ABC = ("a", "b", "c")


def test_individual_swing_weights_are_normalised_to_shares() -> None:
    assert normalised({"a": 100, "b": 50, "c": 0}, ABC) == {"a": 2 / 3, "b": 1 / 3, "c": 0.0}


@pytest.mark.parametrize(
    "values",
    [{"a": 100, "b": 50}, {"a": 0, "b": 0, "c": 0}, {"a": 120, "b": 0, "c": 0}],
    ids=["a criterion missing", "all zero", "above the maximum"],
)
def test_an_incomplete_or_empty_set_of_swing_weights_does_not_count(values: Any) -> None:
    assert normalised(values, ABC) is None


def test_group_weights_are_the_median_of_the_normalised_individual_weights() -> None:
    # by hand: P1 (2/3, 1/3, 0), P2 (1/4, 1/2, 1/4), P3 (1/3, 1/3, 1/3)
    # medians: a = 1/3, b = 1/3, c = 1/4
    weights, counted = median_weights(
        [{"a": 100, "b": 50, "c": 0}, {"a": 50, "b": 100, "c": 50}, {"a": 100, "b": 100, "c": 100}],
        ABC,
    )
    assert counted == 3
    assert weights == pytest.approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 4})


def test_an_even_number_of_participants_takes_the_mean_of_the_two_middle_shares() -> None:
    # P1 (1, 0, 0), P2 (1/2, 1/2, 0): a = 3/4, b = 1/4, c = 0
    weights, _ = median_weights([{"a": 100, "b": 0, "c": 0}, {"a": 100, "b": 100, "c": 0}], ABC)
    assert weights == pytest.approx({"a": 0.75, "b": 0.25, "c": 0.0})


def test_group_weights_are_undefined_when_every_median_is_zero() -> None:
    weights, counted = median_weights(
        [{"a": 100, "b": 0, "c": 0}, {"a": 0, "b": 100, "c": 0}, {"a": 0, "b": 0, "c": 100}], ABC
    )
    assert (weights, counted) == (None, 3)


def test_the_winner_depends_on_whose_weights_and_tables_get_their_own_set() -> None:
    # scenario x is 5 on a and 1 on b; y the reverse; a benefit criterion each
    matrix = np.array([[5.0, 1.0], [1.0, 5.0]])
    swings = [
        SwingWeights("p1", {"a": 0, "b": 100}, table="t1"),
        SwingWeights("p2", {"a": 10, "b": 100}, table="t1"),
        SwingWeights("p3", {"a": 100, "b": 0}, table="t2"),
    ]
    sets = weight_sets(
        matrix,
        ["benefit", "benefit"],
        ["x", "y"],
        ["a", "b"],
        {"a": 3, "b": 1},
        swings,
        ["t1", "t2"],
    )
    assert [s.source for s in sets] == ["facilitator", "group", "table:t1", "table:t2"]
    facilitator, group, t1, t2 = sets
    assert facilitator.shares == {"a": 0.75, "b": 0.25}
    assert facilitator.leaders == ("x",)
    # group: shares (0, 1), (1/11, 10/11), (1, 0): medians 1/11 and 10/11
    assert group.shares == pytest.approx({"a": 1 / 11, "b": 10 / 11})
    assert group.participants == 3
    assert group.leaders == ("y",)
    assert t1.leaders == ("y",) and t1.participants == 2
    assert t2.leaders == ("x",) and t2.participants == 1
    assert winner_depends_on_weights(sets)
    assert not winner_depends_on_weights([facilitator, t2])


def test_without_participants_weights_there_is_the_facilitators_set_only() -> None:
    sets = weight_sets(np.array([[5.0], [1.0]]), ["benefit"], ["x", "y"], ["a"], {"a": 1}, [])
    assert [s.source for s in sets] == ["facilitator"]
    assert not winner_depends_on_weights(sets)


# --- resampling ------------------------------------------------------------------------

# three participants, scenarios A and B, one benefit criterion:
# P1 rates A 5, B 1; P2 A 1, B 5; P3 A 4, B 2. B = 6 − A for everyone, so A wins a draw
# when the median of A is above 3.
THREE = np.array([[[5], [1]], [[1], [5]], [[4], [2]]], dtype=np.int64)


def _every_draw(p: int) -> np.ndarray:
    """All p^p equally likely ordered picks, as multiplicities (draws × participants)."""
    rows = [np.bincount(pick, minlength=p) for pick in itertools.product(range(p), repeat=p)]
    return np.array(rows, dtype=float)


def test_three_participants_resampled_exactly_give_the_enumerated_probabilities() -> None:
    # By hand over the 27 ordered picks (counts n1, n2, n3 -> how many picks, median of A):
    # (3,0,0) 1 → 5 A | (0,3,0) 1 → 1 B | (0,0,3) 1 → 4 A | (2,1,0) 3 → 5 A | (1,2,0) 3 → 1 B
    # (2,0,1) 3 → 5 A | (1,0,2) 3 → 4 A | (0,2,1) 3 → 1 B | (0,1,2) 3 → 4 A | (1,1,1) 6 → 4 A
    # A first in 1+1+3+3+3+3+6 = 20 of 27 picks, B in 7.
    probabilities = rank_probabilities_for(THREE, _every_draw(3), [1.0], ["benefit"])
    assert (probabilities * 27).round(9).tolist() == [[20, 7], [7, 20]]


def test_a_tied_draw_splits_first_and_second_place() -> None:
    # P3 now rates 3 and 3: A wins (3,0,0) (2,1,0) (2,0,1) = 7 picks, B 7, and the
    # 13 others tie (median 3 for both): A first in (7 + 13/2) / 27 = 1/2
    tied_three = THREE.copy()
    tied_three[2] = [[3], [3]]
    probabilities = rank_probabilities_for(tied_three, _every_draw(3), [1.0], ["benefit"])
    assert probabilities[0].tolist() == pytest.approx([0.5, 0.5])


def test_the_seeded_bootstrap_agrees_with_the_exact_enumeration() -> None:
    result = resample_participants(THREE, [1.0], ["benefit"], ["A", "B"], draws=20_000, seed=7)
    assert result is not None
    assert result.winner == "A"
    assert result.winner_first_share == pytest.approx(20 / 27, abs=0.01)
    again = resample_participants(THREE, [1.0], ["benefit"], ["A", "B"], draws=20_000, seed=7)
    assert again == result


def test_a_tie_at_the_top_names_no_winner_to_stay_first() -> None:
    tie = np.array([[[5], [1]], [[1], [5]]], dtype=np.int64)
    result = resample_participants(tie, [1.0], ["benefit"], ["A", "B"], draws=200)
    assert result is not None
    assert (result.winner, result.winner_first_share) == (None, None)


def test_the_draws_medians_are_the_medians_of_the_picked_ratings() -> None:
    rng = np.random.default_rng(3)
    ratings = rng.integers(0, 6, size=(9, 4, 3))
    picks = rng.multinomial(9, np.full(9, 1 / 9), size=50).astype(float)
    got = medians_for(ratings, picks)
    for d in range(50):
        for i in range(4):
            for j in range(3):
                picked = np.repeat(ratings[:, i, j], picks[d].astype(int))
                picked = picked[picked > 0]
                expected = np.median(picked) if picked.size else 3.0
                assert got[d, i, j] == expected


@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_with_everyone_once_the_resampled_scores_are_the_rankings(
    decks: Decks, method: Method
) -> None:
    rng = np.random.default_rng(5)
    criteria = ["resident_benefit", "cost", "feasibility"]
    ratings = [
        {"participant": f"p{p}", "scenario": f"s{s}", "criterion": c, "value": int(v)}
        for p in range(6)
        for s in range(4)
        for c, v in zip(criteria, rng.integers(1, 6, size=3), strict=True)
    ]
    w = workshop(
        scenarios=[
            {
                "id": f"s{s}",
                "title": f"S{s}",
                "use_case": "u",
                "model": "personal_cloud",
                "scope": {"residents": 1, "duration_months": 1},
            }
            for s in range(4)
        ],
        criteria=[{"criterion": c, "weight": k + 1} for k, c in enumerate(criteria)],
        ratings=ratings,
    )
    places = scenario_places(w, decks, method)
    _, tensor = ratings_tensor(
        [(r["participant"], r["scenario"], r["criterion"], r["value"]) for r in ratings],
        [f"s{s}" for s in range(4)],
        criteria,
    )
    from selfdata.engines.resampling import scores_for

    scores = scores_for(
        medians_for(tensor, np.ones((1, 6))), [1, 2, 3], ["benefit", "cost", "benefit"], method
    )
    assert scores[0].tolist() == pytest.approx([places[f"s{s}"][1] for s in range(4)])


def test_150_participants_20_scenarios_8_criteria_1000_draws_within_two_seconds() -> None:
    rng = np.random.default_rng(0)
    ratings = rng.integers(1, 6, size=(150, 20, 8))
    directions = ["benefit", "cost"] * 4
    start = time.perf_counter()
    result = resample_participants(
        ratings, list(range(1, 9)), directions, [f"s{i}" for i in range(20)], draws=1000
    )
    elapsed = time.perf_counter() - start
    assert result is not None and result.draws == 1000
    assert elapsed < 2.0, f"{elapsed:.2f} s"


# --- two rounds ------------------------------------------------------------------------


def _ratings(rows: list[tuple[str, str, str, int]]) -> list[Rating]:
    return [Rating(participant=p, scenario=s, criterion=c, value=v) for p, s, c, v in rows]


def test_two_round_statistics_by_hand(decks: Decks) -> None:
    scenarios = [
        {
            "id": x,
            "title": x.upper(),
            "use_case": "u",
            "model": "personal_cloud",
            "scope": {"residents": 1, "duration_months": 1},
        }
        for x in ("x", "y")
    ]
    w = workshop(scenarios=scenarios, criteria=[{"criterion": "resident_benefit", "weight": 1}])
    c = "resident_benefit"
    first = _ratings([("p1", "x", c, 5), ("p2", "x", c, 1), ("p1", "y", c, 4), ("p2", "y", c, 4)])
    second = _ratings([("p1", "x", c, 3), ("p2", "x", c, 3), ("p1", "y", c, 4), ("p2", "y", c, 5)])
    stats = two_round_stats(w, decks, first, second)
    # round 1: x {5, 1} σ 2, y {4, 4} σ 0 -> mean 1; round 2: x {3, 3} 0, y {4, 5} 0.5 -> 0.25
    assert stats.spread_before == pytest.approx(1.0)
    assert stats.spread_after == pytest.approx(0.25)
    assert stats.spread_change == pytest.approx(-0.75)
    # 4 ratings in both rounds, 3 changed (p1 x, p2 x, p2 y)
    assert (stats.compared, stats.changed, stats.share_changed) == (4, 3, 0.75)
    # round 1: x median 3 (0.5) < y 4 (0.75): y first; round 2: x 3 < y 4.5: y first
    assert stats.leaders_before == ("y",) and stats.leaders_after == ("y",)
    assert stats.winner_changed is False


def test_a_second_round_that_changes_the_winner_says_so(decks: Decks) -> None:
    scenarios = [
        {
            "id": x,
            "title": x.upper(),
            "use_case": "u",
            "model": "personal_cloud",
            "scope": {"residents": 1, "duration_months": 1},
        }
        for x in ("x", "y")
    ]
    w = workshop(scenarios=scenarios, criteria=[{"criterion": "resident_benefit", "weight": 1}])
    c = "resident_benefit"
    first = _ratings([("p1", "x", c, 5), ("p1", "y", c, 2)])
    second = _ratings([("p1", "x", c, 2), ("p1", "y", c, 5)])
    stats = two_round_stats(w, decks, first, second)
    assert (stats.leaders_before, stats.leaders_after, stats.winner_changed) == (
        ("x",),
        ("y",),
        True,
    )
    assert (stats.spread_before, stats.spread_after, stats.spread_change) == (None, None, None)
    assert mean_spread([]) is None


# --- Kendall's tau on too few shared items -----------------------------------------------


def test_kendalls_tau_on_two_shared_items_is_flagged_too_few_and_left_out_of_the_mean() -> None:
    from selfdata.engines.tables import mean_agreement, pairwise_agreement
    from selfdata.i18n import t

    pairs = pairwise_agreement(
        {"A": {"x": 2, "y": 1}, "B": {"x": 1, "y": 2}, "C": {"x": 2, "y": 1, "z": 0}}
    )
    ab = pairs[0]
    assert (ab.tau, ab.shared, ab.too_few) == (-1.0, 2, True)
    assert mean_agreement(pairs) is None  # every pair shares 2 items at most
    assert t("decide.tau_few_needs", "en", first="A", second="B") == (
        "A and B: too few shared needs to compare"
    )
    three = pairwise_agreement({"A": {"x": 3, "y": 2, "z": 1}, "B": {"x": 3, "y": 2, "z": 1}})
    assert (three[0].tau, three[0].too_few) == (1.0, False)


def test_nobody_rated_gives_no_resampling() -> None:
    empty = np.zeros((0, 2, 1), dtype=np.int64)
    assert resample_participants(empty, [1.0], ["benefit"], ["A", "B"]) is None
    unrated = np.zeros((2, 2, 1), dtype=np.int64)
    assert resample_participants(unrated, [1.0], ["benefit"], ["A", "B"]) is None


def test_my_data_holds_my_weights_my_round_one_ratings_and_my_objection_only() -> None:
    from selfdata.domain.my_data import my_data_document
    from selfdata.domain.workshop import (
        ConsentRound,
        Objection,
        ParticipantWeights,
        RatingRounds,
        SwingWeight,
    )

    w = workshop(
        participants=[{"id": "p1", "pseudonym": "Une"}, {"id": "p2", "pseudonym": "Deux"}],
    ).model_copy(
        update={
            "participant_weights": [
                ParticipantWeights(participant=p, weights=[SwingWeight(criterion="cost", value=v)])
                for p, v in (("p1", 100), ("p2", 40))
            ],
            "rounds": RatingRounds(
                current=2,
                open=False,
                first=_ratings([("p1", "x", "cost", 4), ("p2", "x", "cost", 1)]),
            ),
            "consent": ConsentRound(
                scenario="x",
                objections=[
                    Objection(participant="p1", reason="Mine"),
                    Objection(participant="p2", reason="Not mine"),
                ],
            ),
        }
    )
    doc = my_data_document(w, "p1")
    assert doc["weights"] == {"cost": 100}
    assert doc["round_1_ratings"] == [{"scenario": "x", "criterion": "cost", "value": 4}]
    assert doc["objection"] == {"scenario": "x", "reason": "Mine"}
    assert "Not mine" not in str(doc) and "Deux" not in str(doc)
    bare = my_data_document(workshop(participants=[{"id": "p1", "pseudonym": "Une"}]), "p1")
    assert not {"weights", "round_1_ratings", "objection"} & set(bare)
