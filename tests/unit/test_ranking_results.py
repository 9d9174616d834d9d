"""Results you can hand to an elected official (issue 14): ties, no ratings, a swap that does
not depend on the scale of the weights, one sensitivity configuration, and the sentences."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from engine_factories import shipped_decks, workshop

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import CriterionWeight, Workshop
from selfdata.engines import ranking as engine
from selfdata.engines.ranking import (
    METHODS,
    SENSITIVITY,
    Method,
    Ranking,
    RankingError,
    SensitivityConfig,
    WeightSwap,
    ZeroWeightsError,
    rank_scenarios,
    shared_positions,
    smallest_weight_swap,
    weight_sensitivity,
)
from selfdata.engines.ranking_summary import (
    TEXT,
    lead_sentence,
    own_ranking,
    position_label,
    rank_axis_labels,
    rank_probability_labels,
    ranking_sentences,
    score_axis_range,
    stability_sentence,
    swap_sentence,
)
from selfdata.files.loading import ROOT, SCENARIOS_DIR, load_workshop

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")
FRACTIONAL = {
    "resident_benefit": 0.25,
    "collective_value": 0.15,
    "feasibility": 0.2,
    "cost": 0.15,
    "legal_risk": 0.15,
    "privacy_risk": 0.1,
}
"""The fourth territory's weights, as its facilitator typed them (issue 14)."""


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


def rated(table: dict[str, dict[str, list[int]]], weights: dict[str, float]) -> Workshop:
    """A workshop from {scenario: {criterion: [rating of p1, rating of p2, …]}}."""
    ratings = [
        {"participant": f"p{i + 1}", "scenario": sid, "criterion": cid, "value": value}
        for sid, by_criterion in table.items()
        for cid, values in by_criterion.items()
        for i, value in enumerate(values)
    ]
    people = sorted({r["participant"] for r in ratings})
    return workshop(
        scenarios=[scenario(s) for s in table],
        participants=[{"id": p, "pseudonym": p.upper()} for p in people],
        ratings=ratings,
        criteria=[{"criterion": c, "weight": w} for c, w in weights.items()],
    )


TWO = {"resident_benefit": 3.0, "cost": 2.0}
SAME = {"resident_benefit": [3, 4], "cost": [2, 2]}


def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def fractional() -> Workshop:
    base = example("la_rochelle")
    return base.model_copy(
        update={"criteria": [CriterionWeight(criterion=c, weight=w) for c, w in FRACTIONAL.items()]}
    )


def scaled(w: Workshop, factor: float) -> Workshop:
    """Every weight × ``factor`` (built without the file's 0–10 check: ×3 may pass 10)."""
    return w.model_copy(
        update={
            "criteria": [
                CriterionWeight.model_construct(criterion=c.criterion, weight=c.weight * factor)
                for c in w.criteria
            ]
        }
    )


# --- ties and no ratings --------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_without_any_rating_there_is_no_winner_and_nobody_is_first_in_100_percent(
    decks: Decks, method: Method
) -> None:
    w = rated({"a": {}, "b": {}, "c": {}}, TWO)
    ranking = rank_scenarios(w, decks, method)
    assert [s.scenario for s in ranking.scenarios] == ["a", "b", "c"]
    assert [s.position for s in ranking.scenarios] == [1, 1, 1]
    assert (ranking.has_ratings, ranking.has_winner, ranking.outcome) == (
        False,
        False,
        "no-ratings",
    )
    assert ranking.sensitivity.winner_stability == pytest.approx(1 / 3)
    assert max(max(p) for p in ranking.sensitivity.rank_probabilities.values()) < 0.5
    assert ranking.swap is None
    assert "No ratings yet" in stability_sentence(ranking, "en")
    assert "Aucune note" in stability_sentence(ranking, "fr")
    assert swap_sentence(ranking, "en") is None
    assert lead_sentence(ranking, "en") is None


@pytest.mark.parametrize("method", METHODS)
def test_all_equal_ratings_are_a_tie_said_as_such_not_a_winner(
    decks: Decks, method: Method
) -> None:
    ranking = rank_scenarios(rated({"b": SAME, "a": SAME, "c": SAME}, TWO), decks, method)
    assert ranking.has_ratings and not ranking.has_winner
    assert ranking.outcome == "tie"
    assert ranking.tied_groups == (("b", "a", "c"),)
    assert ranking.lead == 0.0
    assert all(s.tied for s in ranking.scenarios)
    en, fr = stability_sentence(ranking, "en"), stability_sentence(ranking, "fr")
    assert "tied for first place" in en and "stays first" not in en
    assert all(f"Scénario {s}" in en for s in "abc")
    assert "à égalité" in fr and "100" not in fr
    assert swap_sentence(ranking, "fr") is None
    assert position_label(ranking.scenarios[2], "en") == "tied 1st"
    assert position_label(ranking.scenarios[2], "fr") == "1er ex æquo"
    assert all(s.count("%") == 0 for s in ranking_sentences(ranking, "en"))


