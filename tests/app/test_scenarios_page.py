"""The scenarios page, driven through AppTest on the example workshops."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import Room, figures, open_room, page, texts, traces

from selfdata import services
from selfdata.loading import default_decks
from selfdata.ranking import rank_scenarios


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    return open_room(tmp_path, monkeypatch, "la_rochelle")


def hide_results(room: Room) -> None:
    services.set_revealed(room.store, room.code, room.secret, "scenarios", False)


def bar_order(at: object) -> list[str]:
    (bars,) = traces(figures(at)[0], "score")  # type: ignore[arg-type]
    return list(bars["customdata"])


@pytest.mark.parametrize("example", ["la_rochelle", "grand_lyon", "nantes"])
@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_the_bars_rank_scenarios_as_the_engine_does(
    example: str, method: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = open_room(tmp_path, monkeypatch, example)
    at = page(room, "scenarios", "facilitator")
    assert not at.exception
    at.segmented_control(key="scenarios_method").set_value(method).run()
    workshop = services.workshop_snapshot(room.store, room.code)
    ranking = rank_scenarios(workshop, default_decks(), method)  # type: ignore[arg-type]
    assert bar_order(at) == [s.scenario for s in ranking.scenarios]
    heat = traces(figures(at)[2], "rank-probability")[0]
    assert heat["meta"]["scenarios"] == [s.scenario for s in ranking.scenarios]


def test_the_winner_stability_and_the_swap_are_said_in_one_sentence_each(room: Room) -> None:
    at = page(room, "scenarios", "facilitator", lang="en")
    words = texts(at)
    assert "stays first in" in words and "% of the weightings tried" in words
    assert "would put" in words or "No change of a single weight" in words


def test_participants_see_no_result_before_the_reveal(room: Room) -> None:
    hide_results(room)
    at = page(room, "scenarios", "participant")
    assert figures(at) == []
    assert "Le classement sera affiché quand l’animation le révélera." in texts(at)


def test_a_rating_tapped_on_a_tablet_is_stored(room: Room) -> None:
    at = page(room, "scenarios", "participant")
    scenario = at.selectbox(key="scenarios_pick").value
    at.segmented_control(key=f"scenarios_rate_{scenario}_feasibility").set_value(4).run()
    assert not at.exception
    mine = services.scenario_ratings(room.store, room.code, room.token).mine
    assert mine == {(scenario, "feasibility"): 4}
    assert any(c.value.startswith("Ce scénario : 1 critère(s) noté(s) sur") for c in at.caption)
    at.segmented_control(key=f"scenarios_rate_{scenario}_feasibility").set_value(None).run()
    assert services.scenario_ratings(room.store, room.code, room.token).mine == {}


def test_rating_buttons_are_disabled_while_input_is_locked(room: Room) -> None:
    services.set_locked(room.store, room.code, room.secret, True)
    at = page(room, "scenarios", "participant")
    controls = [c for c in at.segmented_control if c.key.startswith("scenarios_rate_")]
    assert controls and all(c.disabled for c in controls)


def test_the_reveal_shows_the_ranking_and_my_own_ranking_on_my_tablet(room: Room) -> None:
    hide_results(room)
    facilitator = page(room, "scenarios", "facilitator")
    facilitator.button(key="scenarios_reveal").click().run()
    assert "scenarios" in services.room_state(room.store, room.code).revealed

    tablet = page(room, "scenarios", "participant")
    scenario = tablet.selectbox(key="scenarios_pick").value
    tablet.segmented_control(key=f"scenarios_rate_{scenario}_resident_benefit").set_value(5).run()
    assert len(figures(tablet)) == 3
    own = tablet.dataframe[0].value
    assert list(own.columns) == ["Groupe", "Scénario", "Vous"]
    assert sorted(own["Vous"]) == list(range(1, len(own) + 1))

    projector = page(room, "scenarios", "facilitator")
    projector.toggle(key="scenarios_large").set_value(True).run()
    assert not projector.dataframe  # nobody's own ranking on the wall


def test_weights_set_by_the_facilitator_are_stored_and_change_the_ranking(room: Room) -> None:
    at = page(room, "scenarios", "facilitator")
    for criterion in [c.id for c in default_decks().criteria]:
        at.number_input(key=f"scenarios_weight_{criterion}").set_value(0.0)
    at.number_input(key="scenarios_weight_cost").set_value(10.0)
    at.button(key="scenarios_weights_submit").click().run()
    assert not at.exception
    weights = {
        w.criterion: w.weight
        for w in services.scenario_ratings(room.store, room.code, secret=room.secret).criteria
    }
    assert weights["cost"] == 10.0 and sum(weights.values()) == 10.0
    workshop = services.workshop_snapshot(room.store, room.code)
    assert bar_order(at) == [
        s.scenario for s in rank_scenarios(workshop, default_decks()).scenarios
    ]


def test_a_scenario_defined_by_the_facilitator_can_be_rated_on_a_tablet(room: Room) -> None:
    at = page(room, "scenarios", "facilitator")
    at.text_input(key="scenarios_new_title").input("Essai « vélo » 2027")
    at.number_input(key="scenarios_new_residents").set_value(250)
    at.text_area(key="scenarios_new_partners").input("Vélo-école\nMaison de quartier")
    at.button(key="scenarios_new_submit").click().run()
    assert not at.exception
    created = services.scenarios(room.store, room.code).scenarios[-1]
    assert created.title == "Essai « vélo » 2027"
    assert created.scope.partners == ["Vélo-école", "Maison de quartier"]
    tablet = page(room, "scenarios", "participant")
    options = tablet.selectbox(key="scenarios_pick").options
    assert any(option.startswith("Essai « vélo » 2027") for option in options)


def test_projection_mode_shows_results_only_once_revealed(room: Room) -> None:
    hide_results(room)
    at = page(room, "scenarios", "facilitator")
    assert len(figures(at)) == 3  # the facilitator's own screen: always
    at.toggle(key="scenarios_large").set_value(True).run()
    assert figures(at) == []
    assert "scenarios_new_title" not in {w.key for w in at.text_input}
    services.set_revealed(room.store, room.code, room.secret, "scenarios", True)
    at.run()
    bars = figures(at)[0]
    assert bars["layout"]["font"]["size"] >= 20


def test_the_projector_shows_the_revealed_ranking_in_large_type(room: Room) -> None:
    at = page(room, "projection", "projection")
    assert not at.exception
    bars = traces(figures(at)[0], "score")[0]
    workshop = services.workshop_snapshot(room.store, room.code)
    ranking = rank_scenarios(workshop, default_decks())
    assert bars["customdata"] == [s.scenario for s in ranking.scenarios]
    assert figures(at)[0]["layout"]["font"]["size"] >= 20
