"""Participants: joining a workshop under a pseudonym."""

from __future__ import annotations

import secrets
from typing import Any

from selfdata.app import access
from selfdata.app import operations as ops
from selfdata.app.access import commit
from selfdata.app.group_items import belongs_to_the_group
from selfdata.app.read_models import Joined
from selfdata.app.tables import seat_for_join
from selfdata.app.workshops import iso_at, now_iso, seconds_of
from selfdata.domain import credentials
from selfdata.domain.errors import Conflict, LimitExceeded, Locked, NotFound
from selfdata.domain.identity import clean_pseudonym, pseudonym_key
from selfdata.domain.limits import MAX_PARTICIPANTS, ROOM_JOINS_PER_MINUTE
from selfdata.domain.my_data import my_data_document
from selfdata.files.loading import default_decks
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import cards, decisions, items, ratings, votes, workshops
from selfdata.store.queries import participants as people


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

    def write(tx: Tx) -> Joined:
        w = access.workshop_row(tx, code, for_update=True)
        if w.joining_closed:  # the row just read and locked
            raise Locked("joining.closed")
        # the waiting have their own places: they keep none from the room
        if people.count(tx, w.id, waiting=w.join_approval) >= MAX_PARTICIPANTS:
            raise LimitExceeded("participants.full", limit=MAX_PARTICIPANTS)
        _check_room_join_rate(tx, w.id)
        waiting = w.join_approval
        if people.name_taken(tx, w.id, key):
            raise Conflict("pseudonym.taken", name=name)
        seat = seat_for_join(tx, w.id, table)
        slug = access.unique_slug(tx, "participants", w.id, f"p-{secrets.token_hex(3)}")
        people.add(
            tx,
            w.id,
            slug,
            pseudonym=name,
            key=key,
            joined=now_iso(),
            token_hash=credentials.digest(token),
            table_id=seat,
            waiting=waiting,
        )
        commit(tx, w, actor=slug, action="join")  # no free text in the audit log
        return Joined(participant_id=slug, token=token, pseudonym=name, waiting=waiting)

    return store.write(write)


def _check_room_join_rate(tx: Tx, workshop_id: int) -> None:
    """At most :data:`ROOM_JOINS_PER_MINUTE` joins in any 60 s, counted from the stored join
    times (so it holds across sessions, replicas and processes); refused with the wait."""
    now = access.clock()
    since = iso_at(now - 60)
    times = people.joined_since(tx, workshop_id, since, ROOM_JOINS_PER_MINUTE)
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

    def write(tx: Tx) -> int:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        end = None if until is None else str(until)[:40]
        gone = people.joined_between(tx, w.id, str(since)[:40], end)
        for pid, slug in gone:
            erase_participant(tx, w.id, pid, slug)
        detail = {"since": str(since)[:40], "until": until and str(until)[:40], "count": len(gone)}
        commit(tx, w, actor="facilitator", action="remove_joined", detail=detail)
        return len(gone)

    return store.write(write)


def my_data(store: Store, code: str, token: str) -> dict[str, Any]:
    """Everything the workshop holds about the participant with ``token``, as the portable
    document of :func:`selfdata.domain.my_data.my_data_document` (schema
    ``selfdata-my-data/1``): their pseudonym, when they joined, what they proposed, their
    dots and their ratings — nothing about anyone else."""

    def fn(tx: Tx) -> dict[str, Any]:
        w = access.workshop_row(tx, code)
        p = access.participant_row(tx, w, token)
        workshop = transfer.read_workshop(tx, w.id)
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

    def write(tx: Tx) -> None:
        w = access.workshop_row(tx, code, for_update=True)
        p = access.participant_row(tx, w, token)
        erase_participant(tx, w.id, p.id, p.slug)
        commit(tx, w, actor=p.slug, action="leave")

    store.write(write)
    store.erase_traces()  # the -wal file too (selfdata/store/engine.py)


