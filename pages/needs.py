"""Step 2 — Needs: need cards with personas, proposals, and dot votes within a budget."""

from __future__ import annotations

import streamlit as st

from selfdata import services
from selfdata.ui import live_updates, page_context
from selfdata.ui.room_views import need_totals, vote_figure
from selfdata.ui.widgets import action_button, card_box, safe

ctx = page_context("needs")
assert ctx.code is not None
board = services.needs_board(ctx.store, ctx.code, ctx.token, secret=ctx.secret)
st.title(ctx.t("step.needs"))
st.caption(ctx.t("needs.lead", budget=board.budget, cap=board.cap))

m1, m2, m3 = st.columns(3)
if board.remaining is not None:
    m1.metric(ctx.t("needs.remaining"), f"{board.remaining} / {board.budget}")
m2.metric(ctx.t("counts.dots"), board.dots_cast)
m3.metric(ctx.t("counts.voters"), board.voters)
if board.locked:
    st.info(ctx.t("needs.locked"))

if board.revealed or ctx.is_facilitator:
    totals = need_totals(board, ctx.lang)
    if totals:
        st.plotly_chart(vote_figure(totals, ctx.lang), width="stretch", key="needs_votes_chart")

for need in board.needs:
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
                    ctx.code,
                    ctx.token,
                    need.id,
                    1,
                    disabled=board.locked or need.hidden or board.remaining == 0,
                    primary=True,
                )
                action_button(
                    ctx,
                    ctx.t("needs.remove_dot"),
                    f"needs_unvote_{need.id}",
                    services.vote,
                    ctx.store,
                    ctx.code,
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
                ctx.code,
                ctx.secret,
                "need",
                need.id,
                not need.hidden,
            )

st.subheader(ctx.t("needs.propose_header"))
on_board = {n.id for n in board.needs}
deck = [c for c in ctx.decks.needs if c.id not in on_board]
if deck:
    pick = st.selectbox(
        ctx.t("needs.from_deck"),
        [c.id for c in deck],
        key="needs_deck_pick",
        format_func=lambda i: next(c.title.get(ctx.lang) for c in deck if c.id == i),
    )
    add = services.add_need if ctx.is_facilitator else services.propose_need
    who = ctx.secret if ctx.is_facilitator else ctx.token
    action_button(
        ctx,
        ctx.t("needs.add_card"),
        "needs_add_card",
        add,
        ctx.store,
        ctx.code,
        who,
        card_id=pick,
        disabled=board.locked and not ctx.is_facilitator,
    )
with st.form("needs_propose_form", clear_on_submit=True):
    title = st.text_input(ctx.t("needs.title"), key="needs_new_title", max_chars=200)
    persona = st.text_input(ctx.t("needs.persona"), key="needs_new_persona")
    description = st.text_area(ctx.t("needs.description"), key="needs_new_description")
    if st.form_submit_button(ctx.t("needs.propose"), width="stretch"):
        draft = services.NeedDraft(title=title, persona=persona, description=description)
        if ctx.is_facilitator:
            ctx.act(services.add_need, ctx.store, ctx.code, ctx.secret, draft=draft)
        else:
            ctx.act(services.propose_need, ctx.store, ctx.code, ctx.token, draft=draft)
        st.rerun()

live_updates(ctx, follow_step=ctx.is_participant)
