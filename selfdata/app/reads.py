"""Reads for each screen, built in one read transaction each (a consistent snapshot).

Who is looking is decided from the credentials given: ``secret`` (checked: a wrong one is
refused) makes the facilitator, ``token`` a participant, neither the projector.
"""

from __future__ import annotations

import json
from typing import Any

from selfdata.app import access, outcomes
from selfdata.app.operations import can_undo, next_undo
from selfdata.app.projector import parse_projector
from selfdata.app.read_models import (
    AuditEntry,
    CredentialCheck,
    InventoryView,
    NeedItem,
    NeedsBoard,
    ParticipantInfo,
    ParticipantList,
    RoomPulse,
    RoomState,
    ScenarioRatings,
    ScenariosView,
    SourceItem,
    TableInfo,
    UseCasesView,
)
from selfdata.app.tables import table_id
from selfdata.domain import visibility
from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.credentials import normalise_code
from selfdata.domain.errors import SelfDataError
from selfdata.domain.workshop import Workshop
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import cards, screens
from selfdata.store.queries.workshops import WorkshopRow

_viewer = outcomes.proven_role


def version(store: Store, code: str) -> int:
    """The workshop's version counter (one indexed select: see :func:`room_pulse`)."""
    return room_pulse(store, code).version


def room_pulse(store: Store, code: str) -> RoomPulse:
    """What a polling screen compares with what it drew: the version counter and the room's
    step, lock, timer and reveals, in one indexed select (live screens poll it)."""

    def fn(conn: Tx) -> RoomPulse:
        norm = normalise_code(code) if isinstance(code, str) else None
        row = screens.pulse(conn, norm)
        if row is None:
            raise access.no_workshop()
        now = access.clock()
        if row.expires_at is not None and now >= row.expires_at:
            access.workshop_row(conn, code)  # raises Expired with its message
        timer_end = None if row.timer_end is None else float(row.timer_end)
        return RoomPulse(
            version=int(row.version),
            step=row.step,
            locked=bool(row.locked) or (timer_end is not None and now >= timer_end),
            timer_end=timer_end,
            revealed=tuple(json.loads(row.revealed or "[]")),
            settings_version=int(row.settings_version),
            ranking_version=int(row.ranking_version),
            needs=int(row.needs),
            shared_version=int(row.shared_version),
        )

    return store.read(fn)


def room_state(store: Store, code: str) -> RoomState:
    """Header data of every screen (code only: the projector uses it)."""

    def fn(conn: Tx) -> RoomState:
        return _room_state(conn, access.workshop_row(conn, code), undo=True)

    return store.read(fn)


def _room_state(conn: Tx, w: WorkshopRow, *, undo: bool) -> RoomState:
    count = screens.in_room(conn, w.id)
    now = access.clock()
    return RoomState(
        code=w.code,
        title=w.title,
        territory=w.territory,
        theme=w.theme,
        description=w.description,
        language=w.language,
        illustrative=w.illustrative,
        step=w.step,
        locked=w.input_locked(now),
        locked_by_facilitator=w.locked,
        timer_end=w.timer_end,
        timer_remaining=None if w.timer_end is None else max(0.0, w.timer_end - now),
        revealed=w.revealed,
        participants=int(count),
        vote_budget=w.vote_budget,
        vote_cap=w.vote_cap,
        version=w.version,
        ranking_version=w.ranking_version,
        can_undo=undo and can_undo(conn, w),
        projector=parse_projector(w.projector),
        settings_version=w.settings_version,
        next_undo=next_undo(conn, w) if undo else None,
        show_pseudonyms=w.show_pseudonyms,
    )


def credential_check(
    store: Store, code: str, *, secret: str | None = None, token: str | None = None
) -> CredentialCheck:
    """The room and the viewer behind ``secret`` / ``token`` in one read (every rerun of
    every screen starts here). ``room.can_undo`` is only looked up for the facilitator.
    Raises as :func:`room_state` does when the code names no open workshop."""

    def fn(conn: Tx) -> CredentialCheck:
        w = access.workshop_row(conn, code)
        facilitator = False
        secret_problem: SelfDataError | None = None
        if secret is not None:
            try:
                access.require_facilitator(w, secret)
                facilitator = True
            except SelfDataError as err:
                secret_problem = err
        me: ParticipantInfo | None = None
        token_problem: SelfDataError | None = None
        if token is not None and not facilitator:
            try:
                me = _participant_info(conn, w, token)
            except SelfDataError as err:
                token_problem = err
        room = _room_state(conn, w, undo=facilitator)
        return CredentialCheck(room, facilitator, secret_problem, me, token_problem)

    return store.read(fn)


