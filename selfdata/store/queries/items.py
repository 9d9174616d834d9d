"""Rows found by their slug, positions and free slugs, for every kind of item a workshop
holds (sources, needs, use cases, scenarios, tables, participants, …)."""

from __future__ import annotations

import secrets
from typing import Any, Literal

from sqlalchemy import Connection, Row, Table, func, select

from selfdata.store import schema as t

Kind = Literal[
    "sources",
    "needs",
    "use_cases",
    "scenarios",
    "participants",
    "tables",
    "votes",
    "ratings",
    "objections",
]

TABLES: dict[str, Table] = {
    "sources": t.sources,
    "needs": t.needs,
    "use_cases": t.use_cases,
    "scenarios": t.scenarios,
    "participants": t.participants,
    "tables": t.tables,
    "votes": t.votes,
    "ratings": t.ratings,
    "objections": t.objections,
}


def by_slug(tx: Connection, kind: Kind, workshop_id: int, slug: str) -> Row[Any] | None:
    """The ``kind`` row of this workshop with this slug, or ``None``."""
    table = TABLES[kind]
    return tx.execute(
        select(table).where(table.c.workshop_id == workshop_id, table.c.slug == str(slug))
    ).first()


def next_position(tx: Connection, kind: Kind, workshop_id: int) -> int:
    """One past the last ``position`` of this workshop's ``kind`` rows (1 for the first)."""
    table = TABLES[kind]
    current = tx.execute(
        select(func.max(table.c.position)).where(table.c.workshop_id == workshop_id)
    ).scalar()
    return 1 if current is None else int(current) + 1


def free_slug(tx: Connection, kind: Kind, workshop_id: int, base: str) -> str:
    """``base`` if free in this workshop, else ``base-xxxx`` with a random suffix."""
    table = TABLES[kind]
    candidate = base
    while tx.execute(
        select(table.c.slug).where(table.c.workshop_id == workshop_id, table.c.slug == candidate)
    ).first():
        candidate = f"{base}-{secrets.token_hex(2)}"
    return candidate
