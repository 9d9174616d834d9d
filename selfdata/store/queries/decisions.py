"""How the room decides (schema of :mod:`selfdata.app.group_decision`): the decision state
of the workshop, participants' weights, round 1's kept ratings, objections."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from selfdata.store import schema as t
from selfdata.store.queries import items
from selfdata.store.schema import dumps


def clear_participant(tx: Connection, participant_id: int) -> None:
    """Delete this participant's weights, round 1's ratings and objection."""
    for table in t.DECISION_TABLES:
        tx.execute(delete(table).where(table.c.participant_id == participant_id))


def set_state(tx: Connection, workshop_id: int, state: dict[str, Any]) -> None:
    """Store the room's decision settings (``workshops.decision``, JSON)."""
    tx.execute(
        update(t.workshops).where(t.workshops.c.id == workshop_id).values(decision=dumps(state))
    )


def keep_round_one(tx: Connection, workshop_id: int) -> None:
    """Copy the workshop's current ratings as round 1's (replacing any kept before)."""
    tx.execute(delete(t.round_ratings).where(t.round_ratings.c.workshop_id == workshop_id))
    rows = tx.execute(
        select(t.ratings)
        .where(t.ratings.c.workshop_id == workshop_id)
        .order_by(t.ratings.c.position)
    ).all()
    if rows:
        tx.execute(
            insert(t.round_ratings),
            [
                {
                    "workshop_id": workshop_id,
                    "round": 1,
                    "participant_id": r.participant_id,
                    "scenario_id": r.scenario_id,
                    "criterion": r.criterion,
                    "value": r.value,
                    "position": k,
                }
                for k, r in enumerate(rows, 1)
            ],
        )


def drop_objections_but_to(tx: Connection, workshop_id: int, scenario_id: int) -> None:
    """Delete the objections to every scenario but ``scenario_id``."""
    o = t.objections.c
    tx.execute(
        delete(t.objections).where(o.workshop_id == workshop_id, o.scenario_id != scenario_id)
    )


def set_weights(
    tx: Connection, workshop_id: int, participant_id: int, weights: dict[str, int]
) -> None:
    """Replace this participant's swing weights (in this order)."""
    tx.execute(
        delete(t.participant_weights).where(
            t.participant_weights.c.participant_id == participant_id
        )
    )
    tx.execute(
        insert(t.participant_weights),
        [
            {
                "workshop_id": workshop_id,
                "participant_id": participant_id,
                "criterion": c,
                "value": v,
                "position": k,
            }
            for k, (c, v) in enumerate(weights.items(), 1)
        ],
    )


def weights_of(tx: Connection, participant_id: int) -> dict[str, int]:
    """This participant's swing weights, in the order given."""
    return {
        r.criterion: int(r.value)
        for r in tx.execute(
            select(t.participant_weights)
            .where(t.participant_weights.c.participant_id == participant_id)
            .order_by(t.participant_weights.c.position)
        )
    }


def object_to(
    tx: Connection, workshop_id: int, participant_id: int, scenario_id: int, reason: str
) -> None:
    """Record (or replace) this participant's objection to the scenario, placed last."""
    o = t.objections.c
    tx.execute(
        delete(t.objections).where(o.participant_id == participant_id, o.scenario_id == scenario_id)
    )
    tx.execute(
        insert(t.objections).values(
            workshop_id=workshop_id,
            participant_id=participant_id,
            scenario_id=scenario_id,
            reason=reason,
            position=items.next_position(tx, "objections", workshop_id),
        )
    )


def withdraw_objections(tx: Connection, participant_id: int) -> None:
    """Delete this participant's objections."""
    tx.execute(delete(t.objections).where(t.objections.c.participant_id == participant_id))


def objection_of(tx: Connection, participant_id: int) -> str | None:
    """This participant's objection's reason, or ``None``."""
    found = tx.execute(
        select(t.objections.c.reason).where(t.objections.c.participant_id == participant_id)
    ).scalar()
    return None if found is None else str(found)
