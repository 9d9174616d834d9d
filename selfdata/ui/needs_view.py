"""The needs page's sections: one need card with its counts and dot buttons, and the ways to
put a need on the board (from the deck, or a new one). ``pages/needs.py`` lists them."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.app.views import NeedItem, NeedsBoard
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, card_box, proposal_form, safe


def need_card(ctx: PageContext, board: NeedsBoard, need: NeedItem, code: str) -> None:
    """A need: the card, its persona and counts, and (participant) add / remove a dot or
    (facilitator) show / hide it."""
    with st.container(border=True):
        # one text element (card, persona, counts) and one row of buttons per card: each
        # element is a message the server sends and wakes its event loop for (40 tablets:
        # see docs/load.md)
        counts = []
        if need.hidden:
            counts.append(safe(ctx.t("needs.hidden")))
        if need.total is not None:
            counts.append(safe(ctx.t("needs.total", n=need.total, voters=need.voters or 0)))
        if ctx.is_participant:
            counts.append(safe(ctx.t("needs.mine", n=need.my_dots, left=board.remaining)))
        if need.card is not None:
            card_box(need.card, ctx.lang, details=False, extra=counts)
        elif counts:
            st.markdown("\n\n".join(counts))
        if ctx.is_participant:
            with st.container(horizontal=True):
                action_button(
                    ctx,
                    ctx.t("needs.add_dot"),
                    f"needs_vote_{need.id}",
                    services.vote,
                    ctx.store,
                    code,
                    ctx.token,
                    need.id,
                    1,
                    # cap reached, budget spent or locked: the button says so by being off
                    disabled=board.locked
                    or need.hidden
                    or board.remaining == 0
                    or need.my_dots >= board.cap,
                    primary=True,
                )
                action_button(
                    ctx,
                    ctx.t("needs.remove_dot"),
                    f"needs_unvote_{need.id}",
                    services.vote,
                    ctx.store,
                    code,
                    ctx.token,
                    need.id,
                    -1,
                    disabled=board.locked or need.my_dots == 0,
                )
        if ctx.is_facilitator:
            action_button(
                ctx,
                ctx.t("console.show" if need.hidden else "console.hide_item"),
                f"needs_hide_{need.id}",
                services.hide_contribution,
                ctx.store,
                code,
                ctx.secret,
                "need",
                need.id,
                not need.hidden,
            )


def from_deck(ctx: PageContext, board: NeedsBoard, code: str) -> None:
    """A deck card not yet on the board: added (facilitator) or proposed (participant)."""
    on_board = {n.id for n in board.needs}
    library = services.room_deck(ctx.store, code, "needs")  # the cards in play
    deck = [c for c in library if c.id not in on_board]
    if not deck:
        return
    pick = st.selectbox(
        ctx.t("needs.from_deck"),
        [c.id for c in deck],
        key="needs_deck_pick",
        format_func=lambda i: next(c.title.get(ctx.lang) for c in deck if c.id == i),
        placeholder=ctx.t("common.choose"),
    )
    add = services.add_need if ctx.is_facilitator else services.propose_need
    who = ctx.secret if ctx.is_facilitator else ctx.token
    action_button(
        ctx,
        ctx.t("needs.add_card"),
        "needs_add_card",
        add,
        ctx.store,
        code,
        who,
        card_id=pick,
        disabled=board.locked and not ctx.is_facilitator,
    )


def propose_form(ctx: PageContext, code: str) -> None:
    """A new need (title, persona, description): added or proposed."""
    proposal_form(
        ctx,
        code,
        form_key="needs_propose_form",
        key_prefix="needs_new_",
        fields=(
            ("title", "needs.title"),
            ("persona", "needs.persona"),
            ("description", "needs.description"),
        ),
        make_draft=services.NeedDraft,
        add=services.add_need,
        propose=services.propose_need,
    )
