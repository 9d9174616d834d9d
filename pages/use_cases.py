"""Step 3 — Use cases: turning a need and one or more sources into a named use case (the
facilitator's form, first), the needs × sources matrix (suggestion scores, reasons on
hover), coverage warnings and the list of use cases.

The form comes first, above the fold: its need picker is a drop-down list, and Streamlit's
list closes as soon as the page scrolls. Below a 2,000 px matrix and list, every pick began
with a scroll, and a tap that landed before the page had handled that scroll (a busy page
loading or redrawing; a browser test's click) opened the list and closed it at once
(issue 14)."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.ui import live_updates, page_context
from selfdata.ui import use_cases_view as sections
from selfdata.ui.room_views import matching_inputs

ctx = page_context("use_cases")
assert ctx.code is not None and ctx.room is not None
st.title(ctx.t("step.use_cases"))
cases = services.use_cases(ctx.store, ctx.code).use_cases
needs, sources = matching_inputs(ctx.code, ctx.room.version)
titles = (
    {n.id: n.title.get(ctx.lang) for n in needs},
    {s.id: s.title.get(ctx.lang) for s in sources},
)

if ctx.is_facilitator and needs and sources:
    sections.create_form(ctx, needs, sources, ctx.code)
st.caption(ctx.t("use_cases.lead"))
if needs and sources:
    sections.matrix(ctx, ctx.code, ctx.room.version, titles)
else:
    st.info(ctx.t("use_cases.empty"))
sections.case_list(ctx, cases, ctx.code, titles)

live_updates(ctx, follow_step=ctx.is_participant)
