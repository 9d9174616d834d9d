"""Push: the screens of a workshop are told when it changed, instead of every screen asking.

One thread per server process, the *pusher*, reads the pulse of every workshop that a screen
of this process is watching — one indexed select per workshop every
:data:`PUSH_TICK_SECONDS`, however many screens watch it — and, when a screen should redraw,
asks Streamlit to rerun that screen's live fragment (:mod:`selfdata.ui.live`). The fragment
then does exactly what its timer does. Idle tablets cost the server nothing; the fragment's
timer stays, slowed down, as a safety net. The pusher reads the store, not this process's
writes, so a change made through another replica (PostgreSQL, or SQLite shared by several
processes) is pushed as well.

Streamlit has no public API to rerun another session; this module relies on
``Runtime._session_mgr``, ``AppSession._event_loop``, ``AppSession._scriptrunner`` (None
when no run is going or queued), ``AppSession.has_fragment``, the
fragment id of the running fragment (``ThreadState.get().fragment_id``) and
``AppSession.request_rerun(ClientState)`` (a fragment rerun, as the browser's timer asks
for). ``tests/integration/test_push.py`` pins them: it fails if Streamlit changes them.
Measured by bench/load.py: docs/load.md, §5.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from streamlit import runtime
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

from selfdata.app import services
from selfdata.app.read_models import RoomPulse, RoomState
from selfdata.domain.errors import SelfDataError, StoreUnavailable
from selfdata.store import Store

_LOG = logging.getLogger(__name__)

PUSH_TICK_SECONDS = 0.25
"""How often the pusher reads the pulse of each watched workshop (one select each)."""

OUTAGE: tuple[object, ...] = ("store unavailable",)
"""Pushed once when a workshop's pulse can no longer be read (the fragment then shows that
the database is unreachable) ..."""
RECOVERED: tuple[object, ...] = ("store back",)
"""... and once when it can again (the fragment redraws without the warning)."""


def room_key(room: RoomState | RoomPulse) -> tuple[object, ...]:
    """What makes a tablet redraw at once when it changes: the step, lock, timer, reveals,
    and the settings that decide what a tablet lets its participant do (budget, cap,
    criteria, weights: ``settings_version``). One definition for the fragment's own check
    and the pusher's."""
    return (room.step, room.locked, room.timer_end, room.revealed, room.settings_version)


def content_key(pulse: RoomPulse) -> tuple[int, int]:
    """What a tablet that shows none of the room's tallies (the needs page before its
    reveal, the scenarios page before the results) shows of other people's contributions:
    anything but a dot, a proposal, a rating, a participant's weights or objection moves
    ``shared_version`` (a hidden need, a join, a scenario edited…); a proposal adds a need.
    Other people's dots and ratings move neither: such a tablet is never redrawn for them;
    the projector and the facilitator show the room's tallies."""
    return (pulse.shared_version, pulse.needs)


@dataclass
class Screen:
    """What one session's live fragment drew, and how to reach it."""

    session_id: str
    fragment_id: str
    query_string: str
    page_script_hash: str
    code: str
    version: int
    step: str
    room_key: tuple[object, ...]
    drawn_at: float
    timer_end: float | None
    locked: bool
    follow_step: bool
    tablet: bool
    refresh_s: float
    """A tablet redraws for other people's contributions at most this often; the projector
    and the facilitator's screens redraw for any change at most this often."""
    content: tuple[int, int] | None = None
    """A tablet that does not show the room's dots: its :func:`content_key` when drawn (it
    redraws for other people's contributions only when that moves). None: it redraws for
    any change (at most every ``refresh_s``)."""
    pushed: tuple[object, ...] = ()
    loop: Any = None


def due(screen: Screen, pulse: RoomPulse, now: float) -> tuple[object, ...] | None:
    """Why ``screen`` must redraw for ``pulse`` (a key, pushed once), or None. The same
    rules as the fragment's own check (:func:`selfdata.ui.live._check_room`)."""
    if screen.timer_end is not None and now >= screen.timer_end and not screen.locked:
        return ("timer", screen.timer_end)
    if pulse.version == screen.version:
        return None
    key = room_key(pulse)
    if screen.tablet and screen.follow_step:
        if pulse.step != screen.step:
            return ("step", pulse.version)
        if key == screen.room_key:
            if screen.content is not None and content_key(pulse) == screen.content:
                return None  # other people's dots only: nothing this tablet shows moved
            if now - screen.drawn_at < screen.refresh_s:
                return None
    elif now - screen.drawn_at < screen.refresh_s:
        return None  # drawn less than refresh_s ago: at the next tick after that
    return ("version", pulse.version)


