"""Home: create a workshop (blank or from an example), join one with its code, browse the cards."""

from __future__ import annotations

import os

import streamlit as st

from selfdata import links, services
from selfdata.pseudonyms import friendly_pseudonym
from selfdata.ui import nav_link, page_context, switch_to
from selfdata.ui.home_actions import create, join
from selfdata.ui.widgets import deck_browser, safe

ctx = page_context("home")
st.title(ctx.t("app.title"))
st.markdown(ctx.t("home.intro"))

if ctx.is_facilitator and ctx.code and ctx.secret:
    st.success(ctx.t("home.facilitator_ready"))
    st.markdown(ctx.t("home.facilitator_link"))
    st.code(links.facilitator_url(ctx.base_url, ctx.code, ctx.secret, ctx.lang), language=None)
    st.markdown(ctx.t("home.join_code", code=ctx.code))
    st.code(links.join_url(ctx.base_url, ctx.code, ctx.lang), language=None)
    st.markdown(ctx.t("home.projection_link"))
    st.code(links.projection_url(ctx.base_url, ctx.code, ctx.lang), language=None)
    nav_link(ctx, "console", "🎛️ " + ctx.t("page.console"))
elif ctx.is_participant and ctx.me and ctx.room:
    if st.session_state.pop("home_just_joined", False):
        switch_to(ctx.room.step, ctx.params)
    st.success(ctx.t("home.joined_as", name=ctx.me.pseudonym, title=ctx.room.title))
    st.caption(ctx.t("home.keep_link"))
    nav_link(ctx, ctx.room.step, "▶ " + ctx.t(f"step.{ctx.room.step}"))
else:
    st.header(ctx.t("home.join_header"))
    if ctx.room is not None:
        st.markdown(ctx.t("home.joining", title=safe(ctx.room.title)))
    if "home_pseudonym" not in st.session_state:
        st.session_state["home_pseudonym"] = friendly_pseudonym(ctx.lang)
    with st.form("home_join_form"):
        code = st.text_input(ctx.t("home.code"), value=ctx.code or "", key="home_code")
        name = st.text_input(ctx.t("home.pseudonym"), key="home_pseudonym", max_chars=40)
        st.caption(ctx.t("home.pseudonym_help"))
        if st.form_submit_button(ctx.t("home.join"), type="primary", width="stretch"):
            join(ctx, code, name)

    demo = os.environ.get("SELFDATA_DEMO", "").strip()
    if demo in services.example_names():
        st.header(ctx.t("home.demo_header"))
        st.markdown(ctx.t("home.demo_text", example=demo))
        if st.button(ctx.t("home.demo_button"), key="home_demo", type="primary"):
            create(ctx, example=demo)

    with st.expander(ctx.t("home.create_header"), expanded=ctx.code is None):
        with st.form("home_create_form"):
            examples = ["", *services.example_names()]
            example = st.selectbox(
                ctx.t("home.example"),
                examples,
                format_func=lambda e: ctx.t("home.blank") if not e else e,
                key="home_example",
            )
            title = st.text_input(ctx.t("home.title"), key="home_title", max_chars=200)
            territory = st.text_input(ctx.t("home.territory"), key="home_territory")
            themes = [th.id for th in ctx.decks.themes]
            theme = st.selectbox(
                ctx.t("home.theme"),
                themes,
                format_func=lambda i: next(
                    x.title.get(ctx.lang) for x in ctx.decks.themes if x.id == i
                ),
                key="home_theme",
            )
            if st.form_submit_button(ctx.t("home.create"), width="stretch"):
                create(ctx, example=example or None, title=title, territory=territory, theme=theme)

st.header(ctx.t("home.cards_header"))
deck_browser(ctx, "home")
