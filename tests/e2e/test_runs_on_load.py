"""Every screen runs its page script once when it opens, then waits: no second run without a
change. A rerun right after the load redraws the page under the user's finger (a drop-down
list just opened can close, a half-typed answer can jump). Recorded on the websocket: the
server's ``new_session`` (a run starts, with the fragments it reruns) and
``script_finished`` messages, and the browser's ``rerun_script`` requests.

Issue 14's need picker that did not open was not such a rerun (that page runs once): see
``pages/use_cases.py``. This test keeps the other suspect ruled out, on every page."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import pytest

from selfdata.app import services
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, TABLET, Server
from tests.e2e.test_axe import _screens

pytestmark = pytest.mark.e2e

LOAD_S = 30.0
QUIET_S = 3.0
"""How long a screen is watched after its first complete run (the live fragment's own timer
is 10 s or more; nothing changes in the workshop meanwhile, so nothing is pushed)."""


class Runs:
    """The runs of one page, from its websocket frames."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def watch(self, page: Any) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        def received(payload: bytes | str) -> None:
            if not isinstance(payload, bytes):
                return
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.events.append(("run", tuple(msg.metadata.run.fragment_ids)))
            elif kind == "script_finished":
                self.events.append(("finished", int(msg.script_finished)))

        def sent(payload: bytes | str) -> None:
            if not isinstance(payload, bytes):
                return
            msg = BackMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "rerun_script":
                self.events.append(("asked", msg.rerun_script.fragment_id))

        def on_websocket(ws: Any) -> None:
            ws.on("framereceived", received)
            ws.on("framesent", sent)

        page.on("websocket", on_websocket)

    def loaded_at(self) -> int | None:
        """Index of the first page run that finished (a redirect's run ends early)."""
        done = ("finished", 0)  # FINISHED_SUCCESSFULLY: a whole page run
        return self.events.index(done) if done in self.events else None

    def page_runs(self) -> int:
        """How many whole-page runs started (fragment runs excluded)."""
        return self.events.count(("run", ()))


def test_every_screen_runs_once_when_it_opens(server: Server, browser: Any) -> None:
    store = Store(f"sqlite:///{server.db}")
    try:
        created = services.create_workshop(store, example="la_rochelle")
        services.set_locked(store, created.code, created.secret, False)
        token = services.join(store, created.code, "Lectrice").token
    finally:
        store.dispose()
    desktop, tablet = browser.new_context(**DESKTOP), browser.new_context(**TABLET)
    reruns: list[str] = []
    try:
        for name, url in _screens(server.base_url, created, token, "fr"):
            context = tablet if "participant" in name or "landing" in name else desktop
            page = context.new_page()
            runs = Runs()
            runs.watch(page)
            page.goto(url)
            deadline = time.monotonic() + LOAD_S
            while runs.loaded_at() is None and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert runs.loaded_at() is not None, f"{name}: no complete run in {LOAD_S} s"
            page.wait_for_timeout(QUIET_S * 1000)
            # a redirect (the projector's root address goes on to /projection) is one run
            # that stops early; a run of the same page again is a rerun
            redirected = urlsplit(page.url).path != urlsplit(url).path
            if runs.page_runs() != 1 + redirected or runs.events.count(("finished", 0)) != 1:
                reruns.append(f"{name}: {runs.events}")
            page.close()
    finally:
        desktop.close()
        tablet.close()
    assert not reruns, "a screen ran again after its load:\n" + "\n".join(reruns)
