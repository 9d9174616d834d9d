"""The value network on screen: actors as labelled markers by kind, flows as arrows by
type, and the per-actor gives/gets table. (On paper: :mod:`selfdata.export.network_drawing`,
same palette.)

Every trace carries ``meta={"role": …}``: ``flow`` (one line trace per flow type, in the
legend), ``arrow`` (arrow heads), ``flow-hover`` (one invisible point in the middle of each
flow, for the hover text), ``actor`` (one marker trace per actor kind, in the legend) and
``flagged`` (a ring around actors a diagnostic points at, in the legend when there is any).

Colours come from the one palette shared with the PDFs (:mod:`selfdata.domain.palette`:
Okabe–Ito, safe for the common colour-vision deficiencies, and three documented additions)
and never carry meaning alone: actor kinds also differ by marker shape, flow types by their
stroke (width and dash, as on paper: ``palette.FLOW_STROKES``) and by their legend label.
Actor names and flow labels are escaped, so Plotly's few HTML-like tags in them show as typed.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.cards import TANGIBLE_FLOWS, I18nText
from selfdata.engines.network import FLOW_TYPES, IMBALANCE_KINDS, NetworkDiagnostics, imbalances
from selfdata.i18n import t
from selfdata.ui.figures.common import INK, Scale, floats, plain


@dataclass(frozen=True)
class FlowStyle:
    color: str
    dash: str
    """The flow type's dash pattern (:data:`selfdata.domain.palette.FLOW_STROKES`)."""
    width: float = 1.0
    """The line's width relative to the figure's ordinary line width."""


FLOW_STYLES: dict[str, FlowStyle] = {
    flow_type: FlowStyle(
        color,
        palette.flow_stroke(flow_type).plotly_dash,
        palette.flow_stroke(flow_type).width / 0.45,
    )
    for flow_type, color in palette.FLOW_COLOURS.items()
}

KIND_STYLES: dict[str, palette.KindStyle] = palette.KIND_STYLES
FLAG_KINDS = IMBALANCE_KINDS
"""Findings whose actors get a ring on the figure."""
LABELS_UP_TO = 60
"""Above this many actors, names show on hover only (the figure stays legible)."""


def flow_name(flow_type: str, lang: str) -> str:
    kind = "network.tangible" if flow_type in TANGIBLE_FLOWS else "network.intangible"
    return f"{t(f'network.flow.{flow_type}', lang)} ({t(kind, lang)})"


def kind_name(kind: str | None, lang: str) -> str:
    return t(f"network.kind.{kind if kind in KIND_STYLES else 'other'}", lang)


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


@dataclass(frozen=True)
class _Canvas:
    """Where the figure draws: the actors' places, the plot's height and the pixels of a
    unit along each axis (flows are spread and shortened in pixels)."""

    large: bool
    scale: Scale
    pos: dict[str, tuple[float, float]]
    plot_px: int
    px_per_x: float
    px_per_y: float


def _canvas(
    graph: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]] | None, large: bool
) -> _Canvas:
    from selfdata.engines.network import layout

    scale = Scale.of(large)
    pos = dict(positions) if positions is not None else layout(graph)
    per_column = Counter(x for x, _ in pos.values())
    rows = max(per_column.values(), default=1)
    columns = len(per_column) or 1
    plot_px = int(min(2200, max(360, scale.row * rows)))
    width_px, height_px = 900.0, float(plot_px)
    px_per_x = width_px / max(columns - 1, 1) if columns > 1 else width_px
    px_per_y = height_px / max(rows - 1, 1) if rows > 1 else height_px
    return _Canvas(large, scale, pos, plot_px, px_per_x, px_per_y)


Flow = tuple[str, str, str, Any]
"""(source, target, key, attributes) of a flow."""


def _flows_by_type(graph: nx.MultiDiGraph) -> dict[str, list[Flow]]:
    """The flows by type: the known types in their order, then the unknown ones by name."""
    by_type: dict[str, list[Flow]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        by_type.setdefault(str(attrs.get("type")), []).append((u, v, str(key), attrs))
    ordered = [f for f in FLOW_TYPES if f in by_type] + sorted(
        f for f in by_type if f not in FLOW_TYPES
    )
    return {f: by_type[f] for f in ordered}


@dataclass
class _FlowPoints:
    """The points of one flow type's three traces: lines, arrow heads, hover points."""

    lx: list[float] = field(default_factory=list)
    ly: list[float] = field(default_factory=list)
    ax: list[float] = field(default_factory=list)
    ay: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    mx: list[float] = field(default_factory=list)
    my: list[float] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)

    def add(self, start: tuple[float, float], end: tuple[float, float], arrow: int) -> None:
        (x0, y0), (x1, y1) = start, end
        self.lx += [x0, x1, math.nan]
        self.ly += [y0, y1, math.nan]
        # arrow head: a point just before the tip gives the direction (angleref)
        self.ax += [x0 + (x1 - x0) * 0.9, x1]
        self.ay += [y0 + (y1 - y0) * 0.9, y1]
        self.sizes += [0, arrow]
        self.mx.append((x0 + x1) / 2)
        self.my.append((y0 + y1) / 2)


