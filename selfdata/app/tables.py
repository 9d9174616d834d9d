"""Tables of a large room: the facilitator splits a workshop into named, coloured tables;
participants sit at one (picked when joining, or given the least full one).

A participant of table A acts on the whole room's items and on table A's, never on table
B's (:func:`selfdata.app.access.require_same_table`, by the rule of
:func:`selfdata.domain.visibility.in_table_scope`). Votes and ratings stay per participant:
"per table" groups them by the participants' table, so every rule (dot budget, per-need
cap, lock, steps) holds at each table as in a room without tables. A workshop without
tables behaves exactly as before.

Facilitator writes go through :func:`selfdata.app.access.facilitate` (secret checked,
audited, version bumped).
"""

from __future__ import annotations

from dataclasses import dataclass

from selfdata.app import access
from selfdata.app.access import Outcome, check_text, facilitate, facilitator_only
from selfdata.app.read_models import TableInfo
from selfdata.domain.errors import InvalidInput, LimitExceeded, NotFound
from selfdata.domain.limits import MAX_TABLES
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.domain.visibility import in_table_scope
from selfdata.store import Record, Store, Tx
from selfdata.store.queries import cards, use_cases, vote_totals
from selfdata.store.queries import tables as seats
from selfdata.store.queries.workshops import WorkshopRow

MAX_TABLE_NAME = 40
"""Characters in a table's name (it is read from the back of the room)."""


def _colour(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("table.colour_invalid", count=len(TABLE_COLOURS))
    if not 0 <= value < len(TABLE_COLOURS):
        raise InvalidInput("table.colour_invalid", count=len(TABLE_COLOURS))
    return value


def table_rows(conn: Tx, workshop_id: int) -> list[Record]:
    return seats.of_workshop(conn, workshop_id)


def _found(tid: int | None, slug: object) -> int:
    if tid is None:
        raise NotFound("table.not_found", table=str(slug)[:64])
    return tid


def table_id(conn: Tx, w: WorkshopRow, slug: object) -> int:
    """The row id of table ``slug`` of this workshop, or a clear :class:`NotFound`."""
    return _found(seats.id_of(conn, w.id, str(slug)[:64]), slug)


def least_full_table(conn: Tx, workshop_id: int) -> int | None:
    """The table with the fewest participants (the first in order among equals), or
    ``None`` when the workshop has no tables."""
    counts = seats.headcounts(conn, workshop_id)
    rows = table_rows(conn, workshop_id)
    if not rows:
        return None
    return int(min(rows, key=lambda r: (counts.get(r.id, 0), r.position)).id)


def seat_for_join(conn: Tx, workshop_id: int, table: str | None) -> int | None:
    """Where a joining participant sits: the table they picked (checked), else the least
    full one; ``None`` in a workshop without tables (where picking one is refused)."""
    if table is None:
        return least_full_table(conn, workshop_id)
    return _found(seats.id_of(conn, workshop_id, str(table)[:64]), table)


def set_use_case_table(conn: Tx, w: WorkshopRow, slug: str, need: str, table: str) -> None:
    """Give a use case just created to ``table`` (inside the caller's transaction): its need
    must be the whole room's or that table's."""
    tid = table_id(conn, w, table)
    need_table = cards.need_table(conn, w.id, need)
    if not in_table_scope(need_table, tid):
        raise InvalidInput("table.need_elsewhere")
    use_cases.set_table(conn, w.id, slug, tid)


# --- facilitator ---------------------------------------------------------------------------


@facilitator_only
def create_table(store: Store, code: str, secret: str, name: str, colour: int | None = None) -> str:
    """A new table named ``name`` (1–40 characters, unique in the workshop) with colour
    ``colour`` (an index into ``TABLE_COLOURS``; default: the next unused one). Returns
    its id."""
    name = check_text(name, "name", limit=MAX_TABLE_NAME, required=True)
    chosen = None if colour is None else _colour(colour)

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        rows = table_rows(conn, w.id)
        if len(rows) >= MAX_TABLES:
            raise LimitExceeded("tables.too_many", limit=MAX_TABLES)
        if any(r.name.casefold() == name.casefold() for r in rows):
            raise InvalidInput("table.name_taken", name=name)
        used = {int(r.colour) for r in rows}
        free = [i for i in range(len(TABLE_COLOURS)) if i not in used]
        paint = chosen if chosen is not None else (free[0] if free else len(rows))
        slug = access.unique_slug(conn, "tables", w.id, access.slugify(name, limit=30))
        position = access.next_position(conn, "tables", w.id)
        seats.add(
            conn, w.id, slug=slug, name=name, colour=paint % len(TABLE_COLOURS), position=position
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

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        tid = table_id(conn, w, table)
        if any(
            r.name.casefold() == name.casefold() and r.id != tid for r in table_rows(conn, w.id)
        ):
            raise InvalidInput("table.name_taken", name=name)
        seats.rename(conn, tid, name, chosen)
        return None, {"id": table, "colour": chosen}, None

    facilitate(store, code, secret, "rename_table", fn)


@facilitator_only
def remove_table(store: Store, code: str, secret: str, table: str) -> None:
    """Remove a table: its participants sit at no table (until given another), and its
    needs and use cases become the whole room's. Votes and ratings stay."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        tid = table_id(conn, w, table)
        seats.remove(conn, tid)
        return None, {"id": table}, None

    facilitate(store, code, secret, "remove_table", fn)


@facilitator_only
def assign_table(store: Store, code: str, secret: str, participant: str, table: str | None) -> None:
    """Seat a participant (by id) at ``table`` (``None``: at no table). Their dots and
    ratings stay theirs and now count for their new table."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        tid = None if table is None else table_id(conn, w, table)
        if not seats.seat(conn, w.id, str(participant)[:64], tid):
            raise NotFound("participant.unknown", text="participant.gone")
        return None, {"participant": participant, "table": table}, None

    facilitate(store, code, secret, "assign_table", fn)


# --- reads ---------------------------------------------------------------------------------


def tables(store: Store, code: str) -> tuple[TableInfo, ...]:
    """The workshop's tables in order (empty: a room without tables). Code only: the join
    page and the projector read it."""

    def fn(conn: Tx) -> tuple[TableInfo, ...]:
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

    def fn(conn: Tx) -> tuple[TableProgress, ...]:
        w = access.workshop_row(conn, code)
        access.require_facilitator(w, secret)
        people = seats.seating(conn, w.id)
        seat = {int(p.id): p.table_id for p in people}
        dots: dict[int | None, int] = {}
        for pid, n in vote_totals.dots_by_participant(conn, w.id):
            dots[seat.get(pid)] = dots.get(seat.get(pid), 0) + n
        rated: dict[int | None, int] = {}
        for pid, n in seats.ratings_by_participant(conn, w.id):
            rated[seat.get(pid)] = rated.get(seat.get(pid), 0) + n

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
