"""Projection: what the room sees on the wall, in a presenter layout — the step's result
fills the screen; the QR code and join code are large while people join, then sit in a
corner (the facilitator can bring them back). No controls: the facilitator chooses what is
shown (method, scenario, comparison, chart) from the console or the step pages."""

from __future__ import annotations

import streamlit as st

from selfdata.app import links, services
from selfdata.domain.cards import STEP_IDS
from selfdata.domain.visibility import viewer_sees_results
from selfdata.ui import live_updates, page_context, tables_view
from selfdata.ui.room_views import join_qr_html, projected_results, step_counts
from selfdata.ui.widgets import safe

ctx = page_context("projection")
assert ctx.room is not None and ctx.code is not None
room = ctx.room
join = links.join_url(ctx.base_url, ctx.code, ctx.lang)
large_qr = services.qr_large(room.projector, room.step, STEP_IDS[0], room.participants)
alt = ctx.t("wall.qr_alt", url=join)

if large_qr:
    main, side = st.columns([3, 2], gap="large")
    with side, st.container(key="sd-join-large"):
        st.html(join_qr_html(join, alt))
        st.markdown(safe(ctx.t("projection.scan")))
        with st.container(key="sd-bigcode"):  # styled by its class .st-key-sd-bigcode
            st.markdown(safe(room.code))
        st.caption(safe(join))
else:
    main, corner = st.columns([6, 1], gap="small")
    with corner, st.container(key="sd-join-corner"):
        st.html(join_qr_html(join, alt))
        with st.container(key="sd-smallcode"):
            st.markdown(safe(room.code))
table = tables_view.table_from_address()  # a table's screen, or the plenary (table=all)
with main:
    if table == tables_view.PLENARY:
        tables_view.plenary(ctx, ctx.code)
        live_updates(ctx)
        st.stop()
    seat = tables_view.table_screen_title(ctx, ctx.code, table) if table else None
    with st.container(key="sd-wall-head"):
        locked = f" · :material/lock: {safe(ctx.t('projection.locked'))}" if room.locked else ""
        st.markdown(
            f"## {safe(room.title)} · "
            f"{safe(ctx.t('projection.step', step=ctx.t(f'step.{room.step}')))}{locked}"
        )
    live_updates(ctx)  # the big countdown shows here while it runs
    shown = viewer_sees_results(ctx.viewer.on_wall(), room.revealed, room.step)
    # the live counts: large while the room works, one small line once the result is shown
    counts_key = "sd-wall-counts-small" if shown else "sd-wall-counts"
    with st.container(horizontal=True, gap="large", key=counts_key):
        for label, value in step_counts(ctx, seat.id if seat else None):
            st.metric(label, value)
    with st.container(key="sd-wall-result"):
        if shown and seat is not None and room.step in ("needs", "scenarios"):
            tables_view.table_step(ctx, ctx.code, seat)
        elif shown:
            projected_results(ctx, seat.id if seat else None)
        else:
            st.markdown(f"### {safe(ctx.t('projection.not_revealed'))}")
