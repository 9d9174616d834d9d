"""Ratings tapped in a row on a touch tablet, in a real browser (the newcomer walk's R2: 60
taps during a rating round, none seen chosen, none in the report). A room at the scenarios
step with ten weighted criteria; a tablet taps one rating per criterion, each tap made as
soon as the previous one is acknowledged (its button shown chosen, then the page settled:
what a person waits for, no fixed sleep; or shown chosen only, a quick finger), in round 1,
outside rounds and in round 2; and three tablets tapping in turn during a round. Every
rating must be in the store and shown chosen, and closing the round keeps them. (The walk's
loss came from its round 2 tapping the ratings already chosen: a second tap unselects.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.store import Store
from tests.e2e.conftest import TABLET, ConsoleLog, Server, settle, wait_for
from tests.service_helpers import energy_workshop, import_workshop_data

pytestmark = pytest.mark.e2e

LOAD_MS = 60_000
CRITERIA = (
    "resident_benefit",
    "collective_value",
    "feasibility",
    "cost",
    "legal_risk",
    "data_availability",
    "inclusion",
    "time_to_launch",
    "scalability",
    "privacy_risk",
)


def workshop() -> dict[str, Any]:
    return energy_workshop(
        "Atelier notes en rafale",
        [("coop", "Coopérative de données", "data_cooperative")],
        [{"criterion": c, "weight": 1} for c in CRITERIA],
    )


@pytest.fixture(scope="module")
def room(server: Server, browser: Any) -> Iterator[dict[str, Any]]:
    from playwright.sync_api import expect

    expect.set_options(timeout=LOAD_MS)
    store = Store(f"sqlite:///{server.db}")
    try:
        created = import_workshop_data(store, workshop())
        joined = services.join(store, created.code, "Aline")
    finally:
        store.dispose()
    log = ConsoleLog()
    context = browser.new_context(**TABLET)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(LOAD_MS)
    log.watch(page, "tablet")
    url = links.page_url(
        server.base_url, "scenarios", {"code": created.code, "token": joined.token}
    )
    yield {"server": server, "code": created.code, "secret": created.secret,
           "token": joined.token, "page": page, "url": url}  # fmt: skip
    context.close()
    assert not log.errors, "console errors:\n" + "\n".join(log.errors)


def mine(room: dict[str, Any]) -> dict[str, int]:
    store = Store(f"sqlite:///{room['server'].db}")
    try:
        ratings = services.scenario_ratings(store, room["code"], room["token"])
        return {c: v for (s, c), v in ratings.mine.items() if s == "coop"}
    finally:
        store.dispose()


def radio(page: Any, criterion: str, value: int) -> Any:
    group = page.locator(f".st-key-scenarios_rate_coop_{criterion}")
    return group.get_by_role("radio", name=str(value), exact=True)


def chosen(page: Any, criterion: str, value: int) -> bool:
    return bool(radio(page, criterion, value).get_attribute("aria-checked") == "true")


def tap_in_a_row(page: Any, values: dict[str, int], *, settled: bool = True) -> list[str]:
    """Tap each rating once, the next as soon as this one is acknowledged (shown chosen, and
    the page settled unless ``settled`` is false: a quick finger); returns the criteria not
    shown chosen after their tap (once the page settled, when waited for)."""
    from playwright.sync_api import expect

    lost = []
    for criterion, value in values.items():
        target = radio(page, criterion, value)
        target.tap()
        try:
            expect(target).to_have_attribute("aria-checked", "true", timeout=20_000)
        except AssertionError:
            pass
        if settled:
            settle(page, still=False)
        if not chosen(page, criterion, value):
            lost.append(criterion)
    settle(page, still=False)
    return lost


def open_tablet(room: dict[str, Any]) -> Any:
    from playwright.sync_api import expect

    page = room["page"]
    page.goto(room["url"])
    expect(page.locator(".st-key-scenarios_rate_coop_privacy_risk")).to_be_visible()
    settle(page, still=False)
    return page


def test_ten_ratings_tapped_in_a_row_during_a_round_are_all_kept(room: dict[str, Any]) -> None:
    store = Store(f"sqlite:///{room['server'].db}")
    try:
        assert services.open_rating_round(store, room["code"], room["secret"]) == 1
    finally:
        store.dispose()
    page = open_tablet(room)
    want = {c: 1 + i % 5 for i, c in enumerate(CRITERIA)}
    lost = tap_in_a_row(page, want)
    assert lost == [], f"taps not shown chosen after their redraw: {lost}"
    assert wait_for(lambda: mine(room), want) == want
    page.reload()  # drawn again from the store, not from the browser's memory
    settle(page, still=False)
    assert [c for c, v in want.items() if not chosen(page, c, v)] == []
    store = Store(f"sqlite:///{room['server'].db}")
    try:
        services.close_rating_round(store, room["code"], room["secret"])
    finally:
        store.dispose()
    assert mine(room) == want, "closing the round lost ratings"


def test_ten_ratings_tapped_in_a_row_outside_rounds_are_all_kept(room: dict[str, Any]) -> None:
    page = open_tablet(room)  # the round closed by the test above: outside any open round
    want = {c: 1 + (i + 2) % 5 for i, c in enumerate(CRITERIA)}  # each differs from before
    lost = tap_in_a_row(page, want)
    assert lost == [], f"taps not shown chosen after their redraw: {lost}"
    assert wait_for(lambda: mine(room), want) == want
    page.reload()
    settle(page, still=False)
    assert [c for c, v in want.items() if not chosen(page, c, v)] == []


def test_ten_ratings_tapped_by_a_quick_finger_in_a_second_round_are_all_kept(
    room: dict[str, Any],
) -> None:
    """Round 2, each tap as soon as the previous one shows chosen (its run may still be
    going: the next tap lands during it)."""
    store = Store(f"sqlite:///{room['server'].db}")
    try:
        assert services.open_rating_round(store, room["code"], room["secret"]) == 2
    finally:
        store.dispose()
    page = open_tablet(room)
    want = {c: 1 + (i + 4) % 5 for i, c in enumerate(CRITERIA)}  # each differs from before
    lost = tap_in_a_row(page, want, settled=False)
    assert lost == [], f"taps not shown chosen: {lost}"
    assert wait_for(lambda: mine(room), want) == want
    page.reload()
    settle(page, still=False)
    assert [c for c, v in want.items() if not chosen(page, c, v)] == []
    store = Store(f"sqlite:///{room['server'].db}")
    try:
        services.close_rating_round(store, room["code"], room["secret"])
    finally:
        store.dispose()
    assert mine(room) == want, "closing the round lost ratings"


def test_three_tablets_tapping_in_turn_during_a_round_keep_all_thirty_ratings(
    server: Server, browser: Any
) -> None:
    """Three tablets of a fresh room, round 1 open: each tap on one tablet right after a tap
    on the other (their runs overlap on the server), the next criterion once all three show
    chosen; 30 ratings stored, shown chosen, kept by the close."""
    from playwright.sync_api import expect

    store = Store(f"sqlite:///{server.db}")
    try:
        created = import_workshop_data(store, workshop())
        tokens = [services.join(store, created.code, n).token for n in ("Aline", "Basile", "Léa")]
        assert services.open_rating_round(store, created.code, created.secret) == 1
    finally:
        store.dispose()
    contexts = [browser.new_context(**TABLET) for _ in tokens]  # type: ignore[attr-defined]
    try:
        pages = [c.new_page() for c in contexts]
        for page, token in zip(pages, tokens, strict=True):
            page.set_default_timeout(LOAD_MS)
            page.goto(
                links.page_url(server.base_url, "scenarios", {"code": created.code, "token": token})
            )
            expect(page.locator(".st-key-scenarios_rate_coop_privacy_risk")).to_be_visible()
            settle(page, still=False)
        wants = [{c: 1 + (i + k) % 5 for i, c in enumerate(CRITERIA)} for k in range(3)]
        for criterion in CRITERIA:
            for page, want in zip(pages, wants, strict=True):
                radio(page, criterion, want[criterion]).tap()
            for page, want in zip(pages, wants, strict=True):
                expect(radio(page, criterion, want[criterion])).to_have_attribute(
                    "aria-checked", "true"
                )
        for page, want in zip(pages, wants, strict=True):
            settle(page, still=False)
            assert [c for c, v in want.items() if not chosen(page, c, v)] == []
        room = {"server": server, "code": created.code}
        for token, want in zip(tokens, wants, strict=True):
            assert wait_for(lambda t=token: mine({**room, "token": t}), want) == want
        store = Store(f"sqlite:///{server.db}")
        try:
            services.close_rating_round(store, created.code, created.secret)
        finally:
            store.dispose()
        assert [mine({**room, "token": t}) for t in tokens] == wants
    finally:
        for c in contexts:
            c.close()