def test_two_scenarios_tied_first_share_position_1_and_the_third_is_3rd(decks: Decks) -> None:
    worse = {"resident_benefit": [1, 1], "cost": [5, 5]}
    ranking = rank_scenarios(rated({"a": SAME, "b": SAME, "c": worse}, TWO), decks)
    assert [s.position for s in ranking.scenarios] == [1, 1, 3]
    assert ranking.tied_groups == (("a", "b"),)
    assert [s.tied for s in ranking.scenarios] == [True, True, False]
    assert ranking.leaders == ranking.scenarios[:2]
    probabilities = ranking.sensitivity.rank_probabilities
    assert probabilities["a"] == pytest.approx((0.5, 0.5, 0.0))
    assert probabilities["c"] == pytest.approx((0.0, 0.0, 1.0))
    assert position_label(ranking.scenarios[2], "en") == "3rd"


def test_a_tie_for_second_place_leaves_a_winner_with_its_lead(decks: Decks) -> None:
    better = {"resident_benefit": [5, 5], "cost": [1, 1]}
    ranking = rank_scenarios(rated({"a": SAME, "b": SAME, "c": better}, TWO), decks)
    assert [s.scenario for s in ranking.scenarios] == ["c", "a", "b"]
    assert [s.position for s in ranking.scenarios] == [1, 2, 2]
    assert ranking.has_winner and ranking.outcome == "winner"
    assert ranking.lead == pytest.approx(ranking.scenarios[0].score - ranking.scenarios[1].score)
    assert ranking.sensitivity.winner_stability == 1.0
    sentence = lead_sentence(ranking, "en")
    assert sentence is not None and "leads" in sentence


@pytest.mark.parametrize(
    ("scores", "positions"),
    [
        ([0.9, 0.8, 0.7], [1, 2, 3]),
        ([0.8, 0.8, 0.5], [1, 1, 3]),
        ([0.8, 0.5, 0.5, 0.1], [1, 2, 2, 4]),
        ([0.5, 0.5 - 1e-12, 0.5 - 2e-12], [1, 1, 1]),  # float noise is no difference
        ([0.5, 0.5 - 1e-6], [1, 2]),
    ],
)
def test_positions_are_shared_by_equal_scores(scores: list[float], positions: list[int]) -> None:
    assert shared_positions(scores) == positions


def test_ties_in_draws_split_the_ranks_so_each_row_still_adds_up_to_one() -> None:
    # b and c are identical: in every draw they tie, whatever the weights
    matrix = np.array([[5.0, 1.0], [3.0, 3.0], [3.0, 3.0]])
    s = weight_sensitivity(matrix, [1, 1], ["benefit", "benefit"], ["a", "b", "c"], draws=300)
    for probabilities in s.rank_probabilities.values():
        assert sum(probabilities) == pytest.approx(1.0)
    for rank in range(3):
        assert sum(p[rank] for p in s.rank_probabilities.values()) == pytest.approx(1.0)
    assert s.rank_probabilities["b"] == pytest.approx(s.rank_probabilities["c"])


def test_the_lead_is_never_said_as_zero(decks: Decks) -> None:
    ranking = rank_scenarios(example("la_rochelle"), decks, draws=50)
    first, second = ranking.scenarios[0], ranking.scenarios[1]
    close = Ranking(
        method=ranking.method,
        criteria=ranking.criteria,
        scenarios=(
            first,
            type(second)(**{**second.__dict__, "score": first.score - 0.0004}),
            *ranking.scenarios[2:],
        ),
        sensitivity=ranking.sensitivity,
        swap=None,
    )
    assert lead_sentence(close, "en") == f"‘{first.title}’ leads ‘{second.title}’ by only 0.0004."


# --- a swap that does not depend on the scale of the weights ---------------------------


def _same_results(a: Ranking, b: Ranking) -> None:
    assert [s.scenario for s in a.scenarios] == [s.scenario for s in b.scenarios]
    assert [s.position for s in a.scenarios] == [s.position for s in b.scenarios]
    assert a.sensitivity.winner_stability == pytest.approx(b.sensitivity.winner_stability)
    for sid, probabilities in a.sensitivity.rank_probabilities.items():
        assert b.sensitivity.rank_probabilities[sid] == pytest.approx(probabilities)
    assert (a.swap is None) == (b.swap is None)
    if a.swap is not None and b.swap is not None:
        assert a.swap.criterion == b.swap.criterion
        assert a.swap.share == pytest.approx(b.swap.share, abs=1e-9)
        assert a.swap.new_share == pytest.approx(b.swap.new_share, abs=1e-9)
        assert a.swap.ratio == pytest.approx(b.swap.ratio, rel=1e-6)


