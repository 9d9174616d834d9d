"""The console's room protection: hide all of a participant's proposals at once, and remove
a participant with their contributions after a confirmation."""

from __future__ import annotations

from selfdata.app import services
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room


def test_the_facilitator_hides_in_bulk_then_removes_a_participant(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
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
