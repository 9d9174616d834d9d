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
"""More page runs than this in :data:`SUSTAINED_WINDOW_S` from one session is a heavy
session too, even below the burst pace. Being heavy costs nothing while no other session
is: the turns below only make heavy runs wait for each other."""
OVER_PACE_RUNS_PER_S = 2.0
"""Runs over the pace that the whole process lets through a second, all sessions together:
ten sessions rerunning flat out share these, instead of four runs a second each (issue 29:
ten flooding sessions slowed the others 2.6× at p95)."""
MAX_QUEUE_S = 5.0
"""The longest an over-pace run waits for its turn (bounded, whatever the flood)."""
_queue_lock = threading.Lock()
_next_turn = [0.0]


def _turn_wait(after: float) -> float:
    """Seconds until this over-pace run's turn among every session's over-pace runs, once
    ``after`` seconds have passed (real time: the turns are slept)."""
    with _queue_lock:
        now = _monotonic() + after
        turn = max(now, _next_turn[0])
        wait = min(turn - now, MAX_QUEUE_S)
        _next_turn[0] = now + wait + 1.0 / OVER_PACE_RUNS_PER_S
    return wait


def throttle_reruns() -> None:
    """Called at the start of every page run. A session rerunning flat out (a script, a
    stuck key) is held :data:`RERUN_PAUSE_S`, then waits its turn among every session's
    heavy runs (:data:`OVER_PACE_RUNS_PER_S` for the whole process); a session running its
    page more than :data:`SUSTAINED_RUNS` times in :data:`SUSTAINED_WINDOW_S` (no person taps
    that long that fast; a loaded server may never let a script reach 4 runs a second) waits
    its turn too. So neither one client nor ten can take the server's CPU from the other
    tablets. The waits sleep (no lock, no CPU held); a newer rerun request from the same
    session replaces the run after it."""
    if st.session_state.pop(SERVER_RERUN_KEY, False):
        return  # asked by the live updates (a projector follows every vote), not the browser
    now = clock()
    recent = [t for t in st.session_state.get(_RUNS_KEY, ()) if now - t < SUSTAINED_WINDOW_S]
    recent.append(now)
    st.session_state[_RUNS_KEY] = recent[-(SUSTAINED_RUNS + 1) :]
    burst = sum(1 for t in recent if now - t < RERUN_WINDOW_S)
    if burst > RERUNS_PER_WINDOW:
        time.sleep(RERUN_PAUSE_S + _turn_wait(RERUN_PAUSE_S))
    elif len(recent) > SUSTAINED_RUNS:
        time.sleep(_turn_wait(0.0))


def server_rerun() -> NoReturn:
    """Rerun the whole page because the workshop moved (live updates, the database back):
    the run is not counted in this session's pace."""
    st.session_state[SERVER_RERUN_KEY] = True
    st.rerun(scope="app")
