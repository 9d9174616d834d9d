"""Preparing the room in a real browser: the facilitator reads what is missing, chooses the
two-session agenda, sees the list turn ready, then finds the step's planned time in the
console. No page may log a console error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import services
from selfdata.app.room_setup import step_durations
from selfdata.domain.agenda import format_minutes, preset_agenda
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, ConsoleLog, Server

pytestmark = pytest.mark.e2e

LOAD_MS = 60_000
NBSP = "\u00a0"


def fr(key: str, **values: object) -> str:
    return t(key, "fr", **values)


@pytest.fixture
def facilitator(server: Server, browser: Any) -> Iterator[tuple[Any, str, ConsoleLog]]:
    from playwright.sync_api import expect

    expect.set_options(timeout=LOAD_MS)
    store = Store(f"sqlite:///{server.db}")
    try:
        created = services.create_workshop(
            store, title="Atelier de Villeneuve", territory="Villeneuve", theme="water"
        )
    finally:
        store.dispose()
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.set_default_timeout(LOAD_MS)
    console = ConsoleLog()
    console.watch(page, "prepare")
    query = f"code={created.code}&secret={created.secret}"
    yield page, query, console
    context.close()


def test_the_facilitator_sets_the_agenda_and_the_console_shows_the_step_s_time(
    server: Server, facilitator: tuple[Any, str, ConsoleLog]
) -> None:
    from playwright.sync_api import expect

    page, query, console = facilitator
    page.goto(f"{server.base_url}/prepare?{query}")
    expect(page.get_by_role("heading", name=fr("prepare.ready_header"))).to_be_visible()
    expect(page.get_by_text(fr("prepare.ready_missing", n=1))).to_be_visible()
    expect(page.get_by_text(fr("ready.agenda.todo"))).to_be_visible()

    page.get_by_text(fr("agenda.preset.two_sessions"), exact=True).click()
    total = fr("prepare.agenda_total", planned=f"6{NBSP}h", available=f"6{NBSP}h")
    expect(page.get_by_text(total)).to_be_visible()
    page.get_by_role("button", name=fr("prepare.agenda_save")).click()
    expect(page.get_by_text(fr("prepare.agenda_saved"))).to_be_visible()
    expect(page.get_by_text(fr("prepare.ready_all"))).to_be_visible()
    expect(page.get_by_text(fr("ready.agenda.ok", planned=360, available=360))).to_be_visible()

    page.goto(f"{server.base_url}/console?{query}")
    expect(page.get_by_role("heading", name=fr("console.clock_header"))).to_be_visible()
    # the first step's planned time, as the two-session preset proposes it
    planned = preset_agenda("two_sessions", step_durations()).minutes["inventory"]
    step_time = fr("console.clock_of", used=f"0{NBSP}min", planned=format_minutes(planned))
    expect(page.get_by_text(step_time)).to_be_visible()
    page.get_by_role("button", name=fr("console.clock_start")).click()
    expect(page.get_by_role("button", name=fr("console.clock_restart"))).to_be_visible()
    assert console.errors == [], console.errors
