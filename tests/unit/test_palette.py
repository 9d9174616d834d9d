"""One palette for screen and paper: the dossier's network and the on-screen figure give
every flow type and actor kind the same colour, no two actor kinds share one, and the
colours stay readable on white and for colour-blind readers.

The paper side is read from a real dossier: its PDF object records the colour set at each
line and shape that ``selfdata/export/network_drawing.py`` draws. The screen side is read
from the real plotly figure. README ("the value network drawn as on screen") rests on
these tests.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from typing import Any, get_args

import pytest
from engine_factories import shipped_decks

from selfdata.domain import palette
from selfdata.domain.cards import ActorKind, Decks, FlowType, I18nText, NetworkActor, NetworkFlow
from selfdata.domain.workshop import NetworkEdits, Scenario, Workshop
from selfdata.engines.network import residents, scenario_network
from selfdata.export import dossier, network_drawing
from selfdata.export.facts import Lookup, network_facts
from selfdata.export.pdf_base import ExportPDF
from selfdata.files.loading import SCENARIOS_DIR, load_workshop
from selfdata.ui.figures.common import traces_with
from selfdata.ui.figures.network import network_figure

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")
DRAWING = network_drawing.__file__


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def hex_of(colour: Any) -> str:
    """An fpdf2 colour object (DeviceRGB or DeviceGray) as ``#RRGGBB``."""
    r, g, b = (round(c) for c in colour.colors255)
    return palette.to_hex((r, g, b))


class PaperSpy(ExportPDF):
    """The dossier's PDF, noting the colours in force when the network drawing draws."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.strokes: list[str] = []
        self.shapes: list[tuple[float, float, str, str]] = []
        self.heads: list[str] = []

    @staticmethod
    def _from_drawing() -> bool:
        return sys._getframe(2).f_code.co_filename == DRAWING

    def line(self, *args: Any, **kwargs: Any) -> Any:
        if self._from_drawing():
            self.strokes.append(hex_of(self.draw_color))
        return super().line(*args, **kwargs)

    def bezier(self, *args: Any, **kwargs: Any) -> Any:  # a flow bent round an actor
        if self._from_drawing():
            self.strokes.append(hex_of(self.draw_color))
        return super().bezier(*args, **kwargs)

    def rect(self, x: float, y: float, w: float, h: float, *args: Any, **kwargs: Any) -> Any:
        if self._from_drawing():
            self.shapes.append((w, h, hex_of(self.fill_color), hex_of(self.draw_color)))
        return super().rect(x, y, w, h, *args, **kwargs)

    def ellipse(self, x: float, y: float, w: float, h: float, *args: Any, **kwargs: Any) -> Any:
        if self._from_drawing():
            self.shapes.append((w, h, hex_of(self.fill_color), hex_of(self.draw_color)))
        return super().ellipse(x, y, w, h, *args, **kwargs)

    def polygon(self, *args: Any, **kwargs: Any) -> Any:
        if self._from_drawing():
            self.heads.append(hex_of(self.fill_color))
        return super().polygon(*args, **kwargs)


def dossier_drawing(
    workshop: Workshop, decks: Decks, scenario_id: str, monkeypatch: pytest.MonkeyPatch
) -> PaperSpy:
    """The scenario's whole dossier, drawn on a :class:`PaperSpy`."""
    made: list[PaperSpy] = []

    def spy(**kwargs: Any) -> PaperSpy:
        made.append(PaperSpy(**kwargs))
        return made[-1]

    monkeypatch.setattr(dossier, "ExportPDF", spy)
    dossier.scenario_dossier(workshop, decks, scenario_id, "en")
    (pdf,) = made
    return pdf


def network_section_drawing(workshop: Workshop, decks: Decks, scenario_id: str) -> PaperSpy:
    """Only the dossier's network section (faster: no ranking), on a :class:`PaperSpy`."""
    pdf = PaperSpy(lang="en", title="t", author="a")
    pdf.add_page()
    scenario = next(s for s in workshop.scenarios if s.id == scenario_id)
    network_drawing.network_block(pdf, Lookup(workshop, decks), scenario, "en")
    return pdf


