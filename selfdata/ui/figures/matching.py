"""The use-cases step's matches on screen: needs (rows) × data sources (columns) coloured by
the matching engine's suggestion score (:mod:`selfdata.engines.matching`), its reasons on
hover; cividis, colour-blind safe."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from selfdata.domain import palette
from selfdata.domain.cards import DataSourceCard, Decks, NeedCard
from selfdata.engines.matching import match_matrix, match_sources
from selfdata.i18n import t
from selfdata.ui.figures.common import plotly_text, room_figure


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
        colorscale=palette.SEQUENTIAL_SCALE,
        zmin=0,
        zmax=100,
        colorbar={"title": {"text": t("use_cases.score_axis", lang)}, "thickness": 12},
        xgap=2,
        ygap=2,
    )
    return Heatmap(
        need_ids=matrix.needs,
        source_ids=matrix.sources,
        figure=room_figure(heat, max(320, 34 * len(needs) + 220), xaxis={"tickangle": -45}),
    )
