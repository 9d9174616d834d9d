"""Tables of a large room: the tables themselves, who sits where, and what each table's
participants did (for the console's progress)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from selfdata.store import schema as t

_TABLES = t.tables
_PEOPLE = t.participants


def of_workshop(tx: Connection, workshop_id: int) -> list[Row[Any]]:
    """The workshop's tables in order (fields id, slug, name, colour, position)."""
    return list(
        tx.execute(
            select(_TABLES).where(_TABLES.c.workshop_id == workshop_id).order_by(_TABLES.c.position)
        )
    )


def id_of(tx: Connection, workshop_id: int, slug: str) -> int | None:
    """The row id of the table ``slug`` of this workshop, or ``None``."""
    row = tx.execute(
        select(_TABLES.c.id).where(_TABLES.c.workshop_id == workshop_id, _TABLES.c.slug == slug)
    ).first()
    return None if row is None else int(row.id)


def headcounts(tx: Connection, workshop_id: int) -> dict[int | None, int]:
    """How many participants sit at each table (key ``None``: at no table)."""
    return {
        tid: int(n)
        for tid, n in tx.execute(
            select(_PEOPLE.c.table_id, func.count())
            .where(_PEOPLE.c.workshop_id == workshop_id)
            .group_by(_PEOPLE.c.table_id)
        )
    }


def add(
    tx: Connection, workshop_id: int, *, slug: str, name: str, colour: int, position: int
) -> None:
    tx.execute(
        insert(_TABLES).values(
            workshop_id=workshop_id, slug=slug, name=name, colour=colour, position=position
        )
    )


def rename(tx: Connection, table_id: int, name: str, colour: int | None = None) -> None:
    """Rename a table (and recolour it when ``colour`` is given)."""
    values: dict[str, Any] = {"name": name}
    if colour is not None:
        values["colour"] = colour
    tx.execute(update(_TABLES).where(_TABLES.c.id == table_id).values(**values))


def remove(tx: Connection, table_id: int) -> None:
    """Delete a table: its participants, needs and use cases become the whole room's."""
    for name in t.TABLE_COLUMNS:
        target = t.metadata.tables[name]
        tx.execute(update(target).where(target.c.table_id == table_id).values(table_id=None))
    tx.execute(_TABLES.delete().where(_TABLES.c.id == table_id))


def seat(tx: Connection, workshop_id: int, participant: str, table_id: int | None) -> bool:
    """Seat the participant ``participant`` (slug) at a table (``None``: at none); ``False``
    when there is no such participant."""
    done = tx.execute(
        update(_PEOPLE)
        .where(_PEOPLE.c.workshop_id == workshop_id, _PEOPLE.c.slug == participant)
        .values(table_id=table_id)
    ).rowcount
    return bool(done)


def seating(tx: Connection, workshop_id: int) -> list[Row[Any]]:
    """The workshop's participants in joining order (fields id, slug, pseudonym,
    table_id)."""
    return list(
        tx.execute(
            select(_PEOPLE.c.id, _PEOPLE.c.slug, _PEOPLE.c.pseudonym, _PEOPLE.c.table_id)
            .where(_PEOPLE.c.workshop_id == workshop_id)
            .order_by(_PEOPLE.c.position)
        )
    )


def ratings_by_participant(tx: Connection, workshop_id: int) -> list[tuple[int, int]]:
    """``(participant id, ratings given)`` for every participant who rated."""
    rows = tx.execute(
        select(t.ratings.c.participant_id, func.count())
        .where(t.ratings.c.workshop_id == workshop_id)
        .group_by(t.ratings.c.participant_id)
    )
    return [(int(pid), int(n)) for pid, n in rows]