def whoami(store: Store, code: str, token: str) -> ParticipantInfo:
    """The participant holding ``token`` in this workshop, or :class:`NotFound` with a clear
    message (wrong code, unknown token, or a token of another workshop)."""

    def fn(conn: Tx) -> ParticipantInfo:
        return _participant_info(conn, access.workshop_row(conn, code), token)

    return store.read(fn)


def _participant_info(conn: Tx, w: WorkshopRow, token: str) -> ParticipantInfo:
    p = access.participant_row(conn, w, token)
    table = None
    if p.table_id is not None:
        row = screens.table_info(conn, p.table_id)
        table = None if row is None else TableInfo(row.slug, row.name, int(row.colour))
    return ParticipantInfo(
        id=p.slug,
        pseudonym=p.pseudonym,
        joined=p.joined,
        contributions=screens.proposal_counts(conn, w.id).get(p.id, 0),
        table=table,
        waiting=p.waiting,
    )


def participants(store: Store, code: str) -> ParticipantList:
    """Pseudonyms in joining order, with the live count."""

    def fn(conn: Tx) -> ParticipantList:
        w = access.workshop_row(conn, code)
        counts = screens.proposal_counts(conn, w.id)
        rows = screens.participants_with_tables(conn, w.id)
        people = tuple(
            ParticipantInfo(
                id=r.slug,
                pseudonym=r.pseudonym,
                joined=r.joined,
                contributions=counts.get(r.id, 0),
                table=None
                if r.table_slug is None
                else TableInfo(r.table_slug, r.table_name, int(r.table_colour)),
                waiting=bool(r.waiting),
            )
            for r in rows
        )
        return ParticipantList(
            count=len(people), participants=people, version=w.version, named=w.show_pseudonyms
        )

    return store.read(fn)


def _pseudonyms(conn: Tx, w: WorkshopRow) -> dict[int, tuple[str, str | None]]:
    """Participant row id -> (id, pseudonym); the pseudonym is ``None`` in anonymous mode
    (the workshop's ``show_pseudonyms`` off), for every viewer."""
    rows = screens.pseudonyms(conn, w.id)
    named = visibility.pseudonyms_on_screen(w.show_pseudonyms)
    return {int(pid): (slug, name if named else None) for pid, slug, name in rows}


