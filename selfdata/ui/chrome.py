"""The shared chrome of every page: title, workshop and code, role badge, live participant
count, language switch and the links to the pages this viewer may open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from selfdata.cards import STEP_IDS
from selfdata.ui.widgets import safe

if TYPE_CHECKING:
    from selfdata.ui.context import PageContext

LANG_KEY = "chrome_lang"
_ROLE_COLOURS: dict[str, Any] = {
    "facilitator": "orange",
    "participant": "blue",
    "projection": "violet",
    "visitor": "gray",
}


def visible_pages(role: str) -> tuple[str, ...]:
    """The pages this role may open, in workshop order (the navigation offers these)."""
    if role == "facilitator":
        return ("home", "console", "projection", *STEP_IDS)
    if role == "participant":
        return ("home", *STEP_IDS)
    if role == "projection":
        return ("home", "projection")
    return ("home",)


def _on_lang_change() -> None:
    st.query_params["lang"] = st.session_state.get(LANG_KEY) or "fr"


def language_switch(ctx: PageContext) -> None:
    if st.session_state.get(LANG_KEY) != ctx.lang:
        st.session_state[LANG_KEY] = ctx.lang
    st.radio(
        ctx.t("lang.label"),
        options=["fr", "en"],
        format_func=lambda lang: "Français" if lang == "fr" else "English",
        horizontal=True,
        key=LANG_KEY,
        on_change=_on_lang_change,
    )


def render_chrome(ctx: PageContext) -> None:
    """Draw the sidebar every page shares (and the header line of the main area)."""
    from selfdata.ui.context import nav_link, page_file, page_title_key

    with st.sidebar:
        st.markdown(f"### {safe(ctx.t('app.title'))}")
        if ctx.room is not None:
            st.markdown(f"**{safe(ctx.room.title)}**")
            st.caption(safe(ctx.room.territory))
            st.markdown(
                safe(ctx.t("chrome.code")) + f" <span class='sd-code'>{ctx.room.code}</span>",
                unsafe_allow_html=True,  # the code is from a fixed alphabet, never user text
            )
            st.markdown(
                safe(ctx.t("chrome.participants", n=ctx.room.participants)),
            )
        st.badge(ctx.t(f"role.{ctx.role}"), color=_ROLE_COLOURS[ctx.role])
        if ctx.me is not None:
            st.caption(safe(ctx.t("chrome.you_are", name=ctx.me.pseudonym)))
        language_switch(ctx)
        st.divider()
        for page in visible_pages(ctx.role):
            if not page_file(page).exists():
                continue
            label = ctx.t(page_title_key(page))
            if ctx.room is not None and page == ctx.room.step:
                label = ctx.t("chrome.current", label=label)
            params = ctx.params
            if page == "projection":
                params = {"code": ctx.code or "", "view": "projection"}
                if ctx.lang != "fr":
                    params["lang"] = ctx.lang
            nav_link(ctx, page, label, params=params)
