"""The named queries of the contribution path (dots, ratings, sources and needs) on both
backends (the ``store`` fixture): what they store is what they read back."""

from __future__ import annotations

from selfdata.app import access, services
from selfdata.store import Store, Tx
from selfdata.store.queries import cards, items, ratings, votes
from tests.service_helpers import Room, open_room
from tests.unit.test_services import _scenario_room


def _ids(tx: Tx, room: Room, token: str, need: str) -> tuple[int, int, int]:
    w = access.workshop_row(tx, room.code)
    need_row = items.by_slug(tx, "needs", w.id, need)
    assert need_row is not None
    return w.id, access.participant_row(tx, w, token).id, int(need_row.id)


def test_dots_are_set_changed_and_taken_back(store: Store):
    room = open_room(store)
    alice, bob = room.join("Alice"), room.join("Bob")
    need, other = room.need(), room.need("Un autre besoin")
    wid, pid, nid = store.read(lambda tx: _ids(tx, room, alice, need))
    _, _, oid = store.read(lambda tx: _ids(tx, room, alice, other))
    _, bob_id, _ = store.read(lambda tx: _ids(tx, room, bob, need))

    def dots(participant: int = pid, need_id: int = nid) -> int:
        return store.read(lambda tx: votes.dots_on(tx, participant, need_id))

    assert dots() == 0
    store.write(lambda tx: votes.set_dots(tx, wid, pid, nid, before=0, dots=2))
    store.write(lambda tx: votes.set_dots(tx, wid, pid, oid, before=0, dots=1))
    assert (dots(), dots(need_id=oid)) == (2, 1)
    assert store.read(lambda tx: votes.dots_spent(tx, pid)) == 3
    assert store.read(lambda tx: votes.others_on(tx, nid, pid)) is False
    assert store.read(lambda tx: votes.others_on(tx, nid, bob_id)) is True
    store.write(lambda tx: votes.set_dots(tx, wid, pid, nid, before=2, dots=3))
    assert dots() == 3
    store.write(lambda tx: votes.set_dots(tx, wid, pid, nid, before=3, dots=0))
    assert dots() == 0 and store.read(lambda tx: votes.dots_spent(tx, pid)) == 1
    store.write(lambda tx: votes.clear_need(tx, oid))
    assert store.read(lambda tx: votes.dots_spent(tx, pid)) == 0
    store.write(lambda tx: votes.set_dots(tx, wid, pid, nid, before=0, dots=1))
    store.write(lambda tx: votes.clear_participant(tx, pid))
    assert dots() == 0


def test_the_service_vote_reads_back_what_the_queries_stored(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    need = room.need()
    room.at("needs")  # dots are placed at the needs step
    assert services.vote(store, room.code, alice, need, 2) == 2
    _, pid, nid = store.read(lambda tx: _ids(tx, room, alice, need))
    assert store.read(lambda tx: votes.dots_on(tx, pid, nid)) == 2


def test_a_rating_is_added_changed_and_removed(store: Store):
    room, _case, scenario = _scenario_room(store)
    alice = room.join("Alice")

    def ids(tx: Tx) -> tuple[int, int, int, int]:
        w = access.workshop_row(tx, room.code)
        row = items.by_slug(tx, "scenarios", w.id, scenario)
        assert row is not None
        return w.id, access.participant_row(tx, w, alice).id, int(row.id), int(row.use_case_id)

    wid, pid, sid, use_case = store.read(ids)

    def rated() -> bool:
        return store.read(lambda tx: ratings.is_rated(tx, pid, sid, "cost"))

    assert store.read(lambda tx: ratings.scenario_table(tx, use_case)) is None
    assert not rated()
    store.write(lambda tx: ratings.set_rating(tx, wid, pid, sid, "cost", 4, rated=False))
    assert rated()
    store.write(lambda tx: ratings.set_rating(tx, wid, pid, sid, "cost", 2, rated=True))
    assert services.scenario_ratings(store, room.code, alice).mine == {(scenario, "cost"): 2}
    store.write(lambda tx: ratings.set_rating(tx, wid, pid, sid, "cost", None, rated=True))
    assert not rated()
    store.write(lambda tx: ratings.set_rating(tx, wid, pid, sid, "cost", 5, rated=False))
    store.write(lambda tx: ratings.clear_participant(tx, pid))
    assert not rated()


def test_cards_are_added_counted_hidden_disowned_and_removed(store: Store):
    room = open_room(store)
    alice = room.join("Alice")
    wid, pid, _ = store.read(lambda tx: _ids(tx, room, alice, room.need(token=alice)))

    def add(tx: Tx) -> None:
        cards.add(tx, "sources", wid, "compteur", proposed_by=pid, card=None)
        cards.add(tx, "needs", wid, "facture", proposed_by=None, card={"id": "facture"})

    store.write(add)
    source = store.read(lambda tx: cards.id_of(tx, "sources", wid, "compteur"))
    assert source is not None
    assert store.read(lambda tx: cards.id_of(tx, "sources", wid, "absent")) is None
    row = store.read(lambda tx: items.by_slug(tx, "sources", wid, "compteur"))
    assert row is not None and row.selected and row.card is None and row.position == 1
    assert store.read(lambda tx: items.by_slug(tx, "needs", wid, "facture")).position == 2
    assert store.read(lambda tx: cards.proposal_count(tx, wid, pid)) == 2
    assert store.read(lambda tx: cards.shown_and_proposed_by(tx, "needs", wid, pid)) == (2, 1)
    assert store.write(lambda tx: cards.hide_proposed_by(tx, "needs", wid, pid, True)) == 1
    assert store.write(lambda tx: cards.hide_proposed_by(tx, "needs", wid, pid, True)) == 0
    assert store.read(lambda tx: cards.shown_count(tx, "needs", wid)) == 1
    assert store.read(lambda tx: cards.shown_and_proposed_by(tx, "needs", wid, pid)) == (1, 1)
    assert store.read(lambda tx: cards.proposed_by(tx, "sources", wid, pid)) == [source]
    store.write(lambda tx: cards.disown(tx, "sources", source))
    assert store.read(lambda tx: cards.proposed_by(tx, "sources", wid, pid)) == []
    store.write(lambda tx: cards.remove(tx, "sources", source))
    assert store.read(lambda tx: cards.id_of(tx, "sources", wid, "compteur")) is None
