"""Fallbacks that no page reaches with the bundled data (found by comparing the suite's
coverage before and after issue 24): a step the catalogue does not name is shown as given,
and no fits at all pick no model."""

from __future__ import annotations

from selfdata.domain.errors import step_label
from selfdata.ui.governance_view import best_fit


def test_a_step_the_catalogue_does_not_name_is_shown_as_given() -> None:
    assert step_label("needs", "fr") != "needs"  # a named step: its French name
    assert step_label("no_such_step", "fr") == "no_such_step"
    assert step_label("no_such_step", "en") == "no_such_step"


def test_no_fits_pick_no_model() -> None:
    assert best_fit([]) is None
