"""Facilitator console: step, lock, countdown, reveal, participants, moderation, undo, guide."""

from __future__ import annotations

import streamlit as st

from selfdata.ui import agenda_view, live_updates, nav_link, page_context, tables_view
from selfdata.ui import console_view as view
from selfdata.ui.projector_controls import wall_panel
from selfdata.ui.room_protection_view import participant_controls

ctx = page_context("console")
assert ctx.room is not None and ctx.code is not None and ctx.secret is not None
room, code, secret = ctx.room, ctx.code, ctx.secret
st.title(ctx.t("page.console"))
view.links_block(ctx, code)
view.step_buttons(ctx, room, code, secret)
nav_link(  # the step's own page in this tab: no second tab to juggle
    ctx,
    room.step,
    ctx.t("wall.open_step", step=ctx.t(f"step.{room.step}")),
    icon=":material/arrow_forward:",
)
view.step_five_warning(ctx, room, code)
agenda_view.clock(ctx, code, secret)  # the step's time against the agenda
view.room_controls(ctx, room, code, secret)
wall_panel(ctx)
view.timer(ctx, room, code, secret)
view.participants(ctx, room, code, secret)
tables_view.console_section(ctx, code, secret, room.show_pseudonyms)
view.moderation(ctx, code, secret)
participant_controls(ctx, code, secret)
view.vote_settings(ctx, room, code, secret)
view.guide(ctx, room)
live_updates(ctx)
