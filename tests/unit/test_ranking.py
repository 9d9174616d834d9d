from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from engine_factories import shipped_decks, workshop
from pymcdm import normalizations
from pymcdm.methods import TOPSIS

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.engines.ranking import (
    METHODS,
    Method,
    RankingError,
    aggregate_ratings,
    criteria_in_use,
    rank_scenarios,
    topsis_batch,
    topsis_scores,
    weight_sensitivity,
    weighted_sum_batch,
)


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def scenario(sid: str) -> dict[str, Any]:
    return {
        "id": sid,
        "title": f"Scénario {sid}",
        "use_case": "uc",
        "model": "personal_cloud",
        "scope": {"residents": 100, "duration_months": 6},
    }


def rated(
    table: dict[str, dict[str, list[int]]],
    weights: dict[str, float] | None = None,
) -> Workshop:
    """A workshop from {scenario: {criterion: [rating of p1, rating of p2, …]}}."""
    scenarios = list(table)
    ratings = []
    participants: set[str] = set()
    for sid, by_criterion in table.items():
        for cid, values in by_criterion.items():
            for i, value in enumerate(values):
                participants.add(f"p{i + 1}")
                ratings.append(
                    {"participant": f"p{i + 1}", "scenario": sid, "criterion": cid, "value": value}
                )
    return workshop(
        scenarios=[scenario(s) for s in scenarios],
        participants=[{"id": p, "pseudonym": p.upper()} for p in sorted(participants)],
        ratings=ratings,
        criteria=[{"criterion": c, "weight": w} for c, w in (weights or {}).items()],
    )


TWO_CRITERIA = {"resident_benefit": 3.0, "cost": 2.0}


# --- published worked examples --------------------------------------------------------


def test_topsis_matches_the_published_example_of_opricovic_and_tzeng_2004() -> None:
    # Opricovic, S. & Tzeng, G.-H. (2004), "Compromise solution by MCDM methods: a
    # comparative analysis of VIKOR and TOPSIS", European Journal of Operational Research
    # 156(2), 445-455, numerical example: f1 is a cost (1, 2, 5), f2 a benefit
    # (3000, 3750, 4500), equal weights; published closeness C* = 0.500, 0.617, 0.500
    # (linear normalisation; the same case is pymcdm's own TOPSIS reference test).
    matrix = np.array([[1, 3000], [2, 3750], [5, 4500]], dtype=float)
    closeness = topsis_scores(matrix, [0.5, 0.5], ["cost", "benefit"], normalization="minmax")
    assert np.round(closeness, 3).tolist() == [0.500, 0.617, 0.500]


def test_topsis_with_vector_normalisation_finds_the_published_ideal_solution() -> None:
    # The car-buying example of the classic TOPSIS lecture notes (after Yoon & Hwang,
    # "Multiple Attribute Decision Making: An Introduction", Sage, 1995): style,
    # reliability, fuel economy (benefits) and cost, weights 0.1/0.4/0.3/0.2; published
    # weighted ideal A* = {0.059, 0.244, 0.162, 0.080}.
    matrix = np.array([[7, 9, 9, 8], [8, 7, 8, 7], [9, 6, 8, 9], [6, 7, 8, 6]], dtype=float)
    weights = np.array([0.1, 0.4, 0.3, 0.2])
    weighted = (
        np.column_stack([normalizations.vector_normalization(matrix[:, j]) for j in range(4)])
        * weights
    )
    ideal = [weighted[:, 0].max(), weighted[:, 1].max(), weighted[:, 2].max(), weighted[:, 3].min()]
    # the notes round every intermediate step to three decimals
    assert np.allclose(ideal, [0.059, 0.244, 0.162, 0.080], atol=2e-3)
    closeness = topsis_scores(matrix, weights, ["benefit", "benefit", "benefit", "cost"])
    assert closeness.argmax() == 0  # the Civic is the closest to the ideal


