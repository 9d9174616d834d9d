from __future__ import annotations

from typing import Any

import pytest
from engine_factories import shipped_decks

from selfdata.domain.cards import Decks, NetworkActor, NetworkFlow
from selfdata.domain.workshop import NetworkEdits, Scenario
from selfdata.engines.network import (
    NetworkError,
    build_network,
    diagnose,
    layout,
    model_network,
    scenario_network,
)


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def flow(fid: str, source: str, target: str, type_: str) -> NetworkFlow:
    return NetworkFlow.model_validate(
        {
            "id": fid,
            "source": source,
            "target": target,
            "type": type_,
            "label": {"fr": fid, "en": fid},
        }
    )


def actor(aid: str, card: str) -> NetworkActor:
    return NetworkActor(id=aid, actor=card)


def edited(decks: Decks, model: str, **edits: Any) -> Any:
    card = decks.model(model)
    assert card is not None
    return build_network(card.network, NetworkEdits(**edits), decks)


# --- templates as the group first sees them ------------------------------------------

TEMPLATES = [
    # model, unconsented flows, data leaves control, single points, intermediaries
    ("personal_cloud", (), False, (), 1),
    ("direct_transfer", (), False, ("data_holder",), 0),
    ("trusted_third_party", (), False, ("trusted_third_party",), 0),
    ("data_cooperative", (), False, ("data_cooperative",), None),
    ("civic_data_trust", (), True, ("data_trust",), 0),
]


@pytest.mark.parametrize(
    ("model", "unconsented", "leaves", "single_points", "intermediaries"),
    TEMPLATES,
    ids=[t[0] for t in TEMPLATES],
)
def test_each_model_template_reads_as_the_kit_describes_it(
    decks: Decks,
    model: str,
    unconsented: tuple[str, ...],
    leaves: bool,
    single_points: tuple[str, ...],
    intermediaries: int | None,
) -> None:
    card = decks.model(model)
    assert card is not None
    report = diagnose(model_network(card, decks))
    assert report.unconsented == unconsented
    assert report.data_leaves_control is leaves
    assert report.single_points == single_points
    assert report.intermediaries == intermediaries
    assert report.isolated == ()
    assert not any(b.takes_without_giving for b in report.balances)


def test_the_civic_trust_collects_public_space_sensor_data_under_a_collective_mandate(
    decks: Decks,
) -> None:
    card = decks.model("civic_data_trust")
    assert card is not None
    graph = model_network(card, decks)
    sensor = [(u, v) for u, v, t in graph.edges(data="type") if t == "personal_data"]
    assert sensor == [("city", "data_trust")]
    report = diagnose(graph)
    assert report.leaving == ("trust_sensors",)
    assert "data_trust" not in report.unconsented  # the board's mandate covers it


def test_the_direct_transfer_has_consent_to_the_holder_and_data_to_the_service(
    decks: Decks,
) -> None:
    card = decks.model("direct_transfer")
    assert card is not None
    graph = model_network(card, decks)
    assert graph.has_edge("resident", "data_holder", key="dt_consent_holder")
    assert graph.edges["data_holder", "service_provider", "dt_data"]["type"] == "personal_data"
    assert graph.edges["data_holder", "service_provider", "dt_data"]["tangible"] is True


def test_actors_carry_their_card_title_in_both_languages(decks: Decks) -> None:
    card = decks.model("personal_cloud")
    assert card is not None
    graph = model_network(card, decks)
    assert graph.nodes["resident"]["label"].fr
    assert graph.nodes["resident"]["label"].en
    assert graph.nodes["resident"]["kind"] == "resident"


# --- edits and what they reveal -------------------------------------------------------


def test_data_sent_to_a_new_actor_without_consent_is_flagged(decks: Decks) -> None:
    graph = edited(
        decks,
        "direct_transfer",
        add_actors=[actor("broker", "service_provider")],
        add_flows=[flow("resale", "service_provider", "broker", "personal_data")],
    )
    report = diagnose(graph)
    assert report.unconsented == ("resale",)
    assert report.leaving == ("resale",)
    assert {f.kind for f in report.findings} >= {
        "unconsented",
        "leaves_control",
        "takes_without_giving",
    }
    broker = next(b for b in report.balances if b.actor == "broker")
    assert broker.takes_without_giving and broker.gets["personal_data"] == 1
    text = next(f.text for f in report.findings if f.kind == "unconsented")
    assert "consent" in text.en and "consentement" in text.fr


def test_removing_an_actor_removes_its_flows(decks: Decks) -> None:
    graph = edited(decks, "trusted_third_party", remove_actors=["social_worker"])
    assert "social_worker" not in graph
    assert not any("social_worker" in (u, v) for u, v in graph.edges())


