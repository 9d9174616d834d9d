"""Figures as pure functions: a domain object in, a ``plotly.graph_objects.Figure`` out.

No Streamlit here (the pages cache these by workshop version), no store, no file: the same
input always gives the same figure, so the tests read the traces directly.

Every trace carries ``meta={"role": …}`` so tests and callers can tell them apart:

* network: ``flow`` (one line trace per flow type, in the legend), ``arrow`` (arrow heads),
  ``flow-hover`` (one invisible point in the middle of each flow, for the hover text),
  ``actor`` (one marker trace per actor kind, in the legend) and ``flagged`` (a ring
  around actors a diagnostic points at, in the legend when there is any);
* ranking: ``score``, ``consensus`` and ``rank-probability`` (a heatmap).

Colours follow the Okabe–Ito palette (safe for the common colour-vision deficiencies) and
never carry meaning alone: actor kinds also differ by marker shape, flow types by dash
(tangible flows solid, intangible dashed) and by their legend label. User text (actor
names, flow labels, scenario titles) is escaped, so Plotly's few HTML-like tags in it show
as typed.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from selfdata.cards import TANGIBLE_FLOWS, I18nText
from selfdata.i18n import t
from selfdata.network import FLOW_TYPES, NetworkDiagnostics
from selfdata.ranking import Ranking

# --- palette and styles ----------------------------------------------------------------

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#777777"
INK = "#222222"


@dataclass(frozen=True)
class FlowStyle:
    color: str
    dash: str
    """``solid`` for tangible flows, ``dash`` for intangible ones."""


FLOW_STYLES: dict[str, FlowStyle] = {
    flow_type: FlowStyle(color, "solid" if flow_type in TANGIBLE_FLOWS else "dash")
    for flow_type, color in (
        ("personal_data", OKABE_ITO["vermillion"]),
        ("consent", OKABE_ITO["blue"]),
        ("service", OKABE_ITO["bluish_green"]),
        ("money", OKABE_ITO["orange"]),
        ("insight", OKABE_ITO["reddish_purple"]),
        ("oversight", OKABE_ITO["black"]),
    )
}


@dataclass(frozen=True)
class KindStyle:
    color: str
    symbol: str


KIND_STYLES: dict[str, KindStyle] = {
    "resident": KindStyle(OKABE_ITO["orange"], "star"),
    "data_holder": KindStyle(OKABE_ITO["blue"], "square"),
    "city": KindStyle(OKABE_ITO["bluish_green"], "diamond"),
    "operator": KindStyle(OKABE_ITO["sky_blue"], "hexagon"),
    "intermediary": KindStyle(OKABE_ITO["reddish_purple"], "pentagon"),
    "collective": KindStyle(OKABE_ITO["vermillion"], "triangle-up"),
    "service_provider": KindStyle(OKABE_ITO["yellow"], "circle"),
    "researcher": KindStyle(OKABE_ITO["sky_blue"], "triangle-down"),
    "mediator": KindStyle(OKABE_ITO["bluish_green"], "hourglass"),
    "regulator": KindStyle(OKABE_ITO["black"], "cross"),
    "other": KindStyle(GREY, "circle-dot"),
}
FLAG_KINDS = ("unconsented", "leaves_control", "takes_without_giving", "single_point")
"""Findings whose actors get a ring on the figure."""
LABELS_UP_TO = 60
"""Above this many actors, names show on hover only (the figure stays legible)."""
SEQUENTIAL_SCALE = "Cividis"
"""Perceptually uniform and readable with colour-vision deficiencies."""


@dataclass(frozen=True)
class Scale:
    """Sizes for a laptop or tablet screen, or for a projector seen from the back."""

    font: int
    node: int
    arrow: int
    line: float
    row: int
    """Figure height per row of actors or scenarios, in pixels."""

    @classmethod
    def of(cls, large: bool) -> Scale:
        return cls(22, 34, 18, 3.5, 86) if large else cls(13, 22, 12, 2.2, 60)


def _floats(values: Iterable[float]) -> NDArray[np.float64]:
    """Numbers as a numpy array: plotly validates (and unpickles) arrays far faster than
    lists, which matters for a 300-actor network; ``nan`` breaks a line like ``None``."""
    return np.fromiter(values, dtype=np.float64)


def plain(text: str, width: int = 0) -> str:
    """User text for a Plotly label: HTML-escaped, optionally wrapped on ``<br>``."""
    escaped = [html.escape(line, quote=False) for line in _wrap(text, width)]
    return "<br>".join(escaped)


def _wrap(text: str, width: int) -> list[str]:
    text = " ".join(text.split())
    if width <= 0 or len(text) <= width:
        return [text]
    lines = textwrap.wrap(text, width, break_long_words=True)
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2][: width - 1] + "…"]


def flow_name(flow_type: str, lang: str) -> str:
    kind = "network.tangible" if flow_type in TANGIBLE_FLOWS else "network.intangible"
    return f"{t(f'network.flow.{flow_type}', lang)} ({t(kind, lang)})"


def kind_name(kind: str | None, lang: str) -> str:
    return t(f"network.kind.{kind if kind in KIND_STYLES else 'other'}", lang)


# --- value network ---------------------------------------------------------------------


def _node_label(graph: nx.MultiDiGraph, node: str, lang: str) -> str:
    label = graph.nodes[node].get("label")
    return label.get(lang) if isinstance(label, I18nText) else str(node)


def _counts(graph: nx.MultiDiGraph, node: str) -> tuple[dict[str, int], dict[str, int]]:
    gives = {f: 0 for f in FLOW_TYPES}
    gets = {f: 0 for f in FLOW_TYPES}
    for _, _, flow_type in graph.out_edges(node, data="type"):
        gives[flow_type] = gives.get(flow_type, 0) + 1
    for _, _, flow_type in graph.in_edges(node, data="type"):
        gets[flow_type] = gets.get(flow_type, 0) + 1
    return gives, gets


def count_text(counts: Mapping[str, int], lang: str) -> str:
    """``{"service": 2, "money": 1}`` → ``"Service ×2, Money ×1"`` (``nothing`` if empty)."""
    parts = [
        f"{t(f'network.flow.{f}', lang)} ×{n}" if n > 1 else t(f"network.flow.{f}", lang)
        for f, n in counts.items()
        if n > 0
    ]
    return ", ".join(parts) or t("network.nothing", lang)


def flagged_actors(diagnostics: NetworkDiagnostics | None) -> tuple[str, ...]:
    """Actors a diagnostic points at (unconsented data, data leaving the resident's
    control, taking without giving, single point of control), in finding order."""
    if diagnostics is None:
        return ()
    seen: dict[str, None] = {}
    for finding in diagnostics.findings:
        if finding.kind in FLAG_KINDS:
            seen.update(dict.fromkeys(finding.actors))
    return tuple(seen)


def _edge_geometry(
    positions: Mapping[str, tuple[float, float]],
    edges: Sequence[tuple[str, str, str]],
    px_per_x: float,
    px_per_y: float,
    node_px: float,
) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Start and end point of each flow: parallel flows between the same two actors are
    spread apart, and each flow stops short of its target so its arrow head shows."""
    by_pair: dict[tuple[str, str], list[str]] = {}
    ends: dict[str, tuple[str, str]] = {}
    for u, v, key in edges:
        by_pair.setdefault((min(u, v), max(u, v)), []).append(key)
        ends[key] = (u, v)
    out: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
    gap_px = node_px * 0.45
    for (a, b), keys in by_pair.items():
        (ax, ay), (bx, by) = positions[a], positions[b]
        # work in pixels so that offsets and shortening look the same in both directions
        dx, dy = (bx - ax) * px_per_x, (by - ay) * px_per_y
        length = math.hypot(dx, dy) or 1.0
        nx_, ny_ = -dy / length, dx / length  # unit normal of a → b
        for i, key in enumerate(keys):
            offset = (i - (len(keys) - 1) / 2) * gap_px
            u, v = ends[key]
            (sx, sy), (tx, ty) = positions[u], positions[v]
            ux, uy = (tx - sx) * px_per_x / length, (ty - sy) * px_per_y / length
            trim = min(node_px * 0.75, length * 0.35)
            start = (
                sx + (nx_ * offset + ux * trim * 0.5) / px_per_x,
                sy + (ny_ * offset + uy * trim * 0.5) / px_per_y,
            )
            end = (
                tx + (nx_ * offset - ux * trim) / px_per_x,
                ty + (ny_ * offset - uy * trim) / px_per_y,
            )
            out[key] = (start, end)
    return out


