"""The facilitator console's sections: the step buttons, lock / reveal / undo, the
countdown, the participants, moderation of proposals, the vote settings and the step's
guide. ``pages/console.py`` puts them in order."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from selfdata.app import links, services
from selfdata.app.network_subjects import step_five_is_empty
from selfdata.app.read_models import RoomState
from selfdata.domain.cards import STEP_IDS, Card
from selfdata.domain.limits import DOTS_MAX, DOTS_MIN
from selfdata.domain.visibility import pseudonyms_on_screen
from selfdata.ui.flash import flash
from selfdata.ui.group_decision_view import reveal_waits_for_the_round
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, safe

Proposal = tuple[str, str, Card | None, bool, str | None]
"""A participant's proposal as moderation lists it: kind, id, card, hidden, author."""


def _step_label(ctx: PageContext, number: int, step: str) -> str:
    return f"{number + 1}. {ctx.t(f'step.{step}')}"


def links_block(ctx: PageContext, code: str) -> None:
    """The projector's link (read-only, no secret) and the join link for the tablets, as
    buttons opening a new window."""
    wall_links(ctx, code)
    st.caption(ctx.t("console.join_link", url=links.join_url(ctx.base_url, code, ctx.lang)))


def wall_links(ctx: PageContext, code: str) -> None:
    """Two buttons that open a new window: the projection (no secret) and the join page."""
    lang = {"lang": "en"} if ctx.lang == "en" else {}
    projection = links.page_url(
        ctx.base_url, "projection", {"code": code, "view": "projection", **lang}
    )
    with st.container(horizontal=True, gap="small", key="console_links"):
        st.link_button(
            ctx.t("console.open_projection"),
            projection,
            icon=":material/co_present:",
            type="primary",
        )
        st.link_button(
            ctx.t("wall.open_join"),
            links.join_url(ctx.base_url, code, ctx.lang),
            icon=":material/qr_code_2:",
        )
    st.caption(ctx.t("wall.new_window"))


