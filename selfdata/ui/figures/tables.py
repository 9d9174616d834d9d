"""Figures of a room split into tables, as pure functions: the plenary's read model in,
plotly figures out.

Colour-blind-safe: each table keeps its colour (:func:`selfdata.domain.palette.table_colour`)
and also a fill pattern and its name in the legend, so no table is told by colour alone;
places are written in every cell of the ranking grid (cividis behind them). Pages restyle
them for the wall with :func:`selfdata.ui.figures.wall.on_wall`.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.engines.tables import NeedTally, ScenarioTally, TableInfo
from selfdata.i18n import t
from selfdata.ui.figures.common import count_ticks, plotly_text

PATTERNS = ("", "/", "x", "\\", ".", "-", "|", "+")
"""Fill patterns given to the tables in turn (a second cue besides the colour)."""
_FONT = {"size": 16, "color": palette.BLACK}
WALL_BAR_PX = 34
"""One table's bar on the wall: its value, written at 24 px or more past its end, must
fit its thickness (plotly shrinks an outside text to the bar's)."""


def need_label(need: NeedTally, lang: str) -> str:
    title = need.card.title.get(lang) if need.card else need.id
    return f"{plotly_text(title, 48)} ({need.total})"


def table_vote_bars(
    needs: Sequence[NeedTally], tables: Sequence[TableInfo], lang: str
) -> go.Figure:
    """Each table's dots per need, side by side (the whole room's total in brackets after
    the need's name), most voted need on top."""
    labels = [need_label(n, lang) for n in needs]
    traces = [
        go.Bar(
            name=plotly_text(table.name),
            x=[n.per_table.get(table.id, 0) for n in needs],
            y=labels,
            orientation="h",
            marker={
                "color": palette.table_colour(table.colour),
                "line": {"color": palette.INK, "width": 1},
                # over the table's colour, not instead of it (a replaced fill is white)
                "pattern": {
                    "shape": PATTERNS[i % len(PATTERNS)],
                    "fgcolor": palette.INK,
                    "fillmode": "overlay",
                    "size": 10,
                    "solidity": 0.15,
                },
            },
            text=[n.per_table.get(table.id, "") for n in needs],
            textposition="outside",
            constraintext="none",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra>" + plotly_text(table.name) + "</extra>",
        )
        for i, table in enumerate(tables)
    ]
    top = max((v for n in needs for v in n.per_table.values()), default=0)
    return go.Figure(
        traces,
        layout={
            "barmode": "group",
            "height": max(260, (WALL_BAR_PX * len(tables) + 30) * len(needs) + 140),
            "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
            "font": _FONT,
            "plot_bgcolor": palette.WHITE,
            "paper_bgcolor": palette.WHITE,
            "xaxis": {
                "title": {"text": t("tables.dots_axis", lang)},
                "range": [0, top * 1.2 + 1],
                **count_ticks(top * 1.2 + 1),
            },
            "yaxis": {"autorange": "reversed"},
            "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        },
    )


def rank_grid(
    scenarios: Sequence[ScenarioTally], tables: Sequence[TableInfo], lang: str
) -> go.Figure:
    """Each scenario's place in the whole room's ranking and at each table (rows in the
    whole room's order); the place is written in the cell, empty where a table did not
    rate the scenario."""
    columns = [t("tables.overall", lang)] + [plotly_text(x.name, 24) for x in tables]
    rows = [plotly_text(s.title, 40) for s in scenarios]
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for s in scenarios:
        places = [s.overall] + [s.per_table.get(x.id) for x in tables]
        z.append([None if p is None else float(p.position) for p in places])
        text.append(["" if p is None else str(p.position) for p in places])
    return go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 22},
            colorscale=palette.SEQUENTIAL_SCALE,
            reversescale=True,
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        ),
        layout={
            "height": max(240, 60 * len(scenarios) + 120),
            "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
            "font": _FONT,
            "plot_bgcolor": palette.WHITE,
            "paper_bgcolor": palette.WHITE,
            "xaxis": {"side": "top"},
            "yaxis": {"autorange": "reversed"},
        },
    )
