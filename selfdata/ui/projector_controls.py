"""The facilitator steers the wall: what the projector shows (ranking method and chart,
network scenario and comparison, QR size) is room state written by
:func:`selfdata.app.services.set_projection`; the projector has no controls and follows
within its live-update interval.

Choices are deliberate clicks (one button per option, the current one disabled), never a
stateful widget whose value a live redraw could resend (see ``console_view.step_buttons``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from selfdata.app import services
from selfdata.app.network_subjects import network_subjects
from selfdata.app.read_models import ProjectorState
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS
from selfdata.domain.workshop import Scenario
from selfdata.engines.ranking import METHODS
from selfdata.ui.session import PageContext

CHARTS = ("bars", "consensus", "heatmap", "weights", "resampled")
QR_SIZES = ("auto", "large", "small")
PLENARY_PARTS = ("auto", "needs", "scenarios")


def steer(ctx: PageContext, **changes: Any) -> None:
    """Change what the wall shows (a refusal becomes a message; nothing else changes)."""
    if ctx.code is None or ctx.secret is None:
        return
    ctx.act(services.set_projection, ctx.store, ctx.code, ctx.secret, **changes)


def _choices(
    ctx: PageContext,
    key: str,
    label: str,
    options: Sequence[tuple[str | None, str]],
    current: str | None,
    field: str,
) -> None:
    st.markdown(f"**{label}**")
    with st.container(horizontal=True, gap="small", key=f"wall_{key}"):
        for value, text in options:
            here = value == current
            st.button(
                text,
                key=f"wall_{key}_{value or 'none'}",
                on_click=steer,
                args=(ctx,),
                kwargs={field: value},
                type="primary" if here else "secondary",
                disabled=here,
                icon=":material/check:" if here else None,
            )


def method_choice(ctx: PageContext, state: ProjectorState, key: str = "method") -> None:
    _choices(
        ctx,
        key,
        ctx.t("wall.method"),
        [(m, ctx.t(f"scenarios.method.{m}")) for m in METHODS],
        state.method,
        "method",
    )


def chart_choice(ctx: PageContext, state: ProjectorState, key: str = "chart") -> None:
    _choices(
        ctx,
        key,
        ctx.t("wall.chart"),
        [(c, ctx.t(f"wall.chart.{c}")) for c in CHARTS],
        state.chart,
        "chart",
    )


def scenario_choice(
    ctx: PageContext,
    state: ProjectorState,
    scenarios: Sequence[Scenario],
    key: str = "scenario",
    *,
    drafts: bool = False,
) -> None:
    """Which scenario the wall shows; ``drafts``: before any scenario, step 5 draws the
    governed use cases, and the choice says so (the walk's K1: "Scénario projeté" over a
    list of use cases)."""
    if not scenarios:
        return
    shown = shown_scenario(state, scenarios)
    _choices(
        ctx,
        key,
        ctx.t("wall.use_case" if drafts else "wall.scenario"),
        [(s.id, s.title) for s in scenarios],
        shown.id,
        "scenario",
    )


def compare_choice(
    ctx: PageContext,
    state: ProjectorState,
    scenarios: Sequence[Scenario],
    key: str = "compare",
) -> None:
    if not scenarios:
        return
    shown = shown_scenario(state, scenarios)
    options: list[tuple[str | None, str]] = [(None, ctx.t("wall.compare.none"))]
    for model_id in GOVERNANCE_MODEL_IDS:
        model = ctx.decks.model(model_id)
        if model is not None and model_id != shown.model:
            options.append((model_id, model.title.get(ctx.lang)))
    current = state.compare if state.compare != shown.model else None
    _choices(ctx, key, ctx.t("wall.compare"), options, current, "compare")


def qr_choice(ctx: PageContext, state: ProjectorState, key: str = "qr") -> None:
    _choices(
        ctx,
        key,
        ctx.t("wall.qr"),
        [(q, ctx.t(f"wall.qr.{q}")) for q in QR_SIZES],
        state.qr,
        "qr",
    )


def plenary_choice(ctx: PageContext, state: ProjectorState, key: str = "plenary") -> None:
    """What the plenary view (``table=all``) shows: votes, rankings, or the room's step."""
    _choices(
        ctx,
        key,
        ctx.t("wall.plenary"),
        [(p, ctx.t(f"wall.plenary.{p}")) for p in PLENARY_PARTS],
        state.plenary,
        "plenary",
    )


def shown_scenario(state: ProjectorState, scenarios: Sequence[Scenario]) -> Scenario:
    """The scenario the wall shows: the facilitator's choice, else the first one."""
    return next((s for s in scenarios if s.id == state.scenario), scenarios[0])


def wall_panel(ctx: PageContext) -> None:
    """The console's "On the wall" section: every choice of what the projector shows."""
    assert ctx.room is not None and ctx.code is not None
    state = ctx.room.projector
    st.subheader(ctx.t("wall.header"))
    st.caption(ctx.t("wall.help"))
    qr_choice(ctx, state)
    if services.tables(ctx.store, ctx.code):
        plenary_choice(ctx, state)
    if ctx.room.step == "network":
        subjects = network_subjects(services.scenarios(ctx.store, ctx.code))
        scenario_choice(ctx, state, subjects.subjects)
        if not subjects.drafts:
            compare_choice(ctx, state, subjects.subjects)
    elif ctx.room.step == "scenarios":
        method_choice(ctx, state)
        chart_choice(ctx, state)
