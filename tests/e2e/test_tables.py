"""A large room in a real browser: two tables of three tablets each join by picking their
table, vote on the needs and rate a scenario; each table's screen shows its table's votes
only; the plenary view shows both tables and the whole room's totals; the report and the
dossier the facilitator downloads show the tables."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, TABLET, ConsoleLog, Server, settle

pytestmark = pytest.mark.e2e

LOAD_MS = 60_000  # waits on conditions: generous for a loaded machine
TABLES = ("Les Lilas", "Les Tilleuls")
PEOPLE = {"Les Lilas": ("Aline", "Basile", "Céleste"), "Les Tilleuls": ("Damien", "Elsa", "Fanny")}

FIGURES = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(
  g => (g.data || []).map(tr => ({type: tr.type, name: tr.name || '',
    x: Array.from(tr.x || []), y: Array.from(tr.y || [])})))"""


HEATMAP_DRAWN = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).some(
  g => (g.data || []).length && g.data[0].type === 'heatmap')"""


def fr(key: str, **values: object) -> str:
    return t(key, "fr", **values)


@dataclass
class Room:
    server: Server
    browser: Any
    log: ConsoleLog
    code: str
    secret: str
    tables: dict[str, str]
    """Table name -> id."""
    tablets: dict[str, list[Any]] = field(default_factory=dict)
    pages: list[Any] = field(default_factory=list)

    def page(self, name: str, *, tablet: bool = False) -> Any:
        page = self.browser.new_context(**(TABLET if tablet else DESKTOP)).new_page()
        page.set_default_timeout(LOAD_MS)
        self.log.watch(page, name)
        self.pages.append(page)
        return page

    def wall(self, table: str) -> str:
        return links.page_url(
            self.server.base_url,
            "projection",
            {"code": self.code, "view": "projection", "table": table},
        )


@pytest.fixture(scope="module")
def room(server: Server, browser: Any) -> Iterator[Room]:
    from playwright.sync_api import expect

    expect.set_options(timeout=LOAD_MS)
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    code, secret = created.code, created.secret
    tables = {name: services.create_table(store, code, secret, name) for name in TABLES}
    for step in ("needs", "scenarios"):
        services.set_revealed(store, code, secret, step, False)
    services.set_locked(store, code, secret, False)
    services.set_step(store, code, secret, "needs")
    services.set_vote_settings(store, code, secret, budget=10, cap=3)
    store.dispose()
    r = Room(server, browser, ConsoleLog(), code, secret, tables)
    yield r
    for page in r.pages:
        if not page.is_closed():
            page.context.close()
    assert not r.log.errors, "console errors:\n" + "\n".join(r.log.errors)


def _store(room: Room) -> Store:
    return Store(f"sqlite:///{room.server.db}")


def _eventually(room: Room, read: Any, want: Any, seconds: float = 60) -> Any:
    """The tables' progress read by ``read``, polled until it is ``want`` or time runs out
    (a tap's write may land just after the tablet redrew)."""
    deadline = time.monotonic() + seconds
    while True:
        store = _store(room)
        value = read(services.tables_progress(store, room.code, room.secret))
        store.dispose()
        if value == want or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def no_exception(page: Any) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, "\n".join(boxes.all_inner_texts())


def figures(page: Any) -> list[list[dict[str, Any]]]:
    return list(page.evaluate(FIGURES))


def test_six_tablets_join_picking_their_table(room: Room) -> None:
    from playwright.sync_api import expect

    join = links.join_url(room.server.base_url, room.code)
    for table, names in PEOPLE.items():
        room.tablets[table] = []
        for name in names:
            page = room.page(f"tablet {name}", tablet=True)
            page.goto(join)
            page.get_by_label(fr("home.pseudonym")).fill(name)
            picker = page.get_by_role("radiogroup", name=fr("tables.pick"))
            picker.get_by_text(table, exact=True).click()
            page.get_by_role("button", name=fr("home.join")).click()
            expect(page.get_by_role("heading", name=fr("step.needs"))).to_be_visible()
            # the header carries the table's name on its colour
            expect(page.locator(".sd-table-badge").get_by_text(table)).to_be_visible()
            no_exception(page)
            room.tablets[table].append(page)
    store = _store(room)
    progress = services.tables_progress(store, room.code, room.secret)
    store.dispose()
    assert [(p.table.name if p.table else None, p.participants) for p in progress] == [
        ("Les Lilas", 3),
        ("Les Tilleuls", 3),
        (None, 9),  # the example's own participants sit at no table
    ]


def test_each_table_votes_on_a_different_need(room: Room) -> None:
    from playwright.sync_api import expect

    for n, table in enumerate(TABLES):
        for page in room.tablets[table]:
            left = page.locator('[data-testid="stMetric"]').filter(
                has=page.get_by_text(fr("needs.remaining"), exact=True)
            )
            before = left.inner_text()
            page.get_by_role("button", name=fr("needs.add_dot")).nth(n).click()
            expect(left).not_to_have_text(before)  # stored
            no_exception(page)
    assert _eventually(room, lambda p: [x.dots for x in p[:2]], [3, 3]) == [3, 3]


def test_each_table_screen_shows_its_tables_votes_only(room: Room) -> None:
    from playwright.sync_api import expect

    store = _store(room)
    services.set_revealed(store, room.code, room.secret, "needs", True)
    store.dispose()
    for table in TABLES:
        wall = room.page(f"wall {table}")
        wall.goto(room.wall(room.tables[table]))
        expect(wall.locator(".sd-table-badge").get_by_text(table)).to_be_visible()
        expect(wall.locator(".js-plotly-plot")).to_be_visible()
        (bars,) = figures(wall)
        values = [v for v in bars[0]["x"] if v]
        assert values == [3], (table, bars)  # its three dots, on its own need
        no_exception(wall)


def test_the_plenary_shows_both_tables_and_the_whole_room(room: Room) -> None:
    from playwright.sync_api import expect

    wall = room.page("plenary")
    wall.goto(room.wall("all"))
    expect(wall.get_by_text(fr("tables.plenary_title"))).to_be_visible()
    expect(wall.locator(".js-plotly-plot").first).to_be_visible()
    bars = next(f for f in figures(wall) if f and f[0]["type"] == "bar")
    assert [trace["name"] for trace in bars] == list(TABLES)
    assert [sum(trace["x"]) for trace in bars] == [3, 3]
    labels = bars[0]["y"]
    assert sum(1 for label in labels if label.endswith("(3)")) == 2  # the room's totals
    expect(
        wall.get_by_text(re.compile(r"Les Lilas et Les Tilleuls\u202f: τ de Kendall"))
    ).to_be_visible()
    no_exception(wall)


def test_both_tables_rate_and_the_plenary_compares_their_rankings(room: Room) -> None:
    from playwright.sync_api import expect

    from selfdata.files.loading import default_decks

    store = _store(room)
    services.set_step(store, room.code, room.secret, "scenarios")
    store.dispose()
    label = next(c.title.get("fr") for c in default_decks().criteria if c.id == "resident_benefit")
    for value, table in ((5, TABLES[0]), (1, TABLES[1])):
        for page in room.tablets[table]:
            expect(page.get_by_role("heading", name=fr("scenarios.title"))).to_be_visible()
            group = page.get_by_role("radiogroup", name=label)
            group.get_by_role("radio", name=str(value)).click()
            expect(group.get_by_role("radio", name=str(value))).to_have_attribute(
                "aria-checked", "true"
            )
            no_exception(page)
    assert _eventually(room, lambda p: [x.ratings for x in p[:2]], [3, 3]) == [3, 3]
    store = _store(room)
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    store.dispose()
    wall = room.page("plenary scenarios")
    wall.goto(room.wall("all"))
    expect(wall.get_by_text(fr("tables.ranking_header"))).to_be_visible()
    # plotly draws the grid in its own time: wait for it (three fixed 1 s tries ran out once
    # on a loaded machine)
    wall.wait_for_function(HEATMAP_DRAWN, timeout=LOAD_MS)
    grid = next((f for f in figures(wall) if f and f[0]["type"] == "heatmap"), None)
    assert grid is not None
    assert grid[0]["x"] == [fr("tables.overall"), *TABLES]


def test_the_report_and_the_dossier_show_the_tables(room: Room) -> None:
    from playwright.sync_api import expect
    from pypdf import PdfReader

    page = room.page("facilitator export")
    url = links.page_url(room.server.base_url, "export", {"code": room.code, "secret": room.secret})
    texts = []
    for n in (0, 1):  # the dossier, then the report (each from a freshly drawn page)
        page.goto(url)
        expect(page.get_by_role("heading", name=fr("export.title"))).to_be_visible()
        settle(page, still=False)
        with page.expect_download() as download:
            page.get_by_role("button", name=re.compile(fr("export.download"))).nth(n).click()
        pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
        texts.append(" ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages))
    dossier, report = texts
    assert fr("pdf.tables_scenario") in dossier and "Les Lilas" in dossier
    assert fr("pdf.tables_votes") in report and "Les Tilleuls" in report
