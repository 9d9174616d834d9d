"""Erasing a workshop with every row that belongs to it (data retention)."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from selfdata.store import schema as t


def erase_workshop(tx: Connection, workshop_id: int) -> None:
    """Delete the workshop and every row that belongs to it, audit log included."""
    cases = select(t.use_cases.c.id).where(t.use_cases.c.workshop_id == workshop_id)
    tx.execute(delete(t.use_case_sources).where(t.use_case_sources.c.use_case_id.in_(cases)))
    for table in (
        *t.DECISION_TABLES,
        t.ratings,
        t.votes,
        t.criteria,
        t.scenarios,
        t.use_cases,
        t.sources,
        t.needs,
        t.participants,
        t.audit_log,
        t.workshop_cards,
    ):
        tx.execute(delete(table).where(table.c.workshop_id == workshop_id))
    tx.execute(delete(t.workshops).where(t.workshops.c.id == workshop_id))


def expired(tx: Connection, moment: float) -> list[int]:
    """The ids of the workshops whose retention date is at or before ``moment``."""
    return [
        int(i)
        for (i,) in tx.execute(
            select(t.workshops.c.id).where(
                t.workshops.c.expires_at.is_not(None), t.workshops.c.expires_at <= moment
            )
        )
    ]
