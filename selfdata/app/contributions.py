"""Contributions in the room: proposing sources and needs (participants) or adding them
(facilitator), withdrawing a proposal, placing dots, rating scenarios."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import Connection, delete, func, insert, select, update

from selfdata.app import access
from selfdata.app import undo as ops
from selfdata.app.access import (
    ParticipantRow,
    WorkshopRow,
    check_text,
    facilitate,
    facilitator_only,
    item_row,
    participant_write,
)
from selfdata.app.group_items import others_voted
from selfdata.app.preparing import card_in_play
from selfdata.domain import rules
from selfdata.domain.cards import DataSourceCard, I18nText, NeedCard
from selfdata.domain.errors import Conflict, Forbidden, InvalidInput, LimitExceeded
from selfdata.domain.limits import MAX_ITEMS, MAX_PROPOSALS_PER_PARTICIPANT, MAX_TEXT, MAX_TITLE
from selfdata.store import Store
from selfdata.store import schema as t
from selfdata.store.rows import own_card

ContributionKind = Literal["source", "need"]


@dataclass(frozen=True)
class SourceDraft:
    """A data source proposed in the room (user text is stored as typed, in both languages).

    Only what the proposer said is stored: every field left out stays ``None`` (or empty),
    "to be qualified" on the card, never scored (ask, don't invent)."""

    title: str
    holder: str
    description: str = ""
    holder_kind: str | None = None
    themes: Sequence[str] = ()
    """Theme ids; empty: to be qualified."""
    categories: Sequence[str] = ()
    """Data-category ids; empty: to be qualified."""
    refresh: str | None = None
    access: str | None = None
    ease: int | None = None
    sensitivity: str | None = None
    portability: bool | None = None
    reusable: bool = True


@dataclass(frozen=True)
class NeedDraft:
    """A resident need proposed in the room (what the proposer left out: to be qualified)."""

    title: str
    description: str = ""
    persona: str = ""
    themes: Sequence[str] = ()
    """Theme ids; empty: to be qualified."""
    categories: Sequence[str] = ()
    usage_family: str | None = None


def _draft_problem(exc: ValidationError) -> InvalidInput:
    return InvalidInput(
        "card.invalid",
        problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
    )


def _check_vocabulary(themes: Sequence[str], categories: Sequence[str]) -> None:
    decks = access.decks()
    if decks is None:
        return
    raise_unknown_vocabulary(decks, themes, categories)


def raise_unknown_vocabulary(decks: Any, themes: Sequence[str], categories: Sequence[str]) -> None:
    """Refuse themes or data categories the decks do not have, listing the allowed ones."""
    theme_ids = [c.id for c in decks.themes]
    category_ids = [c.id for c in decks.data_categories]
    bad_themes = [x for x in themes if x not in theme_ids]
    bad_categories = [x for x in categories if x not in category_ids]
    if bad_themes or bad_categories:
        allowed = (theme_ids if bad_themes else []) + (category_ids if bad_categories else [])
        raise InvalidInput(
            "card.vocabulary",
            names=", ".join(str(b)[:64] for b in bad_themes + bad_categories),
            allowed=", ".join(allowed),
        )


def _source_card(slug: str, draft: SourceDraft) -> DataSourceCard:
    title = check_text(draft.title, "title", limit=MAX_TITLE, required=True)
    holder = check_text(draft.holder, "holder", limit=MAX_TITLE, required=True)
    description = check_text(draft.description, "description", limit=MAX_TEXT) or title
    themes = [x for x in draft.themes if x]
    categories = [x for x in draft.categories if x]
    _check_vocabulary(themes, categories)
    try:
        return DataSourceCard(
            id=slug,
            title=I18nText.same(title),
            description=I18nText.same(description),
            holder=I18nText.same(holder),
            holder_kind=draft.holder_kind,
            themes=themes,
            categories=categories,
            refresh=draft.refresh,
            access=draft.access,
            ease=draft.ease,
            sensitivity=draft.sensitivity,
            portability=draft.portability,
            reusable=draft.reusable,
            origin="room",
        )
    except ValidationError as exc:
        raise _draft_problem(exc) from None


def _need_card(slug: str, draft: NeedDraft) -> NeedCard:
    title = check_text(draft.title, "title", limit=MAX_TITLE, required=True)
    description = check_text(draft.description, "description", limit=MAX_TEXT) or title
    persona = check_text(draft.persona, "persona", limit=MAX_TEXT) or "—"
    themes = [x for x in draft.themes if x]
    _check_vocabulary(themes, [x for x in draft.categories if x])
    try:
        return NeedCard(
            id=slug,
            title=I18nText.same(title),
            description=I18nText.same(description),
            persona=I18nText.same(persona),
            themes=themes,
            usage_family=draft.usage_family,
            categories=[x for x in draft.categories if x],
            origin="room",
        )
    except ValidationError as exc:
        raise _draft_problem(exc) from None


def _add_item(
    conn: Connection,
    w: WorkshopRow,
    kind: ContributionKind,
    proposer: int | None,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
    table_id: int | None = None,
) -> str:
    table = t.sources if kind == "source" else t.needs
    # hidden items (moderated away by the facilitator) leave room for real ones; the
    # per-participant cap still counts them, so hiding does not refill a flooder's quota
    count = conn.execute(
        select(func.count())
        .select_from(table)
        .where(table.c.workshop_id == w.id, table.c.hidden.is_(False))
    ).scalar_one()
    if count >= MAX_ITEMS:
        raise LimitExceeded("items.too_many", limit=MAX_ITEMS)
    if (card_id is None) == (draft is None):
        raise InvalidInput("proposal.invalid", text="proposal.card_or_draft")
    values: dict[str, Any] = {"card": None}
    if card_id is not None:
        own = own_card(conn, w.id, "data_sources" if kind == "source" else "needs", card_id)
        decks = access.decks()
        card = own
        if card is None and decks is not None:
            card = decks.source(card_id) if kind == "source" else decks.need(card_id)
        if card is None:
            raise InvalidInput("card.unknown", card=str(card_id)[:64])
        if not card_in_play(w, "data_sources" if kind == "source" else "needs", card_id):
            raise InvalidInput("card.not_in_play", card=str(card_id)[:64])
        if own is not None:  # the item keeps its own copy: the workshop's deck may change
            values["card"] = t.dumps(own.model_dump(mode="json"))
        taken = conn.execute(
            select(table.c.id).where(table.c.workshop_id == w.id, table.c.slug == card_id)
        ).first()
        if taken:
            raise Conflict("card.already_there")
        slug = card_id
    else:
        title = getattr(draft, "title", "")
        check_text(title, "title", limit=MAX_TITLE, required=True)
        slug = access.unique_slug(conn, table, w.id, access.slugify(title))
        if kind == "source" and isinstance(draft, SourceDraft):
            built: DataSourceCard | NeedCard = _source_card(slug, draft)
        elif kind == "need" and isinstance(draft, NeedDraft):
            built = _need_card(slug, draft)
        else:
            raise InvalidInput("proposal.invalid", text="proposal.wrong_kind")
        values["card"] = t.dumps(built.model_dump(mode="json"))
    if kind == "source":
        values["selected"] = True
    elif table_id is not None:  # a need proposed at a table belongs to it
        values["table_id"] = table_id
    conn.execute(
        insert(table).values(
            workshop_id=w.id,
            slug=slug,
            proposed_by=proposer,
            hidden=False,
            position=access.next_position(conn, table, w.id),
            **values,
        )
    )
    return slug


def _leave_room(conn: Connection, w: WorkshopRow, p: ParticipantRow, table: Any) -> None:
    """The last places of a nearly full list are kept for others (:func:`rules.
    check_room_left`)."""
    on_list, mine_here = conn.execute(
        select(
            func.count().filter(table.c.hidden.is_(False)),
            func.count().filter(table.c.proposed_by == p.id),
        ).where(table.c.workshop_id == w.id)
    ).one()
    rules.check_room_left(int(on_list), int(mine_here))


def _propose(
    store: Store,
    code: str,
    token: str,
    kind: ContributionKind,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    def fn(conn: Connection, w: WorkshopRow, p: ParticipantRow) -> tuple[str, Any]:
        mine = sum(
            conn.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.workshop_id == w.id, table.c.proposed_by == p.id)
            ).scalar_one()
            for table in (t.sources, t.needs)
        )
        if mine >= MAX_PROPOSALS_PER_PARTICIPANT:
            raise LimitExceeded("proposals.too_many", limit=MAX_PROPOSALS_PER_PARTICIPANT)
        _leave_room(conn, w, p, t.sources if kind == "source" else t.needs)
        slug = _add_item(conn, w, kind, p.id, card_id, draft, p.table_id)
        table = t.sources if kind == "source" else t.needs
        row_id = conn.execute(
            select(table.c.id).where(table.c.workshop_id == w.id, table.c.slug == slug)
        ).scalar_one()
        # the row's number, not its slug: a slug is built from the title a participant typed
        return slug, {"kind": kind, "row": row_id}

    result: str = participant_write(store, code, token, f"propose_{kind}", fn)
    return result


