"""A participant acts on the room's current step only (issue 30): a tablet's back button, or a
page left open, must not place a dot while the room rates scenarios, nor rate at the needs
step. Refused with a plain message in the page's language; nothing is written."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from selfdata.app import services
from selfdata.domain.cards import STEP_IDS
from selfdata.domain.errors import Conflict
from selfdata.i18n import t
from selfdata.store import Store
from tests.service_helpers import Room


@pytest.fixture
def room(store: Store) -> Room:
    created = services.create_workshop(store, example="la_rochelle")
    return Room(store, created.code, created.secret)


def _scenario(room: Room) -> tuple[str, str]:
    """A scenario to rate and a criterion in use."""
    ratings = services.scenario_ratings(room.store, room.code, None, secret=room.secret)
    return ratings.scenarios[0].id, ratings.criteria[0].criterion


def _weights(room: Room) -> dict[str, int]:
    ratings = services.scenario_ratings(room.store, room.code, None, secret=room.secret)
    return {c.criterion: 50 for c in ratings.criteria}


Action = Callable[[Room, str], object]

ACTIONS: dict[str, tuple[str, Action]] = {
    "vote": ("needs", lambda r, tok: services.vote(r.store, r.code, tok, r.need(), 1)),
    # the services themselves: the room helpers move to a proposal's step first
    "propose_need": (
        "needs",
        lambda r, tok: services.propose_need(
            r.store, r.code, tok, draft=services.NeedDraft(title="Mon besoin")
        ),
    ),
    "propose_source": (
        "inventory",
        lambda r, tok: services.propose_source(
            r.store, r.code, tok, draft=services.SourceDraft(title="Ma source", holder="Régie")
        ),
    ),
    "rate": (
        "scenarios",
        lambda r, tok: services.rate(r.store, r.code, tok, *_scenario(r), 4),
    ),
    "set_my_weights": (
        "scenarios",
        lambda r, tok: services.set_my_weights(r.store, r.code, tok, _weights(r)),
    ),
}

CASES = [
    pytest.param(name, step, id=f"{name}-at-{step}")
    for name, (home, _) in ACTIONS.items()
    for step in STEP_IDS
    if step != home
]


@pytest.mark.parametrize(("action", "step"), CASES)
def test_a_participant_action_on_another_step_than_the_room_s_is_refused_and_writes_nothing(
    room: Room, action: str, step: str
) -> None:
    home, act = ACTIONS[action]
    token = room.join("Alice")
    if action == "set_my_weights":
        services.set_participant_weights_on(room.store, room.code, room.secret, True)
    room.at(step)
    before = room.version()
    with pytest.raises(Conflict) as refused:
        act(room, token)
    assert refused.value.key == "step.not_current"
    assert room.version() == before + _setup_writes(action), "nothing written by the refusal"
    fr, en = refused.value.message("fr"), refused.value.message("en")
    assert t(f"step.{home}", "fr") in fr and t(f"step.{step}", "fr") in fr
    assert t(f"step.{home}", "en") in en and t(f"step.{step}", "en") in en


def _setup_writes(action: str) -> int:
    """The facilitator's writes the action's own set-up makes before the refused call."""
    return {"vote": 1}.get(action, 0)


@pytest.mark.parametrize("action", list(ACTIONS))
def test_the_same_action_at_its_own_step_is_accepted(room: Room, action: str) -> None:
    home, act = ACTIONS[action]
    token = room.join("Alice")
    if action == "set_my_weights":
        services.set_participant_weights_on(room.store, room.code, room.secret, True)
    room.at(home)
    act(room, token)


def test_withdrawing_dots_is_refused_too_once_the_room_has_moved_on(room: Room) -> None:
    """The back button after the reveal: taking a dot back would change a revealed vote."""
    token = room.join("Alice")
    need = room.need()
    room.at("needs")
    services.vote(room.store, room.code, token, need, 1)
    room.at("use_cases")
    before = services.needs_board(room.store, room.code, None, secret=room.secret).dots_cast
    with pytest.raises(Conflict):
        services.vote(room.store, room.code, token, need, -1)
    after = services.needs_board(room.store, room.code, None, secret=room.secret).dots_cast
    assert after == before
