"""What the figures share: sizes for a screen or a projector, user text made safe for
plotly labels, numbers as arrays, the room's bar-chart layout, and reading a figure's traces
back by their ``meta["role"]`` (tests and pages do).

Pure: no Streamlit, no store. User text is HTML-escaped (plotly reads a few HTML-like tags
in labels), so it shows as typed.
"""

from __future__ import annotations

import base64
import html
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from selfdata.domain import palette

INK = palette.INK
ROOM_FONT = {"size": 16, "color": palette.BLACK}
"""The font of the room's step charts (votes, matches, fit)."""


@dataclass(frozen=True)
class Scale:
    """Sizes for a laptop or tablet screen, or for a projector seen from the back."""

    font: int
    node: int
    arrow: int
    line: float
    row: int
    """Figure height per row of actors or scenarios, in pixels."""

    @classmethod
    def of(cls, large: bool) -> Scale:
        return cls(22, 34, 18, 3.5, 86) if large else cls(13, 22, 12, 2.2, 60)


def floats(values: Iterable[float]) -> NDArray[np.float64]:
    """Numbers as a numpy array: plotly validates (and unpickles) arrays far faster than
    lists, which matters for a 300-actor network; ``nan`` breaks a line like ``None``."""
    return np.fromiter(values, dtype=np.float64)


def numbers(value: Any) -> NDArray[np.float64]:
    """A numeric array of a figure's plain data (``to_dict()``), where plotly 7 keeps numpy
    arrays as ``{"dtype", "bdata"}`` (base64)."""
    if isinstance(value, dict) and "bdata" in value:
        raw = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value.get("dtype", "f8"))
        return raw.astype(np.float64)
    return np.asarray(value if value is not None else [], dtype=np.float64)


def plain(text: str, width: int = 0, *, break_words: bool = True) -> str:
    """User text for a Plotly label: HTML-escaped, optionally wrapped on ``<br>`` (between
    words only when not ``break_words``: a word longer than ``width`` stays whole)."""
    escaped = [html.escape(line, quote=False) for line in _wrap(text, width, break_words)]
    return "<br>".join(escaped)


def _wrap(text: str, width: int, break_words: bool = True) -> list[str]:
    text = " ".join(text.split())
    if width <= 0 or len(text) <= width:
        return [text]
    lines = textwrap.wrap(text, width, break_long_words=break_words)
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2][: width - 1] + "…"]


def plotly_text(text: str, limit: int = 60) -> str:
    """A label for plotly: shortened, and escaped so tags show literally."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return html.escape(short, quote=False)


def _room_axis(axis: dict[str, object]) -> dict[str, object]:
    """``axis`` with the room's font on its ticks and title unless it sets its own."""
    out: dict[str, object] = {"tickfont": ROOM_FONT, **axis}
    title = out.get("title")
    if isinstance(title, dict):
        out["title"] = {"font": ROOM_FONT, **title}
    return out


def room_figure(trace: object, height: int, *, xaxis: dict[str, object]) -> go.Figure:
    """The trace with the room's layout (y axis top-down), given to ``go.Figure`` at once:
    ``update_layout`` and ``update_xaxes`` afterwards cost ~10× more (bench/figures.py)."""
    return go.Figure(
        trace,
        layout={
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
            "font": ROOM_FONT,
            "plot_bgcolor": palette.WHITE,
            "paper_bgcolor": palette.WHITE,
            # the axes' own fonts: Streamlit's chart theme draws ticks at ~10 px in grey
            # otherwise, whatever the layout's font (walk N1: the tablet's needs chart)
            "xaxis": _room_axis(xaxis),
            "yaxis": {"autorange": "reversed", "tickfont": ROOM_FONT},
        },
    )


_NICE_STEPS = (1, 2, 5)


def count_ticks(top: float, most: int = 8) -> dict[str, Any]:
    """An axis of counts (dots): whole numbers only, at most ``most`` ticks from 0 to
    ``top`` (1, 2, 5, 10, 20… apart); a dot is never "0,5"."""
    scale = 1
    while True:
        for step in _NICE_STEPS:
            if top / (step * scale) <= most:
                return {"tickmode": "linear", "tick0": 0, "dtick": step * scale}
        scale *= 10


def hbars(labels: list[str], values: list[int], colour: str | list[str], hover: str) -> go.Bar:
    """Horizontal bars with their value written just past the end."""
    return go.Bar(
        x=values,
        y=labels,
        orientation="h",
        marker_color=colour,
        text=values,
        textposition="outside",
        cliponaxis=False,
        hovertemplate=hover,
    )


def legend_names(fig: go.Figure) -> list[str]:
    """Names of the traces shown in the legend, in order (used by tests and the pages)."""
    return [
        str(trace.name)
        for trace in fig.data
        if trace.showlegend is not False and trace.name is not None
    ]


def traces_with(fig: go.Figure, role: str) -> list[Any]:
    """The figure's traces whose ``meta["role"]`` is ``role``."""
    return [tr for tr in fig.data if isinstance(tr.meta, dict) and tr.meta.get("role") == role]


def roles(fig: go.Figure) -> Iterable[str]:
    return (tr.meta.get("role", "") for tr in fig.data if isinstance(tr.meta, dict))
