"""What the value network and scenarios screens compute: edits as operations, the
comparison network, the ranking sentences and a participant's own ranking."""

from __future__ import annotations

import pytest
from engine_factories import shipped_decks

from selfdata.domain.cards import Decks, NetworkTemplate
from selfdata.domain.workshop import NetworkEdits, Workshop
from selfdata.engines.network import build_network
from selfdata.engines.network_edits import (
    EditError,
    add_actor,
    add_flow,
    compare_network,
    remove_actor,
    remove_flow,
    unique_id,
)
from selfdata.engines.ranking import WeightSwap, rank_scenarios
from selfdata.engines.ranking_summary import own_ranking, percent, stability_sentence, swap_sentence
from selfdata.files.loading import SCENARIOS_DIR, load_workshop


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def template(decks: Decks, model: str = "personal_cloud") -> NetworkTemplate:
    card = decks.model(model)
    assert card is not None
    return card.network


def la_rochelle() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def test_adding_an_actor_gives_it_a_fresh_id_and_the_typed_name(decks: Decks) -> None:
    edits = add_actor(template(decks), NetworkEdits(), "city", "Mairie de quartier")
    (actor,) = edits.add_actors
    assert actor.actor == "city"
    assert actor.id == "mairie_de_quartier"
    assert actor.label is not None and actor.label.fr == "Mairie de quartier"
    again = add_actor(template(decks), edits, "city", "Mairie de quartier")
    assert again.add_actors[1].id == "mairie_de_quartier_2"
    build_network(template(decks), again, decks)  # the result fits the template


def test_adding_back_a_removed_template_actor_restores_it(decks: Decks) -> None:
    removed = remove_actor(template(decks), NetworkEdits(), "city")
    assert removed.remove_actors == ["city"]
    assert add_actor(template(decks), removed, "city") == NetworkEdits()


def test_removing_an_added_actor_drops_it_and_its_added_flows(decks: Decks) -> None:
    edits = add_actor(template(decks), NetworkEdits(), "digital_mediator")
    edits = add_flow(template(decks), edits, "digital_mediator", "resident", "service")
    assert len(edits.add_flows) == 1
    assert remove_actor(template(decks), edits, "digital_mediator") == NetworkEdits()


def test_removing_a_template_actor_drops_the_added_flows_that_touch_it(decks: Decks) -> None:
    edits = add_flow(template(decks), NetworkEdits(), "city", "resident", "insight")
    edits = remove_actor(template(decks), edits, "city")
    assert edits.add_flows == [] and edits.remove_actors == ["city"]
    graph = build_network(template(decks), edits, decks)
    assert "city" not in graph


@pytest.mark.parametrize(
    ("flow_type", "label", "expected_fr", "expected_en"),
    [
        ("money", None, "Argent", "Money"),
        ("consent", "  Mandat   signé ", "Mandat signé", "Mandat signé"),
    ],
)
def test_a_new_flow_is_labelled_by_its_type_unless_a_label_is_typed(
    decks: Decks, flow_type: str, label: str | None, expected_fr: str, expected_en: str
) -> None:
    edits = add_flow(template(decks), NetworkEdits(), "city", "resident", flow_type, label)
    (flow,) = edits.add_flows
    assert (flow.label.fr, flow.label.en) == (expected_fr, expected_en)
    assert flow.type == flow_type


def test_a_flow_from_an_actor_to_itself_is_refused(decks: Decks) -> None:
    with pytest.raises(EditError):
        add_flow(template(decks), NetworkEdits(), "city", "city", "money")


def test_removing_a_flow_undoes_an_addition_or_lists_a_template_removal(decks: Decks) -> None:
    added = add_flow(template(decks), NetworkEdits(), "city", "resident", "money")
    assert remove_flow(template(decks), added, added.add_flows[0].id) == NetworkEdits()
    first = template(decks).flows[0].id
    edits = remove_flow(template(decks), NetworkEdits(), first)
    assert edits.remove_flows == [first]
    assert remove_flow(template(decks), edits, first) == edits
    with pytest.raises(EditError):
        remove_flow(template(decks), NetworkEdits(), "no_such_flow")


