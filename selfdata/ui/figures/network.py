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
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.cards import TANGIBLE_FLOWS, I18nText
from selfdata.engines.network import FLOW_TYPES, IMBALANCE_KINDS, NetworkDiagnostics, imbalances
from selfdata.i18n import t
from selfdata.ui.figures.common import INK, Scale, floats, numbers, plain
from selfdata.ui.figures.ready import ReadyFigure
from selfdata.ui.figures.wall import WALL_CHART_PX, WALL_TEXT_PX, on_wall


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
    from selfdata.engines.network import layout

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
        style = FLOW_STYLES.get(flow_type, FlowStyle(palette.flow_colour(flow_type), "dot"))
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
                x=floats(lx),
                y=floats(ly),
                mode="lines",
                name=name,
                legendgroup=group,
                line={
                    "color": style.color,
                    "width": round(scale.line * style.width, 2),
                    "dash": style.dash,
                },
                hoverinfo="skip",
                meta={"role": "flow", "type": flow_type, "flows": len(by_type[flow_type])},
            )
        )
        traces.append(
            go.Scatter(
                x=floats(ax),
                y=floats(ay),
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
                x=floats(mx),
                y=floats(my),
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
    # the first actor of a column has its name above it: below, the flows to the actors
    # under it would run through the name
    tops: dict[float, float] = {}
    for x, y in pos.values():
        tops[x] = max(y, tops.get(x, y))
    label_above = {n: "top center" for n in nodes if n in pos and pos[n][1] == tops[pos[n][0]]}
    kinds: dict[str, list[str]] = {}
    for node in nodes:
        kind = graph.nodes[node].get("kind")
        kinds.setdefault(palette.kind_key(kind), []).append(node)
    for kind in [k for k in KIND_STYLES if k in kinds]:
        kind_style = KIND_STYLES[kind]
        members = kinds[kind]
        hover = []
        for node in members:
            gives, gets = _counts(graph, node)
            colon = "\u202f:" if lang == "fr" else ":"
            hover.append(
                f"<b>{plain(_node_label(graph, node, lang), 40)}</b><br>"
                f"{html.escape(kind_name(kind, lang))}<br>"
                f"{t('network.hover.gives', lang)}{colon} {count_text(gives, lang)}<br>"
                f"{t('network.hover.gets', lang)}{colon} {count_text(gets, lang)}"
            )
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
                hovertext=hover,
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
                    "color": palette.FLAG,
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
        yaxis={"visible": False, "range": [min(ys) - 0.8, max(ys) + 0.8]},
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


WALL_LEGEND_ROW_PX = round(WALL_TEXT_PX * 1.9)
"""A row of the legend on the wall, in pixels (24 px text and its spacing)."""
WALL_WIDTH_PX = 1100
"""A projected chart's width at 1280×720, the narrowest wall (the main column's width)."""
WALL_LABEL_CHARS = 30
"""Where an actor's name wraps on the wall."""
_WALL_CHAR_PX = 0.5 * WALL_TEXT_PX
"""A character's width at the wall's legend size, rounded up (measured: 0.43 em)."""
_WALL_LINE_PX = 1.32 * WALL_TEXT_PX
"""A line of a name on the wall (measured in Chromium: 63 px for two lines of 24 px)."""
_WALL_OFFSET_PX = 31.0
"""From a marker's centre to its name's nearest edge (34 px markers, measured)."""
_WALL_GAP_PX = 6.0
"""What is left between a name and the next marker."""


def network_on_wall(figure: ReadyFigure, *, side_by_side: bool = False) -> ReadyFigure:
    """The network restyled for the projector (:func:`on_wall`: texts >= 24 px, a chart that
    ends above the fold at 1280×720), its legend and its rows measured again for the wall.

    Read back at 1280×720: the figure reserved its legend's height at the laptop's size, the
    wall's larger text needed more, and the diagram kept a third of the chart while the
    names ran into the actors under them. On the wall, when the actors are named under (or,
    heading a column, above) their markers:

    * the legend keeps what the names do not say (the flow types, the ring), its rows
      counted for the narrowest wall (:data:`WALL_WIDTH_PX`, half of it ``side_by_side``);
    * names wrap at :data:`WALL_LABEL_CHARS` (the columns are wide on a projector);
    * the vertical range leaves each column's first and last names their lines, and the
      rows between get the rest;
    * a column too tall for that in :data:`WALL_CHART_PX` makes the chart taller (it then
      ends below the fold at 720p) rather than print names over markers.
    """
    wall = on_wall(figure, height=None)  # a copy of its own, every text at least 24 px
    spec = wall.to_dict()
    traces = [tr for tr in spec.get("data") or [] if isinstance(tr, dict)]
    actors = [tr for tr in traces if (tr.get("meta") or {}).get("role") == "actor"]
    labelled = bool(actors) and all("text" in str(tr.get("mode", "")) for tr in actors)
    if labelled:
        for trace in actors:
            trace["showlegend"] = False
            names = (trace.get("meta") or {}).get("names")
            if names:
                trace["text"] = [plain(str(name), WALL_LABEL_CHARS) for name in names]
    shown = [str(tr.get("name") or "") for tr in traces if tr.get("showlegend") is not False]
    width = WALL_WIDTH_PX / 2 if side_by_side else WALL_WIDTH_PX
    legend_px = legend_rows(shown, width) * WALL_LEGEND_ROW_PX + 10
    layout = spec.setdefault("layout", {})
    margin = dict(layout.get("margin") or {})
    margin["b"] = legend_px
    layout["margin"] = margin
    top = int(margin.get("t") or 0)
    height = max(WALL_CHART_PX, legend_px + top + WALL_CHART_PX // 2)
    if labelled:
        columns = _columns(actors)
        ends = _ends_px(columns)
        height = max(height, legend_px + top + _rows_px(columns, ends))
        yaxis = dict(layout.get("yaxis") or {})
        yaxis["range"] = _wall_y_range(columns, ends, height - legend_px - top)
        layout["yaxis"] = yaxis
    layout["height"] = height
    return wall


def legend_rows(names: Sequence[str], width: float) -> int:
    """Rows a horizontal legend of ``names`` takes at the wall's size in ``width`` pixels
    (symbol and spacing counted; packed in order, as plotly does)."""
    rows, used = 0, width
    for name in names:
        item = 50 + len(name) * _WALL_CHAR_PX
        if used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _lines(text: Any) -> int:
    return str(text).count("<br>") + 1


Columns = dict[float, list[tuple[float, int, str]]]
"""(y, lines of the name, where the name is) of every actor, by column, top first."""


def _columns(actors: Sequence[dict[str, Any]]) -> Columns:
    """Each actor's place and name, by column (see :data:`Columns`)."""
    columns: Columns = {}
    for trace in actors:
        xs, ys = numbers(trace.get("x")), numbers(trace.get("y"))
        texts = trace.get("text") or [""] * len(xs)
        where = trace.get("textposition") or "bottom center"
        places = where if isinstance(where, list | tuple) else [where] * len(xs)
        for x, y, text, place in zip(xs, ys, texts, places, strict=False):
            columns.setdefault(float(x), []).append((float(y), _lines(text), str(place)))
    for members in columns.values():
        members.sort(reverse=True)  # top first
    return columns


def _rows_px(columns: Columns, ends: tuple[float, float]) -> int:
    """The plot height the wall needs so that no name reaches the next marker."""
    need = 0.0
    for members in columns.values():
        span = members[0][0] - members[-1][0]
        if span <= 0:
            continue
        for (y1, lines1, place1), (y2, lines2, place2) in zip(members, members[1:], strict=False):
            # the upper actor's name below it, or the lower one's above it, fills the gap
            name = _WALL_OFFSET_PX + (lines1 if place1.startswith("bottom") else 0) * _WALL_LINE_PX
            name += (lines2 if place2.startswith("top") else 0) * _WALL_LINE_PX
            per_unit = (name + Scale.of(True).node / 2 + _WALL_GAP_PX) / (y1 - y2)
            need = max(need, per_unit * span)
    top, bottom = ends
    return int(math.ceil(need + top + bottom))


def _ends_px(columns: Columns) -> tuple[float, float]:
    """Room above the highest marker and below the lowest, for their names."""
    top = bottom = Scale.of(True).node / 2 + _WALL_GAP_PX
    for members in columns.values():
        _, lines, place = members[0]
        if place.startswith("top"):
            top = max(top, _WALL_OFFSET_PX + lines * _WALL_LINE_PX + _WALL_GAP_PX)
        _, lines, place = members[-1]
        if place.startswith("bottom"):
            bottom = max(bottom, _WALL_OFFSET_PX + lines * _WALL_LINE_PX + _WALL_GAP_PX)
    return top, bottom


def _wall_y_range(columns: Columns, ends: tuple[float, float], plot_px: float) -> list[float]:
    """The vertical range that gives the names at both ends their pixels, and the rows
    between the rest of ``plot_px``."""
    ys = [y for members in columns.values() for y, _, _ in members]
    low, high = min(ys), max(ys)
    top, bottom = ends
    span = high - low
    per_unit = (plot_px - top - bottom) / span if span > 0 else 0.0
    if per_unit <= 0:  # a single row: the room above and below it shared as the names need
        half = max(plot_px / 2, 1.0)
        return [low - bottom / half, high + top / half]
    return [low - bottom / per_unit, high + top / per_unit]
