"""The workshop row's own settings written by the facilitator: step, lock, timer, revealed
steps, dot settings, pseudonyms, the room's clock, the preparation, what the wall shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, update

from selfdata.store import schema as t
from selfdata.store.schema import dumps

_JSON = ("step_clock", "preparation")
"""JSON columns that take their stored text or the value to write (a dict)."""


def update_fields(tx: Connection, workshop_id: int, values: Mapping[str, Any]) -> None:
    """Set these columns of the workshop row. ``revealed`` is a list of steps; ``step_clock``
    and ``preparation`` their stored JSON text, a dict to write, or ``None``."""
    row = dict(values)
    if "revealed" in row:
        row["revealed"] = dumps(list(row["revealed"]))
    for name in _JSON:
        if name in row and row[name] is not None and not isinstance(row[name], str):
            row[name] = dumps(row[name])
    tx.execute(update(t.workshops).where(t.workshops.c.id == workshop_id).values(**row))
