"""The value network drawn with PDF vector primitives, in the same layout as on screen.

Actors are boxes (the resident an ellipse) filled with their kind's colour; flows are
arrows coloured by type, solid when tangible (personal data, service, money) and dashed when
intangible (consent, insight, oversight). Each arrow carries a number that refers to the
flow table printed under the figure, so labels never overlap on paper. The colours are the
screen's, from :mod:`selfdata.domain.palette` (``tests/unit/test_palette.py`` compares the
two drawings).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from selfdata.domain import palette
from selfdata.domain.cards import TANGIBLE_FLOWS
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
    kinds = {n.id: n.kind for n in nodes}
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h, style="D", round_corners=True, corner_radius=2)

    # Parallel flows between the same two actors are spread apart.
    pair_count: dict[frozenset[str], int] = {}
    for e in edges:
        pair_count[frozenset((e.source, e.target))] = (
            pair_count.get(frozenset((e.source, e.target)), 0) + 1
        )
    pair_seen: dict[frozenset[str], int] = {}
    for e in edges:
        if e.source not in centres or e.target not in centres or e.source == e.target:
            continue
        (x1, y1), (x2, y2) = centres[e.source], centres[e.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        if length < 1e-6:
            continue
        ux, uy = dx / length, dy / length
        key = frozenset((e.source, e.target))
        i = pair_seen.get(key, 0)
        pair_seen[key] = i + 1
        n = pair_count[key]
        # A consistent normal for the pair, whatever the direction of this flow.
        a, b = sorted((e.source, e.target))
        (ax, ay), (bx, by) = centres[a], centres[b]
        nlen = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / nlen, (bx - ax) / nlen
        offset = (i - (n - 1) / 2) * 3.2
        ox, oy = nx * offset, ny * offset
        sx, sy = _border_point(x1, y1, ux, uy, kinds.get(e.source) == "resident")
        tx, ty = _border_point(x2, y2, -ux, -uy, kinds.get(e.target) == "resident")
        sx, sy, tx, ty = sx + ox, sy + oy, tx + ox, ty + oy
        color = flow_color(e.type)
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.45)
        if e.type not in TANGIBLE_FLOWS:
            pdf.set_dash_pattern(dash=1.4, gap=1.0)
        pdf.line(sx, sy, tx - ux * 2.0, ty - uy * 2.0)
        pdf.set_dash_pattern()
        _arrow_head(pdf, tx, ty, ux, uy, color)
        # The flow's number, a little before the middle so that two opposite flows differ.
        mx, my = sx + (tx - sx) * 0.45, sy + (ty - sy) * 0.45
        with pdf.local_context(fill_color=(255, 255, 255), draw_color=color, line_width=0.3):
            pdf.circle(mx, my, 2.1, style="DF")
        pdf.set_font(FAMILY, "B", 5.5)
        pdf.set_text_color(*color)
        pdf.set_xy(mx - 2.1, my - 1.5)
        pdf.cell(4.2, 3, str(e.number), align="C")

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
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.45)
        if flow_type not in TANGIBLE_FLOWS:
            pdf.set_dash_pattern(dash=1.4, gap=1.0)
        pdf.line(lx, ly, lx + 9, ly)
        pdf.set_dash_pattern()
        _arrow_head(pdf, lx + 11, ly, 1.0, 0.0, color)
        pdf.set_xy(lx + 13, ly - 2)
        pdf.set_text_color(*INK)
        pdf.cell(col_w - 14, 4, vocab("flow", flow_type, lang))
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
    pdf.ensure_space(FIGURE_H + 20)
    top = pdf.get_y()
    draw_network(pdf, nodes, edges, pdf.l_margin, top, pdf.epw, FIGURE_H)
    pdf.set_y(top + FIGURE_H + 2)
    present = [ft for ft in FLOW_ORDER if any(e.type == ft for e in edges)] or list(FLOW_ORDER)
    draw_legend(pdf, lang, present)
    pdf.ln(1)
    if edges:
        flow_table(pdf, nodes, edges, lang)


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
