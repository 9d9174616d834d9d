"""Step 2 — Needs: need cards with personas, proposals, and dot votes within a budget."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import live_updates, page_context
from selfdata.ui import needs_view as sections
from selfdata.ui.charts import plotly_chart
from selfdata.ui.figures.ready import NO_TOOLBAR
from selfdata.ui.room_views import need_totals, vote_figure

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
        plotly_chart(
            ctx.lang,
            vote_figure(totals, ctx.lang),
            width="stretch",
            key="needs_votes_chart",
            config=NO_TOOLBAR,
        )

for need in board.needs:
    sections.need_card(ctx, board, need, ctx.code)

st.subheader(ctx.t("needs.propose_header"))
sections.from_deck(ctx, board, ctx.code)
sections.propose_form(ctx, ctx.code)

live_updates(ctx, follow_step=ctx.is_participant)
