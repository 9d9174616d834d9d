"""Every page's starting point: :func:`page_context` reads the address, proves who is looking,
draws the shared chrome and returns a frozen :class:`PageContext`.

A page script gets everything from that one call — never from variables set by the entry
script — so each page also runs alone (``AppTest.from_file("pages/needs.py")``)::

    ctx = page_context("needs")
    board = services.needs_board(ctx.store, ctx.code, ctx.token, secret=ctx.secret)

Address (query parameters): ``code`` (workshop), ``secret`` (facilitator) or ``token``
(participant), ``view=projection`` (projector), ``lang=en`` (English; French by default).

The parts live by job: :mod:`~selfdata.ui.session` (store, viewer, :class:`PageContext`),
:mod:`~selfdata.ui.flash` (messages for the next render), :mod:`~selfdata.ui.navigation`
(pages, access, links), :mod:`~selfdata.ui.live` (polling), :mod:`~selfdata.ui.chrome`
(header and sidebar). This module only puts them together, and re-exports the names ui
modules take from it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from selfdata.domain.errors import StoreUnavailable
from selfdata.files.loading import default_decks
from selfdata.ui.chrome import configure_page, render_chrome
from selfdata.ui.flash import flash, show_flash
from selfdata.ui.kept_secret import hide_secret
from selfdata.ui.live import live_updates
from selfdata.ui.navigation import PAGE_ORDER, may_open, nav_link, switch_to
from selfdata.ui.outage import failed_before, outage_screen
from selfdata.ui.session import PageContext, base_url, current_lang, get_store, run_viewer
from selfdata.ui.style import apply_style
from selfdata.ui.throttle import throttle_reruns
from selfdata.ui.uploads import guard_uploads

__all__ = [
    "PAGE_ORDER",
    "PageContext",
    "flash",
    "get_store",
    "live_updates",
    "nav_link",
    "page_context",
    "switch_to",
]


def page_context(page_key: str) -> PageContext:
    """Read the address, prove the role, draw the shared chrome; stop with a clear message
    when this viewer may not see ``page_key``. Returns the page's frozen context."""
    lang = current_lang()
    through_the_app_s_navigation()
    throttle_reruns()
    guard_uploads(page_key)  # uploads only from a page that shows an uploader
    try:
        store = get_store()
        failed = failed_before()
        if failed is not None:  # the last action was not saved: say so until the store answers
            raise StoreUnavailable(failed)
        who = run_viewer()
    except StoreUnavailable as err:
        configure_page("visitor", lang)
        outage_screen(lang, err.key)
        raise  # not reached: outage_screen stops the run
    ctx = PageContext(
        page=page_key,
        store=store,
        viewer=who.viewer,
        me=who.me,
        room=who.room,
        decks=default_decks(),
        base_url=base_url(),
        view=st.query_params.get("view") or None,
    )
    if ctx.is_facilitator:  # out of a mirrored laptop's address bar, kept by this tab
        hide_secret(ctx.code, ctx.secret)
    configure_page(ctx.role, ctx.lang)
    apply_style(projection=page_key == "projection", tablet=ctx.is_participant)
    render_chrome(ctx)
    if who.bad_secret:
        _bad_secret_notice(ctx)
    elif who.problem is not None:
        ctx.error(who.problem)
    show_flash(on_tablet=ctx.is_participant)
    if ctx.me is not None and ctx.me.waiting:  # arrivals approved: not let in yet
        st.info(ctx.t("join.waiting"), icon=":material/hourglass_top:")
        live_updates(ctx)
        st.stop()
    if not may_open(ctx.role, page_key) or (page_key == "projection" and ctx.code is None):
        if not who.bad_secret:  # else the notice above already says what to do
            st.warning(
                ctx.t(
                    "access.denied_facilitator"
                    if not may_open("participant", page_key)
                    else "access.join"
                )
            )
            nav_link(ctx, "home", ctx.t("page.home"))
        st.stop()
    return ctx


def through_the_app_s_navigation() -> None:
    """Until one run of a fresh server process has called ``st.navigation``, Streamlit
    takes the ``pages/`` folder for an old-style multipage app and runs an address's page
    script directly, without ``workshop_app.py``: without its role-based page set and
    without its catch of a database failure (a console opened first during a PostgreSQL
    outage showed Streamlit's English error box). Such a run is redone at once through
    the app (issue 29). Streamlit internals: ``PagesManager.uses_pages_directory``."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _bad_secret_notice(ctx: PageContext) -> None:
    """A facilitator link with a wrong secret: said gently, with the way to join as a
    participant (the address then carries the code only). Nothing is granted."""
    st.warning(ctx.t("access.bad_secret"), icon=":material/key:")
    if ctx.role != "participant" and ctx.code is not None:
        params = {"code": ctx.code, **({"lang": ctx.lang} if ctx.lang != "fr" else {})}
        nav_link(
            ctx,
            "home",
            ctx.t("access.join_as_participant"),
            params=params,
            icon=":material/login:",
        )
