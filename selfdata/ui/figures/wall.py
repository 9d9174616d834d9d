"""Figures restyled for the wall: pure functions on a figure's plain data.

On a projector at 1920×1080 every text of a result (labels, values, legends, axis ticks,
colour bars, annotations) is at least :data:`WALL_TEXT_PX` pixels, and the chart is
:data:`WALL_CHART_PX` tall so that it ends above the fold at 1280×720 too (issue 18)."""

from __future__ import annotations

import copy
from typing import Any

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


def _colorbar(holder: dict[str, Any]) -> None:
    bar = holder.get("colorbar")
    if isinstance(bar, dict):
        bar["tickfont"] = _at_least(bar.get("tickfont"), WALL_TEXT_PX)
        title = bar.get("title")
        if isinstance(title, dict):
            title["font"] = _at_least(title.get("font"), WALL_TEXT_PX)


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
    layout["font"] = _at_least(layout.get("font"), WALL_FONT_PX)
    for key, value in list(layout.items()):
        if not isinstance(value, dict):
            continue
        if key.startswith(("xaxis", "yaxis")):
            value["tickfont"] = _at_least(value.get("tickfont"), WALL_TEXT_PX)
            title = value.get("title")
            if isinstance(title, dict):
                title["font"] = _at_least(title.get("font"), WALL_TEXT_PX)
        elif key.startswith("coloraxis"):
            _colorbar(value)
    if isinstance(layout.get("legend"), dict) or "legend" in layout:
        legend = layout.get("legend") or {}
        legend["font"] = _at_least(legend.get("font"), WALL_TEXT_PX)
        layout["legend"] = legend
    title = layout.get("title")
    if isinstance(title, dict):
        title["font"] = _at_least(title.get("font"), WALL_FONT_PX)
    for note in layout.get("annotations") or []:
        if isinstance(note, dict):
            note["font"] = _at_least(note.get("font"), WALL_TEXT_PX)
    for trace in out.get("data") or []:
        if not isinstance(trace, dict):
            continue
        if "textfont" in trace or "text" in trace or "texttemplate" in trace:
            trace["textfont"] = _at_least(trace.get("textfont"), WALL_TEXT_PX)
        if "insidetextfont" in trace:
            trace["insidetextfont"] = _at_least(trace.get("insidetextfont"), WALL_TEXT_PX)
        if "outsidetextfont" in trace:
            trace["outsidetextfont"] = _at_least(trace.get("outsidetextfont"), WALL_TEXT_PX)
        _colorbar(trace)
        if isinstance(trace.get("marker"), dict):
            _colorbar(trace["marker"])
    if height is not None:
        layout["height"] = height
    return out


def on_wall(figure: ReadyFigure, *, height: int | None = WALL_CHART_PX) -> ReadyFigure:
    """``figure`` restyled for the projector (texts >= 24 px, a height above the fold)."""
    return ReadyFigure(wall_figure(figure.to_dict(), height=height))