def network_figure(
    graph: nx.MultiDiGraph,
    lang: str = "fr",
    *,
    positions: Mapping[str, tuple[float, float]] | None = None,
    diagnostics: NetworkDiagnostics | None = None,
    large: bool = False,
    title: str | None = None,
) -> go.Figure:
    """The value network: actors as labelled markers by kind, flows as arrows by type.

    ``positions`` default to :func:`selfdata.network.layout`; ``diagnostics`` (from
    :func:`selfdata.network.diagnose`) put a ring around the actors its findings name;
    ``large`` sizes everything for a projector. The legend lists the flow types and actor
    kinds present, and the ring when there is one.
    """
    from selfdata.network import layout

    scale = Scale.of(large)
    pos = dict(positions) if positions is not None else layout(graph)
    nodes = list(graph.nodes)
    per_column = Counter(x for x, _ in pos.values())
    rows = max(per_column.values(), default=1)
    columns = len(per_column) or 1
    plot_px = int(min(2200, max(360, scale.row * rows)))
    width_px, height_px = 900.0, float(plot_px)
    px_per_x = width_px / max(columns - 1, 1) if columns > 1 else width_px
    px_per_y = height_px / max(rows - 1, 1) if rows > 1 else height_px
    edges = [(u, v, str(k)) for u, v, k in graph.edges(keys=True)]
    geometry = _edge_geometry(pos, edges, px_per_x, px_per_y, scale.node)
    data = graph.edges(keys=True, data=True)
    by_type: dict[str, list[tuple[str, str, str, Any]]] = {}
    for u, v, key, attrs in data:
        by_type.setdefault(str(attrs.get("type")), []).append((u, v, str(key), attrs))

    traces: list[go.BaseTraceType] = []
    ordered_types = [f for f in FLOW_TYPES if f in by_type] + sorted(
        f for f in by_type if f not in FLOW_TYPES
    )
    for flow_type in ordered_types:
        style = FLOW_STYLES.get(flow_type, FlowStyle(GREY, "dot"))
        name = flow_name(flow_type, lang) if flow_type in FLOW_TYPES else flow_type
        lx: list[float] = []
        ly: list[float] = []
        ax: list[float] = []
        ay: list[float] = []
        sizes: list[int] = []
        mx: list[float] = []
        my: list[float] = []
        hover: list[str] = []
        for u, v, key, attrs in by_type[flow_type]:
            (x0, y0), (x1, y1) = geometry[key]
            lx += [x0, x1, math.nan]
            ly += [y0, y1, math.nan]
            # arrow head: a point just before the tip gives the direction (angleref)
            ax += [x0 + (x1 - x0) * 0.9, x1]
            ay += [y0 + (y1 - y0) * 0.9, y1]
            sizes += [0, scale.arrow]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            label = attrs.get("label")
            text = label.get(lang) if isinstance(label, I18nText) else ""
            hover.append(
                f"<b>{plain(_node_label(graph, u, lang))} → "
                f"{plain(_node_label(graph, v, lang))}</b><br>{html.escape(name)}"
                + (f"<br>{plain(text, 48)}" if text else "")
            )
        group = f"flow:{flow_type}"
        traces.append(
            go.Scatter(
                x=_floats(lx),
                y=_floats(ly),
                mode="lines",
                name=name,
                legendgroup=group,
                line={"color": style.color, "width": scale.line, "dash": style.dash},
                hoverinfo="skip",
                meta={"role": "flow", "type": flow_type, "flows": len(by_type[flow_type])},
            )
        )
        traces.append(
            go.Scatter(
                x=_floats(ax),
                y=_floats(ay),
                mode="markers",
                legendgroup=group,
                showlegend=False,
                marker={
                    "symbol": "arrow",
                    "angleref": "previous",
                    "size": np.asarray(sizes, dtype=np.int64),
                    "color": style.color,
                    "line": {"width": 0},
                },
                hoverinfo="skip",
                meta={"role": "arrow", "type": flow_type},
            )
        )
        traces.append(
            go.Scatter(
                x=_floats(mx),
                y=_floats(my),
                mode="markers",
                legendgroup=group,
                showlegend=False,
                marker={"size": scale.arrow, "color": style.color, "opacity": 0.0},
                hovertext=hover,
                hoverinfo="text",
                meta={"role": "flow-hover", "type": flow_type},
            )
        )

    show_labels = len(nodes) <= LABELS_UP_TO
    kinds: dict[str, list[str]] = {}
    for node in nodes:
        kind = graph.nodes[node].get("kind")
        kinds.setdefault(kind if kind in KIND_STYLES else "other", []).append(node)
    for kind in [k for k in KIND_STYLES if k in kinds]:
        kind_style = KIND_STYLES[kind]
        members = kinds[kind]
        hover = []
        for node in members:
            gives, gets = _counts(graph, node)
            colon = " :" if lang == "fr" else ":"
            hover.append(
                f"<b>{plain(_node_label(graph, node, lang), 40)}</b><br>"
                f"{html.escape(kind_name(kind, lang))}<br>"
                f"{t('network.hover.gives', lang)}{colon} {count_text(gives, lang)}<br>"
                f"{t('network.hover.gets', lang)}{colon} {count_text(gets, lang)}"
            )
        traces.append(
            go.Scatter(
                x=_floats(pos[n][0] for n in members),
                y=_floats(pos[n][1] for n in members),
                mode="markers+text" if show_labels else "markers",
                name=kind_name(kind, lang),
                legendgroup=f"kind:{kind}",
                text=[plain(_node_label(graph, n, lang), 22) for n in members],
                textposition="bottom center",
                textfont={"size": scale.font, "color": INK},
                marker={
                    "symbol": kind_style.symbol,
                    "size": scale.node,
                    "color": kind_style.color,
                    "line": {"color": INK, "width": 1.5},
                },
                hovertext=hover,
                hoverinfo="text",
                customdata=members,
                meta={"role": "actor", "kind": kind, "actors": members},
            )
        )

    flagged = [n for n in flagged_actors(diagnostics) if n in pos]
    if flagged:
        traces.append(
            go.Scatter(
                x=[pos[n][0] for n in flagged],
                y=[pos[n][1] for n in flagged],
                mode="markers",
                name=t("network.flagged", lang),
                marker={
                    "symbol": "circle-open",
                    "size": scale.node * 1.9,
                    "color": OKABE_ITO["vermillion"],
                    "line": {"width": 3 if not large else 4},
                },
                hoverinfo="skip",
                customdata=flagged,
                meta={"role": "flagged", "actors": flagged},
            )
        )

    # the legend sits under the plot, in rows of three (two on the projector)
    entries = sum(1 for tr in traces if tr.showlegend is not False)
    legend_px = int(math.ceil(entries / (2 if large else 3)) * scale.font * 2.1) + 10
    top = 50 if title else 10
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    # the layout goes in with the traces: ``update_layout`` afterwards costs ~10× more
    figure_layout: dict[str, Any] = dict(
        height=plot_px + legend_px + top,
        margin={"l": 10, "r": 10, "t": top, "b": legend_px},
        title={"text": plain(title, 80)} if title else None,
        font={"size": scale.font},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=True,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "x": 0,
            "font": {"size": scale.font},
            "itemsizing": "constant",
        },
        hoverlabel={"font": {"size": scale.font}},
        xaxis={
            "visible": False,
            "range": [min(xs) - 0.45, max(xs) + 0.45],
            "fixedrange": False,
        },
        yaxis={"visible": False, "range": [min(ys) - 0.8, max(ys) + 0.5]},
        annotations=[]
        if nodes
        else [
            {
                "text": t("network.empty", lang),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
            }
        ],
    )
    return go.Figure(traces, layout=figure_layout)


