"""The needs step's dot votes on screen: dots per need, most voted on top."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.i18n import t
from selfdata.ui.figures.common import hbars, plotly_text, room_figure


def vote_bars(totals: Sequence[tuple[str, int]], lang: str) -> go.Figure:
    """Dots per need, most voted on top. ``totals``: (need title, dots)."""
    ranked = sorted(totals, key=lambda item: -item[1])
    labels = [plotly_text(title) for title, _ in ranked]
    values = [dots for _, dots in ranked]
    bar = hbars(labels, values, palette.ACCENT, "%{y}: %{x}<extra></extra>")
    top = max(values, default=0)
    return room_figure(
        bar,
        max(240, 44 * len(ranked) + 80),
        xaxis={"title": {"text": t("needs.dots_axis", lang)}, "range": [0, top * 1.15 + 1]},
    )
