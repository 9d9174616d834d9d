"""Figures restyled for the wall: pure functions on a figure's plain data.

On a projector at 1920×1080 every text of a result (labels, values, legends, axis ticks,
colour bars, annotations) is at least :data:`WALL_TEXT_PX` pixels, and the chart is
:data:`WALL_CHART_PX` tall so that it ends above the fold at 1280×720 too (issue 18)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from selfdata.domain import palette
from selfdata.ui.figures.ready import ReadyFigure

WALL_TEXT_PX = 24
"""The smallest text of a projected result, in CSS pixels at 1920×1080."""
WALL_FONT_PX = 26
"""The figure's base font on the wall (text that sets no size of its own)."""
WALL_CHART_PX = 480
"""A projected chart's height: below the header, it ends above the fold at 1280×720."""


def _at_least(font: Any, size: int) -> dict[str, Any]:
    out: dict[str, Any] = dict(font) if isinstance(font, dict) else {}
    current = out.get("size")
    if isinstance(current, list | tuple):
        out["size"] = [max(float(s or 0), size) for s in current]
    else:
        out["size"] = max(float(current or 0), size)
    return out


def _title(holder: dict[str, Any], size: int) -> None:
    title = holder.get("title")
    if isinstance(title, dict):
        title["font"] = _inked(_at_least(title.get("font"), size))


def _colorbar(holder: dict[str, Any]) -> None:
    bar = holder.get("colorbar")
    if isinstance(bar, dict):
        bar["tickfont"] = _inked(_at_least(bar.get("tickfont"), WALL_TEXT_PX))
        _title(bar, WALL_TEXT_PX)


def _axis(axis: dict[str, Any]) -> None:
    axis["tickfont"] = _inked(_at_least(axis.get("tickfont"), WALL_TEXT_PX))
    _title(axis, WALL_TEXT_PX)


def _inked(font: dict[str, Any]) -> dict[str, Any]:
    """``font`` in black unless it has a colour: Streamlit's chart theme greys the axes'
    labels otherwise, faint from the back of the room (walk W1)."""
    font.setdefault("color", palette.BLACK)
    return font


_LAYOUT_PARTS: tuple[tuple[tuple[str, ...], Callable[[dict[str, Any]], None]], ...] = (
    (("xaxis", "yaxis"), _axis),
    (("coloraxis",), _colorbar),
)
"""What to enlarge in a layout entry, by the start of its key (``xaxis2``, ``coloraxis``…)."""

_TRACE_FONTS = ("insidetextfont", "outsidetextfont")
"""A trace's other text fonts, enlarged when the trace sets them."""


def _layout_on_wall(layout: dict[str, Any]) -> None:
    layout["font"] = _at_least(layout.get("font"), WALL_FONT_PX)
    for key, value in list(layout.items()):
        if isinstance(value, dict):
            for prefixes, enlarge in _LAYOUT_PARTS:
                if key.startswith(prefixes):
                    enlarge(value)
    if "legend" in layout:
        legend = layout.get("legend") or {}
        legend["font"] = _inked(_at_least(legend.get("font"), WALL_TEXT_PX))
        layout["legend"] = legend
    _title(layout, WALL_FONT_PX)
    for note in layout.get("annotations") or []:
        if isinstance(note, dict):
            note["font"] = _at_least(note.get("font"), WALL_TEXT_PX)


def _trace_on_wall(trace: dict[str, Any]) -> None:
    if "textfont" in trace or "text" in trace or "texttemplate" in trace:
        trace["textfont"] = _at_least(trace.get("textfont"), WALL_TEXT_PX)
        if trace.get("type") == "bar":  # a bar's value (a heatmap's cells keep their contrast)
            trace["textfont"] = _inked(trace["textfont"])
    for key in _TRACE_FONTS:
        if key in trace:
            trace[key] = _at_least(trace.get(key), WALL_TEXT_PX)
    _colorbar(trace)
    if isinstance(trace.get("marker"), dict):
        _colorbar(trace["marker"])


def wall_figure(
    spec: dict[str, Any], *, projected: bool = True, height: int | None = WALL_CHART_PX
) -> dict[str, Any]:
    """``spec`` (a figure's ``to_dict()``) with every text at least :data:`WALL_TEXT_PX`
    and the given height, when ``projected``; else ``spec`` itself. Never mutates ``spec``
    (it may be shared by every screen through the cache)."""
    if not projected:
        return spec
    out = copy.deepcopy(spec)
    layout = out.setdefault("layout", {})
    _layout_on_wall(layout)
    for trace in out.get("data") or []:
        if isinstance(trace, dict):
            _trace_on_wall(trace)
    if height is not None:
        layout["height"] = height
    return out


def on_wall(figure: ReadyFigure, *, height: int | None = WALL_CHART_PX) -> ReadyFigure:
    """``figure`` restyled for the projector (texts >= 24 px, a height above the fold)."""
    return ReadyFigure(wall_figure(figure.to_dict(), height=height))


def untitled(figure: ReadyFigure) -> ReadyFigure:
    """``figure`` without its title and the room kept for it, the chart that much shorter
    (on the wall, the line above the chart already says it: « Méthode : Somme pondérée »)."""
    spec = figure.to_dict()
    layout = dict(spec.get("layout") or {})
    layout.pop("title", None)
    margin = dict(layout.get("margin") or {})
    freed = max(int(margin.get("t") or 0) - 10, 0)
    margin["t"] = 10
    layout["margin"] = margin
    if isinstance(layout.get("height"), int | float):  # the freed room goes, not to the bars
        layout["height"] = layout["height"] - freed
    return ReadyFigure({**spec, "layout": layout})
