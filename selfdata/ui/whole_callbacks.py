"""A browser's next request never cuts a widget callback short (CI, 2026-12-07).

Streamlit runs the callbacks of the widgets a request changed at the start of its run, one
after the other. Every ``st.session_state`` read and every ``st.*`` call in a callback is a
yield point: if the browser's next request already waits there (the next tap), Streamlit
raises that rerun inside the callback, takes it for the callback's own ``st.rerun()`` and
goes on. The callback stops where it was — a rating's, at its first read of the widget's
value, before any write — and the next run finds the value already applied: the tap is lost
while the tablet shows it chosen. Seen in ``tests/e2e/test_ratings_in_a_row.py``: ten
ratings tapped in a row, a few taps kept by the flood gate (:mod:`selfdata.ui.flood_gate`)
and handed over together, one or two ratings never written. A person tapping fast meets the
same window without any gate, only more rarely.

:func:`install` defers the requests that reach a yield point while the callbacks run: the
callbacks all run to their end, and the deferred request is not lost — Streamlit checks for
one right after the callbacks, before the page's script starts (``ScriptRunner._run_script``:
"an external request may also have arrived during state application"), and runs it next. A
callback's own ``st.rerun()`` raises without a yield point and is kept as before.

Importing this module installs it and ``selfdata/ui/__init__.py`` imports it first thing,
as for :mod:`selfdata.ui.restart_taps`."""

from __future__ import annotations

import threading
from typing import Any

from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequests
from streamlit.runtime.state.session_state import SessionState

_MARK = "_selfdata_whole_callbacks"
_running = threading.local()
"""How deep the current thread is in a request's callbacks (0 or unset: not in them)."""


def in_callbacks() -> bool:
    """Whether this thread is running a request's widget callbacks."""
    return bool(getattr(_running, "depth", 0))


def install() -> None:
    """Wrap, once for the whole process, the callbacks' run and the yield points' check."""
    call_callbacks = SessionState._call_callbacks
    if getattr(call_callbacks, _MARK, False):
        return
    on_yield = ScriptRequests.on_scriptrunner_yield

    def whole_call_callbacks(self: SessionState, *args: Any, **kwargs: Any) -> Any:
        depth = getattr(_running, "depth", 0)
        _running.depth = depth + 1
        try:
            return call_callbacks(self, *args, **kwargs)
        finally:
            _running.depth = depth

    def on_scriptrunner_yield(self: ScriptRequests) -> Any:
        if in_callbacks():
            return None  # handled right after the callbacks, before the script starts
        return on_yield(self)

    setattr(whole_call_callbacks, _MARK, True)
    SessionState._call_callbacks = whole_call_callbacks  # type: ignore[method-assign]
    ScriptRequests.on_scriptrunner_yield = on_scriptrunner_yield  # type: ignore[method-assign]


install()
