"""The facilitator's room protection on the console: pick a participant, then hide or show
all their proposals at once, or remove them with their contributions (after a
confirmation). Names follow the workshop's anonymous mode (the console's "show pseudonyms",
off by default)."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from selfdata.app import access, services
from selfdata.app.workshops import iso_at
from selfdata.domain.joining import joins_by_minute, joins_since
from selfdata.domain.limits import JOIN_BURST_WARNING
from selfdata.domain.visibility import pseudonyms_on_screen
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button

PREFIX = "protect_"


def participant_controls(ctx: PageContext, code: str, secret: str) -> None:
    is_open = services.joining_open(ctx.store, code)
    action_button(
        ctx,
        ctx.t("protect.close_joining" if is_open else "protect.reopen_joining"),
        f"{PREFIX}joining",
        services.set_joining_open,
        ctx.store,
        code,
        secret,
        not is_open,
    )
    if not is_open:
        st.caption(ctx.t("protect.joining_closed"))
    listed = services.participants(ctx.store, code)
    people, named = listed.participants, listed.named
    approval(ctx, code, secret, sum(p.waiting for p in people))
    if not people:
        return
    arrivals(ctx, code, secret, [p.joined for p in people])
    labels = {
        p.id: (p.pseudonym if pseudonyms_on_screen(named) else ctx.t("console.anonymous", n=n))
        + " · "
        + (ctx.t("protect.waiting_tag") + " · " if p.waiting else "")
        + ctx.t("protect.contributions", n=p.contributions)
        for n, p in enumerate(people, 1)
    }
    waiting = {p.id for p in people if p.waiting}
    with st.expander(ctx.t("protect.title"), icon=":material/shield:"):
        chosen = st.selectbox(
            ctx.t("protect.who"),
            list(labels),
            format_func=labels.__getitem__,
            key=f"{PREFIX}who",
            placeholder=ctx.t("common.choose"),
        )
        if chosen is None:
            return
        if chosen in waiting:
            action_button(
                ctx,
                ctx.t("protect.admit"),
                f"{PREFIX}admit_{chosen}",
                services.admit,
                ctx.store,
                code,
                secret,
                chosen,
                primary=True,
            )
        c1, c2 = st.columns(2)
        with c1:
            action_button(
                ctx,
                ctx.t("protect.hide_all"),
                f"{PREFIX}hide_{chosen}",
                services.hide_participant_proposals,
                ctx.store,
                code,
                secret,
                chosen,
                True,
            )
        with c2:
            action_button(
                ctx,
                ctx.t("protect.show_all"),
                f"{PREFIX}show_{chosen}",
                services.hide_participant_proposals,
                ctx.store,
                code,
                secret,
                chosen,
                False,
            )
        sure = st.checkbox(ctx.t("protect.remove_confirm"), key=f"{PREFIX}sure_{chosen}")
        action_button(
            ctx,
            ctx.t("protect.remove"),
            f"{PREFIX}remove_{chosen}",
            services.remove_participant,
            ctx.store,
            code,
            secret,
            chosen,
            disabled=not sure,
        )


def _local_minute(minute: str) -> str:
    """``2026-12-07T14:02`` (UTC) as the server's local ``HH:MM``."""
    return datetime.fromisoformat(minute + ":00+00:00").astimezone().strftime("%H:%M")


def arrivals(ctx: PageContext, code: str, secret: str, joined: list[str | None]) -> None:
    """Joins per minute, a warning on a burst, and "remove everyone who joined since…" in
    one confirmed action (:func:`services.remove_joined`)."""
    recent = joins_since(joined, iso_at(access.clock() - 60))
    burst = recent >= JOIN_BURST_WARNING
    if burst:
        st.warning(ctx.t("protect.burst", n=recent), icon=":material/group_add:")
    minutes = joins_by_minute(joined)
    counts = dict(minutes)
    with st.expander(ctx.t("protect.arrivals"), icon=":material/schedule:", expanded=burst):
        since = st.selectbox(
            ctx.t("protect.since"),
            [m for m, _ in reversed(minutes)],
            format_func=lambda m: ctx.t("protect.minute", time=_local_minute(m), n=counts[m]),
            key=f"{PREFIX}since",
            placeholder=ctx.t("common.choose"),
        )
        if since is None:
            return
        n = joins_since(joined, since)
        sure = st.checkbox(ctx.t("protect.remove_since_confirm", n=n), key=f"{PREFIX}since_sure")
        action_button(
            ctx,
            ctx.t("protect.remove_since", n=n, time=_local_minute(since)),
            f"{PREFIX}remove_since",
            services.remove_joined,
            ctx.store,
            code,
            secret,
            since,
            disabled=not sure,
        )


def approval(ctx: PageContext, code: str, secret: str, waiting: int) -> None:
    """The switch that makes new arrivals wait for the facilitator, and the queue."""
    on = services.join_approval(ctx.store, code)
    action_button(
        ctx,
        ctx.t("protect.approval_off" if on else "protect.approval_on"),
        f"{PREFIX}approval",
        services.set_join_approval,
        ctx.store,
        code,
        secret,
        not on,
    )
    if on:
        st.caption(ctx.t("protect.approval_note"))
    if waiting:
        st.warning(ctx.t("protect.waiting", n=waiting), icon=":material/hourglass_top:")
        action_button(
            ctx,
            ctx.t("protect.admit_all"),
            f"{PREFIX}admit_all",
            services.admit,
            ctx.store,
            code,
            secret,
            primary=True,
        )
