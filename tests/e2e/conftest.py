"""Browser tests: the real server (``streamlit run workshop_app.py``) on a free port with a
throwaway SQLite database, driven by Playwright's Python package and Debian's chromium.

Playwright's own browser download does not work here, so the browser is always
``/usr/bin/chromium`` (``E2E_CHROMIUM`` to use another). Without it the tests are skipped
with a loud reason — except under ``CI=true``, where a browser test may never be skipped:
it fails instead. ``make test`` installs chromium with apt when it is missing.

``SELFDATA_SCREENSHOTS=docs/screenshots`` makes the run save a PNG of every main screen
there (the set shown in the README was taken that way).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.protocol import free_port
from selfdata.app.links import PAGE_PATHS as _PAGE_PATHS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE_PATHS = frozenset(p for p in _PAGE_PATHS.values() if p)
SERVER_START_SECONDS = 60
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
TABLET = {
    "viewport": {"width": 820, "height": 1180},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
}


def _no_browser(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: browser tests may not be skipped, but {reason}", pytrace=False)
    pytest.skip(f"BROWSER TESTS NOT RUN: {reason} (run `make system-deps` as root)")


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        _no_browser(f"{CHROMIUM} is missing")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _no_browser("the playwright Python package is not installed")
    return CHROMIUM


@dataclass
class Server:
    base_url: str
    db: Path
    log: Path
    process: subprocess.Popen[bytes]

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def serve(folder: Path, port: int | None = None, **env: str) -> Iterator[Server]:
    """``python -m selfdata.ui run workshop_app.py`` (``streamlit run``, as ``selfdata serve``
    starts it) on a free port (or ``port``: a restart) with ``env``
    added (no ``DATABASE_URL`` or ``SELFDATA_DEMO`` from the caller's environment; join
    links point at 127.0.0.1); yields once healthy, stops its process group at the end."""
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SELFDATA_DEMO")}
    environ.update(SELFDATA_PUBLIC_URL=base, PYTHONUNBUFFERED="1", **env)
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "selfdata.ui",  # streamlit, with the app's server-side fixes in place first
                "run",
                str(ROOT / "workshop_app.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # Other work may edit the checkout during the run: Streamlit's watcher would
                # then drop the edited modules from sys.modules while a session imports them
                # (KeyError: 'selfdata.domain.cards' seen on a tablet). Nothing reloads in a room.
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(base, folder / "workshops.db", log, process)
    try:
        _wait_healthy(server)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a fresh SQLite file (:func:`serve`), for the whole session."""
    folder = tmp_path_factory.mktemp("e2e-server")
    yield from serve(folder, SELFDATA_DB=str(folder / "workshops.db"))


@pytest.fixture(scope="module")
def replicated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``python -m selfdata serve --replicas 2`` (what ``make run`` starts on two cores): two
    app processes on one fresh SQLite file behind HAProxy, on a free port. Skipped without
    HAProxy (a failure under ``CI=true``)."""
    from selfdata.commands.serve import haproxy_binary

    if haproxy_binary() is None:
        reason = "HAProxy is not installed (make system-deps)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: the replica tests may not be skipped, but {reason}", False)
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("e2e-replicas")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SELFDATA_DEMO")}
    environ.update(SELFDATA_PUBLIC_URL=base, PYTHONUNBUFFERED="1")
    environ["SELFDATA_DB"] = str(folder / "workshops.db")
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "selfdata", "serve", "--replicas", "2", "--port", str(port)]
            + ["--address", "127.0.0.1", "--option", "server.fileWatcherType=none"],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(base, folder / "workshops.db", log, process)
    try:
        _wait_healthy(server, seconds=2 * SERVER_START_SECONDS)
        yield server
    finally:
        _stop(process)


def _wait_healthy(server: Server, seconds: float = SERVER_START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited at start-up:\n{server.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(server.base_url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"the server was not healthy in {seconds:.0f} s:\n{server.log_tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


SUBPAGE_PROBE = re.compile(r"^https?://[^/]+/(\w+)/_stcore/(health|host-config)$")
"""Opening a page's own address (``/console?…``, a reload, a tablet reopening its link) makes
Streamlit's frontend probe ``/<page>/_stcore/health`` and ``…/host-config`` in case the app
were served under that path; both 404 before it falls back to ``/_stcore/…``, and chromium
logs each 404 as a console error. That is Streamlit's own base-path discovery (confirmed,
open: https://github.com/streamlit/streamlit/issues/7074), not an error of the app, so those
two requests — and only those, on our own page paths — are not counted."""


def is_streamlit_subpage_probe(text: str, url: str, pages: frozenset[str]) -> bool:
    match = SUBPAGE_PROBE.match(url)
    return "status of 404" in text and match is not None and match.group(1) in pages


@dataclass
class ConsoleLog:
    """Every console error and uncaught page error, per page name."""

    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def watch(self, page: object, name: str) -> None:
        from playwright.sync_api import ConsoleMessage, Page

        assert isinstance(page, Page)

        def on_console(message: ConsoleMessage) -> None:
            if message.type != "error":
                return
            line = f"{name}: console error: {message.text} @ {message.location}"
            url = str(message.location.get("url", ""))
            if is_streamlit_subpage_probe(message.text, url, PAGE_PATHS):
                self.ignored.append(line)
            else:
                self.errors.append(line)

        def on_page_error(error: Exception) -> None:
            self.errors.append(f"{name}: uncaught: {error}")

        page.on("console", on_console)
        page.on("pageerror", on_page_error)


@pytest.fixture
def console_log() -> Iterator[ConsoleLog]:
    """A console log for the test's pages; the test fails on any console error they logged."""
    log = ConsoleLog()
    yield log
    assert not log.errors, "console errors:\n" + "\n".join(log.errors)