def test_removing_the_consent_leaves_the_service_uncovered(decks: Decks) -> None:
    report = diagnose(edited(decks, "direct_transfer", remove_flows=["dt_consent_service"]))
    assert report.unconsented == ("dt_data",)
    assert report.data_leaves_control


def test_an_isolated_actor_is_reported_and_placed_in_the_last_column(decks: Decks) -> None:
    graph = edited(decks, "personal_cloud", add_actors=[actor("mediator", "digital_mediator")])
    report = diagnose(graph)
    assert report.isolated == ("mediator",)
    assert report.betweenness["mediator"] == 0.0
    positions = layout(graph)
    assert positions["mediator"][0] == max(x for x, _ in positions.values())


def test_a_network_without_the_resident_says_so(decks: Decks) -> None:
    report = diagnose(edited(decks, "direct_transfer", remove_actors=["resident"]))
    kinds = [f.kind for f in report.findings]
    assert "no_resident" in kinds
    assert report.unconsented == ("dt_data",)
    assert report.intermediaries is None


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"remove_flows": ["nope"]}, "cannot remove flow 'nope'"),
        ({"remove_actors": ["nobody"]}, "cannot remove actor 'nobody'"),
        ({"add_actors": [actor("city", "city")]}, "actor 'city' is already"),
        ({"add_flows": [flow("dt_data", "city", "resident", "insight")]}, "flow 'dt_data'"),
        ({"add_flows": [flow("x", "city", "ghost", "insight")]}, "joins 'ghost'"),
    ],
)
def test_edits_that_do_not_fit_the_template_are_refused(
    decks: Decks, edits: dict[str, Any], message: str
) -> None:
    with pytest.raises(NetworkError, match=message):
        edited(decks, "direct_transfer", **edits)


def test_a_scenario_network_is_its_model_template_with_its_edits(decks: Decks) -> None:
    scenario = Scenario.model_validate(
        {
            "id": "s",
            "title": "S",
            "use_case": "u",
            "model": "personal_cloud",
            "scope": {"residents": 10, "duration_months": 3},
            "network_edits": {"remove_flows": ["pc_app_order"]},
        }
    )
    graph = scenario_network(scenario, decks)
    assert not graph.has_edge("city", "service_provider")
    with pytest.raises(NetworkError, match="unknown governance model"):
        scenario_network(scenario.model_copy(update={"model": "anarchy"}), decks)


# --- layout ---------------------------------------------------------------------------


@pytest.mark.parametrize("model", [t[0] for t in TEMPLATES])
def test_the_layout_is_deterministic_with_the_resident_first(decks: Decks, model: str) -> None:
    card = decks.model(model)
    assert card is not None
    positions = layout(model_network(card, decks))
    again = layout(model_network(card, decks))
    assert positions == again
    assert positions["resident"] == (0.0, 0.0)
    assert all(x > 0 for node, (x, _) in positions.items() if node != "resident")
    assert len(set(positions.values())) == len(positions)  # no two actors overlap


def test_the_most_central_actor_of_a_platform_is_the_platform(decks: Decks) -> None:
    card = decks.model("trusted_third_party")
    assert card is not None
    betweenness = diagnose(model_network(card, decks)).betweenness
    assert max(betweenness, key=betweenness.__getitem__) == "trusted_third_party"


def test_diagnostics_of_a_large_network_are_reproducible(decks: Decks) -> None:
    card = decks.model("personal_cloud")
    assert card is not None
    extra = [actor(f"p{i}", "service_provider") for i in range(150)]
    flows = [flow(f"s{i}", f"p{i}", "personal_cloud_operator", "service") for i in range(150)]
    graph = build_network(card.network, NetworkEdits(add_actors=extra, add_flows=flows), decks)
    first, second = diagnose(graph), diagnose(graph)
    assert first == second
    assert max(first.betweenness, key=first.betweenness.__getitem__) == "personal_cloud_operator"


def test_an_actor_name_already_on_screen_is_refused_case_and_accents_aside() -> None:
    from selfdata.domain.cards import NetworkTemplate
    from selfdata.domain.workshop import NetworkEdits
    from selfdata.engines.network_edits import DuplicateActorName, add_actor, name_key

    assert name_key("  Mairié  de LA Rochelle") == name_key("mairie de la rochelle")
    template = NetworkTemplate.model_construct(actors=[], flows=[])
    with pytest.raises(DuplicateActorName):
        add_actor(template, NetworkEdits(), "city", "MAIRIE", taken_names=["Mairie"])
    with pytest.raises(DuplicateActorName):  # no label: the card's title is the name shown
        add_actor(template, NetworkEdits(), "city", None, taken_names=["Ville"], card_name="ville")
    edits = add_actor(template, NetworkEdits(), "city", "Mairie annexe", taken_names=["Mairie"])
    assert [a.id for a in edits.add_actors] == ["mairie_annexe"]
