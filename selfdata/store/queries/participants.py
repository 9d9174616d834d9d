"""Participants' rows: found by their token's digest, counted, added, admitted, removed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from selfdata.store import schema as t
from selfdata.store.queries import items


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    slug: str
    pseudonym: str
    joined: str | None
    table_id: int | None = None
    """The participant's table (``None``: no table, as in a room without tables)."""
    waiting: bool = False
    """Joined while arrivals are approved, not admitted yet: may read, may not act."""


_BY_TOKEN = select(
    t.participants.c.id,
    t.participants.c.slug,
    t.participants.c.pseudonym,
    t.participants.c.joined,
    t.participants.c.table_id,
    t.participants.c.waiting,
).where(
    t.participants.c.token_hash == bindparam("token_hash"),
    t.participants.c.workshop_id == bindparam("workshop_id"),
)


def by_token_hash(tx: Connection, workshop_id: int, token_hash: str) -> ParticipantRow | None:
    """The participant of this workshop whose token has this digest, or ``None``."""
    row = tx.execute(_BY_TOKEN, {"token_hash": token_hash, "workshop_id": workshop_id}).first()
    if row is None:
        return None
    return ParticipantRow(
        id=row.id,
        slug=row.slug,
        pseudonym=row.pseudonym,
        joined=row.joined,
        table_id=row.table_id,
        waiting=bool(row.waiting),
    )


_P = t.participants.c


def count(tx: Connection, workshop_id: int, *, waiting: bool) -> int:
    """How many participants of this workshop wait to be admitted (``waiting``) or are in."""
    return int(
        tx.execute(
            select(func.count())
            .select_from(t.participants)
            .where(_P.workshop_id == workshop_id, _P.waiting.is_(bool(waiting)))
        ).scalar_one()
    )


def joined_since(tx: Connection, workshop_id: int, since: str, limit: int) -> list[str]:
    """The join times (ISO text) after ``since``, earliest first, at most ``limit``."""
    found = tx.execute(
        select(_P.joined)
        .where(_P.workshop_id == workshop_id, _P.joined > since)
        .order_by(_P.joined)
        .limit(limit)
    ).scalars()
    return [str(x) for x in found]


def name_taken(tx: Connection, workshop_id: int, key: str) -> bool:
    """Whether a participant of this workshop has a pseudonym with this look-alike key."""
    found = tx.execute(
        select(_P.id).where(_P.workshop_id == workshop_id, _P.pseudonym_key == key)
    ).first()
    return found is not None


def add(
    tx: Connection,
    workshop_id: int,
    slug: str,
    *,
    pseudonym: str,
    key: str,
    joined: str,
    token_hash: str,
    table_id: int | None,
    waiting: bool,
) -> None:
    """A new participant, placed last."""
    tx.execute(
        insert(t.participants).values(
            workshop_id=workshop_id,
            slug=slug,
            pseudonym=pseudonym,
            pseudonym_key=key,
            joined=joined,
            token_hash=token_hash,
            position=items.next_position(tx, "participants", workshop_id),
            table_id=table_id,
            waiting=waiting,
        )
    )


def joined_between(
    tx: Connection, workshop_id: int, since: str, until: str | None
) -> list[tuple[int, str]]:
    """``(id, slug)`` of those who joined at ``since`` or later (and before ``until``)."""
    query = select(_P.id, _P.slug).where(_P.workshop_id == workshop_id, _P.joined >= since)
    if until is not None:
        query = query.where(_P.joined < until)
    return [(int(row.id), str(row.slug)) for row in tx.execute(query)]


def waiting_ids(tx: Connection, workshop_id: int, slug: str | None = None) -> list[int]:
    """The participants waiting to be admitted (only ``slug``'s if given), first come first."""
    query = select(_P.id).where(_P.workshop_id == workshop_id, _P.waiting.is_(True))
    if slug is not None:
        query = query.where(_P.slug == slug)
    return [int(x) for x in tx.execute(query.order_by(_P.joined, _P.id)).scalars()]


def admit(tx: Connection, ids: list[int]) -> None:
    """These participants wait no more."""
    if ids:
        tx.execute(update(t.participants).where(_P.id.in_(ids)).values(waiting=False))


def remove(tx: Connection, participant_id: int) -> None:
    """Delete the participant's row (pseudonym and token: their link stops working)."""
    tx.execute(delete(t.participants).where(_P.id == participant_id))