@pytest.mark.parametrize("seed", range(8))
def test_the_vectorised_topsis_agrees_with_pymcdm(seed: int) -> None:
    rng = np.random.default_rng(seed)
    matrix = rng.integers(1, 6, size=(6, 5)).astype(float)
    directions = ["benefit", "cost", "benefit", "cost", "benefit"]
    weights = rng.random((4, 5))
    weights /= weights.sum(axis=1, keepdims=True)
    ours = topsis_batch(matrix, weights, directions)
    types = np.array([1, -1, 1, -1, 1])
    with np.errstate(invalid="ignore"):
        theirs = np.array(
            [
                TOPSIS(normalizations.vector_normalization)(matrix, w, types, validation=False)
                for w in weights
            ]
        )
    theirs = np.where(np.isfinite(theirs), theirs, 0.5)
    assert np.allclose(ours, theirs)


def test_weighted_sum_is_the_weighted_mean_of_utilities_with_costs_reversed() -> None:
    # benefit rated 5 -> utility 1; cost rated 2 -> utility 0.75; weights 3 and 1
    scores = weighted_sum_batch(np.array([[5.0, 2.0]]), np.array([3.0, 1.0]), ["benefit", "cost"])
    assert scores[0, 0] == pytest.approx((3 * 1.0 + 1 * 0.75) / 4)


# --- aggregation ----------------------------------------------------------------------


def test_ratings_are_aggregated_as_median_count_and_spread(decks: Decks) -> None:
    w = rated({"a": {"resident_benefit": [1, 3, 5], "cost": [2, 2]}}, TWO_CRITERIA)
    table = aggregate_ratings(w, criteria_in_use(w, decks))
    benefit, cost = table.cells[0]
    assert (benefit.median, benefit.count) == (3.0, 3)
    assert benefit.spread == pytest.approx(np.std([1, 3, 5]))
    assert (cost.median, cost.count, cost.spread) == (2.0, 2, 0.0)


def test_a_participant_rating_a_cell_twice_counts_once_with_the_last_value(decks: Decks) -> None:
    w = rated({"a": {"resident_benefit": [2]}}, TWO_CRITERIA)
    w.ratings.append(w.ratings[0].model_copy(update={"value": 5}))
    table = aggregate_ratings(w, criteria_in_use(w, decks))
    assert (table.cells[0][0].median, table.cells[0][0].count) == (5.0, 1)


def test_without_workshop_criteria_the_deck_defaults_are_used(decks: Decks) -> None:
    criteria = criteria_in_use(workshop(), decks)
    assert [c.id for c in criteria] == [c.id for c in decks.criteria]
    assert sum(c.share for c in criteria) == pytest.approx(1.0)
    assert {c.id for c in criteria if c.direction == "cost"} == {
        "cost",
        "legal_risk",
        "time_to_launch",
        "privacy_risk",
    }


# --- ranking and its edge cases -------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_the_scenario_rated_better_everywhere_comes_first(decks: Decks, method: Method) -> None:
    w = rated(
        {
            "weak": {"resident_benefit": [2, 2], "cost": [4, 5]},
            "strong": {"resident_benefit": [5, 4], "cost": [1, 2]},
        },
        TWO_CRITERIA,
    )
    ranking = rank_scenarios(w, decks, method)
    assert [s.scenario for s in ranking.scenarios] == ["strong", "weak"]
    assert [s.rank for s in ranking.scenarios] == [1, 2]
    assert ranking.sensitivity.winner == "strong"
    assert ranking.sensitivity.winner_stability == 1.0


@pytest.mark.parametrize("method", METHODS)
def test_a_single_scenario_is_ranked_first_and_stable(decks: Decks, method: Method) -> None:
    ranking = rank_scenarios(
        rated({"only": {"resident_benefit": [4]}}, TWO_CRITERIA), decks, method
    )
    (only,) = ranking.scenarios
    assert (only.scenario, only.rank) == ("only", 1)
    assert 0.0 <= only.score <= 1.0
    assert ranking.sensitivity.winner_stability == 1.0
    assert ranking.swap is None
    assert ranking.participants[0].kendall_tau is None