def needs_board(
    store: Store,
    code: str,
    token: str | None = None,
    *,
    secret: str | None = None,
    table: str | None = None,
) -> NeedsBoard:
    """The needs and their dots, as the viewer may see them (participant with ``token``,
    facilitator with ``secret``, projector with neither). Totals are ``None`` until the
    facilitator reveals the ``needs`` step (the facilitator always sees them).

    In a room with tables, a participant seated at a table (or the projector given
    ``table``, a table id) sees the whole room's needs and that table's only, with the dots
    of that table's participants."""

    def fn(conn: Tx) -> NeedsBoard:
        w = access.workshop_row(conn, code)
        role, me = _viewer(conn, w, token, secret)
        decks = access.decks()
        people = _pseudonyms(conn, w)
        seats = screens.seats(conn, w.id)
        choose = table is not None and visibility.may_choose_table(role)
        asked = table_id(conn, w, table) if choose else None
        scope = visibility.table_scope(role, seats.get(me) if me is not None else None, asked)
        table_slugs = transfer.table_slugs(conn, w.id) if seats or scope is not None else {}
        revealed = "needs" in w.revealed
        show = visibility.may_see_results(role, w.revealed, "needs")
        totals: dict[int, tuple[int, int]] = {}
        mine: dict[int, int] = {}
        dots_cast = 0
        voters: set[int] = set()
        for pid, need_id, dots in screens.dots(conn, w.id):
            if pid == me:
                mine[need_id] = dots
            if not visibility.counts_at(scope, seats.get(pid)):
                continue
            total, count = totals.get(need_id, (0, 0))
            totals[need_id] = (total + dots, count + 1)
            dots_cast += dots
            voters.add(pid)
        items = []
        for row in cards.in_order(conn, "needs", w.id):
            my_dots = mine.get(row.id, 0)
            at, hidden = row.table_id, bool(row.hidden)
            if not visibility.shows_item(
                role, hidden=hidden, item_table=at, scope=scope, own=my_dots
            ):
                continue  # hidden, or another table's need
            card = (
                NeedCard.model_validate_json(row.card)
                if row.card
                else (decks.need(row.slug) if decks else None)
            )
            proposer = people.get(row.proposed_by) if row.proposed_by is not None else None
            total, count = totals.get(row.id, (0, 0))
            items.append(
                NeedItem(
                    id=row.slug,
                    card=card,
                    custom=row.card is not None,
                    proposed_by=proposer[0] if proposer else None,
                    proposed_by_pseudonym=proposer[1] if proposer else None,
                    mine=me is not None and row.proposed_by == me,
                    hidden=bool(row.hidden),
                    total=total if show else None,
                    voters=count if show else None,
                    my_dots=my_dots,
                    table=None if row.table_id is None else table_slugs.get(row.table_id),
                )
            )
        return NeedsBoard(
            role=role,
            needs=tuple(items),
            budget=w.vote_budget,
            cap=w.vote_cap,
            remaining=None if me is None else w.vote_budget - sum(mine.values()),
            revealed=revealed,
            dots_cast=dots_cast,
            voters=len(voters),
            locked=w.input_locked(access.clock()),
            version=w.version,
            table=None if scope is None else table_slugs.get(scope),
        )

    return store.read(fn)


def inventory(
    store: Store, code: str, token: str | None = None, *, secret: str | None = None
) -> InventoryView:
    """The territory's data sources, as the viewer may see them (hidden ones only for the
    facilitator)."""

    def fn(conn: Tx) -> InventoryView:
        w = access.workshop_row(conn, code)
        role, me = _viewer(conn, w, token, secret)
        decks = access.decks()
        people = _pseudonyms(conn, w)
        items = []
        for row in cards.in_order(conn, "sources", w.id):
            if not visibility.shows_item(role, hidden=bool(row.hidden)):
                continue
            card = (
                DataSourceCard.model_validate_json(row.card)
                if row.card
                else (decks.source(row.slug) if decks else None)
            )
            proposer = people.get(row.proposed_by) if row.proposed_by is not None else None
            items.append(
                SourceItem(
                    id=row.slug,
                    card=card,
                    custom=row.card is not None,
                    selected=bool(row.selected),
                    proposed_by=proposer[0] if proposer else None,
                    proposed_by_pseudonym=proposer[1] if proposer else None,
                    mine=me is not None and row.proposed_by == me,
                    hidden=bool(row.hidden),
                )
            )
        return InventoryView(
            role=role,
            sources=tuple(items),
            selected=sum(1 for s in items if s.selected and not s.hidden),
            locked=w.input_locked(access.clock()),
            version=w.version,
        )

    return store.read(fn)


def use_cases(store: Store, code: str) -> UseCasesView:
    """Use cases with their governance answers and choice."""

    def fn(conn: Tx) -> UseCasesView:
        w = access.workshop_row(conn, code)
        return UseCasesView(use_cases=tuple(transfer.read_use_cases(conn, w.id)), version=w.version)

    return store.read(fn)


def scenarios(store: Store, code: str) -> ScenariosView:
    """Scenarios (with their network edits) and the use cases they build on."""

    def fn(conn: Tx) -> ScenariosView:
        w = access.workshop_row(conn, code)
        return ScenariosView(
            scenarios=tuple(transfer.read_scenarios(conn, w.id)),
            use_cases=tuple(transfer.read_use_cases(conn, w.id)),
            version=w.version,
        )

    return store.read(fn)


