"""The value network drawn with PDF vector primitives, in the same layout as on screen.

Actors are boxes (the resident an ellipse) filled with their kind's colour; flows are
arrows coloured by type and drawn each with its own stroke (width and dash pattern,
``palette.FLOW_STROKES``), so the types stay apart when printed in grey. Each arrow carries
a number that refers to the flow table printed under the figure, placed where it overlaps
no other number and no actor, so labels never overlap on paper. The whole drawing is one
tagged Figure whose alternative text says the actors and the flows in words. The colours are the
screen's, from :mod:`selfdata.domain.palette` (``tests/unit/test_palette.py`` compares the
two drawings).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from selfdata.domain import palette
from selfdata.domain.workshop import Scenario
from selfdata.export.facts import Edge, Lookup, Node, network_facts
from selfdata.export.labels import t, vocab
from selfdata.export.pdf_base import (
    FAMILY,
    INK,
    RULE,
    Color,
    ExportPDF,
    clip,
    text_on,
)

FLOW_ORDER: tuple[str, ...] = (
    "personal_data",
    "service",
    "money",
    "consent",
    "insight",
    "oversight",
)


def _stroke(pdf: ExportPDF, flow_type: str) -> None:
    """Set the flow type's line width and dash pattern (inside a ``local_context``)."""
    stroke = palette.flow_stroke(flow_type)
    pdf.set_line_width(stroke.width)
    if stroke.dash:
        lengths = " ".join(f"{length * pdf.k:.2f}" for length in stroke.dash)
        pdf._out(f"0 J [{lengths}] 0 d")  # butt ends: the dashes keep their lengths


def flow_color(flow_type: str) -> Color:
    """A flow type's colour: the screen's (:func:`selfdata.domain.palette.flow_colour`)."""
    return palette.rgb(palette.flow_colour(flow_type))


def kind_color(kind: str | None) -> Color:
    """An actor kind's colour: the screen's (:func:`selfdata.domain.palette.kind_style`)."""
    return palette.rgb(palette.kind_style(kind).colour)


NODE_W, NODE_H = 34.0, 12.0


def _fit(
    nodes: Sequence[Node], x: float, y: float, w: float, h: float
) -> dict[str, tuple[float, float]]:
    """Node centres in mm: the layout stretched to fill the frame."""
    if not nodes:
        return {}
    xs = [n.x for n in nodes]
    ys = [n.y for n in nodes]
    span_x = max(xs) - min(xs)
    span_y = max(ys) - min(ys)
    inner_w = w - NODE_W - 4
    inner_h = h - NODE_H - 4
    # Each axis is scaled on its own, as plotly does on screen.
    scale_x = inner_w / span_x if span_x > 1e-9 else 0.0
    scale_y = inner_h / span_y if span_y > 1e-9 else 0.0
    cx, cy = x + w / 2, y + h / 2
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # Screen layouts put y up (plotly); the page puts y down.
    return {n.id: (cx + (n.x - mx) * scale_x, cy - (n.y - my) * scale_y) for n in nodes}


def _border_point(cx: float, cy: float, dx: float, dy: float, ellipse: bool) -> tuple[float, float]:
    """Where a ray from a node's centre along (dx, dy) leaves the node's outline."""
    hw, hh = NODE_W / 2, NODE_H / 2
    if ellipse:
        k = 1 / math.sqrt((dx / hw) ** 2 + (dy / hh) ** 2)
    else:
        kx = hw / abs(dx) if abs(dx) > 1e-9 else math.inf
        ky = hh / abs(dy) if abs(dy) > 1e-9 else math.inf
        k = min(kx, ky)
    return cx + dx * k, cy + dy * k


def _arrow_head(pdf: ExportPDF, x: float, y: float, ux: float, uy: float, color: Color) -> None:
    size = 2.4
    bx, by = x - ux * size, y - uy * size
    px, py = -uy * size * 0.45, ux * size * 0.45
    with pdf.local_context(fill_color=color, draw_color=color):
        pdf.polygon([(x, y), (bx + px, by + py), (bx - px, by - py)], style="F")


Point = tuple[float, float]


@dataclass(frozen=True)
class Arrow:
    """Where a flow is drawn: from ``points[0]`` to ``points[-1]``, straight, or bent
    through ``control`` (a quadratic curve, sampled in ``points``) to go round an actor it
    would otherwise cross, so that no flow seems to start or end at an actor it passes."""

    edge: Edge
    points: tuple[Point, ...]
    control: Point | None = None


