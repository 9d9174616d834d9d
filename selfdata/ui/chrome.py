"""The shared chrome of every page: a header line in the main area (role badge, workshop and
code, live participant count, who I am, the current step) and the sidebar (workshop,
language switch, the links to the pages this viewer may open)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Literal

import streamlit as st

from selfdata.app.links import page_url
from selfdata.i18n import t
from selfdata.ui.navigation import nav_link, page_file, page_title_key, visible_pages
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import safe, table_badge

LANG_KEY = "chrome_lang"
_ROLE_COLOURS: dict[str, Any] = {
    "facilitator": "orange",
    "participant": "blue",
    "projection": "violet",
    "visitor": "gray",
}


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
    """Draw the header line of the main area and the sidebar every page shares."""
    render_header(ctx)
    render_sidebar(ctx)


def render_header(ctx: PageContext) -> None:
    """The essentials at the top of the main area, so a tablet whose sidebar is collapsed
    still shows them: role, workshop, code, participants, who I am and the current step
    (a link to it for a participant elsewhere). Not on the projection (it has its own)."""
    if ctx.page == "projection" or (ctx.room is None and ctx.role == "visitor"):
        return
    colour = _ROLE_COLOURS[ctx.role]
    parts = [f":{colour}-badge[{safe(ctx.t(f'role.{ctx.role}'))}]"]  # catalog text
    link_to_step: str | None = None
    if ctx.room is not None:
        parts += [
            f"**{safe(ctx.room.title)}** ({safe(ctx.room.territory)})",
            safe(ctx.t("chrome.code")) + f" `{ctx.room.code}`",  # a fixed alphabet
            ":material/group: " + safe(ctx.t("chrome.participants", n=ctx.room.participants)),
        ]
        if ctx.me is not None:
            parts.append(safe(ctx.t("chrome.you_are", name=ctx.me.pseudonym)))
        step = ctx.room.step
        if ctx.is_participant and ctx.page != step:
            link_to_step = step
        elif ctx.role != "visitor":
            parts.append(safe(ctx.t("chrome.step", step=ctx.t(f"step.{step}"))))
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="sd_header"):
        st.markdown(" · ".join(parts), width="content")
        if ctx.me is not None and ctx.me.table is not None:  # a large room's table
            st.html(table_badge(ctx.me.table.name, ctx.me.table.colour), width="content")
        if link_to_step is not None:
            label = ctx.t("chrome.go_to_step", step=ctx.t(f"step.{link_to_step}"))
            nav_link(ctx, link_to_step, label, icon=":material/play_arrow:")
        if ctx.is_participant and ctx.page != "home":  # «Mes données»: on the home page
            nav_link(ctx, "home", ctx.t("chrome.my_data"))


def render_sidebar(ctx: PageContext) -> None:
    """The sidebar: the workshop, the language switch and the links to the pages this viewer
    may open (collapsed by default on tablets: the header above carries the essentials)."""
    with st.sidebar:
        heading = f"### {safe(ctx.t('app.title'))}"
        if ctx.room is not None:  # one element: each is a message (see docs/load.md)
            heading += f"\n\n**{safe(ctx.room.title)}**  \n{safe(ctx.room.territory)}"
        st.markdown(heading)
        language_switch(ctx)
        st.divider()
        links = [(page, _link_label(ctx, page), _link_params(ctx, page)) for page in _pages(ctx)]
        if ctx.is_participant:
            st.html(link_list(links))
            return
        for page, label, params in links:
            nav_link(ctx, page, label, params=params)


def _pages(ctx: PageContext) -> list[str]:
    return [page for page in visible_pages(ctx.role) if page_file(page).exists()]


def _link_label(ctx: PageContext, page: str) -> str:
    label = ctx.t(page_title_key(page))
    if ctx.room is not None and page == ctx.room.step:
        label = ctx.t("chrome.current", label=label)
    return label


def _link_params(ctx: PageContext, page: str) -> dict[str, str]:
    if page != "projection":
        return ctx.params
    params = {"code": ctx.code or "", "view": "projection"}
    if ctx.lang != "fr":
        params["lang"] = ctx.lang
    return params


LINK_STYLE = "display:block;min-height:44px;line-height:44px;text-decoration:none"
"""A tablet's sidebar link: a 44 px touch target."""


def link_list(links: list[tuple[str, str, dict[str, str]]]) -> str:
    """A tablet's page links as one element: one message per rerun instead of one per page
    (each ``st.page_link`` is an element the server builds and sends on every full rerun:
    docs/load.md, §9). Relative addresses (``./needs?…``), so a server under a path prefix
    keeps them; following one loads the page (a tablet seldom does: the header links to the
    current step and to «Mes données»)."""
    items = "".join(
        f'<li><a href="./{html.escape(page_url("", page, params).lstrip("/"))}"'
        f' style="{LINK_STYLE}">{html.escape(label)}</a></li>'
        for page, label, params in links
    )
    return f'<ul style="list-style:none;padding:0;margin:0">{items}</ul>'


FAVICON = Path(__file__).with_name("favicon.png")
"""The tab icon (drawn once with Pillow: four cards, one picked)."""


def configure_page(role: str, lang: str) -> None:
    """Title, icon, wide layout and the sidebar's initial state for this role. Called by the
    entry script and again by every page: on a fresh server, until the root address has
    been served once, Streamlit runs a page's own address (``/needs?…``, a tablet reopening
    its link after a restart) straight from ``pages/`` without the entry script."""
    st.set_page_config(
        page_title=t("app.title", lang),
        page_icon=str(FAVICON),  # a local file: a material icon is fetched from a CDN
        layout="wide",
        initial_sidebar_state=initial_sidebar_state(role),
    )


def initial_sidebar_state(role: str) -> Literal["auto", "collapsed"]:
    """Collapsed for the room's tablets (participants, and visitors joining) and the
    projector: Streamlit's ``auto`` only collapses at 768 px and below, and at 820 px
    (a portrait tablet) the sidebar took 300 px of the width. The facilitator's laptop
    keeps it (``auto``). A user who opens or closes it is remembered by the browser."""
    return "auto" if role == "facilitator" else "collapsed"
