"""The facilitator's room protection on the console: pick a participant, then hide or show
all their proposals at once, or remove them with their contributions (after a
confirmation). Names follow the workshop's anonymous mode (the console's "show pseudonyms",
off by default)."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
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
    if not people:
        return
    labels = {
        p.id: (p.pseudonym if named else ctx.t("console.anonymous", n=n))
        + " · "
        + ctx.t("protect.contributions", n=p.contributions)
        for n, p in enumerate(people, 1)
    }
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