def arrows(
    nodes: Sequence[Node], edges: Sequence[Edge], x: float, y: float, w: float, h: float
) -> list[Arrow]:
    """The arrows of the flows in the frame (``x``, ``y``, ``w``, ``h``) mm."""
    centres = _fit(nodes, x, y, w, h)
    kinds = {n.id: n.kind for n in nodes}
    # Parallel flows between the same two actors are spread apart.
    pair_count: dict[frozenset[str], int] = {}
    for e in edges:
        key = frozenset((e.source, e.target))
        pair_count[key] = pair_count.get(key, 0) + 1
    pair_seen: dict[frozenset[str], int] = {}
    out: list[Arrow] = []
    for e in edges:
        if e.source not in centres or e.target not in centres or e.source == e.target:
            continue
        (x1, y1), (x2, y2) = centres[e.source], centres[e.target]
        length = math.hypot(x2 - x1, y2 - y1)
        if length < 1e-6:
            continue
        key = frozenset((e.source, e.target))
        i = pair_seen.get(key, 0)
        pair_seen[key] = i + 1
        # A consistent normal for the pair, whatever the direction of this flow.
        a, b = sorted((e.source, e.target))
        (ax, ay), (bx, by) = centres[a], centres[b]
        nlen = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / nlen, (bx - ax) / nlen
        offset = (i - (pair_count[key] - 1) / 2) * 3.2
        others = [
            _box(c, 1.5) for node_id, c in centres.items() if node_id not in (e.source, e.target)
        ]
        ends = (kinds.get(e.source) == "resident", kinds.get(e.target) == "resident")
        out.append(_arrow(e, (x1, y1), (x2, y2), (nx, ny), offset, others, ends))
    return out


def _arrow(
    edge: Edge,
    start: Point,
    end: Point,
    normal: Point,
    offset: float,
    others: list[tuple[float, float, float, float]],
    ellipses: tuple[bool, bool],
) -> Arrow:
    """Straight if it crosses no other actor, else bent just enough round them."""
    (x1, y1), (x2, y2), (nx, ny) = start, end, normal
    straight = _straight(start, end, ellipses, (nx * offset, ny * offset))
    if not _crosses(straight, others):
        return Arrow(edge, straight)
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    for bend in (16.0, -16.0, 26.0, -26.0, 38.0, -38.0):
        control = (mx + nx * (bend + offset), my + ny * (bend + offset))
        points = _bent(start, control, end, ellipses)
        if not _crosses(points, others):
            return Arrow(edge, points, control)
    return Arrow(edge, straight)


