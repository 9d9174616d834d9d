"""Step 4 — Governance: for a use case, the questionnaire, the five models' fit with reasons,
the territories that tried each model, and the group's choice (the facilitator confirms)."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import governance_view as sections
from selfdata.ui import live_updates, page_context
from selfdata.ui.room_views import governance_fits

ctx = page_context("governance")
assert ctx.code is not None and ctx.room is not None
st.title(ctx.t("step.governance"))
st.caption(ctx.t("governance.lead"))
cases = {u.id: u for u in services.use_cases(ctx.store, ctx.code).use_cases}
if not cases:
    st.info(ctx.t("governance.no_use_case"))
    live_updates(ctx, follow_step=ctx.is_participant)
    st.stop()

case_id = st.selectbox(
    ctx.t("governance.pick_use_case"),
    list(cases),
    key="governance_case",
    format_func=lambda i: cases[i].title,
    placeholder=ctx.t("common.choose"),
)
case = cases[case_id]
sections.questionnaire(ctx, case)
fits = governance_fits(ctx.code, ctx.room.version, case.id)
sections.fit_section(ctx, case, fits)
sections.choice(ctx, case, fits)
live_updates(ctx, follow_step=ctx.is_participant)
