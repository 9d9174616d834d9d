"""The workshop row: found by its code, its version counters bumped, the audit log
appended (every write of a use case ends with :func:`record_action`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, bindparam, insert, select, update

from selfdata.store import schema as t
from selfdata.store.schema import dumps


@dataclass(frozen=True)
class WorkshopRow:
    id: int
    code: str
    secret_hash: str
    title: str
    territory: str
    theme: str
    illustrative: bool
    description: str
    language: str
    created: str | None
    created_at: float
    expires_at: float | None
    step: str
    vote_budget: int
    vote_cap: int
    locked: bool
    revealed: tuple[str, ...]
    timer_end: float | None
    version: int
    ranking_version: int
    projector: str = "{}"
    """What the wall shows, as stored (JSON): :mod:`selfdata.app.projector` reads it."""
    settings_version: int = 0
    joining_closed: bool = False
    show_pseudonyms: bool = False
    """The facilitator named participants for this workshop (off: anonymous)."""
    join_approval: bool = False
    """New participants wait until the facilitator admits them (schema 14)."""
    preparation: str | None = None
    """Cards in play and agenda, as stored (JSON): :mod:`selfdata.app.room_setup` reads it."""
    step_clock: str | None = None
    """The room's clock (JSON of :class:`selfdata.domain.agenda.StepClock`), or ``None``."""
    decision: str | None = None
    """Participants' weights on or off and the rating round (JSON), or ``None``: read by
    :mod:`selfdata.app.group_decision`."""
    shared_version: int = 0
    """Moved by every write but dots, proposals and a participant's own tallies (ratings,
    weights, objections: ``OWN_TALLIES`` in :mod:`selfdata.app.access`; schema 15)."""

    def input_locked(self, now: float) -> bool:
        """Manually locked, or the countdown has ended by ``now``."""
        if self.locked:
            return True
        return self.timer_end is not None and now >= self.timer_end


# Statements run on every rerun of every screen are built once (with bound parameters):
# building a select costs about three times as much as running it (101 vs 27 µs for the
# workshop row on SQLite; see docs/load.md).
_BY_CODE = select(t.workshops).where(t.workshops.c.code == bindparam("code"))
_BY_CODE_FOR_UPDATE = _BY_CODE.with_for_update()


def by_code(tx: Connection, code: str, *, for_update: bool = False) -> WorkshopRow | None:
    """The workshop stored under this (normalised) code, or ``None``; with ``for_update``
    its row is locked until commit (a no-op on SQLite, where ``BEGIN IMMEDIATE`` already
    serialises writers)."""
    row = tx.execute(_BY_CODE_FOR_UPDATE if for_update else _BY_CODE, {"code": code})
    found = row.mappings().first()
    if found is None:
        return None
    data = dict(found)
    data["revealed"] = tuple(json.loads(data["revealed"] or "[]"))
    for flag in ("illustrative", "locked", "show_pseudonyms", "join_approval"):
        data[flag] = bool(data[flag])
    return WorkshopRow(**data)


_BUMP_VERSION = (
    update(t.workshops)
    .where(t.workshops.c.id == bindparam("workshop_id"))
    .values(version=t.workshops.c.version + 1)
)
_BUMP_RANKING = _BUMP_VERSION.values(ranking_version=t.workshops.c.ranking_version + 1)
_BUMP_SHARED = _BUMP_RANKING.values(shared_version=t.workshops.c.shared_version + 1)
_BUMP_SETTINGS = _BUMP_SHARED.values(settings_version=t.workshops.c.settings_version + 1)
_BUMPS = {
    "version": _BUMP_VERSION,
    "ranking": _BUMP_RANKING,
    "shared": _BUMP_SHARED,
    "settings": _BUMP_SETTINGS,
}
_AUDIT = insert(t.audit_log)

Bump = Literal["version", "ranking", "shared", "settings"]
"""Which counters a write moves: ``version`` alone (every screen redraws), with
``ranking_version`` (the ranking is recomputed), also ``shared_version`` (tablets showing
none of the room's tallies redraw), or also ``settings_version`` (tablets redraw their
controls at once)."""


def record_action(
    tx: Connection,
    workshop_id: int,
    bump: Bump,
    *,
    at: float,
    actor: str,
    action: str,
    detail: dict[str, Any],
    undo: dict[str, Any] | None,
) -> None:
    """Move the workshop's counters and append the action to its audit log."""
    tx.execute(_BUMPS[bump], {"workshop_id": workshop_id})
    tx.execute(
        _AUDIT,
        {
            "workshop_id": workshop_id,
            "at": at,
            "actor": actor,
            "action": action,
            "detail": dumps(detail),
            "undo": None if undo is None else dumps(undo),
            "undone": False,
        },
    )


def code_taken(tx: Connection, code: str) -> bool:
    """Whether a workshop is stored under this code."""
    return (
        tx.execute(select(t.workshops.c.id).where(t.workshops.c.code == code)).first() is not None
    )


def set_joining(
    tx: Connection, workshop_id: int, *, closed: bool | None = None, approval: bool | None = None
) -> None:
    """Close (or reopen) joining, and/or make new participants wait to be admitted."""
    values = {"joining_closed": closed, "join_approval": approval}
    tx.execute(
        update(t.workshops)
        .where(t.workshops.c.id == workshop_id)
        .values({k: bool(v) for k, v in values.items() if v is not None})
    )


def forget_details_of(tx: Connection, workshop_id: int, actor: str) -> None:
    """Keep the action and the actor's random id of each audit entry ``actor`` made, and
    drop their details and undo data (an erased participant's)."""
    log = t.audit_log.c
    tx.execute(
        update(t.audit_log)
        .where(log.workshop_id == workshop_id, log.actor == actor)
        .values(detail="{}", undo=None)
    )
