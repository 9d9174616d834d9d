"""The scenarios page, driven through AppTest on the example workshops."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from outcome_pages import Room, figures, open_room, page, texts, traces

from selfdata.app import services
from selfdata.engines.ranking import rank_scenarios
from selfdata.files.loading import default_decks
from selfdata.ui.push import content_key


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
    if method != "weighted-sum":  # the facilitator's choice is also the wall's
        at.button(key=f"wall_scenarios_method_{method}").click().run()
    workshop = services.backup_workshop(room.store, room.code)
    ranking = rank_scenarios(workshop, default_decks(), method)  # type: ignore[arg-type]
    assert bar_order(at) == [s.scenario for s in ranking.scenarios]
    heat = traces(figures(at)[2], "rank-probability")[0]
    assert heat["meta"]["scenarios"] == [s.scenario for s in ranking.scenarios]


def test_the_winner_stability_and_the_swap_are_said_in_one_sentence_each(room: Room) -> None:
    at = page(room, "scenarios", "facilitator", lang="en")
    words = texts(at)
    assert "stays first in" in words and "% of the weightings tried" in words
    assert "would overtake" in words or "No change in a single criterion" in words


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
    assert any(
        c.value.startswith("Critères notés pour ce scénario\u202f: 1 sur") for c in at.caption
    )
    # the tablet says so: tapping the chosen rating again removes it (the walk's R2: a
    # participant re-tapping round 1's rating in round 2 to confirm it erased it)
    assert any("Toucher à nouveau la note choisie la retire." in c.value for c in at.caption)
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
    assert len(figures(tablet)) == 4  # with the resampled room (issue 28)
    own = tablet.dataframe[0].value
    assert list(own.columns) == ["Groupe", "Scénario", "Vous"]
    # places in words, ties said: "1er", "2e ex æquo" (issue 14), never a bare list order
    assert all(str(v)[0].isdigit() and ("e" in str(v)) for v in own["Vous"])
    assert any(str(v).startswith("1er") for v in own["Vous"])

    projector = page(room, "scenarios", "facilitator")
    projector.toggle(key="scenarios_large").set_value(True).run()
    assert not projector.dataframe  # nobody's own ranking on the wall


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_tablet_showing_the_ranking_and_its_own_computes_the_ranking_once(
    room: Room, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The figures and the participant's own ranking share one cache entry per version: a
    second entry (a call keyed differently) doubled the ranking's cost in a full room; a
    tablet in the other language shares it too (only the figures' words differ)."""
    import streamlit as st

    computed = _count_rankings(monkeypatch)
    st.cache_data.clear()
    tablet = page(room, "scenarios", "participant", lang=lang)
    scenario = tablet.selectbox(key="scenarios_pick").value
    computed.clear()
    # a rating: a new ranking version, drawn with my own ranking beside the group's
    tablet.segmented_control(key=f"scenarios_rate_{scenario}_resident_benefit").set_value(5).run()
    assert len(figures(tablet)) == 4 and tablet.dataframe
    assert computed == [room.code]
    tablet.run()  # nothing changed: nothing computed again
    assert computed == [room.code]
    other = page(room, "scenarios", "participant", lang="en" if lang == "fr" else "fr")
    assert len(figures(other)) == 4 and other.dataframe
    assert computed == [room.code], "a tablet in the other language computed it again"


