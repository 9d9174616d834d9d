"""The governance step's fit on screen: each governance model's fit to the group's answers
(:mod:`selfdata.engines.governance`), the group's choice highlighted."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.engines.governance import ModelFit
from selfdata.i18n import t
from selfdata.ui.figures.common import hbars, plotly_text, room_figure


def fit_bars(fits: Sequence[ModelFit], lang: str, chosen: str | None = None) -> go.Figure:
    """Each governance model's fit (0–100), the group's choice in orange."""
    labels = [plotly_text(f.title.get(lang)) for f in fits]
    values = [f.fit for f in fits]
    colours = [palette.HIGHLIGHT if f.model == chosen else palette.ACCENT for f in fits]
    bar = hbars(labels, values, colours, "%{y}: %{x}/100<extra></extra>")
    return room_figure(
        bar,
        60 * len(fits) + 100,
        xaxis={"range": [0, 105], "title": {"text": t("governance.fit_axis", lang)}},
    )