@pytest.mark.parametrize("name", [*EXAMPLES, "fractional"])
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("factor", [0.1, 3.0])
def test_weights_times_a_number_give_the_same_ranking_stability_and_swap(
    decks: Decks, name: str, method: Method, factor: float
) -> None:
    w = fractional() if name == "fractional" else example(name)
    as_set = rank_scenarios(w, decks, method, draws=400)
    _same_results(as_set, rank_scenarios(scaled(w, factor), decks, method, draws=400))
    assert stability_sentence(as_set, "fr") == stability_sentence(
        rank_scenarios(scaled(w, factor), decks, method, draws=400), "fr"
    )


def test_the_swap_is_a_share_of_the_total_weight() -> None:
    # a: utilities (1, 0); b: (0, 1). Weights 3 and 2 (60 % / 40 %): b overtakes once
    # the benefit criterion falls under half of the total, whatever the scale.
    matrix = np.array([[5.0, 1.0], [1.0, 5.0]])
    for weights in ([3.0, 2.0], [0.3, 0.2], [30.0, 20.0]):
        swap = smallest_weight_swap(matrix, weights, ["benefit", "benefit"], ["x", "y"])
        assert swap is not None
        assert swap.criterion == "x"
        assert (swap.share, swap.new_share) == pytest.approx((0.6, 0.5))
        assert swap.new_weight == pytest.approx(weights[1])  # x's weight alone, y unchanged
        assert swap.ratio == pytest.approx(2 / 3)


def test_the_swap_may_need_a_weight_beyond_10_when_the_others_are_large() -> None:
    # Search on shares, not on 0–10: a criterion at 1 among others at 10 can still swap.
    matrix = np.array([[5.0, 5.0, 1.0], [1.0, 1.0, 5.0]])  # b wins only on the third
    swap = smallest_weight_swap(
        matrix, [10.0, 10.0, 1.0], ["benefit"] * 3, ["x", "y", "z"], grid=2001
    )
    assert swap is not None and swap.criterion == "z"
    assert swap.new_share == pytest.approx(0.5)
    assert swap.new_weight == pytest.approx(20.0)  # the old 0–10 search found no swap


# --- one sensitivity configuration -----------------------------------------------------


def test_the_engine_defaults_are_the_one_sensitivity_configuration(decks: Decks) -> None:
    assert SENSITIVITY == SensitivityConfig(draws=2000, spread=0.3, seed=0)
    assert (engine.DEFAULT_DRAWS, engine.DEFAULT_SPREAD, engine.DEFAULT_SEED) == (2000, 0.3, 0)
    ranking = rank_scenarios(example("nantes"), decks)
    assert ranking.sensitivity.config == SENSITIVITY


def _draw_counts_outside_the_engine() -> list[str]:
    """``draws=<number>`` passed anywhere in the package but the engine."""
    found = []
    for path in sorted((ROOT / "selfdata").rglob("*.py")):
        if path == Path(engine.__file__) or path == Path(engine.__file__).with_name(
            "sensitivity.py"
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword | ast.arg) and getattr(node, "arg", None) == "draws":
                value = node.value if isinstance(node, ast.keyword) else None
                if isinstance(value, ast.Constant) and value.value != 1:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        for match in re.finditer(r"draws: int = (\d+)", path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT)}: draws default {match.group(1)}")
    return found


def test_no_screen_cli_or_paper_picks_its_own_number_of_draws() -> None:
    assert _draw_counts_outside_the_engine() == []


# --- the sentences ----------------------------------------------------------------------


def test_every_weight_reads_as_entered_and_no_swap_goes_from_x_to_x(decks: Decks) -> None:
    ranking = rank_scenarios(fractional(), decks, draws=400)
    assert ranking.swap is not None
    for lang in ("fr", "en"):
        sentence = swap_sentence(ranking, lang)
        assert sentence is not None
        pair = re.search(r"(?:de|from) (.+?) (?:à|to) (.+?)[ ,(]", sentence)
        assert pair is not None, sentence
        assert pair.group(1) != pair.group(2), sentence
        weights = re.search(r"(?:poids|weight) ([\d,.]+) → (?:environ |about )?([\d,.]+)", sentence)
        assert weights is not None and weights.group(1) != weights.group(2), sentence
    assert ranking.swap.weight == 0.15
    assert "poids 0,15 → " in str(swap_sentence(ranking, "fr"))  # was "de 0,1 à 0,1"
    assert "weight 0.15 → " in str(swap_sentence(ranking, "en"))


