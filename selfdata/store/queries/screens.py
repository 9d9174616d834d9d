"""What the screens read on every rerun (:mod:`selfdata.app.reads`): the room's pulse, who
is in it, the dots, the proposals, one's own ratings, the audit log. The hot statements are
built once with bound parameters (building a select costs more than running it on SQLite:
docs/load.md)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import BindParameter, Connection, Row, bindparam, func, select

from selfdata.store import schema as t

_WID: BindParameter[int] = bindparam("wid")
_PULSE = select(
    t.workshops.c.version,
    t.workshops.c.expires_at,
    t.workshops.c.step,
    t.workshops.c.locked,
    t.workshops.c.timer_end,
    t.workshops.c.revealed,
    t.workshops.c.settings_version,
    t.workshops.c.ranking_version,
    t.workshops.c.shared_version,
    select(func.count())
    .select_from(t.needs)
    .where(t.needs.c.workshop_id == t.workshops.c.id)
    .scalar_subquery()
    .label("needs"),
).where(t.workshops.c.code == bindparam("code"))
_IN_ROOM = (  # the room's count: those still waiting to be let in are not in it
    select(func.count())
    .select_from(t.participants)
    .where(t.participants.c.workshop_id == _WID, t.participants.c.waiting.is_(False))
)
_PSEUDONYMS = select(t.participants.c.id, t.participants.c.slug, t.participants.c.pseudonym).where(
    t.participants.c.workshop_id == _WID
)
_VOTES = select(t.votes.c.participant_id, t.votes.c.need_id, t.votes.c.dots).where(
    t.votes.c.workshop_id == _WID
)
_SEATS = select(t.participants.c.id, t.participants.c.table_id).where(
    t.participants.c.workshop_id == _WID, t.participants.c.table_id.is_not(None)
)
_PROPOSALS = tuple(
    select(table.c.proposed_by, func.count())
    .where(table.c.workshop_id == _WID, table.c.proposed_by.is_not(None))
    .group_by(table.c.proposed_by)
    for table in (t.sources, t.needs)
)


def pulse(tx: Connection, code: str | None) -> Row[Any] | None:
    """The workshop's counters, step, lock, timer, reveals and number of needs, in one
    indexed select (``None``: no workshop under this normalised code)."""
    return cast("Row[Any] | None", tx.execute(_PULSE, {"code": code}).first())


def in_room(tx: Connection, workshop_id: int) -> int:
    """How many participants are in the room (not waiting to be let in)."""
    return int(tx.execute(_IN_ROOM, {"wid": workshop_id}).scalar_one())


def pseudonyms(tx: Connection, workshop_id: int) -> list[tuple[int, str, str]]:
    """``(row id, id, pseudonym)`` of every participant."""
    return [(int(p), str(s), str(n)) for p, s, n in tx.execute(_PSEUDONYMS, {"wid": workshop_id})]


def dots(tx: Connection, workshop_id: int) -> list[tuple[int, int, int]]:
    """``(participant row id, need row id, dots)`` of every vote of the workshop."""
    return [(int(p), int(n), int(d)) for p, n, d in tx.execute(_VOTES, {"wid": workshop_id})]


def seats(tx: Connection, workshop_id: int) -> dict[int, int]:
    """Participant row id -> table row id, for those seated at a table."""
    return {int(p): int(s) for p, s in tx.execute(_SEATS, {"wid": workshop_id})}


def proposal_counts(tx: Connection, workshop_id: int) -> dict[int, int]:
    """Participant row id -> how many sources and needs they proposed."""
    counts: dict[int, int] = {}
    for query in _PROPOSALS:
        for pid, n in tx.execute(query, {"wid": workshop_id}):
            counts[int(pid)] = counts.get(int(pid), 0) + int(n)
    return counts


def table_info(tx: Connection, table_id: int) -> Row[Any] | None:
    """The ``slug``, ``name`` and ``colour`` of a table, or ``None``."""
    c = t.tables.c
    found = tx.execute(select(c.slug, c.name, c.colour).where(c.id == table_id)).first()
    return cast("Row[Any] | None", found)


def participants_with_tables(tx: Connection, workshop_id: int) -> list[Row[Any]]:
    """Every participant in joining order (``id``, ``slug``, ``pseudonym``, ``joined``,
    ``waiting``) with their table's ``table_slug``, ``table_name``, ``table_colour``."""
    p = t.participants.c
    return list(
        tx.execute(
            select(
                p.id,
                p.slug,
                p.pseudonym,
                p.joined,
                p.waiting,
                t.tables.c.slug.label("table_slug"),
                t.tables.c.name.label("table_name"),
                t.tables.c.colour.label("table_colour"),
            )
            .select_from(t.participants.outerjoin(t.tables))
            .where(p.workshop_id == workshop_id)
            .order_by(p.position)
        )
    )


def my_ratings(tx: Connection, workshop_id: int, participant_id: int) -> dict[tuple[str, str], int]:
    """``(scenario id, criterion) -> value`` of this participant's ratings."""
    r = t.ratings.c
    query = (
        select(t.scenarios.c.slug, r.criterion, r.value)
        .join(t.scenarios, t.scenarios.c.id == r.scenario_id)
        .where(r.workshop_id == workshop_id, r.participant_id == participant_id)
    )
    return {(slug, crit): int(value) for slug, crit, value in tx.execute(query)}


def raters(tx: Connection, workshop_id: int) -> int:
    """How many participants rated something."""
    return rating_counts(tx, workshop_id)[0]


def rating_counts(tx: Connection, workshop_id: int) -> tuple[int, int]:
    """How many participants rated something, and how many ratings were given."""
    r = t.ratings.c
    query = select(func.count(func.distinct(r.participant_id)), func.count()).where(
        r.workshop_id == workshop_id
    )
    raters, given = tx.execute(query).one()
    return int(raters), int(given)


def audit_entries(tx: Connection, workshop_id: int, limit: int) -> list[Row[Any]]:
    """The latest ``limit`` audit entries, newest first."""
    log = t.audit_log.c
    return list(
        tx.execute(
            select(t.audit_log)
            .where(log.workshop_id == workshop_id)
            .order_by(log.id.desc())
            .limit(limit)
        )
    )