class Pusher:
    """The registry of watching screens and the thread that pushes to them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._screens: dict[str, Screen] = {}  # session id -> its live fragment
        self._store: Store | None = None
        self._thread: threading.Thread | None = None
        self.pushes = 0

    def watch(self, store: Store, screen: Screen) -> None:
        with self._lock:
            self._store = store
            old = self._screens.get(screen.session_id)
            if old is not None and (old.fragment_id, old.version, old.drawn_at) == (
                screen.fragment_id,
                screen.version,
                screen.drawn_at,
            ):
                screen.pushed = old.pushed  # a pushed run that did not redraw: not again
            self._screens[screen.session_id] = screen
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="selfdata-push", daemon=True)
                self._thread.start()

    def forget(self, session_id: str, screen: Screen | None = None) -> None:
        """Stop pushing to a session (only if ``screen`` is still its registration, when
        given: the session may have registered another page's fragment since)."""
        with self._lock:
            if screen is None or self._screens.get(session_id) is screen:
                self._screens.pop(session_id, None)

    def watching(self) -> dict[str, Screen]:
        with self._lock:
            return dict(self._screens)

    def _run(self) -> None:
        while True:
            time.sleep(PUSH_TICK_SECONDS)
            try:
                self.tick()
            except Exception:  # never let the pusher die: the slow poll would be all that's left
                _LOG.exception("push tick failed")

    def tick(self) -> None:
        with self._lock:
            screens = list(self._screens.values())
            store = self._store
        if store is None or not screens:
            return
        mgr = runtime.get_instance()._session_mgr
        pulses: dict[str, RoomPulse | StoreUnavailable | None] = {}
        now = time.time()
        for screen in screens:
            if mgr.get_active_session_info(screen.session_id) is None:
                self.forget(screen.session_id)
                continue
            if screen.code not in pulses:
                pulses[screen.code] = _pulse_or_outage(store, screen.code)
            why = _why_push(screen, pulses[screen.code], now)
            if why is None or why == screen.pushed:
                continue
            screen.pushed = why
            self.pushes += 1
            with contextlib.suppress(RuntimeError):  # the loop closed: the server stops
                screen.loop.call_soon_threadsafe(self._push, screen)

    def _push(self, screen: Screen) -> None:
        """On Streamlit's event loop: rerun the screen's live fragment."""
        info = runtime.get_instance()._session_mgr.get_active_session_info(screen.session_id)
        if info is None:
            self.forget(screen.session_id)
            return
        session = info.session
        if session._scriptrunner is not None:
            # A run is going or queued (a click, a link to another page): a fragment rerun
            # asked for now would be folded into that request, with this screen's page.
            # That run, or the next tick, sees the change.
            screen.pushed = ()
            return
        if not session.has_fragment(screen.fragment_id):
            self.forget(screen.session_id, screen)  # it left the page; a live page registers
            return
        state = ClientState()
        state.query_string = screen.query_string
        state.page_script_hash = screen.page_script_hash
        state.fragment_id = screen.fragment_id
        state.is_auto_rerun = True
        session.request_rerun(state)


PUSHER = Pusher()


def watch(
    store: Store,
    *,
    code: str,
    version: int,
    step: str,
    room_key: tuple[object, ...],
    drawn_at: float,
    timer_end: float | None,
    locked: bool,
    follow_step: bool,
    tablet: bool,
    refresh_s: float,
    content: tuple[int, int] | None = None,
) -> None:
    """Called by the live fragment on each of its runs: push to this session when the
    workshop moves past what it drew. Outside a served session (AppTest), nothing."""
    ctx = get_script_run_ctx()
    if ctx is None or not runtime.exists():
        return
    try:
        fragment_id = ThreadState.get().fragment_id
    except RuntimeError:  # no fragment state on this thread
        return
    if not fragment_id:
        return
    # AppTest's runtime is a stand-in without sessions: nothing to push to. (A renamed
    # attribute on the real server is caught by tests/integration/test_push.py.)
    mgr = getattr(runtime.get_instance(), "_session_mgr", None)
    info = mgr.get_active_session_info(ctx.session_id) if mgr is not None else None
    if info is None:
        return
    PUSHER.watch(
        store,
        Screen(
            session_id=ctx.session_id,
            fragment_id=fragment_id,
            query_string=ctx.query_string,
            page_script_hash=ctx.page_script_hash,
            code=code,
            version=version,
            step=step,
            room_key=room_key,
            drawn_at=drawn_at,
            timer_end=timer_end,
            locked=locked,
            follow_step=follow_step,
            tablet=tablet,
            refresh_s=refresh_s,
            content=content,
            loop=info.session._event_loop,
        ),
    )


def _pulse_or_outage(store: Store, code: str) -> RoomPulse | StoreUnavailable | None:
    """The room's pulse; the outage itself when the store is down (news too: the screen
    says so, and recovers); ``None`` for a room that is gone."""
    try:
        return services.room_pulse(store, code)
    except StoreUnavailable as err:
        return err
    except SelfDataError:
        return None


def _why_push(
    screen: Screen, pulse: RoomPulse | StoreUnavailable | None, now: float
) -> tuple[object, ...] | None:
    """Why this screen should redraw now (``None``: no reason)."""
    if pulse is None:
        return None
    if isinstance(pulse, StoreUnavailable):
        return OUTAGE
    why = due(screen, pulse, now)
    if why is None and screen.pushed == OUTAGE:
        return RECOVERED
    return why
