"""How the room decides, on the scenarios page and the wall (AppTest): the facilitator's
switches, swing weighting in a few taps on a tablet, the silent round's notice, an objection
with its reason, and the wall's "whose weights" and "another room?" charts."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import Room, figures, open_room, page, texts, traces

from selfdata.app import services

SIX = ("resident_benefit", "collective_value", "feasibility", "cost", "inclusion", "scalability")


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    return open_room(tmp_path, monkeypatch, "la_rochelle")


def six_criteria(room: Room) -> None:
    """The example's ten criteria, four of them at 0: six in the ranking."""
    current = services.export_workshop(room.store, room.code, room.secret).criteria
    weights = {c.criterion: (c.weight if c.criterion in SIX else 0.0) for c in current}
    services.set_weights(room.store, room.code, room.secret, weights)


def test_the_facilitator_asks_for_weights_from_the_scenarios_page(room: Room) -> None:
    at = page(room, "scenarios", "facilitator", lang="en")
    assert not at.exception
    at.button(key="decide_weights_switch").click().run()
    assert services.my_decision(room.store, room.code, None).room.weights_on
    at.button(key="decide_round_open").click().run()
    assert services.my_decision(room.store, room.code, None).room.silent
    assert "Round 1 open, silent" in texts(at)


def test_six_criteria_are_weighed_in_seven_taps_on_a_tablet(room: Room) -> None:
    six_criteria(room)
    services.set_participant_weights_on(room.store, room.code, room.secret, True)
    at = page(room, "scenarios", "participant", lang="en")
    assert not at.exception
    taps = 0
    at.segmented_control(key="decide_top").set_value("resident_benefit").run()
    taps += 1
    for value, cid in zip((80, 60, 40, 20, 0), SIX[1:], strict=True):
        control = at.segmented_control(key=f"decide_w_{cid}")
        assert list(control.options) == ["0", "20", "40", "60", "80", "100"]
        control.set_value(value).run()
        taps += 1
    at.button(key="decide_save").click().run()
    taps += 1
    assert taps <= 8
    assert not at.exception
    mine = services.my_decision(room.store, room.code, room.token)
    assert mine.weights == {
        "resident_benefit": 100,
        "collective_value": 80,
        "feasibility": 60,
        "cost": 40,
        "inclusion": 20,
        "scalability": 0,
    }


def test_saving_before_every_criterion_has_a_value_changes_nothing(room: Room) -> None:
    six_criteria(room)
    services.set_participant_weights_on(room.store, room.code, room.secret, True)
    at = page(room, "scenarios", "participant", lang="en")
    at.segmented_control(key="decide_top").set_value("cost").run()
    at.button(key="decide_save").click().run()
    assert not at.exception
    assert "Give every criterion a value before saving." in texts(at) + " ".join(
        str(e.value) for e in [*at.error, *at.toast]
    )
    assert services.my_decision(room.store, room.code, room.token).weights == {}


def test_a_silent_round_shows_its_notice_and_no_result_on_the_tablet(room: Room) -> None:
    services.open_rating_round(room.store, room.code, room.secret)
    at = page(room, "scenarios", "participant", lang="en")
    assert not at.exception
    assert "Round 1, silent: rate without seeing the others’ ratings." in texts(at)
    assert figures(at) == []


def test_an_objection_without_a_reason_is_refused_and_with_one_is_recorded(room: Room) -> None:
    scenario = services.scenarios(room.store, room.code).scenarios[0]
    services.open_consent(room.store, room.code, room.secret, scenario.id)
    at = page(room, "scenarios", "participant", lang="en")
    assert f"A blocking objection to ‘{scenario.title}’?" in texts(at)
    at.button(key="FormSubmitter:decide_objection_form-Object").click().run()
    assert "An objection needs a reason." in " ".join(str(e.value) for e in [*at.error, *at.toast])
    assert services.my_decision(room.store, room.code, room.token).objection is None
    at.text_area(key="decide_reason").set_value("Pas sans médiation numérique")
    at.button(key="FormSubmitter:decide_objection_form-Object").click().run()
    assert services.my_decision(room.store, room.code, room.token).objection == (
        "Pas sans médiation numérique"
    )
    assert "Your objection: Pas sans médiation numérique" in texts(at)


def test_the_wall_shows_whose_weights_and_another_room(room: Room) -> None:
    six_criteria(room)
    services.set_participant_weights_on(room.store, room.code, room.secret, True)
    token = services.join(room.store, room.code, "Dominique").token
    # everyone who weighs puts scalability first: the group's winner can differ
    for who in (room.token, token):
        services.set_my_weights(
            room.store, room.code, who, {c: (100 if c == "scalability" else 0) for c in SIX}
        )
    services.set_projection(room.store, room.code, room.secret, chart="weights")
    wall = page(room, "projection", "projection", lang="en")
    assert not wall.exception
    (grid,) = figures(wall)
    (cells,) = traces(grid, "weight-set-positions")
    assert cells["meta"]["sources"] == ["facilitator", "group"]
    assert grid["layout"]["xaxis"]["type"] == "category"
    services.set_projection(room.store, room.code, room.secret, chart="resampled")
    wall = page(room, "projection", "projection", lang="en")
    (bars,) = figures(wall)
    assert traces(bars, "resampled-first")
    assert "would stay first in" in texts(wall)
