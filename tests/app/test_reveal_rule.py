"""The reveal rule seen from a participant's session (AppTest): before the facilitator
reveals the scenarios, the scenarios, projection and export pages give a participant's
tablet no group result and no other participant's rating, even when the facilitator's
screen has just computed (and cached) them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from outcome_pages import Room, figures, open_room, page, texts
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.domain.workshop import Rating
from selfdata.engines.ranking import Ranking, RatingTable

HIDDEN = "Le classement sera affiché quand l’animation le révélera."
NOT_REVEALED = "Les résultats s’afficheront quand l’animation les révélera."


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    services.set_step(room.store, room.code, room.secret, "scenarios")
    for step in services.room_state(room.store, room.code).revealed:
        services.set_revealed(room.store, room.code, room.secret, step, False)
    return room


def _results(at: AppTest) -> list[Any]:
    """What on a page carries the group's results: figures, tables, downloads."""
    return [*figures(at), *at.get("dataframe"), *at.get("download_button")]


def _session_leaks(at: AppTest, participant: str) -> list[str]:
    found = []
    for key, value in at.session_state.to_dict().items():
        if isinstance(value, (Ranking, RatingTable)):
            found.append(f"{key}: {type(value).__name__}")
        if isinstance(value, Rating) and value.participant != participant:
            found.append(f"{key}: a rating of {value.participant}")
    return found


def _warm_the_cache(room: Room) -> None:
    """The facilitator sees the results before the reveal: the group's ranking is computed
    and cached for this ranking version."""
    at = page(room, "scenarios", "facilitator")
    assert not at.exception
    assert len(figures(at)) == 4  # ranking, consensus, heatmap, the resampled room


@pytest.mark.parametrize("warm", [False, True])
def test_a_participants_tablet_gets_no_result_before_the_reveal(room: Room, warm: bool) -> None:
    if warm:
        _warm_the_cache(room)
    scenarios = page(room, "scenarios", "participant")
    assert not scenarios.exception
    assert _results(scenarios) == []
    assert HIDDEN in texts(scenarios)
    projection = page(room, "projection", "participant")
    assert not projection.exception
    assert _results(projection) == []
    assert NOT_REVEALED in texts(projection)
    export = page(room, "export", "participant")
    assert not export.exception
    assert _results(export) == []
    for at in (scenarios, projection, export):
        assert _session_leaks(at, room.participant) == []


def test_the_projector_and_a_projecting_facilitator_show_nothing_before_the_reveal(
    room: Room,
) -> None:
    _warm_the_cache(room)
    assert _results(page(room, "projection", "projection")) == []
    assert _results(page(room, "projection", "facilitator")) == []
    at = page(room, "scenarios", "facilitator")
    at.toggle(key="scenarios_large").set_value(True).run()
    assert figures(at) == []
    assert HIDDEN in texts(at)


def test_once_revealed_the_tablet_shows_the_group_results_and_its_own_ranking(room: Room) -> None:
    services.set_locked(room.store, room.code, room.secret, False)
    scenario = services.scenarios(room.store, room.code).scenarios[0].id
    services.rate(room.store, room.code, room.token, scenario, "feasibility", 4)
    services.set_revealed(room.store, room.code, room.secret, "scenarios", True)
    at = page(room, "scenarios", "participant")
    assert not at.exception
    assert len(figures(at)) == 4  # ranking, consensus, heatmap, the resampled room
    assert list(at.dataframe[0].value.columns) == ["Groupe", "Scénario", "Vous"]
    projection = page(room, "projection", "participant")
    assert len(figures(projection)) == 1  # the one chart the facilitator put on the wall
    export = page(room, "export", "participant")
    assert [b.key for b in export.get("download_button")] == ["export_report_download"]
    # the reveal shows the group's results, never another participant's ratings
    assert services.scenario_ratings(room.store, room.code, room.token).ratings is None
