"""The wall in a real browser (issue 18): the facilitator steers the projector from the
laptop, the console's projection link opens the projection (no "Page not found", fr and
en, new window and same tab), the projector has no controls of its own.

The workshop is made from the La Rochelle example straight in the server's database (the
same write path the pages use), so each test starts where it needs to be."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui.figures.wall import WALL_CHART_PX
from tests.e2e.conftest import ConsoleLog, Server, settle, wait_until_still

pytestmark = pytest.mark.e2e

LOAD_MS = 60_000  # waits on conditions: generous for a loaded machine
FOLLOW_SECONDS = 3.0
"""The projector follows a choice made on the laptop within this long (it polls every 1 s;
generous for a shared two-CPU machine)."""
PROJECTOR_1080 = {"viewport": {"width": 1920, "height": 1080}}
PROJECTOR_720 = {"viewport": {"width": 1280, "height": 720}}
LAPTOP = {"viewport": {"width": 1440, "height": 900}}


@pytest.fixture(scope="module")
def room(server: Server) -> Iterator[services.Created]:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "scenarios")
    yield created
    store.dispose()


def _page(browser: Any, log: ConsoleLog, name: str, options: dict[str, Any]) -> Any:
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(LOAD_MS)
    log.watch(page, name)
    return page


def _no_page_not_found(page: Any) -> None:
    """The projection is drawn and Streamlit's "Page not found" dialog never shows (it came
    up within a second or two when it did; give it three)."""
    from playwright.sync_api import expect

    expect(page.locator(".st-key-sd-wall-head")).to_be_visible()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        assert page.get_by_text("Page not found").count() == 0, "Streamlit: Page not found"
        assert page.locator('[role="dialog"]').count() == 0, page.locator('[role="dialog"]')
        time.sleep(0.25)
    assert "secret" not in page.url


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_console_projection_button_opens_the_projection_in_a_new_window_and_the_same_tab(
    server: Server, browser: Any, room: services.Created, console_log: ConsoleLog, lang: str
) -> None:
    laptop = _page(browser, console_log, f"console-{lang}", LAPTOP)
    laptop.goto(links.facilitator_url(server.base_url, room.code, room.secret, lang))
    button = laptop.get_by_role("link", name=t("console.open_projection", lang))
    with laptop.context.expect_page() as opened:
        button.click()
    window = opened.value
    window.set_default_timeout(LOAD_MS)
    console_log.watch(window, f"projection-window-{lang}")
    _no_page_not_found(window)
    assert window.get_by_text(t("projection.step", lang, step=t("step.scenarios", lang))).count()
    href = button.get_attribute("href")
    assert href and "view=projection" in href and room.secret not in href
    laptop.goto(href)  # the same tab
    _no_page_not_found(laptop)
    laptop.context.close()


@pytest.mark.timing  # FOLLOW_SECONDS: alone, after the others
def test_the_projector_has_no_controls_and_follows_the_method_and_chart_chosen_on_the_laptop(
    server: Server, browser: Any, room: services.Created, console_log: ConsoleLog
) -> None:
    from playwright.sync_api import expect

    wall = _page(browser, console_log, "projector", PROJECTOR_1080)
    wall.goto(links.projection_url(server.base_url, room.code))
    expect(wall.get_by_text(t("wall.shown_method", "fr", method="Somme pondérée"))).to_be_visible()
    settle(wall, still=False)
    controls = wall.locator(
        "[data-testid='stMain'] button, [data-testid='stMain'] input,"
        " [data-testid='stMain'] [role='radiogroup'], [data-testid='stMain'] select"
    )
    assert controls.count() == 0, controls.all_inner_texts()
    assert wall.locator(".modebar").count() == 0  # no chart toolbar

    laptop = _page(browser, console_log, "laptop", LAPTOP)
    laptop.goto(
        links.page_url(server.base_url, "scenarios", {"code": room.code, "secret": room.secret})
    )
    laptop.get_by_role("button", name="TOPSIS").click()
    started = time.monotonic()
    expect(wall.get_by_text(t("wall.shown_method", "fr", method="TOPSIS"))).to_be_visible(
        timeout=FOLLOW_SECONDS * 1000
    )
    assert time.monotonic() - started < FOLLOW_SECONDS
    laptop.get_by_role("button", name=t("wall.chart.heatmap", "fr"), exact=True).click()
    expect(wall.locator(".st-key-sd-wall-result .stPlotlyChart")).to_have_count(1)
    expect(wall.locator("[class*='st-key-scenarios_wall_heatmap']")).to_have_count(
        1, timeout=FOLLOW_SECONDS * 1000
    )
    laptop.get_by_role("button", name=t("wall.chart.bars", "fr"), exact=True).click()
    expect(wall.locator("[class*='st-key-scenarios_wall_bars']")).to_have_count(
        1, timeout=FOLLOW_SECONDS * 1000
    )
    wall.context.close()
    laptop.context.close()


@pytest.mark.timing  # FOLLOW_SECONDS: alone, after the others
def test_the_projector_follows_the_network_scenario_chosen_on_the_laptop(
    server: Server, browser: Any, room: services.Created, console_log: ConsoleLog
) -> None:
    from playwright.sync_api import expect

    store = Store(f"sqlite:///{server.db}")
    scenarios = services.scenarios(store, room.code).scenarios
    services.set_step(store, room.code, room.secret, "network")
    store.dispose()
    assert len(scenarios) >= 2
    wall = _page(browser, console_log, "projector", PROJECTOR_1080)
    wall.goto(links.projection_url(server.base_url, room.code))
    what = wall.locator(".st-key-sd-wall-what h3")
    expect(what).to_contain_text(scenarios[0].title)
    laptop = _page(browser, console_log, "laptop", LAPTOP)
    laptop.goto(
        links.page_url(server.base_url, "network", {"code": room.code, "secret": room.secret})
    )
    laptop.locator(".st-key-wall_network_scenario").get_by_role(
        "button", name=scenarios[1].title
    ).click()
    expect(what).to_contain_text(scenarios[1].title, timeout=FOLLOW_SECONDS * 1000)
    wall.context.close()
    laptop.context.close()


WALL_TEXT_PX = 24
WALL_SHOTS = {
    (step, size) for step in ("needs", "network", "scenarios") for size in ("1080", "720")
}
"""The projector's screens kept for the README (``SELFDATA_SCREENSHOTS``)."""
SMALLEST_RESULT_TEXT = """() => {
  const root = document.querySelector('.st-key-sd-wall-result');
  if (!root) return null;
  const seen = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && r.top < innerHeight && s.visibility !== 'hidden'
      && s.display !== 'none' && s.opacity !== '0'; };
  let min = 1e9, which = '', charts = 0, bottom = 0;
  for (const e of root.querySelectorAll('*')) {
    if (!seen(e)) continue;
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px < min) { min = px; which = e.tagName + ': ' + e.textContent.trim().slice(0, 40); }
  }
  const first = root.querySelector('.stPlotlyChart');
  if (first) { charts = 1; bottom = first.getBoundingClientRect().bottom; }
  return {min, which, charts, bottom, height: innerHeight};
}"""


