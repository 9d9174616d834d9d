"""Live updates: a small fragment on every live screen compares the workshop's version counter
(:func:`selfdata.app.services.room_pulse`) with what the page drew and redraws the page only
when it moved.

The fragment is run when the workshop moved: :mod:`selfdata.ui.push` watches the workshop
for every screen of the process and reruns the fragment of the screens concerned, so idle
screens cost nothing. Its own timer stays as a safety net, every :data:`SAFETY_POLL_SECONDS`
(:data:`TABLET_SAFETY_POLL_SECONDS` on a tablet); while a countdown runs, it ticks every
:data:`POLL_SECONDS` (:data:`TABLET_POLL_SECONDS`) to show it. A tablet redraws for other
people's contributions at most every :data:`PARTICIPANT_REFRESH_SECONDS` (measured:
docs/load.md)."""

from __future__ import annotations

import time
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.app import services
from selfdata.domain.errors import SelfDataError, StoreUnavailable
from selfdata.ui import push
from selfdata.ui.navigation import page_file, switch_to
from selfdata.ui.outage import guarded
from selfdata.ui.session import PageContext, get_store
from selfdata.ui.throttle import server_rerun
from selfdata.ui.widgets import countdown

POLL_SECONDS = 1.0
"""How often the projector and the facilitator's screens redraw their countdown while a
timer runs."""
TABLET_POLL_SECONDS = 2.0
"""How often a participant's tablet asks. Each ask is a fragment rerun that costs the server
~5.6 ms of CPU whatever it finds (most of it Streamlit's own message handling): 40 tablets
asking every second kept a fifth of the server's one core busy. Measured by bench/load.py
(docs/load.md). Now only while a countdown runs: otherwise the workshop's changes are
pushed (:mod:`selfdata.ui.push`)."""
SCREEN_REFRESH_SECONDS = 1.0
"""The projector and the facilitator's screens redraw for a change at most this often (as
often as they used to poll). Pushed at every change, 3 projectors of busy rooms redrew up to
4 times a second each, ~80 ms of the server's one core a time (docs/load.md, §5)."""
SAFETY_POLL_SECONDS = 10.0
"""The projector's and the facilitator's own check when no countdown runs: only a safety net
behind the push (a change made while the push was not yet watching, a dead push thread)."""
TABLET_SAFETY_POLL_SECONDS = 30.0
"""A tablet's own check when no countdown runs (safety net behind the push). Measured by
bench/load.py (docs/load.md, §5): idle tablets' polls were half of the server's load with
100 tablets."""
PARTICIPANT_REFRESH_SECONDS = 10.0
"""A tablet redraws for other people's contributions at most this often (never for their
dots or ratings on a page that does not show them: the needs page before its reveal, the
scenarios page before the results, issue 25); its own actions and a change of step, lock,
timer or reveal redraw it at once. Measured by bench/load.py (docs/load.md): redrawing 40
tablets on every vote saturated the server (40 tablets: p50 3.9 s, 8.6 reruns/s); with this,
p50 0.11 s, 30 reruns/s. The projector stays live."""


def live_updates(
    ctx: PageContext, *, follow_step: bool = False, content: tuple[int, int] | None = None
) -> None:
    """A small fragment, run when the workshop moved (pushed) and on a slow timer, that
    redraws the page when the workshop moved. With
    ``follow_step`` (participants' step pages), a change of step by the facilitator takes
    the tablet to the new step's page. Also shows the running countdown and redraws once
    when it ends (input locks). A tablet whose page does not show the room's dots gives
    ``content`` (:func:`tablet_content`, read before the page read the workshop): it is
    never redrawn for other people's dots."""
    if ctx.code is None or ctx.room is None:
        return
    ticking = ctx.room.timer_end is not None and ctx.room.timer_end > time.time()
    if ctx.is_participant:
        watch = _tick_tablet if ticking else _watch_tablet
    else:
        watch = _tick if ticking else _watch
    watch(
        ctx.code,
        ctx.room.version,
        ctx.room.step,
        ctx.room.timer_end,
        ctx.room.locked,
        follow_step,
        ctx.params,
        ctx.lang,
        push.room_key(ctx.room),
        time.time(),
        content,
    )


def tablet_content(ctx: PageContext) -> tuple[int, int] | None:
    """For a participant's page that shows none of the room's tallies (dots, ratings): what
    it shows of other people's contributions (:func:`selfdata.ui.push.content_key`), to
    read *before* the page reads the workshop (a change in between then redraws it, never
    the reverse). None (redraw for any change, as other pages) for other viewers or when
    unreadable."""
    if not ctx.is_participant or ctx.code is None:
        return None
    try:
        return push.content_key(services.room_pulse(ctx.store, ctx.code))
    except SelfDataError:
        return None


@st.fragment(run_every=SAFETY_POLL_SECONDS)
@guarded
def _watch(*args: Any) -> None:
    _check_room(*args, tablet=False)


@st.fragment(run_every=TABLET_SAFETY_POLL_SECONDS)
@guarded
def _watch_tablet(*args: Any) -> None:
    _check_room(*args, tablet=True)


@st.fragment(run_every=POLL_SECONDS)
@guarded
def _tick(*args: Any) -> None:
    _check_room(*args, tablet=False)


@st.fragment(run_every=TABLET_POLL_SECONDS)
@guarded
def _tick_tablet(*args: Any) -> None:
    _check_room(*args, tablet=True)


def _check_room(
    code: str,
    seen_version: int,
    seen_step: str,
    timer_end: float | None,
    seen_locked: bool,
    follow_step: bool,
    params: dict[str, str],
    lang: str,
    room_key: tuple[object, ...] = (),
    drawn_at: float = 0.0,
    content: tuple[int, int] | None = None,
    *,
    tablet: bool = False,
) -> None:
    store = get_store()
    push.watch(
        store,
        code=code,
        version=seen_version,
        step=seen_step,
        room_key=room_key,
        drawn_at=drawn_at,
        timer_end=timer_end,
        locked=seen_locked,
        follow_step=follow_step,
        tablet=tablet,
        refresh_s=PARTICIPANT_REFRESH_SECONDS if tablet else SCREEN_REFRESH_SECONDS,
        content=content,
    )
    if timer_end is not None:
        remaining = max(0.0, timer_end - time.time())
        if remaining <= 0 and not seen_locked:
            server_rerun()
        countdown(remaining, lang)
    run = get_script_run_ctx()
    if run is None or not run.fragment_ids_this_run:
        # Drawn with its page, which read the room a moment ago: nothing to compare (a
        # change since is the push's to notice). Saves a store read on every full rerun.
        return
    try:
        pulse = services.room_pulse(store, code)
    except StoreUnavailable as err:  # the page stays as drawn; this fragment keeps asking
        st.warning(err.message(lang), icon=":material/cloud_off:")
        return
    except SelfDataError:
        return
    if pulse.version == seen_version:
        return
    if follow_step:
        if pulse.step != seen_step and page_file(pulse.step).exists():
            switch_to(pulse.step, params)
        if push.room_key(pulse) == room_key and (
            (content is not None and push.content_key(pulse) == content)
            or time.time() - drawn_at < PARTICIPANT_REFRESH_SECONDS
        ):
            return
    server_rerun()
