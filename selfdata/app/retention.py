"""Retention enforced by the server itself: every server process erases the workshops past
their retention date when its store opens and then every :func:`purge_interval` seconds, and
``python -m selfdata serve`` erases them before any server starts (``make run``, the image).

Purging is one indexed ``DELETE`` per table; several processes purging at once are harmless
(each erases what is left, in its own write transaction). A purge that fails (database down)
is logged and retried at the next tick: the expired workshops' codes already open nothing
(``access.workshop_row`` checks ``expires_at`` on every read)."""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections.abc import Mapping
from typing import Any

from selfdata.app.workshops import purge_expired
from selfdata.domain.errors import SelfDataError
from selfdata.store import Store

PURGE_SECONDS_ENV = "SELFDATA_PURGE_SECONDS"
PURGE_SECONDS_DEFAULT = 3600.0
"""Hourly: a workshop outlives its retention date by an hour at most, for one indexed
``DELETE`` per table (well under a millisecond on an empty result)."""

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_stores: weakref.WeakSet[Store] = weakref.WeakSet()
_new: list[weakref.ref[Store]] = []
_wake = threading.Event()
_state: dict[str, Any] = {"thread": None, "every": None}


def purge_interval(environ: Mapping[str, str]) -> float:
    """``SELFDATA_PURGE_SECONDS`` (at least 0.1 s), else hourly."""
    raw = str(environ.get(PURGE_SECONDS_ENV, "")).strip()
    try:
        seconds = float(raw) if raw else PURGE_SECONDS_DEFAULT
    except ValueError:
        seconds = PURGE_SECONDS_DEFAULT
    if seconds != seconds or seconds == float("inf"):
        seconds = PURGE_SECONDS_DEFAULT
    return max(0.1, seconds)


def purge_now(store: Store) -> int:
    """Erase the expired workshops; 0 (logged) when the database cannot be used right now."""
    try:
        erased = purge_expired(store)
        store.erase_traces()  # also catches up with an erasure whose checkpoint was held back
        return erased
    except SelfDataError:
        _log.warning("retention: the purge of expired workshops failed; retrying later")
        return 0


def keep_retention(store: Store, interval: float | None = None) -> bool:
    """Purge ``store`` now, then every ``interval`` seconds (default: :func:`purge_interval`
    of the environment; the process has one interval and one purging thread, which holds the
    stores weakly). Returns False when the store was already kept."""
    with _lock:
        if store in _stores:
            return False
        _stores.add(store)
        _new.append(weakref.ref(store))
        every = _state["every"] or purge_interval(os.environ)
        _state["every"] = every if interval is None else min(every, interval)
        if _state["thread"] is None:
            thread = threading.Thread(target=_run, name="selfdata-retention", daemon=True)
            _state["thread"] = thread
            thread.start()
    _wake.set()
    return True


def _run() -> None:
    last = float("-inf")  # when every store was last purged
    while True:
        with _lock:
            fresh = [s for s in (ref() for ref in _new) if s is not None]
            _new.clear()
        for store in fresh:  # a store just opened: at once
            purge_now(store)
        every = float(_state["every"])  # read each turn: a shorter interval applies at once
        if time.monotonic() - last >= every:  # every store of the process, every interval
            for store in list(_stores):
                purge_now(store)
            last = time.monotonic()
        _wake.wait(max(0.0, last + every - time.monotonic()))
        _wake.clear()
