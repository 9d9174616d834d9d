"""The projector's other views, measured in a real browser (issue 30): the comparison of two
governance models, the ratings per criterion, the ranking at 1280×720 with a countdown, the
plenary and a table's screen. Each check reads sizes and positions off the page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import ConsoleLog, Server, settle, wait_until_still
from tests.e2e.test_wall import (
    LOAD_MS,
    PROJECTOR_720,
    PROJECTOR_1080,
    SMALLEST_RESULT_TEXT,
    WALL_TEXT_PX,
    _overlap,
    _page,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def room(server: Server) -> Iterator[services.Created]:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    yield created
    store.dispose()


def _set(server: Server, room: services.Created, step: str, **projection: Any) -> None:
    store = Store(f"sqlite:///{server.db}")
    services.set_step(store, room.code, room.secret, step)
    services.stop_timer(store, room.code, room.secret)
    services.set_projection(store, room.code, room.secret, **projection)
    store.dispose()


def _wall(browser: Any, log: ConsoleLog, url: str, size: str) -> Any:
    from playwright.sync_api import expect

    wall = _page(
        browser, log, f"projector-{size}", PROJECTOR_1080 if size == "1080" else PROJECTOR_720
    )
    wall.goto(url)
    expect(wall.locator(".stPlotlyChart svg text").first).to_be_visible(timeout=LOAD_MS)
    settle(wall, still=False)
    wait_until_still(wall)  # the charts' layout done (was a fixed 0.8 s)
    return wall


NAMES_OF_EVERY_CHART = """() => [...document.querySelectorAll('.stPlotlyChart')].map(chart => {
  const box = e => { const r = e.getBoundingClientRect();
    return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width,
            text: [...e.querySelectorAll('tspan')].map(s => s.textContent).join(' ')
                  || (e.textContent || '').trim()}; };
  const labels = [];
  for (const trace of chart.querySelectorAll('g.trace.scatter'))
    labels.push(...[...trace.querySelectorAll('g.textpoint text')].map(box).filter(r => r.w > 0));
  const plot = chart.querySelector('.nsewdrag');
  return {labels, plot: plot ? box(plot) : null};
})"""


@pytest.mark.parametrize("size", ["720", "1080"])
def test_two_models_side_by_side_name_every_actor_whole_and_apart(
    server: Server,
    browser: Any,
    room: services.Created,
    console_log: ConsoleLog,
    size: str,
    screenshots: Any,
) -> None:
    """Read back at 1280×720: « Fournisseur de serAutorité de contr » — two names ran into
    each other and the outer ones were cut at the chart's edge."""
    _set(server, room, "network", scenario="sc_coach_co2", compare="trusted_third_party")
    wall = _wall(browser, console_log, links.projection_url(server.base_url, room.code), size)
    if screenshots is not None:
        wall.screenshot(path=str(screenshots / f"wall_compare_{size}.png"))
    charts = wall.evaluate(NAMES_OF_EVERY_CHART)
    assert len(charts) == 2, charts
    for chart in charts:
        labels, plot = chart["labels"], chart["plot"]
        assert len(labels) >= 5, chart
        for i, a in enumerate(labels):
            assert "…" not in a["text"], a
            assert a["l"] >= plot["l"] - 1 and a["r"] <= plot["r"] + 1, f"{a['text']!r} is cut"
            for b in labels[i + 1 :]:
                assert _overlap(a, b) < 4, f"{a['text']!r} runs into {b['text']!r}"
    if size == "1080":
        found = wall.evaluate(SMALLEST_RESULT_TEXT)
        assert found["min"] >= WALL_TEXT_PX, found
    wall.context.close()


CHART_TEXTS = """(key) => {
  const chart = document.querySelector(`[class*='${key}'] .stPlotlyChart`);
  if (!chart) return null;
  const ticks = sel => [...chart.querySelectorAll(sel)].map(e =>
    [...e.querySelectorAll('tspan.line')].map(s => s.textContent).join(' ') || e.textContent);
  const r = chart.getBoundingClientRect();
  return {x: ticks('g.xtick text'), y: ticks('g.ytick text'),
          cells: [...chart.querySelectorAll('g.heatmaplayer text, text.heatmaptext')]
                   .map(e => e.textContent), bottom: r.bottom};
}"""