def scenario_ratings(
    store: Store,
    code: str,
    token: str | None = None,
    *,
    secret: str | None = None,
    light: bool = False,
) -> ScenarioRatings:
    """Scenarios, criteria weights and the viewer's own ratings; everyone's ratings for the
    facilitator only (:func:`~selfdata.domain.visibility.may_see_everyones_ratings`: a
    participant or the projector never sees another participant's ratings, before or after
    the reveal; the group's results come from :mod:`selfdata.app.outcomes`). ``light``: without the
    scenarios and everyone's ratings (``scenarios=()``, ``ratings=None``), read without
    loading them — what a tablet's rating panel needs."""

    def fn(conn: Tx) -> ScenarioRatings:
        w = access.workshop_row(conn, code)
        role, me = _viewer(conn, w, token, secret)
        revealed = "scenarios" in w.revealed
        mine: dict[tuple[str, str], int] = {}
        if me is not None:
            mine = screens.my_ratings(conn, w.id, me)
        raters, given = screens.rating_counts(conn, w.id)
        shown = not light and visibility.may_see_everyones_ratings(role)
        return ScenarioRatings(
            role=role,
            scenarios=() if light else tuple(transfer.read_scenarios(conn, w.id)),
            criteria=tuple(transfer.read_criteria(conn, w.id)),
            ratings=tuple(transfer.read_ratings(conn, w.id)) if shown else None,
            mine=mine,
            raters=int(raters),
            given=int(given),
            revealed=revealed,
            locked=w.input_locked(access.clock()),
            version=w.version,
        )

    return store.read(fn)


def workshop_snapshot(store: Store, code: str) -> Workshop:
    """The workshop as a :class:`Workshop`, read with the code only, for the engines that
    the projector and every tablet draw from (matching, governance, network): everything
    but the ratings, which only :mod:`selfdata.app.outcomes` hands out, to the viewers the
    reveal rule allows. Hidden contributions are included with ``hidden=True``: filter them
    before display."""

    def fn(conn: Tx) -> Workshop:
        return transfer.read_workshop(conn, access.workshop_row(conn, code).id, ratings=False)

    return store.read(fn)


def backup_workshop(store: Store, code: str) -> Workshop:
    """The whole workshop, ratings included, for the operator who holds the database
    (``python -m selfdata workshops backup``): never called by a screen."""

    def fn(conn: Tx) -> Workshop:
        return transfer.read_workshop(conn, access.workshop_row(conn, code).id)

    return store.read(fn)


def ranking_inputs(store: Store, code: str, secret: str) -> Workshop:
    """The workshop with only what a ranking reads (participants, scenarios, criteria and
    everyone's ratings; no sources, needs, votes or use cases), at a third of the cost of
    :func:`export_workshop`: facilitator only (the group's ranking, as each viewer may see
    it, is :func:`selfdata.app.outcomes.group_ranking`)."""

    def fn(conn: Tx) -> Workshop:
        w = access.workshop_row(conn, code)
        access.require_facilitator(w, secret)
        return transfer.read_ranking_inputs(conn, w.id)

    return store.read(fn)


def export_workshop(store: Store, code: str, secret: str, *, ratings: bool = True) -> Workshop:
    """The whole workshop as a file model (facilitator only). ``import`` then ``export`` gives
    back the same file (participants' tokens are never exported). ``ratings=False``: all but
    the ratings (the export page's decision sections read nothing else)."""

    def fn(conn: Tx) -> Workshop:
        w = access.workshop_row(conn, code)
        access.require_facilitator(w, secret)
        return transfer.read_workshop(conn, w.id, ratings=ratings)

    return store.read(fn)


def audit_log(store: Store, code: str, secret: str, *, limit: int = 100) -> tuple[AuditEntry, ...]:
    """The latest audit entries (facilitator only), newest first."""

    def fn(conn: Tx) -> tuple[AuditEntry, ...]:
        w = access.workshop_row(conn, code)
        access.require_facilitator(w, secret)
        rows = screens.audit_entries(conn, w.id, max(1, min(int(limit), 10_000)))
        out = []
        for r in rows:
            detail: Any = json.loads(r.detail)
            out.append(
                AuditEntry(
                    at=float(r.at),
                    actor=r.actor,
                    action=r.action,
                    detail=detail,
                    undone=bool(r.undone),
                )
            )
        return tuple(out)

    return store.read(fn)
