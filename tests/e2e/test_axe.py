"""Every screen, in a real browser: for the facilitator and a participant, the projector and a
visitor, in French and English, an axe-core scan (axe-playwright-python, Debian's chromium)
finds no critical or serious violation (issue 18); and every screen runs its page script
once when it opens, then waits: no second run without a change.

A rerun right after the load redraws the page under the user's finger (a drop-down list
just opened can close, a half-typed answer can jump). Runs are recorded on the websocket:
the server's ``new_session`` (a run starts, with the fragments it reruns) and
``script_finished`` messages, and the browser's ``rerun_script`` requests. Issue 14's need
picker that did not open was not such a rerun (that page runs once): see
``pages/use_cases.py``. The runs test keeps the other suspect ruled out, on every page.

Both checks ride one walk through the French screens (each screen opened once, scanned,
then watched until :data:`QUIET_S` has passed since it was drawn and still); the English
walk is scanned only, in ``tests/e2e/test_axe_en.py`` (its own file, so that another
browser-test worker runs it meanwhile: the two walks were ~3 minutes in a row)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest

from selfdata.app import links, services
from selfdata.domain.cards import STEP_IDS
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, TABLET, Server, wait_until_still

pytestmark = pytest.mark.e2e

LOAD_MS = 60_000  # waits on conditions: generous for a loaded machine
BLOCKING = ("critical", "serious")
QUIET_S = 3.0
"""How long a screen is watched after it is drawn and still (the live fragment's own timer
is 10 s or more; nothing changes in the workshop meanwhile, so nothing is pushed)."""


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


@dataclass
class Visit:
    """One screen opened: its axe findings and, when watched, its runs."""

    name: str
    problems: list[str]
    reran: str | None
    """None, or the screen's runs when it ran again after its load."""


def _visit(browser: Any, name: str, url: str, *, watch: bool) -> Visit:
    context = browser.new_context(
        **(TABLET if "participant" in name or "landing" in name else DESKTOP)
    )
    try:
        page = context.new_page()
        page.set_default_timeout(LOAD_MS)
        runs = Runs()
        if watch:
            runs.watch(page)
        page.goto(url)
        if watch:
            deadline = time.monotonic() + LOAD_MS / 1000
            while runs.loaded_at() is None and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert runs.loaded_at() is not None, f"{name}: no complete run in {LOAD_MS} ms"
        page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer']").first.wait_for()
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
            " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        )
        wait_until_still(page)
        still = time.monotonic()
        problems = _scan(page)
        if not watch:
            return Visit(name, problems, None)
        left = QUIET_S - (time.monotonic() - still)
        if left > 0:
            page.wait_for_timeout(left * 1000)
        # a redirect (the projector's root address goes on to /projection) is one run that
        # stops early; a run of the same page again is a rerun
        redirected = urlsplit(page.url).path != urlsplit(url).path
        once = runs.page_runs() == 1 + redirected and runs.events.count(("finished", 0)) == 1
        return Visit(name, problems, None if once else str(runs.events))
    finally:
        context.close()


WALKS: dict[tuple[str, str], list[Visit]] = {}


def walk(
    server: Server, browser: Any, room: tuple[services.Created, str], lang: str
) -> list[Visit]:
    """Every screen in ``lang``, opened once for both tests (French screens watched)."""
    created, token = room
    key = (server.base_url + created.code, lang)
    if key not in WALKS:
        WALKS[key] = [
            _visit(browser, name, url, watch=lang == "fr")
            for name, url in _screens(server.base_url, created, token, lang)
        ]
    return WALKS[key]


def problems(server: Server, browser: Any, room: tuple[services.Created, str], lang: str) -> str:
    """The blocking axe-core findings of every screen in ``lang``, one per line."""
    found = [
        f"{v.name} [{lang}]: {p}" for v in walk(server, browser, room, lang) for p in v.problems
    ]
    return "\n".join(found)


def test_no_french_page_has_a_critical_or_serious_axe_violation(
    server: Server, browser: Any, room: tuple[services.Created, str]
) -> None:
    found = problems(server, browser, room, "fr")
    assert not found, "axe-core:\n" + found


def test_every_screen_runs_once_when_it_opens(
    server: Server, browser: Any, room: tuple[services.Created, str]
) -> None:
    reruns = [f"{v.name}: {v.reran}" for v in walk(server, browser, room, "fr") if v.reran]
    assert not reruns, "a screen ran again after its load:\n" + "\n".join(reruns)
