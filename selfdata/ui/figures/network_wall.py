"""The value network restyled for the projector (:func:`network_on_wall`): the legend,
the names and the rows measured again at the wall's text size, on the figure's plain data.
(The figure itself: :mod:`selfdata.ui.figures.network`.)"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from selfdata.ui.figures.common import Scale, numbers, plain
from selfdata.ui.figures.ready import ReadyFigure
from selfdata.ui.figures.wall import WALL_CHART_PX, WALL_TEXT_PX, on_wall

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
    layout = spec.setdefault("layout", {})
    if labelled:
        chars = WALL_LABEL_CHARS
        if side_by_side:
            chars = _side_label_chars(actors, layout)
        for trace in actors:
            trace["showlegend"] = False
            names = (trace.get("meta") or {}).get("names")
            if names:
                trace["text"] = [
                    plain(str(name), chars, break_words=not side_by_side) for name in names
                ]
    shown = [str(tr.get("name") or "") for tr in traces if tr.get("showlegend") is not False]
    width = WALL_WIDTH_PX / 2 if side_by_side else WALL_WIDTH_PX
    legend_px = legend_rows(shown, width) * WALL_LEGEND_ROW_PX + 10
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


WALL_SIDE_PX = 440
"""One of two networks side by side at 1280×720 (measured: 450 px of chart each)."""
_SIDE_PAD = 0.5
"""The room left and right of the outer columns side by side, in column widths: half a
name's width, so that the outer names are not cut at the chart's edge."""


_SIDE_CHAR_PX = 0.45 * WALL_TEXT_PX
"""A character's width at 24 px, measured (0.43 em), for names that wrap between words."""


def _side_label_chars(actors: Sequence[dict[str, Any]], layout: dict[str, Any]) -> int:
    """Where names wrap side by side: a name is no wider than the space between two columns,
    so neighbours' names never run into each other (read back at 1280×720: "Fournisseur de
    serAutorité de contr"). Widens the x range to keep the outer names whole."""
    xs = sorted({float(x) for trace in actors for x in numbers(trace.get("x"))})
    if not xs:
        return WALL_LABEL_CHARS
    span = xs[-1] - xs[0]
    per_column = WALL_SIDE_PX / (span + 2 * _SIDE_PAD)
    xaxis = dict(layout.get("xaxis") or {})
    xaxis["range"] = [xs[0] - _SIDE_PAD, xs[-1] + _SIDE_PAD]
    layout["xaxis"] = xaxis
    fits = int((per_column - 2 * _WALL_GAP_PX) // _SIDE_CHAR_PX)
    return max(8, min(WALL_LABEL_CHARS, fits))


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
