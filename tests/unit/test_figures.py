"""The figures of the value network and scenarios screens, read trace by trace."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest
from engine_factories import shipped_decks

from selfdata.domain import palette
from selfdata.domain.cards import Decks, I18nText
from selfdata.domain.workshop import Workshop
from selfdata.engines.network import build_network, diagnose, scenario_network
from selfdata.engines.ranking import Ranking, rank_scenarios
from selfdata.files.loading import SCENARIOS_DIR, load_workshop
from selfdata.ui.figures.common import legend_names, traces_with
from selfdata.ui.figures.network import FLOW_STYLES, KIND_STYLES, balance_rows, network_figure
from selfdata.ui.figures.ranking import consensus_figure, rank_probability_figure, ranking_figure

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


def example_networks() -> list[tuple[str, str]]:
    return [(name, s.id) for name in EXAMPLES for s in example(name).scenarios]


def network_of(name: str, scenario_id: str, decks: Decks) -> nx.MultiDiGraph:
    scenario = next(s for s in example(name).scenarios if s.id == scenario_id)
    return scenario_network(scenario, decks)


def points(fig: Any, role: str, attr: str = "x") -> list[Any]:
    found = [getattr(tr, attr) for tr in traces_with(fig, role)]
    return [p for values in found if values is not None for p in values]


# --- value network -------------------------------------------------------------------


@pytest.mark.parametrize(("workshop", "scenario"), example_networks())
def test_every_actor_is_one_marker_and_every_flow_one_arrow(
    workshop: str, scenario: str, decks: Decks
) -> None:
    graph = network_of(workshop, scenario, decks)
    fig = network_figure(graph, "fr", diagnostics=diagnose(graph))
    actors = [a for tr in traces_with(fig, "actor") for a in tr.customdata]
    assert sorted(actors) == sorted(graph.nodes)
    assert len(points(fig, "flow-hover")) == graph.number_of_edges()
    assert sum(tr.meta["flows"] for tr in traces_with(fig, "flow")) == (graph.number_of_edges())
    heads = [s for tr in traces_with(fig, "arrow") for s in tr.marker.size if s > 0]
    assert len(heads) == graph.number_of_edges()


@pytest.mark.parametrize(
    ("flow_type", "dash", "tangible"),
    [
        ("personal_data", "solid", True),
        ("service", "solid", True),
        ("money", "longdash", True),
        ("consent", "dash", False),
        ("insight", "dot", False),
        ("oversight", "dashdot", False),
    ],
)
def test_each_flow_type_has_its_own_stroke_as_on_paper(
    flow_type: str, dash: str, tangible: bool
) -> None:
    graph = nx.MultiDiGraph()
    for node in ("a", "b"):
        graph.add_node(node, actor=node, label=I18nText.same(node), kind="city")
    graph.add_edge("a", "b", key="f", type=flow_type, label=I18nText.same("x"))
    (line,) = traces_with(network_figure(graph), "flow")
    assert line.line.dash == dash == palette.flow_stroke(flow_type).plotly_dash
    assert line.meta["type"] == flow_type
    assert line.name.endswith("(matériel)" if tangible else "(immatériel)")


def test_no_two_flow_types_share_a_stroke_on_screen() -> None:
    strokes = [(FLOW_STYLES[f].dash, FLOW_STYLES[f].width) for f in palette.FLOW_COLOURS]
    assert len(set(strokes)) == len(strokes)


def test_the_legend_names_the_flow_types_and_actor_kinds_present_in_both_languages(
    decks: Decks,
) -> None:
    graph = network_of("la_rochelle", "sc_mobility_budget", decks)
    diagnostics = diagnose(graph)
    assert legend_names(network_figure(graph, "en", diagnostics=diagnostics)) == [
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
    french = legend_names(network_figure(graph, "fr", diagnostics=diagnostics))
    assert french[0] == "Données personnelles (matériel)"
    assert "Habitant" in french


def test_colours_come_from_the_one_palette_and_kinds_differ_by_shape() -> None:
    assert {k: s.color for k, s in FLOW_STYLES.items()} == palette.FLOW_COLOURS
    assert len({s.color for s in FLOW_STYLES.values()}) == len(FLOW_STYLES)
    assert {s.colour for s in KIND_STYLES.values()} <= set(palette.QUALITATIVE.values())
    shapes = [s.symbol for s in KIND_STYLES.values()]
    assert len(set(shapes)) == len(shapes)


def test_a_single_point_of_control_gets_a_ring(decks: Decks) -> None:
    graph = network_of("la_rochelle", "sc_mobility_budget", decks)
    diagnostics = diagnose(graph)
    assert diagnostics.single_points == ("data_holder",)
    (ring,) = traces_with(network_figure(graph, diagnostics=diagnostics), "flagged")
    assert list(ring.customdata) == ["data_holder"]


def test_a_network_with_nothing_to_flag_has_no_ring(decks: Decks) -> None:
    graph = network_of("la_rochelle", "sc_coach_co2", decks)
    fig = network_figure(graph, diagnostics=diagnose(graph))
    assert traces_with(fig, "flagged") == []
    assert "À examiner" not in legend_names(fig)


def test_each_arrow_points_at_its_target(decks: Decks) -> None:
    graph = network_of("nantes", next(iter(example("nantes").scenarios)).id, decks)
    positions = {n: (float(i), float(i % 3)) for i, n in enumerate(graph.nodes)}
    fig = network_figure(graph, positions=positions)
    for line in traces_with(fig, "flow"):
        xs, ys = list(line.x), list(line.y)
        edges = [(u, v) for u, v, t in graph.edges(data="type") if t == line.meta["type"]]
        for i, (u, v) in enumerate(edges):
            start = (xs[3 * i], ys[3 * i])
            end = (xs[3 * i + 1], ys[3 * i + 1])

            def dist(p: tuple[float, float], node: str) -> float:
                return float((p[0] - positions[node][0]) ** 2 + (p[1] - positions[node][1]) ** 2)

            assert dist(end, v) < dist(start, v)
            assert dist(start, u) < dist(end, u)


def test_flows_between_the_same_two_actors_do_not_overlap() -> None:
    graph = nx.MultiDiGraph()
    for node in ("a", "b"):
        graph.add_node(node, actor=node, label=I18nText.same(node), kind="city")
    for key, (u, v, kind) in enumerate(
        [("a", "b", "personal_data"), ("b", "a", "service"), ("a", "b", "consent")]
    ):
        graph.add_edge(u, v, key=str(key), type=kind, label=I18nText.same("x"))
    fig = network_figure(graph)
    middles = list(zip(points(fig, "flow-hover"), points(fig, "flow-hover", "y"), strict=True))
    assert len(set(middles)) == 3


def test_user_text_in_labels_is_shown_as_typed_not_as_markup() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", actor="city", label=I18nText.same("<b>Mairie</b> & co"), kind="city")
    graph.add_node("b", actor="resident", label=I18nText.same("Habitant"), kind="resident")
    graph.add_edge("a", "b", key="f", type="service", label=I18nText.same("<script>x</script>"))
    fig = network_figure(graph)
    labels = points(fig, "actor", "text")
    assert "&lt;b&gt;Mairie&lt;/b&gt; &amp; co" in labels
    hover = " ".join(points(fig, "flow-hover", "hovertext"))
    assert "<script>" not in hover and "&lt;script&gt;" in hover


def test_projection_mode_uses_larger_type_and_markers(decks: Decks) -> None:
    graph = network_of("la_rochelle", "sc_coach_co2", decks)
    small, large = network_figure(graph), network_figure(graph, large=True)
    assert large.layout.font.size >= 20 > small.layout.font.size
    assert traces_with(large, "actor")[0].marker.size > (traces_with(small, "actor")[0].marker.size)


def test_a_300_actor_network_keeps_names_for_hovering(decks: Decks) -> None:
    from bench.engines import synthetic_network

    template = synthetic_network(300, random.Random(2))
    graph = build_network(template, None, decks)
    fig = network_figure(graph, diagnostics=diagnose(graph))
    assert len(points(fig, "actor")) == 300
    assert len(points(fig, "flow-hover")) == len(template.flows)
    assert all(tr.mode == "markers" for tr in traces_with(fig, "actor"))


def test_an_empty_network_says_so() -> None:
    fig = network_figure(nx.MultiDiGraph(), "en")
    assert [a.text for a in fig.layout.annotations] == ["Empty network"]


def test_the_balance_table_names_an_actor_that_takes_without_giving(decks: Decks) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("r", actor="resident", label=I18nText.same("Habitant"), kind="resident")
    graph.add_node("x", actor="data_holder", label=I18nText.same("Courtier"), kind="data_holder")
    graph.add_edge("r", "x", key="f1", type="personal_data", label=I18nText.same("d"))
    graph.add_edge("r", "x", key="f2", type="personal_data", label=I18nText.same("d"))
    rows = {r.actor: r for r in balance_rows(graph, diagnose(graph), "en")}
    assert rows["x"].gets == "Personal data ×2"
    assert rows["x"].gives == "nothing"
    # one rule (issue 27): the table flags what the findings say, nothing more
    assert rows["x"].flag == (
        "receives data without consent; receives data out of the resident’s control; "
        "takes data, gives nothing back"
    )
    assert rows["r"].flag == ""  # giving without getting is shown, not flagged


# --- ranking -------------------------------------------------------------------------


@pytest.fixture(scope="module", params=EXAMPLES)
def ranking(request: pytest.FixtureRequest, decks: Decks) -> Ranking:
    return rank_scenarios(example(request.param), decks, draws=500)


def test_the_bars_list_scenarios_best_first_with_the_winner_highlighted(ranking: Ranking) -> None:
    (bars,) = traces_with(ranking_figure(ranking, "en"), "score")
    assert list(bars.customdata) == [s.scenario for s in ranking.scenarios]
    assert list(bars.x) == sorted(bars.x, reverse=True)
    shown = [y.replace("<br>", " ") for y in bars.y]
    assert shown == [f"{s.place}. {s.title}" for s in ranking.scenarios]
    assert bars.marker.color[0] == palette.HIGHLIGHT
    assert set(bars.marker.color[1:]) <= {palette.ACCENT}


def test_the_ranking_title_names_the_method(decks: Decks) -> None:
    topsis = rank_scenarios(example("la_rochelle"), decks, "topsis", draws=100)
    assert "TOPSIS" in ranking_figure(topsis, "fr").layout.title.text
    summed = rank_scenarios(example("la_rochelle"), decks, draws=100)
    assert "Weighted sum" in ranking_figure(summed, "en").layout.title.text


def test_the_heatmap_rows_are_probabilities_and_the_first_cell_is_the_stability(
    ranking: Ranking,
) -> None:
    (heat,) = traces_with(rank_probability_figure(ranking, "en"), "rank-probability")
    z = [list(row) for row in heat.z]
    assert len(z) == len(ranking.scenarios) == len(heat.x)
    for row in z:
        assert sum(row) == pytest.approx(1.0)
    assert z[0][0] == pytest.approx(ranking.sensitivity.winner_stability)
    assert heat.x[0] == "#1"
    assert heat.colorscale[0][1] != heat.colorscale[-1][1]


def test_consensus_bars_follow_the_ranking_and_mark_unknown_consensus(ranking: Ranking) -> None:
    (bars,) = traces_with(consensus_figure(ranking, "fr"), "consensus")
    assert list(bars.customdata) == [s.scenario for s in ranking.scenarios]
    for scenario, text in zip(ranking.scenarios, bars.text, strict=True):
        expected = "—" if scenario.consensus is None else f"{scenario.consensus:.2f}"
        expected = expected.replace(".", ",")
        assert text == expected


def test_repeated_titles_stay_separate_bars(decks: Decks) -> None:
    workshop = example("la_rochelle")
    same = workshop.model_copy(
        update={"scenarios": [s.model_copy(update={"title": "Même"}) for s in workshop.scenarios]}
    )
    ranking = rank_scenarios(same, decks, draws=50)
    (bars,) = traces_with(ranking_figure(ranking), "score")
    assert len(set(bars.y)) == len(ranking.scenarios)


# --- issue 14: axes and numbers a reader can trust ----------------------------------------


def test_the_rank_heatmap_axis_is_categorical_ranks_in_english(decks: Decks) -> None:
    ranking = rank_scenarios(example("la_rochelle"), decks)
    fig = rank_probability_figure(ranking, "en")
    assert fig.layout.xaxis.type == "category"  # "#1" alone reads as 1: ticks 0.5, 1, 1.5
    (heat,) = traces_with(fig, "rank-probability")
    assert list(heat.x) == ["#1", "#2", "#3", "#4"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_heatmap_row_adds_up_to_100_percent_once_rounded(decks: Decks, name: str) -> None:
    ranking = rank_scenarios(example(name), decks)
    (heat,) = traces_with(rank_probability_figure(ranking, "en"), "rank-probability")
    assert heat.texttemplate == "%{text}"
    for row in heat.text:
        numbers = [int(cell.strip("<> %")) for cell in row if cell.strip("<> %").isdigit()]
        exact = [cell for cell in row if not cell.startswith(("<", ">"))]
        assert sum(numbers) == 100 or len(exact) < len(row), row


def test_score_axes_stop_at_1_for_0_to_1_scores(decks: Decks) -> None:
    ranking = rank_scenarios(example("la_rochelle"), decks, draws=100)
    for large in (False, True):
        assert list(ranking_figure(ranking, "fr", large=large).layout.xaxis.range) == [0, 1]
        consensus = consensus_figure(ranking, "fr", large=large)
        assert list(consensus.layout.xaxis.range) == [0, 1]


def test_a_complete_tie_highlights_no_winner_and_numbers_no_rank(decks: Decks) -> None:
    w = example("la_rochelle")
    tie = w.model_copy(update={"ratings": [r.model_copy(update={"value": 3}) for r in w.ratings]})
    ranking = rank_scenarios(tie, decks, draws=100)
    (bars,) = traces_with(ranking_figure(ranking, "en"), "score")
    assert set(bars.marker.color) == {palette.ACCENT}
    assert all(y.startswith("1. ") for y in bars.y)
    figure = consensus_figure(ranking, "en")
    (consensus,) = traces_with(figure, "consensus")
    # the scenarios by name on a category axis, each tied one in its own row (issue 28:
    # "1, 2, 3" on a numeric 0.5–3.5 axis, a tied bar drawn under another)
    assert figure.layout.yaxis.type == "category"
    assert list(consensus.y) == list(bars.y)
    assert all(y.startswith("1. ") for y in consensus.y)
    assert len(set(consensus.y)) == len(ranking.scenarios)  # one bar each, not stacked
    nobody = w.model_copy(update={"ratings": []})
    (bars,) = traces_with(ranking_figure(rank_scenarios(nobody, decks, draws=100), "en"), "score")
    assert not any(y[0].isdigit() for y in bars.y)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_heatmap_s_hover_texts_are_format_share_s_cell_by_cell(lang: str) -> None:
    """The heatmap formats each whole percentage once (a 50 × 50 heatmap made 2,500
    format_share calls): the texts must stay exactly format_share's, edges included."""
    from selfdata.domain.numbers import format_share
    from selfdata.ui.figures.ranking import _share_texts

    rng = random.Random(7)
    edges = [0.0, 1.0, 0.004999, 0.005, 0.0051, 0.995, 0.99499, 0.994, 0.125, 0.135, 1e-9]
    rows = [edges] + [[rng.random() ** 3 for _ in edges] for _ in range(40)]
    texts = _share_texts(rows, lang)
    assert [list(row) for row in texts] == [[format_share(v, lang) for v in row] for row in rows]