@pytest.mark.parametrize("method", METHODS)
def test_all_equal_ratings_keep_the_workshop_order_and_full_consensus(
    decks: Decks, method: Method
) -> None:
    same = {"resident_benefit": [3, 3], "cost": [3, 3]}
    ranking = rank_scenarios(rated({"b": same, "a": same, "c": same}, TWO_CRITERIA), decks, method)
    assert [s.scenario for s in ranking.scenarios] == ["b", "a", "c"]
    assert len({s.score for s in ranking.scenarios}) == 1
    assert all(s.consensus == 1.0 for s in ranking.scenarios)
    assert [s.position for s in ranking.scenarios] == [1, 1, 1]
    assert ranking.tied_groups == (("b", "a", "c"),)
    assert (ranking.has_winner, ranking.outcome, ranking.lead) == (False, "tie", 0.0)
    # no "first in 100 %" for the one that merely comes first in the workshop's order
    for probabilities in ranking.sensitivity.rank_probabilities.values():
        assert probabilities == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert ranking.sensitivity.winner_stability == pytest.approx(1 / 3)
    assert ranking.swap is None


@pytest.mark.parametrize("method", METHODS)
def test_a_criterion_with_zero_weight_does_not_change_the_ranking(
    decks: Decks, method: Method
) -> None:
    table = {
        "a": {"resident_benefit": [5], "cost": [5]},
        "b": {"resident_benefit": [3], "cost": [1]},
    }
    ranking = rank_scenarios(rated(table, {"resident_benefit": 2.0, "cost": 0.0}), decks, method)
    assert [s.scenario for s in ranking.scenarios] == ["a", "b"]
    assert ranking.sensitivity.winner_stability == 1.0  # zero stays zero under noise
    assert ranking.swap is not None and ranking.swap.criterion == "cost"


def test_missing_ratings_count_as_neutral_and_are_listed(decks: Decks) -> None:
    w = rated(
        {
            "rated": {"resident_benefit": [4], "cost": [3]},
            "half": {"resident_benefit": [4]},
        },
        TWO_CRITERIA,
    )
    ranking = rank_scenarios(w, decks)
    by_id = {s.scenario: s for s in ranking.scenarios}
    assert by_id["half"].missing == ("cost",)
    assert by_id["rated"].missing == ()
    assert by_id["half"].score == pytest.approx(by_id["rated"].score)  # 3 is neutral


def test_a_scenario_nobody_rated_is_ranked_on_neutral_ratings(decks: Decks) -> None:
    w = rated({"good": {"resident_benefit": [5], "cost": [1]}}, TWO_CRITERIA)
    w.scenarios.append(w.scenarios[0].model_copy(update={"id": "unrated", "title": "Unrated"}))
    ranking = rank_scenarios(w, decks)
    last = ranking.scenarios[-1]
    assert (last.scenario, last.ratings, last.consensus) == ("unrated", 0, None)
    assert last.missing == ("resident_benefit", "cost")
    assert last.score == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"scenarios": []}, "no scenario to rank"),
        ({"criteria": [{"criterion": "cost", "weight": 0.0}]}, "weight of 0"),
        ({"criteria": [{"criterion": "beauty", "weight": 1.0}]}, "unknown criterion: beauty"),
    ],
)
def test_workshops_that_cannot_be_ranked_say_why(
    decks: Decks, change: dict[str, Any], message: str
) -> None:
    w = Workshop.model_validate({**rated({"a": {"cost": [2]}}, TWO_CRITERIA).dump(), **change})
    with pytest.raises(RankingError, match=message):
        rank_scenarios(w, decks)


