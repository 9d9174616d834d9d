"""The named queries of joining, erasure and the room's decision (participants, the
workshop's joining settings and audit details, weights and objections) on both backends."""

from __future__ import annotations

import json

from sqlalchemy import select

from selfdata.app import access, services
from selfdata.store import Store, Tx
from selfdata.store import schema as t
from selfdata.store.queries import decisions, items, workshops
from selfdata.store.queries import participants as people
from tests.service_helpers import open_room
from tests.unit.test_services import _scenario_room


def _add(tx: Tx, wid: int, slug: str, joined: str, *, waiting: bool = False) -> None:
    people.add(
        tx,
        wid,
        slug,
        pseudonym=slug.upper(),
        key=slug,
        joined=joined,
        token_hash=f"hash-{slug}",
        table_id=None,
        waiting=waiting,
    )


def test_participants_are_added_counted_admitted_and_removed(store: Store):
    room = open_room(store)
    wid = store.read(lambda tx: access.workshop_row(tx, room.code).id)

    def fill(tx: Tx) -> None:
        _add(tx, wid, "p-a", "2026-01-01T10:00:00")
        _add(tx, wid, "p-b", "2026-01-01T10:00:30", waiting=True)
        _add(tx, wid, "p-c", "2026-01-01T10:00:20", waiting=True)

    store.write(fill)
    assert store.read(lambda tx: people.count(tx, wid, waiting=False)) == 1
    assert store.read(lambda tx: people.count(tx, wid, waiting=True)) == 2
    assert store.read(lambda tx: people.name_taken(tx, wid, "p-b"))
    assert not store.read(lambda tx: people.name_taken(tx, wid, "p-z"))
    since = store.read(lambda tx: people.joined_since(tx, wid, "2026-01-01T10:00:00", 5))
    assert since == ["2026-01-01T10:00:20", "2026-01-01T10:00:30"]
    assert store.read(lambda tx: people.joined_since(tx, wid, "2026-01-01", 1)) == [
        "2026-01-01T10:00:00"
    ]
    between = store.read(
        lambda tx: people.joined_between(tx, wid, "2026-01-01T10:00:00", "2026-01-01T10:00:30")
    )
    assert sorted(slug for _, slug in between) == ["p-a", "p-c"]
    assert len(store.read(lambda tx: people.joined_between(tx, wid, "2026", None))) == 3
    waiting = store.read(lambda tx: people.waiting_ids(tx, wid))
    row_c = store.read(lambda tx: items.by_slug(tx, "participants", wid, "p-c"))
    assert row_c is not None and row_c.position == 3 and waiting[0] == row_c.id
    assert store.read(lambda tx: people.waiting_ids(tx, wid, "p-b")) == waiting[1:]
    store.write(lambda tx: people.admit(tx, waiting[:1]))
    assert store.read(lambda tx: people.waiting_ids(tx, wid)) == waiting[1:]
    found = store.read(lambda tx: people.by_token_hash(tx, wid, "hash-p-c"))
    assert found is not None and not found.waiting
    store.write(lambda tx: people.remove(tx, row_c.id))
    assert store.read(lambda tx: people.by_token_hash(tx, wid, "hash-p-c")) is None


def test_joining_settings_and_forgotten_audit_details(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    store.write(lambda tx: workshops.set_joining(tx, w.id, closed=True))
    store.write(lambda tx: workshops.set_joining(tx, w.id, approval=True))
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    assert w.joining_closed and w.join_approval
    store.write(lambda tx: workshops.set_joining(tx, w.id, closed=False))
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    assert not w.joining_closed and w.join_approval
    room.need(token=alice)
    slug = store.read(lambda tx: access.participant_row(tx, w, alice).slug)

    def details(tx: Tx) -> list[str]:
        log = t.audit_log.c
        return list(tx.execute(select(log.detail).where(log.actor == slug)).scalars())

    assert any(d != "{}" for d in store.read(details))
    store.write(lambda tx: workshops.forget_details_of(tx, w.id, slug))
    assert set(store.read(details)) == {"{}"}


def test_weights_objections_and_round_one_are_stored_and_cleared(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    pid = store.read(lambda tx: access.participant_row(tx, w, alice).id)
    store.write(lambda tx: decisions.set_state(tx, w.id, {"weights_on": True}))
    raw = store.read(lambda tx: access.workshop_row(tx, room.code).decision)
    assert json.loads(raw or "null") == {"weights_on": True}
    store.write(lambda tx: decisions.set_weights(tx, w.id, pid, {"cost": 80, "impact": 20}))
    store.write(lambda tx: decisions.set_weights(tx, w.id, pid, {"impact": 10, "cost": 90}))
    assert list(store.read(lambda tx: decisions.weights_of(tx, pid)).items()) == [
        ("impact", 10),
        ("cost", 90),
    ]
    assert store.read(lambda tx: decisions.objection_of(tx, pid)) is None
    store.write(lambda tx: decisions.keep_round_one(tx, w.id))  # no ratings: nothing kept
    store.write(lambda tx: decisions.clear_participant(tx, pid))
    assert store.read(lambda tx: decisions.weights_of(tx, pid)) == {}


def test_an_objection_is_replaced_dropped_with_its_scenario_and_withdrawn(store: Store):
    room, _, scenario = _scenario_room(store)
    alice = room.join("Alice")
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    pid = store.read(lambda tx: access.participant_row(tx, w, alice).id)
    row = store.read(lambda tx: items.by_slug(tx, "scenarios", w.id, scenario))
    assert row is not None
    services.rate(store, room.code, alice, scenario, "cost", 3)
    store.write(lambda tx: decisions.keep_round_one(tx, w.id))

    def kept(tx: Tx) -> list[tuple[int, str, int]]:
        r = t.round_ratings.c
        return [tuple(x) for x in tx.execute(select(r.round, r.criterion, r.value))]

    assert store.read(kept) == [(1, "cost", 3)]
    store.write(lambda tx: decisions.object_to(tx, w.id, pid, row.id, "Trop cher"))
    store.write(lambda tx: decisions.object_to(tx, w.id, pid, row.id, "Trop lent"))
    assert store.read(lambda tx: decisions.objection_of(tx, pid)) == "Trop lent"
    store.write(lambda tx: decisions.drop_objections_but_to(tx, w.id, row.id))
    assert store.read(lambda tx: decisions.objection_of(tx, pid)) == "Trop lent"
    store.write(lambda tx: decisions.drop_objections_but_to(tx, w.id, row.id + 1))
    assert store.read(lambda tx: decisions.objection_of(tx, pid)) is None
    store.write(lambda tx: decisions.object_to(tx, w.id, pid, row.id, "Trop cher"))
    store.write(lambda tx: decisions.withdraw_objections(tx, pid))
    assert store.read(lambda tx: decisions.objection_of(tx, pid)) is None
    store.write(lambda tx: decisions.keep_round_one(tx, w.id))
    store.write(lambda tx: decisions.clear_participant(tx, pid))
    assert store.read(kept) == []
