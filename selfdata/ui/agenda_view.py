"""The agenda and the readiness list on the preparation page, and the console's clock: the
current step's planned and used time, and the whole workshop's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from selfdata.app import services
from selfdata.domain.agenda import (
    MAX_SESSION_MINUTES,
    MAX_STEP_MINUTES,
    MIN_SESSION_MINUTES,
    PRESETS,
    Agenda,
    format_minutes,
    step_sessions,
)
from selfdata.domain.cards import STEP_IDS
from selfdata.ui.flash import flash
from selfdata.ui.outage import guarded
from selfdata.ui.session import PageContext

STATUS_ICONS = {
    "ok": ":material/check_circle:",
    "todo": ":material/error:",
    "advice": ":material/info:",
}


def _agenda_table(ctx: PageContext, plan: Agenda) -> None:
    columns = {
        ctx.t("prepare.agenda_step"): [ctx.t(f"step.{step}") for step in STEP_IDS],
        ctx.t("prepare.agenda_minutes"): [format_minutes(plan.planned(step)) for step in STEP_IDS],
    }
    several = len(plan.sessions) > 1
    if several:
        sessions = step_sessions(plan)
        columns[ctx.t("prepare.agenda_session")] = [
            ctx.t("prepare.agenda_session_n", n=sessions[step]) if step in sessions else "—"
            for step in STEP_IDS
        ]
    st.table(pd.DataFrame(columns).set_index(ctx.t("prepare.agenda_step")))
    if several:
        sessions = step_sessions(plan)
        for n, length in enumerate(plan.sessions, start=1):
            planned = sum(plan.planned(s) for s, k in sessions.items() if k == n)
            st.markdown(
                ctx.t(
                    "prepare.agenda_session_total",
                    n=n,
                    planned=format_minutes(planned),
                    available=format_minutes(length),
                )
            )
    st.markdown(
        ctx.t(
            "prepare.agenda_total",
            planned=format_minutes(plan.total),
            available=format_minutes(plan.available),
        )
    )


def _save(ctx: PageContext, code: str, secret: str, preset: str) -> None:
    if preset == "custom":
        minutes = {s: int(st.session_state.get(f"prepare_agenda_{s}", 0)) for s in STEP_IDS}
        available = int(st.session_state.get("prepare_agenda_available", 210))
        done = ctx.act(services.set_agenda, ctx.store, code, secret, preset, minutes, [available])
    else:
        done = ctx.act(services.set_agenda, ctx.store, code, secret, preset)
    if done is not None:
        flash(ctx.t("prepare.agenda_saved"), "success")


def agenda_editor(ctx: PageContext, code: str, secret: str) -> None:
    """A format (half-day, two sessions, custom) and the time it gives each step."""
    st.subheader(ctx.t("prepare.agenda_header"))
    st.caption(ctx.t("prepare.agenda_help"))
    current = services.agenda(ctx.store, code)
    if current is None:
        st.caption(ctx.t("prepare.agenda_none"))
    else:
        st.caption(
            ctx.t("prepare.agenda_saved_as", preset=ctx.t(f"agenda.preset.{current.preset}"))
        )
    preset = st.radio(
        ctx.t("prepare.agenda_preset"),
        PRESETS,
        index=PRESETS.index(current.preset) if current is not None else 0,
        format_func=lambda p: ctx.t(f"agenda.preset.{p}"),
        horizontal=True,
        key="prepare_agenda_preset",
    )
    if preset != "custom":
        _agenda_table(ctx, services.proposed_agenda(preset))
        st.button(
            ctx.t("prepare.agenda_save"),
            key="prepare_agenda_save",
            type="primary",
            on_click=_save,
            args=(ctx, code, secret, preset),
        )
        return
    base = current if current is not None else services.proposed_agenda("custom")
    with st.form("prepare_agenda_custom"):
        st.number_input(
            ctx.t("prepare.agenda_available"),
            min_value=MIN_SESSION_MINUTES,
            max_value=MAX_SESSION_MINUTES,
            value=base.available,
            step=5,
            key="prepare_agenda_available",
        )
        columns = st.columns(2)
        for n, step in enumerate(STEP_IDS):
            columns[n % 2].number_input(
                ctx.t("prepare.agenda_step_minutes", step=f"{n + 1}. {ctx.t(f'step.{step}')}"),
                min_value=0,
                max_value=MAX_STEP_MINUTES,
                value=base.planned(step),
                step=5,
                key=f"prepare_agenda_{step}",
            )
        st.form_submit_button(
            ctx.t("prepare.agenda_save"),
            type="primary",
            on_click=_save,
            args=(ctx, code, secret, preset),
        )
    if current is not None and current.preset == "custom":
        _agenda_table(ctx, current)


def readiness(ctx: PageContext, code: str, secret: str) -> None:
    """What is missing before the room arrives: one line per check, its status, and what
    to do."""
    st.subheader(ctx.t("prepare.ready_header"))
    checks = services.readiness_checks(ctx.store, code, secret)
    missing = sum(1 for c in checks if c.status == "todo")
    if missing:
        st.warning(ctx.t("prepare.ready_missing", n=missing))
    else:
        st.success(ctx.t("prepare.ready_all"))
    with st.container(key="prepare_readiness"):
        for check in checks:
            line = (
                f"{STATUS_ICONS[check.status]} **{ctx.t(f'ready.status.{check.status}')}** — "
                + ctx.t(check.message_key, **check.values)
            )
            if check.action_key is not None:
                line += "  \n" + ctx.t(check.action_key)
            st.markdown(line)


def _restart(ctx: PageContext, code: str, secret: str) -> None:
    ctx.act(services.restart_clock, ctx.store, code, secret)


@st.fragment(run_every=20)
@guarded
def clock(ctx: PageContext, code: str, secret: str) -> None:
    """The current step's time used against its plan, and the whole workshop's; it
    refreshes itself every twenty seconds."""
    progress = services.agenda_progress(ctx.store, code)
    st.subheader(ctx.t("console.clock_header"))
    used_step = progress.step_used / 60
    used_all = progress.elapsed / 60
    with st.container(horizontal=True, key="console_clock"):
        for label, used, planned in (
            ("console.clock_step", used_step, progress.step_planned),
            ("console.clock_total", used_all, progress.total_planned),
        ):
            with st.container(border=True):
                if progress.agenda is None:
                    st.metric(ctx.t(label), format_minutes(used))
                    continue
                st.metric(
                    ctx.t(label),
                    ctx.t(
                        "console.clock_of",
                        used=format_minutes(used),
                        planned=format_minutes(planned),
                    ),
                )
                left = planned - used
                note = (
                    ctx.t("console.clock_left", time=format_minutes(left))
                    if left >= 0
                    else ctx.t("console.clock_over", time=format_minutes(-left))
                )
                st.progress(min(1.0, used / planned) if planned else 1.0, text=note)
    if progress.agenda is None:
        st.caption(ctx.t("console.clock_no_agenda"))
    if not progress.started:
        st.caption(ctx.t("console.clock_idle"))
    st.button(
        ctx.t("console.clock_restart" if progress.started else "console.clock_start"),
        key="console_clock_restart",
        icon=":material/timer:",
        on_click=_restart,
        args=(ctx, code, secret),
    )
