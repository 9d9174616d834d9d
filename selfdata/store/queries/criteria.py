"""The criteria a workshop rates its scenarios on, with their weights, in order."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select

from selfdata.store import schema as t


def weighted(tx: Connection, workshop_id: int) -> list[tuple[str, float]]:
    """``(criterion, weight)`` of the workshop's criteria, in order (empty: the deck's)."""
    rows = tx.execute(
        select(t.criteria.c.criterion, t.criteria.c.weight)
        .where(t.criteria.c.workshop_id == workshop_id)
        .order_by(t.criteria.c.position)
    )
    return [(str(c), float(weight)) for c, weight in rows]


def rated_outside(tx: Connection, workshop_id: int, allowed: Sequence[str]) -> str | None:
    """A criterion some rating of this workshop uses that is not in ``allowed``, or ``None``."""
    found = tx.execute(
        select(t.ratings.c.criterion)
        .where(t.ratings.c.workshop_id == workshop_id, t.ratings.c.criterion.not_in(allowed))
        .limit(1)
    ).first()
    return None if found is None else str(found[0])


def replace(tx: Connection, workshop_id: int, weights: Sequence[tuple[str, float]]) -> None:
    """The workshop's criteria become ``weights`` (criterion, weight), in this order."""
    tx.execute(delete(t.criteria).where(t.criteria.c.workshop_id == workshop_id))
    if weights:
        tx.execute(
            insert(t.criteria),
            [
                {"workshop_id": workshop_id, "criterion": c, "weight": float(x), "position": i}
                for i, (c, x) in enumerate(weights, start=1)
            ],
        )
