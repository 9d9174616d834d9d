"""Participants' ratings of scenarios, one row per participant, scenario and criterion
(no row: not rated)."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from selfdata.store import schema as t
from selfdata.store.queries import items

_R = t.ratings.c
# not the columns' names: an UPDATE would take a parameter named as a column for its SET
_KEY = (
    _R.participant_id == bindparam("pid"),
    _R.scenario_id == bindparam("sid"),
    _R.criterion == bindparam("crit"),
)
_VALUE = select(_R.value).where(*_KEY)
_ADD = insert(t.ratings)
_CHANGE = update(t.ratings).where(*_KEY).values(value=bindparam("new_value"))
_REMOVE = delete(t.ratings).where(*_KEY)
_USE_CASE_TABLE = select(t.use_cases.c.table_id).where(t.use_cases.c.id == bindparam("uid"))


def is_rated(tx: Connection, participant_id: int, scenario_id: int, criterion: str) -> bool:
    """Whether this participant rated this scenario on this criterion."""
    key = {"pid": participant_id, "sid": scenario_id, "crit": criterion}
    return tx.execute(_VALUE, key).first() is not None


def set_rating(
    tx: Connection,
    workshop_id: int,
    participant_id: int,
    scenario_id: int,
    criterion: str,
    value: int | None,
    *,
    rated: bool,
) -> None:
    """Store ``value`` as this participant's rating (``None``: removed), who had one already
    or not (``rated``, :func:`is_rated`); a new rating is placed last."""
    key = {"pid": participant_id, "sid": scenario_id, "crit": criterion}
    if value is None:
        if rated:
            tx.execute(_REMOVE, key)
    elif rated:
        tx.execute(_CHANGE, {**key, "new_value": value})
    else:
        row = {"participant_id": participant_id, "scenario_id": scenario_id, "value": value}
        position = items.next_position(tx, "ratings", workshop_id)
        tx.execute(
            _ADD, {**row, "criterion": criterion, "workshop_id": workshop_id, "position": position}
        )


def scenario_table(tx: Connection, use_case_id: int) -> int | None:
    """The table whose use case the scenario develops (``None``: the whole room's)."""
    found = tx.execute(_USE_CASE_TABLE, {"uid": use_case_id}).scalar()
    return None if found is None else int(found)


def clear_participant(tx: Connection, participant_id: int) -> None:
    """Delete every rating this participant gave."""
    tx.execute(delete(t.ratings).where(_R.participant_id == participant_id))
