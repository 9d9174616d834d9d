"""The city as several actors of a value network, and the diagnostic that flags one body
holding the data, running the platform and deciding entitlements (issue 19)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from selfdata.engines.network import city_role_conflict, diagnose, scenario_network
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import scenario_dossier


def example(name: str):  # type: ignore[no-untyped-def]
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def test_the_grand_lyon_vault_shows_the_citys_role_conflict() -> None:
    w = example("grand_lyon")
    vault = next(s for s in w.scenarios if s.id == "sc_metropole_ttp")
    assert vault.city_roles == ["data_holder", "innovation_support"]
    graph = scenario_network(vault, default_decks())
    assert city_role_conflict(graph) == ("metropole_rsa", "trusted_third_party", "city")
    findings = [f for f in diagnose(graph).findings if f.kind == "city_role_conflict"]
    assert len(findings) == 1
    text = findings[0].text
    assert "Métropole de Lyon" in text.fr and "détient les données" in text.fr
    assert "holds the data, runs the platform and decides entitlements" in text.en


def test_without_the_city_as_platform_operator_there_is_no_conflict() -> None:
    w = example("grand_lyon")
    vault = next(s for s in w.scenarios if s.id == "sc_metropole_ttp")
    held_only = vault.model_copy(update={"city_actors": ["metropole_rsa"]})
    graph = scenario_network(held_only, default_decks())
    assert city_role_conflict(graph) == ()
    assert "city_role_conflict" not in [f.kind for f in diagnose(graph).findings]
    assert graph.nodes["metropole_rsa"]["city"] and graph.nodes["city"]["city"]
    assert not graph.nodes["trusted_third_party"]["city"]


@pytest.mark.parametrize("name", ["la_rochelle", "nantes", "grand_lyon"])
def test_no_other_example_scenario_is_flagged(name: str) -> None:
    for s in example(name).scenarios:
        if s.id == "sc_metropole_ttp":
            continue
        assert city_role_conflict(scenario_network(s, default_decks())) == ()


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "détient les données"), ("en", "runs the platform")]
)
def test_the_dossier_of_the_vault_prints_the_conflict_and_the_citys_roles(
    lang: str, words: str
) -> None:
    pdf = scenario_dossier(example("grand_lyon"), default_decks(), "sc_metropole_ttp", lang)
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert words in text
    assert ("Soutien à l’innovation" if lang == "fr" else "Innovation support") in text
