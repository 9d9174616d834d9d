"""Step 2 — Needs: need cards with personas, proposals, and dot votes within a budget."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import live_updates, page_context
from selfdata.ui import needs_view as sections
from selfdata.ui.live import tablet_content

ctx = page_context("needs")
assert ctx.code is not None
watching = tablet_content(ctx)  # before the board: a change in between redraws the tablet
board = services.needs_board(ctx.store, ctx.code, ctx.token, secret=ctx.secret)
st.title(ctx.t("step.needs"))
st.caption(ctx.t("needs.lead", budget=board.budget, cap=board.cap))

sections.vote_board(ctx, ctx.code, board)

st.subheader(ctx.t("needs.propose_header"))
sections.from_deck(ctx, board, ctx.code)
sections.propose_form(ctx, ctx.code)

# a tablet is redrawn for other people's dots only where it shows them (once revealed)
live_updates(ctx, follow_step=ctx.is_participant, content=None if board.revealed else watching)
