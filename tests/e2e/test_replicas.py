"""Two replicas behind HAProxy (``make run`` on two cores), in a real browser: a tablet bound
to one replica and the projector bound to the other (HAProxy's cookie), the tablet's taps
show on the projector without a reload, and each browser stays on its replica."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.commands.serve import REPLICA_COOKIE
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, TABLET, ConsoleLog, Server

# timing: a tap on the projector within LIVE_MS, across two replicas
pytestmark = [pytest.mark.e2e, pytest.mark.timing]

LOAD_MS = 60_000  # two servers starting their first pages on a busy two-CPU machine
LIVE_MS = 10_000  # generous here; tests/e2e/test_room.py holds the 2 s bar on one process


def metric(page: Any, label: str) -> Any:
    return (
        page.locator('[data-testid="stMetric"]')
        .filter(has=page.get_by_text(label, exact=True))
        .locator('[data-testid="stMetricValue"]')
    )


def bound_to(browser: Any, server: Server, replica: str, viewport: dict[str, Any]) -> Any:
    """A browser whose HAProxy cookie names ``replica`` (as if its first request had
    been sent there)."""
    context = browser.new_context(**viewport)
    context.add_cookies([{"name": REPLICA_COOKIE, "value": replica, "url": server.base_url}])
    page = context.new_page()
    page.set_default_timeout(LOAD_MS)
    return page


def replica_of(page: Any) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return str(cookies.get(REPLICA_COOKIE, ""))


def test_a_tablet_on_one_replica_and_the_projector_on_the_other(
    replicated_server: Server, browser: Any
) -> None:
    from playwright.sync_api import expect

    server = replicated_server
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    services.set_locked(store, created.code, created.secret, False)
    services.set_step(store, created.code, created.secret, "needs")
    services.set_vote_settings(store, created.code, created.secret, budget=10, cap=3)
    token = services.join(store, created.code, "Tablette").token
    store.dispose()
    console = ConsoleLog()
    projector = bound_to(browser, server, "r2", DESKTOP)
    tablet = bound_to(browser, server, "r1", TABLET)
    try:
        console.watch(projector, "projector")
        console.watch(tablet, "tablet")
        projector.goto(links.projection_url(server.base_url, created.code))
        tablet.goto(
            links.page_url(server.base_url, "needs", {"code": created.code, "token": token})
        )
        projector.evaluate("window.__e2e_no_reload = true")
        dots = metric(projector, t("counts.dots", "fr"))
        expect(dots).to_have_text(re.compile(r"^\d+$"), timeout=LOAD_MS)
        shown = int(dots.inner_text())
        for _ in range(2):
            left = metric(tablet, t("needs.remaining", "fr"))
            expect(left).to_have_text(re.compile(r"\d"), timeout=LOAD_MS)
            before = left.inner_text()
            tablet.get_by_role("button", name=t("needs.add_dot", "fr")).first.click()
            expect(left).not_to_have_text(before, timeout=LOAD_MS)  # stored by replica 1
            shown += 1
            started = time.monotonic()
            expect(dots).to_have_text(str(shown), timeout=LIVE_MS)  # drawn by replica 2
            assert time.monotonic() - started < LIVE_MS / 1000
        assert projector.evaluate("window.__e2e_no_reload === true"), "the projector reloaded"
        assert (replica_of(tablet), replica_of(projector)) == ("r1", "r2")
        assert not console.errors, "\n".join(console.errors)
    finally:
        projector.context.close()
        tablet.context.close()
