"""Scenarios (a use case, a governance model, a scope) and their ratings, as the facilitator
writes, deletes and restores them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from selfdata.store import schema as t
from selfdata.store.schema import dumps

_SCENARIOS = t.scenarios
_OPTIONAL_JSON = ("action_plan", "city_roles", "city_actors")


def _row(values: Mapping[str, Any]) -> dict[str, Any]:
    """Columns to write: ``partners`` (a list), ``network_edits`` and the optional plan,
    roles and actors (``None`` or JSON data) are stored as JSON text."""
    row = dict(values)
    if "partners" in row:
        row["partners"] = dumps(list(row["partners"]))
    if "network_edits" in row:
        row["network_edits"] = dumps(row["network_edits"])
    for key in _OPTIONAL_JSON:
        if key in row and row[key] is not None:
            row[key] = dumps(row[key])
    return row


def count(tx: Connection, workshop_id: int) -> int:
    return int(
        tx.execute(
            select(func.count())
            .select_from(_SCENARIOS)
            .where(_SCENARIOS.c.workshop_id == workshop_id)
        ).scalar_one()
    )


def titles(tx: Connection, workshop_id: int) -> list[tuple[str, str]]:
    """``(slug, title)`` of the workshop's scenarios."""
    rows = tx.execute(
        select(_SCENARIOS.c.slug, _SCENARIOS.c.title).where(_SCENARIOS.c.workshop_id == workshop_id)
    )
    return [(str(slug), str(title)) for slug, title in rows]


def use_case_slug(tx: Connection, use_case_id: int) -> str:
    """The slug of a scenario's use case."""
    found = tx.execute(select(t.use_cases.c.slug).where(t.use_cases.c.id == use_case_id))
    return str(found.scalar_one())


def insert_scenario(
    tx: Connection, workshop_id: int, slug: str, position: int, values: Mapping[str, Any]
) -> int:
    """A new scenario (``values``: its columns, JSON ones as data); returns its row id."""
    created = tx.execute(
        insert(_SCENARIOS).values(
            workshop_id=workshop_id, slug=slug, position=position, **_row(values)
        )
    )
    return int(created.inserted_primary_key[0])  # type: ignore[index]


def update_scenario(tx: Connection, scenario_id: int, values: Mapping[str, Any]) -> None:
    tx.execute(update(_SCENARIOS).where(_SCENARIOS.c.id == scenario_id).values(**_row(values)))


def ratings_of(tx: Connection, scenario_id: int) -> list[dict[str, Any]]:
    """The scenario's ratings as undo restores them: participant (slug), criterion, value,
    position."""
    rows = tx.execute(
        select(
            t.participants.c.slug,
            t.ratings.c.criterion,
            t.ratings.c.value,
            t.ratings.c.position,
        )
        .join(t.participants, t.participants.c.id == t.ratings.c.participant_id)
        .where(t.ratings.c.scenario_id == scenario_id)
        .order_by(t.ratings.c.position)
    )
    return [
        {"participant": p, "criterion": c, "value": int(v), "position": int(pos)}
        for p, c, v, pos in rows
    ]


def restore_ratings(
    tx: Connection, workshop_id: int, scenario_id: int, ratings: Sequence[Mapping[str, Any]]
) -> None:
    """Put back ratings read by :func:`ratings_of`; those of a participant who is gone are
    dropped."""
    people = {
        slug: pid
        for slug, pid in tx.execute(
            select(t.participants.c.slug, t.participants.c.id).where(
                t.participants.c.workshop_id == workshop_id
            )
        )
    }
    rows = [
        {
            "workshop_id": workshop_id,
            "participant_id": people[r["participant"]],
            "scenario_id": scenario_id,
            "criterion": r["criterion"],
            "value": r["value"],
            "position": r["position"],
        }
        for r in ratings
        if r["participant"] in people
    ]
    if rows:
        tx.execute(insert(t.ratings), rows)


def delete_scenario(tx: Connection, scenario_id: int) -> None:
    """Delete a scenario and its ratings."""
    tx.execute(delete(t.ratings).where(t.ratings.c.scenario_id == scenario_id))
    tx.execute(delete(_SCENARIOS).where(_SCENARIOS.c.id == scenario_id))
