"""Accessibility: an axe-core scan (axe-playwright-python, Debian's chromium) of every page,
for the facilitator and a participant, the projector and a visitor, in French and English,
finds no critical or serious violation (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.domain.cards import STEP_IDS
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, TABLET, Server

pytestmark = pytest.mark.e2e

LOAD_MS = 30_000
BLOCKING = ("critical", "serious")


@pytest.fixture(scope="module")
def room(server: Server) -> Iterator[tuple[services.Created, str]]:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    services.set_locked(store, created.code, created.secret, False)
    token = services.join(store, created.code, "Lecteur").token
    yield created, token
    store.dispose()


def _screens(base: str, room: services.Created, token: str, lang: str) -> list[tuple[str, str]]:
    code, secret = room.code, room.secret
    en = {"lang": "en"} if lang == "en" else {}
    screens = [
        ("home", links.page_url(base, "home", dict(en))),
        ("join landing", links.join_url(base, code, lang)),
        ("projection", links.projection_url(base, code, lang)),
        ("console", links.facilitator_url(base, code, secret, lang)),
        ("prepare", links.page_url(base, "prepare", {"code": code, "secret": secret, **en})),
    ]
    for step in STEP_IDS:
        screens.append(
            (
                f"{step} (facilitator)",
                links.page_url(base, step, {"code": code, "secret": secret, **en}),
            )
        )
        if step != "export":
            screens.append(
                (
                    f"{step} (participant)",
                    links.page_url(base, step, {"code": code, "token": token, **en}),
                )
            )
    return screens


def _scan(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [str(n["target"])[:90] for n in violation["nodes"][:4]]
            found.append(f"{violation['impact']} {violation['id']}: {targets}")
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_page_has_a_critical_or_serious_axe_violation(
    server: Server, browser: Any, room: tuple[services.Created, str], lang: str
) -> None:
    created, token = room
    problems: list[str] = []
    for name, url in _screens(server.base_url, created, token, lang):
        options = TABLET if "participant" in name or "landing" in name else DESKTOP
        context = browser.new_context(**options)
        page = context.new_page()
        page.set_default_timeout(LOAD_MS)
        page.goto(url)
        page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer']").first.wait_for(
            timeout=LOAD_MS
        )
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
            " && !document.querySelector('[data-testid=\"stStatusWidget\"]')",
            timeout=LOAD_MS,
        )
        page.wait_for_timeout(700)
        problems += [f"{name} [{lang}]: {p}" for p in _scan(page)]
        context.close()
    assert not problems, "axe-core:\n" + "\n".join(problems)
