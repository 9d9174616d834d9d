"""Value network: who gives what to whom in a scenario, what looks wrong, and (for the
facilitator) the edits that fix it; the same use case under another governance model."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.app.network_subjects import network_subjects
from selfdata.ui import live_updates, page_context
from selfdata.ui.network_view import comparison, edit_panel, load, show_network
from selfdata.ui.projector_controls import scenario_choice, shown_scenario
from selfdata.ui.widgets import pick_scenario

ctx = page_context("network")
live_updates(ctx, follow_step=ctx.is_participant)
st.title(ctx.t("network.title"))

if ctx.code is None or ctx.room is None:
    st.stop()
subjects = network_subjects(services.scenarios(ctx.store, ctx.code))
scenarios = subjects.subjects
large = ctx.role == "projection" or (
    ctx.is_facilitator and st.toggle(ctx.t("network.projection_mode"), key="network_large")
)
if not large:
    st.markdown(ctx.t("network.intro"))
if not scenarios:
    st.info(ctx.t("network.nothing_to_draw"))
    st.stop()
if subjects.drafts:
    st.info(ctx.t("network.drafts"))

if ctx.is_facilitator:  # the facilitator's choice is also what the wall shows
    scenario_choice(
        ctx, ctx.room.projector, scenarios, key="network_scenario", drafts=subjects.drafts
    )
    scenario = shown_scenario(ctx.room.projector, scenarios)
else:
    label = "network.use_case" if subjects.drafts else "network.scenario"
    scenario = pick_scenario(ctx, scenarios, "network_scenario", label)
view = load(ctx, scenario, large)
if view is not None:
    show_network(ctx, view, large=large, key="network_main")
    if ctx.is_facilitator and not large and not subjects.drafts:
        edit_panel(ctx, view)
    if not subjects.drafts:
        st.divider()
        comparison(ctx, view, scenarios, large=large)
