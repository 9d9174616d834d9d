"""One rule for "imbalance" (issue 27): the screen's ring and gives/gets table, the
dossier's and the report's balance (⚠) and their "no imbalance" line all follow
``imbalances`` (:mod:`selfdata.engines.network`). Before, a network flagged ⚠ on two actors
printed "Aucun déséquilibre détecté" and the screen's table flagged actors its findings
called all clear."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.engines.network import diagnose, imbalances, scenario_network
from selfdata.export.facts import Lookup, network_facts
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t
from selfdata.ui.figures.network import balance_rows, flagged_actors
from tests.pdf_builds import scenario_dossier

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


@cache
def decks() -> Decks:
    return default_decks()


def every_scenario() -> list[tuple[str, str]]:
    return [
        (name, s.id)
        for name in EXAMPLES
        for s in load_workshop(SCENARIOS_DIR / f"{name}.yaml").scenarios
    ]


@pytest.mark.parametrize(("name", "sid"), every_scenario())
def test_the_screen_and_the_documents_flag_the_same_actors_as_the_findings(
    name: str, sid: str
) -> None:
    workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    scenario = next(s for s in workshop.scenarios if s.id == sid)
    graph = scenario_network(scenario, decks())
    diagnostics = diagnose(graph)
    rule = set(imbalances(diagnostics))
    screen_table = {r.actor for r in balance_rows(graph, diagnostics, "fr") if r.flag}
    assert screen_table == rule
    assert set(flagged_actors(diagnostics)) == rule
    facts = network_facts(Lookup(workshop, decks()), scenario, "fr")
    labels = {n: d["label"].fr for n, d in graph.nodes(data=True)}
    paper = {row[0].removesuffix(" ⚠") for row in facts.balance if row[0].endswith(" ⚠")}
    assert paper == {labels[a] for a in rule}
    if rule:  # flagged actors: the documents never say "no imbalance"
        assert facts.diagnostics


def test_a_network_with_flags_never_prints_no_imbalance() -> None:
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    pdf = scenario_dossier(workshop, decks(), "sc_coach_co2", "fr")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    none = " ".join(t("pdf.no_diagnostics", "fr").split())
    if "⚠" in text:
        assert none not in text
    else:
        assert none in text
