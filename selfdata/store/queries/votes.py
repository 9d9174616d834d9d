"""Dots on needs: one row per participant and need, holding how many dots they placed
(no row: none). The statements of the vote path are built once (with bound parameters):
a room places thousands of dots (see :mod:`selfdata.store.queries.workshops`)."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from selfdata.store import schema as t
from selfdata.store.queries import items

_V = t.votes.c
# not the columns' names: an UPDATE would take a parameter named as a column for its SET
_KEY = (_V.participant_id == bindparam("pid"), _V.need_id == bindparam("nid"))
_DOTS_ON = select(_V.dots).where(*_KEY)
_SPENT = select(func.coalesce(func.sum(_V.dots), 0)).where(_V.participant_id == bindparam("pid"))
_PLACE = insert(t.votes)
_CHANGE = update(t.votes).where(*_KEY).values(dots=bindparam("new_dots"))
_TAKE_BACK = delete(t.votes).where(*_KEY)
_OTHERS_ON = (
    select(_V.dots)
    .where(_V.need_id == bindparam("nid"), _V.participant_id != bindparam("pid"))
    .limit(1)
)


def dots_on(tx: Connection, participant_id: int, need_id: int) -> int:
    """The dots this participant placed on this need (0: none)."""
    found = tx.execute(_DOTS_ON, {"pid": participant_id, "nid": need_id})
    return int(found.scalar() or 0)


def dots_spent(tx: Connection, participant_id: int) -> int:
    """All the dots this participant placed, on every need."""
    return int(tx.execute(_SPENT, {"pid": participant_id}).scalar_one())


def set_dots(
    tx: Connection, workshop_id: int, participant_id: int, need_id: int, *, before: int, dots: int
) -> None:
    """Store ``dots`` for this participant on this need, who had ``before``
    (:func:`dots_on`): a new row (placed last), a changed one, or none left at 0."""
    key = {"pid": participant_id, "nid": need_id}
    if before == 0:
        row = {"participant_id": participant_id, "need_id": need_id, "dots": dots}
        position = items.next_position(tx, "votes", workshop_id)
        tx.execute(_PLACE, {**row, "workshop_id": workshop_id, "position": position})
    elif dots == 0:
        tx.execute(_TAKE_BACK, key)
    else:
        tx.execute(_CHANGE, {**key, "new_dots": dots})


def others_on(tx: Connection, need_id: int, participant_id: int) -> bool:
    """Someone other than ``participant_id`` placed dots on the need."""
    found = tx.execute(_OTHERS_ON, {"nid": need_id, "pid": participant_id})
    return found.first() is not None


def clear_need(tx: Connection, need_id: int) -> None:
    """Delete every dot on this need."""
    tx.execute(delete(t.votes).where(_V.need_id == need_id))


def clear_participant(tx: Connection, participant_id: int) -> None:
    """Delete every dot this participant placed."""
    tx.execute(delete(t.votes).where(_V.participant_id == participant_id))
