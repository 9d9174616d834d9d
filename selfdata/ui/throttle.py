"""Per-client rate limits (:mod:`selfdata.domain.ratelimit`): joins, typed codes and actions.

One :class:`RateLimiter` per server process. A client is its browser session by default
(every tablet is one; behind a reverse proxy or the room's NAT many tablets share one
address, and 40 tablets joining at once must not be refused), or its network address when
``SELFDATA_RATE_LIMIT_BY=address`` (each device reaches the server with its own address:
then a script opening many sessions is limited too). A refusal is a translated
:class:`~selfdata.domain.errors.LimitExceeded` ("rate.limited") shown like any other
refusal; nothing is written."""

from __future__ import annotations

import os
import threading
import time
import weakref
from time import monotonic as _monotonic
from typing import NoReturn

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.domain.errors import LimitExceeded
from selfdata.domain.ratelimit import RateLimiter


@st.cache_resource(show_spinner=False)
def limiter() -> RateLimiter:
    """The process's limiter (shared by every session)."""
    return RateLimiter()


def client_id() -> str:
    """Who is asking: the browser session, or by setting the network address."""
    run = get_script_run_ctx()
    session = f"session:{run.session_id}" if run is not None else "session:?"
    if os.environ.get("SELFDATA_RATE_LIMIT_BY", "").strip().lower() != "address":
        return session
    try:
        address = st.context.ip_address
    except Exception:  # no request context (a bare script run)
        address = None
    return f"address:{address}" if isinstance(address, str) and address else session


def _session_and_address() -> list[tuple[str, str]]:
    """The buckets a wrong code counts in: this browser session's, and its network
    address's (whatever ``SELFDATA_RATE_LIMIT_BY`` says: a script opening fresh sessions
    still comes from one address)."""
    run = get_script_run_ctx()
    keys = [(f"session:{run.session_id if run is not None else '?'}", "wrong_code")]
    try:
        address = st.context.ip_address
    except Exception:  # no request context (a bare script run)
        address = None
    if isinstance(address, str) and address:
        keys.append((f"address:{address}", "wrong_code_address"))
    return keys


