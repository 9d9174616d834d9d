"""The console's room protection: hide all of a participant's proposals at once, and remove
a participant with their contributions after a confirmation."""

from __future__ import annotations

import pytest

from selfdata.app import access, services
from selfdata.domain.errors import Forbidden, LimitExceeded
from selfdata.domain.limits import ROOM_JOINS_PER_MINUTE
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import keys, open_room


def test_the_facilitator_hides_in_bulk_then_removes_a_participant(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    room.at("needs")
    spammer = room.join("Spam")
    spam = [
        services.propose_need(
            app_store, room.code, spammer, draft=services.NeedDraft(title=f"Pub {i}")
        )
        for i in range(3)
    ]
    spam_id = services.whoami(app_store, room.code, spammer).id
    console = run_page("console", code=room.code, secret=room.secret)
    assert not console.exception
    console.selectbox(key="protect_who").set_value(spam_id).run()
    console.button(key=f"protect_hide_{spam_id}").click().run()
    assert not console.exception
    board = services.needs_board(app_store, room.code, secret=room.secret).needs
    assert {n.id for n in board if n.hidden} >= set(spam)

    assert console.button(key=f"protect_remove_{spam_id}").disabled
    console.checkbox(key=f"protect_sure_{spam_id}").check().run()
    console.button(key=f"protect_remove_{spam_id}").click().run()
    assert not console.exception
    people = services.participants(app_store, room.code).participants
    assert "Spam" not in {p.pseudonym for p in people}
    board = services.needs_board(app_store, room.code, secret=room.secret).needs
    assert not set(spam) & {n.id for n in board}


def test_the_facilitator_closes_joining_and_a_tablet_is_told(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    console = run_page("console", code=room.code, secret=room.secret)
    console.button(key="protect_joining").click().run()
    assert not console.exception
    assert not services.joining_open(app_store, room.code)
    assert "Rouvrir les inscriptions" in [b.label for b in console.button]
    home = run_page("home", code=room.code)
    home.text_input(key="home_pseudonym").input("Retardataire")
    home.button(key="FormSubmitter:home_join_form-Rejoindre").click().run()
    assert any("fermé les inscriptions" in str(e.value) for e in [*home.error, *home.toast])
    assert home.text_input(key="home_pseudonym").value == "Retardataire"
    console.button(key="protect_joining").click().run()
    assert services.joining_open(app_store, room.code)


BURST_START = 1_800_000_000.0
"""A whole minute (divisible by 60), so that the scripted burst falls in one minute."""


def _flood(store: Store, code: str, now: list[float]) -> tuple[int, int]:
    """300 scripted joins from fresh sessions in 30 s: (admitted, refused as too busy)."""
    admitted = refused = 0
    for i in range(300):
        try:
            services.join(store, code, f"Robot {i}")
            admitted += 1
        except LimitExceeded as err:
            assert err.key == "joining.busy"
            assert "réessayez dans" in err.message("fr")
            refused += 1
        now[0] += 0.1
    return admitted, refused


def test_300_scripted_joins_leave_room_and_the_facilitator_removes_them_in_one_action(
    app_store: Store, run_page: PageRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [BURST_START - 120]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    room = open_room(app_store)
    before = {p.pseudonym for p in services.participants(app_store, room.code).participants}
    now[0] = BURST_START
    assert _flood(app_store, room.code, now) == (ROOM_JOINS_PER_MINUTE, 300 - ROOM_JOINS_PER_MINUTE)

    console = run_page("console", code=room.code, secret=room.secret)
    assert not console.exception
    assert any(f"{ROOM_JOINS_PER_MINUTE}\u00a0arrivées" in w.value for w in console.warning)
    assert console.selectbox(key="protect_since").value == "2027-01-15T08:00"
    assert console.button(key="protect_remove_since").disabled
    console.checkbox(key="protect_since_sure").check().run()
    console.button(key="protect_remove_since").click().run()
    assert not console.exception
    people = {p.pseudonym for p in services.participants(app_store, room.code).participants}
    assert people == before, "every robot is gone, nobody else"
    audit = services.audit_log(app_store, room.code, room.secret)
    assert [e.action for e in audit].count("remove_joined") == 1

    now[0] += 1
    services.join(app_store, room.code, "Camille")  # a real participant, just after
    people = {p.pseudonym for p in services.participants(app_store, room.code).participants}
    assert "Camille" in people


def test_a_real_participant_after_a_scripted_flood_gets_in_without_the_facilitator(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [BURST_START]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    room = open_room(app_store)
    _flood(app_store, room.code, now)
    now[0] = BURST_START + 61
    services.join(app_store, room.code, "Camille")
    listed = services.participants(app_store, room.code).participants
    assert len(listed) < 300 and "Camille" in {p.pseudonym for p in listed}


def test_with_approval_on_new_arrivals_wait_until_the_facilitator_lets_them_in(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    console = run_page("console", code=room.code, secret=room.secret)
    console.button(key="protect_approval").click().run()
    assert not console.exception
    assert services.join_approval(app_store, room.code)

    robots = [services.join(app_store, room.code, f"Robot {i}") for i in range(5)]
    real = services.join(app_store, room.code, "Camille")
    assert real.waiting and all(r.waiting for r in robots)
    tablet = run_page("needs", code=room.code, token=real.token)
    assert not tablet.exception
    assert any("file d’attente" in i.value for i in tablet.info)
    assert not {k for k in keys(tablet) if k.startswith("needs_vote_")}, "no control yet"
    with pytest.raises(Forbidden) as refused:
        services.propose_need(
            app_store, room.code, robots[0].token, draft=services.NeedDraft(title="Pub")
        )
    assert refused.value.key == "joining.waiting"

    console.run()
    assert any("En attente\u00a0: 6" in w.value for w in console.warning)
    console.selectbox(key="protect_who").set_value(real.participant_id).run()
    console.button(key=f"protect_admit_{real.participant_id}").click().run()
    assert not console.exception
    waiting = {
        p.pseudonym for p in services.participants(app_store, room.code).participants if p.waiting
    }
    assert waiting == {f"Robot {i}" for i in range(5)}, "only Camille was let in"
    room.at("needs")
    services.propose_need(app_store, room.code, real.token, draft=services.NeedDraft(title="Bus"))
    tablet = run_page("home", code=room.code, token=real.token)
    assert not any("file d’attente" in i.value for i in tablet.info)


def test_the_waiting_keep_no_place_from_the_room(app_store: Store) -> None:
    room = open_room(app_store)
    services.set_join_approval(app_store, room.code, room.secret, True)
    inside = services.room_state(app_store, room.code).participants
    services.join(app_store, room.code, "Robot")
    assert services.participants(app_store, room.code).participants[-1].waiting
    assert services.room_state(app_store, room.code).participants == inside, "not counted"
    assert services.admit(app_store, room.code, room.secret) == 1
    assert not any(p.waiting for p in services.participants(app_store, room.code).participants)
