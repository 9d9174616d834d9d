"""How the room decided, on screen: the ranking under each weight set side by side, and the
chance of first place when the participants are resampled. Pure functions of
:class:`~selfdata.engines.decision.DecisionOutcome`.

Traces carry ``meta={"role": …}``: ``weight-set-positions`` (a grid: scenarios × weight sets,
each cell the scenario's place under that set, the first place highlighted) and
``resampled-first`` (bars: each scenario's chance of first place). Scenario names sit on
category axes (never numbers on a numeric axis); colours from :mod:`selfdata.domain.palette`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.numbers import format_share
from selfdata.engines.decision import DecisionOutcome
from selfdata.engines.decision_summary import set_label
from selfdata.engines.ranking_summary import ordinal
from selfdata.i18n import t
from selfdata.ui.figures.common import INK, Scale, floats, plain


def _unique(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        candidate = label
        while candidate in out:
            candidate += "\u200b"
        out.append(candidate)
    return out


def weight_sets_figure(
    outcome: DecisionOutcome,
    titles: Mapping[str, str],
    tables: Mapping[str, str],
    lang: str = "fr",
    *,
    large: bool = False,
) -> go.Figure:
    """Scenarios (rows, in the facilitator's order) × weight sets (columns): the place of
    each scenario under each set, the first place in orange."""
    scale = Scale.of(large)
    sets = [s for s in outcome.weight_sets if s.places]
    order = [p.scenario for p in sets[0].places] if sets else []
    columns = _unique([plain(set_label(s, tables, lang), 22) for s in sets])
    rows = _unique([plain(titles.get(x, x), 34 if not large else 26) for x in order])
    places = [{p.scenario: p.position for p in s.places} for s in sets]
    z = np.asarray(
        [[1.0 if by.get(x) == 1 else 0.0 for by in places] for x in order], dtype=np.float64
    ).reshape(len(order), len(sets))
    text = [[ordinal(by[x], lang) if x in by else "—" for by in places] for x in order]
    grid = go.Heatmap(
        z=z,
        x=columns,
        y=rows,
        zmin=0.0,
        zmax=1.0,
        colorscale=[[0.0, palette.PALE], [1.0, palette.HIGHLIGHT]],
        showscale=False,
        text=text,
        texttemplate="%{text}",
        textfont={"size": scale.font, "color": INK},
        xgap=3,
        ygap=3,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        meta={"role": "weight-set-positions", "sources": [s.source for s in sets]},
    )
    layout = dict(
        height=int(min(2400, max(260, len(rows) * (scale.font * 2 + 10) + 150))),
        margin={"l": 10, "r": 10, "t": 60 + scale.font * 2, "b": 10},
        title={
            "text": html.escape(t("decide.weight_sets", lang)),
            "font": {"size": scale.font + 2},
        },
        font={"size": scale.font},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"type": "category", "side": "top", "tickfont": {"size": scale.font}},
        yaxis={
            "type": "category",
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": scale.font},
        },
    )
    return go.Figure(grid, layout=layout)


def resampled_figure(
    outcome: DecisionOutcome, titles: Mapping[str, str], lang: str = "fr", *, large: bool = False
) -> go.Figure:
    """Each scenario's chance of first place with the participants resampled, highest on
    top, the winner (first alone with everyone) in orange."""
    scale = Scale.of(large)
    r = outcome.resampled
    items = sorted((r.rank_probabilities.items() if r else ()), key=lambda kv: -kv[1][0])
    names = _unique([plain(titles.get(sid, sid), 34 if not large else 26) for sid, _ in items])
    bar = go.Bar(
        x=floats(p[0] for _, p in items),
        y=names,
        orientation="h",
        marker={
            "color": [
                palette.HIGHLIGHT if r is not None and sid == r.winner else palette.ACCENT
                for sid, _ in items
            ],
            "line": {"color": INK, "width": 1},
        },
        text=[format_share(p[0], lang) for _, p in items],
        textposition="outside",
        cliponaxis=False,
        textfont={"size": scale.font},
        customdata=[sid for sid, _ in items],
        hoverinfo="text",
        hovertext=names,
        meta={"role": "resampled-first"},
    )
    layout = dict(
        height=int(min(2400, max(260, len(names) * (scale.font * 1.3 + 12) + 140))),
        margin={"l": 10, "r": 60, "t": 50, "b": 40},
        title={
            "text": html.escape(t("decide.resampled_title", lang)),
            "font": {"size": scale.font + 2},
        },
        font={"size": scale.font},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        xaxis={
            "range": [0, 1],
            "tickformat": ".0%",
            "tickfont": {"size": scale.font},
            "gridcolor": palette.GRID,
        },
        yaxis={
            "type": "category",
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": scale.font},
        },
    )
    return go.Figure(bar, layout=layout)
