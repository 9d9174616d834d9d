"""The named queries the facilitator's use cases call (selfdata/store/queries: creations,
erasure, workshop_state, board, vote_totals, criteria, use_cases, scenarios, audit,
tables), each run on SQLite and on PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from selfdata.app import services
from selfdata.store import Store, Tx
from selfdata.store.queries import (
    audit,
    cards,
    creations,
    criteria,
    erasure,
    scenarios,
    tables,
    use_cases,
    vote_totals,
    workshop_state,
    workshops,
)
from tests.service_helpers import Room, open_room

T = TypeVar("T")


@pytest.fixture
def room(store: Store) -> Room:
    return open_room(store)


def _id(room: Room) -> int:
    row = room.store.read(lambda tx: workshops.by_code(tx, room.code))
    assert row is not None
    return row.id


def _write(room: Room, fn: Callable[[Tx], T]) -> T:
    result: T = room.store.write(fn)
    return result


def _read(room: Room, fn: Callable[[Tx], T]) -> T:
    result: T = room.store.read(fn)
    return result


def _row_id(room: Room, kind: Any, slug: str) -> int:
    from selfdata.store.queries import items

    found = _read(room, lambda tx: items.by_slug(tx, kind, _id(room), slug))
    assert found is not None
    return int(found.id)


# --- creations ---------------------------------------------------------------------------


def test_creations_are_counted_per_client_and_forgotten(store: Store) -> None:
    def fill(tx: Tx) -> None:
        creations.serialise(tx)
        for at, client in ((10.0, "a"), (20.0, "b"), (30.0, "a")):
            creations.add(tx, at, client)

    store.write(fill)
    assert store.read(lambda tx: creations.count_since(tx, 0.0)) == (3, 10.0)
    assert store.read(lambda tx: creations.count_since(tx, 10.0, "a")) == (1, 30.0)
    assert store.read(lambda tx: creations.count_since(tx, 30.0)) == (0, None)
    store.write(lambda tx: creations.forget_until(tx, 20.0))
    assert store.read(lambda tx: creations.count_since(tx, 0.0)) == (1, 30.0)


# --- erasure and the workshop row ----------------------------------------------------------


def test_an_expired_workshop_is_found_and_erased_with_its_rows(room: Room) -> None:
    wid = _id(room)
    room.source()
    _write(room, lambda tx: workshop_state.update_fields(tx, wid, {"expires_at": 100.0}))
    assert _read(room, lambda tx: erasure.expired(tx, 99.0)) == []
    assert _read(room, lambda tx: erasure.expired(tx, 100.0)) == [wid]
    _write(room, lambda tx: erasure.erase_workshop(tx, wid))
    assert _read(room, lambda tx: workshops.by_code(tx, room.code)) is None
    assert _read(room, lambda tx: cards.stored_cards(tx, "sources", wid)) == []


def test_workshop_fields_store_json_columns_from_data_or_text(room: Room) -> None:
    wid = _id(room)
    values = {
        "revealed": ["needs", "inventory"],
        "step_clock": {"step": "needs"},
        "preparation": '{"agenda":null}',
        "projector": '{"qr":"large"}',
        "locked": True,
    }
    _write(room, lambda tx: workshop_state.update_fields(tx, wid, values))
    row = _read(room, lambda tx: workshops.by_code(tx, room.code))
    assert row is not None
    assert row.revealed == ("needs", "inventory")
    assert json.loads(row.step_clock or "") == {"step": "needs"}
    assert row.preparation == '{"agenda":null}'
    assert row.projector == '{"qr":"large"}'
    assert row.locked is True
    _write(room, lambda tx: workshop_state.update_fields(tx, wid, {"step_clock": None}))
    assert _read(room, lambda tx: workshops.by_code(tx, room.code)).step_clock is None  # type: ignore[union-attr]


# --- board: sources and needs ----------------------------------------------------------------


def test_cards_from_a_file_are_counted_flagged_and_rewritten(room: Room) -> None:
    wid = _id(room)
    card = {"id": "compteur", "title": {"fr": "Compteur"}}
    _write(room, lambda tx: cards.add_from_file(tx, "sources", wid, "compteur", card, 1))
    assert _read(room, lambda tx: cards.shown_count(tx, "sources", wid)) == 1
    assert [
        json.loads(c) for c in _read(room, lambda tx: cards.stored_cards(tx, "sources", wid))
    ] == [card]
    source_id = _row_id(room, "sources", "compteur")
    _write(room, lambda tx: cards.set_flag(tx, "sources", source_id, "hidden", True))
    assert _read(room, lambda tx: cards.shown_count(tx, "sources", wid)) == 0
    edited = {**card, "title": {"fr": "Relevés"}}
    _write(room, lambda tx: cards.set_card(tx, "sources", wid, "compteur", edited))
    assert json.loads(_read(room, lambda tx: cards.stored_cards(tx, "sources", wid))[0]) == edited
    _write(room, lambda tx: cards.remove(tx, "sources", source_id))
    assert _read(room, lambda tx: cards.stored_cards(tx, "sources", wid)) == []


def test_a_deck_rewording_leaves_a_participants_card_alone(room: Room) -> None:
    wid = _id(room)
    token = room.join("Ana")
    slug = room.need(token=token)
    before = _read(room, lambda tx: cards.stored_cards(tx, "needs", wid))
    _write(room, lambda tx: cards.set_card(tx, "needs", wid, slug, {"x": 1}, from_deck_only=True))
    assert _read(room, lambda tx: cards.stored_cards(tx, "needs", wid)) == before
    _write(room, lambda tx: cards.set_card(tx, "needs", wid, slug, {"x": 1}))
    assert _read(room, lambda tx: cards.stored_cards(tx, "needs", wid)) == ['{"x":1}']


# --- use cases, then scenarios and their ratings ---------------------------------------------


def _use_case(room: Room) -> tuple[int, int, int]:
    """A use case ``eau`` on a need and a source: (use case id, need id, source id)."""
    wid = _id(room)
    need_id = _row_id(room, "needs", room.need("Eau chaude"))
    source_id = _row_id(room, "sources", room.source())
    values = {"title": "Eau", "need_id": need_id, "governance_answers": {"q": "o"}}

    def write(tx: Tx) -> int:
        case_id = use_cases.insert_case(tx, wid, "eau", 1, values)
        use_cases.set_sources(tx, case_id, [source_id])
        return case_id

    return _write(room, write), need_id, source_id


def test_a_use_case_links_its_need_and_sources_until_deleted(room: Room) -> None:
    wid = _id(room)
    case_id, need_id, source_id = _use_case(room)
    assert _read(room, lambda tx: use_cases.need_slug(tx, need_id)) == "eau-chaude"
    assert _read(room, lambda tx: use_cases.count(tx, wid)) == 1
    assert len(_read(room, lambda tx: use_cases.source_slugs(tx, case_id))) == 1
    assert _read(room, lambda tx: cards.in_use(tx, "sources", source_id))
    assert _read(room, lambda tx: cards.in_use(tx, "needs", need_id))
    _write(room, lambda tx: use_cases.update_case(tx, case_id, {"governance_answers": {}}))
    stored = _read(room, lambda tx: _case_answers(tx, wid))
    assert stored == "{}"
    _write(room, lambda tx: use_cases.delete_case(tx, case_id))
    assert _read(room, lambda tx: use_cases.count(tx, wid)) == 0
    assert not _read(room, lambda tx: cards.in_use(tx, "sources", source_id))
    assert not _read(room, lambda tx: cards.in_use(tx, "needs", need_id))


def _case_answers(tx: Tx, workshop_id: int) -> str:
    from selfdata.store.queries import items

    found = items.by_slug(tx, "use_cases", workshop_id, "eau")
    assert found is not None
    return str(found.governance_answers)


def test_a_scenario_is_stored_rated_restored_and_deleted(room: Room) -> None:
    wid = _id(room)
    case_id, _, _ = _use_case(room)
    room.join("Ana")
    values = {
        "title": "Compteur",
        "use_case_id": case_id,
        "model": "personal_cloud",
        "residents": 10,
        "duration_months": 6,
        "partners": ("Régie",),
        "network_edits": {},
        "action_plan": None,
    }
    sid = _write(room, lambda tx: scenarios.insert_scenario(tx, wid, "compteur", 1, values))
    assert _read(room, lambda tx: scenarios.titles(tx, wid)) == [("compteur", "Compteur")]
    assert _read(room, lambda tx: scenarios.count(tx, wid)) == 1
    assert _read(room, lambda tx: scenarios.use_case_slug(tx, case_id)) == "eau"
    assert _read(room, lambda tx: use_cases.used_by_scenario(tx, case_id))
    people = _read(room, lambda tx: tables.seating(tx, wid))
    rating = {"participant": people[0].slug, "criterion": "cost", "value": 4, "position": 1}
    gone = {"participant": "nobody", "criterion": "cost", "value": 2, "position": 2}
    _write(room, lambda tx: scenarios.restore_ratings(tx, wid, sid, [rating, gone]))
    assert _read(room, lambda tx: scenarios.ratings_of(tx, sid)) == [rating]
    assert _read(room, lambda tx: tables.ratings_by_participant(tx, wid)) == [(people[0].id, 1)]
    _write(room, lambda tx: scenarios.update_scenario(tx, sid, {"partners": ["A", "B"]}))
    found = _read(room, lambda tx: _scenario_partners(tx, wid))
    assert json.loads(found) == ["A", "B"]
    _write(room, lambda tx: scenarios.delete_scenario(tx, sid))
    assert _read(room, lambda tx: scenarios.count(tx, wid)) == 0
    assert _read(room, lambda tx: scenarios.ratings_of(tx, sid)) == []
    assert not _read(room, lambda tx: use_cases.used_by_scenario(tx, case_id))


def _scenario_partners(tx: Tx, workshop_id: int) -> str:
    from selfdata.store.queries import items

    found = items.by_slug(tx, "scenarios", workshop_id, "compteur")
    assert found is not None
    return str(found.partners)


# --- criteria and dots -------------------------------------------------------------------------


def test_criteria_are_replaced_in_order(room: Room) -> None:
    wid = _id(room)
    _write(room, lambda tx: criteria.replace(tx, wid, [("cost", 2.0), ("trust", 0.5)]))
    assert _read(room, lambda tx: criteria.weighted(tx, wid)) == [("cost", 2.0), ("trust", 0.5)]
    assert _read(room, lambda tx: criteria.rated_outside(tx, wid, ["x"])) is None
    _write(room, lambda tx: criteria.replace(tx, wid, []))
    assert _read(room, lambda tx: criteria.weighted(tx, wid)) == []


def test_dot_totals_per_participant_and_need(store: Store) -> None:
    room = open_room(store, budget=5, cap=3)
    wid = _id(room)
    need = room.need()
    other = room.need("Comprendre ma consommation")
    ana, ben = room.join("Ana"), room.join("Ben")
    room.at("needs")  # dots are placed at the needs step
    for token, slug, dots in ((ana, need, 3), (ana, other, 1), (ben, need, 2)):
        for _ in range(dots):
            services.vote(store, room.code, token, slug)
    assert _read(room, lambda tx: vote_totals.most_spent(tx, wid)) == 4
    assert _read(room, lambda tx: vote_totals.most_on_one(tx, wid)) == 3
    assert _read(room, lambda tx: vote_totals.need_has_dots(tx, _row_id(room, "needs", need)))
    assert sorted(
        n for _, n in _read(room, lambda tx: vote_totals.dots_by_participant(tx, wid))
    ) == [1, 2, 3]
    empty = open_room(store)
    assert _read(empty, lambda tx: vote_totals.most_spent(tx, _id(empty))) == 0
    assert _read(empty, lambda tx: vote_totals.most_on_one(tx, _id(empty))) == 0


# --- audit -------------------------------------------------------------------------------------


def test_the_last_undoable_entry_skips_what_undo_walks_past(room: Room) -> None:
    wid = _id(room)
    services.set_locked(room.store, room.code, room.secret, True)
    services.set_projection(room.store, room.code, room.secret, qr="large")
    found = _read(room, lambda tx: audit.last_undoable(tx, wid, ("set_projection",)))
    assert found is not None and found.action == "set_locked" and found.undo is not None
    _write(room, lambda tx: audit.mark_undone(tx, int(found.id)))
    after = _read(room, lambda tx: audit.last_undoable(tx, wid, ("set_projection",)))
    assert after is not None and after.action == "create_workshop"


# --- tables ------------------------------------------------------------------------------------


def test_tables_seat_count_rename_and_remove(room: Room) -> None:
    wid = _id(room)

    def add(tx: Tx) -> None:
        tables.add(tx, wid, slug="a", name="A", colour=0, position=1)
        tables.add(tx, wid, slug="b", name="B", colour=1, position=2)

    _write(room, add)
    assert [r.slug for r in _read(room, lambda tx: tables.of_workshop(tx, wid))] == ["a", "b"]
    a = _read(room, lambda tx: tables.id_of(tx, wid, "a"))
    assert a is not None and _read(room, lambda tx: tables.id_of(tx, wid, "zz")) is None
    room.join("Ana")
    slug = _read(room, lambda tx: tables.seating(tx, wid))[0].slug
    assert _write(room, lambda tx: tables.seat(tx, wid, slug, a))
    assert not _write(room, lambda tx: tables.seat(tx, wid, "nobody", a))
    assert _read(room, lambda tx: tables.headcounts(tx, wid)) == {a: 1}
    need = room.need()
    _write(room, lambda tx: _give_need(tx, wid, need, a))
    assert _read(room, lambda tx: cards.need_table(tx, wid, need)) == a
    _use_case(room)
    _write(room, lambda tx: use_cases.set_table(tx, wid, "eau", a))
    assert _read(room, lambda tx: _case_table(tx, wid)) == a
    _write(room, lambda tx: tables.rename(tx, a, "Alpha", 3))
    renamed = _read(room, lambda tx: tables.of_workshop(tx, wid))[0]
    assert (renamed.name, renamed.colour) == ("Alpha", 3)
    _write(room, lambda tx: tables.remove(tx, a))
    assert [r.slug for r in _read(room, lambda tx: tables.of_workshop(tx, wid))] == ["b"]
    assert _read(room, lambda tx: tables.headcounts(tx, wid)) == {None: 1}
    assert _read(room, lambda tx: cards.need_table(tx, wid, need)) is None
    assert _read(room, lambda tx: _case_table(tx, wid)) is None


def _case_table(tx: Tx, workshop_id: int) -> int | None:
    from selfdata.store.queries import items

    found = items.by_slug(tx, "use_cases", workshop_id, "eau")
    assert found is not None
    return found.table_id  # type: ignore[no-any-return]


def _give_need(tx: Tx, workshop_id: int, need: str, table_id: int) -> None:
    from sqlalchemy import update

    from selfdata.store import schema as t

    tx.execute(
        update(t.needs)
        .where(t.needs.c.workshop_id == workshop_id, t.needs.c.slug == need)
        .values(table_id=table_id)
    )
