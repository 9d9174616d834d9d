"""The pace of page runs applied to a browser's request, before any script starts (issue 29).

:func:`~selfdata.ui.throttle.throttle_reruns` paced a run from inside the script: a held or
flooding session's run had already started a script thread, proven who was looking (a
database read), laid out the navigation and imported its page before it slept, and each
of ten flooding sessions paid that again for every request. Here the same rule
(:func:`~selfdata.ui.throttle.pace`) decides when a client's ``rerun_script`` arrives on the
server's event loop: a request that must wait is kept (a timer, no thread, no script) and
handed to Streamlit at its time; requests arriving meanwhile from the same session go
with it, in order (Streamlit merges reruns asked while one runs: no tap is lost). The gate
also tells a script's requests from a person's sooner than the count of runs could: a
request that changes nothing (:func:`asked`: no tap, the same values, page and address as
the previous one) :data:`~selfdata.ui.throttle.BARE_FLOODING_RUNS` times in a row, with no
pause, is flooding: ten sessions rerunning flat out are recognised at their fifth run, not
their eleventh. (How soon a request follows its session's last answer is not used: the load
harness's tablets, which rate with three requests back to back, were taken for flooders.)

Not gated: runs the server starts itself (the live updates' pushes, ``st.rerun``) and a
timed fragment's runs (``is_auto_rerun``). Importing this module installs the gate
(``selfdata/ui/__init__.py`` does, first thing, as for :mod:`selfdata.ui.restart_taps`)."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import Any

from streamlit.runtime.app_session import AppSession

from selfdata.ui import throttle
from selfdata.ui.restart_taps import whole_page

_MARK = "_selfdata_flood_gate"
Asked = tuple[str, str, bytes]
"""A request's page (its script's hash, its address path) and the rest of what it asks."""


@dataclass
class Gate:
    """One browser session's pace, kept on the event loop (only touched there)."""

    runs: list[float] = field(default_factory=list)
    over: list[float] = field(default_factory=list)
    resumed: float = -throttle.PAUSE_S
    last: Asked | None = None  # what the previous request asked for (see :func:`asked`)
    bare: int = 0  # requests in a row that changed nothing
    kept: list[Any] = field(default_factory=list)  # requests waiting for their time
    timer: asyncio.TimerHandle | None = None


KEPT_MAX = 50
"""Requests kept for one session while it waits; beyond, the oldest is let go (a browser
sends one per tap: a person never has this many waiting)."""

_gates: weakref.WeakKeyDictionary[AppSession, Gate] = weakref.WeakKeyDictionary()


def asked(client_state: Any) -> Asked | None:
    """What a request asks for, to tell a bare rerun (the same as the previous request, no
    tap) from a person's: ``None`` when it carries a tap (a button's, a form's or a chat's
    trigger), which is never bare."""
    if client_state is None:
        return ("", "", b"")
    for widget in client_state.widget_states.widgets:
        kind = widget.WhichOneof("value")
        if kind and ("trigger" in kind or kind == "chat_input_value"):
            return None
    rest = b"\0".join(
        (
            client_state.query_string.encode(),
            client_state.fragment_id.encode(),
            client_state.widget_states.SerializeToString(deterministic=True),
        )
    )
    return (client_state.page_script_hash, client_state.page_name, rest)


def same(request: Asked | None, last: Asked | None) -> bool:
    """Whether ``request`` asks again what ``last`` asked (a page's first request names it
    by its path only, the next ones by its script's hash too)."""
    if request is None or last is None or request[2] != last[2]:
        return False
    if request[0] and last[0]:
        return request[0] == last[0]
    return request[1] == last[1]


def delay(gate: Gate, now: float, request: Asked | None) -> float:
    """Seconds this session's new request waits before its run starts (0: at once): the
    burst pause, and a flooding session's shared turn."""
    if now - gate.resumed >= throttle.PAUSE_S:
        gate.bare = 0
    gate.bare = gate.bare + 1 if same(request, gate.last) else 0
    gate.last = request
    held, flooding = throttle.pace(gate.runs, gate.over, now, gate.resumed, bare=gate.bare)
    if flooding:
        held += throttle.turn_wait(held, now)
    gate.resumed = now + held
    return held


def as_page_run(client_state: Any) -> Any:
    """A kept request, to run as a run of its whole page: the same request without its
    fragment id (the browser sends every widget's state with a fragment's run, so the tap
    is kept). While it waits, the server may redraw the page by itself (a push: the step
    moved, the page changed); a fragment's run released after that drew into a place the
    browser no longer had ("Bad delta path index", the page blank; CI, 2026-12-07,
    tests/e2e/test_tables.py). A page run is right whatever was drawn meanwhile."""
    if client_state is None or not client_state.fragment_id:
        return client_state
    return whole_page(client_state)


def _request(session: AppSession, client_state: Any, original: Any) -> None:
    if client_state is not None and client_state.is_auto_rerun:
        original(session, client_state)  # a timed fragment: the app's own clock
        return
    gate = _gates.get(session)
    if gate is None:
        gate = _gates[session] = Gate()
        throttle.GATED[session.id] = session
    if gate.timer is not None:  # one already waits: this one goes with it, in order
        gate.kept = [*gate.kept, as_page_run(client_state)][-KEPT_MAX:]
        return
    wait = delay(gate, throttle.clock(), asked(client_state))
    if wait <= 0:
        original(session, client_state)
        return
    gate.kept = [as_page_run(client_state)]

    def release() -> None:
        kept, gate.kept, gate.timer = gate.kept, [], None
        for state in kept:  # merged by Streamlit; no callback cut short (whole_callbacks)
            original(session, state)

    gate.timer = asyncio.get_running_loop().call_later(wait, release)


def install() -> None:
    """Wrap, once for the whole process, the handler of a browser's ``rerun_script``."""
    original = AppSession._handle_rerun_script_request
    if getattr(original, _MARK, False):
        return

    def handle_rerun_script_request(self: AppSession, client_state: Any = None) -> None:
        _request(self, client_state, original)

    setattr(handle_rerun_script_request, _MARK, True)
    AppSession._handle_rerun_script_request = handle_rerun_script_request  # type: ignore[method-assign]


install()
