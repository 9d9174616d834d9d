"""A participant's own data through the services: "My data" returns everything about them and
nothing about others; withdrawing a need; leaving erases their contributions and keeps the
aggregates consistent."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from selfdata.app import services
from selfdata.domain.errors import NotFound
from selfdata.domain.my_data import MY_DATA_SCHEMA
from selfdata.store import Store
from selfdata.store import schema as t
from tests.service_helpers import open_room


def test_my_data_holds_my_proposals_and_dots_and_nothing_of_others(store: Store):
    room = open_room(store, budget=5, cap=3)
    alice, bob = room.join("Alice"), room.join("Bob")
    mine = room.need("Connaître ma consommation", token=alice)
    theirs = room.need("Comparer avec mes voisins", token=bob)
    services.vote(store, room.code, alice, theirs, 2)
    services.vote(store, room.code, bob, mine, 1)
    doc = services.my_data(store, room.code, alice)
    assert doc["schema"] == MY_DATA_SCHEMA
    assert doc["participant"]["pseudonym"] == "Alice"
    assert [n["id"] for n in doc["proposed_needs"]] == [mine]
    assert doc["dots"] == [{"need": theirs, "dots": 2, "need_title": doc["dots"][0]["need_title"]}]
    assert "Bob" not in json.dumps(doc, ensure_ascii=False)


@pytest.mark.storage
def test_a_participant_withdraws_their_own_need(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    need = room.need("Connaître ma consommation", token=alice)
    services.withdraw_proposal(store, room.code, alice, "need", need)
    assert services.my_data(store, room.code, alice)["proposed_needs"] == []
    assert need not in {n.id for n in services.workshop_snapshot(store, room.code).needs}


@pytest.mark.storage
def test_leaving_erases_my_contributions_but_keeps_a_need_others_voted_on_without_me(
    store: Store,
):
    room = open_room(store, budget=5, cap=3)
    alice, bob = room.join("Alice"), room.join("Bob")
    mine = room.need("Connaître ma consommation", token=alice)
    source = room.source("Mes relevés", token=alice)
    shared = room.need("Un besoin de l’animateur")
    room.at("needs")
    services.vote(store, room.code, alice, shared, 3)
    services.vote(store, room.code, bob, mine, 2)
    services.vote(store, room.code, bob, shared, 1)
    before = room.version()

    services.leave_workshop(store, room.code, alice)

    snap = services.workshop_snapshot(store, room.code)
    assert [p.pseudonym for p in snap.participants] == ["Bob"]
    # Bob's dots on Alice's need make it the group's (issue 30): kept, with no author
    assert next(n for n in snap.needs if n.id == mine).proposed_by is None
    assert source not in {s.id for s in snap.sources}
    bob_id = services.whoami(store, room.code, bob).id
    assert sorted((v.participant, v.need, v.dots) for v in snap.votes) == sorted(
        [(bob_id, mine, 2), (bob_id, shared, 1)]
    )
    assert room.version() == before + 1
    with pytest.raises(NotFound):
        services.whoami(store, room.code, alice)  # the link stops working
    with pytest.raises(NotFound):
        services.my_data(store, room.code, alice)
    services.vote(store, room.code, bob, shared, 2)  # Bob's budget is as he left it
    # Alice's pseudonym is nowhere in the database any more
    rows = store.read(lambda c: [str(r) for r in c.execute(select(t.audit_log)).all()])
    assert not any("Alice" in row for row in rows)


def test_leaving_keeps_a_proposal_the_group_built_on_without_its_author(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    need = room.need("Connaître ma consommation", token=alice)
    source = room.source("Mes relevés", token=alice)
    services.create_use_case(
        store, room.code, room.secret, title="Suivi", need=need, sources=[source]
    )
    services.leave_workshop(store, room.code, alice)
    snap = services.workshop_snapshot(store, room.code)
    kept = next(n for n in snap.needs if n.id == need)
    assert kept.proposed_by is None
    assert next(s for s in snap.sources if s.id == source).proposed_by is None
    assert snap.participants == []


def test_leaving_is_allowed_while_input_is_locked(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    services.set_locked(store, room.code, room.secret, True)
    services.leave_workshop(store, room.code, alice)
    assert services.participants(store, room.code).count == 0


def test_no_pseudonym_or_typed_title_reaches_the_audit_log(store: Store):
    room = open_room(store)
    alice = room.join("Zéphyrine")
    need = room.need("Quotidien secret de Zéphyrine", token=alice)
    source = room.source("Carnet privé de Zéphyrine", token=alice)
    room.at("needs")
    services.vote(store, room.code, alice, need, 1)
    services.vote(store, room.code, alice, need, -1)
    services.withdraw_proposal(store, room.code, alice, "need", need)
    services.withdraw_proposal(store, room.code, alice, "source", source)
    log = services.audit_log(store, room.code, room.secret)
    assert {e.action for e in log} >= {"join", "propose_need", "vote", "withdraw_proposal"}
    written = json.dumps([(e.actor, e.action, e.detail) for e in log], ensure_ascii=False)
    assert "phyrine" not in written.lower() and "zephyrine" not in written
    assert "quotidien" not in written and "carnet" not in written


def _fill_needs(store: Store, code: str, n: int) -> None:
    """``n`` visible needs written straight into the store (fast), as a flood would leave."""
    from sqlalchemy import insert

    def fn(conn):  # type: ignore[no-untyped-def]
        w = conn.execute(select(t.workshops.c.id).where(t.workshops.c.code == code)).scalar_one()
        conn.execute(
            insert(t.needs),
            [
                {
                    "workshop_id": w,
                    "slug": f"flood-{i}",
                    "card": None,
                    "hidden": False,
                    "position": 1000 + i,
                }
                for i in range(n)
            ],
        )

    store.write(fn)


def test_hidden_items_do_not_count_toward_the_workshop_s_cap(store: Store):
    from selfdata.domain.errors import LimitExceeded
    from selfdata.domain.limits import MAX_ITEMS

    room = open_room(store)
    present = len(services.workshop_snapshot(store, room.code).needs)
    _fill_needs(store, room.code, MAX_ITEMS - present)
    with pytest.raises(LimitExceeded) as full:
        room.need("Un besoin de trop")
    assert full.value.key == "items.too_many"
    services.hide_contribution(store, room.code, room.secret, "need", "flood-0", True)
    assert room.need("Un vrai besoin")  # the hidden one left room for it


@pytest.mark.storage
def test_the_facilitator_removes_a_participant_with_their_contributions(store: Store):
    from selfdata.domain.errors import Forbidden

    room = open_room(store)
    spammer, bob = room.join("Spam"), room.join("Bob")
    spam = [room.need(f"Pub {i}", token=spammer) for i in range(3)]
    services.vote(store, room.code, bob, spam[0], 1)
    spam_id = services.whoami(store, room.code, spammer).id
    with pytest.raises(Forbidden):
        services.remove_participant(store, room.code, "wrong-secret", spam_id)
    services.remove_participant(store, room.code, room.secret, spam_id)
    snap = services.workshop_snapshot(store, room.code)
    assert [p.pseudonym for p in snap.participants] == ["Bob"]
    assert not set(spam) & {n.id for n in snap.needs}
    assert snap.votes == []  # Bob's dot on the spam came back to him
    with pytest.raises(NotFound):
        services.whoami(store, room.code, spammer)
    with pytest.raises(NotFound):
        services.remove_participant(store, room.code, room.secret, spam_id)


def test_the_facilitator_hides_and_shows_a_participant_s_proposals_in_one_action(store: Store):
    room = open_room(store)
    spammer = room.join("Spam")
    spam = {room.need(f"Pub {i}", token=spammer) for i in range(3)}
    spam.add(room.source("Pub source", token=spammer))
    spam_id = services.whoami(store, room.code, spammer).id
    assert services.hide_participant_proposals(store, room.code, room.secret, spam_id) == 4
    snap = services.workshop_snapshot(store, room.code)
    hidden = {n.id for n in snap.needs if n.hidden} | {s.id for s in snap.sources if s.hidden}
    assert hidden == spam
    shown = services.hide_participant_proposals(store, room.code, room.secret, spam_id, False)
    assert shown == 4


def test_the_facilitator_closes_and_reopens_joining(store: Store):
    from selfdata.domain.errors import Forbidden, Locked

    room = open_room(store)
    alice = room.join("Alice")
    with pytest.raises(Forbidden):
        services.set_joining_open(store, room.code, "wrong", False)
    services.set_joining_open(store, room.code, room.secret, False)
    assert not services.joining_open(store, room.code)
    with pytest.raises(Locked) as closed:
        room.join("Bob")
    assert closed.value.key == "joining.closed"
    assert "inscriptions" in closed.value.message("fr")
    room.need("Toujours là", token=alice)  # those in the room carry on
    services.set_joining_open(store, room.code, room.secret, True)
    assert room.join("Bob")


@pytest.mark.storage
def test_a_version_3_database_gains_joining_closed_with_every_workshop_open(db_url: str):
    from sqlalchemy import text, update

    from selfdata.store import SCHEMA_VERSION

    store = Store(db_url)  # SQLite and PostgreSQL
    room = open_room(store)
    room.join("Alice")

    def make_it_version_3(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE workshops DROP COLUMN joining_closed"))
        conn.execute(update(t.schema_version).values(version=3))

    store.write(make_it_version_3)
    store.dispose()
    migrated = Store(db_url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION
    assert services.joining_open(migrated, room.code)
    assert [p.pseudonym for p in services.participants(migrated, room.code).participants] == [
        "Alice"
    ]
    room2 = type(room)(migrated, room.code, room.secret)
    assert room2.join("Bob")
    migrated.dispose()