@pytest.mark.parametrize("step", ["needs", "use_cases", "governance", "network", "scenarios"])
def test_the_projected_result_is_large_and_above_the_fold_at_1080p_and_720p(
    server: Server,
    browser: Any,
    room: services.Created,
    console_log: ConsoleLog,
    step: str,
    screenshots: Any,
) -> None:
    from playwright.sync_api import expect

    store = Store(f"sqlite:///{server.db}")
    services.set_step(store, room.code, room.secret, step)
    services.set_projection(store, room.code, room.secret, scenario=None, compare=None)
    store.dispose()
    for size, options in (("1080", PROJECTOR_1080), ("720", PROJECTOR_720)):
        wall = _page(browser, console_log, f"projector-{size}", options)
        wall.goto(links.projection_url(server.base_url, room.code))
        expect(wall.locator(".st-key-sd-wall-result")).to_be_visible(timeout=LOAD_MS)
        if step in ("needs", "network", "scenarios"):
            expect(
                wall.locator(".st-key-sd-wall-result .stPlotlyChart svg text").first
            ).to_be_visible(timeout=LOAD_MS)
        settle(wall, still=False)
        wait_until_still(wall)
        found = wall.evaluate(SMALLEST_RESULT_TEXT)
        if screenshots is not None and (step, size) in WALL_SHOTS:
            wall.screenshot(path=str(screenshots / f"wall_{step}_{size}.png"))
        assert found is not None
        if size == "1080":
            assert found["min"] >= WALL_TEXT_PX, found
        if found["charts"]:
            assert found["bottom"] <= found["height"], f"the chart ends below the fold: {found}"
        wall.context.close()


