"""The needs step's dot votes on screen: dots per need, most voted on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.i18n import t
from selfdata.ui.figures.common import count_ticks, hbars, plotly_text, room_figure


def _ranked(totals: Sequence[tuple[str, int]]) -> tuple[list[str], list[int]]:
    ranked = sorted(totals, key=lambda item: -item[1])
    return [plotly_text(title) for title, _ in ranked], [dots for _, dots in ranked]


def _x_range(values: Sequence[int]) -> list[float]:
    return [0, max(values, default=0) * 1.15 + 1]


def vote_bars(totals: Sequence[tuple[str, int]], lang: str) -> go.Figure:
    """Dots per need, most voted on top. ``totals``: (need title, dots)."""
    labels, values = _ranked(totals)
    bar = hbars(labels, values, palette.ACCENT, "%{y}: %{x}<extra></extra>")
    return room_figure(
        bar,
        max(240, 44 * len(labels) + 80),
        xaxis={
            "title": {"text": t("needs.dots_axis", lang)},
            "range": _x_range(values),
            **count_ticks(_x_range(values)[1]),
        },
    )


def patch_vote_bars(template: dict[str, Any], totals: Sequence[tuple[str, int]]) -> dict[str, Any]:
    """The plain data of ``vote_bars(totals, lang)`` (``to_dict()``, maybe restyled for the
    wall), made from ``template``: the same figure's data for as many bars, in the same
    language, whatever their values. Only the bars' values, labels and texts and the x range
    depend on the totals: they are put in, the rest is shared. ``template`` is not mutated
    (every screen shares it); the result shares its untouched parts. Building and validating
    a plotly figure on every vote cost the server more than the rest of the chart's run
    (docs/load.md, §6)."""
    labels, values = _ranked(totals)
    bar = {**template["data"][0], "x": values, "y": labels, "text": [str(v) for v in values]}
    layout = template["layout"]
    xaxis = {**layout["xaxis"], "range": _x_range(values), **count_ticks(_x_range(values)[1])}
    return {**template, "data": [bar], "layout": {**layout, "xaxis": xaxis}}