def _flow_hover(graph: nx.MultiDiGraph, flow: Flow, name: str, lang: str) -> str:
    u, v, _, attrs = flow
    label = attrs.get("label")
    text = label.get(lang) if isinstance(label, I18nText) else ""
    return (
        f"<b>{plain(_node_label(graph, u, lang))} → "
        f"{plain(_node_label(graph, v, lang))}</b><br>{html.escape(name)}"
        + (f"<br>{plain(text, 48)}" if text else "")
    )


def _flow_traces(
    graph: nx.MultiDiGraph,
    flow_type: str,
    flows: Sequence[Flow],
    geometry: Mapping[str, tuple[tuple[float, float], tuple[float, float]]],
    scale: Scale,
    lang: str,
) -> list[go.Scatter]:
    """One flow type's lines (in the legend), arrow heads and invisible hover points."""
    style = FLOW_STYLES.get(flow_type, FlowStyle(palette.flow_colour(flow_type), "dot"))
    name = flow_name(flow_type, lang) if flow_type in FLOW_TYPES else flow_type
    points = _FlowPoints()
    for flow in flows:
        points.add(*geometry[flow[2]], scale.arrow)
        points.hover.append(_flow_hover(graph, flow, name, lang))
    group = f"flow:{flow_type}"
    line = {"color": style.color, "width": round(scale.line * style.width, 2), "dash": style.dash}
    arrow = {
        "symbol": "arrow",
        "angleref": "previous",
        "size": np.asarray(points.sizes, dtype=np.int64),
        "color": style.color,
        "line": {"width": 0},
    }
    return [
        go.Scatter(
            x=floats(points.lx),
            y=floats(points.ly),
            mode="lines",
            name=name,
            legendgroup=group,
            line=line,
            hoverinfo="skip",
            meta={"role": "flow", "type": flow_type, "flows": len(flows)},
        ),
        go.Scatter(
            x=floats(points.ax),
            y=floats(points.ay),
            mode="markers",
            legendgroup=group,
            showlegend=False,
            marker=arrow,
            hoverinfo="skip",
            meta={"role": "arrow", "type": flow_type},
        ),
        go.Scatter(
            x=floats(points.mx),
            y=floats(points.my),
            mode="markers",
            legendgroup=group,
            showlegend=False,
            marker={"size": scale.arrow, "color": style.color, "opacity": 0.0},
            hovertext=points.hover,
            hoverinfo="text",
            meta={"role": "flow-hover", "type": flow_type},
        ),
    ]


def _label_places(nodes: Sequence[str], pos: Mapping[str, tuple[float, float]]) -> dict[str, str]:
    """The first actor of a column has its name above it: below, the flows to the actors
    under it would run through the name (the others: below, the default)."""
    tops: dict[float, float] = {}
    for x, y in pos.values():
        tops[x] = max(y, tops.get(x, y))
    return {n: "top center" for n in nodes if n in pos and pos[n][1] == tops[pos[n][0]]}


def _actor_hover(graph: nx.MultiDiGraph, node: str, kind: str, lang: str) -> str:
    gives, gets = _counts(graph, node)
    colon = "\u202f:" if lang == "fr" else ":"
    return (
        f"<b>{plain(_node_label(graph, node, lang), 40)}</b><br>"
        f"{html.escape(kind_name(kind, lang))}<br>"
        f"{t('network.hover.gives', lang)}{colon} {count_text(gives, lang)}<br>"
        f"{t('network.hover.gets', lang)}{colon} {count_text(gets, lang)}"
    )


