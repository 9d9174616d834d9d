"""The audit log read back by undo: the latest facilitator action not undone yet."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, cast

from sqlalchemy import Connection, Row, select, update

from selfdata.store import schema as t

_LOG = t.audit_log


def last_undoable(tx: Connection, workshop_id: int, skipped: Collection[str]) -> Row[Any] | None:
    """The latest facilitator entry of this workshop not undone yet whose action is not in
    ``skipped`` (fields ``id``, ``action``, ``undo``, ``detail``), or ``None``."""
    found = tx.execute(
        select(_LOG.c.id, _LOG.c.action, _LOG.c.undo, _LOG.c.detail)
        .where(
            _LOG.c.workshop_id == workshop_id,
            _LOG.c.actor == "facilitator",
            _LOG.c.undone.is_(False),
            _LOG.c.action.not_in(tuple(skipped)),
        )
        .order_by(_LOG.c.id.desc())
        .limit(1)
    ).first()
    return cast("Row[Any] | None", found)


def mark_undone(tx: Connection, entry_id: int) -> None:
    tx.execute(update(_LOG).where(_LOG.c.id == entry_id).values(undone=True))