def code_lockout() -> int:
    """Whole seconds this client stays locked out of looking codes up (0: it is not)."""
    wait = max(limiter().locked(client, kind) for client, kind in _session_and_address())
    return int(-(-wait // 1))


def wrong_code() -> None:
    """Count a code that opened no workshop (typed or in the address); past the cap the
    session, or the address, is locked out for a while (``LimitExceeded("rate.locked")``)."""
    for client, kind in _session_and_address():
        decision = limiter().hit(client, kind)
        if not decision.allowed:
            raise locked_out(int(-(-decision.retry_after // 1)))


def locked_out(wait: int) -> LimitExceeded:
    return LimitExceeded("rate.locked", minutes=max(1, -(-wait // 60)))


def check(kind: str) -> None:
    """Take one ``kind`` token ("join", "code" or "action") for this client; raises
    ``LimitExceeded("rate.limited", wait=…)`` when it has none left."""
    limiter().check(client_id(), kind)


RERUN_WINDOW_S = 1.0
RERUNS_PER_WINDOW = 4
"""More full page runs than this in :data:`RERUN_WINDOW_S` from one browser session is not a
person tapping (a tap is one run; live updates rerun a fragment, not the page): the run is
held :data:`RERUN_PAUSE_S` before doing any work."""
RERUN_PAUSE_S = 0.5
_RUNS_KEY = "ui_recent_runs"
SERVER_RERUN_KEY = "ui_server_rerun"
"""Set just before the app reruns a page by itself (:func:`server_rerun`): that run is not
the client's doing and never held."""
clock = time.monotonic
"""The pace's clock (a test may freeze it)."""


SUSTAINED_WINDOW_S = 10.0
SUSTAINED_RUNS = 6
"""More page runs than this in :data:`SUSTAINED_WINDOW_S` from one session is over the pace
too, even below the burst pace (a loaded server may never let a script reach 4 runs a
second)."""
FLOOD_MEMORY_S = 60.0
FLOODING_RUNS = 6
"""A session with this many runs over the pace (burst or sustained) in :data:`FLOOD_MEMORY_S`,
with no pause of :data:`PAUSE_S` in between, is *flooding*: each of its runs then waits its
turn among the flooding sessions' runs, and counts as over the pace (it stays flooding while
it keeps asking). A person's burst (a reload, a rating and its way back) is a few runs over
the pace, and a person pauses (reads, thinks): never a turn behind the flooders' (issue 29:
one ordinary vote waited 5.07 s for a shared turn)."""
PAUSE_S = 3.0
"""Seconds between the end of a run's hold and the next run's start (that run's own work
included) that clear a session's count of runs over the pace: a script asking back to back
never leaves such a gap."""
OVER_PACE_RUNS_PER_S = 2.0
"""Runs that the whole process gives the flooding sessions a second, all together: ten
sessions rerunning flat out share these, instead of four runs a second each (issue 29: ten
flooding sessions slowed the others 2.6× at p95)."""
MAX_QUEUE_S = 5.0
"""The longest a flooding session's run waits for its turn (bounded, whatever the flood)."""
BARE_FLOODING_RUNS = 4
"""Requests in a row that change nothing (no tap, no new value, the same page and address),
with no pause of :data:`PAUSE_S`, that make a session flooding: every widget of a page sends
a change (a tap's trigger, a value); only a script, or a person pressing Streamlit's "Rerun"
again and again, asks for the same page again and again (issue 29: ten sessions doing so
ran 10–12 pages each before the former rule called them flooding). Not 2: the load
harness's tablets, which reload their page now and then (a bare rerun), sometimes did it
twice within 3 s after coming back to the page, and one waited 5 s behind the flooders."""
_OVER_KEY = "ui_over_pace_runs"
_RESUMED_KEY = "ui_run_resumed"
GATED: weakref.WeakValueDictionary[str, object] = weakref.WeakValueDictionary()
"""Browser sessions whose requests the request gate (:mod:`selfdata.ui.flood_gate`) paces
before any script starts: their runs are not paced a second time by :func:`throttle_reruns`
(which still paces a session without the gate: ``AppTest``)."""
_queue_lock = threading.Lock()
_next_turn = [0.0]


def turn_wait(after: float, now: float | None = None) -> float:
    """Seconds until this flooding run's turn among every flooding session's runs, once
    ``after`` seconds have passed since ``now`` (default: the monotonic clock's now; the
    turns are real time)."""
    with _queue_lock:
        start = (_monotonic() if now is None else now) + after
        turn = max(start, _next_turn[0])
        wait = min(turn - start, MAX_QUEUE_S)
        _next_turn[0] = start + wait + 1.0 / OVER_PACE_RUNS_PER_S
    return wait


_turn_wait = turn_wait


def pace(
    runs: list[float],
    over: list[float],
    now: float,
    resumed: float,
    bare: int = 0,
) -> tuple[float, bool]:
    """The rule for one page run at ``now``, given the session's earlier page runs ``runs``,
    its earlier runs over the pace ``over`` (both updated in place) and when its last run's
    hold ended (``resumed``): the seconds it is held on its own (the burst pause) and
    whether it then waits for a shared turn (the session is flooding). ``bare`` (known to
    the request gate, :mod:`selfdata.ui.flood_gate`): how many requests in a row, this one
    included, changed nothing (no tap, no value, the same page: a bare rerun, which no
    widget sends); :data:`BARE_FLOODING_RUNS` of them with no pause is flooding. Pure but
    for the two lists: ``tests/unit/test_throttle_rule.py``."""
    if now - resumed >= PAUSE_S:
        over.clear()  # it paused: a person, or a script that stopped
    flooding = (
        sum(1 for t in over if now - t < FLOOD_MEMORY_S) >= FLOODING_RUNS
        or bare >= BARE_FLOODING_RUNS
    )
    runs[:] = [t for t in runs if now - t < SUSTAINED_WINDOW_S][-SUSTAINED_RUNS:] + [now]
    burst = sum(1 for t in runs if now - t < RERUN_WINDOW_S) > RERUNS_PER_WINDOW
    if burst or flooding or len(runs) > SUSTAINED_RUNS:
        over[:] = [t for t in over if now - t < FLOOD_MEMORY_S][-FLOODING_RUNS:] + [now]
    return (RERUN_PAUSE_S if burst else 0.0), flooding


def throttle_reruns() -> None:
    """Called at the start of every page run. A session rerunning flat out (a script, a
    stuck key) is held :data:`RERUN_PAUSE_S` beyond :data:`RERUNS_PER_WINDOW` runs a second;
    a session over the pace again and again (:func:`pace`) is flooding and waits its turn
    among every flooding session's runs (:data:`OVER_PACE_RUNS_PER_S` for the whole
    process). So neither one client nor ten can take the server's CPU from the other
    tablets, and a tablet that is not flooding never waits for the flooders' turns. The
    waits sleep (no lock, no CPU held); a newer rerun request from the same session replaces
    the run after it."""
    if st.session_state.pop(SERVER_RERUN_KEY, False):
        return  # asked by the live updates (a projector follows every vote), not the browser
    run = get_script_run_ctx()
    if run is not None and run.session_id in GATED:
        return  # paced at its request, before the script started (flood_gate)
    runs = list(st.session_state.get(_RUNS_KEY, ()))
    over = list(st.session_state.get(_OVER_KEY, ()))
    now = clock()
    held, flooding = pace(runs, over, now, st.session_state.get(_RESUMED_KEY, -PAUSE_S))
    if flooding:
        held += _turn_wait(held)
    st.session_state[_RUNS_KEY] = runs
    st.session_state[_OVER_KEY] = over
    st.session_state[_RESUMED_KEY] = now + held
    if held:
        time.sleep(held)


def server_rerun() -> NoReturn:
    """Rerun the whole page because the workshop moved (live updates, the database back):
    the run is not counted in this session's pace."""
    st.session_state[SERVER_RERUN_KEY] = True
    st.rerun(scope="app")