def erase_participant(
    tx: Tx, workshop_id: int, participant_id: int, slug: str, *, moderation: bool = False
) -> None:
    """Erase one participant and what they brought (see :func:`leave_workshop`), inside the
    caller's write transaction: used by leaving and by the facilitator's removal
    (``moderation``: a spammer's needs go even with others' dots on them; only what a use
    case is built on stays)."""
    order: tuple[tuple[str, cards.CardKind], ...] = (("need", "needs"), ("source", "sources"))
    for kind, kinds in order:
        for item_id in cards.proposed_by(tx, kinds, workshop_id, participant_id):
            kept = (
                ops.item_in_use(tx, kind, item_id)
                if moderation
                else belongs_to_the_group(tx, kind, item_id, participant_id)
            )
            if kept:
                cards.disown(tx, kinds, item_id)
                continue
            if kind == "need":
                votes.clear_need(tx, item_id)
            cards.remove(tx, kinds, item_id)
    votes.clear_participant(tx, participant_id)
    ratings.clear_participant(tx, participant_id)
    decisions.clear_participant(tx, participant_id)  # weights, round 1's ratings, objection
    workshops.forget_details_of(tx, workshop_id, slug)
    people.remove(tx, participant_id)


def _participant_by_slug(tx: Tx, workshop_id: int, participant: str) -> tuple[int, str]:
    row = items.by_slug(tx, "participants", workshop_id, str(participant)[:64])
    if row is None:
        raise NotFound("participant.unknown", text="participant.gone")
    return int(row.id), str(row.slug)


def remove_participant(store: Store, code: str, secret: str, participant: str) -> None:
    """Facilitator: remove a participant (by id) with their contributions, as if they had
    left and erased them (:func:`leave_workshop`): for a disruptive or scripted participant.
    Their link stops working at once."""

    def write(tx: Tx) -> None:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        pid, slug = _participant_by_slug(tx, w.id, participant)
        erase_participant(tx, w.id, pid, slug, moderation=True)
        commit(tx, w, actor="facilitator", action="remove_participant", detail={"row": pid})

    store.write(write)
    store.erase_traces()


def hide_participant_proposals(
    store: Store, code: str, secret: str, participant: str, hidden: bool = True
) -> int:
    """Facilitator: hide (or show again) every source and need a participant proposed, in
    one action (moderation in bulk). Returns how many items changed."""

    def write(tx: Tx) -> int:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        pid, _ = _participant_by_slug(tx, w.id, participant)
        changed = sum(
            cards.hide_proposed_by(tx, kinds, w.id, pid, bool(hidden))
            for kinds in ("needs", "sources")
        )
        commit(
            tx,
            w,
            actor="facilitator",
            action="hide_bulk",
            detail={"row": pid, "hidden": bool(hidden), "items": changed},
        )
        return changed

    return store.write(write)


def set_joining_open(store: Store, code: str, secret: str, open_: bool) -> None:
    """Facilitator: close joining (no new participant; those in the room carry on) or
    reopen it."""

    def write(tx: Tx) -> None:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        workshops.set_joining(tx, w.id, closed=not open_)
        commit(tx, w, actor="facilitator", action="set_joining", detail={"open": bool(open_)})

    store.write(write)


def set_join_approval(store: Store, code: str, secret: str, on: bool) -> None:
    """Facilitator: from now on, new participants wait until admitted (:func:`admit`), or
    come in at once again (those waiting stay waiting until admitted or removed)."""

    def write(tx: Tx) -> None:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        workshops.set_joining(tx, w.id, approval=bool(on))
        commit(tx, w, actor="facilitator", action="set_join_approval", detail={"on": bool(on)})

    store.write(write)


def admit(store: Store, code: str, secret: str, participant: str | None = None) -> int:
    """Facilitator: let in one waiting participant (by id), or every one waiting (``None``),
    up to the room's places. Returns how many were admitted."""

    def write(tx: Tx) -> int:
        w = access.workshop_row(tx, code, for_update=True)
        access.require_facilitator(w, secret)
        inside = people.count(tx, w.id, waiting=False)
        slug = None if participant is None else str(participant)[:64]
        ids = people.waiting_ids(tx, w.id, slug)
        room = max(0, MAX_PARTICIPANTS - inside)
        if participant is not None and ids and not room:
            raise LimitExceeded("participants.full", limit=MAX_PARTICIPANTS)
        ids = ids[:room]
        people.admit(tx, ids)
        commit(tx, w, actor="facilitator", action="admit", detail={"count": len(ids)})
        return len(ids)

    return store.write(write)


def join_approval(store: Store, code: str) -> bool:
    """Whether new participants wait until the facilitator admits them."""
    return store.read(lambda tx: access.workshop_row(tx, code).join_approval)


def joining_open(store: Store, code: str) -> bool:
    """Whether new participants may join (read with the code)."""

    return store.read(lambda tx: not access.workshop_row(tx, code).joining_closed)
