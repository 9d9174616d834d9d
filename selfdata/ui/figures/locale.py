"""The decimal separator of a figure in the screen's language (issue 30: "0.2" axis ticks
beside "0,78" in French). Plotly formats numbers with ``layout.separators`` (decimal point
then thousands separator), which needs no locale bundle in the browser."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from selfdata.ui.figures.ready import ReadyFigure

SEPARATORS = {"fr": ",\u202f", "en": ".,"}
"""Plotly's ``separators`` per language: French "0,2" and "1 000" (narrow no-break space)."""


def localized(figure: Any, lang: str) -> Any:
    """``figure`` with the language's separators (a copy: a cached figure is shared)."""
    separators = SEPARATORS.get(lang, SEPARATORS["fr"])
    if isinstance(figure, ReadyFigure):
        spec = figure.spec
        if spec.get("layout", {}).get("separators") == separators:
            return figure
        return ReadyFigure({**spec, "layout": {**spec.get("layout", {}), "separators": separators}})
    if isinstance(figure, go.Figure):
        copy = go.Figure(figure)
        copy.update_layout(separators=separators)
        return copy
    return figure