@pytest.mark.parametrize(("name", "scenario_id"), example_networks())
def test_the_projected_network_s_legend_keeps_what_the_labels_do_not_say(
    name: str, scenario_id: str, decks: Decks
) -> None:
    """On the wall the actors are named by their markers: the legend keeps the flow types
    (and the ring), the plot gets the height the actor kinds took, and the rows are spread
    so that the names have their lines (what the browser test measures on the real wall)."""
    from selfdata.ui.figures.common import numbers
    from selfdata.ui.figures.network_wall import (
        WALL_LABEL_CHARS,
        WALL_LEGEND_ROW_PX,
        WALL_WIDTH_PX,
        legend_rows,
        network_on_wall,
    )
    from selfdata.ui.figures.ready import ready
    from selfdata.ui.figures.wall import WALL_CHART_PX

    graph = network_of(name, scenario_id, decks)
    figure = ready(network_figure(graph, "fr", diagnostics=diagnose(graph), large=True))
    before = figure.to_dict()
    full = figure.figure()
    kept = [tr.name for tr in traces_with(full, "flow") + traces_with(full, "flagged")]
    for side_by_side, width in ((False, WALL_WIDTH_PX), (True, WALL_WIDTH_PX / 2)):
        wall = network_on_wall(figure, side_by_side=side_by_side).to_dict()
        shown = [tr for tr in wall["data"] if tr.get("showlegend") is not False]
        assert {tr["meta"]["role"] for tr in shown} <= {"flow", "flagged"}
        assert [tr["name"] for tr in shown] == kept
        margin = wall["layout"]["margin"]["b"]
        assert margin == legend_rows(kept, width) * WALL_LEGEND_ROW_PX + 10
        plot = wall["layout"]["height"] - margin - wall["layout"]["margin"]["t"]
        assert plot >= WALL_CHART_PX / 2
        low, high = wall["layout"]["yaxis"]["range"]
        per_unit = plot / (high - low)
        for trace in (tr for tr in wall["data"] if tr["meta"]["role"] == "actor"):
            assert all(
                line and len(line) <= WALL_LABEL_CHARS + 12  # a word longer than the width
                for text in trace["text"]
                for line in text.split("<br>")
            )
            for y in numbers(trace["y"]):  # every marker inside the plot, its name too
                assert low * per_unit + 60 <= y * per_unit <= high * per_unit - 30
    assert figure.to_dict() == before, "the cached figure is shared: never changed"


