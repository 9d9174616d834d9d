"""Sources and needs, the cards a workshop holds (``kind`` ``"sources"`` or ``"needs"``):
counted, added, deleted, found by who proposed them; their stored card and flags, and
whether a use case uses them."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from selfdata.store import schema as t
from selfdata.store import transfer
from selfdata.store.queries import items
from selfdata.store.schema import dumps

CardKind = Literal["sources", "needs"]

_TABLES: dict[str, Table] = {"sources": t.sources, "needs": t.needs}


def shown_count(tx: Connection, kind: CardKind, workshop_id: int) -> int:
    """How many of this workshop's ``kind`` are not hidden."""
    table = _TABLES[kind]
    return int(
        tx.execute(
            select(func.count())
            .select_from(table)
            .where(table.c.workshop_id == workshop_id, table.c.hidden.is_(False))
        ).scalar_one()
    )


def shown_and_proposed_by(
    tx: Connection, kind: CardKind, workshop_id: int, participant_id: int
) -> tuple[int, int]:
    """How many ``kind`` are not hidden, and how many this participant proposed (hidden or
    not), in one query."""
    table = _TABLES[kind]
    shown, mine = tx.execute(
        select(
            func.count().filter(table.c.hidden.is_(False)),
            func.count().filter(table.c.proposed_by == participant_id),
        ).where(table.c.workshop_id == workshop_id)
    ).one()
    return int(shown), int(mine)


def proposal_count(tx: Connection, workshop_id: int, participant_id: int) -> int:
    """How many sources and needs this participant proposed (hidden ones too)."""
    return sum(
        int(
            tx.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.workshop_id == workshop_id, table.c.proposed_by == participant_id)
            ).scalar_one()
        )
        for table in (t.sources, t.needs)
    )


def id_of(tx: Connection, kind: CardKind, workshop_id: int, slug: str) -> int | None:
    """The row number of this workshop's ``kind`` with this slug, or ``None``."""
    table = _TABLES[kind]
    found = tx.execute(
        select(table.c.id).where(table.c.workshop_id == workshop_id, table.c.slug == slug)
    ).scalar()
    return None if found is None else int(found)


def add(
    tx: Connection,
    kind: CardKind,
    workshop_id: int,
    slug: str,
    *,
    proposed_by: int | None,
    card: dict[str, Any] | None,
    table_id: int | None = None,
) -> None:
    """Put a card last on the list: ``card`` is the item's own copy (``None``: the deck's
    card of that slug); a source is selected; a need proposed at a table (``table_id``)
    belongs to it."""
    table = _TABLES[kind]
    values: dict[str, Any] = {"card": None if card is None else t.dumps(card)}
    if kind == "sources":
        values["selected"] = True
    elif table_id is not None:
        values["table_id"] = table_id
    tx.execute(
        insert(table).values(
            workshop_id=workshop_id,
            slug=slug,
            proposed_by=proposed_by,
            hidden=False,
            position=items.next_position(tx, kind, workshop_id),
            **values,
        )
    )


def remove(tx: Connection, kind: CardKind, item_id: int) -> None:
    """Delete the ``kind`` row ``item_id``."""
    table = _TABLES[kind]
    tx.execute(delete(table).where(table.c.id == item_id))


def proposed_by(tx: Connection, kind: CardKind, workshop_id: int, participant_id: int) -> list[int]:
    """The row numbers of the ``kind`` this participant proposed."""
    table = _TABLES[kind]
    found = tx.execute(
        select(table.c.id).where(
            table.c.workshop_id == workshop_id, table.c.proposed_by == participant_id
        )
    ).scalars()
    return [int(x) for x in found]


def disown(tx: Connection, kind: CardKind, item_id: int) -> None:
    """Keep the ``kind`` row ``item_id`` with no link to who proposed it."""
    table = _TABLES[kind]
    tx.execute(update(table).where(table.c.id == item_id).values(proposed_by=None))


def hide_proposed_by(
    tx: Connection, kind: CardKind, workshop_id: int, participant_id: int, hidden: bool
) -> int:
    """Hide (or show again) every ``kind`` this participant proposed; returns how many
    changed."""
    table = _TABLES[kind]
    return int(
        tx.execute(
            update(table)
            .where(
                table.c.workshop_id == workshop_id,
                table.c.proposed_by == participant_id,
                table.c.hidden.is_not(bool(hidden)),
            )
            .values(hidden=bool(hidden))
        ).rowcount
    )


def in_order(tx: Connection, kind: CardKind, workshop_id: int) -> list[Any]:
    """The workshop's ``kind`` rows in their order (``position``)."""
    return transfer.ordered_rows(tx, _TABLES[kind], workshop_id)


def stored_cards(tx: Connection, kind: CardKind, workshop_id: int) -> list[str]:
    """The stored card (JSON text) of every ``kind`` row of this workshop that has one, in
    the table's order."""
    table = _TABLES[kind]
    return list(
        tx.execute(
            select(table.c.card)
            .where(table.c.workshop_id == workshop_id, table.c.card.is_not(None))
            .order_by(table.c.position)
        ).scalars()
    )


def set_card(
    tx: Connection,
    kind: CardKind,
    workshop_id: int,
    slug: str,
    card: dict[str, Any],
    *,
    from_deck_only: bool = False,
) -> None:
    """Store ``card`` (its JSON form) on the item ``slug``; with ``from_deck_only``, only if
    it came from the deck (no participant proposed it)."""
    table = _TABLES[kind]
    where = [table.c.workshop_id == workshop_id, table.c.slug == slug]
    if from_deck_only:
        where.append(table.c.proposed_by.is_(None))
    tx.execute(update(table).where(*where).values(card=dumps(card)))


def add_from_file(
    tx: Connection, kind: CardKind, workshop_id: int, slug: str, card: dict[str, Any], position: int
) -> None:
    """Put a card read from the city's file on the table (a source comes selected)."""
    values: dict[str, Any] = {"card": dumps(card)}
    if kind == "sources":
        values["selected"] = True
    tx.execute(
        insert(_TABLES[kind]).values(
            workshop_id=workshop_id,
            slug=slug,
            proposed_by=None,
            hidden=False,
            position=position,
            **values,
        )
    )


def set_flag(tx: Connection, kind: CardKind, item_id: int, field: str, value: bool) -> None:
    """Set the ``hidden`` or ``selected`` flag of an item."""
    table = _TABLES[kind]
    tx.execute(update(table).where(table.c.id == item_id).values({field: value}))


def in_use(tx: Connection, kind: CardKind, item_id: int) -> bool:
    """Whether a use case uses this source or this need."""
    if kind == "sources":
        query = select(t.use_case_sources.c.use_case_id).where(
            t.use_case_sources.c.source_id == item_id
        )
    else:
        query = select(t.use_cases.c.id).where(t.use_cases.c.need_id == item_id)
    return tx.execute(query.limit(1)).first() is not None


def need_table(tx: Connection, workshop_id: int, slug: str) -> int | None:
    """The table the need ``slug`` belongs to (``None``: the whole room's, or no such need)."""
    found = tx.execute(
        select(t.needs.c.table_id).where(
            t.needs.c.workshop_id == workshop_id, t.needs.c.slug == slug
        )
    ).scalar()
    return None if found is None else int(found)
