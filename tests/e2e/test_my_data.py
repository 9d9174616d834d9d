"""Privacy in a real browser: the notice on the join screen, then «Mes données» on a tablet —
the download is the participant's portable document, a need is withdrawn, and «Quitter et
effacer» erases everything and takes the tablet back to the join screen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selfdata.app import links, services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import TABLET, Server

pytestmark = pytest.mark.e2e


def fr(key: str, **values: object) -> str:
    return t(key, "fr", **values)


def test_privacy_notice_my_data_download_withdraw_and_leave(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    context = browser.new_context(**TABLET, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)

    # the join screen: the short notice and the full one behind its expander
    page.goto(links.join_url(server.base_url, created.code))
    page.get_by_text(fr("privacy.title")).wait_for()
    page.get_by_text(fr("privacy.full")).click()
    page.get_by_text(fr("privacy.heading.rights")).wait_for()
    assert page.get_by_text(fr("privacy.heading.rights")).is_visible()

    # join, then propose a need through the service under the tablet's token
    page.get_by_label(fr("home.pseudonym")).fill("Grèbe huppé")
    page.get_by_role("button", name=fr("home.join")).click()
    page.wait_for_url("**token=*")
    token = page.url.split("token=")[1].split("&")[0]
    services.set_step(store, created.code, created.secret, "needs")  # needs are proposed there
    need = services.propose_need(
        store, created.code, token, draft=services.NeedDraft(title="Savoir ce que je consomme")
    )
    page.get_by_role("link", name=fr("chrome.my_data")).click()  # from the step page's header
    page.get_by_role("heading", name=fr("mydata.title")).wait_for()
    page.get_by_text("Savoir ce que je consomme", exact=True).wait_for()

    # download the portable document
    with page.expect_download() as download:
        page.get_by_role("button", name=fr("mydata.download_json")).click()
    saved = tmp_path / "mes-donnees.json"
    download.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["participant"]["pseudonym"] == "Grèbe huppé"
    assert [n["id"] for n in document["proposed_needs"]] == [need]

    # withdraw the need
    page.get_by_role("button", name=fr("mydata.withdraw")).click()
    page.get_by_text("Savoir ce que je consomme", exact=True).wait_for(state="detached")
    assert services.my_data(store, created.code, token)["proposed_needs"] == []

    # leave and erase
    page.get_by_text(fr("mydata.leave")).first.click()  # the expander
    page.get_by_text(fr("mydata.leave_confirm")).click()
    page.get_by_role("button", name=fr("mydata.leave")).click()
    page.get_by_text(fr("mydata.left")).wait_for()
    assert "token=" not in page.url
    assert "Grèbe huppé" not in {
        p.pseudonym for p in services.participants(store, created.code).participants
    }
    context.close()
    store.dispose()


def test_leave_and_erase_keeps_its_confirmation_tick_on_the_first_tap(
    browser: Any, server: Server
) -> None:
    """Reported in the second newcomer walk: «Quitter et effacer» lost its confirmation tick
    on the first try. A touch tablet taps the tick once, right after opening the expander,
    while the room moves on (a vote elsewhere pushes a redraw): the tick stays and the
    button comes alive."""
    from playwright.sync_api import expect

    store = Store(f"sqlite:///{server.db}")
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "needs")
    joined = services.join(store, created.code, "Martin-pêcheur")
    other = services.join(store, created.code, "Héron").token
    need = services.needs_board(store, created.code, secret=created.secret).needs[0].id
    page = browser.new_context(**TABLET).new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server.base_url}/?code={created.code}&token={joined.token}")
    page.get_by_role("heading", name=fr("mydata.title")).wait_for()
    page.get_by_text(fr("mydata.leave")).first.tap()  # the expander
    tick = page.get_by_role("checkbox", name=fr("mydata.leave_confirm"))
    tick.wait_for()
    page.get_by_text(fr("mydata.leave_confirm")).tap()
    services.vote(store, created.code, other, need, 1)  # the room moves meanwhile
    button = page.get_by_role("button", name=fr("mydata.leave"))
    expect(tick).to_be_checked()
    expect(button).to_be_enabled()
    page.wait_for_timeout(2_500)  # a pushed redraw comes within a second or two
    expect(tick).to_be_checked()
    expect(button).to_be_enabled()
    button.tap()
    page.get_by_text(fr("mydata.left")).wait_for()
    page.context.close()
    store.dispose()
