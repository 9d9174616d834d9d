"""The README's "How the room decides": each sentence, and what proves it (a check here, or
the test that exercises it, which must exist under that name)."""

from __future__ import annotations

import re

import pytest

from selfdata.domain.workshop import WORKSHOP_SCHEMA, Workshop
from selfdata.engines import decision_summary
from selfdata.engines.resampling import RESAMPLING
from selfdata.engines.tables import MIN_SHARED_ITEMS
from selfdata.engines.weight_sets import median_weights
from selfdata.files.loading import ROOT
from selfdata.i18n import t

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section() -> str:
    start = README.index("## How the room decides")
    return " ".join(README[start : README.index("\n## ", start + 1)].split())


def proven_by(path: str, test: str) -> None:
    """``test`` is defined in ``path`` (a renamed or removed proof fails here)."""
    source = (ROOT / path).read_text(encoding="utf-8")
    assert re.search(rf"^def {re.escape(test)}\(", source, flags=re.M), (path, test)


def test_participants_weights_sentences() -> None:
    text = section()
    fr, en = t("decide.weights_ask", "fr"), t("decide.weights_ask", "en")
    assert f'«{fr}» / "{en}"' in text
    assert "7 taps for 6 criteria, no slider" in text
    proven_by(
        "tests/app/test_room_decides_pages.py",
        "test_six_criteria_are_weighed_in_seven_taps_on_a_tablet",
    )
    view = (ROOT / "selfdata/ui/group_decision_view.py").read_text(encoding="utf-8")
    assert "st.slider" not in view and "SWING_OPTIONS = (0, 20, 40, 60, 80, 100)" in view
    assert '"save" waits until every criterion has a value' in text
    proven_by(
        "tests/app/test_room_decides_pages.py",
        "test_saving_before_every_criterion_has_a_value_changes_nothing",
    )


def test_group_weights_sentences() -> None:
    text = section()
    assert "the median, criterion by criterion, of the participants' normalised weights" in text
    weights, _ = median_weights(
        [{"a": 100, "b": 50, "c": 0}, {"a": 50, "b": 100, "c": 50}, {"a": 100, "b": 100, "c": 100}],
        ("a", "b", "c"),
    )
    assert weights == pytest.approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 4})
    assert '"The winner depends on whose weights"' in text
    assert decision_summary.TEXT["depends"]["en"].startswith("The winner depends on whose weights")
    proven_by(
        "tests/unit/test_group_decision.py",
        "test_the_winner_depends_on_whose_weights_and_tables_get_their_own_set",
    )
    proven_by(
        "tests/e2e/test_room_decides.py",
        "test_the_wall_shows_that_the_winner_depends_on_whose_weights",
    )
    proven_by(
        "tests/unit/test_cli_rank.py", "test_rank_json_gives_each_weight_set_and_the_resampled_room"
    )
    proven_by(
        "tests/unit/test_export_decision_section.py",
        "test_the_report_says_whose_weights_the_rounds_and_the_resampled_room",
    )


def test_two_rounds_sentences() -> None:
    text = section()
    assert "while a round is open nobody but the facilitator sees any result" in text
    assert "revealing them is refused until the round is closed" in text
    proven_by(
        "tests/integration/test_room_decides.py",
        "test_a_silent_round_hides_the_ranking_until_closed_and_round_two_keeps_round_one",
    )
    proven_by(
        "tests/e2e/test_room_decides.py",
        "test_the_silent_round_leaks_no_rating_to_any_page_or_message",
    )
    assert (
        "the change in the ratings' average spread, the share of ratings changed and whether "
        "the winner changed" in text
    )
    proven_by("tests/unit/test_group_decision.py", "test_two_round_statistics_by_hand")
    proven_by(
        "tests/e2e/test_room_decides.py",
        "test_a_second_round_changes_the_winner_and_the_report_says_so",
    )


def test_resampling_sentences() -> None:
    text = section()
    assert "(1,000 seeded draws, with replacement)" in text and RESAMPLING.draws == 1000
    assert f'("{t("wall.chart.resampled", "en")}")' in text
    assert "`robustness.participants_resampled`" in text
    proven_by(
        "tests/unit/test_group_decision.py",
        "test_three_participants_resampled_exactly_give_the_enumerated_probabilities",
    )
    assert "150 people × 20 scenarios × 8 criteria take well under 2 seconds" in text
    proven_by(
        "tests/unit/test_group_decision.py",
        "test_150_participants_20_scenarios_8_criteria_1000_draws_within_two_seconds",
    )
    assert "participants resampled, weighted-sum: 150 × 20 × 8, 1,000 draws" in (
        ROOT / "BENCHMARKS.md"
    ).read_text(encoding="utf-8")


def test_objection_sentences() -> None:
    text = section()
    assert "an objection needs a reason" in text
    assert t("error.decide.reason_required", "en") == "An objection needs a reason."
    assert '"No blocking objection."' in text
    assert decision_summary.TEXT["no_objection"]["en"] == "No blocking objection."
    proven_by(
        "tests/unit/test_export_decision_section.py",
        "test_an_objection_becomes_a_condition_of_the_dossiers_action_plan",
    )
    proven_by(
        "tests/unit/test_export_decision_section.py",
        "test_a_consent_round_without_objection_says_so_in_the_dossier",
    )
    proven_by("tests/e2e/test_room_decides.py", "test_an_objection_reaches_the_dossier")


def test_plenary_sentences() -> None:
    text = section()
    assert "steered from the console like the main wall" in text
    proven_by(
        "tests/app/test_tables_pages.py",
        "test_the_plenary_is_steered_from_the_console_and_says_its_comparison_first",
    )
    assert "sharing fewer than 3 items is not shown" in text and MIN_SHARED_ITEMS == 3
    assert '"too few shared needs to compare"' in text
    assert "too few shared needs to compare" in t("decide.tau_few_needs", "en")


def test_file_sentences() -> None:
    text = section()
    for name in ("participant_weights", "rounds", "consent"):
        assert f"`{name}`" in text and name in Workshop.model_fields
    assert "`settings.participant_weights`" in text
    assert WORKSHOP_SCHEMA == "selfdata-workshop/1" and "`selfdata-workshop/1`" in text
    proven_by(
        "tests/integration/test_room_decides.py", "test_an_old_file_without_them_reads_as_before"
    )