@pytest.mark.parametrize("size", ["720", "1080"])
def test_ratings_by_criterion_shows_ratings_per_criterion_with_whole_names(
    server: Server,
    browser: Any,
    room: services.Created,
    console_log: ConsoleLog,
    size: str,
    screenshots: Any,
) -> None:
    """« Notes par critère » showed the probability of each rank, names cut at 18 characters."""
    store = Store(f"sqlite:///{server.db}")
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    titles = [s.title for s in services.scenarios(store, room.code).scenarios]
    store.dispose()
    _set(server, room, "scenarios", chart="heatmap", method="weighted-sum")
    wall = _wall(browser, console_log, links.projection_url(server.base_url, room.code), size)
    if screenshots is not None:
        wall.screenshot(path=str(screenshots / f"wall_criteria_{size}.png"))
    found = wall.evaluate(CHART_TEXTS, "scenarios_wall_heatmap")
    assert found is not None
    across = " ".join(found["x"])
    for title in titles:
        assert title in across, f"{title!r} not whole in {found['x']}"
    assert "…" not in across + " ".join(found["y"])
    assert any(y.startswith("Bénéfice pour") for y in found["y"]), found["y"]
    assert "%" not in " ".join(found["cells"]), "ratings, not rank probabilities"
    assert set(found["cells"]) <= {"1", "2", "3", "4", "5", "—"} | {
        f"{a},5" for a in range(1, 5)
    }, found["cells"]
    if size == "1080":
        smallest = wall.evaluate(SMALLEST_RESULT_TEXT)
        assert smallest["min"] >= WALL_TEXT_PX, smallest
    wall.context.close()


SENTENCE_BOTTOM = """() => {
  const root = document.querySelector('.st-key-sd-wall-result');
  const chart = root.querySelector('.stPlotlyChart');
  const strong = [...root.querySelectorAll('strong')].pop();
  return {chart: chart.getBoundingClientRect().bottom,
          sentence: strong ? strong.getBoundingClientRect().bottom : null,
          text: strong ? strong.textContent : null, height: innerHeight};
}"""


def test_at_720p_with_a_countdown_the_ranking_and_its_stability_sentence_are_above_the_fold(
    server: Server, browser: Any, room: services.Created, console_log: ConsoleLog, screenshots: Any
) -> None:
    """docs/screenshots/wall_scenarios_720.png: the countdown pushed the axis and the
    stability sentence off the screen."""
    store = Store(f"sqlite:///{server.db}")
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    store.dispose()
    _set(server, room, "scenarios", chart="bars", method="weighted-sum")
    store = Store(f"sqlite:///{server.db}")
    services.start_timer(store, room.code, room.secret, 900)
    store.dispose()
    try:
        wall = _wall(browser, console_log, links.projection_url(server.base_url, room.code), "720")
        wall.locator(".st-key-sd-countdown").wait_for()
        if screenshots is not None:
            wall.screenshot(path=str(screenshots / "wall_scenarios_countdown_720.png"))
        found = wall.evaluate(SENTENCE_BOTTOM)
        assert found["sentence"] is not None, found
        assert found["chart"] <= found["height"], found
        assert found["sentence"] <= found["height"], found
        if wall.context.pages:
            wall.context.close()
    finally:
        store = Store(f"sqlite:///{server.db}")
        services.stop_timer(store, room.code, room.secret)
        store.dispose()


@pytest.fixture(scope="module")
def tables_room(server: Server) -> Iterator[tuple[services.Created, list[str]]]:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    code, secret = created.code, created.secret
    tables = [services.create_table(store, code, secret, n) for n in ("Lilas", "Tilleuls", "Port")]
    services.set_step(store, code, secret, "needs")
    services.set_vote_settings(store, code, secret, budget=10, cap=3)
    needs = [n.id for n in services.needs_board(store, code, secret=secret).needs][:5]
    for k, table in enumerate(tables):
        token = services.join(store, code, f"Personne {k}", table=table).token
        for j, need in enumerate(needs):
            if (k + j) % 4:
                services.vote(store, code, token, need, (k + j) % 4)
    services.set_revealed(store, code, secret, "needs", True)
    services.set_projection(store, code, secret, plenary="needs")
    store.dispose()
    yield created, tables