def _crosses(points: Sequence[Point], boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(_in_box(px, py, box, 0.0) for px, py in points for box in boxes)


def _straight(
    start: Point, end: Point, ellipses: tuple[bool, bool], shift: Point
) -> tuple[Point, ...]:
    """Points along a straight arrow from the source's outline to the target's, shifted."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    sx, sy = _border_point(x1, y1, ux, uy, ellipses[0])
    tx, ty = _border_point(x2, y2, -ux, -uy, ellipses[1])
    sx, sy, tx, ty = sx + shift[0], sy + shift[1], tx + shift[0], ty + shift[1]
    return tuple((sx + (tx - sx) * k / 24, sy + (ty - sy) * k / 24) for k in range(25))


def _bent(
    start: Point, control: Point, end: Point, ellipses: tuple[bool, bool]
) -> tuple[Point, ...]:
    """Points along the quadratic curve through ``control``, outline to outline."""
    (x1, y1), (cx, cy), (x2, y2) = start, control, end
    d1 = math.hypot(cx - x1, cy - y1) or 1.0
    d2 = math.hypot(x2 - cx, y2 - cy) or 1.0
    sx, sy = _border_point(x1, y1, (cx - x1) / d1, (cy - y1) / d1, ellipses[0])
    tx, ty = _border_point(x2, y2, (cx - x2) / d2, (cy - y2) / d2, ellipses[1])
    return tuple(
        (
            (1 - k) ** 2 * sx + 2 * (1 - k) * k * cx + k**2 * tx,
            (1 - k) ** 2 * sy + 2 * (1 - k) * k * cy + k**2 * ty,
        )
        for k in (j / 24 for j in range(25))
    )


def _box(centre: Point, pad: float) -> tuple[float, float, float, float]:
    cx, cy = centre
    return (cx - NODE_W / 2 - pad, cy - NODE_H / 2 - pad, NODE_W + 2 * pad, NODE_H + 2 * pad)


def _draw_arrow(pdf: ExportPDF, arrow: Arrow) -> None:
    points = arrow.points
    (tx, ty), (px, py) = points[-1], points[-2]
    length = math.hypot(tx - px, ty - py) or 1.0
    ux, uy = (tx - px) / length, (ty - py) / length
    color = flow_color(arrow.edge.type)
    with pdf.local_context(draw_color=color):
        _stroke(pdf, arrow.edge.type)
        if arrow.control is None:
            pdf.line(*points[0], tx - ux * 2.0, ty - uy * 2.0)
        else:
            pdf.bezier([points[0], arrow.control, (tx - ux * 2.0, ty - uy * 2.0)])
    _arrow_head(pdf, tx, ty, ux, uy, color)


def draw_network(
    pdf: ExportPDF,
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    x: float,
    y: float,
    w: float,
    h: float,
) -> None:
    """Draw the network in the frame (``x``, ``y``, ``w``, ``h``) mm."""
    centres = _fit(nodes, x, y, w, h)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h, style="D", round_corners=True, corner_radius=2)
    drawn = arrows(nodes, edges, x, y, w, h)
    for arrow in drawn:
        _draw_arrow(pdf, arrow)
    boxes = [_box(c, 0.0) for c in centres.values()]
    for e, (mx, my) in badge_places(drawn, boxes):
        color = flow_color(e.type)
        with pdf.local_context(fill_color=(255, 255, 255), draw_color=color, line_width=0.3):
            pdf.circle(mx, my, BADGE_R, style="DF")
        pdf.set_font(FAMILY, "B", 5.5)
        pdf.set_text_color(*color)
        pdf.set_xy(mx - BADGE_R, my - 1.5)
        pdf.cell(2 * BADGE_R, 3, str(e.number), align="C")

    for node in nodes:
        cx, cy = centres[node.id]
        # As on screen: filled with the kind's colour, outlined in ink, the name in black
        # or white, whichever reads on that colour.
        color = kind_color(node.kind or None)
        pdf.set_fill_color(*color)
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.3)
        left, top = cx - NODE_W / 2, cy - NODE_H / 2
        if node.kind == "resident":
            pdf.ellipse(left, top, NODE_W, NODE_H, style="DF")
        else:
            pdf.rect(left, top, NODE_W, NODE_H, style="DF", round_corners=True, corner_radius=2.5)
        pdf.set_text_color(*text_on(color))
        text = clip(node.label, 48)
        for size in (6.5, 6.0, 5.5, 5.0):  # the longest word should fit on one line
            pdf.set_font(FAMILY, "B", size)
            if max(pdf.get_string_width(word) for word in text.split() or [""]) <= NODE_W - 4:
                break
        height = pdf.text_height(NODE_W - 3, 2.9, text)
        lines = max(1, round(height / 2.9))
        if lines > 3:
            text = clip(node.label, 30)
            lines = 3
        pdf.set_xy(left + 1.5, cy - lines * 2.9 / 2)
        pdf.multi_cell(NODE_W - 3, 2.9, text, align="C", max_line_height=2.9)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)


LEGEND_LINE = 14.0
"""Length of a legend's line sample, in mm: long enough to show its dash pattern."""


def draw_legend(pdf: ExportPDF, lang: str, types: Sequence[str] = FLOW_ORDER) -> None:
    """One line per flow type: a sample of its line and its name."""
    pdf.set_font(FAMILY, "", 7.5)
    x0 = pdf.l_margin
    col_w = pdf.epw / 3
    y = pdf.get_y()
    for i, flow_type in enumerate(types):
        col, row = i % 3, i // 3
        lx, ly = x0 + col * col_w, y + row * 5 + 2.5
        color = flow_color(flow_type)
        with pdf.local_context(draw_color=color):
            _stroke(pdf, flow_type)
            pdf.line(lx, ly, lx + LEGEND_LINE, ly)
        _arrow_head(pdf, lx + LEGEND_LINE + 2, ly, 1.0, 0.0, color)
        pdf.set_xy(lx + LEGEND_LINE + 4, ly - 2)
        pdf.set_text_color(*INK)
        pdf.cell(col_w - LEGEND_LINE - 5, 4, vocab("flow", flow_type, lang))
    rows = (len(types) + 2) // 3
    pdf.set_y(y + rows * 5 + 2)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)


def flow_rows(edges: Sequence[Edge], labels: Mapping[str, str], lang: str) -> list[list[str]]:
    return [
        [
            str(e.number),
            clip(labels.get(e.source, e.source), 60),
            clip(labels.get(e.target, e.target), 60),
            vocab("flow", e.type, lang),
            clip(e.label, 120),
        ]
        for e in edges
    ]


def flow_table(pdf: ExportPDF, nodes: Sequence[Node], edges: Sequence[Edge], lang: str) -> None:
    labels = {n.id: n.label for n in nodes}
    pdf.data_table(
        ["#", t("from", lang), t("to", lang), t("flow_type", lang), t("description", lang)],
        flow_rows(edges, labels, lang),
        widths=(6, 24, 24, 18, 40),
        size=7.5,
        align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
    )


FIGURE_H = 110.0


