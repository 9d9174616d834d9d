"""When the database fails: a translated message instead of a traceback, and a page that
comes back by itself.

The store turns every driver failure into :class:`~selfdata.domain.errors.StoreUnavailable`
(its message names no path and no address). A refused action becomes a flash message through
``ctx.act`` like any refusal; a page that cannot read what it draws shows
:func:`outage_screen` — the message and a small fragment that asks the database every
:data:`RETRY_SECONDS` and redraws the page as soon as it answers, without a reload."""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy import text

from selfdata.domain.errors import StoreUnavailable
from selfdata.i18n import t
from selfdata.ui.session import get_store

RETRY_SECONDS = 2.0
"""How often a page waiting for the database asks it again."""


def outage_screen(lang: str) -> None:
    """The store failed while drawing this page: say so gently, keep asking, and stop the
    run here (the rest of the page needs the data)."""
    st.error(StoreUnavailable("store.unavailable").message(lang), icon=":material/cloud_off:")
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
        st.rerun(scope="app")
    st.caption(t("store.retrying", lang, time=time.strftime("%H:%M:%S")))
