"""Facilitator console: step, lock, countdown, reveal, participants, moderation, undo, guide."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from selfdata import links, services
from selfdata.cards import STEP_IDS
from selfdata.ui import live_updates, nav_link, page_context
from selfdata.ui.widgets import action_button, safe

ctx = page_context("console")
assert ctx.room is not None and ctx.code is not None and ctx.secret is not None
room, store, code, secret = ctx.room, ctx.store, ctx.code, ctx.secret
st.title(ctx.t("page.console"))
nav_link(
    ctx,
    "projection",
    "📽️ " + ctx.t("console.open_projection"),
    params={"code": code, "view": "projection", **({"lang": "en"} if ctx.lang == "en" else {})},
)
st.caption(ctx.t("console.join_link", url=links.join_url(ctx.base_url, code, ctx.lang)))


def _step_label(number: int, step: str) -> str:
    return f"{number + 1}. {ctx.t(f'step.{step}')}"


def _start_timer() -> None:
    minutes = float(st.session_state.get("console_timer_minutes") or 5)
    ctx.act(services.start_timer, store, code, secret, minutes * 60)


# The step changes only on a deliberate click: one button per step, never a stateful widget
# whose value the browser could resend (a radio forced to the stored step fired its on_change
# with a stale or fallback value during a live-update redraw, and moved the room).
st.markdown(
    ctx.t("console.step_now", step=_step_label(STEP_IDS.index(room.step), room.step)),
)
with st.container(horizontal=True, gap="small", key="console_steps"):
    for number, step in enumerate(STEP_IDS):
        current = step == room.step
        st.button(
            ("▶ " if current else "") + _step_label(number, step),
            key=f"console_step_{step}",
            on_click=ctx.act,
            args=(services.set_step, store, code, secret, step),
            type="primary" if current else "secondary",
            disabled=current,
            help=ctx.t("console.step_current") if current else ctx.t("console.step_go"),
        )

revealed = room.step in room.revealed
st.markdown(
    ctx.t("console.status_locked" if room.locked else "console.status_open")
    + " · "
    + ctx.t("console.status_revealed" if revealed else "console.status_hidden")
)
c1, c2, c3 = st.columns(3)
with c1:
    action_button(
        ctx,
        ctx.t("console.unlock" if room.locked_by_facilitator else "console.lock"),
        "console_lock",
        services.set_locked,
        store,
        code,
        secret,
        not room.locked_by_facilitator,
    )
with c2:
    action_button(
        ctx,
        ctx.t("console.hide" if revealed else "console.reveal"),
        "console_reveal",
        services.set_revealed,
        store,
        code,
        secret,
        room.step,
        not revealed,
        primary=True,
    )
with c3:
    action_button(
        ctx,
        ctx.t("console.undo"),
        "console_undo",
        services.undo,
        store,
        code,
        secret,
        disabled=not room.can_undo,
    )

st.subheader(ctx.t("console.timer"))
t1, t2, t3 = st.columns([2, 1, 1])
t1.number_input(
    ctx.t("console.minutes"),
    min_value=0.5,
    max_value=60.0,
    value=5.0,
    step=0.5,
    key="console_timer_minutes",
)
t2.button(
    ctx.t("console.start_timer"), key="console_timer_start", on_click=_start_timer, width="stretch"
)
with t3:
    action_button(
        ctx,
        ctx.t("console.stop_timer"),
        "console_timer_stop",
        services.stop_timer,
        store,
        code,
        secret,
        disabled=room.timer_end is None,
    )
if room.timer_end is not None:
    end = datetime.fromtimestamp(room.timer_end).strftime("%H:%M:%S")
    key = "console.timer_over" if not room.timer_remaining else "console.timer_running"
    st.caption(ctx.t(key, end=end))

st.subheader(ctx.t("console.participants", n=room.participants))
people = services.participants(store, code).participants
if people:
    st.dataframe(
        pd.DataFrame(
            {
                ctx.t("console.pseudonym"): [p.pseudonym for p in people],
                ctx.t("console.contributions"): [p.contributions for p in people],
            }
        ),
        hide_index=True,
        width="stretch",
    )

st.subheader(ctx.t("console.moderation"))
needs = services.needs_board(store, code, secret=secret).needs
sources = services.inventory(store, code, secret=secret).sources
proposed = [
    ("need", n.id, n.card, n.hidden, n.proposed_by_pseudonym) for n in needs if n.proposed_by
]
proposed += [
    ("source", s.id, s.card, s.hidden, s.proposed_by_pseudonym) for s in sources if s.proposed_by
]
if not proposed:
    st.caption(ctx.t("console.nothing_to_moderate"))
for kind, item_id, card, hidden, author in proposed:
    m1, m2 = st.columns([3, 1])
    title = card.title.get(ctx.lang) if card else item_id
    m1.markdown(
        ("~~" if hidden else "")
        + safe(title)
        + ("~~" if hidden else "")
        + "  \n"
        + safe(ctx.t(f"console.kind_{kind}", name=author or "?"))
    )
    with m2:
        action_button(
            ctx,
            ctx.t("console.show" if hidden else "console.hide_item"),
            f"console_hide_{kind}_{item_id}",
            services.hide_contribution,
            store,
            code,
            secret,
            kind,
            item_id,
            not hidden,
        )

with st.expander(ctx.t("console.settings")):
    with st.form("console_settings_form"):
        budget = st.number_input(
            ctx.t("console.budget"), 1, 50, room.vote_budget, key="console_budget"
        )
        cap = st.number_input(ctx.t("console.cap"), 1, 50, room.vote_cap, key="console_cap")
        if st.form_submit_button(ctx.t("console.apply")):
            ctx.act(
                services.set_vote_settings, store, code, secret, budget=int(budget), cap=int(cap)
            )
            st.rerun()

guide = next((s for s in ctx.decks.steps if s.id == room.step), None)
if guide is not None:
    st.subheader(
        ctx.t("console.guide", step=guide.title.get(ctx.lang), minutes=guide.duration_minutes)
    )
    st.markdown(safe(guide.purpose.get(ctx.lang)))
    st.markdown("**" + ctx.t("console.questions") + "**")
    for q in guide.questions:
        st.markdown("- " + safe(q.get(ctx.lang)))
    st.markdown("**" + ctx.t("console.pitfalls") + "**")
    for p in guide.pitfalls:
        st.markdown("- " + safe(p.get(ctx.lang)))

live_updates(ctx)
