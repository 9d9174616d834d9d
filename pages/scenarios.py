"""Scenarios: candidate field experiments, rated by everyone on weighted criteria, ranked
once the facilitator reveals the results."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import group_decision_view, live_updates, page_context
from selfdata.ui.live import tablet_content
from selfdata.ui.outcome_data import rating_state
from selfdata.ui.projector_controls import chart_choice, method_choice
from selfdata.ui.scenario_view import (
    criteria,
    manage_panel,
    own_ranking_panel,
    pick_method,
    rating_form,
    rating_panel,
    results,
    results_shown,
    reveal_control,
    weights_panel,
)

ctx = page_context("scenarios")
if ctx.code is None:
    st.title(ctx.t("scenarios.title"))
    st.stop()
# a tablet that does not show the results shows none of the room's ratings: it is not
# redrawn for them (read before the page reads the workshop: a change in between redraws it)
quiet = ctx.is_participant and not results_shown(ctx, large=False)
live_updates(ctx, follow_step=ctx.is_participant, content=tablet_content(ctx) if quiet else None)
st.title(ctx.t("scenarios.title"))

view = services.scenarios(ctx.store, ctx.code)
assert ctx.room is not None
ratings = rating_state(ctx.store, ctx.code, ctx.room, ctx.token, ctx.secret)
large = ctx.role == "projection" or (
    ctx.is_facilitator and st.toggle(ctx.t("scenarios.projection_mode"), key="scenarios_large")
)
if not large:
    st.markdown(ctx.t("scenarios.intro"))

if ctx.is_facilitator and not large:
    manage_panel(ctx, view)
    weights_panel(ctx, ratings)
if not view.scenarios:
    st.info(ctx.t("scenarios.none"))
    st.stop()
titles = {s.id: s.title for s in view.scenarios}
if ctx.is_facilitator and not large:
    group_decision_view.facilitator_panel(ctx, titles)
if ctx.is_participant:
    mine = group_decision_view.my_decision(ctx)
    group_decision_view.round_notice(ctx, mine)
    in_use = [(c.id, c.title) for c in criteria(ctx, ratings) if c.weight > 0]
    group_decision_view.swing_panel(ctx, in_use, mine)
    group_decision_view.objection_panel(ctx, mine, titles)
    if quiet:  # a rating reruns the form, not the page
        rating_form(ctx, view, ratings)
    else:  # the results change with it
        rating_panel(ctx, view, ratings)
if not quiet:  # the room's count: on a tablet once the results show (the projector has it)
    st.caption(ctx.t("scenarios.raters", n=ratings.raters))

st.header(ctx.t("scenarios.results"))
if ctx.is_facilitator and not large:
    reveal_control(ctx, ratings.revealed)
if results_shown(ctx, large=large):
    if ctx.is_facilitator:  # the facilitator's choice is also what the wall shows
        method_choice(ctx, ctx.room.projector, key="scenarios_method")
        chart_choice(ctx, ctx.room.projector, key="scenarios_chart")
        method = ctx.room.projector.method
    else:
        method = pick_method(ctx)
    results(ctx, method, large=large)
    if ctx.is_participant and ctx.me is not None:
        own_ranking_panel(ctx, method)
else:
    st.info(ctx.t("scenarios.hidden"))
