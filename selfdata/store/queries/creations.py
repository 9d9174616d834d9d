"""Recent workshop creations (``workshop_creations``), counted for the creation limits of
:mod:`selfdata.app.creation_quota`."""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, text

from selfdata.store import schema as t

_LOCK_KEY = 0x5E1FC8EA
_LOG = t.workshop_creations


def serialise(tx: Connection) -> None:
    """Make concurrent creations wait for this transaction: a transaction-level advisory
    lock on PostgreSQL; on SQLite ``BEGIN IMMEDIATE`` already serialises writers."""
    if tx.dialect.name == "postgresql":
        tx.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def forget_until(tx: Connection, moment: float) -> None:
    """Delete the creations made at or before ``moment``."""
    tx.execute(delete(_LOG).where(_LOG.c.at <= moment))


def count_since(
    tx: Connection, moment: float, client: str | None = None
) -> tuple[int, float | None]:
    """How many creations were made after ``moment`` (by ``client`` only, when given), and
    when the oldest of them was (``None``: none)."""
    where = [_LOG.c.at > moment]
    if client is not None:
        where.append(_LOG.c.client == client)
    count, oldest = tx.execute(select(func.count(), func.min(_LOG.c.at)).where(*where)).one()
    return int(count), None if oldest is None else float(oldest)


def add(tx: Connection, at: float, client: str) -> None:
    """Count one creation by ``client`` (a hash of its address) at ``at``."""
    tx.execute(insert(_LOG).values(at=at, client=client))
