"""The first tap after a server restart counts (issue 29: it was dropped, 3 runs out of 3).

A tablet's address names its page (``/needs?code=…&token=…``). On a fresh server, until some
run had gone through ``workshop_app.py``'s ``st.navigation``, Streamlit still treated the
``pages/`` folder as an old-style multipage app and ran ``pages/needs.py`` directly: the
page was drawn under another page identity than the one the next run used, and the tap on
it was lost. The first page a fresh server draws is now redrawn through the app's own
navigation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.store import Store
from tests.e2e.conftest import TABLET, free_port, serve

# timing: a server stopped and started again on the same port, taps within WAIT_SECONDS
pytestmark = [pytest.mark.e2e, pytest.mark.timing]

WAIT_SECONDS = 30.0
"""Generous: the machine may be busy."""


def _dots(db: Path, code: str, token: str) -> int:
    store = Store(f"sqlite:///{db}")
    try:
        return sum(v["dots"] for v in services.my_data(store, code, token)["dots"])
    finally:
        store.dispose()


def test_the_first_tap_on_a_freshly_started_server_is_counted(browser: Any, tmp_path: Path) -> None:
    db = tmp_path / "workshops.db"
    store = Store(f"sqlite:///{db}")
    created = services.create_workshop(store, example="la_rochelle")
    joined = services.join(store, created.code, "Albatros")
    services.set_step(store, created.code, created.secret, "needs")
    need = services.needs_board(store, created.code).needs[0].id
    store.dispose()
    for server in serve(tmp_path, SELFDATA_DB=str(db)):  # a fresh process: nothing ran yet
        page = browser.new_context(**TABLET).new_page()
        page.set_default_timeout(WAIT_SECONDS * 1000)
        page.goto(
            links.page_url(server.base_url, "needs", {"code": created.code, "token": joined.token})
        )
        plus = page.locator(f".st-key-needs_vote_{need} button")
        plus.wait_for()
        plus.click()
        deadline = time.monotonic() + WAIT_SECONDS
        while _dots(db, created.code, joined.token) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _dots(db, created.code, joined.token) == 1, "the first tap was dropped"
        page.context.close()


def test_the_first_tap_after_a_server_restart_is_counted(browser: Any, tmp_path: Path) -> None:
    """The tablet stays open while the server stops and starts again on the same address
    (Streamlit's page reconnects by itself); its first tap then counts. That tap is a run of
    the vote board (a fragment) that the new server session has never drawn: Streamlit
    dropped it; it now runs as a page run (selfdata/ui/restart_taps.py)."""
    db = tmp_path / "workshops.db"
    store = Store(f"sqlite:///{db}")
    created = services.create_workshop(store, example="la_rochelle")
    joined = services.join(store, created.code, "Albatros")
    services.set_step(store, created.code, created.secret, "needs")
    need = services.needs_board(store, created.code).needs[0].id
    store.dispose()
    port = free_port()
    page = browser.new_context(**TABLET).new_page()
    page.set_default_timeout(WAIT_SECONDS * 1000)
    plus = page.locator(f".st-key-needs_vote_{need} button")
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    for server in serve(tmp_path / "before", port, SELFDATA_DB=str(db)):
        page.goto(
            links.page_url(server.base_url, "needs", {"code": created.code, "token": joined.token})
        )
        plus.wait_for()
    for _ in serve(tmp_path / "after", port, SELFDATA_DB=str(db)):
        page.wait_for_function(  # Streamlit's page says it is connected again
            "() => !document.querySelector('[data-testid=\"stConnectionStatus\"]')",
            timeout=WAIT_SECONDS * 1000,
        )
        plus.wait_for()
        plus.click()
        deadline = time.monotonic() + WAIT_SECONDS
        while _dots(db, created.code, joined.token) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _dots(db, created.code, joined.token) == 1, "the first tap was dropped"
    page.context.close()