# --- consensus, sensitivity, swap, agreement ------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [([4, 4, 4], 1.0), ([1, 5], 0.0), ([2, 4], 0.5), ([5], None)],
)
def test_consensus_reads_the_spread_of_ratings(
    decks: Decks, values: list[int], expected: float | None
) -> None:
    ranking = rank_scenarios(rated({"a": {"resident_benefit": values}}, TWO_CRITERIA), decks)
    assert ranking.scenarios[0].consensus == (None if expected is None else pytest.approx(expected))


def test_sensitivity_is_reproducible_with_a_seed_and_gives_probabilities(decks: Decks) -> None:
    table = {
        "a": {"resident_benefit": [5], "cost": [4]},
        "b": {"resident_benefit": [3], "cost": [2]},
        "c": {"resident_benefit": [2], "cost": [5]},
    }
    w = rated(table, {"resident_benefit": 1.0, "cost": 1.0})
    first = rank_scenarios(w, decks, seed=7).sensitivity
    assert first == rank_scenarios(w, decks, seed=7).sensitivity
    for probabilities in first.rank_probabilities.values():
        assert sum(probabilities) == pytest.approx(1.0)
    assert 0.0 < first.winner_stability < 1.0  # a close call between a and b
    assert first.rank_probabilities["c"][2] == 1.0  # c is always last


def test_a_wider_spread_makes_a_close_winner_less_stable() -> None:
    matrix = np.array([[5.0, 2.0], [2.0, 4.0]])
    directions = ["benefit", "benefit"]
    narrow = weight_sensitivity(matrix, [3, 2], directions, ["a", "b"], spread=0.05)
    wide = weight_sensitivity(matrix, [3, 2], directions, ["a", "b"], spread=1.0)
    assert narrow.winner == wide.winner == "a"
    assert narrow.winner_stability > wide.winner_stability


def test_the_smallest_weight_change_that_swaps_the_top_two(decks: Decks) -> None:
    # a: benefit 5, cost 5 (utilities 1, 0); b: benefit 1, cost 1 (utilities 0, 1).
    # With weights 3 and 2, a leads; b overtakes once benefit's weight drops below 2
    # or cost's weight rises above 3: either is a change of one point.
    table = {
        "a": {"resident_benefit": [5], "cost": [5]},
        "b": {"resident_benefit": [1], "cost": [1]},
    }
    swap = rank_scenarios(rated(table, TWO_CRITERIA), decks).swap
    assert swap is not None
    assert swap.criterion == "resident_benefit"
    assert swap.weight == 3.0
    assert swap.new_weight == pytest.approx(2.0, abs=1e-3)
    assert swap.change == pytest.approx(-1.0, abs=1e-3)


def test_participants_who_agree_or_disagree_with_the_group_are_told_apart(decks: Decks) -> None:
    table = {
        "a": {"resident_benefit": [5, 5, 1]},
        "b": {"resident_benefit": [3, 3, 3]},
        "c": {"resident_benefit": [1, 1, 5]},
    }
    ranking = rank_scenarios(rated(table, TWO_CRITERIA), decks)
    taus = {p.participant: p.kendall_tau for p in ranking.participants}
    assert taus["p1"] == pytest.approx(1.0)
    assert taus["p3"] == pytest.approx(-1.0)
    assert [p.pseudonym for p in ranking.participants] == ["P1", "P2", "P3"]


def test_the_json_shape_is_plain_data(decks: Decks) -> None:
    import json

    ranking = rank_scenarios(rated({"a": {"resident_benefit": [4]}}, TWO_CRITERIA), decks)
    data = json.loads(json.dumps(ranking.as_dict()))
    assert data["schema"] == "selfdata-ranking/1"
    assert set(data) == {
        "schema",
        "method",
        "criteria",
        "ranking",
        "sensitivity",
        "weight_swap",
        "participants",
        "outcome",
        "lead",
        "tied_groups",
    }
