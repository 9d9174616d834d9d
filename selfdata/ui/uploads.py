"""Uploads: accepted only from a session that shows an uploader, bounded, released once read.

Streamlit accepts ``PUT /_stcore/upload_file/<session>/<file>`` from any open session, keeps
every file in memory until the session ends, and does not bound how many files one session
sends. Here, on the server, before the cost is paid:

- **size**: ``server.maxUploadSize`` (``.streamlit/config.toml``) is the largest uploader's
  own limit (6 MB), not Streamlit's 200 MB: a larger request is refused from its
  ``Content-Length`` (413), or, chunked, once 1 MB past the limit while it streams;
- **who**: only a session whose page shows an uploader (:func:`permit_uploads`: home's
  workshop import, the preparation page's inventory import) may upload. Any other session — a
  tablet, the projector, a script's session on any other page — is refused *before the body
  is read*;
- **how many**: a session holds at most :data:`MAX_FILES_PER_SESSION` files;
- **how long**: :func:`release_upload` drops a file from Streamlit's memory as soon as the
  app is done with it (imported), and :func:`release_others` drops the files a session sent
  beside the one its uploader shows.

The gate wraps ``Runtime.is_active_session``, which Streamlit calls from the upload route
alone, before reading the body (``streamlit/web/server/starlette/starlette_routes.py``,
``_upload_put``); a refusal there is answered 400. These internals are pinned by
``tests/integration/test_uploads.py``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

UPLOAD_PAGES = frozenset({"home", "prepare"})
"""The pages that draw an uploader (home's workshop import, the preparation page's inventory
import): a run of any other page withdraws its session's permission to upload."""

MAX_FILES_PER_SESSION = 2
"""The uploader's current file, and the next one while the browser replaces it."""

RECENT_PUT_SECONDS = 10.0
"""A file sent this recently may not be in the widget's state yet (the browser reruns right
after its upload): :func:`release_others` leaves the session alone meanwhile."""

_lock = threading.Lock()
_permitted: set[str] = set()
_last_put: dict[str, float] = {}


def _manager() -> Any:
    return runtime.get_instance().uploaded_file_mgr


def _session_files(session_id: str) -> dict[str, Any]:
    storage = getattr(_manager(), "file_storage", {})
    files = storage.get(session_id)
    return files if isinstance(files, dict) else {}


def may_upload(session_id: str) -> bool:
    """Whether a new upload from ``session_id`` is accepted (see the module's rules)."""
    with _lock:
        if session_id not in _permitted:
            return False
    return len(_session_files(session_id)) < MAX_FILES_PER_SESSION


def guard_uploads(page: str) -> None:
    """Every page run: install the gate (once per process), and withdraw this session's
    permission when the page shown draws no uploader (a tab that left the home page)."""
    install_upload_gate()
    session = _session_id()
    if session is not None and page not in UPLOAD_PAGES:
        with _lock:
            _permitted.discard(session)


def install_upload_gate() -> None:
    """Wrap the runtime's session check used by the upload route (once per process)."""
    if not runtime.exists():
        return  # AppTest, a bare script run: no web server, no upload route
    rt = runtime.get_instance()
    current = rt.is_active_session
    if getattr(current, "_selfdata_gate", False):
        return
    original: Callable[[str], bool] = current

    def gated(session_id: str) -> bool:
        active = original(session_id)
        if not active:
            with _lock:
                _permitted.discard(session_id)
                _last_put.pop(session_id, None)
            return False
        allowed = may_upload(session_id)
        if allowed:
            with _lock:
                _last_put[session_id] = time.monotonic()
        return allowed

    gated._selfdata_gate = True  # type: ignore[attr-defined]
    rt.is_active_session = gated  # type: ignore[method-assign]


def _session_id() -> str | None:
    ctx = get_script_run_ctx()
    return None if ctx is None else str(ctx.session_id)


def permit_uploads() -> None:
    """This session's page draws an uploader: let it upload (call before ``file_uploader``)."""
    install_upload_gate()
    session = _session_id()
    if session is not None:
        with _lock:
            _permitted.add(session)


def release_others(upload: object | None) -> None:
    """Drop every file this session sent except ``upload``, the one its uploader shows now
    (``None``: none): a file already imported, replaced, or sent beside the widget."""
    session, keep = _session_id(), getattr(upload, "file_id", None)
    if session is None or not runtime.exists():
        return
    with _lock:
        if time.monotonic() - _last_put.get(session, -RECENT_PUT_SECONDS) < RECENT_PUT_SECONDS:
            return  # a file on its way into the widget's state
    for file_id in [f for f in _session_files(session) if f != keep]:
        _manager().remove_file(session, file_id)


def release_upload(upload: object) -> None:
    """The app is done with ``upload``: free its bytes now, not when the session ends."""
    session, file_id = _session_id(), getattr(upload, "file_id", None)
    if session is None or file_id is None or not runtime.exists():
        return
    _manager().remove_file(session, str(file_id))