PLENARY_BARS = """() => {
  const chart = document.querySelector("[class*='plenary_votes'] .stPlotlyChart");
  const values = [...chart.querySelectorAll('g.trace.bars text')].map(e => {
    const r = e.getBoundingClientRect(); return {h: r.height, text: e.textContent}; });
  const ticks = [...chart.querySelectorAll('g.xtick text')].map(e => e.textContent);
  const bars = [...chart.querySelectorAll('g.trace.bars')].map(g => {
    const p = [...g.querySelectorAll("g.point path")]
      .find(p => p.getBoundingClientRect().width > 20);
    if (!p) return null;
    const r = p.getBoundingClientRect();
    return {x: r.left + 4, y: r.top + 2, w: r.width - 8, h: r.height - 4};
  });
  return {values, ticks, bars};
}"""


def _white_share(png: bytes) -> float:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")  # a light bar is white in grey too
    histogram = image.histogram()
    return sum(histogram[236:]) / max(sum(histogram), 1)


def test_the_plenary_s_bars_read_from_the_back_in_their_colour_on_whole_dots(
    server: Server,
    browser: Any,
    tables_room: tuple[services.Created, list[str]],
    console_log: ConsoleLog,
    screenshots: Any,
) -> None:
    """Bar values were 16 px, the second table's orange bars hatched on white, the dots
    axis went 0, 0.5, 1…"""
    room, _ = tables_room
    url = links.page_url(
        server.base_url, "projection", {"code": room.code, "view": "projection", "table": "all"}
    )
    wall = _wall(browser, console_log, url, "1080")
    if screenshots is not None:
        wall.screenshot(path=str(screenshots / "wall_plenary_1080.png"))
    found = wall.evaluate(PLENARY_BARS)
    assert found["values"], found
    small = [v for v in found["values"] if v["h"] < WALL_TEXT_PX]
    assert not small, f"bar values under {WALL_TEXT_PX} px: {small}"
    assert found["ticks"] and all(tick.isdigit() for tick in found["ticks"]), found["ticks"]
    for bar in found["bars"]:
        assert bar is not None
        png = wall.screenshot(
            clip={"x": bar["x"], "y": bar["y"], "width": bar["w"], "height": bar["h"]}
        )
        assert _white_share(png) < 0.5, f"a table's bar is mostly white: {bar}"
    wall.context.close()


def test_a_table_screen_says_which_counts_are_the_whole_room_s(
    server: Server,
    browser: Any,
    tables_room: tuple[services.Created, list[str]],
    console_log: ConsoleLog,
) -> None:
    """« Participants 3 » on a table's screen counted the whole room."""
    room, tables = tables_room
    url = links.page_url(
        server.base_url,
        "projection",
        {"code": room.code, "view": "projection", "table": tables[0]},
    )
    wall = _wall(browser, console_log, url, "1080")
    labels = wall.locator("[data-testid='stMetricLabel']").all_inner_texts()
    assert t("counts.room_participants", "fr") in labels, labels
    assert t("counts.dots_table", "fr") in labels and t("counts.participants", "fr") not in labels
    ticks = wall.locator("[class*='projection_table_votes'] g.xtick text").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert ticks and all(tick.isdigit() for tick in ticks), ticks
    wall.context.close()


DARK_LABELS = """() => [...document.querySelectorAll(
    '.stPlotlyChart g.xtick text, .stPlotlyChart g.ytick text, .stPlotlyChart text.bartext')]
  .map(e => {
  const [r, g, b] = getComputedStyle(e).fill.match(/[0-9.]+/g).map(Number);
  return {text: e.textContent, fill: getComputedStyle(e).fill, dark: r + g + b < 3 * 80};
})"""


@pytest.mark.parametrize("step", ["needs", "scenarios"])
def test_the_wall_s_axis_labels_are_black_not_grey(
    server: Server, browser: Any, room: services.Created, console_log: ConsoleLog, step: str
) -> None:
    """Walk 2026-12-07, W1: the projected needs chart's labels were grey (#7f7f7f-ish, the
    chart theme's), faint from the back of the room; so were the ranking's scores."""
    _set(server, room, step, chart="bars")
    store = Store(f"sqlite:///{server.db}")
    services.set_revealed(store, room.code, room.secret, step, True)
    store.dispose()
    wall = _wall(browser, console_log, links.projection_url(server.base_url, room.code), "1080")
    labels = wall.evaluate(DARK_LABELS)
    assert len(labels) >= 4, labels
    assert [x for x in labels if not x["dark"]] == []
    if step == "scenarios":
        assert wall.locator(".stPlotlyChart text.bartext").count() >= 2
    wall.context.close()
