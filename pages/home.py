"""Home: create a workshop (blank, from an example or from a file), join one with its code,
browse the cards."""

from __future__ import annotations

import os

import streamlit as st

from selfdata.app import links, services
from selfdata.domain.pseudonyms import friendly_pseudonym
from selfdata.ui import nav_link, page_context, switch_to
from selfdata.ui.console_view import wall_links
from selfdata.ui.home_actions import create, example_label, join
from selfdata.ui.home_import import import_section
from selfdata.ui.privacy_view import my_data_section, privacy_notice_section
from selfdata.ui.tables_view import pick_table
from selfdata.ui.widgets import deck_browser, safe

ctx = page_context("home")
st.title(ctx.t("app.title"))
st.markdown(ctx.t("home.intro"))

if ctx.is_facilitator and ctx.code and ctx.secret:
    st.success(ctx.t("home.facilitator_ready"))
    st.markdown(ctx.t("wall.join_code", code=ctx.code))
    wall_links(ctx, ctx.code)
    nav_link(ctx, "console", ctx.t("wall.go_console"), icon=":material/tune:")
    if st.toggle(ctx.t("wall.show_private"), key="home_show_private"):  # never by default
        st.warning(ctx.t("wall.private_warning"), icon=":material/key:")
        st.code(links.facilitator_url(ctx.base_url, ctx.code, ctx.secret, ctx.lang), language=None)
elif ctx.is_participant and ctx.me and ctx.room:
    if st.session_state.pop("home_just_joined", False):
        switch_to(ctx.room.step, ctx.params)
    st.success(ctx.t("home.joined_as", name=ctx.me.pseudonym, title=ctx.room.title))
    st.caption(ctx.t("home.keep_link"))
    nav_link(ctx, ctx.room.step, ctx.t(f"step.{ctx.room.step}"), icon=":material/play_arrow:")
    my_data_section(ctx)
    privacy_notice_section(ctx, key="my_data")
else:
    st.header(ctx.t("home.join_header"))
    if ctx.room is not None:
        st.markdown(ctx.t("home.joining", title=safe(ctx.room.title)))
    if "home_pseudonym" not in st.session_state:
        st.session_state["home_pseudonym"] = friendly_pseudonym(ctx.lang)
    with st.form("home_join_form"):
        code = st.text_input(
            ctx.t("home.code"), value=ctx.code or "", key="home_code", max_chars=32
        )
        name = st.text_input(ctx.t("home.pseudonym"), key="home_pseudonym", max_chars=40)
        st.caption(ctx.t("home.pseudonym_help"))
        table = pick_table(ctx, ctx.code)  # a large room's tables (none: nothing shown)
        if st.form_submit_button(ctx.t("home.join"), type="primary", width="stretch"):
            join(ctx, code, name, table)

    demo = os.environ.get("SELFDATA_DEMO", "").strip()
    landing = ctx.room is not None  # from the QR code: only what a participant needs
    if landing:  # the privacy notice too: what joining means for one's data
        privacy_notice_section(ctx, key="home")
        st.stop()
    if demo in services.example_names():
        st.header(ctx.t("home.demo_header"))
        st.markdown(ctx.t("home.demo_text", example=safe(example_label(demo))))
        if st.button(ctx.t("home.demo_button"), key="home_demo", type="primary"):
            create(ctx, example=demo)

    with st.expander(ctx.t("home.create_header"), expanded=ctx.code is None):
        with st.form("home_create_form"):
            examples = ["", *services.example_names()]
            example = st.selectbox(
                ctx.t("home.example"),
                examples,
                format_func=lambda e: ctx.t("home.blank") if not e else example_label(e),
                key="home_example",
                placeholder=ctx.t("common.choose"),
            )
            title = st.text_input(ctx.t("home.title"), key="home_title", max_chars=200)
            territory = st.text_input(ctx.t("home.territory"), key="home_territory", max_chars=200)
            themes = [th.id for th in ctx.decks.themes]
            theme = st.selectbox(
                ctx.t("home.theme"),
                themes,
                format_func=lambda i: next(
                    x.title.get(ctx.lang) for x in ctx.decks.themes if x.id == i
                ),
                key="home_theme",
                placeholder=ctx.t("common.choose"),
            )
            if st.form_submit_button(ctx.t("home.create"), width="stretch"):
                create(ctx, example=example or None, title=title, territory=territory, theme=theme)
    # after the join form and the (folded when a code is given) creation form: what joining
    # means for one's data, before the card browser
    privacy_notice_section(ctx, key="home")

    import_section(ctx)

st.header(ctx.t("home.cards_header"))
deck_browser(ctx, "home")