def paper_colours(
    pdf: PaperSpy, workshop: Workshop, decks: Decks, scenario_id: str
) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """The fill of each actor's box, each flow's (type, stroke colour) in flow order, and
    the legend's stroke colours, as the drawing set them on ``pdf``."""
    scenario = next(s for s in workshop.scenarios if s.id == scenario_id)
    facts = network_facts(Lookup(workshop, decks), scenario, "en")
    boxes = [
        fill
        for w, h, fill, _ in pdf.shapes
        if (w, h) == (network_drawing.NODE_W, network_drawing.NODE_H)
    ]
    assert len(boxes) == len(facts.nodes)
    outlines = {
        draw
        for w, h, _, draw in pdf.shapes
        if (w, h) == (network_drawing.NODE_W, network_drawing.NODE_H)
    }
    assert outlines <= {palette.INK}
    drawn = [e for e in facts.edges if e.source != e.target]
    assert len(pdf.strokes) >= len(drawn)
    flows = [(e.type, colour) for e, colour in zip(drawn, pdf.strokes, strict=False)]
    heads = pdf.heads[: len(drawn)]
    assert heads == [colour for _, colour in flows], "arrow heads differ from their line"
    return (
        {n.id: fill for n, fill in zip(facts.nodes, boxes, strict=True)},
        flows,
        pdf.strokes[len(drawn) :],
    )


