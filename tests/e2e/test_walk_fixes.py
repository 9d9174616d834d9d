"""Defects found by the newcomer walk of 2026-12-07 (docs/walk-2026-12-07.md), in a browser."""

from __future__ import annotations

from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url
from tests.e2e.conftest import DESKTOP, TABLET, Server, wait_until_still

pytestmark = pytest.mark.e2e
LOAD_MS = 60_000


def _open(browser: Any, url: str, options: dict[str, Any]) -> Any:
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(LOAD_MS)
    page.goto(url)
    _idle(page)
    return page


def _idle(page: Any) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"] h1')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=LOAD_MS,
    )
    wait_until_still(page)  # the last frame drawn (was a fixed 0.3 s)


def _put_two_cards(page: Any) -> None:
    """Open the deck's tab, put a card on the table, then (still on the deck's tab, as a
    facilitator going down the deck expects) a second one."""
    from playwright.sync_api import expect

    deck = page.get_by_role("tab", name=t("inventory.deck", "fr"))
    deck.click()
    expect(deck).to_have_attribute("aria-selected", "true")
    for _ in range(2):
        page.get_by_role("button", name=t("inventory.add", "fr")).first.click()
        _idle(page)
        page.wait_for_timeout(1000)  # a late redraw would switch the tab back
        expect(deck).to_have_attribute("aria-selected", "true")


@pytest.mark.parametrize("who", ["facilitator", "participant"])
def test_putting_a_card_on_the_table_keeps_the_deck_tab_open(
    server: Server, browser: Any, who: str
) -> None:
    """Walk 2026-12-07: each "Mettre sur la table" sent the page back to "Sur la table (n)",
    its label having changed with n; the next card meant clicking the deck's tab again."""
    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, title="Tabs", territory="Rochefort", theme="energy")
    params = {"code": created.code, "secret": created.secret}
    options = DESKTOP
    if who == "participant":
        params = {"code": created.code, "token": services.join(store, created.code, "Ana").token}
        options = TABLET
    store.dispose()
    page = _open(browser, links.page_url(server.base_url, "inventory", params), options)
    _put_two_cards(page)
    store = Store(sqlite_url(server.db))
    assert len(services.inventory(store, created.code).sources) == 2
    store.dispose()
    page.context.close()


def test_the_use_case_sources_list_offers_no_english_select_all(
    server: Server, browser: Any
) -> None:
    """Walk 2026-12-07: Streamlit's multiselect put "Select all" (in English, on a French
    page) first in the sources list: the first tap gave a use case every source on the table
    (the civil register and the police log for a water-bill need, in the dossier)."""
    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    store.dispose()
    url = links.page_url(
        server.base_url, "use_cases", {"code": created.code, "secret": created.secret}
    )
    page = _open(browser, url, DESKTOP)
    page.locator('[data-testid="stMultiSelect"]').first.click()
    options = page.get_by_role("option")
    options.first.wait_for()
    shown = options.all_inner_texts()
    assert shown and not [o for o in shown if "select all" in o.casefold()], shown
    page.context.close()


def test_the_model_drop_down_follows_the_answers_before_anything_is_chosen(
    server: Server, browser: Any
) -> None:
    """Walk 2026-12-07, G1: all models tie before any answer and the drop-down showed the
    first; after the answers were saved it still showed it, not the new best fit, and
    "Confirmer le choix" saved it."""
    from playwright.sync_api import expect

    from selfdata.app import outcomes
    from selfdata.files.loading import default_decks

    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    case = next(u for u in services.use_cases(store, created.code).use_cases)
    services.choose_governance(store, created.code, created.secret, case.id, None)
    services.set_governance_answers(
        store, created.code, created.secret, case.id, dict.fromkeys(case.governance_answers)
    )
    store.dispose()
    url = links.page_url(
        server.base_url, "governance", {"code": created.code, "secret": created.secret}
    )
    page = _open(browser, url, DESKTOP)
    model = (
        page.locator('[data-testid="stSelectbox"]')
        .filter(has_text=t("governance.pick_model", "fr"))
        .first.locator("input")
    )
    model.wait_for()
    groups = page.locator('[data-testid="stMain"]').get_by_role("radiogroup")
    for i in range(groups.count()):
        groups.nth(i).locator("label").nth(1).click()  # the first option is "no answer"
        _idle(page)
    page.get_by_role("button", name=t("governance.save_answers", "fr")).click()
    _idle(page)
    store = Store(sqlite_url(server.db))
    case = next(u for u in services.use_cases(store, created.code).use_cases if u.id == case.id)
    store.dispose()
    assert case.governance_choice is None and any(case.governance_answers.values())
    decks = default_decks()
    best = outcomes.governance_fits(case, decks)[0].model
    title = next(m.title.get("fr") for m in decks.governance_models if m.id == best)
    expect(model).to_have_value(title, timeout=20_000)
    page.context.close()