@pytest.mark.parametrize(
    ("base", "taken", "expected"),
    [
        ("Médiateurs", set(), "mediateurs"),
        ("city", {"city"}, "city_2"),
        ("city", {"city", "city_2"}, "city_3"),
        ("!!!", set(), "x"),
    ],
)
def test_unique_ids_are_slugs_free_in_the_network(
    base: str, taken: set[str], expected: str
) -> None:
    assert unique_id(base, taken) == expected


def test_comparison_uses_another_scenario_of_the_same_use_case_when_there_is_one(
    decks: Decks,
) -> None:
    workshop = la_rochelle()
    first = workshop.scenarios[0]
    twin = first.model_copy(update={"id": "twin", "model": "data_cooperative"})
    twin = twin.model_copy(update={"network_edits": NetworkEdits()})
    with_twin = workshop.model_copy(update={"scenarios": [*workshop.scenarios, twin]})
    found = compare_network(first, "data_cooperative", with_twin, decks)
    assert found.scenario is not None and found.scenario.id == "twin"
    template_only = compare_network(first, "civic_data_trust", workshop, decks)
    assert template_only.scenario is None
    assert set(template_only.graph.nodes) == {
        a.id for a in template(decks, "civic_data_trust").actors
    }


def test_the_stability_sentence_names_the_winner_and_a_whole_percentage(decks: Decks) -> None:
    ranking = rank_scenarios(la_rochelle(), decks, draws=400)
    sentence = stability_sentence(ranking, "en")
    assert ranking.winner.title in sentence
    assert f"{percent(ranking.sensitivity.winner_stability)}%" in sentence
    assert "stays first" in sentence
    assert "reste premier" in stability_sentence(ranking, "fr")


@pytest.mark.parametrize(("value", "expected"), [(0.875, 88), (0.874, 87), (1.0, 100), (0.0, 0)])
def test_percentages_round_half_up(value: float, expected: int) -> None:
    assert percent(value) == expected


def test_the_swap_sentence_names_the_criterion_and_both_shares(decks: Decks) -> None:
    ranking = rank_scenarios(la_rochelle(), decks, draws=50)
    forced = type(ranking)(
        method=ranking.method,
        criteria=ranking.criteria,
        scenarios=ranking.scenarios,
        sensitivity=ranking.sensitivity,
        swap=WeightSwap(ranking.criteria[0].id, 3.0, 5.5, share=0.2, new_share=0.3143),
    )
    sentence = swap_sentence(forced, "fr")
    assert sentence is not None
    assert ranking.criteria[0].title.fr in sentence
    assert "de 20\u202f% à 31\u202f%" in sentence
    assert "poids 3 → 5,5" in sentence
    assert ranking.scenarios[1].title in sentence
    none = type(ranking)(
        method=ranking.method,
        criteria=ranking.criteria,
        scenarios=ranking.scenarios,
        sensitivity=ranking.sensitivity,
        swap=None,
    )
    assert swap_sentence(none, "en") == (
        "No change in a single criterion’s share of the weights swaps the top two."
    )


def test_a_participant_who_rated_like_the_group_ranks_like_the_group(decks: Decks) -> None:
    workshop = la_rochelle()
    ranking = rank_scenarios(workshop, decks, draws=50)
    rows = own_ranking(workshop, decks, workshop.ratings[0].participant, ranking)
    assert [r.scenario for r in rows] == [s.scenario for s in ranking.scenarios]
    assert sorted(r.own_rank for r in rows) == list(range(1, len(rows) + 1))
    assert own_ranking(workshop, decks, "nobody", ranking) == []


def test_a_participant_who_loves_the_last_scenario_puts_it_first(decks: Decks) -> None:
    workshop = la_rochelle()
    ranking = rank_scenarios(workshop, decks, draws=50)
    last = ranking.scenarios[-1].scenario
    from selfdata.domain.workshop import Participant, Rating

    fan = [
        Rating(
            participant="fan",
            scenario=s.id,
            criterion=c.id,
            value=(5 if c.direction == "benefit" else 1)
            if s.id == last
            else (1 if c.direction == "benefit" else 5),
        )
        for s in workshop.scenarios
        for c in ranking.criteria
    ]
    workshop = workshop.model_copy(
        update={
            "participants": [*workshop.participants, Participant(id="fan", pseudonym="Fan")],
            "ratings": [*workshop.ratings, *fan],
        }
    )
    rows = {r.scenario: r for r in own_ranking(workshop, decks, "fan", ranking)}
    assert rows[last].own_rank == 1
    assert rows[last].group_rank == len(rows)
