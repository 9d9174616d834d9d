"""Sections shared by the projection and the step pages: live counts, results, and the
cached figures (by workshop version, so 40 tablets redraw from one computation)."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import streamlit as st

from selfdata.app import outcomes, services
from selfdata.app.read_models import NeedsBoard
from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.visibility import sees_table_item
from selfdata.domain.workshop import UseCase
from selfdata.engines.governance import ModelFit
from selfdata.engines.matching import workshop_coverage, workshop_needs, workshop_sources
from selfdata.files.loading import default_decks
from selfdata.ui.charts import plotly_chart
from selfdata.ui.context import get_store
from selfdata.ui.figures.matching import Heatmap, match_heatmap
from selfdata.ui.figures.ready import NO_TOOLBAR, ReadyFigure, ready
from selfdata.ui.figures.votes import patch_vote_bars, vote_bars
from selfdata.ui.figures.wall import on_wall
from selfdata.ui.widgets import qr_png, safe

if TYPE_CHECKING:
    from selfdata.ui.context import PageContext


@st.cache_resource(show_spinner=False, max_entries=64)
def deck_in_play(code: str, ranking_version: int, kind: str) -> tuple[Any, ...]:
    """The cards of ``kind`` the room is offered (:func:`services.room_deck`), read once per
    ``ranking_version`` (which every change of a deck or of the cards in play moves, and no
    dot) instead of on every run of every tablet. Shared, never mutated."""
    return tuple(services.room_deck(get_store(), code, kind))


@st.cache_resource(show_spinner=False, max_entries=64)
def _vote_template(bars: int, lang: str, wall: bool) -> ReadyFigure:
    """The vote chart for ``bars`` needs in ``lang`` (on the wall or not), built and
    validated once: every vote only patches its values in (never mutated: shared by every
    screen of the process)."""
    template = ready(vote_bars([("", 0)] * bars, lang))
    return on_wall(template) if wall else template


def vote_figure(
    totals: tuple[tuple[str, int], ...], lang: str, *, wall: bool = False
) -> ReadyFigure:
    """The dots per need as plain data (the projector and every screen on a revealed needs
    step redraw it after every vote; see :mod:`selfdata.ui.figures.ready`), restyled for the
    wall when ``wall``: the cached chart of as many bars with these totals patched in
    (:func:`~selfdata.ui.figures.votes.patch_vote_bars`)."""
    return ReadyFigure(patch_vote_bars(_vote_template(len(totals), lang, wall).spec, totals))


@st.cache_data(show_spinner=False, max_entries=16)
def join_qr(url: str) -> bytes:
    """The join link's QR code as PNG, drawn once per address (the projector redraws every
    time the workshop moves)."""
    return qr_png(url)


@st.cache_data(show_spinner=False, max_entries=16)
def join_qr_html(url: str, alt: str) -> str:
    """The join QR code as an ``<img>`` with a text alternative (screen readers, axe), sized
    by the wall's CSS (``.sd-qr``)."""
    data = base64.b64encode(qr_png(url)).decode("ascii")
    return f'<img class="sd-qr" src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


@st.cache_data(show_spinner=False, max_entries=32)
def heatmap(code: str, version: int, lang: str) -> tuple[Heatmap, tuple[str, ...], tuple[str, ...]]:
    """The needs × sources heatmap and the coverage warnings (uncovered needs, unused
    sources), computed once per workshop version and language."""
    workshop = services.workshop_snapshot(get_store(), code)
    decks = default_decks()
    needs, sources = workshop_needs(workshop, decks), workshop_sources(workshop, decks)
    coverage = workshop_coverage(workshop, decks)
    return (
        match_heatmap(needs, sources, decks, lang, workshop.dots_per_need()),
        coverage.uncovered_needs,
        coverage.unused_sources,
    )


@st.cache_data(show_spinner=False, max_entries=32)
def matching_inputs(
    code: str, version: int
) -> tuple[tuple[NeedCard, ...], tuple[DataSourceCard, ...]]:
    """The workshop's needs and sources as the matching engine sees them, once per workshop
    version (reading the whole workshop each rerun cost most of the use-cases page on a
    large workshop: see bench/pages.py)."""
    workshop = services.workshop_snapshot(get_store(), code)
    decks = default_decks()
    return tuple(workshop_needs(workshop, decks)), tuple(workshop_sources(workshop, decks))


