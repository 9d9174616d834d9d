"""The value network page, driven through AppTest on the example workshops."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import Room, actor_ids, figures, flow_count, legend, open_room, page, texts
from outcome_pages import traces as traces_of

from selfdata.app import services
from selfdata.engines.network import scenario_network
from selfdata.files.loading import default_decks


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    return open_room(tmp_path, monkeypatch, "la_rochelle")


def engine_network(room: Room, scenario_id: str) -> tuple[set[str], int]:
    scenario = next(
        s for s in services.scenarios(room.store, room.code).scenarios if s.id == scenario_id
    )
    graph = scenario_network(scenario, default_decks())
    return set(graph.nodes), graph.number_of_edges()


@pytest.mark.parametrize("example", ["la_rochelle", "grand_lyon", "nantes"])
def test_the_figure_shows_every_actor_and_flow_of_the_first_scenario(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = open_room(tmp_path, monkeypatch, example)
    at = page(room, "network", "facilitator")
    assert not at.exception
    first = services.scenarios(room.store, room.code).scenarios[0]
    nodes, edges = engine_network(room, first.id)
    main = figures(at)[0]
    assert set(actor_ids(main)) == nodes
    assert flow_count(main) == edges


def test_the_legend_and_the_diagnostics_of_a_direct_transfer(room: Room) -> None:
    at = page(room, "network", "facilitator", lang="en")
    at.button(key="wall_network_scenario_sc_mobility_budget").click().run()  # also the wall's
    main = figures(at)[0]
    assert legend(main) == [
        "Personal data (tangible)",
        "Consent, mandate (intangible)",
        "Service (tangible)",
        "Oversight (intangible)",
        "Resident",
        "Data holder",
        "City",
        "Service provider",
        "Oversight",
        "To look at",
    ]
    warnings = [w.value for w in at.warning]
    assert any("Single point of control" in w for w in warnings)
    (ring,) = traces_of(main, "flagged")
    assert ring["customdata"] == ["data_holder"]


def test_a_network_with_no_imbalance_says_so_in_plain_words(room: Room) -> None:
    at = page(room, "network", "facilitator", lang="en")
    assert at.button(key="wall_network_scenario_sc_coach_co2").disabled  # the one shown
    assert "No imbalance found" in texts(at)


def test_the_balance_table_lists_every_actor(room: Room) -> None:
    at = page(room, "network", "participant")
    table = at.dataframe[0].value
    nodes, _ = engine_network(room, "sc_coach_co2")
    assert len(table) == len(nodes)
    assert list(table.columns) == ["Acteur", "Type", "Donne", "Reçoit", "Signal"]


def test_an_actor_added_by_the_facilitator_appears_on_a_participant_tablet(room: Room) -> None:
    facilitator = page(room, "network", "facilitator")
    facilitator.selectbox(key="network_actor_card").set_value("researchers")
    facilitator.text_input(key="network_actor_label").input("Laboratoire <b>LIENSs</b>")
    facilitator.button(key="network_add_actor_submit").click().run()
    assert not facilitator.exception
    assert [s.value for s in facilitator.success] == ["Réseau enregistré."]
    edits = services.scenarios(room.store, room.code).scenarios[0].network_edits
    assert [a.id for a in edits.add_actors][-1] == "laboratoire_b_lienss_b"

    tablet = page(room, "network", "participant")
    main = figures(tablet)[0]
    assert "laboratoire_b_lienss_b" in actor_ids(main)
    labels = [t for tr in traces_of(main, "actor") for t in tr["text"]]
    assert any("&lt;b&gt;LIENSs" in label for label in labels)
    assert any("isolated" in f or "aucun flux" in f for f in [w.value for w in tablet.warning])


def test_a_flow_added_then_removed_by_the_facilitator(room: Room) -> None:
    at = page(room, "network", "facilitator")
    before = flow_count(figures(at)[0])
    at.selectbox(key="network_flow_from").set_value("city")
    at.selectbox(key="network_flow_to").set_value("resident")
    at.selectbox(key="network_flow_type").set_value("insight")
    at.button(key="network_add_flow_submit").click().run()
    assert flow_count(figures(at)[0]) == before + 1
    added = services.scenarios(room.store, room.code).scenarios[0].network_edits.add_flows[-1]
    assert (added.source, added.target, added.type) == ("city", "resident", "insight")

    at.selectbox(key="network_flow_out").set_value(added.id)
    at.button(key="network_remove_flow_submit").click().run()
    assert flow_count(figures(at)[0]) == before
    assert flow_count(figures(page(room, "network", "participant"))[0]) == before


def test_a_flow_from_an_actor_to_itself_is_refused_and_nothing_changes(room: Room) -> None:
    at = page(room, "network", "facilitator")
    version = services.version(room.store, room.code)
    at.selectbox(key="network_flow_from").set_value("city")
    at.selectbox(key="network_flow_to").set_value("city")
    at.button(key="network_add_flow_submit").click().run()
    assert [e.value for e in at.error] == ["Un flux relie deux acteurs différents."]
    assert services.version(room.store, room.code) == version


def test_participants_get_no_edit_forms(room: Room) -> None:
    at = page(room, "network", "participant")
    assert not at.exception
    keys = {w.key for w in at.selectbox}
    assert "network_actor_card" not in keys and "network_scenario" in keys


def test_the_comparison_puts_the_model_template_beside_the_scenario(room: Room) -> None:
    at = page(room, "network", "facilitator", lang="en")
    assert len(figures(at)) == 1  # the comparison waits until asked for
    at.button(key="wall_network_compare_civic_data_trust").click().run()  # also the wall's
    left, right = figures(at)[1], figures(at)[2]
    nodes, _ = engine_network(room, "sc_coach_co2")
    assert set(actor_ids(left)) == nodes
    trust = default_decks().model("civic_data_trust")
    assert trust is not None
    assert set(actor_ids(right)) == {a.id for a in trust.network.actors}
    assert "the model's template" in texts(at)


def test_projection_mode_drops_the_forms_and_enlarges_the_figure(room: Room) -> None:
    at = page(room, "network", "facilitator")
    small = figures(at)[0]["layout"]["font"]["size"]
    at.toggle(key="network_large").set_value(True).run()
    assert figures(at)[0]["layout"]["font"]["size"] > small
    assert "network_actor_card" not in {w.key for w in at.selectbox}


def test_the_projector_shows_the_network_step_in_large_type(room: Room) -> None:
    services.set_step(room.store, room.code, room.secret, "network")
    services.set_revealed(room.store, room.code, room.secret, "network", True)
    at = page(room, "projection", "projection")
    assert not at.exception
    main = figures(at)[0]
    nodes, edges = engine_network(room, "sc_coach_co2")
    assert set(actor_ids(main)) == nodes and flow_count(main) == edges
    assert main["layout"]["font"]["size"] >= 20
    assert "network_actor_card" not in {w.key for w in at.selectbox}


def _add_actor(at: object, card: str, label: str) -> None:
    at.selectbox(key="network_actor_card").set_value(card)  # type: ignore[attr-defined]
    at.text_input(key="network_actor_label").input(label)  # type: ignore[attr-defined]
    at.button(key="network_add_actor_submit").click().run()  # type: ignore[attr-defined]


def test_two_actors_may_not_share_a_display_name_whatever_the_case_or_accents(
    room: Room,
) -> None:
    at = page(room, "network", "facilitator")
    _add_actor(at, "researchers", "Laboratoire Énergie")
    version = services.version(room.store, room.code)
    before = services.scenarios(room.store, room.code).scenarios[0].network_edits
    _add_actor(at, "researchers", "  laboratoire  ENERGIE ")
    assert not at.exception
    assert any("Un acteur s’appelle déjà" in e.value for e in at.error)
    assert services.version(room.store, room.code) == version
    edits = services.scenarios(room.store, room.code).scenarios[0].network_edits
    assert edits == before
    assert [a.id for a in edits.add_actors].count("laboratoire_energie") == 1


def test_the_edit_panel_stays_open_after_adding_an_actor(room: Room) -> None:
    at = page(room, "network", "facilitator")
    at.session_state["network_edit_open"] = True
    at.run()
    _add_actor(at, "researchers", "Un labo")
    assert not at.exception
    assert at.session_state["network_edit_open"] is True
    (panel,) = [e for e in at.expander if e.label == "Modifier le réseau (animation)"]
    assert panel.proto.expanded
