"""Step 1 — Inventory: the territory's personal-data sources; browse and filter the deck,
select sources (facilitator), propose missing ones (participants)."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import inventory_view as sections
from selfdata.ui import live_updates, page_context
from selfdata.ui.widgets import safe

ctx = page_context("inventory")
assert ctx.code is not None
view = services.inventory(ctx.store, ctx.code, ctx.token, secret=ctx.secret)
st.title(ctx.t("step.inventory"))
st.caption(ctx.t("inventory.lead"))
st.metric(ctx.t("counts.sources"), view.selected)
if view.locked:
    st.info(ctx.t("needs.locked"))

tab_table, tab_deck, tab_new = st.tabs(
    [
        ctx.t("inventory.on_table"),
        ctx.t("inventory.deck"),
        ctx.t("inventory.propose_header"),
    ],
    key="inventory_tabs",  # kept across reruns: a refused proposal leaves its form in view
    on_change="rerun",
)
with tab_table:
    st.caption(ctx.t("inventory.on_table_count", n=len(view.sources)))
    sections.on_table(ctx, view, ctx.code)
with tab_deck:
    sections.deck(ctx, view, ctx.code)
with tab_new:
    sections.propose_form(ctx, ctx.code)

st.caption(safe(ctx.t("inventory.footer")))
live_updates(ctx, follow_step=ctx.is_participant)
