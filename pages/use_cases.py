"""Step 3 — Use cases: the needs × sources matrix (suggestion scores, reasons on hover),
turning a need and one or more sources into a named use case; coverage warnings."""

from __future__ import annotations

import streamlit as st

from selfdata import services
from selfdata.matching import match_sources
from selfdata.ui import live_updates, page_context
from selfdata.ui.room_views import heatmap, matching_inputs
from selfdata.ui.widgets import action_button, safe

ctx = page_context("use_cases")
assert ctx.code is not None and ctx.room is not None
st.title(ctx.t("step.use_cases"))
st.caption(ctx.t("use_cases.lead"))
cases = services.use_cases(ctx.store, ctx.code).use_cases
needs, sources = matching_inputs(ctx.code, ctx.room.version)
need_title = {n.id: n.title.get(ctx.lang) for n in needs}
source_title = {s.id: s.title.get(ctx.lang) for s in sources}

if needs and sources:
    figure, uncovered, unused = heatmap(ctx.code, ctx.room.version, ctx.lang)
    st.plotly_chart(figure.figure, width="stretch", key="use_cases_heatmap")
    for need_id in uncovered:
        st.warning(ctx.t("use_cases.uncovered", need=need_title.get(need_id, need_id)))
    if unused:
        names = ", ".join(source_title.get(s, s) for s in unused)
        st.info(ctx.t("use_cases.unused", sources=names))
else:
    st.info(ctx.t("use_cases.empty"))

st.subheader(ctx.t("use_cases.list", n=len(cases)))
for case in cases:
    with st.container(border=True):
        st.markdown(f"**{safe(case.title)}**")
        st.markdown(safe(ctx.t("use_cases.need", need=need_title.get(case.need, case.need))))
        st.markdown(
            safe(
                ctx.t(
                    "use_cases.sources",
                    sources=", ".join(source_title.get(s, s) for s in case.sources),
                )
            )
        )
        if case.description:
            st.caption(safe(case.description))
        if ctx.is_facilitator:
            action_button(
                ctx,
                ctx.t("use_cases.delete"),
                f"use_cases_delete_{case.id}",
                services.delete_use_case,
                ctx.store,
                ctx.code,
                ctx.secret,
                case.id,
            )

if ctx.is_facilitator and needs and sources:
    st.subheader(ctx.t("use_cases.create_header"))
    need = st.selectbox(
        ctx.t("use_cases.pick_need"),
        list(need_title),
        key="use_cases_need",
        format_func=lambda i: need_title[i],
    )
    suggested = [
        m
        for m in match_sources(next(n for n in needs if n.id == need), sources, ctx.decks)
        if m.usable
    ]
    st.caption(
        ctx.t(
            "use_cases.suggested",
            sources=", ".join(f"{source_title[m.source]} ({m.score})" for m in suggested[:3])
            or "—",
        )
    )
    with st.form("use_cases_create_form", clear_on_submit=True):
        chosen = st.multiselect(
            ctx.t("use_cases.pick_sources"),
            list(source_title),
            default=[m.source for m in suggested[:2]],
            format_func=lambda i: source_title[i],
            key="use_cases_sources",
        )
        title = st.text_input(ctx.t("use_cases.title"), key="use_cases_title", max_chars=200)
        description = st.text_area(ctx.t("needs.description"), key="use_cases_description")
        if st.form_submit_button(ctx.t("use_cases.create"), type="primary", width="stretch"):
            ctx.act(
                services.create_use_case,
                ctx.store,
                ctx.code,
                ctx.secret,
                title=title,
                need=need,
                sources=chosen,
                description=description,
            )
            st.rerun()

live_updates(ctx, follow_step=ctx.is_participant)