def figure(pdf: ExportPDF, nodes: Sequence[Node], edges: Sequence[Edge], lang: str) -> None:
    """The figure, its legend and its flow table at the current position."""
    if not nodes:
        pdf.note(t("empty_network", lang))
        return
    pdf.keep_with_heading(FIGURE_H + 20)
    pdf.ensure_space(FIGURE_H + 20)
    top = pdf.get_y()
    with pdf.leaf("Figure", alt=alt_text(nodes, edges, lang)):
        draw_network(pdf, nodes, edges, pdf.l_margin, top, pdf.epw, FIGURE_H)
        pdf.set_y(top + FIGURE_H + 2)
        present = [ft for ft in FLOW_ORDER if any(e.type == ft for e in edges)]
        draw_legend(pdf, lang, present or list(FLOW_ORDER))
    pdf.ln(1)
    if edges:
        flow_table(pdf, nodes, edges, lang)


def alt_text(nodes: Sequence[Node], edges: Sequence[Edge], lang: str) -> str:
    """The figure in words, for a screen reader: its actors, then each numbered flow."""
    labels = {n.id: n.label for n in nodes}
    flows = [
        t(
            "alt.flow",
            lang,
            number=e.number,
            source=clip(labels.get(e.source, e.source), 60),
            target=clip(labels.get(e.target, e.target), 60),
            type=vocab("flow", e.type, lang),
        )
        for e in edges
    ]
    actors = ", ".join(clip(n.label, 60) for n in nodes)
    text = t("alt.network", lang, actors=len(nodes), names=actors, flows=len(edges))
    return text + (" " + " ; ".join(flows) if lang != "en" else " " + "; ".join(flows))


# -- badges -------------------------------------------------------------------------------

BADGE_R = 2.1
"""Radius of a flow's number badge, in mm."""
_PLACES = (0.45, 0.35, 0.55, 0.27, 0.63, 0.2, 0.7, 0.4, 0.5, 0.3, 0.6)
"""Where along its arrow a badge may sit, the middle first (never at the very ends)."""


def badge_places(
    drawn: Sequence[Arrow], boxes: Sequence[tuple[float, float, float, float]]
) -> list[tuple[Edge, Point]]:
    """Each flow's badge centre, on its own arrow: the first place along it that overlaps
    no badge already placed and no actor, and sits furthest from the other arrows."""
    placed: list[tuple[Edge, Point]] = []
    for arrow in drawn:
        others = [other.points for other in drawn if other is not arrow]
        best: tuple[float, float, float] | None = None
        for frac in _PLACES:
            x, y = _along(arrow.points, frac)
            clash = any(math.hypot(x - px, y - py) < 2 * BADGE_R + 0.6 for _, (px, py) in placed)
            clash = clash or any(_in_box(x, y, box, BADGE_R + 0.4) for box in boxes)
            if clash:
                continue
            clearance = min((_distance(x, y, other) for other in others), default=99.0)
            if best is None or clearance > best[2] + 0.5:
                best = (x, y, clearance)
            if clearance >= BADGE_R + 0.8:
                break
        if best is None:  # crowded: the middle, as before
            best = (*_along(arrow.points, 0.45), 0.0)
        placed.append((arrow.edge, (best[0], best[1])))
    return placed


def _along(points: Sequence[Point], frac: float) -> Point:
    """The point ``frac`` of the way along a polyline."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    goal = sum(lengths) * frac
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if goal <= length and length > 0:
            k = goal / length
            return a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k
        goal -= length
    return points[-1]


def _in_box(x: float, y: float, box: tuple[float, float, float, float], pad: float) -> bool:
    left, top, w, h = box
    return left - pad < x < left + w + pad and top - pad < y < top + h + pad


def _distance(x: float, y: float, points: Sequence[Point]) -> float:
    """Distance from a point to a polyline."""
    return min(
        (_segment_distance(x, y, a, b) for a, b in zip(points, points[1:], strict=False)),
        default=99.0,
    )


def _segment_distance(x: float, y: float, a: Point, b: Point) -> float:
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    k = 0.0 if length2 < 1e-12 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
    return math.hypot(x - (x1 + k * dx), y - (y1 + k * dy))


# -- from a scenario ----------------------------------------------------------------------


def network_block(pdf: ExportPDF, lookup: Lookup, scenario: Scenario, lang: str) -> None:
    """The figure, legend, flow table, per-actor balance and diagnostics of a scenario."""
    facts = network_facts(lookup, scenario, lang)
    figure(pdf, facts.nodes, facts.edges, lang)
    if facts.balance:
        pdf.heading(t("balance", lang), 3)
        pdf.data_table(
            [t("actor", lang), t("gives", lang), t("receives", lang)],
            [list(row) for row in facts.balance],
            widths=(30, 35, 35),
            size=8,
        )
    pdf.heading(t("diagnostics", lang), 3)
    if facts.diagnostics:
        pdf.bullets(facts.diagnostics, size=9.5)
    else:
        pdf.note(t("no_diagnostics", lang))