@dataclass(frozen=True)
class BalanceRow:
    """One actor's line of the gives/gets table."""

    actor: str
    name: str
    kind: str
    gives: str
    gets: str
    flag: str


def balance_rows(
    graph: nx.MultiDiGraph, diagnostics: NetworkDiagnostics, lang: str = "fr"
) -> list[BalanceRow]:
    """The per-actor balance as table rows, in network order (names as typed: render them
    as text)."""
    out = []
    for balance in diagnostics.balances:
        flags = []
        if balance.takes_without_giving:
            flags.append(t("network.flag.takes", lang))
        if balance.gives_without_getting:
            flags.append(t("network.flag.gives", lang))
        out.append(
            BalanceRow(
                actor=balance.actor,
                name=_node_label(graph, balance.actor, lang),
                kind=kind_name(graph.nodes[balance.actor].get("kind"), lang),
                gives=count_text(balance.gives, lang),
                gets=count_text(balance.gets, lang),
                flag="; ".join(flags),
            )
        )
    return out


# --- ranking ---------------------------------------------------------------------------


def _short(label: str, width: int) -> str:
    """One escaped line, clipped with an ellipsis (heatmap rows stay one line high)."""
    text = " ".join(label.split())
    return html.escape(text if len(text) <= width else text[: width - 1] + "…", quote=False)


