"""The named queries the screens read (the room's pulse, who is in it, dots, proposals,
one's ratings, the audit log) on both backends, against what the services wrote."""

from __future__ import annotations

from selfdata.app import access, services
from selfdata.store import Store, Tx
from selfdata.store.queries import cards, screens
from tests.service_helpers import open_room
from tests.unit.test_services import _scenario_room


def test_pulse_counts_and_dots_read_back_what_the_room_did(store: Store):
    room = open_room(store)
    alice, bob = room.join("Alice"), room.join("Bob")
    need = room.need(token=alice)
    room.need("Un autre besoin")
    room.source(token=bob)
    room.at("needs")  # dots are placed at the needs step
    services.vote(store, room.code, alice, need, 2)
    services.set_join_approval(store, room.code, room.secret, True)
    services.join(store, room.code, "Carol")  # waits: not in the room
    w = store.read(lambda tx: access.workshop_row(tx, room.code))

    def ids(tx: Tx) -> tuple[int, int, int]:
        a, b = access.participant_row(tx, w, alice).id, access.participant_row(tx, w, bob).id
        return a, b, cards.id_of(tx, "needs", w.id, need) or 0

    a, b, n = store.read(ids)
    pulse = store.read(lambda tx: screens.pulse(tx, w.code))
    assert pulse is not None and pulse.needs == 2 and pulse.version == w.version
    assert store.read(lambda tx: screens.pulse(tx, "NOPE-0000")) is None
    assert store.read(lambda tx: screens.in_room(tx, w.id)) == 2
    names = store.read(lambda tx: screens.pseudonyms(tx, w.id))
    assert sorted(name for _, _, name in names) == ["Alice", "Bob", "Carol"]
    assert store.read(lambda tx: screens.dots(tx, w.id)) == [(a, n, 2)]
    assert store.read(lambda tx: screens.seats(tx, w.id)) == {}
    assert store.read(lambda tx: screens.proposal_counts(tx, w.id)) == {a: 1, b: 1}
    rows = store.read(lambda tx: screens.participants_with_tables(tx, w.id))
    assert [r.pseudonym for r in rows] == ["Alice", "Bob", "Carol"]
    assert [bool(r.waiting) for r in rows] == [False, False, True]
    assert {r.table_slug for r in rows} == {None}
    assert [r.slug for r in store.read(lambda tx: cards.in_order(tx, "needs", w.id))][0] == need
    entries = store.read(lambda tx: screens.audit_entries(tx, w.id, 2))
    assert [e.action for e in entries] == ["join", "set_join_approval"]


def test_a_seat_and_its_table_are_read(store: Store):
    room = open_room(store)
    services.create_table(store, room.code, room.secret, "Table bleue")
    alice = room.join("Alice")
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    p = store.read(lambda tx: access.participant_row(tx, w, alice))
    assert p.table_id is not None
    assert store.read(lambda tx: screens.seats(tx, w.id)) == {p.id: p.table_id}
    info = store.read(lambda tx: screens.table_info(tx, p.table_id or 0))
    assert info is not None and info.name == "Table bleue"
    assert store.read(lambda tx: screens.table_info(tx, -1)) is None
    row = store.read(lambda tx: screens.participants_with_tables(tx, w.id))[0]
    assert (row.table_name, row.table_slug) == ("Table bleue", info.slug)


def test_my_ratings_and_the_raters(store: Store):
    room, _, scenario = _scenario_room(store)
    alice, bob = room.join("Alice"), room.join("Bob")
    services.rate(store, room.code, alice, scenario, "cost", 4)
    services.rate(store, room.code, alice, scenario, "feasibility", 2)
    w = store.read(lambda tx: access.workshop_row(tx, room.code))
    a = store.read(lambda tx: access.participant_row(tx, w, alice).id)
    b = store.read(lambda tx: access.participant_row(tx, w, bob).id)
    mine = store.read(lambda tx: screens.my_ratings(tx, w.id, a))
    assert mine == {(scenario, "cost"): 4, (scenario, "feasibility"): 2}
    assert store.read(lambda tx: screens.my_ratings(tx, w.id, b)) == {}
    assert store.read(lambda tx: screens.raters(tx, w.id)) == 1
    services.rate(store, room.code, bob, scenario, "cost", 1)
    assert store.read(lambda tx: screens.raters(tx, w.id)) == 2
