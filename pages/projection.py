"""Projection: what the room sees on the wall — large type, QR code and join code, live
counts, and the current step's results once the facilitator reveals them. Read-only."""

from __future__ import annotations

import streamlit as st

from selfdata import links
from selfdata.ui import live_updates, page_context
from selfdata.ui.room_views import join_qr, projected_results, step_counts
from selfdata.ui.widgets import safe

ctx = page_context("projection")
assert ctx.room is not None and ctx.code is not None
room = ctx.room
join = links.join_url(ctx.base_url, ctx.code, ctx.lang)

main, side = st.columns([2, 1], gap="large")
with side:
    st.image(join_qr(join), caption=ctx.t("projection.scan"), width="stretch")
    st.markdown(f"## {safe(ctx.t('projection.code'))}")
    with st.container(key="sd-bigcode"):  # styled by its class .st-key-sd-bigcode
        st.markdown(safe(room.code))
    st.caption(safe(join))
with main:
    st.markdown(f"# {safe(room.title)}")
    st.markdown(f"## {safe(ctx.t('projection.step', step=ctx.t(f'step.{room.step}')))}")
    if room.locked:
        st.markdown(f"### 🔒 {safe(ctx.t('projection.locked'))}")
    counts = step_counts(ctx)
    for column, (label, value) in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(label, value)
    if room.step in room.revealed:
        projected_results(ctx)
    else:
        st.markdown(f"### {safe(ctx.t('projection.not_revealed'))}")

live_updates(ctx)