def _actor_traces(graph: nx.MultiDiGraph, canvas: _Canvas, lang: str) -> list[go.Scatter]:
    """One marker trace per actor kind present, in the palette's order."""
    nodes, pos, scale = list(graph.nodes), canvas.pos, canvas.scale
    show_labels = len(nodes) <= LABELS_UP_TO
    label_above = _label_places(nodes, pos)
    kinds: dict[str, list[str]] = {}
    for node in nodes:
        kinds.setdefault(palette.kind_key(graph.nodes[node].get("kind")), []).append(node)
    traces = []
    for kind in [k for k in KIND_STYLES if k in kinds]:
        kind_style, members = KIND_STYLES[kind], kinds[kind]
        traces.append(
            go.Scatter(
                x=floats(pos[n][0] for n in members),
                y=floats(pos[n][1] for n in members),
                mode="markers+text" if show_labels else "markers",
                name=kind_name(kind, lang),
                legendgroup=f"kind:{kind}",
                text=[plain(_node_label(graph, n, lang), 22) for n in members],
                textposition=[label_above.get(n, "bottom center") for n in members],
                textfont={"size": scale.font, "color": INK},
                marker={
                    "symbol": kind_style.symbol,
                    "size": scale.node,
                    "color": kind_style.colour,
                    "line": {"color": INK, "width": 1.5},
                },
                hovertext=[_actor_hover(graph, n, kind, lang) for n in members],
                hoverinfo="text",
                customdata=members,
                meta={
                    "role": "actor",
                    "kind": kind,
                    "actors": members,
                    "names": [_node_label(graph, n, lang) for n in members],
                },
            )
        )
    return traces


def _flag_trace(
    diagnostics: NetworkDiagnostics | None, canvas: _Canvas, lang: str
) -> go.Scatter | None:
    """The ring around the actors a diagnostic points at (None: there is none)."""
    pos = canvas.pos
    flagged = [n for n in flagged_actors(diagnostics) if n in pos]
    if not flagged:
        return None
    return go.Scatter(
        x=[pos[n][0] for n in flagged],
        y=[pos[n][1] for n in flagged],
        mode="markers",
        name=t("network.flagged", lang),
        marker={
            "symbol": "circle-open",
            "size": canvas.scale.node * 1.9,
            "color": palette.FLAG,
            "line": {"width": 3 if not canvas.large else 4},
        },
        hoverinfo="skip",
        customdata=flagged,
        meta={"role": "flagged", "actors": flagged},
    )


def _network_layout(
    traces: Sequence[go.Scatter], canvas: _Canvas, empty: bool, title: str | None, lang: str
) -> dict[str, Any]:
    """The figure's layout: the legend under the plot, in rows of three (two on the
    projector), the axes hidden around the actors, a note when there is no actor."""
    scale, pos = canvas.scale, canvas.pos
    entries = sum(1 for tr in traces if tr.showlegend is not False)
    legend_px = int(math.ceil(entries / (2 if canvas.large else 3)) * scale.font * 2.1) + 10
    top = 50 if title else 10
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    empty_note = {"text": t("network.empty", lang), "showarrow": False, "xref": "paper"}
    empty_note |= {"yref": "paper", "x": 0.5, "y": 0.5}
    return dict(
        height=canvas.plot_px + legend_px + top,
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
        xaxis={"visible": False, "range": [min(xs) - 0.45, max(xs) + 0.45], "fixedrange": False},
        yaxis={"visible": False, "range": [min(ys) - 0.8, max(ys) + 0.8]},
        annotations=[empty_note] if empty else [],
    )


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

    ``positions`` default to :func:`selfdata.engines.network.layout`; ``diagnostics`` (from
    :func:`selfdata.engines.network.diagnose`) put a ring around the actors its findings name;
    ``large`` sizes everything for a projector. The legend lists the flow types and actor
    kinds present, and the ring when there is one.
    """
    canvas = _canvas(graph, positions, large)
    edges = [(u, v, str(k)) for u, v, k in graph.edges(keys=True)]
    geometry = _edge_geometry(
        canvas.pos, edges, canvas.px_per_x, canvas.px_per_y, canvas.scale.node
    )
    traces: list[go.Scatter] = []
    for flow_type, flows in _flows_by_type(graph).items():
        traces += _flow_traces(graph, flow_type, flows, geometry, canvas.scale, lang)
    traces += _actor_traces(graph, canvas, lang)
    ring = _flag_trace(diagnostics, canvas, lang)
    if ring is not None:
        traces.append(ring)
    # the layout goes in with the traces: ``update_layout`` afterwards costs ~10× more
    layout = _network_layout(traces, canvas, not graph.nodes, title, lang)
    return go.Figure(traces, layout=layout)


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
    flagged = imbalances(diagnostics)
    for balance in diagnostics.balances:
        flags = [t(f"network.flag.{kind}", lang) for kind in flagged.get(balance.actor, ())]
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
