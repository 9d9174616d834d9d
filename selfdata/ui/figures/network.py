"""The value network on screen: actors as labelled markers by kind, flows as arrows by
type, and the per-actor gives/gets table. (On paper: :mod:`selfdata.export.network_drawing`,
same palette.)

Every trace carries ``meta={"role": …}``: ``flow`` (one line trace per flow type, in the
legend), ``arrow`` (arrow heads), ``flow-hover`` (one invisible point in the middle of each
flow, for the hover text), ``actor`` (one marker trace per actor kind, in the legend) and
``flagged`` (a ring around actors a diagnostic points at, in the legend when there is any).

Colours come from the one palette shared with the PDFs (:mod:`selfdata.domain.palette`:
Okabe–Ito, safe for the common colour-vision deficiencies, and three documented additions)
and never carry meaning alone: actor kinds also differ by marker shape, flow types by dash
(tangible flows solid, intangible dashed) and by their legend label. Actor names and flow
labels are escaped, so Plotly's few HTML-like tags in them show as typed.
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
from selfdata.engines.network import FLOW_TYPES, NetworkDiagnostics
from selfdata.i18n import t
from selfdata.ui.figures.common import INK, Scale, floats, plain


@dataclass(frozen=True)
class FlowStyle:
    color: str
    dash: str
    """``solid`` for tangible flows, ``dash`` for intangible ones."""


FLOW_STYLES: dict[str, FlowStyle] = {
    flow_type: FlowStyle(color, "solid" if flow_type in TANGIBLE_FLOWS else "dash")
    for flow_type, color in palette.FLOW_COLOURS.items()
}

KIND_STYLES: dict[str, palette.KindStyle] = palette.KIND_STYLES
FLAG_KINDS = ("unconsented", "leaves_control", "takes_without_giving", "single_point")
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
                line={"color": style.color, "width": scale.line, "dash": style.dash},
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
                textposition="bottom center",
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