NETWORK_LABELS = """() => {
  const chart = document.querySelector('.st-key-sd-wall-result .stPlotlyChart');
  if (!chart) return null;
  const box = e => { const r = e.getBoundingClientRect();
    return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width, h: r.height,
            text: (e.textContent || '').trim()}; };
  const labels = [], marks = [];
  for (const trace of chart.querySelectorAll('g.trace.scatter')) {
    const texts = [...trace.querySelectorAll('g.textpoint text')].map(box).filter(r => r.w > 0);
    if (!texts.length) continue;
    labels.push(...texts);
    marks.push(...[...trace.querySelectorAll('path.point')].map(box).filter(r => r.w > 0));
  }
  const plot = chart.querySelector('.nsewdrag');
  return {labels, marks, plot: plot ? box(plot) : null};
}"""


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    width = min(a["r"], b["r"]) - max(a["l"], b["l"])
    height = min(a["b"], b["b"]) - max(a["t"], b["t"])
    return max(width, 0.0) * max(height, 0.0)


@pytest.fixture(scope="module")
def grand_lyon(server: Server) -> Iterator[services.Created]:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="grand_lyon")
    yield created
    store.dispose()


NETWORKS = [
    ("la_rochelle", "sc_coach_co2", "1080"),
    ("la_rochelle", "sc_coach_co2", "720"),
    ("la_rochelle", "sc_planning_coop", "720"),
    # four actors in a column, a 50-character name: the chart grows rather than overlap
    ("grand_lyon", "sc_metropole_ttp", "1080"),
]


@pytest.mark.parametrize(("example", "scenario", "size"), NETWORKS)
def test_the_projected_network_s_names_run_into_nothing_and_its_plot_keeps_the_chart(
    server: Server,
    browser: Any,
    room: services.Created,
    grand_lyon: services.Created,
    console_log: ConsoleLog,
    example: str,
    scenario: str,
    size: str,
) -> None:
    """Read back at 1280×720: the diagram had a third of the chart (the legend listed every
    actor kind at 24 px) and "Détenteur de données" sat on the operator's marker. Every
    actor's name must clear every other name and every other actor's marker, and the plot
    must keep at least half of the chart's height."""
    from playwright.sync_api import expect

    workshop = grand_lyon if example == "grand_lyon" else room
    store = Store(f"sqlite:///{server.db}")
    services.set_step(store, workshop.code, workshop.secret, "network")
    services.set_projection(store, workshop.code, workshop.secret, scenario=scenario, compare=None)
    store.dispose()
    wall = _page(
        browser,
        console_log,
        f"projector-{size}",
        PROJECTOR_1080 if size == "1080" else PROJECTOR_720,
    )
    wall.goto(links.projection_url(server.base_url, workshop.code))
    expect(
        wall.locator(".st-key-sd-wall-result .stPlotlyChart g.textpoint text").first
    ).to_be_visible(timeout=LOAD_MS)
    settle(wall, still=False)
    wait_until_still(wall)
    found = wall.evaluate(NETWORK_LABELS)
    assert found is not None and len(found["labels"]) >= 4, found
    labels, marks = found["labels"], found["marks"]
    assert len(marks) == len(labels)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert _overlap(a, b) < 4, f"{a['text']!r} runs into {b['text']!r}"
        own = min(
            marks,
            key=lambda m: (
                abs((m["l"] + m["r"]) / 2 - (a["l"] + a["r"]) / 2)
                + min(abs(m["b"] - a["t"]), abs(m["t"] - a["b"]))
            ),
        )
        for m in marks:
            if m is not own:
                assert _overlap(a, m) < 4, f"{a['text']!r} sits on another actor's marker"
    assert found["plot"]["h"] >= WALL_CHART_PX / 2, found["plot"]
    wall.context.close()
