"""A database that fails, in a real browser against the real server: a clear French message,
no traceback, path or address on the screen, and the page comes back by itself (no reload)
when the database does — an unusable SQLite directory fixed by the operator, and a
PostgreSQL server stopped then started under a participant's tablet."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import TABLET, serve
from tests.pg_cluster import Cluster, Unavailable, postgres_unavailable, start_cluster

# timing: the outage and the recovery within RECOVERY_SECONDS; its own PostgreSQL stopped
pytestmark = [pytest.mark.e2e, pytest.mark.timing]

LOST = "Connexion à la base de données perdue"
RECOVERY_SECONDS = 60.0
"""The page asks every 2 s (a tablet's live fragment too) and shows the outage or the
recovery within a few seconds on a quiet machine; 60 s is for a loaded one (the tapping
test once ran out of its 20 s on a box with eight other test runs). Every wait below is on
a condition, so a quiet machine does not wait longer."""
PAGE_MS = 60_000
"""Playwright's default wait for one element, for the same reason."""


def _body(page: Any) -> str:
    return str(page.inner_text("body"))


def _clean(page: Any, *hidden: str) -> None:
    body = _body(page)
    for text in ("Traceback", "OperationalError", "sqlalchemy", 'File "', *hidden):
        assert text not in body, f"{text!r} reached the browser"


def test_an_unusable_sqlite_directory_is_told_and_the_page_comes_back_when_fixed(
    browser: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "var"
    blocker.write_text("a file where the database's directory should be")
    for server in serve(tmp_path, SELFDATA_DB=str(blocker / "workshops.db")):
        page = browser.new_context(**TABLET).new_page()
        page.set_default_timeout(PAGE_MS)
        page.goto(server.base_url)
        page.get_by_text(LOST).wait_for()
        _clean(page, str(tmp_path))
        page.evaluate("window.__sameDocument = true")

        blocker.unlink()  # the operator fixes it
        page.get_by_label(t("home.code", "fr")).wait_for(timeout=RECOVERY_SECONDS * 1000)
        assert LOST not in _body(page)
        assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
        page.context.close()


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    try:
        started = start_cluster()
    except Unavailable as exc:
        postgres_unavailable(str(exc))
    yield started
    started.stop()


@pytest.mark.postgres
def test_a_tablet_rides_out_a_postgresql_outage_without_a_reload(
    browser: Any, cluster: Cluster, tmp_path: Path
) -> None:
    url = cluster.fresh_url()
    store = Store(url)
    created = services.create_workshop(store, example="la_rochelle")
    joined = services.join(store, created.code, "Albatros")
    store.dispose()
    for server in serve(tmp_path, DATABASE_URL=url):
        page = browser.new_context(**TABLET).new_page()
        page.set_default_timeout(PAGE_MS)
        address = links.page_url(
            server.base_url, "needs", {"code": created.code, "token": joined.token}
        )
        page.goto(address)
        page.get_by_text("Albatros").first.wait_for()
        page.evaluate("window.__sameDocument = true")

        assert cluster.pg_ctl("stop", "-m", "fast", "-w").returncode == 0
        page.get_by_text(LOST).first.wait_for(timeout=RECOVERY_SECONDS * 1000)
        _clean(page, str(cluster.admin_url.port), "postgresql", "127.0.0.1:")
        assert page.get_by_text("Albatros").first.is_visible(), "the page stays drawn"

        cluster.start()
        page.get_by_text(LOST).first.wait_for(state="detached", timeout=RECOVERY_SECONDS * 1000)
        assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
        page.context.close()


ENGLISH_BOX = ("Ask Google", "Ask ChatGPT", "StreamlitAPIException", "Error running")


@pytest.mark.postgres
def test_a_tablet_that_taps_during_a_postgresql_outage_keeps_its_place_and_recovers(
    browser: Any, cluster: Cluster, tmp_path: Path
) -> None:
    """The tablet taps "+1" while PostgreSQL is stopped: it is told, in French, that the
    action was not saved, it keeps its identity (no "join first", its address keeps the
    token), no English error box shows, and once PostgreSQL is back the page comes back by
    itself (no reload) and the next tap counts."""
    url = cluster.fresh_url()
    store = Store(url)
    created = services.create_workshop(store, example="la_rochelle")
    joined = services.join(store, created.code, "Albatros")
    services.set_step(store, created.code, created.secret, "needs")
    need = services.needs_board(store, created.code).needs[0].id
    store.dispose()
    plus = f".st-key-needs_vote_{need} button"
    for server in serve(tmp_path, DATABASE_URL=url):
        page = browser.new_context(**TABLET).new_page()
        page.set_default_timeout(PAGE_MS)
        page.goto(
            links.page_url(server.base_url, "needs", {"code": created.code, "token": joined.token})
        )
        page.locator(plus).wait_for()
        page.evaluate("window.__sameDocument = true")
        console = browser.new_page()
        console.set_default_timeout(PAGE_MS)
        console.goto(
            links.page_url(
                server.base_url, "console", {"code": created.code, "secret": created.secret}
            )
        )
        console.locator(".st-key-console_clock").wait_for()

        assert cluster.pg_ctl("stop", "-m", "fast", "-w").returncode == 0
        # the console's clock (a fragment, every 20 s) says it in French, not in English
        console.locator(".st-key-sd-outage-clock").wait_for(timeout=RECOVERY_SECONDS * 3 * 1000)
        _clean(console, *ENGLISH_BOX)
        assert LOST in _body(console)
        console.close()
        page.locator(plus).click()
        page.get_by_text(LOST).first.wait_for(timeout=RECOVERY_SECONDS * 1000)
        _clean(page, str(cluster.admin_url.port), "postgresql", "127.0.0.1:", *ENGLISH_BOX)
        assert t("access.join", "fr") not in _body(page)
        assert joined.token in page.url, "the address keeps the tablet's identity"

        cluster.start()
        page.locator(plus).wait_for(timeout=RECOVERY_SECONDS * 3 * 1000)
        page.get_by_text(LOST).first.wait_for(state="detached", timeout=RECOVERY_SECONDS * 1000)
        _clean(page, *ENGLISH_BOX)
        assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
        page.locator(plus).click()
        _wait_for_dots(url, created.code, joined.token, 1)
        page.context.close()


def _wait_for_dots(url: str, code: str, token: str, dots: int) -> None:
    """Poll the store until the participant's dots add up to ``dots`` (a tap is sent
    asynchronously; a busy machine may take a while)."""
    check = Store(url)
    try:
        deadline = time.monotonic() + RECOVERY_SECONDS
        placed = -1
        while time.monotonic() < deadline:
            placed = sum(v["dots"] for v in services.my_data(check, code, token)["dots"])
            if placed == dots:
                return
            time.sleep(0.2)
        raise AssertionError(f"{placed} dots stored, {dots} expected")
    finally:
        check.dispose()
