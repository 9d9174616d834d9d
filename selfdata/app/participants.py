"""Participants: joining a workshop under a pseudonym."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from selfdata.app import access
from selfdata.app import undo as ops
from selfdata.app.access import commit
from selfdata.app.group_items import belongs_to_the_group
from selfdata.app.tables import seat_for_join
from selfdata.app.views import Joined
from selfdata.app.workshops import iso_at, now_iso, seconds_of
from selfdata.domain import credentials
from selfdata.domain.errors import Conflict, LimitExceeded, Locked, NotFound
from selfdata.domain.identity import clean_pseudonym, pseudonym_key
from selfdata.domain.limits import MAX_PARTICIPANTS, ROOM_JOINS_PER_MINUTE
from selfdata.domain.my_data import my_data_document
from selfdata.files.loading import default_decks
from selfdata.store import Store
from selfdata.store import rows as transfer
from selfdata.store import schema as t


def join(store: Store, code: str, pseudonym: str, table: str | None = None) -> Joined:
    """Join with a pseudonym, cleaned by :func:`clean_pseudonym` (NFKC, invisible and bidi
    characters out, 1–40 characters, not blank-looking, not a facilitator's title) and unique
    in the workshop by its look (:func:`pseudonym_key`: case, accents and Unicode
    confusables). Returns the participant id and the token to keep in the URL. Joining stays
    open while input is locked. In a workshop with tables the participant sits at ``table``
    (its id) or, without one, at the least full table."""
    name = clean_pseudonym(pseudonym)
    key = pseudonym_key(name)
    token = credentials.new_token()

    def tx(conn: Connection) -> Joined:
        w = access.workshop_row(conn, code, for_update=True)
        closed = conn.execute(
            select(t.workshops.c.joining_closed).where(t.workshops.c.id == w.id)
        ).scalar_one()
        if closed:
            raise Locked("joining.closed")
        count = conn.execute(  # the waiting have their own places: they keep none from the room
            select(func.count())
            .select_from(t.participants)
            .where(
                t.participants.c.workshop_id == w.id,
                t.participants.c.waiting.is_(bool(w.join_approval)),
            )
        ).scalar_one()
        if count >= MAX_PARTICIPANTS:
            raise LimitExceeded("participants.full", limit=MAX_PARTICIPANTS)
        _check_room_join_rate(conn, w.id)
        waiting = w.join_approval
        taken = conn.execute(
            select(t.participants.c.id).where(
                t.participants.c.workshop_id == w.id,
                t.participants.c.pseudonym_key == key,
            )
        ).first()
        if taken:
            raise Conflict("pseudonym.taken", name=name)
        seat = seat_for_join(conn, w.id, table)
        slug = access.unique_slug(conn, t.participants, w.id, f"p-{secrets.token_hex(3)}")
        conn.execute(
            insert(t.participants).values(
                workshop_id=w.id,
                slug=slug,
                pseudonym=name,
                pseudonym_key=key,
                joined=now_iso(),
                token_hash=credentials.digest(token),
                position=access.next_position(conn, t.participants, w.id),
                table_id=seat,
                waiting=waiting,
            )
        )
        commit(conn, w, actor=slug, action="join")  # no free text in the audit log
        return Joined(participant_id=slug, token=token, pseudonym=name, waiting=waiting)

    return store.write(tx)


def _check_room_join_rate(conn: Connection, workshop_id: int) -> None:
    """At most :data:`ROOM_JOINS_PER_MINUTE` joins in any 60 s, counted from the stored join
    times (so it holds across sessions, replicas and processes); refused with the wait."""
    now = access.clock()
    since = iso_at(now - 60)
    recent = conn.execute(
        select(t.participants.c.joined)
        .where(t.participants.c.workshop_id == workshop_id, t.participants.c.joined > since)
        .order_by(t.participants.c.joined)
        .limit(ROOM_JOINS_PER_MINUTE)
    ).scalars()
    times = list(recent)
    if len(times) >= ROOM_JOINS_PER_MINUTE:
        wait = 60 - (now - seconds_of(times[0]))
        raise LimitExceeded("joining.busy", wait=max(1, int(-(-wait // 1))))


def remove_joined(
    store: Store, code: str, secret: str, since: str, until: str | None = None
) -> int:
    """Facilitator: remove, in one action, everyone who joined at ``since`` or later (and
    before ``until`` when given; ISO times as :func:`now_iso` writes them), with their
    contributions, as :func:`remove_participant` does one by one: for a scripted burst.
    Audited (how many, from when); like a single removal, an erasure, not undone. Returns
    how many were removed."""

    def tx(conn: Connection) -> int:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        query = select(t.participants.c.id, t.participants.c.slug).where(
            t.participants.c.workshop_id == w.id, t.participants.c.joined >= str(since)[:40]
        )
        if until is not None:
            query = query.where(t.participants.c.joined < str(until)[:40])
        gone = conn.execute(query).all()
        for row in gone:
            erase_participant(conn, w.id, int(row.id), str(row.slug))
        detail = {"since": str(since)[:40], "until": until and str(until)[:40], "count": len(gone)}
        commit(conn, w, actor="facilitator", action="remove_joined", detail=detail)
        return len(gone)

    return store.write(tx)


def my_data(store: Store, code: str, token: str) -> dict[str, Any]:
    """Everything the workshop holds about the participant with ``token``, as the portable
    document of :func:`selfdata.domain.my_data.my_data_document` (schema
    ``selfdata-my-data/1``): their pseudonym, when they joined, what they proposed, their
    dots and their ratings — nothing about anyone else."""

    def fn(conn: Connection) -> dict[str, Any]:
        w = access.workshop_row(conn, code)
        p = access.participant_row(conn, w, token)
        workshop = transfer.read_workshop(conn, w.id)
        return my_data_document(workshop, p.slug, default_decks())

    return store.read(fn)


def leave_workshop(store: Store, code: str, token: str) -> None:
    """Leave the workshop and erase what one brought to it (GDPR erasure), allowed even while
    input is locked. In one transaction:

    - one's dots and ratings are deleted (the needs' totals and the ranking are recomputed
      from what remains: the version and ranking counters move);
    - one's proposed sources and needs are deleted; a proposal that belongs to the group
      (another participant's dots on it, or a use case built on it: the rule that refuses
      withdrawing it, :mod:`selfdata.app.group_items`) is kept, with no link to its author;
    - the participant (pseudonym, token) is deleted: the link stops working at once;
    - the audit entries this participant made keep their action and their random id, and
      lose their details.
    """

    def tx(conn: Connection) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        p = access.participant_row(conn, w, token)
        erase_participant(conn, w.id, p.id, p.slug)
        commit(conn, w, actor=p.slug, action="leave")

    store.write(tx)
    store.erase_traces()  # the -wal file too (selfdata/store/engine.py)


def erase_participant(
    conn: Connection, workshop_id: int, participant_id: int, slug: str, *, moderation: bool = False
) -> None:
    """Erase one participant and what they brought (see :func:`leave_workshop`), inside the
    caller's write transaction: used by leaving and by the facilitator's removal
    (``moderation``: a spammer's needs go even with others' dots on them; only what a use
    case is built on stays)."""
    for kind, table in (("need", t.needs), ("source", t.sources)):
        mine = conn.execute(
            select(table.c.id).where(
                table.c.workshop_id == workshop_id, table.c.proposed_by == participant_id
            )
        ).scalars()
        for item_id in list(mine):
            kept = (
                ops.item_in_use(conn, kind, item_id)
                if moderation
                else belongs_to_the_group(conn, kind, item_id, participant_id)
            )
            if kept:
                conn.execute(update(table).where(table.c.id == item_id).values(proposed_by=None))
                continue
            if kind == "need":
                conn.execute(delete(t.votes).where(t.votes.c.need_id == item_id))
            conn.execute(delete(table).where(table.c.id == item_id))
    conn.execute(delete(t.votes).where(t.votes.c.participant_id == participant_id))
    conn.execute(delete(t.ratings).where(t.ratings.c.participant_id == participant_id))
    for table in t.DECISION_TABLES:  # their weights, round 1's ratings, their objection
        conn.execute(delete(table).where(table.c.participant_id == participant_id))
    conn.execute(
        update(t.audit_log)
        .where(t.audit_log.c.workshop_id == workshop_id, t.audit_log.c.actor == slug)
        .values(detail="{}", undo=None)
    )
    conn.execute(delete(t.participants).where(t.participants.c.id == participant_id))


def _participant_by_slug(conn: Connection, workshop_id: int, participant: str) -> tuple[int, str]:
    row = conn.execute(
        select(t.participants.c.id, t.participants.c.slug).where(
            t.participants.c.workshop_id == workshop_id,
            t.participants.c.slug == str(participant)[:64],
        )
    ).first()
    if row is None:
        raise NotFound("participant.unknown", text="participant.gone")
    return int(row.id), str(row.slug)


def remove_participant(store: Store, code: str, secret: str, participant: str) -> None:
    """Facilitator: remove a participant (by id) with their contributions, as if they had
    left and erased them (:func:`leave_workshop`): for a disruptive or scripted participant.
    Their link stops working at once."""

    def tx(conn: Connection) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        pid, slug = _participant_by_slug(conn, w.id, participant)
        erase_participant(conn, w.id, pid, slug, moderation=True)
        commit(conn, w, actor="facilitator", action="remove_participant", detail={"row": pid})

    store.write(tx)
    store.erase_traces()


def hide_participant_proposals(
    store: Store, code: str, secret: str, participant: str, hidden: bool = True
) -> int:
    """Facilitator: hide (or show again) every source and need a participant proposed, in
    one action (moderation in bulk). Returns how many items changed."""

    def tx(conn: Connection) -> int:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        pid, _ = _participant_by_slug(conn, w.id, participant)
        changed = 0
        for table in (t.needs, t.sources):
            changed += conn.execute(
                update(table)
                .where(
                    table.c.workshop_id == w.id,
                    table.c.proposed_by == pid,
                    table.c.hidden.is_not(bool(hidden)),
                )
                .values(hidden=bool(hidden))
            ).rowcount
        commit(
            conn,
            w,
            actor="facilitator",
            action="hide_bulk",
            detail={"row": pid, "hidden": bool(hidden), "items": changed},
        )
        return changed

    return store.write(tx)


def set_joining_open(store: Store, code: str, secret: str, open_: bool) -> None:
    """Facilitator: close joining (no new participant; those in the room carry on) or
    reopen it."""

    def tx(conn: Connection) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        conn.execute(
            update(t.workshops).where(t.workshops.c.id == w.id).values(joining_closed=not open_)
        )
        commit(conn, w, actor="facilitator", action="set_joining", detail={"open": bool(open_)})

    store.write(tx)


def set_join_approval(store: Store, code: str, secret: str, on: bool) -> None:
    """Facilitator: from now on, new participants wait until admitted (:func:`admit`), or
    come in at once again (those waiting stay waiting until admitted or removed)."""

    def tx(conn: Connection) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        conn.execute(
            update(t.workshops).where(t.workshops.c.id == w.id).values(join_approval=bool(on))
        )
        commit(conn, w, actor="facilitator", action="set_join_approval", detail={"on": bool(on)})

    store.write(tx)


def admit(store: Store, code: str, secret: str, participant: str | None = None) -> int:
    """Facilitator: let in one waiting participant (by id), or every one waiting (``None``),
    up to the room's places. Returns how many were admitted."""

    def tx(conn: Connection) -> int:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        who = t.participants.c
        inside = conn.execute(
            select(func.count()).where(who.workshop_id == w.id, who.waiting.is_(False))
        ).scalar_one()
        query = select(who.id).where(who.workshop_id == w.id, who.waiting.is_(True))
        if participant is not None:
            query = query.where(who.slug == str(participant)[:64])
        ids = list(conn.execute(query.order_by(who.joined, who.id)).scalars())
        room = max(0, MAX_PARTICIPANTS - int(inside))
        if participant is not None and ids and not room:
            raise LimitExceeded("participants.full", limit=MAX_PARTICIPANTS)
        ids = ids[:room]
        if ids:
            conn.execute(update(t.participants).where(who.id.in_(ids)).values(waiting=False))
        commit(conn, w, actor="facilitator", action="admit", detail={"count": len(ids)})
        return len(ids)

    return store.write(tx)


def join_approval(store: Store, code: str) -> bool:
    """Whether new participants wait until the facilitator admits them."""
    return store.read(lambda conn: access.workshop_row(conn, code).join_approval)


def joining_open(store: Store, code: str) -> bool:
    """Whether new participants may join (read with the code)."""

    def fn(conn: Connection) -> bool:
        w = access.workshop_row(conn, code)
        closed = conn.execute(
            select(t.workshops.c.joining_closed).where(t.workshops.c.id == w.id)
        ).scalar_one()
        return not closed

    return store.read(fn)
