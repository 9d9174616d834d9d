"""Figures of the room (steps 1–4) as pure functions: read models in, plotly figures out.

Colour-blind-safe throughout: Okabe–Ito for categories, cividis for the heatmap. Labels
coming from users are HTML-escaped (plotly reads a few tags in text), so they show as typed.
Pages cache these figures by ``(code, version, lang)``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from selfdata.cards import DataSourceCard, Decks, NeedCard
from selfdata.governance import ModelFit
from selfdata.i18n import t
from selfdata.matching import match_matrix, match_sources
from selfdata.ui.style import OKABE_ITO

BLUE, ORANGE, GREEN = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2]
GREY = "#999999"
_FONT = {"size": 16, "color": "#000000"}


def plotly_text(text: str, limit: int = 60) -> str:
    """A label for plotly: shortened, and escaped so tags show literally."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return html.escape(short, quote=False)


def _figure(trace: object, height: int, *, xaxis: dict[str, object]) -> go.Figure:
    """The trace with the room's layout (y axis top-down), given to ``go.Figure`` at once:
    ``update_layout`` and ``update_xaxes`` afterwards cost ~10× more (bench/figures.py)."""
    return go.Figure(
        trace,
        layout={
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
            "font": _FONT,
            "plot_bgcolor": "#ffffff",
            "paper_bgcolor": "#ffffff",
            "xaxis": xaxis,
            "yaxis": {"autorange": "reversed"},
        },
    )


def _hbars(labels: list[str], values: list[int], colour: str | list[str], hover: str) -> go.Bar:
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


def vote_bars(totals: Sequence[tuple[str, int]], lang: str) -> go.Figure:
    """Dots per need, most voted on top. ``totals``: (need title, dots)."""
    ranked = sorted(totals, key=lambda item: -item[1])
    labels = [plotly_text(title) for title, _ in ranked]
    values = [dots for _, dots in ranked]
    bar = _hbars(labels, values, BLUE, "%{y}: %{x}<extra></extra>")
    top = max(values, default=0)
    return _figure(
        bar,
        max(240, 44 * len(ranked) + 80),
        xaxis={"title": {"text": t("needs.dots_axis", lang)}, "range": [0, top * 1.15 + 1]},
    )


@dataclass(frozen=True)
class Heatmap:
    need_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    figure: go.Figure


def _reasons(match_lines: Sequence[str]) -> str:
    return "<br>".join(match_lines)


def match_heatmap(
    needs: Sequence[NeedCard], sources: Sequence[DataSourceCard], decks: Decks, lang: str
) -> Heatmap:
    """Needs (rows) × sources (columns) coloured by suggestion score, with the matching
    engine's reasons on hover."""
    matrix = match_matrix(needs, sources)
    hover: list[list[str]] = []
    for i, need in enumerate(needs):
        by_source = {m.source: m for m in match_sources(need, sources, decks)}
        row = []
        for j, source in enumerate(sources):
            head = (
                f"<b>{plotly_text(need.title.get(lang))}</b>"
                f"<br>× {plotly_text(source.title.get(lang))}"
            )
            match = by_source.get(source.id)
            if match is None:
                lines = [t("use_cases.unrelated", lang)]
            else:
                lines = [
                    t("use_cases.score", lang, score=matrix.scores[i][j]),
                    *(
                        f"{r.points:+.0f} · {plotly_text(r.text.get(lang), 90)}"
                        for r in match.reasons
                    ),
                ]
                if not match.usable:
                    lines.append(t("use_cases.not_usable", lang))
            row.append(head + "<br>" + _reasons(lines))
        hover.append(row)
    heat = go.Heatmap(
        z=[list(r) for r in matrix.scores],
        x=[plotly_text(s.title.get(lang), 28) for s in sources],
        y=[plotly_text(n.title.get(lang), 32) for n in needs],
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        colorscale="Cividis",
        zmin=0,
        zmax=100,
        colorbar={"title": {"text": t("use_cases.score_axis", lang)}, "thickness": 12},
        xgap=2,
        ygap=2,
    )
    return Heatmap(
        need_ids=matrix.needs,
        source_ids=matrix.sources,
        figure=_figure(heat, max(320, 34 * len(needs) + 220), xaxis={"tickangle": -45}),
    )


def fit_bars(fits: Sequence[ModelFit], lang: str, chosen: str | None = None) -> go.Figure:
    """Each governance model's fit (0–100), the group's choice in orange."""
    labels = [plotly_text(f.title.get(lang)) for f in fits]
    values = [f.fit for f in fits]
    colours = [ORANGE if f.model == chosen else BLUE for f in fits]
    bar = _hbars(labels, values, colours, "%{y}: %{x}/100<extra></extra>")
    return _figure(
        bar,
        60 * len(fits) + 100,
        xaxis={"range": [0, 105], "title": {"text": t("governance.fit_axis", lang)}},
    )