MATRIX_MARKS = """() => {
  const chart = document.querySelector('.st-key-use_cases_heatmap .stPlotlyChart')
    || document.querySelector('.stPlotlyChart');
  return [...chart.querySelectorAll('g.trace.scatter g.textpoint text')].map(e => {
    const r = e.getBoundingClientRect();
    return {l: r.left, r: r.right, t: r.top, b: r.bottom, text: e.textContent};
  }).filter(r => r.r > r.l);
}"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_matrix_marks_cells_to_be_qualified_without_running_into_one_another(
    server: Server, browser: Any, lang: str
) -> None:
    """Walk 2026-12-07, U1: a need proposed from a tablet (no theme, no category) has no
    score against any source, and with a dozen sources each of its cells wrote "to be
    qualified" into the next ("to be qualifiedto be qualified…" across the row)."""
    from playwright.sync_api import expect

    from selfdata.app.contributions import NeedDraft
    from tests.e2e.test_wall import _overlap

    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    services.add_need(
        store, created.code, created.secret, draft=NeedDraft(title="Savoir quand passe le bus")
    )
    store.dispose()
    params = {"code": created.code, "secret": created.secret}
    if lang == "en":
        params["lang"] = "en"
    page = _open(browser, links.page_url(server.base_url, "use_cases", params), DESKTOP)
    expect(page.locator(".stPlotlyChart g.textpoint text").first).to_be_visible()
    marks = page.evaluate(MATRIX_MARKS)
    assert len(marks) >= 10, marks
    for i, a in enumerate(marks):
        for b in marks[i + 1 :]:
            assert _overlap(a, b) < 1, f"{a} runs into {b}"
    expect(page.get_by_text(t("use_cases.matrix_unknown", lang))).to_be_visible()
    page.context.close()


AXIS_LABELS = """() => [...document.querySelectorAll(
    '.stPlotlyChart g.xtick text, .stPlotlyChart g.ytick text, .stPlotlyChart text.xtitle')]
  .map(e => ({text: e.textContent, px: parseFloat(getComputedStyle(e).fontSize),
              fill: getComputedStyle(e).fill}))"""


def test_the_tablet_s_revealed_needs_chart_is_labelled_in_the_room_s_size(
    server: Server, browser: Any
) -> None:
    """Walk 2026-12-07, N1: after the reveal, the tablet's needs chart named the needs and
    its axis at ~10 px in grey (the bars' own numbers were at 16 px)."""
    from playwright.sync_api import expect

    store = Store(sqlite_url(server.db))
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "needs")
    services.set_revealed(store, created.code, created.secret, "needs", True)
    token = services.join(store, created.code, "Ana").token
    store.dispose()
    url = links.page_url(server.base_url, "needs", {"code": created.code, "token": token})
    page = _open(browser, url, TABLET)
    expect(page.locator(".stPlotlyChart g.ytick text").first).to_be_visible()
    labels = page.evaluate(AXIS_LABELS)
    assert len(labels) >= 4, labels
    small = [x for x in labels if x["px"] < 16]
    assert small == [], small
    page.context.close()
