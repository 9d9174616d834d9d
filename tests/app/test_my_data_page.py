"""«Mes données» on a participant's home page: everything held about them, the download,
withdrawing a need, and leaving with everything erased."""

from __future__ import annotations

import json

import yaml

from selfdata.app import services
from selfdata.store import Store
from selfdata.ui.privacy_view import my_data_downloads
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room, texts


def test_my_data_shows_my_contributions_and_offers_both_downloads(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    room.at("needs")
    need = services.propose_need(
        app_store, room.code, room.token, draft=services.NeedDraft(title="Connaître ma conso")
    )
    home = run_page("home", code=room.code, token=room.token)
    assert not home.exception
    shown = texts(home)
    assert "Mes données" in shown and "Connaître ma conso" in shown
    assert "Besoins proposés\u00a0: 1" in shown
    document = services.my_data(app_store, room.code, room.token)
    as_json, as_yaml = my_data_downloads(document)
    assert json.loads(as_json) == document == yaml.safe_load(as_yaml)
    assert {b.key for b in home.get("download_button")} >= {"my_data_json", "my_data_yaml"}
    assert f"my_data_withdraw_need_{need}" in {b.key for b in home.button}


def test_withdrawing_a_need_from_my_data(app_store: Store, run_page: PageRunner) -> None:
    room = open_room(app_store)
    room.at("needs")
    need = services.propose_need(
        app_store, room.code, room.token, draft=services.NeedDraft(title="Connaître ma conso")
    )
    home = run_page("home", code=room.code, token=room.token)
    home.button(key=f"my_data_withdraw_need_{need}").click().run()
    assert not home.exception
    assert "Connaître ma conso" not in texts(home)
    assert services.my_data(app_store, room.code, room.token)["proposed_needs"] == []


def test_leave_and_erase_asks_for_confirmation_then_erases(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    before = services.participants(app_store, room.code).count
    home = run_page("home", code=room.code, token=room.token)
    assert home.button(key="my_data_leave").disabled
    home.checkbox(key="my_data_leave_sure").check().run()
    home.button(key="my_data_leave").click().run()
    assert not home.exception
    assert services.participants(app_store, room.code).count == before - 1
    assert "token" not in home.query_params
    assert any("Vous avez quitté l’atelier" in s.value for s in home.success)
    assert home.text_input(key="home_code").value == room.code  # back at the join screen
