"""A tap on a fragment the session does not know runs as a page run (issue 29, the first tap
after a server restart; the browser proof: tests/e2e/test_restart_first_tap.py)."""

from __future__ import annotations

import subprocess
import sys

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

from selfdata.ui import restart_taps
from tests.unit.test_architecture import ROOT

TRIGGER = "$$ID-abc-needs_vote_n1"


def _tap(fragment_id: str, *, auto: bool = False) -> ClientState:
    state = ClientState(query_string="code=X&token=Y", fragment_id=fragment_id)
    state.is_auto_rerun = auto
    widget = state.widget_states.widgets.add()
    widget.id = TRIGGER
    widget.trigger_value = True
    return state


def test_a_tap_on_a_fragment_the_session_never_drew_becomes_a_page_run_with_its_widgets() -> None:
    tap = _tap("board")
    run = restart_taps.page_run_instead(tap, lambda _id: False)
    assert run.fragment_id == "" and run.query_string == tap.query_string
    assert [(w.id, w.trigger_value) for w in run.widget_states.widgets] == [(TRIGGER, True)]
    assert tap.fragment_id == "board", "the browser's request is not changed in place"


def test_a_known_fragment_s_run_a_timer_s_run_and_a_page_run_are_left_alone() -> None:
    known = _tap("board")
    assert restart_taps.page_run_instead(known, lambda _id: True) is known
    timer = _tap("clock", auto=True)  # a timer of a vanished fragment: nobody tapped
    assert restart_taps.page_run_instead(timer, lambda _id: False) is timer
    page = _tap("")
    assert restart_taps.page_run_instead(page, lambda _id: False) is page
    assert restart_taps.page_run_instead(None, lambda _id: False) is None


def test_streamlit_s_session_runs_it_once_installed_by_importing_the_ui() -> None:
    """The wrapper is on ``AppSession.request_rerun`` once (importing ``selfdata.ui`` twice
    or installing again does not wrap it twice)."""
    import selfdata.ui  # noqa: F401

    wrapper = AppSession.request_rerun
    restart_taps.install()
    assert AppSession.request_rerun is wrapper
    assert getattr(wrapper, restart_taps._MARK)


def test_python_m_selfdata_ui_is_streamlit_with_the_fix_in_place() -> None:
    """``python -m selfdata.ui`` (what ``selfdata serve`` and the browser tests start) is
    Streamlit's own command line."""
    done = subprocess.run(
        [sys.executable, "-m", "selfdata.ui", "version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("Streamlit, version")
