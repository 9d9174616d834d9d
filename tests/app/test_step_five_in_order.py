"""Issue 30, M5: run in order, step 5 (value network) draws the governed use cases before
any scenario exists, and the console warns when it would have nothing to draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import Room, actor_ids, figures, open_room, page, texts

from selfdata.app import services
from selfdata.engines.network import scenario_network
from selfdata.files.loading import default_decks
from selfdata.i18n import t


def _without_scenarios(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    for s in services.scenarios(room.store, room.code).scenarios:
        services.delete_scenario(room.store, room.code, room.secret, s.id)
    return room


def test_before_any_scenario_step_five_draws_each_governed_use_case_under_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = _without_scenarios(tmp_path, monkeypatch)
    cases = services.use_cases(room.store, room.code).use_cases
    governed = [u for u in cases if u.governance_choice]
    assert governed and len(governed) < len(cases)
    services.set_step(room.store, room.code, room.secret, "network")
    for name, role in (("network", "facilitator"), ("network", "participant"), ("projection", "")):
        at = page(room, name, role or "projection")
        assert not at.exception, role
        shown = figures(at)
        assert shown, f"{role}: step 5 draws nothing before the scenarios"
    at = page(room, "network", "facilitator")
    assert t("network.drafts", "fr") in texts(at)
    first = governed[0]
    model = default_decks().model(first.governance_choice or "")
    assert model is not None
    from selfdata.app.network_subjects import draft_scenario

    draft = draft_scenario(first)
    assert draft is not None
    assert set(actor_ids(figures(at)[0])) == set(scenario_network(draft, default_decks()).nodes)


def test_the_console_warns_when_step_five_would_be_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = _without_scenarios(tmp_path, monkeypatch)
    services.set_step(room.store, room.code, room.secret, "governance")
    warning = t("console.step_five_empty", "fr")
    assert warning not in texts(page(room, "console", "facilitator"))
    for u in services.use_cases(room.store, room.code).use_cases:
        services.choose_governance(room.store, room.code, room.secret, u.id, None)
    assert warning in texts(page(room, "console", "facilitator"))
    at = page(room, "network", "facilitator")
    assert t("network.nothing_to_draw", "fr") in texts(at)


def test_before_any_scenario_the_choice_of_what_to_project_names_use_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walk 2026-12-07, K1: at step 5 before any scenario, the list of governed use cases was
    headed « Scénario projeté » (and « Scénario » on a tablet)."""
    room = _without_scenarios(tmp_path, monkeypatch)
    services.set_step(room.store, room.code, room.secret, "network")
    shown = texts(page(room, "network", "facilitator"))
    assert t("wall.use_case", "fr") in shown
    assert t("wall.scenario", "fr") not in shown
    tablet = page(room, "network", "participant")
    assert [s.label for s in tablet.selectbox] == [t("network.use_case", "fr")]
