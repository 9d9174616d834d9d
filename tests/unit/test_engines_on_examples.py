"""Every engine, run on the three example workshops: outputs a facilitator would accept."""

from __future__ import annotations

import pytest
from engine_factories import shipped_decks

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.engines.governance import use_case_fit
from selfdata.engines.matching import (
    match_sources,
    workshop_coverage,
    workshop_matrix,
    workshop_needs,
    workshop_sources,
)
from selfdata.engines.network import diagnose, layout, scenario_network
from selfdata.engines.ranking import METHODS, Method, rank_scenarios
from selfdata.files.loading import SCENARIOS_DIR, load_workshop

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def example(name: str, decks: Decks) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml", decks=decks)


def test_la_rochelle_carbon_footprint_of_trips_fits_a_personal_cloud_first(decks: Decks) -> None:
    w = example("la_rochelle", decks)
    coach = next(u for u in w.use_cases if u.need == "trip_carbon_footprint")
    fits = use_case_fit(coach, decks)
    assert fits[0].model == "personal_cloud"
    assert any(r.trait == "combines_sources" for r in fits[0].reasons_for)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_use_case_the_group_decided_on_fits_its_chosen_model_first(
    decks: Decks, name: str
) -> None:
    decided = [u for u in example(name, decks).use_cases if u.governance_choice]
    assert decided
    for use_case in decided:
        assert use_case_fit(use_case, decks)[0].model == use_case.governance_choice, use_case.id


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_need_on_the_table_has_a_usable_source(decks: Decks, name: str) -> None:
    w = example(name, decks)
    assert workshop_coverage(w, decks).uncovered_needs == ()
    matrix = workshop_matrix(w, decks)
    assert len(matrix.scores) == len(workshop_needs(w, decks))


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_use_case_uses_sources_the_matching_suggests(decks: Decks, name: str) -> None:
    w = example(name, decks)
    needs = {n.id: n for n in workshop_needs(w, decks)}
    sources = workshop_sources(w, decks)
    for use_case in w.use_cases:
        suggested = {m.source for m in match_sources(needs[use_case.need], sources) if m.usable}
        assert set(use_case.sources) & suggested, use_case.id


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_networks_send_no_personal_data_without_consent(decks: Decks, name: str) -> None:
    for scenario in example(name, decks).scenarios:
        graph = scenario_network(scenario, decks)
        report = diagnose(graph)
        assert report.unconsented == (), scenario.id
        assert report.isolated == (), scenario.id
        positions = layout(graph)
        assert positions["resident"] == (0.0, 0.0)


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("method", METHODS)
def test_example_workshops_rank_with_a_clear_winner(
    decks: Decks, name: str, method: Method
) -> None:
    w = example(name, decks)
    ranking = rank_scenarios(w, decks, method)
    assert [s.rank for s in ranking.scenarios] == list(range(1, len(w.scenarios) + 1))
    assert ranking.sensitivity.winner == ranking.winner.scenario
    assert ranking.sensitivity.winner_stability > 0.5
    assert all(p.kendall_tau is not None for p in ranking.participants)