def test_the_legend_rows_are_counted_as_the_wall_packs_them() -> None:
    from selfdata.ui.figures.network_wall import legend_rows

    assert legend_rows([], 1100) == 0
    assert legend_rows(["a"], 1100) == 1
    assert legend_rows(["x" * 30] * 2, 1100) == 1  # two items of 410 px
    assert legend_rows(["x" * 30] * 3, 1100) == 2
    assert legend_rows(["x" * 30] * 3, 550) == 3


def test_a_projected_network_too_large_for_names_keeps_its_kinds_in_the_legend(
    decks: Decks,
) -> None:
    from bench.engines import synthetic_network
    from selfdata.ui.figures.network_wall import network_on_wall
    from selfdata.ui.figures.ready import ready

    graph = build_network(synthetic_network(80, random.Random(3)), None, decks)
    wall = network_on_wall(ready(network_figure(graph, large=True))).to_dict()
    roles = {tr["meta"]["role"] for tr in wall["data"] if tr.get("showlegend") is not False}
    assert "actor" in roles


@pytest.mark.parametrize(
    ("name", "scenario_id", "taller"),
    [("la_rochelle", "sc_coach_co2", False), ("grand_lyon", "sc_metropole_ttp", True)],
)
def test_a_column_too_tall_for_the_wall_makes_the_chart_taller_not_the_names_overlap(
    name: str, scenario_id: str, taller: bool, decks: Decks
) -> None:
    """Three actors in a column fit the wall's chart above the fold at 720p; four (Grand
    Lyon's trusted-third-party scenario, with a two-line name at the bottom) do not, and
    the chart grows (README, "The projector")."""
    from selfdata.ui.figures.network_wall import network_on_wall
    from selfdata.ui.figures.ready import ready
    from selfdata.ui.figures.wall import WALL_CHART_PX

    graph = network_of(name, scenario_id, decks)
    figure = ready(network_figure(graph, "fr", diagnostics=diagnose(graph), large=True))
    height = network_on_wall(figure).to_dict()["layout"]["height"]
    assert (height > WALL_CHART_PX) is taller, height
