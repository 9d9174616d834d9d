"""The value network on paper (issue 27): each flow type its own stroke, as the dossier's
introduction says; no arrow crosses an actor it does not link; the numbers sit each on
their own arrow without overlapping."""

from __future__ import annotations

import math
from functools import cache

import pytest

from selfdata.domain import palette
from selfdata.domain.cards import TANGIBLE_FLOWS, Decks
from selfdata.domain.workshop import Workshop
from selfdata.export import network_drawing
from selfdata.export.facts import Lookup, network_facts
from selfdata.export.network_drawing import BADGE_R, NODE_H, NODE_W, arrows, badge_places
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t

FRAME = (18.0, 40.0, 174.0, network_drawing.FIGURE_H)


@cache
def decks() -> Decks:
    return default_decks()


@cache
def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def test_the_introduction_describes_each_flow_types_stroke() -> None:
    strokes = palette.FLOW_STROKES
    assert len({(s.width, s.dash) for s in strokes.values()}) == len(strokes)
    solid = [f for f, s in strokes.items() if not s.dash]
    assert sorted(solid) == ["personal_data", "service"]
    assert strokes["personal_data"].width > 2 * strokes["service"].width  # thick and thin
    assert strokes["money"].dash[0] > 2 * strokes["consent"].dash[0]  # long dashes
    assert strokes["insight"].dash[0] < strokes["insight"].dash[1]  # dots
    assert len(strokes["oversight"].dash) == 4  # dash-dot
    assert {"personal_data", "service", "money"} == TANGIBLE_FLOWS
    intro = t("pdf.network_intro", "fr")
    for words in ("trait plein épais", "fin", "longs tirets", "tirets", "points", "tirets-points"):
        assert words in intro
    intro_en = t("pdf.network_intro", "en")
    for words in ("solid and thick", "thin", "long dashes", "dashed", "dotted", "dash-dotted"):
        assert words in intro_en


CASES = [
    (name, scenario.id)
    for name in ("la_rochelle", "grand_lyon")
    for scenario in example(name).scenarios
]


def _layout(name: str, scenario_id: str) -> tuple[list[network_drawing.Arrow], dict[str, tuple]]:
    workshop = example(name)
    scenario = next(s for s in workshop.scenarios if s.id == scenario_id)
    facts = network_facts(Lookup(workshop, decks()), scenario, "fr")
    centres = network_drawing._fit(facts.nodes, *FRAME)
    return arrows(facts.nodes, facts.edges, *FRAME), centres


def _inside(point: tuple[float, float], centre: tuple[float, float], pad: float) -> bool:
    return (
        abs(point[0] - centre[0]) < NODE_W / 2 + pad
        and abs(point[1] - centre[1]) < NODE_H / 2 + pad
    )


@pytest.mark.parametrize(("name", "scenario_id"), CASES)
def test_no_arrow_passes_through_an_actor_it_does_not_link(name: str, scenario_id: str) -> None:
    drawn, centres = _layout(name, scenario_id)
    for arrow in drawn:
        others = [
            c for node, c in centres.items() if node not in (arrow.edge.source, arrow.edge.target)
        ]
        crossed = [c for c in others for p in arrow.points if _inside(p, c, 0.5)]
        assert crossed == [], arrow.edge


@pytest.mark.parametrize(("name", "scenario_id"), CASES)
def test_each_flow_number_sits_on_its_own_arrow_clear_of_the_others(
    name: str, scenario_id: str
) -> None:
    drawn, centres = _layout(name, scenario_id)
    boxes = [network_drawing._box(c, 0.0) for c in centres.values()]
    places = badge_places(drawn, boxes)
    assert [e for e, _ in places] == [a.edge for a in drawn]
    for (edge, spot), arrow in zip(places, drawn, strict=True):
        assert network_drawing._distance(*spot, arrow.points) < 0.01, edge
        assert not any(_inside(spot, c, BADGE_R - 0.5) for c in centres.values()), edge
    spots = [spot for _, spot in places]
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            assert math.dist(a, b) >= 2 * BADGE_R, (a, b)


def test_the_readme_and_the_export_guide_promise_tagged_accessible_pdfs() -> None:
    """The promises are kept by tests/integration/test_pdf_accessibility.py (tagging, tree,
    alt text, grey strokes, orphan headings, cut text), this file (strokes, arrows,
    numbers), tests/unit/test_export_deck.py (a card longer than a sheet) and
    tests/unit/test_french_typography.py (« »)."""
    root = SCENARIOS_DIR.parent
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    assert "Every PDF is a tagged, accessible PDF" in readme
    assert "tests/integration/test_pdf_accessibility.py" in readme
    guide = " ".join((root / "docs" / "exports.md").read_text(encoding="utf-8").split())
    assert "`pdfinfo` says `Tagged: yes`" in guide
    assert "never smaller, with the card's sources in full" in guide
    assert (root / "tests" / "integration" / "test_pdf_accessibility.py").is_file()
    # the deck's numbers as the guide gives them: 9, 8.5 or 8 pt, at most four cards
    from selfdata.export import deck

    assert deck.FONT_SIZES == (9.0, 8.5, 8.0) and deck.MAX_PARTS == 4
