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
from collections.abc import Mapping

from selfdata.app.workshops import purge_expired
from selfdata.domain.errors import SelfDataError
from selfdata.store import Store

PURGE_SECONDS_ENV = "SELFDATA_PURGE_SECONDS"
PURGE_SECONDS_DEFAULT = 3600.0
"""Hourly: a workshop outlives its retention date by an hour at most, for one indexed
``DELETE`` per table (well under a millisecond on an empty result)."""

_log = logging.getLogger(__name__)
_started: set[int] = set()
_lock = threading.Lock()


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
        return purge_expired(store)
    except SelfDataError:
        _log.warning("retention: the purge of expired workshops failed; retrying later")
        return 0


def keep_retention(store: Store, interval: float | None = None) -> threading.Thread | None:
    """Purge now, then every ``interval`` seconds (default: :func:`purge_interval` of the
    environment), in one daemon thread per store; a second call for the same store does
    nothing and returns ``None``."""
    with _lock:
        if id(store) in _started:
            return None
        _started.add(id(store))
    every = purge_interval(os.environ) if interval is None else interval

    def run() -> None:
        while True:
            purge_now(store)
            time.sleep(every)

    thread = threading.Thread(target=run, name="selfdata-retention", daemon=True)
    thread.start()
    return thread
