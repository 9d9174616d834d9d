"""The second newcomer walk (issue 30), in a real browser: what only a browser shows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import links, outcomes, services
from selfdata.files.loading import default_decks
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url
from tests.e2e.conftest import DESKTOP, Server, pick_option, settle

pytestmark = pytest.mark.e2e
LOAD_MS = 60_000  # waits on conditions: generous for a loaded machine


@pytest.fixture(scope="module")
def room(server: Server) -> Iterator[services.Created]:
    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    yield created
    store.dispose()


def _open(browser: Any, url: str, options: dict[str, Any] = DESKTOP) -> Any:
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(LOAD_MS)
    page.goto(url)
    settle(page)
    return page


def _selectbox(page: Any, label: str) -> Any:
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first


def _pick(page: Any, label: str, option: str) -> None:
    pick_option(page, _selectbox(page, label).locator("input"), option)
    settle(page)


def _shown(page: Any, label: str) -> str:
    return str(_selectbox(page, label).locator("input").input_value())


def test_the_model_drop_down_shows_each_use_case_s_choice_or_its_best_fit(
    server: Server, browser: Any, room: services.Created
) -> None:
    """M1: picking another use case never leaves the previous one's model in "Modèle"."""
    store = Store(sqlite_url(server.db))
    cases = services.use_cases(store, room.code).use_cases
    store.dispose()
    decks = default_decks()
    title = {m.id: m.title.get("fr") for m in decks.governance_models}
    from selfdata.ui.governance_view import best_fit

    def shown(u: Any) -> str:  # a tie nobody broke shows "Choisir…" (an empty input)
        model = u.governance_choice or best_fit(outcomes.governance_fits(u, decks))
        return title[model] if model else ""

    expected = {u.title: shown(u) for u in cases}
    unchosen = next(u for u in cases if u.governance_choice is None)
    best = best_fit(outcomes.governance_fits(unchosen, decks))
    assert any(u.governance_choice not in (None, best) for u in cases)
    page = _open(
        browser,
        links.page_url(server.base_url, "governance", {"code": room.code, "secret": room.secret}),
    )
    case_label, model_label = t("governance.pick_use_case", "fr"), t("governance.pick_model", "fr")
    order = [u.title for u in cases if u.governance_choice not in (None, best)]
    order += [unchosen.title] + [u.title for u in cases if u.governance_choice is not None]
    from playwright.sync_api import expect

    for case_title in order:
        _pick(page, case_label, case_title)
        expect(_selectbox(page, case_label).locator("input")).to_have_value(case_title)
        model = _selectbox(page, model_label).locator("input")
        try:  # the page redraws after the pick: wait for it, then read the drop-down
            expect(model).to_have_value(expected[case_title], timeout=30_000)
        except AssertionError:
            raise AssertionError(f"{case_title}: {_shown(page, model_label)!r}") from None
    # confirming saves what is shown (nothing, for a tie nobody broke)
    _pick(page, case_label, unchosen.title)
    page.get_by_role("button", name=t("governance.confirm", "fr")).click()
    settle(page)
    store = Store(sqlite_url(server.db))
    saved = {u.id: u.governance_choice for u in services.use_cases(store, room.code).use_cases}
    store.dispose()
    assert saved[unchosen.id] == best
    placeholders = page.eval_on_selector_all(
        "input[placeholder]", "es => es.map(e => e.getAttribute('placeholder'))"
    )
    assert placeholders and "Choose an option" not in placeholders, placeholders
    page.context.close()


ENGLISH = ("Choose an option", "Drag and drop", "Browse files", "Upload", "per file", "Limit ")