@st.cache_data(show_spinner=False, max_entries=64)
def governance_fits(code: str, version: int, use_case_id: str) -> tuple[ModelFit, ...]:
    """The five models' fit for a use case's recorded answers (per workshop version)."""
    use_case = next(
        u for u in services.use_cases(get_store(), code).use_cases if u.id == use_case_id
    )
    return outcomes.governance_fits(use_case, default_decks())


def need_totals(board: NeedsBoard, lang: str) -> tuple[tuple[str, int], ...]:
    return tuple(
        (n.card.title.get(lang) if n.card else n.id, n.total)
        for n in board.needs
        if n.total is not None and not n.hidden
    )


def step_counts(ctx: PageContext, table: str | None = None) -> list[tuple[str, int | str]]:
    """The live counts shown on the projector for the current step (a table screen's dots
    and voters are its table's)."""
    assert ctx.room is not None and ctx.code is not None
    room = ctx.room
    # a table's screen says which counts are the whole room's and which the table's
    per = "" if table is None else "_table"
    counts: list[tuple[str, int | str]] = [
        (
            ctx.t("counts.participants" if table is None else "counts.room_participants"),
            room.participants,
        )
    ]
    if room.step == "inventory":
        counts.append((ctx.t("counts.sources"), services.inventory(ctx.store, ctx.code).selected))
    elif room.step == "needs":
        board = services.needs_board(ctx.store, ctx.code, table=table)
        counts += [
            (ctx.t(f"counts.dots{per}"), board.dots_cast),
            (ctx.t(f"counts.voters{per}"), board.voters),
        ]
    elif room.step in ("use_cases", "governance"):
        cases = table_use_cases(services.use_cases(ctx.store, ctx.code).use_cases, table)
        counts.append((ctx.t("counts.use_cases"), len(cases)))
        if room.step == "governance":
            chosen = sum(1 for u in cases if u.governance_choice)
            counts.append((ctx.t("counts.chosen"), f"{chosen}/{len(cases)}"))
    elif room.step == "scenarios":  # the tablets show it only with the results (issue 25)
        ratings = services.scenario_ratings(ctx.store, ctx.code, light=True)
        counts += [
            (ctx.t("counts.raters"), ratings.raters),
            (ctx.t("counts.ratings"), ratings.given),
        ]
    return counts


def table_use_cases(cases: Sequence[UseCase], table: str | None) -> list[UseCase]:
    """The use cases a screen shows: all of them for the room's screen (``table`` None),
    the whole room's and that table's for a table screen."""
    return [u for u in cases if sees_table_item("projection", table, u.table)]


def projected_results(ctx: PageContext, table: str | None = None) -> None:
    """The current step's results for the wall (only called once revealed: see
    :func:`selfdata.domain.visibility.may_see_results`); on a table's screen (``table``), the
    use cases are the whole room's and that table's."""
    assert ctx.room is not None and ctx.code is not None
    step, lang = ctx.room.step, ctx.lang
    if step == "inventory":
        view = services.inventory(ctx.store, ctx.code)
        chosen = [
            "- " + safe(item.card.title.get(lang))
            for item in view.sources
            if item.selected and item.card is not None
        ]
        with st.container(key="sd-wall-inventory"):  # two columns: all above the fold
            st.markdown("\n".join(chosen))
    elif step == "needs":
        board = services.needs_board(ctx.store, ctx.code)
        totals = need_totals(board, lang)
        if totals:
            plotly_chart(
                lang,
                vote_figure(totals, lang, wall=True),
                width="stretch",
                key="projection_votes",
                config=NO_TOOLBAR,
            )
    elif step in ("use_cases", "governance"):
        titles = {m.id: m.title.get(lang) for m in ctx.decks.governance_models}
        for u in table_use_cases(services.use_cases(ctx.store, ctx.code).use_cases, table):
            choice = titles.get(u.governance_choice or "", "—")
            line = f"**{safe(u.title)}**"
            if step == "governance":
                line += " — " + safe(choice)
            st.markdown(line)
    elif step == "network":
        from selfdata.ui.network_view import project_network

        project_network(ctx)
    elif step == "scenarios":
        from selfdata.ui.scenario_view import project_scenarios

        project_scenarios(ctx)
    else:
        st.markdown(safe(ctx.t("projection.see_step")))