def step_buttons(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """One button per step.

    The step changes only on a deliberate click, never through a stateful widget whose value
    the browser could resend (a radio forced to the stored step fired its on_change with a
    stale or fallback value during a live-update redraw, and moved the room)."""
    st.markdown(
        ctx.t("console.step_now", step=_step_label(ctx, STEP_IDS.index(room.step), room.step)),
    )
    with st.container(horizontal=True, gap="small", key="console_steps"):
        for number, step in enumerate(STEP_IDS):
            current = step == room.step
            st.button(
                _step_label(ctx, number, step),
                icon=":material/play_arrow:" if current else None,
                key=f"console_step_{step}",
                on_click=ctx.act,
                args=(services.set_step, ctx.store, code, secret, step),
                type="primary" if current else "secondary",
                disabled=current,
                help=ctx.t("console.step_current") if current else ctx.t("console.step_go"),
            )


def _undo(ctx: PageContext, code: str, secret: str) -> None:
    """Undo the latest action and say which it was ("Undone: reveal of the ranking")."""
    done = ctx.act(services.undo_step, ctx.store, code, secret)
    if done is not None:
        flash(ctx.t("console.undone", what=services.describe_undo(done, ctx.lang)), "success")


def room_controls(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """The room's status line, then lock / unlock, reveal / hide this step, undo."""
    store = ctx.store
    revealed = room.step in room.revealed
    st.markdown(
        ctx.t("console.status_locked" if room.locked else "console.status_open")
        + " · "
        + ctx.t("console.status_revealed" if revealed else "console.status_hidden")
    )
    c1, c2, c3 = st.columns(3)
    with c1:
        lock_label = "console.unlock" if room.locked_by_facilitator else "console.lock"
        action_button(
            ctx,
            ctx.t(lock_label),
            "console_lock",
            services.set_locked,
            store,
            code,
            secret,
            not room.locked_by_facilitator,
        )
    with c2:
        waits = reveal_waits_for_the_round(ctx, room.step, revealed)
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
            disabled=waits,
        )
    with c3:
        # names what it will undo, before (the button) and after (the message)
        step = room.next_undo
        label = (
            ctx.t("console.undo_what", what=services.describe_undo(step, ctx.lang))
            if step is not None and room.can_undo
            else ctx.t("console.nothing_to_undo")
        )
        st.button(
            label,
            key="console_undo",
            on_click=_undo,
            args=(ctx, code, secret),
            disabled=not room.can_undo,
            width="stretch",
        )


def _start_timer(ctx: PageContext, code: str, secret: str) -> None:
    minutes = float(st.session_state.get("console_timer_minutes") or 5)
    ctx.act(services.start_timer, ctx.store, code, secret, minutes * 60)


def timer(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """The countdown: minutes, start, stop, and when it ends."""
    st.subheader(ctx.t("console.timer"))
    t1, t2, t3 = st.columns([2, 1, 1])
    t1.number_input(
        ctx.t("console.minutes"),
        min_value=1,  # whole minutes: no "5.00" on a French screen (issue 30)
        max_value=60,
        value=5,
        step=1,
        key="console_timer_minutes",
    )
    t2.button(
        ctx.t("console.start_timer"),
        key="console_timer_start",
        on_click=_start_timer,
        args=(ctx, code, secret),
        width="stretch",
    )
    with t3:
        action_button(
            ctx,
            ctx.t("console.stop_timer"),
            "console_timer_stop",
            services.stop_timer,
            ctx.store,
            code,
            secret,
            disabled=room.timer_end is None,
        )
    if room.timer_end is not None:
        end = datetime.fromtimestamp(room.timer_end).strftime("%H:%M:%S")
        key = "console.timer_over" if not room.timer_remaining else "console.timer_running"
        st.caption(ctx.t(key, end=end))


SHOW_PSEUDONYMS = "console_show_pseudonyms"


def anonymous_mode(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """The workshop's anonymous mode: what it hides now, and the button that changes it
    (one write, in the audit log, undoable)."""
    shown = room.show_pseudonyms
    st.caption(ctx.t("console.pseudonyms_shown" if shown else "console.pseudonyms_hidden"))
    action_button(
        ctx,
        ctx.t("console.hide_pseudonyms" if shown else "console.show_pseudonyms"),
        SHOW_PSEUDONYMS,
        services.set_pseudonyms_shown,
        ctx.store,
        code,
        secret,
        not shown,
    )


def participants(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """Who joined, with their number of contributions: "Participant 1, 2…" in anonymous mode
    (the workshop's setting), pseudonyms once the facilitator turns them on."""
    st.subheader(ctx.t("console.participants", n=room.participants))
    anonymous_mode(ctx, room, code, secret)
    listed = services.participants(ctx.store, code)
    people = listed.participants
    if people:
        columns: dict[str, list[str] | list[int]] = {
            ctx.t("console.pseudonym"): [
                p.pseudonym
                if pseudonyms_on_screen(listed.named)
                else ctx.t("console.anonymous", n=n)
                for n, p in enumerate(people, 1)
            ],
            ctx.t("console.contributions"): [p.contributions for p in people],
        }
        if any(p.table is not None for p in people):
            columns[ctx.t("tables.col_table")] = [
                p.table.name if p.table else ctx.t("tables.unseated") for p in people
            ]
        st.dataframe(
            pd.DataFrame(columns),
            hide_index=True,
            width="stretch",
            key="console_participants",
        )


def proposals(ctx: PageContext, code: str, secret: str) -> list[Proposal]:
    """The needs, then the sources, that participants proposed (hidden ones included)."""
    needs = services.needs_board(ctx.store, code, secret=secret).needs
    sources = services.inventory(ctx.store, code, secret=secret).sources
    found: list[Proposal] = [
        ("need", n.id, n.card, n.hidden, n.proposed_by_pseudonym) for n in needs if n.proposed_by
    ]
    found += [
        ("source", s.id, s.card, s.hidden, s.proposed_by_pseudonym)
        for s in sources
        if s.proposed_by
    ]
    return found


def moderation(ctx: PageContext, code: str, secret: str) -> None:
    """Every proposal with its author, struck through when hidden, and show / hide."""
    st.subheader(ctx.t("console.moderation"))
    proposed = proposals(ctx, code, secret)
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
            + safe(
                ctx.t(f"console.kind_{kind}", name=author)
                if author is not None
                else ctx.t(f"console.kind_{kind}_anonymous")
            )
        )
        with m2:
            action_button(
                ctx,
                ctx.t("console.show" if hidden else "console.hide_item"),
                f"console_hide_{kind}_{item_id}",
                services.hide_contribution,
                ctx.store,
                code,
                secret,
                kind,
                item_id,
                not hidden,
            )


def vote_settings(ctx: PageContext, room: RoomState, code: str, secret: str) -> None:
    """The dot budget and the cap per need, applied together."""
    with st.expander(ctx.t("console.settings")), st.form("console_settings_form"):
        budget = st.number_input(
            ctx.t("console.budget"), DOTS_MIN, DOTS_MAX, room.vote_budget, key="console_budget"
        )
        cap = st.number_input(
            ctx.t("console.cap"), DOTS_MIN, DOTS_MAX, room.vote_cap, key="console_cap"
        )
        if st.form_submit_button(ctx.t("console.apply")):
            ctx.act(
                services.set_vote_settings,
                ctx.store,
                code,
                secret,
                budget=int(budget),
                cap=int(cap),
            )
            st.rerun()


def step_five_warning(ctx: PageContext, room: RoomState, code: str) -> None:
    """At steps 4 and 5, say when step 5 has nothing to draw (issue 30, M5)."""
    if room.step in ("governance", "network") and step_five_is_empty(
        services.scenarios(ctx.store, code)
    ):
        st.warning(ctx.t("console.step_five_empty"), icon=":material/warning:")


def guide(ctx: PageContext, room: RoomState) -> None:
    """The current step's guide card: purpose, questions to ask, pitfalls."""
    card = next((s for s in ctx.decks.steps if s.id == room.step), None)
    if card is None:
        return
    plan = services.agenda_progress(ctx.store, ctx.code).agenda if ctx.code else None
    # the saved agenda's minutes for this step, else the guide card's (issue 30: "45 min"
    # beside "35 min planned")
    minutes = plan.planned(room.step) if plan is not None else card.duration_minutes
    st.subheader(ctx.t("console.guide", step=card.title.get(ctx.lang), minutes=minutes))
    st.markdown(safe(card.purpose.get(ctx.lang)))
    st.markdown("**" + ctx.t("console.questions") + "**")
    for q in card.questions:
        st.markdown("- " + safe(q.get(ctx.lang)))
    st.markdown("**" + ctx.t("console.pitfalls") + "**")
    for p in card.pitfalls:
        st.markdown("- " + safe(p.get(ctx.lang)))
