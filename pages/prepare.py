"""Preparation (facilitator only, before the room): readiness, the city's inventory from a
spreadsheet, the cards in play, a card's wording, the agenda."""

from __future__ import annotations

import streamlit as st

from selfdata.ui import agenda_view, page_context, qualify_view
from selfdata.ui import prepare_cards_view as cards
from selfdata.ui import prepare_view as view

ctx = page_context("prepare")
assert ctx.code is not None and ctx.secret is not None
st.title(ctx.t("page.prepare"))
st.markdown(ctx.t("prepare.page_intro"))
agenda_view.readiness(ctx, ctx.code, ctx.secret)
st.divider()
view.inventory_import(ctx, ctx.code, ctx.secret)
st.divider()
qualify_view.qualify_section(ctx, ctx.code, ctx.secret)
st.divider()
cards.cards_in_play(ctx, ctx.code, ctx.secret)
st.divider()
cards.card_wording(ctx, ctx.code, ctx.secret)
st.divider()
agenda_view.agenda_editor(ctx, ctx.code, ctx.secret)