def test_the_french_home_page_s_file_upload_speaks_french_and_states_the_app_s_limit(
    server: Server, browser: Any
) -> None:
    from selfdata.files.documents import MAX_FILE_BYTES

    page = _open(browser, server.base_url + "/")
    page.get_by_text(t("prepare.import_header", "fr")).click()
    zone = page.locator('[data-testid="stFileUploader"]').first
    zone.wait_for()
    shown = zone.evaluate(
        """e => [...e.querySelectorAll('*')].map(n => {
              const after = getComputedStyle(n, '::after').content;
              const own = [...n.childNodes].filter(c => c.nodeType === 3).map(c => c.textContent)
                .join('');
              const style = getComputedStyle(n);
              const hidden = style.display === 'none' || n.offsetParent === null
                || parseFloat(style.fontSize) === 0;
              return (hidden ? '' : own) + (after && after !== 'none' ? after : '');
           }).join(' | ')"""
    )
    assert not [w for w in ENGLISH if w in shown], shown
    assert f"{MAX_FILE_BYTES // (1024 * 1024)}\u00a0Mo" in shown, shown
    page.context.close()


WALL_720 = {"viewport": {"width": 1280, "height": 720}}
WALL_HEAD_AND_INVENTORY = """() => {
  const h2 = document.querySelector('.st-key-sd-wall-head h2');
  const items = [...document.querySelectorAll('.st-key-sd-wall-inventory li')];
  return {
    cut: h2 ? (h2.scrollWidth > h2.clientWidth + 1 || h2.scrollHeight > h2.clientHeight + 1
               || getComputedStyle(h2).textOverflow === 'ellipsis'
                  && getComputedStyle(h2).whiteSpace === 'nowrap') : null,
    n: items.length,
    below: items.filter(li => li.getBoundingClientRect().bottom > innerHeight)
                .map(li => li.textContent.trim()),
    px: items.length ? parseFloat(getComputedStyle(items[0]).fontSize) : 0,
  };
}"""


def test_at_720p_the_wall_s_title_is_whole_and_every_inventory_item_above_the_fold(
    server: Server, browser: Any, screenshots: Any
) -> None:
    """Issue 30: "…à la maison · Éta…" and the 10th inventory item below the fold."""
    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "inventory")
    services.set_revealed(store, created.code, created.secret, "inventory", True)
    selected = sum(1 for s in services.inventory(store, created.code).sources if s.selected)
    store.dispose()
    wall = _open(browser, links.projection_url(server.base_url, created.code), WALL_720)
    wall.locator(".st-key-sd-wall-inventory li").first.wait_for()
    found = wall.evaluate(WALL_HEAD_AND_INVENTORY)
    if screenshots is not None:
        wall.screenshot(path=str(screenshots / "wall_inventory_720.png"))
    assert selected >= 10 and found["n"] == selected, found
    assert found["cut"] is False, found
    assert found["below"] == [], found
    assert found["px"] >= 24, found
    wall.context.close()


WALL_1080 = {"viewport": {"width": 1920, "height": 1080}}
BALANCE_CELLS = """() => {
  const root = '.st-key-sd-wall-balance';
  const cells = [...document.querySelectorAll(`${root} th, ${root} td`)];
  return {
    n: cells.length,
    small: cells.filter(c => parseFloat(getComputedStyle(c).fontSize) < 24)
                .map(c => c.textContent.trim()).slice(0, 5),
    cut: cells.filter(c => c.getBoundingClientRect().right > innerWidth
                          || c.scrollWidth > c.clientWidth + 1)
              .map(c => c.textContent.trim()).slice(0, 5),
    text: cells.map(c => c.textContent.trim()).join(' | '),
  };
}"""


def test_the_wall_s_gives_and_gets_table_is_large_and_whole(
    server: Server, browser: Any, screenshots: Any
) -> None:
    """Issue 30: the network's "gives and gets" table at ~13-14 px, its "Reçoit" column cut."""
    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "network")
    services.set_revealed(store, created.code, created.secret, "network", True)
    store.dispose()
    wall = _open(browser, links.projection_url(server.base_url, created.code), WALL_1080)
    wall.locator(".st-key-sd-wall-balance td").first.wait_for()
    found = wall.evaluate(BALANCE_CELLS)
    assert found["n"] > 5 and t("network.col.gets", "fr") in found["text"], found
    assert found["small"] == [] and found["cut"] == [], found
    wall.context.close()