@pytest.fixture(scope="package")
def browser(chromium: Path) -> Iterator[object]:
    # Package scope, not session: Playwright's sync API keeps an asyncio loop running on the
    # main thread until it stops, which breaks every later test that calls asyncio.run().
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


EXPECT_MS = 60_000
"""Playwright's ``expect`` waits this long by default in the browser tests (its own default
is 5 s). A module may set its own (``expect.set_options``); the setting is global to the
process, so without this one a module that sets none waited 5 s on an xdist worker where
it ran first, and whatever an earlier module had set when run alone, one after the other."""


@pytest.fixture(scope="session", autouse=True)
def _generous_expect() -> None:
    try:
        from playwright.sync_api import expect
    except ImportError:  # the chromium fixture says so, loudly
        return
    expect.set_options(timeout=EXPECT_MS)


@pytest.fixture(scope="session")
def screenshots() -> Path | None:
    """Where to save the screens (``SELFDATA_SCREENSHOTS``), or None (the default)."""
    wanted = os.environ.get("SELFDATA_SCREENSHOTS", "").strip()
    if not wanted:
        return None
    folder = Path(wanted) if Path(wanted).is_absolute() else ROOT / wanted
    folder.mkdir(parents=True, exist_ok=True)
    return folder


STILL_JS = """([quietMs, maxMs]) => new Promise((resolve) => {
  const started = performance.now();
  let timer = null;
  const observer = new MutationObserver(() => arm());
  function done(still) { observer.disconnect(); resolve(still); }
  function arm() {
    clearTimeout(timer);
    const left = maxMs - (performance.now() - started);
    if (left <= 0) { done(false); return; }
    timer = setTimeout(() => done(true), Math.min(quietMs, left));
  }
  observer.observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, characterData: true});
  arm();
})"""


def wait_until_still(page: object, quiet_ms: int = 250, max_ms: int = 3000) -> bool:
    """Wait until the page's DOM has not changed for ``quiet_ms`` (the last frame drawn, a
    chart's layout done), at most ``max_ms`` (a page with a ticking clock may never be
    quite still). Replaces a fixed pause after Streamlit's run: as short as the page allows
    on a quiet machine, as long as it needs on a loaded one. True when it was still."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    return bool(page.evaluate(STILL_JS, [quiet_ms, max_ms]))


SETTLE_MS = 60_000
"""How long a page may take to finish its run (generous: a loaded two-core machine)."""


def settle(page: Any, *, still: bool = True, timeout_ms: int = SETTLE_MS) -> None:
    """Wait until Streamlit has drawn everything (no placeholder, no run in progress) and,
    with ``still``, until the last frame is painted."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')",
        timeout=timeout_ms,
    )
    if still:
        wait_until_still(page)


def pick_option(
    page: Any, opener: Any, option: str | re.Pattern[str], *, typed: str = "", tries: int = 3
) -> None:
    """Open a select box with ``opener`` (a locator), optionally type ``typed`` (a long list
    may not have drawn its option yet), and take ``option``. A run still drawing the page
    when the list opens redraws the box and closes the list under the pointer (seen on a
    loaded machine: the option never showed): each try waits for the page's run to finish
    and opens the list again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    exact = {"exact": True} if isinstance(option, str) else {}
    for attempt in range(tries):
        settle(page)
        opener.click()
        if typed:
            opener.press_sequentially(typed)
        try:
            page.get_by_role("option", name=option, **exact).click(timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise
            page.keyboard.press("Escape")


def projection_styled(page: Any, timeout_ms: int = SETTLE_MS) -> None:
    """Wait until the projector's large type is in force. Streamlit draws a page's style
    block a moment after its text (50-100 ms on a first load, measured at 1920x1080): a size
    read as soon as the text shows can be the browser's 16 px default."""
    page.wait_for_function(
        "() => getComputedStyle(document.documentElement)"
        ".getPropertyValue('--sd-projection').trim() === '1'",
        timeout=timeout_ms,
    )


def wait_for(read: Any, want: Any, seconds: float = 60) -> Any:
    """``read()`` every 0.5 s until it returns ``want`` or ``seconds`` have passed; its last
    value (the caller asserts it, so a failure shows what was read)."""
    deadline = time.monotonic() + seconds
    while True:
        value = read()
        if value == want or time.monotonic() > deadline:
            return value
        time.sleep(0.5)