@pytest.mark.parametrize(
    ("share", "new_share", "fr"),
    [
        (0.1, 0.3, "de 10\u202f% à 30\u202f%"),
        (0.3, 0.3004, "de 30,00\u202f% à 30,04\u202f%"),
        (0.1, 0.10004, "de 10,000\u202f% à 10,004\u202f%"),
    ],
)
def test_close_shares_get_the_decimals_that_tell_them_apart(
    decks: Decks, share: float, new_share: float, fr: str
) -> None:
    ranking = rank_scenarios(rated({"a": SAME, "b": {"cost": [5]}}, TWO), decks, draws=10)
    forced = Ranking(
        method=ranking.method,
        criteria=ranking.criteria,
        scenarios=ranking.scenarios,
        sensitivity=ranking.sensitivity,
        swap=WeightSwap("cost", 0.15, 0.15 * new_share / share, share=share, new_share=new_share),
    )
    sentence = swap_sentence(forced, "fr")
    assert sentence is not None and fr in sentence


def test_shares_too_close_to_tell_apart_are_said_as_a_ratio(decks: Decks) -> None:
    ranking = rank_scenarios(rated({"a": SAME, "b": {"cost": [5]}}, TWO), decks, draws=10)
    forced = Ranking(
        method=ranking.method,
        criteria=ranking.criteria,
        scenarios=ranking.scenarios,
        sensitivity=ranking.sensitivity,
        swap=WeightSwap("cost", 2.0, 2.0000001, share=0.4, new_share=0.40000001),
    )
    assert swap_sentence(forced, "en") == (
        "Multiplying the weight of ‘Cost’ by 1.00000005 (the others unchanged) would put "
        "‘Scénario b’ ahead of ‘Scénario a’."
    )


def test_all_zero_weights_are_refused_with_a_message_about_the_weights(decks: Decks) -> None:
    w = rated({"a": SAME}, {"resident_benefit": 0.0, "cost": 0.0})
    with pytest.raises(ZeroWeightsError) as refused:
        rank_scenarios(w, decks)
    assert isinstance(refused.value, RankingError)
    assert refused.value.key == "ranking.zero_weights"
    assert "poids de 0" in refused.value.message("fr")
    assert "weight of 0" in refused.value.message("en")
    assert "rating" not in refused.value.message("en")


def test_every_sentence_speaks_both_languages_with_french_spacing() -> None:
    for key, entry in TEXT.items():
        assert set(entry) == {"fr", "en"}, key
        assert entry["fr"] and entry["en"], key
        assert not re.search(r"[^\u00a0\u202f][:;?!]", entry["fr"]), key


def test_the_rank_axis_is_categorical_and_the_score_axis_stays_in_0_1(decks: Decks) -> None:
    assert rank_axis_labels(3, "en") == ["#1", "#2", "#3"]
    assert rank_axis_labels(3, "fr") == ["1er", "2e", "3e"]
    assert score_axis_range([0.2, 0.93, 0.5]) == (0.0, 1.0)
    ranking = rank_scenarios(example("la_rochelle"), decks, draws=400)
    for row in rank_probability_labels(ranking, "en"):
        numbers = [int(label.strip("<> %")) for label in row]
        assert sum(numbers) == 100 or any(label.startswith(("<", ">")) for label in row)


def test_a_participants_own_ranking_says_ties_in_words(decks: Decks) -> None:
    worse = {"resident_benefit": [1, 1], "cost": [5, 5]}
    w = rated({"a": SAME, "b": SAME, "c": worse}, TWO)
    ranking = rank_scenarios(w, decks, draws=10)
    rows = own_ranking(w, decks, "p1", ranking, lang="en")
    assert [r.group_label for r in rows] == ["tied 1st", "tied 1st", "3rd"]
    assert [r.own_label for r in rows] == ["tied 1st", "tied 1st", "3rd"]
    fr = own_ranking(w, decks, "p1", ranking)
    assert [r.group_label for r in fr] == ["1er ex æquo", "1er ex æquo", "3e"]


def test_sensitivity_and_swap_live_in_their_own_module_and_ranking_still_exports_them() -> None:
    from selfdata.engines import ranking, sensitivity

    assert ranking.weight_sensitivity is sensitivity.weight_sensitivity
    assert ranking.smallest_weight_swap is sensitivity.smallest_weight_swap
    assert ranking.SENSITIVITY is sensitivity.SENSITIVITY
    assert sensitivity.weight_sensitivity.__module__ == "selfdata.engines.sensitivity"
