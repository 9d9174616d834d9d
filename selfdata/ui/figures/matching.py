"""The use-cases step's matches on screen: needs (rows) × data sources (columns) coloured by
the matching engine's suggestion score (:mod:`selfdata.engines.matching`), its reasons on
hover; cividis, colour-blind safe.

A large workshop (a city's own inventory: up to 500 sources and 500 needs) is cut to the
:data:`MAX_NEEDS` most-voted needs and, for them, the :data:`MAX_SOURCES` best-matching
sources: 500 × 500 cells made a 146 MB chart message (and a 17,000-pixel-high figure no one
can read); the use-case form's suggestions still cover all of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.cards import DataSourceCard, Decks, NeedCard
from selfdata.engines.matching import match_matrix, match_sources
from selfdata.i18n import t
from selfdata.ui.figures.common import plotly_text, room_figure

MAX_NEEDS = 30
"""Rows shown at most: 34 px each, about a projector's screen and a half."""
MAX_SOURCES = 40
"""Columns shown at most: about 40 px each across a 1920-pixel projector."""
UNKNOWN_MARK = "?"
"""What a cell with no score shows (the page says what it means under the chart)."""


@dataclass(frozen=True)
class Heatmap:
    need_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    figure: go.Figure
    needs_total: int = 0
    """How many needs the workshop has (``len(need_ids)`` when none was cut)."""
    sources_total: int = 0
    unknown: int = 0
    """Cells with no score (to be qualified), marked :data:`UNKNOWN_MARK`."""

    @property
    def cut(self) -> bool:
        return len(self.need_ids) < self.needs_total or len(self.source_ids) < self.sources_total


def shown(
    needs: Sequence[NeedCard],
    sources: Sequence[DataSourceCard],
    votes: Mapping[str, int],
    max_needs: int = MAX_NEEDS,
    max_sources: int = MAX_SOURCES,
) -> tuple[list[NeedCard], list[DataSourceCard]]:
    """The needs and sources the heatmap draws, each kept in the workshop's order: the
    ``max_needs`` most-voted needs (ties: the workshop's order), then the ``max_sources``
    sources whose best score over those needs is highest (ties: the workshop's order)."""
    if len(needs) > max_needs:
        by_votes = sorted(range(len(needs)), key=lambda i: (-votes.get(needs[i].id, 0), i))
        keep = sorted(by_votes[:max_needs])
        needs = [needs[i] for i in keep]
    if len(sources) > max_sources:
        scores = match_matrix(needs, sources).scores
        best = [max((row[j] or 0 for row in scores), default=0) for j in range(len(sources))]
        by_score = sorted(range(len(sources)), key=lambda j: (-best[j], j))
        keep = sorted(by_score[:max_sources])
        sources = [sources[j] for j in keep]
    return list(needs), list(sources)


def _reasons(match_lines: Sequence[str]) -> str:
    return "<br>".join(match_lines)


def match_heatmap(
    needs: Sequence[NeedCard],
    sources: Sequence[DataSourceCard],
    decks: Decks,
    lang: str,
    votes: Mapping[str, int] | None = None,
) -> Heatmap:
    """Needs (rows) × sources (columns) coloured by suggestion score, with the matching
    engine's reasons on hover; cut to :func:`shown` (``votes``: dots per need id)."""
    needs_total, sources_total = len(needs), len(sources)
    needs, sources = shown(needs, sources, votes or {})
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
            elif match.score is None:  # nothing scored from a default: say what is missing
                lines = [plotly_text(r.text.get(lang), 90) for r in match.reasons]
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
    xs = [plotly_text(s.title.get(lang), 28) for s in sources]
    ys = [plotly_text(n.title.get(lang), 32) for n in needs]
    heat = go.Heatmap(
        z=[list(r) for r in matrix.scores],
        x=xs,
        y=ys,
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        colorscale=palette.SEQUENTIAL_SCALE,
        zmin=0,
        zmax=100,
        colorbar={"title": {"text": t("use_cases.score_axis", lang)}, "thickness": 12},
        xgap=2,
        ygap=2,
    )
    traces: list[object] = [heat]
    unknown = [
        (i, j) for i, row in enumerate(matrix.scores) for j, x in enumerate(row) if x is None
    ]
    if unknown:  # no colour from a default: the cell says it is to be qualified
        # a mark, explained under the chart: the words ran into one another from one cell to
        # the next with a dozen sources (walk U1: « à qualifierà qualifier… »)
        traces.append(
            go.Scatter(
                x=[xs[j] for _, j in unknown],
                y=[ys[i] for i, _ in unknown],
                mode="text",
                text=[UNKNOWN_MARK] * len(unknown),
                textfont={"size": 14},
                hoverinfo="skip",
                showlegend=False,
                name=t("use_cases.to_qualify_short", lang),
            )
        )
    return Heatmap(
        need_ids=matrix.needs,
        source_ids=matrix.sources,
        figure=room_figure(traces, max(320, 34 * len(needs) + 220), xaxis={"tickangle": -45}),
        needs_total=needs_total,
        sources_total=sources_total,
        unknown=len(unknown),
    )
