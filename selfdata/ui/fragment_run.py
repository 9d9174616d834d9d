"""A tablet's form in ``@st.fragment``: a tap reruns the form, not the page (docs/load.md,
§9). What every such form does on its own runs, in one place: the per-session pace
(:func:`~selfdata.ui.throttle.throttle_reruns`), a refused tap's message where the finger is
(:func:`~selfdata.ui.flash.show_flash`), and a database failing — the form alone could not
say so and wait: the whole page does (the outage screen of :mod:`selfdata.ui.context`), then
comes back by itself.

The page's live fragment (:mod:`selfdata.ui.live`) stays registered with the pusher from the
page's run, so a step, lock, timer or reveal still redraws the whole page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.domain.errors import SelfDataError, StoreUnavailable
from selfdata.ui.flash import show_flash
from selfdata.ui.session import STORE_FAILED_KEY, PageContext
from selfdata.ui.throttle import throttle_reruns

T = TypeVar("T")


def own_run() -> bool:
    """Whether this run is a fragment's own (a tap in it), not its page's."""
    run = get_script_run_ctx()
    return run is not None and bool(run.fragment_ids_this_run)


def fresh(ctx: PageContext, first: T, read: Callable[[], T]) -> T | None:
    """What the form shows: ``first`` (read by the page's run) when drawn with its page; on
    the form's own run, the pace and a refused tap's message, then ``read()`` again — or
    the whole page rerun when the database fails, or ``None`` (the refusal shown) when the
    read is refused."""
    if not own_run():
        return first
    throttle_reruns()
    show_flash(on_tablet=ctx.is_participant)
    if STORE_FAILED_KEY in st.session_state:  # met by the tap itself
        st.rerun(scope="app")
    try:
        return read()
    except StoreUnavailable as err:
        st.session_state[STORE_FAILED_KEY] = err.key
        st.rerun(scope="app")
    except SelfDataError as err:
        ctx.error(err)
        return None
