"""A tap on a fragment the server's session does not know runs as a page run (issue 29).

After a server restart a tablet's page reconnects to a new session and keeps showing what
it had; its first tap on the vote board (a fragment: :func:`selfdata.ui.needs_view.vote_board`)
asks for a run of that fragment, which the new session has never drawn. Streamlit drops such
a request (``AppSession.request_rerun``: "The fragment with id … does not exist anymore"),
and the tap with it. The browser sends every widget's state with a fragment's run, so the
same request without its fragment id is that tap on the whole page: :func:`install` makes
Streamlit run it so. A timer's run of a vanished fragment (``is_auto_rerun``: nobody tapped)
is still dropped, and a known fragment's run is left alone (the vote board's own runs).

:func:`install` must be in place before a fresh server's first request. Importing this
module installs it and ``selfdata/ui/__init__.py`` imports it first thing, so ``python -m
selfdata.ui run workshop_app.py …`` (``selfdata/ui/__main__.py``: what ``selfdata serve``
starts) is ``streamlit run`` with it in place from the start. A server started as bare
``streamlit run`` has it from its first page run on."""

from __future__ import annotations

from typing import Any

from streamlit.runtime.app_session import AppSession

_MARK = "_selfdata_restart_taps"


def page_run_instead(client_state: Any, has_fragment: Any) -> Any:
    """The request to run: ``client_state`` itself, or, for a tap on a fragment the session
    does not hold, a copy without the fragment id (a run of the whole page, widgets
    included)."""
    if client_state is None or not client_state.fragment_id or client_state.is_auto_rerun:
        return client_state
    if has_fragment(client_state.fragment_id):
        return client_state
    return whole_page(client_state)


def whole_page(client_state: Any) -> Any:
    """A copy of a fragment's request without its fragment id: the same tap on the whole
    page (the browser sends every widget's state with a fragment's run)."""
    page_run = type(client_state)()
    page_run.CopyFrom(client_state)
    page_run.fragment_id = ""
    return page_run


def install() -> None:
    """Wrap ``AppSession.request_rerun`` once for the whole process."""
    original = AppSession.request_rerun
    if getattr(original, _MARK, False):
        return

    def request_rerun(self: AppSession, client_state: Any) -> None:
        original(self, page_run_instead(client_state, self.has_fragment))

    setattr(request_rerun, _MARK, True)
    AppSession.request_rerun = request_rerun  # type: ignore[method-assign]


install()
