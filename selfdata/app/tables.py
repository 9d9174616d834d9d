"""Tables of a large room: the facilitator splits a workshop into named, coloured tables;
participants sit at one (picked when joining, or given the least full one).

A participant of table A acts on the whole room's items and on table A's, never on table
B's (:func:`selfdata.app.access.require_same_table`). Votes and ratings stay per participant:
"per table" groups them by the participants' table, so every rule (dot budget, per-need
cap, lock, steps) holds at each table as in a room without tables. A workshop without
tables behaves exactly as before.

Facilitator writes go through :func:`selfdata.app.access.facilitate` (secret checked,
audited, version bumped).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from selfdata.app import access
from selfdata.app.access import Outcome, WorkshopRow, check_text, facilitate, facilitator_only
from selfdata.app.views import TableInfo
from selfdata.domain.errors import InvalidInput, LimitExceeded, NotFound
from selfdata.domain.limits import MAX_TABLES
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.store import Store
from selfdata.store import schema as t

MAX_TABLE_NAME = 40
"""Characters in a table's name (it is read from the back of the room)."""


def _colour(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("table.colour_invalid", count=len(TABLE_COLOURS))
    if not 0 <= value < len(TABLE_COLOURS):
        raise InvalidInput("table.colour_invalid", count=len(TABLE_COLOURS))
    return value


def table_rows(conn: Connection, workshop_id: int) -> list[Any]:
    return list(
        conn.execute(
            select(t.tables)
            .where(t.tables.c.workshop_id == workshop_id)
            .order_by(t.tables.c.position)
        )
    )


def table_id(conn: Connection, w: WorkshopRow, slug: object) -> int:
    """The row id of table ``slug`` of this workshop, or a clear :class:`NotFound`."""
    row = conn.execute(
        select(t.tables.c.id).where(
            t.tables.c.workshop_id == w.id, t.tables.c.slug == str(slug)[:64]
        )
    ).first()
    if row is None:
        raise NotFound("table.not_found", table=str(slug)[:64])
    return int(row.id)


def least_full_table(conn: Connection, workshop_id: int) -> int | None:
    """The table with the fewest participants (the first in order among equals), or
    ``None`` when the workshop has no tables."""
    counts: dict[int | None, int] = {
        tid: int(n)
        for tid, n in conn.execute(
            select(t.participants.c.table_id, func.count())
            .where(t.participants.c.workshop_id == workshop_id)
            .group_by(t.participants.c.table_id)
        )
    }
    rows = table_rows(conn, workshop_id)
    if not rows:
        return None
    return int(min(rows, key=lambda r: (counts.get(r.id, 0), r.position)).id)


def seat_for_join(conn: Connection, workshop_id: int, table: str | None) -> int | None:
    """Where a joining participant sits: the table they picked (checked), else the least
    full one; ``None`` in a workshop without tables (where picking one is refused)."""
    if table is None:
        return least_full_table(conn, workshop_id)
    row = conn.execute(
        select(t.tables.c.id).where(
            t.tables.c.workshop_id == workshop_id, t.tables.c.slug == str(table)[:64]
        )
    ).first()
    if row is None:
        raise NotFound("table.not_found", table=str(table)[:64])
    return int(row.id)


def set_use_case_table(conn: Connection, w: WorkshopRow, slug: str, need: str, table: str) -> None:
    """Give a use case just created to ``table`` (inside the caller's transaction): its need
    must be the whole room's or that table's."""
    tid = table_id(conn, w, table)
    need_table = conn.execute(
        select(t.needs.c.table_id).where(t.needs.c.workshop_id == w.id, t.needs.c.slug == need)
    ).scalar()
    if need_table is not None and need_table != tid:
        raise InvalidInput("table.need_elsewhere")
    conn.execute(
        update(t.use_cases)
        .where(t.use_cases.c.workshop_id == w.id, t.use_cases.c.slug == slug)
        .values(table_id=tid)
    )


# --- facilitator ---------------------------------------------------------------------------


@facilitator_only
def create_table(store: Store, code: str, secret: str, name: str, colour: int | None = None) -> str:
    """A new table named ``name`` (1–40 characters, unique in the workshop) with colour
    ``colour`` (an index into ``TABLE_COLOURS``; default: the next unused one). Returns
    its id."""
    name = check_text(name, "name", limit=MAX_TABLE_NAME, required=True)
    chosen = None if colour is None else _colour(colour)

    def fn(conn: Connection, w: WorkshopRow) -> Outcome:
        rows = table_rows(conn, w.id)
        if len(rows) >= MAX_TABLES:
            raise LimitExceeded("tables.too_many", limit=MAX_TABLES)
        if any(r.name.casefold() == name.casefold() for r in rows):
            raise InvalidInput("table.name_taken", name=name)
        used = {int(r.colour) for r in rows}
        free = [i for i in range(len(TABLE_COLOURS)) if i not in used]
        paint = chosen if chosen is not None else (free[0] if free else len(rows))
        slug = access.unique_slug(conn, t.tables, w.id, access.slugify(name, limit=30))
        conn.execute(
            insert(t.tables).values(
                workshop_id=w.id,
                slug=slug,
                name=name,
                colour=paint % len(TABLE_COLOURS),
                position=access.next_position(conn, t.tables, w.id),
            )
        )
        return slug, {"id": slug, "colour": paint}, None

    result: str = facilitate(store, code, secret, "create_table", fn)
    return result


@facilitator_only
def rename_table(
    store: Store, code: str, secret: str, table: str, name: str, colour: int | None = None
) -> None:
    """Rename a table (and recolour it when ``colour`` is given)."""
    name = check_text(name, "name", limit=MAX_TABLE_NAME, required=True)
    chosen = None if colour is None else _colour(colour)

    def fn(conn: Connection, w: WorkshopRow) -> Outcome:
        tid = table_id(conn, w, table)
        if any(
            r.name.casefold() == name.casefold() and r.id != tid for r in table_rows(conn, w.id)
        ):
            raise InvalidInput("table.name_taken", name=name)
        values: dict[str, Any] = {"name": name}
        if chosen is not None:
            values["colour"] = chosen
        conn.execute(update(t.tables).where(t.tables.c.id == tid).values(**values))
        return None, {"id": table, "colour": chosen}, None

    facilitate(store, code, secret, "rename_table", fn)


@facilitator_only
def remove_table(store: Store, code: str, secret: str, table: str) -> None:
    """Remove a table: its participants sit at no table (until given another), and its
    needs and use cases become the whole room's. Votes and ratings stay."""

    def fn(conn: Connection, w: WorkshopRow) -> Outcome:
        tid = table_id(conn, w, table)
        for name in t.TABLE_COLUMNS:
            target = t.metadata.tables[name]
            conn.execute(update(target).where(target.c.table_id == tid).values(table_id=None))
        conn.execute(t.tables.delete().where(t.tables.c.id == tid))
        return None, {"id": table}, None

    facilitate(store, code, secret, "remove_table", fn)


@facilitator_only
def assign_table(store: Store, code: str, secret: str, participant: str, table: str | None) -> None:
    """Seat a participant (by id) at ``table`` (``None``: at no table). Their dots and
    ratings stay theirs and now count for their new table."""

    def fn(conn: Connection, w: WorkshopRow) -> Outcome:
        tid = None if table is None else table_id(conn, w, table)
        done = conn.execute(
            update(t.participants)
            .where(
                t.participants.c.workshop_id == w.id,
                t.participants.c.slug == str(participant)[:64],
            )
            .values(table_id=tid)
        ).rowcount
        if not done:
            raise NotFound("participant.unknown", text="participant.gone")
        return None, {"participant": participant, "table": table}, None

    facilitate(store, code, secret, "assign_table", fn)


# --- reads ---------------------------------------------------------------------------------


def tables(store: Store, code: str) -> tuple[TableInfo, ...]:
    """The workshop's tables in order (empty: a room without tables). Code only: the join
    page and the projector read it."""

    def fn(conn: Connection) -> tuple[TableInfo, ...]:
        w = access.workshop_row(conn, code)
        return tuple(TableInfo(r.slug, r.name, int(r.colour)) for r in table_rows(conn, w.id))

    return store.read(fn)


@dataclass(frozen=True)
class TableProgress:
    """One table's progress on the console (``table`` ``None``: participants at no table)."""

    table: TableInfo | None
    participants: int
    dots: int
    """Dots its participants placed."""
    ratings: int
    """Ratings its participants gave."""
    members: tuple[tuple[str, str], ...] = ()
    """(participant id, pseudonym) of those seated there, in joining order."""


def tables_progress(store: Store, code: str, secret: str) -> tuple[TableProgress, ...]:
    """Each table's participants, dots placed and ratings given (facilitator), then the
    participants at no table when there are any."""

    def fn(conn: Connection) -> tuple[TableProgress, ...]:
        w = access.workshop_row(conn, code)
        access.require_facilitator(w, secret)
        people = conn.execute(
            select(
                t.participants.c.id,
                t.participants.c.slug,
                t.participants.c.pseudonym,
                t.participants.c.table_id,
            )
            .where(t.participants.c.workshop_id == w.id)
            .order_by(t.participants.c.position)
        ).all()
        seat = {int(p.id): p.table_id for p in people}
        dots: dict[int | None, int] = {}
        for pid, n in conn.execute(
            select(t.votes.c.participant_id, t.votes.c.dots).where(t.votes.c.workshop_id == w.id)
        ):
            dots[seat.get(int(pid))] = dots.get(seat.get(int(pid)), 0) + int(n)
        rated: dict[int | None, int] = {}
        for pid, n in conn.execute(
            select(t.ratings.c.participant_id, func.count())
            .where(t.ratings.c.workshop_id == w.id)
            .group_by(t.ratings.c.participant_id)
        ):
            rated[seat.get(int(pid))] = rated.get(seat.get(int(pid)), 0) + int(n)

        def progress(info: TableInfo | None, tid: int | None) -> TableProgress:
            members = tuple((p.slug, p.pseudonym) for p in people if p.table_id == tid)
            return TableProgress(info, len(members), dots.get(tid, 0), rated.get(tid, 0), members)

        out = [
            progress(TableInfo(r.slug, r.name, int(r.colour)), int(r.id))
            for r in table_rows(conn, w.id)
        ]
        if out and any(p.table_id is None for p in people):
            out.append(progress(None, None))
        return tuple(out)

    return store.read(fn)