def propose_source(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Put a data source on the inventory: a deck card (``card_id``) or a custom card
    (``draft``). Returns the source id. Refused while locked or past the per-participant
    limit of proposals."""
    return _propose(store, code, token, "source", card_id, draft)


def propose_need(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Put a need on the board: a deck card (``card_id``) or a custom card (``draft``).
    Returns the need id."""
    return _propose(store, code, token, "need", card_id, draft)


def _facilitator_add(
    store: Store,
    code: str,
    secret: str,
    kind: ContributionKind,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    def fn(conn: Connection, w: WorkshopRow) -> Any:
        slug = _add_item(conn, w, kind, None, card_id, draft)
        return slug, {"kind": kind, "id": slug}, ops.op("remove_item", kind=kind, slug=slug)

    result: str = facilitate(store, code, secret, f"add_{kind}", fn)
    return result


@facilitator_only
def add_source(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Facilitator adds a source (deck card or custom). Returns its id."""
    return _facilitator_add(store, code, secret, "source", card_id, draft)


@facilitator_only
def add_need(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Facilitator adds a need (deck card or custom). Returns its id."""
    return _facilitator_add(store, code, secret, "need", card_id, draft)


def withdraw_proposal(
    store: Store, code: str, token: str, kind: ContributionKind, item_id: str
) -> None:
    """Withdraw one's own source or need (with one's own dots on it). Refused
    (:class:`Conflict`) once another participant voted on it or a use case uses it: ask the
    facilitator to hide it instead."""
    if kind not in ("source", "need"):
        raise InvalidInput("kind.invalid")
    table = t.sources if kind == "source" else t.needs

    def fn(conn: Connection, w: WorkshopRow, p: ParticipantRow) -> tuple[None, Any]:
        row = item_row(conn, table, w, item_id, kind)
        if row.proposed_by != p.id:
            raise Forbidden("proposal.not_yours")
        if ops.item_in_use(conn, kind, row.id):
            raise ops.in_use_error(kind)
        if kind == "need":
            if others_voted(conn, row.id, p.id):
                raise Conflict("need.has_votes")
            conn.execute(delete(t.votes).where(t.votes.c.need_id == row.id))
        conn.execute(delete(table).where(table.c.id == row.id))
        return None, {"kind": kind, "row": row.id}  # no slug: it may come from a typed title

    participant_write(store, code, token, "withdraw_proposal", fn)


def vote(store: Store, code: str, token: str, need_id: str, delta: int = 1) -> int:
    """Add (``delta > 0``) or withdraw (``delta < 0``) dots on a need. Returns the
    participant's dots on that need afterwards. Refused with :class:`LimitExceeded` beyond
    the budget or the per-need cap (or when withdrawing dots one has not placed),
    :class:`Locked` while input is locked."""
    if not rules.valid_dot_delta(delta):
        raise InvalidInput("vote.invalid")

    def fn(conn: Connection, w: WorkshopRow, p: ParticipantRow) -> tuple[int, Any]:
        need = item_row(conn, t.needs, w, need_id, "need")
        if delta > 0:  # dots placed before a move to another table may still be withdrawn
            access.require_same_table(p, need.table_id)
        key = (t.votes.c.participant_id == p.id, t.votes.c.need_id == need.id)
        current = conn.execute(select(t.votes.c.dots).where(*key)).scalar() or 0
        spent = 0
        if delta > 0:
            if need.hidden:
                raise Forbidden("need.hidden")
            spent = conn.execute(
                select(func.coalesce(func.sum(t.votes.c.dots), 0)).where(
                    t.votes.c.participant_id == p.id
                )
            ).scalar_one()
        new = rules.check_dot_change(current, spent, delta, w.vote_budget, w.vote_cap)
        if current == 0:
            conn.execute(
                insert(t.votes).values(
                    workshop_id=w.id,
                    participant_id=p.id,
                    need_id=need.id,
                    dots=new,
                    position=access.next_position(conn, t.votes, w.id),
                )
            )
        elif new == 0:
            conn.execute(delete(t.votes).where(*key))
        else:
            conn.execute(update(t.votes).where(*key).values(dots=new))
        return new, {"need_row": need.id, "delta": delta}

    result: int = participant_write(store, code, token, "vote", fn)
    return result


def rate(
    store: Store, code: str, token: str, scenario_id: str, criterion: str, value: int | None
) -> None:
    """Rate a scenario on a criterion from 1 to 5; ``None`` removes the rating."""
    rules.check_rating(value)

    def fn(conn: Connection, w: WorkshopRow, p: ParticipantRow) -> tuple[None, Any]:
        scenario = item_row(conn, t.scenarios, w, scenario_id, "scenario")
        access.require_same_table(
            p,
            conn.execute(
                select(t.use_cases.c.table_id).where(t.use_cases.c.id == scenario.use_case_id)
            ).scalar(),
        )
        known = ops.known_criteria(conn, w)
        if known is not None and criterion not in known:
            raise InvalidInput("criterion.unknown", criterion=str(criterion)[:64])
        key = (
            t.ratings.c.participant_id == p.id,
            t.ratings.c.scenario_id == scenario.id,
            t.ratings.c.criterion == criterion,
        )
        exists = conn.execute(select(t.ratings.c.value).where(*key)).first() is not None
        if value is None:
            if exists:
                conn.execute(delete(t.ratings).where(*key))
        elif exists:
            conn.execute(update(t.ratings).where(*key).values(value=value))
        else:
            conn.execute(
                insert(t.ratings).values(
                    workshop_id=w.id,
                    participant_id=p.id,
                    scenario_id=scenario.id,
                    criterion=criterion,
                    value=value,
                    position=access.next_position(conn, t.ratings, w.id),
                )
            )
        return None, {"scenario": scenario_id, "criterion": criterion, "value": value}

    participant_write(store, code, token, "rate", fn)
