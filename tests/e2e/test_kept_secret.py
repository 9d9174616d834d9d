"""The facilitator secret out of a mirrored laptop's address bar (issue 30): the console takes
it out of the visible address once proven, the tab keeps working as the facilitator's, and
the bookmarked facilitator link is the way back in."""

from __future__ import annotations

from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, Server

pytestmark = pytest.mark.e2e
LOAD_MS = 60_000  # waits on conditions: generous for a loaded machine


def fr(key: str, **values: object) -> str:
    return t(key, "fr", **values)


def test_the_console_hides_the_secret_from_the_address_bar_and_keeps_the_tab_working(
    browser: Any, server: Server
) -> None:
    from playwright.sync_api import expect

    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    store.dispose()
    page = browser.new_context(**DESKTOP).new_page()
    page.set_default_timeout(60_000)
    page.goto(links.facilitator_url(server.base_url, created.code, created.secret, "fr"))
    expect(page.get_by_role("heading", name=fr("page.console"))).to_be_visible(timeout=LOAD_MS)
    page.wait_for_function("() => !location.search.includes('secret=')", timeout=30_000)
    assert created.secret not in page.url and f"code={created.code}" in page.url
    # the tab goes on as the facilitator's: another page of the sidebar, then the console
    page.locator("[data-testid='stSidebar']").get_by_role(
        "link", name=fr("step.needs"), exact=False
    ).first.click()
    expect(page.get_by_role("heading", name=fr("step.needs"))).to_be_visible(timeout=LOAD_MS)
    assert created.secret not in page.url
    page.locator("[data-testid='stSidebar']").get_by_role(
        "link", name=fr("page.console")
    ).first.click()
    expect(page.get_by_role("heading", name=fr("page.console"))).to_be_visible(timeout=LOAD_MS)
    assert page.get_by_text(fr("access.denied_facilitator")).count() == 0
    assert created.secret not in page.content(), "nowhere on the page either"
    # a reload starts a new session: the page says it is the facilitator's (no "Page not
    # found"), and the bookmarked facilitator link opens it again
    page.reload()
    expect(page.get_by_text(fr("access.denied_facilitator"))).to_be_visible(timeout=LOAD_MS)
    page.goto(links.facilitator_url(server.base_url, created.code, created.secret, "fr"))
    expect(page.get_by_role("heading", name=fr("page.console"))).to_be_visible(timeout=LOAD_MS)
    page.context.close()
