"""Totals of the dots placed in a workshop, read by the facilitator's rules (a budget or a
cap below what was placed, a need with dots) and the tables' progress."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from selfdata.store import schema as t


def most_spent(tx: Connection, workshop_id: int) -> int:
    """The most dots one participant placed in this workshop (0: none)."""
    spent = tx.execute(
        select(func.sum(t.votes.c.dots))
        .where(t.votes.c.workshop_id == workshop_id)
        .group_by(t.votes.c.participant_id)
    ).scalars()
    return max((int(x) for x in spent if x is not None), default=0)


def most_on_one(tx: Connection, workshop_id: int) -> int:
    """The most dots one participant placed on one need (0: none)."""
    found = tx.execute(
        select(func.max(t.votes.c.dots)).where(t.votes.c.workshop_id == workshop_id)
    ).scalar()
    return int(found or 0)


def need_has_dots(tx: Connection, need_id: int) -> bool:
    return (
        tx.execute(select(t.votes.c.dots).where(t.votes.c.need_id == need_id).limit(1)).first()
        is not None
    )


def dots_by_participant(tx: Connection, workshop_id: int) -> list[tuple[int, int]]:
    """``(participant id, dots)`` of every vote of this workshop (one per need voted)."""
    rows = tx.execute(
        select(t.votes.c.participant_id, t.votes.c.dots).where(t.votes.c.workshop_id == workshop_id)
    )
    return [(int(pid), int(n)) for pid, n in rows]