def _count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The codes of the workshops whose group ranking gets computed from now on."""
    from selfdata.app import outcomes

    computed: list[str] = []
    real = outcomes.group_ranking_or_reason

    def counted(*args: object, **kwargs: object) -> object:
        computed.append(str(args[1]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outcomes, "group_ranking_or_reason", counted)
    return computed


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
    workshop = services.backup_workshop(room.store, room.code)
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
    assert len(figures(at)) == 4  # the facilitator's own screen: always
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
    workshop = services.backup_workshop(room.store, room.code)
    ranking = rank_scenarios(workshop, default_decks())
    assert bars["customdata"] == [s.scenario for s in ranking.scenarios]
    assert figures(at)[0]["layout"]["font"]["size"] >= 20


def test_a_rating_sent_from_a_screen_drawn_before_the_lock_is_refused_with_a_message(
    room: Room,
) -> None:
    # The tablet drew the page open; the facilitator locks before its tap reaches the server
    # (it did not get the pushed redraw: asleep, or the tap raced it).
    at = page(room, "scenarios", "participant")
    scenario = at.selectbox(key="scenarios_pick").value
    services.set_locked(room.store, room.code, room.secret, True)
    at.segmented_control(key=f"scenarios_rate_{scenario}_feasibility").set_value(4).run()
    assert not at.exception
    assert services.scenario_ratings(room.store, room.code, room.token).mine == {}
    assert "La saisie est verrouillée par l’animation" in " ".join(
        str(e.value) for e in [*at.error, *at.toast]
    )


# --- issue 14: the screen says what the PDFs and the CLI say ------------------------------

FRACTIONAL = {
    "resident_benefit": 0.25,
    "collective_value": 0.15,
    "feasibility": 0.2,
    "cost": 0.15,
    "legal_risk": 0.15,
    "privacy_risk": 0.1,
    # criteria La Rochelle already rated: out of the ranking, not removed
    "data_availability": 0.0,
    "inclusion": 0.0,
    "time_to_launch": 0.0,
    "scalability": 0.0,
}


@pytest.mark.parametrize(("lang", "weight"), [("fr", "poids 0,15 → "), ("en", "weight 0.15 → ")])
def test_fractional_weights_read_as_entered_and_no_weight_moves_from_x_to_x(
    room: Room, lang: str, weight: str
) -> None:
    services.set_weights(room.store, room.code, room.secret, FRACTIONAL)
    words = texts(page(room, "scenarios", "facilitator", lang=lang))
    assert weight in words  # was "de 0,1 à 0,1"
    assert re.search(r"(?:\bde|\bfrom) ([\d,.]+\s?%?) (?:à|to) \1(?![\d,.])", words) is None


def test_every_weight_at_0_is_said_in_words_about_the_weights(room: Room) -> None:
    services.set_weights(room.store, room.code, room.secret, dict.fromkeys(FRACTIONAL, 0.0))
    at = page(room, "scenarios", "facilitator")
    assert not at.exception
    assert "Tous les critères ont un poids de 0" in texts(at)
    assert figures(at) == []


def test_all_equal_ratings_are_a_tie_on_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    workshop = services.backup_workshop(room.store, room.code)
    tie = workshop.model_copy(
        update={"ratings": [r.model_copy(update={"value": 3}) for r in workshop.ratings]}
    )
    created = services.import_workshop(room.store, tie)
    at = page(Room(room.store, created.code, created.secret, "", ""), "scenarios", "facilitator")
    assert not at.exception
    words = texts(at)
    assert "à égalité en tête" in words
    assert "reste premier" not in words and "100" not in words.split("égalité")[0][-200:]
    (bars,) = traces(figures(at)[0], "score")
    assert all(str(y).startswith("1. ") for y in bars["y"])


def _new_scenario(at: object, title: str) -> None:
    at.text_input(key="scenarios_new_title").input(title)  # type: ignore[attr-defined]
    at.button(key="scenarios_new_submit").click().run()  # type: ignore[attr-defined]


def test_a_scenario_without_a_governance_choice_gets_no_silent_personal_cloud(room: Room) -> None:
    at = page(room, "scenarios", "facilitator")
    use_case = at.selectbox(key="scenarios_new_use_case").value
    services.choose_governance(room.store, room.code, room.secret, use_case, None)
    at = page(room, "scenarios", "facilitator")
    before = len(services.scenarios(room.store, room.code).scenarios)
    _new_scenario(at, "Sans modèle")
    assert not at.exception
    assert len(services.scenarios(room.store, room.code).scenarios) == before  # refused
    assert "le groupe n’en a pas encore choisi" in texts(at)
    # the group's choice, when there is one, is the scenario's model
    services.choose_governance(room.store, room.code, room.secret, use_case, "data_cooperative")
    at = page(room, "scenarios", "facilitator")
    _new_scenario(at, "Avec le choix du groupe")
    created = services.scenarios(room.store, room.code).scenarios[-1]
    assert created.title == "Avec le choix du groupe"
    assert created.model == "data_cooperative"


def test_the_count_of_my_ratings_is_said_in_plain_words(room: Room) -> None:
    at = page(room, "scenarios", "participant", lang="en")
    scenario = at.selectbox(key="scenarios_pick").value
    at.segmented_control(key=f"scenarios_rate_{scenario}_feasibility").set_value(4).run()
    (progress,) = at.get("progress")
    words = progress.proto.text
    assert "cells" not in words
    assert words.startswith("You have given 1 of ")
    assert words.endswith("ratings (one per criterion for each scenario).")


def test_a_tablet_explains_score_and_topsis_in_plain_words(room: Room) -> None:
    at = page(room, "scenarios", "participant")
    captions = " ".join(c.value for c in at.caption)
    assert "Score\u00a0: de 0 à 1" in captions and "TOPSIS mesure" in captions


# --- what a tablet shows of the room's ratings, and when (issue 25) -----------------------


def _raters_line(at: object) -> bool:
    return "Personnes ayant commencé à noter" in texts(at)  # type: ignore[arg-type]


def test_before_the_results_a_tablet_shows_its_own_ratings_and_none_of_the_rooms(
    room: Room,
) -> None:
    """The scenarios page before the results: the tablet shows its own ratings at once and
    nothing another participant's rating changes (not the raters' count: the projector's),
    and that rating does not move what such a tablet watches (``content_key``): it is never
    redrawn for it."""
    hide_results(room)
    other = services.join(room.store, room.code, "Dominique").token
    at = page(room, "scenarios", "participant").run()  # (a first run's sidebar differs)
    assert not at.exception and not _raters_line(at)
    drawn = texts(at)
    pulse = services.room_pulse(room.store, room.code)
    criteria = services.scenario_ratings(room.store, room.code, other).criteria
    scenario = at.selectbox(key="scenarios_pick").value
    for criterion, value in ((criteria[0].criterion, 5), (criteria[1].criterion, 2)):
        services.rate(room.store, room.code, other, scenario, criterion, value)
    after = services.room_pulse(room.store, room.code)
    assert after.ranking_version > pulse.ranking_version  # the ranking moved, not this:
    assert content_key(after) == content_key(pulse)
    at.run()
    assert texts(at) == drawn
    at.segmented_control(key=f"scenarios_rate_{scenario}_feasibility").set_value(3).run()
    said = "Critères notés pour ce scénario\u202f: 1 sur"
    assert any(c.value.startswith(said) for c in at.caption), "its own rating at once"


def test_once_revealed_a_tablet_and_always_the_facilitator_show_the_raters_count(
    room: Room,
) -> None:
    assert _raters_line(page(room, "scenarios", "participant"))  # the example is revealed
    hide_results(room)
    assert _raters_line(page(room, "scenarios", "facilitator"))


def test_the_projector_counts_the_raters_and_the_ratings_on_the_scenarios_step(room: Room) -> None:
    services.set_step(room.store, room.code, room.secret, "scenarios")
    hide_results(room)
    at = page(room, "projection", "projection")
    seen = services.scenario_ratings(room.store, room.code, light=True)
    raters, given = seen.raters, seen.given
    assert given > raters > 0  # the example's room rated
    shown = [(m.label, m.value) for m in at.metric]
    assert ("Ont noté", str(raters)) in shown and ("Notes données", str(given)) in shown
    token = services.join(room.store, room.code, "Nouvelle").token
    ratings = services.scenario_ratings(room.store, room.code, token)
    first = ratings.scenarios[0].id
    services.rate(room.store, room.code, token, first, ratings.criteria[0].criterion, 1)
    at.run()
    shown = [(m.label, m.value) for m in at.metric]
    assert ("Ont noté", str(raters + 1)) in shown and ("Notes données", str(given + 1)) in shown


@pytest.mark.parametrize(
    ("name", "role", "lang", "words"),
    [
        ("projection", "projection", "fr", "Aucune note n’a encore été donnée"),
        ("scenarios", "facilitator", "en", "No rating has been given yet"),
        ("scenarios", "participant", "fr", "Aucune note n’a encore été donnée"),
    ],
)
def test_results_revealed_before_any_rating_show_no_score(
    room: Room, name: str, role: str, lang: str, words: str
) -> None:
    """The walk's W2: two rounds closed with no rating, then the reveal; the wall drew a
    ranking with a scenario at 0,50, a score from nothing. It says there is none."""
    from sqlalchemy import delete

    from selfdata.store import schema

    room.store.write(lambda tx: tx.execute(delete(schema.ratings)))
    at = page(room, name, role, lang)
    assert not at.exception
    assert figures(at) == []
    assert words in texts(at)
