"""A real browser tablet in the load room: Chromium (Playwright) opens a participant's
link on the needs page and taps "add a dot" on the first card every few seconds, while the
simulated tablets play; each tap is timed until the card shows the new dot (the server's
rerun, the websocket and the browser's drawing: what a participant waits for).

Used by ``bench.load`` (``browser=True``) and so by ``bench.bigroom``. Needs Playwright and
Chromium (``/usr/bin/chromium``, ``E2E_CHROMIUM`` for another); without them the tablet
reports an error.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable

from selfdata.i18n import t

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
LOAD_MS = 60_000
TAP_TIMEOUT_MS = 30_000
TAP_EVERY_S = (1.0, 4.0)
"""Seconds between two taps (uniform): more often than the simulated tablets' think time,
to time enough taps in a run of half a minute."""


async def chromium_tablet(
    url: str,
    query: str,
    end: float,
    rng: random.Random,
    budget: int,
    on_ack: Callable[[str, float, float], None],
    on_error: Callable[[str], None],
) -> None:
    """Tap until ``end``; ``on_ack(need_id, tap latency, ack time)`` for each acknowledged
    tap (ack time on ``time.perf_counter``'s clock), ``on_error`` for what went wrong. The
    tablet's participant has not voted yet and has ``budget`` dots."""
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:  # pragma: no cover - dev dependency
        on_error(f"browser tablet: {exc}")
        return
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 800, "height": 1200})
            page.set_default_timeout(LOAD_MS)
            await page.goto(f"{url.rstrip('/')}/needs?{query}")
            button = page.locator("[class*='st-key-needs_vote_'] button").first
            await button.wait_for()
            key = await page.locator("[class*='st-key-needs_vote_']").first.get_attribute("class")
            need = _need_id(key or "")
            mine = 0
            left = budget
            while time.perf_counter() < end and left > 0:
                await page.wait_for_timeout(rng.uniform(*TAP_EVERY_S) * 1000)
                if time.perf_counter() >= end:
                    break
                expected = t("needs.mine", "fr", n=mine + 1, left=left - 1)
                tapped = time.perf_counter()
                await button.click()
                try:
                    await page.get_by_text(expected, exact=False).first.wait_for(
                        timeout=TAP_TIMEOUT_MS
                    )
                except Exception as exc:  # noqa: BLE001 - reported as an error of the run
                    on_error(f"browser tablet: tap not acknowledged: {type(exc).__name__}")
                    return
                done = time.perf_counter()
                mine, left = mine + 1, left - 1
                on_ack(need, done - tapped, done)
        except Exception as exc:  # noqa: BLE001 - reported as an error of the run
            on_error(f"browser tablet: {type(exc).__name__}: {str(exc)[:200]}")
        finally:
            await browser.close()


def _need_id(classes: str) -> str:
    for cls in classes.split():
        if cls.startswith("st-key-needs_vote_"):
            return cls.removeprefix("st-key-needs_vote_")
    return ""


async def chromium_rater(
    url: str,
    query: str,
    end: float,
    rng: random.Random,
    budget: int,
    on_ack: Callable[[str, float, float], None],
    on_error: Callable[[str], None],
) -> None:
    """The rating phase's real tablet: Chromium opens the scenarios page and rates the shown
    scenario's criteria one after the other (3 each), every few seconds, each tap timed until
    the page counts it ("Critères notés pour ce scénario : k sur n"); ``on_ack(scenario_
    criterion, …)``. ``budget`` is unused (a rating spends nothing)."""
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:  # pragma: no cover - dev dependency
        on_error(f"browser tablet: {exc}")
        return
    prefix = "st-key-scenarios_rate_"
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 800, "height": 1200})
            page.set_default_timeout(LOAD_MS)
            await page.goto(f"{url.rstrip('/')}/scenarios?{query}")
            groups = page.locator(f"[class*='{prefix}']")
            await groups.first.wait_for()
            keys = [
                next(c.removeprefix(prefix) for c in (cls or "").split() if c.startswith(prefix))
                for cls in [await g.get_attribute("class") for g in await groups.all()]
            ]
            for done, key in enumerate(keys, start=1):
                await page.wait_for_timeout(rng.uniform(*TAP_EVERY_S) * 1000)
                if time.perf_counter() >= end:
                    break
                expected = t("scenarios.rated_this", "fr", done=done, total=len(keys))
                tapped = time.perf_counter()
                await page.locator(f".{prefix}{key} button").nth(2).click()
                try:
                    await page.get_by_text(expected, exact=False).first.wait_for(
                        timeout=TAP_TIMEOUT_MS
                    )
                except Exception as exc:  # noqa: BLE001 - reported as an error of the run
                    on_error(f"browser tablet: rating not acknowledged: {type(exc).__name__}")
                    return
                on_ack(key, time.perf_counter() - tapped, time.perf_counter())
        except Exception as exc:  # noqa: BLE001 - reported as an error of the run
            on_error(f"browser tablet: {type(exc).__name__}: {str(exc)[:200]}")
        finally:
            await browser.close()
