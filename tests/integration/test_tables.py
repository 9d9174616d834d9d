"""Tables of a large room: the facilitator splits the workshop, participants sit at one; a
participant of table A cannot act on table B's items, and every rule holds per table."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

import pytest
from sqlalchemy import text, update

from selfdata.app import services
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.files.loading import default_decks
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from tests.service_helpers import Room, open_room


@dataclass(frozen=True)
class TwoTables:
    room: Room
    a: str
    b: str
    alice: str
    """At table A."""
    bob: str
    """At table B."""
    shared: str
    need_a: str
    need_b: str


@pytest.fixture
def two(store: Store) -> TwoTables:
    room = open_room(store)
    a = services.create_table(store, room.code, room.secret, "Les Lilas")
    b = services.create_table(store, room.code, room.secret, "Les Tilleuls")
    alice = services.join(store, room.code, "Alice", table=a).token
    bob = services.join(store, room.code, "Bob", table=b).token
    shared = room.need("Eau partagée")
    room.at("needs")  # where participants propose needs and place dots
    need_a = room.need("Besoin des Lilas", token=alice)
    need_b = room.need("Besoin des Tilleuls", token=bob)
    return TwoTables(room, a, b, alice, bob, shared, need_a, need_b)


def test_a_workshop_without_tables_has_none_and_nobody_is_seated(store: Store) -> None:
    room = open_room(store)
    token = room.join("Alice")
    assert services.tables(store, room.code) == ()
    assert services.whoami(store, room.code, token).table is None
    assert services.tables_progress(store, room.code, room.secret) == ()
    dumped = services.backup_workshop(store, room.code).dump()
    assert "tables" not in dumped  # the file reads and writes as before tables existed
    assert all("table" not in p for p in dumped["participants"])  # type: ignore[attr-defined]


def test_picking_a_table_in_a_room_without_tables_is_refused(store: Store) -> None:
    room = open_room(store)
    with pytest.raises(services.NotFound) as err:
        services.join(store, room.code, "Alice", table="nowhere")
    assert err.value.key == "table.not_found"


def test_tables_are_created_named_and_coloured_in_order(store: Store) -> None:
    room = open_room(store)
    first = services.create_table(store, room.code, room.secret, "Les Lilas")
    second = services.create_table(store, room.code, room.secret, "Les Tilleuls", colour=4)
    third = services.create_table(store, room.code, room.secret, "Les Chênes")
    got = services.tables(store, room.code)
    assert [x.id for x in got] == [first, second, third]
    assert [x.name for x in got] == ["Les Lilas", "Les Tilleuls", "Les Chênes"]
    assert [x.colour for x in got] == [0, 4, 1]  # the next unused colour by default


@pytest.mark.parametrize(
    ("name", "colour", "key"),
    [
        ("", None, "text.empty"),
        ("x" * 41, None, "text.too_long"),
        ("les lilas", None, "table.name_taken"),
        ("Autre", len(TABLE_COLOURS), "table.colour_invalid"),
        ("Autre", -1, "table.colour_invalid"),
    ],
)
def test_a_bad_table_is_refused_clearly_and_changes_nothing(
    store: Store, name: str, colour: int | None, key: str
) -> None:
    room = open_room(store)
    services.create_table(store, room.code, room.secret, "Les Lilas")
    version = room.version()
    with pytest.raises(services.SelfDataError) as err:
        services.create_table(store, room.code, room.secret, name, colour=colour)
    assert err.value.key == key
    assert err.value.message("fr") and err.value.message("en")
    assert room.version() == version and len(services.tables(store, room.code)) == 1


def test_table_actions_are_the_facilitators_and_audited(store: Store) -> None:
    room = open_room(store)
    token = room.join("Alice")
    for action in (
        lambda s: services.create_table(store, room.code, s, "T"),
        lambda s: services.tables_progress(store, room.code, s),
    ):
        with pytest.raises(services.Forbidden):
            action(token)
    table = services.create_table(store, room.code, room.secret, "T")
    services.rename_table(store, room.code, room.secret, table, "T2", colour=3)
    who = services.whoami(store, room.code, token).id
    services.assign_table(store, room.code, room.secret, who, table)
    with pytest.raises(services.Forbidden):
        services.assign_table(store, room.code, "wrong", who, None)
    actions = [e.action for e in services.audit_log(store, room.code, room.secret)]
    assert {"create_table", "rename_table", "assign_table"} <= set(actions)
    assert services.whoami(store, room.code, token).table == services.TableInfo(table, "T2", 3)


def test_a_participant_without_a_choice_gets_the_least_full_table(store: Store) -> None:
    room = open_room(store)
    a = services.create_table(store, room.code, room.secret, "A")
    b = services.create_table(store, room.code, room.secret, "B")
    seats = [services.whoami(store, room.code, room.join(f"P{i}")).table for i in range(5)]
    assert [s.id for s in seats if s] == [a, b, a, b, a]
    services.join(store, room.code, "Q", table=b)
    services.join(store, room.code, "R", table=b)  # B now has 4, A 3
    assert services.whoami(store, room.code, room.join("S")).table.id == a  # type: ignore[union-attr]


def test_needs_proposed_at_a_table_belong_to_it_and_others_do_not_see_them(
    store: Store, two: TwoTables
) -> None:
    code = two.room.code
    seen_by_alice = {n.id: n.table for n in services.needs_board(store, code, two.alice).needs}
    assert seen_by_alice == {two.shared: None, two.need_a: two.a}
    seen_by_bob = {n.id for n in services.needs_board(store, code, two.bob).needs}
    assert seen_by_bob == {two.shared, two.need_b}
    facilitator = services.needs_board(store, code, secret=two.room.secret)
    assert {n.id for n in facilitator.needs} == {two.shared, two.need_a, two.need_b}
    table_screen = services.needs_board(store, code, table=two.b)
    assert {n.id for n in table_screen.needs} == {two.shared, two.need_b}
    assert table_screen.table == two.b


def test_a_participant_of_table_a_cannot_vote_on_table_bs_need(store: Store, two: TwoTables):
    version = two.room.version()
    with pytest.raises(services.Forbidden) as err:
        services.vote(store, two.room.code, two.alice, two.need_b)
    assert err.value.key == "table.not_yours"
    assert "autre table" in err.value.message("fr") and "another table" in err.value.message("en")
    assert two.room.version() == version
    assert services.vote(store, two.room.code, two.alice, two.need_a) == 1
    assert services.vote(store, two.room.code, two.alice, two.shared) == 1


def test_a_participant_of_table_a_cannot_rate_table_bs_scenario(store: Store, two: TwoTables):
    room = two.room
    source = room.source()
    case_b = services.create_use_case(
        store, room.code, room.secret, title="Cas B", need=two.need_b, sources=[source], table=two.b
    )
    scenario = services.create_scenario(
        store,
        room.code,
        room.secret,
        services.ScenarioDraft(
            residents=100,
            duration_months=6,
            title="Pilote B",
            use_case=case_b,
            model="personal_cloud",
        ),
    )
    room.at("scenarios")
    version = room.version()
    with pytest.raises(services.Forbidden) as err:
        services.rate(store, room.code, two.alice, scenario, "cost", 4)
    assert err.value.key == "table.not_yours"
    assert room.version() == version
    services.rate(store, room.code, two.bob, scenario, "cost", 4)  # B's own: allowed


def test_a_tables_use_case_starts_from_a_need_of_the_room_or_of_that_table(
    store: Store, two: TwoTables
) -> None:
    room = two.room
    source = room.source()
    with pytest.raises(services.InvalidInput) as err:
        services.create_use_case(
            store, room.code, room.secret, title="X", need=two.need_b, sources=[source], table=two.a
        )
    assert err.value.key == "table.need_elsewhere"
    assert services.use_cases(store, room.code).use_cases == ()


def test_the_dot_budget_and_cap_hold_per_participant_at_every_table(store: Store) -> None:
    room = open_room(store, budget=3, cap=2)
    a = services.create_table(store, room.code, room.secret, "A")
    b = services.create_table(store, room.code, room.secret, "B")
    need = room.need()
    room.at("needs")
    for table in (a, b):
        token = services.join(store, room.code, f"Voter {table}", table=table).token
        assert services.vote(store, room.code, token, need, 2) == 2
        with pytest.raises(services.LimitExceeded):
            services.vote(store, room.code, token, need, 1)  # the cap, at this table too
        other = room.need(f"Autre {table}", token=token)
        services.vote(store, room.code, token, other, 1)
        with pytest.raises(services.LimitExceeded):
            services.vote(store, room.code, token, other, 1)  # the budget
    board = services.needs_board(store, room.code, secret=room.secret)
    assert next(n.total for n in board.needs if n.id == need) == 4


def test_the_lock_holds_at_every_table(store: Store, two: TwoTables) -> None:
    services.set_locked(store, two.room.code, two.room.secret, True)
    for token, need in ((two.alice, two.need_a), (two.bob, two.need_b)):
        with pytest.raises(services.Locked):
            services.vote(store, two.room.code, token, need)


def test_a_table_screen_counts_its_own_participants_dots_only(store: Store, two: TwoTables):
    code = two.room.code
    services.set_revealed(store, code, two.room.secret, "needs", True)
    services.vote(store, code, two.alice, two.shared, 2)
    services.vote(store, code, two.bob, two.shared, 1)

    def total(board: services.NeedsBoard) -> int | None:
        return next(n.total for n in board.needs if n.id == two.shared)

    assert total(services.needs_board(store, code, table=two.a)) == 2
    assert total(services.needs_board(store, code, table=two.b)) == 1
    assert total(services.needs_board(store, code)) == 3  # the whole room
    assert total(services.needs_board(store, code, two.alice)) == 2  # alice's table


def test_progress_counts_participants_dots_and_ratings_per_table(store: Store, two: TwoTables):
    code = two.room.code
    services.join(store, code, "Carol", table=two.a)
    services.vote(store, code, two.alice, two.shared, 2)
    progress = services.tables_progress(store, code, two.room.secret)
    assert [(p.table.name if p.table else None, p.participants, p.dots) for p in progress] == [
        ("Les Lilas", 2, 2),
        ("Les Tilleuls", 1, 0),
    ]


@pytest.mark.storage
def test_removing_a_table_unseats_its_people_and_shares_its_needs(store: Store, two: TwoTables):
    code = two.room.code
    services.remove_table(store, code, two.room.secret, two.b)
    assert [x.id for x in services.tables(store, code)] == [two.a]
    assert services.whoami(store, code, two.bob).table is None
    board = services.needs_board(store, code, secret=two.room.secret)
    assert next(n.table for n in board.needs if n.id == two.need_b) is None
    progress = services.tables_progress(store, code, two.room.secret)
    assert progress[-1].table is None and progress[-1].participants == 1


def test_a_moved_participant_may_still_withdraw_dots_left_at_the_old_table(
    store: Store, two: TwoTables
) -> None:
    code = two.room.code
    services.vote(store, code, two.bob, two.need_b, 2)
    bob = services.whoami(store, code, two.bob).id
    services.assign_table(store, code, two.room.secret, bob, two.a)
    with pytest.raises(services.Forbidden):
        services.vote(store, code, two.bob, two.need_b, 1)
    assert services.vote(store, code, two.bob, two.need_b, -2) == 0


@pytest.mark.storage
def test_the_workshop_file_carries_tables_and_seats_losslessly(store: Store, two: TwoTables):
    code = two.room.code
    services.vote(store, code, two.alice, two.need_a, 1)
    dumped = services.backup_workshop(store, code).dump()
    assert [x["name"] for x in dumped["tables"]] == ["Les Lilas", "Les Tilleuls"]  # type: ignore[index]
    assert {p["pseudonym"]: p["table"] for p in dumped["participants"]} == {  # type: ignore[attr-defined]
        "Alice": two.a,
        "Bob": two.b,
    }
    again = services.import_workshop(store, services.backup_workshop(store, code))
    assert services.backup_workshop(store, again.code).dump() == dumped


@pytest.mark.storage
def test_an_import_naming_an_unknown_table_is_refused(store: Store, two: TwoTables) -> None:
    workshop = services.backup_workshop(store, two.room.code)
    broken = workshop.model_copy(update={"tables": workshop.tables[:1]})  # type: ignore[index]
    with pytest.raises(services.InvalidInput) as err:
        services.import_workshop(store, broken)
    assert any("unknown table" in p for p in err.value.problems)


def test_the_plenary_compares_votes_and_rankings_per_table(store: Store, two: TwoTables):
    room = two.room
    code = room.code
    other = room.need("Autre besoin partagé")
    services.vote(store, code, two.alice, two.shared, 2)
    services.vote(store, code, two.bob, other, 2)
    hidden = services.table_results(store, code, default_decks())
    assert hidden.needs is None and hidden.scenarios is None  # nothing revealed yet
    results = services.table_results(store, code, default_decks(), secret=room.secret)
    shared = next(n for n in results.needs or () if n.id == two.shared)
    assert shared.total == 2 and shared.per_table == {two.a: 2, two.b: 0}
    own = next(n for n in results.needs or () if n.id == two.need_a)
    assert own.per_table == {two.a: 0} and own.table == two.a
    agreement = results.needs_agreement
    assert agreement is not None and agreement.pairs[0].tau == pytest.approx(-1.0)
    assert agreement.verdicts[two.shared].verdict == "split"
    assert agreement.verdicts[two.need_a].verdict == "single"


def test_the_plenary_ranks_scenarios_per_table_and_overall(store: Store, two: TwoTables):
    room = two.room
    code = room.code
    source = room.source()
    case = services.create_use_case(
        store, code, room.secret, title="Cas", need=two.shared, sources=[source]
    )
    ids = [
        services.create_scenario(
            store,
            code,
            room.secret,
            services.ScenarioDraft(
                residents=100, duration_months=6, title=title, use_case=case, model="personal_cloud"
            ),
        )
        for title in ("Premier", "Second")
    ]
    two.room.at("scenarios")
    for token, good in ((two.alice, ids[0]), (two.bob, ids[1])):
        for sid in ids:
            services.rate(store, code, token, sid, "resident_benefit", 5 if sid == good else 1)
    progress = services.tables_progress(store, code, room.secret)
    assert [p.ratings for p in progress] == [2, 2]  # each table's ratings given
    services.set_revealed(store, code, room.secret, "scenarios", True)
    results = services.table_results(store, code, default_decks())
    assert results.needs is None and results.scenarios is not None
    by_id = {s.id: s for s in results.scenarios}
    assert by_id[ids[0]].per_table[two.a].position == 1
    assert by_id[ids[0]].per_table[two.b].position == 2
    assert by_id[ids[0]].overall is not None
    assert results.scenarios_agreement is not None
    assert results.scenarios_agreement.verdicts[ids[0]].verdict == "split"


def make_it_version_7(db_url: str) -> None:
    """Take the tables out again: no ``tables`` table, no ``table_id`` columns."""
    if db_url.startswith("sqlite"):
        # SQLite cannot drop a column a foreign key names: rebuild the three tables
        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA legacy_alter_table = ON")  # other tables' references stay
        for name in t.TABLE_COLUMNS:
            keep = ", ".join(
                c.name for c in t.metadata.tables[name].columns if c.name != "table_id"
            )
            (create,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
            head, body = create.split("(", 1)
            parts = [p for p in re.split(r",\s*\n", body.rsplit(")", 1)[0]) if "table_id" not in p]
            conn.execute(f"ALTER TABLE {name} RENAME TO v8_{name}")
            conn.execute(f"{head}({', '.join(parts)})")
            conn.execute(f"INSERT INTO {name} ({keep}) SELECT {keep} FROM v8_{name}")
            conn.execute(f"DROP TABLE v8_{name}")
        conn.execute("DROP TABLE tables")
        conn.execute("UPDATE schema_version SET version = 7")
        conn.commit()
        conn.close()
        return
    store = Store(db_url)

    def drop(conn):  # type: ignore[no-untyped-def]
        for name in t.TABLE_COLUMNS:
            conn.execute(text(f"ALTER TABLE {name} DROP COLUMN table_id"))
        conn.execute(text("DROP TABLE tables"))
        conn.execute(update(t.schema_version).values(version=7))

    store.write(drop)
    store.dispose()


@pytest.mark.storage
def test_a_version_7_database_gains_tables_and_keeps_its_workshops(db_url: str) -> None:
    store = Store(db_url)
    room = open_room(store)
    token = room.join("Alice")
    need = room.need()

    store.dispose()
    make_it_version_7(db_url)
    migrated = Store(db_url)
    found = migrated.read(
        lambda c: c.execute(t.schema_version.select()).first().version  # type: ignore[union-attr]
    )
    assert found == SCHEMA_VERSION >= 8
    services.set_step(migrated, room.code, room.secret, "needs")
    assert services.vote(migrated, room.code, token, need) == 1
    assert services.tables(migrated, room.code) == ()
    table = services.create_table(migrated, room.code, room.secret, "A")
    assert services.join(migrated, room.code, "Bob").participant_id
    assert [p.participants for p in services.tables_progress(migrated, room.code, room.secret)] == [
        1,
        1,
    ]
    assert table
    migrated.dispose()