def screen_colours(graph: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Each actor's marker colour and each flow type's line colour on the real figure."""
    fig = network_figure(graph, "en")
    actors: dict[str, str] = {}
    for trace in traces_with(fig, "actor"):
        for node in trace.meta["actors"]:
            actors[node] = trace.marker.color
    flows = {tr.meta["type"]: tr.line.color for tr in traces_with(fig, "flow")}
    heads = {tr.meta["type"]: tr.marker.color for tr in traces_with(fig, "arrow")}
    assert heads == flows
    return actors, flows


def every_kind_workshop(decks: Decks) -> Workshop:
    """La Rochelle's first scenario plus one actor of every card in the deck, one actor of
    a kind the app does not know, and a flow of every type."""
    workshop = example("la_rochelle")
    base = workshop.scenarios[0]
    resident = residents(scenario_network(base, decks))[0]
    actors = [NetworkActor(id=f"extra_{card.id}", actor=card.id) for card in decks.actors]
    actors.append(NetworkActor(id="extra_unknown", actor="not_a_card"))
    types = list(get_args(FlowType))
    flows = [
        NetworkFlow(
            id=f"extra_flow_{i}",
            source=resident,
            target=actor.id,
            type=types[i % len(types)],
            label=I18nText.same(f"flow {i}"),
        )
        for i, actor in enumerate(actors)
    ]
    edits = NetworkEdits(add_actors=actors, add_flows=flows)
    scenario: Scenario = base.model_copy(update={"id": "every_kind", "network_edits": edits})
    return workshop.model_copy(update={"scenarios": [scenario, *workshop.scenarios]})


def example_scenarios() -> list[tuple[str, str]]:
    return [(name, s.id) for name in EXAMPLES for s in example(name).scenarios]


def assert_same_on_screen_and_paper(
    workshop: Workshop, scenario_id: str, decks: Decks, pdf: PaperSpy
) -> tuple[set[str], set[str]]:
    scenario = next(s for s in workshop.scenarios if s.id == scenario_id)
    graph = scenario_network(scenario, decks)
    screen_actors, screen_flows = screen_colours(graph)
    paper_actors, paper_flows, legend = paper_colours(pdf, workshop, decks, scenario_id)
    assert paper_actors == screen_actors
    for flow_type, colour in paper_flows:
        assert colour == screen_flows[flow_type], flow_type
    present = [f for f in network_drawing.FLOW_ORDER if f in screen_flows]
    assert legend == [screen_flows[f] for f in present]
    kinds = {palette.kind_key(graph.nodes[n].get("kind")) for n in graph.nodes}
    return kinds, set(screen_flows)


def test_every_flow_type_and_actor_kind_has_the_same_colour_on_screen_and_in_the_dossier(
    decks: Decks, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = every_kind_workshop(decks)
    pdf = dossier_drawing(workshop, decks, "every_kind", monkeypatch)
    kinds, flow_types = assert_same_on_screen_and_paper(workshop, "every_kind", decks, pdf)
    assert kinds == set(palette.KIND_STYLES)  # every kind, and "other", was compared
    assert flow_types == set(get_args(FlowType))


@pytest.mark.parametrize(("name", "scenario"), example_scenarios())
def test_the_examples_networks_have_the_same_colours_on_screen_and_in_the_dossier(
    name: str, scenario: str, decks: Decks
) -> None:
    workshop = example(name)
    pdf = network_section_drawing(workshop, decks, scenario)
    assert_same_on_screen_and_paper(workshop, scenario, decks, pdf)


def test_two_actor_kinds_never_share_a_colour_nor_a_shape() -> None:
    colours = [s.colour for s in palette.KIND_STYLES.values()]
    shapes = [s.symbol for s in palette.KIND_STYLES.values()]
    assert len(set(colours)) == len(colours)
    assert len(set(shapes)) == len(shapes)
    flow_colours = list(palette.FLOW_COLOURS.values())
    assert len(set(flow_colours)) == len(flow_colours)


def test_every_flow_type_and_actor_kind_of_the_decks_has_its_own_colour(decks: Decks) -> None:
    named_kinds = set(palette.KIND_STYLES) - {palette.OTHER_KIND}
    assert set(get_args(ActorKind)) == named_kinds
    assert {card.kind for card in decks.actors} <= named_kinds
    assert set(get_args(FlowType)) == set(palette.FLOW_COLOURS)
    used = {f.type for m in decks.governance_models for f in m.network.flows}
    assert used <= set(palette.FLOW_COLOURS)
    assert {m.id for m in decks.governance_models} <= set(palette.MODEL_COLOURS)
    themes = [palette.theme_colour(theme.color) for theme in decks.themes]
    assert palette.THEME_FALLBACK not in themes and len(set(themes)) == len(themes)


@pytest.mark.parametrize(("flow_type", "colour"), palette.FLOW_COLOURS.items())
def test_flow_colours_are_drawn_lines_with_3_to_1_contrast_on_white(
    flow_type: str, colour: str
) -> None:
    assert palette.contrast(colour) >= 3.0, flow_type


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("INK", 4.5), ("MUTED", 4.5), ("ACCENT", 4.5), ("UNKNOWN", 3.0)],
)
def test_colours_used_for_text_and_lines_contrast_with_white(name: str, minimum: float) -> None:
    assert palette.contrast(getattr(palette, name)) >= minimum


def test_text_on_a_coloured_box_reads_at_4_5_to_1(decks: Decks) -> None:
    backgrounds = [
        *(s.colour for s in palette.KIND_STYLES.values()),
        *palette.MODEL_COLOURS.values(),
        *(palette.theme_colour(theme.color) for theme in decks.themes),
    ]
    for background in backgrounds:
        assert palette.contrast(palette.readable_on(background), background) >= 4.5, background


# --- colour-vision deficiencies ----------------------------------------------------------

# Machado, Oliveira & Fernandes (2009), severity 1, applied to linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}  # fmt: skip


def _linear(colour: str) -> list[float]:
    return [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in palette.rgb(colour))
    ]


def _lab(linear: list[float]) -> tuple[float, float, float]:
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(colour: str, matrix: Any) -> tuple[float, float, float]:
    linear = _linear(colour)
    return _lab(
        [min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True)))) for row in matrix]
    )


def closest_pair(colours: list[str]) -> float:
    """The smallest CIELAB distance between two of ``colours`` under any simulation."""
    return min(
        sum((p - q) ** 2 for p, q in zip(_seen(a, m), _seen(b, m), strict=True)) ** 0.5
        for m in SIMULATIONS.values()
        for a, b in itertools.combinations(colours, 2)
    )


def test_the_added_colours_are_as_distinct_for_colour_blind_readers_as_okabe_ito() -> None:
    okabe_ito = closest_pair(list(palette.OKABE_ITO.values()))
    assert okabe_ito == pytest.approx(16.1, abs=0.1)  # sky blue and bluish green, tritanopia
    assert closest_pair(list(palette.QUALITATIVE.values())) >= okabe_ito - 0.05
    assert closest_pair([s.colour for s in palette.KIND_STYLES.values()]) >= okabe_ito - 0.05
    assert closest_pair(list(palette.FLOW_COLOURS.values())) >= okabe_ito


# --- one definition ----------------------------------------------------------------------


def test_no_colour_is_written_outside_the_palette() -> None:
    hex_colour = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for folder in ("selfdata/ui", "selfdata/export")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for match in hex_colour.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_readme_promises_the_network_drawn_as_on_screen() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "the value network drawn as on screen" in readme
    assert "tests/unit/test_palette.py" in readme