def scenario_labels(ranking: Ranking) -> list[str]:
    """``"1. Title"`` for each scenario, best first: unique even when titles repeat."""
    return [f"{s.rank}. {s.title}" for s in ranking.scenarios]


def _bar_layout(n: int, scale: Scale, title: str, x_title: str, lines: int = 1) -> dict[str, Any]:
    """The bar charts' layout, given to ``go.Figure`` with the trace (``update_layout``
    afterwards costs ~10× more: bench/figures.py)."""
    row = lines * scale.font * 1.3 + 12
    return dict(
        height=int(min(2400, max(260, n * row + 140))),
        margin={"l": 10, "r": 30, "t": 50, "b": 40},
        title={"text": html.escape(title), "font": {"size": scale.font + 2}},
        font={"size": scale.font},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        bargap=0.25,
        xaxis={
            "range": [0, 1.08 if scale.font < 20 else 1.25],
            "title": {"text": html.escape(x_title), "font": {"size": scale.font}},
            "tickfont": {"size": scale.font},
            "gridcolor": "#DDD",
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": scale.font}},
    )


def ranking_figure(ranking: Ranking, lang: str = "fr", *, large: bool = False) -> go.Figure:
    """Scores as horizontal bars, best on top; the winner in orange, the others in blue.
    Consensus and missing cells show on hover."""
    scale = Scale.of(large)
    labels = scenario_labels(ranking)
    names = [plain(label, 40 if not large else 30) for label in labels]
    hover = []
    for s in ranking.scenarios:
        consensus = "—" if s.consensus is None else f"{s.consensus:.2f}"
        hover.append(
            f"<b>{plain(s.title, 48)}</b><br>{t('scenarios.score', lang)} {s.score:.3f}"
            f"<br>{t('scenarios.consensus', lang)} {consensus}"
        )
    bar = go.Bar(
        x=_floats(s.score for s in ranking.scenarios),
        y=names,
        orientation="h",
        marker={
            "color": [
                OKABE_ITO["orange"] if i == 0 else OKABE_ITO["blue"] for i in range(len(labels))
            ],
            "line": {"color": INK, "width": 1},
        },
        text=[f"{s.score:.2f}" for s in ranking.scenarios],
        textposition="outside",
        textfont={"size": scale.font},
        hovertext=hover,
        hoverinfo="text",
        customdata=[s.scenario for s in ranking.scenarios],
        meta={"role": "score", "method": ranking.method},
    )
    method = t(f"scenarios.method.{ranking.method}", lang)
    layout = _bar_layout(
        len(labels),
        scale,
        f"{t('scenarios.results', lang)} · {method}",
        t("scenarios.score", lang),
        lines=max((name.count("<br>") + 1 for name in names), default=1),
    )
    return go.Figure(bar, layout=layout)


def consensus_figure(ranking: Ranking, lang: str = "fr", *, large: bool = False) -> go.Figure:
    """Consensus per scenario (0 split room … 1 unanimous), in ranking order; a scenario
    without two ratings on any criterion shows an empty bar marked ``—``."""
    scale = Scale.of(large)
    values = [s.consensus for s in ranking.scenarios]
    bar = go.Bar(
        x=_floats(0.0 if v is None else v for v in values),
        # rank numbers only: the figure sits beside the ranking, which names them
        y=[f"{s.rank}." for s in ranking.scenarios],
        orientation="h",
        marker={"color": OKABE_ITO["bluish_green"], "line": {"color": INK, "width": 1}},
        text=["—" if v is None else f"{v:.2f}" for v in values],
        textposition="outside",
        textfont={"size": scale.font},
        hovertext=[plain(s.title, 48) for s in ranking.scenarios],
        hoverinfo="text",
        customdata=[s.scenario for s in ranking.scenarios],
        meta={"role": "consensus"},
    )
    layout = _bar_layout(
        len(values),
        scale,
        t("scenarios.consensus", lang),
        t("scenarios.consensus", lang),
    )
    return go.Figure(bar, layout=layout)


def rank_probability_figure(
    ranking: Ranking, lang: str = "fr", *, large: bool = False
) -> go.Figure:
    """Heatmap of the sensitivity analysis: for each scenario (rows, group order), the
    probability of each rank (columns) under randomly varied weights."""
    scale = Scale.of(large)
    n = len(ranking.scenarios)
    probabilities = ranking.sensitivity.rank_probabilities
    z = [list(probabilities.get(s.scenario, (0.0,) * n))[:n] for s in ranking.scenarios]
    ranks = [
        t("scenarios.rank_1", lang) if r == 1 else t("scenarios.rank_n", lang, n=r)
        for r in range(1, n + 1)
    ]
    heat = go.Heatmap(
        z=np.asarray(z, dtype=np.float64).reshape(n, n),
        x=ranks,
        y=[_short(label, 34 if not large else 22) for label in scenario_labels(ranking)],
        zmin=0.0,
        zmax=1.0,
        colorscale=SEQUENTIAL_SCALE,
        colorbar={"tickformat": ".0%", "thickness": 14},
        hovertemplate="%{y}<br>%{x}: %{z:.0%}<extra></extra>",
        meta={"role": "rank-probability", "scenarios": [s.scenario for s in ranking.scenarios]},
    )
    if n <= (5 if large else 12):
        heat.update(texttemplate="%{z:.0%}", textfont={"size": int(scale.font * 0.8)})
    layout = dict(
        height=int(min(2400, max(300, 26 * n * (scale.font / 13) + 190))),
        margin={"l": 10, "r": 10, "t": 50 + 2 * scale.font + 20, "b": 20},
        title={
            "text": html.escape(t("scenarios.heatmap", lang)),
            "y": 0.995,
            "yanchor": "top",
            "font": {"size": scale.font + 2},
        },
        font={"size": scale.font},
        paper_bgcolor="white",
        xaxis={
            "title": {"text": html.escape(t("scenarios.rank", lang)), "font": {"size": scale.font}},
            "side": "top",
            "tickfont": {"size": scale.font},
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": scale.font}},
    )
    return go.Figure(heat, layout=layout)


def legend_names(fig: go.Figure) -> list[str]:
    """Names of the traces shown in the legend, in order (used by tests and the pages)."""
    return [
        str(trace.name)
        for trace in fig.data
        if trace.showlegend is not False and trace.name is not None
    ]


def traces_with(fig: go.Figure, role: str) -> list[Any]:
    """The figure's traces whose ``meta["role"]`` is ``role``."""
    return [tr for tr in fig.data if isinstance(tr.meta, dict) and tr.meta.get("role") == role]


def roles(fig: go.Figure) -> Iterable[str]:
    return (tr.meta.get("role", "") for tr in fig.data if isinstance(tr.meta, dict))
