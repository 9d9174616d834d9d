"""The scenarios' ranking on screen: scores as bars (best on top, the winner highlighted),
consensus per scenario, and the rank-probability heatmap of the sensitivity analysis.

Every trace carries ``meta={"role": …}``: ``score``, ``consensus`` or ``rank-probability``.
Colours from :mod:`selfdata.domain.palette`; scenario titles are escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.numbers import format_score, format_share
from selfdata.engines.ranking import Ranking
from selfdata.engines.ranking_summary import (
    SCORE_AXIS_RANGE,
    rank_axis_labels,
    rank_probability_labels,
    score_axis_range,
)
from selfdata.i18n import t
from selfdata.ui.figures.common import INK, Scale, floats, plain

SEQUENTIAL_SCALE = palette.SEQUENTIAL_SCALE


def _short(label: str, width: int) -> str:
    """One escaped line, clipped with an ellipsis (heatmap rows stay one line high)."""
    text = " ".join(label.split())
    return html.escape(text if len(text) <= width else text[: width - 1] + "…", quote=False)


def scenario_labels(ranking: Ranking) -> list[str]:
    """``"1. Title"`` for each scenario, best first, with the shared position of a tie
    (``"1. A"``, ``"1. B"``) and no number at all without ratings (the workshop's order is
    not a rank). Unique even when titles repeat (a repeated label gets " (2)")."""
    labels: list[str] = []
    for s in ranking.scenarios:
        label = f"{s.place}. {s.title}" if ranking.has_ratings else s.title
        candidate, copy = label, 1
        while candidate in labels:
            copy += 1
            candidate = f"{label} ({copy})"
        labels.append(candidate)
    return labels


def _score_axis(values: Sequence[float]) -> list[float]:
    """0–1 scores: the axis stops at 1 (the value labels are drawn outside, unclipped)."""
    return list(score_axis_range(values))


def _bar_layout(n: int, scale: Scale, title: str, x_title: str, lines: int = 1) -> dict[str, Any]:
    """The bar charts' layout, given to ``go.Figure`` with the trace (``update_layout``
    afterwards costs ~10× more: bench/figures.py)."""
    row = lines * scale.font * 1.3 + 12
    return dict(
        height=int(min(2400, max(260, n * row + 140))),
        margin={"l": 10, "r": 30, "t": 50, "b": 40},
        title={"text": html.escape(title), "font": {"size": scale.font + 2}},
        font={"size": scale.font},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        bargap=0.25,
        xaxis={
            "range": list(SCORE_AXIS_RANGE),
            "title": {"text": html.escape(x_title), "font": {"size": scale.font}},
            "tickfont": {"size": scale.font},
            "gridcolor": palette.GRID,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": scale.font}},
    )


def ranking_figure(ranking: Ranking, lang: str = "fr", *, large: bool = False) -> go.Figure:
    """Scores as horizontal bars, best on top; the winner in orange, the others in blue.
    Consensus and missing cells show on hover."""
    scale = Scale.of(large)
    labels = scenario_labels(ranking)
    names = [plain(label, 40 if not large else 36) for label in labels]  # two lines at most
    hover = []
    for s in ranking.scenarios:
        consensus = "—" if s.consensus is None else format_score(s.consensus, lang)
        hover.append(
            f"<b>{plain(s.title, 48)}</b><br>{t('scenarios.score', lang)} "
            f"{format_score(s.score, lang)}<br>{t('scenarios.consensus', lang)} {consensus}"
        )
    leaders = {s.scenario for s in ranking.leaders} if ranking.has_winner else set()
    bar = go.Bar(
        x=floats(s.score for s in ranking.scenarios),
        y=names,
        orientation="h",
        marker={
            "color": [
                palette.HIGHLIGHT if s.scenario in leaders else palette.ACCENT
                for s in ranking.scenarios
            ],
            "line": {"color": INK, "width": 1},
        },
        text=[format_score(s.score, lang) for s in ranking.scenarios],
        textposition="outside",
        cliponaxis=False,
        textfont={"size": scale.font},
        hovertext=hover,
        hoverinfo="text",
        customdata=[s.scenario for s in ranking.scenarios],
        meta={"role": "score", "method": ranking.method},
    )
    method = t(f"scenarios.method.{ranking.method}", lang)
    layout = _bar_layout(
        len(labels),
        scale,
        f"{t('scenarios.results', lang)} · {method}",
        t("scenarios.score", lang),
        lines=max((name.count("<br>") + 1 for name in names), default=1),
    )
    layout["xaxis"]["range"] = _score_axis([s.score for s in ranking.scenarios])
    return go.Figure(bar, layout=layout)


def consensus_figure(ranking: Ranking, lang: str = "fr", *, large: bool = False) -> go.Figure:
    """Consensus per scenario (0 split room … 1 unanimous), in ranking order; a scenario
    without two ratings on any criterion shows an empty bar marked ``—``."""
    scale = Scale.of(large)
    values = [s.consensus for s in ranking.scenarios]
    # the scenarios by name on a category axis: positions alone ("1.", "2.") read as
    # numbers on a 0.5–3.5 axis, and a tie's two "1." drew one bar under the other
    names = [plain(label, 40 if not large else 30) for label in scenario_labels(ranking)]
    bar = go.Bar(
        x=floats(0.0 if v is None else v for v in values),
        y=names,
        orientation="h",
        marker={"color": palette.CONSENSUS, "line": {"color": INK, "width": 1}},
        text=["—" if v is None else format_score(v, lang) for v in values],
        textposition="outside",
        cliponaxis=False,
        textfont={"size": scale.font},
        hovertext=[plain(s.title, 48) for s in ranking.scenarios],
        hoverinfo="text",
        customdata=[s.scenario for s in ranking.scenarios],
        meta={"role": "consensus"},
    )
    layout = _bar_layout(
        len(values),
        scale,
        t("scenarios.consensus", lang),
        t("scenarios.consensus", lang),
        lines=max((name.count("<br>") + 1 for name in names), default=1),
    )
    layout["yaxis"]["type"] = "category"
    return go.Figure(bar, layout=layout)


def _share_texts(rows: list[list[float]], lang: str) -> np.ndarray:
    """Each cell's share as the room reads it ("< 1 %", "34 %"), for the hover: the text of
    :func:`format_share`, which a 50 × 50 heatmap would call 2,500 times. A cell's text
    depends only on its whole percentage (and on being strictly between 0 and 1), so each
    of those at most 103 texts is formatted once."""
    values = np.asarray(rows, dtype=np.float64)
    percent = np.floor(np.round(values * 100, 9) + 0.5).astype(np.int64)
    inside = (values > 0) & (values < 1)
    percent[inside & (percent <= 0)] = -1  # "< 1 %"
    percent[inside & (percent >= 100)] = 101  # "> 99 %"
    texts = {-1: format_share(0.001, lang), 101: format_share(0.999, lang)}
    texts.update({k: format_share(k / 100, lang) for k in range(101)})
    return np.asarray([[texts[k] for k in row] for row in percent.tolist()], dtype=object)


def rank_probability_figure(
    ranking: Ranking, lang: str = "fr", *, large: bool = False
) -> go.Figure:
    """Heatmap of the sensitivity analysis: for each scenario (rows, group order), the
    probability of each rank (columns) under randomly varied weights."""
    scale = Scale.of(large)
    n = len(ranking.scenarios)
    probabilities = ranking.sensitivity.rank_probabilities
    z = [list(probabilities.get(s.scenario, (0.0,) * n))[:n] for s in ranking.scenarios]
    ranks = rank_axis_labels(n, lang)
    heat = go.Heatmap(
        z=np.asarray(z, dtype=np.float64).reshape(n, n),
        x=ranks,
        y=[_short(label, 34 if not large else 22) for label in scenario_labels(ranking)],
        zmin=0.0,
        zmax=1.0,
        colorscale=SEQUENTIAL_SCALE,
        colorbar={"tickformat": ".0%", "thickness": 14},
        text=_share_texts(z, lang),
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        meta={"role": "rank-probability", "scenarios": [s.scenario for s in ranking.scenarios]},
    )
    if n <= (5 if large else 12):
        # whole percentages that add up to 100 % per row (never "100 % + 1 %")
        heat.update(
            text=rank_probability_labels(ranking, lang),
            texttemplate="%{text}",
            textfont={"size": int(scale.font * 0.8)},
        )
    layout = dict(
        height=int(min(2400, max(300, 26 * n * (scale.font / 13) + 190))),
        margin={"l": 10, "r": 10, "t": 50 + 2 * scale.font + 20, "b": 20},
        title={
            "text": html.escape(t("scenarios.heatmap", lang)),
            "y": 0.995,
            "yanchor": "top",
            "font": {"size": scale.font + 2},
        },
        font={"size": scale.font},
        paper_bgcolor="white",
        xaxis={
            "title": {"text": html.escape(t("scenarios.rank", lang)), "font": {"size": scale.font}},
            "side": "top",
            "type": "category",  # "#1" would otherwise read as the number 1 (0.5, 1, 1.5 …)
            "tickfont": {"size": scale.font},
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": scale.font}},
    )
    return go.Figure(heat, layout=layout)
