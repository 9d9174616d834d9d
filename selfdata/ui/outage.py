"""When the database fails: a translated message instead of a traceback, and a page that
comes back by itself.

The store turns every driver failure into :class:`~selfdata.domain.errors.StoreUnavailable`
(its message names no path and no address). A refused action becomes a flash message through
``ctx.act`` like any refusal; a page that cannot read what it draws shows
:func:`outage_screen` — the message and a small fragment that asks the database every
:data:`RETRY_SECONDS` and redraws the page as soon as it answers, without a reload."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st
from sqlalchemy import text
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.domain.errors import StoreUnavailable
from selfdata.i18n import t
from selfdata.ui import push
from selfdata.ui.session import STORE_FAILED_KEY, current_lang, get_store
from selfdata.ui.throttle import server_rerun

P = ParamSpec("P")

RETRY_SECONDS = 2.0
"""How often a page waiting for the database asks it again."""


def outage_screen(lang: str, key: str = "store.unavailable") -> None:
    """The store failed while drawing this page (``key``: how, e.g. a database file replaced
    under the server): say so gently, keep asking, and stop the run here (the rest of the
    page needs the data)."""
    st.error(StoreUnavailable(key).message(lang), icon=":material/cloud_off:")
    run = get_script_run_ctx()
    if run is not None:
        # The page this session drew is gone: pushing to its live fragment now would send
        # the browser a redraw of an element that is not there any more (the browser gave
        # up, a blank page until reloaded). The wait below redraws the page when it can.
        push.PUSHER.forget(run.session_id)
    _wait_for_store(lang)
    st.stop()


def store_answers() -> bool:
    """True when the configured database answers a read."""
    try:
        get_store().read(lambda conn: conn.execute(text("SELECT 1")).scalar_one())
    except StoreUnavailable:
        return False
    return True


@st.fragment(run_every=RETRY_SECONDS)
def _wait_for_store(lang: str) -> None:
    if store_answers():
        server_rerun()
    st.caption(t("store.retrying", lang, time=time.strftime("%H:%M:%S")))


def guarded(fragment: Callable[P, None]) -> Callable[P, None]:
    """For a fragment's body (the clock, the live check): a database failure shows the
    translated message in the fragment instead of Streamlit's error box (in English, with
    "Ask Google"); the fragment's timer keeps asking and draws it again once it answers."""

    @functools.wraps(fragment)
    def body(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            fragment(*args, **kwargs)
        except StoreUnavailable as err:
            with st.container(key=f"sd-outage-{fragment.__name__.strip('_')}"):
                st.error(err.message(current_lang()), icon=":material/cloud_off:")

    return body


def failed_before() -> str | None:
    """The failure (its message key) an action of this tab met since the last page run, or
    None; forgets it."""
    failed: str | None = st.session_state.pop(STORE_FAILED_KEY, None)
    return failed
