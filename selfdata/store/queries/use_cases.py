"""Use cases (a need of the board served by sources of the inventory): written, read back for
undo, linked to their sources and tables, deleted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from selfdata.store import schema as t
from selfdata.store.schema import dumps

_CASES = t.use_cases
_LINKS = t.use_case_sources


def _row(values: Mapping[str, Any]) -> dict[str, Any]:
    row = dict(values)
    if "governance_answers" in row:
        row["governance_answers"] = dumps(row["governance_answers"])
    return row


def count(tx: Connection, workshop_id: int) -> int:
    return int(
        tx.execute(
            select(func.count()).select_from(_CASES).where(_CASES.c.workshop_id == workshop_id)
        ).scalar_one()
    )


def need_slug(tx: Connection, need_id: int) -> str:
    """The slug of a use case's need."""
    return str(tx.execute(select(t.needs.c.slug).where(t.needs.c.id == need_id)).scalar_one())


def source_slugs(tx: Connection, use_case_id: int) -> list[str]:
    """The slugs of a use case's sources, in its order."""
    return [
        str(s)
        for (s,) in tx.execute(
            select(t.sources.c.slug)
            .join(_LINKS, _LINKS.c.source_id == t.sources.c.id)
            .where(_LINKS.c.use_case_id == use_case_id)
            .order_by(_LINKS.c.position)
        )
    ]


def insert_case(
    tx: Connection, workshop_id: int, slug: str, position: int, values: Mapping[str, Any]
) -> int:
    """A new use case (``values``: title, description, need_id, governance_answers as a
    dict, governance_choice); returns its row id."""
    created = tx.execute(
        insert(_CASES).values(workshop_id=workshop_id, slug=slug, position=position, **_row(values))
    )
    return int(created.inserted_primary_key[0])  # type: ignore[index]


def update_case(tx: Connection, use_case_id: int, values: Mapping[str, Any]) -> None:
    tx.execute(update(_CASES).where(_CASES.c.id == use_case_id).values(**_row(values)))


def set_sources(tx: Connection, use_case_id: int, source_ids: Sequence[int]) -> None:
    """The use case's sources become these (row ids), in this order."""
    tx.execute(delete(_LINKS).where(_LINKS.c.use_case_id == use_case_id))
    tx.execute(
        insert(_LINKS),
        [
            {"use_case_id": use_case_id, "source_id": sid, "position": i}
            for i, sid in enumerate(source_ids, start=1)
        ],
    )


def used_by_scenario(tx: Connection, use_case_id: int) -> bool:
    query = select(t.scenarios.c.id).where(t.scenarios.c.use_case_id == use_case_id).limit(1)
    return tx.execute(query).first() is not None


def delete_case(tx: Connection, use_case_id: int) -> None:
    """Delete a use case and its links to its sources."""
    tx.execute(delete(_LINKS).where(_LINKS.c.use_case_id == use_case_id))
    tx.execute(delete(_CASES).where(_CASES.c.id == use_case_id))


def set_table(tx: Connection, workshop_id: int, slug: str, table_id: int | None) -> None:
    """Give the use case ``slug`` to a table (``None``: the whole room)."""
    tx.execute(
        update(_CASES)
        .where(_CASES.c.workshop_id == workshop_id, _CASES.c.slug == slug)
        .values(table_id=table_id)
    )
