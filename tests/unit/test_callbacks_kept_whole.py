"""The next request waits while a request's widget callbacks run (:mod:`selfdata.ui.
whole_callbacks`; on a real server: tests/integration/test_whole_callbacks.py, in a browser:
tests/e2e/test_ratings_in_a_row.py)."""

from __future__ import annotations

from streamlit.runtime.scriptrunner_utils.script_requests import (
    RerunData,
    ScriptRequests,
    ScriptRequestType,
)
from streamlit.runtime.state.session_state import SessionState

from selfdata.ui import whole_callbacks


def _pending() -> ScriptRequests:
    requests = ScriptRequests()
    assert requests.request_rerun(RerunData(query_string="code=X"))
    return requests


def test_a_pending_request_waits_inside_the_callbacks_and_is_handed_over_after_them() -> None:
    requests = _pending()
    seen = []

    def callbacks(self: SessionState, **_: object) -> None:
        seen.append((whole_callbacks.in_callbacks(), requests.on_scriptrunner_yield()))

    original, yielding = SessionState._call_callbacks, ScriptRequests.on_scriptrunner_yield
    try:
        SessionState._call_callbacks = callbacks  # type: ignore[method-assign]
        whole_callbacks.install()  # wraps this stand-in for Streamlit's callbacks' run
        SessionState._call_callbacks(SessionState())
    finally:
        SessionState._call_callbacks = original  # type: ignore[method-assign]
        ScriptRequests.on_scriptrunner_yield = yielding  # type: ignore[method-assign]
    assert seen == [(True, None)], "a yield point inside a callback raised the next request"
    assert not whole_callbacks.in_callbacks()
    after = requests.on_scriptrunner_yield()  # the check right after the callbacks
    assert after is not None and after.type == ScriptRequestType.RERUN
    assert after.rerun_data.query_string == "code=X"


def test_outside_the_callbacks_a_pending_request_interrupts_the_script_as_before() -> None:
    import selfdata.ui  # noqa: F401  (installs it)

    request = _pending().on_scriptrunner_yield()
    assert request is not None and request.type == ScriptRequestType.RERUN


def test_it_is_installed_once_by_importing_the_ui() -> None:
    import selfdata.ui  # noqa: F401

    wrapper = SessionState._call_callbacks
    yielding = ScriptRequests.on_scriptrunner_yield
    whole_callbacks.install()
    assert SessionState._call_callbacks is wrapper
    assert ScriptRequests.on_scriptrunner_yield is yielding
    assert getattr(wrapper, whole_callbacks._MARK)
