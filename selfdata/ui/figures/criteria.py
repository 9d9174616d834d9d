"""The scenarios' ratings per criterion on screen: the group's median rating of each
scenario (columns, in the ranking's order) on each criterion in use (rows), names whole.

What the wall's « Notes par critère » / "Ratings by criterion" shows (it showed the rank
probabilities, with names cut at 18 characters). The trace carries
``meta={"role": "criterion-ratings"}``; a cell nobody rated is empty, marked « — ».
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.numbers import format_weight
from selfdata.engines.ranking import Ranking, RatingTable
from selfdata.i18n import t
from selfdata.ui.figures.common import Scale
from selfdata.ui.figures.wall import WALL_FONT_PX

ROW_CHARS = 26
"""Where a criterion's name wraps (every line of it is shown)."""
COLUMN_CHARS = 15
"""Where a scenario's name wraps (four or five columns on a 1280×720 wall)."""


def whole_name(text: str, width: int) -> str:
    """``text`` escaped and wrapped on ``<br>`` between words, every line kept."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=False) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def criterion_ratings_figure(
    ranking: Ranking, table: RatingTable, lang: str = "fr", *, large: bool = False
) -> go.Figure:
    """Each scenario's median rating (1–5) on each criterion: criteria down, scenarios
    across in the ranking's order; the numbers are written in the cells."""
    scale = Scale.of(large)
    row_of = {s: i for i, s in enumerate(table.scenarios)}
    ordered = [table.cells[row_of[s.scenario]] for s in ranking.scenarios]
    # criteria down (their names read on one line or two), scenarios across
    z = [[row[j].median for row in ordered] for j in range(len(table.criteria))]
    text = [["—" if v is None else format_weight(v, lang) for v in row] for row in z]
    names = [whole_name(c.title.get(lang), ROW_CHARS) for c in table.criteria]
    columns = [
        whole_name(f"{s.place}. {s.title}" if ranking.has_ratings else s.title, COLUMN_CHARS)
        for s in ranking.scenarios
    ]
    lines = sum(name.count("<br>") + 1 for name in names)
    head = max((c.count("<br>") + 1 for c in columns), default=1)
    heat = go.Heatmap(
        z=z,
        x=columns,
        y=names,
        zmin=1,
        zmax=5,
        colorscale=palette.SEQUENTIAL_SCALE,
        showscale=False,
        text=text,
        texttemplate="%{text}",
        textfont={"size": scale.font},
        xgap=2,
        ygap=2,
        hovertemplate="%{x}<br>%{y}: %{text}<extra></extra>",
        meta={"role": "criterion-ratings", "scenarios": [s.scenario for s in ranking.scenarios]},
    )
    line_px = (WALL_FONT_PX if large else scale.font) * 1.3  # the wall's text is larger
    top = int(head * line_px + 20)
    return go.Figure(
        heat,
        layout={
            "height": int(lines * line_px + len(names) * 6 + top + 20),
            "margin": {"l": 10, "r": 10, "t": top, "b": 10},
            "font": {"size": scale.font},
            "paper_bgcolor": palette.WHITE,
            "plot_bgcolor": palette.WHITE,
            "xaxis": {"side": "top", "type": "category", "tickfont": {"size": scale.font}},
            "yaxis": {
                "autorange": "reversed",
                "type": "category",
                "automargin": True,
                "tickfont": {"size": scale.font},
            },
            "meta": {"title": t("wall.chart.heatmap", lang)},
        },
    )
