"""Contributions in the room: proposing sources and needs (participants) or adding them
(facilitator), withdrawing a proposal, placing dots, rating scenarios."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from selfdata.app import access
from selfdata.app import operations as ops
from selfdata.app.access import (
    check_text,
    facilitate,
    facilitator_only,
    item_row,
    participant_write,
)
from selfdata.app.group_items import others_voted
from selfdata.app.room_setup import card_in_play
from selfdata.domain import rules
from selfdata.domain.cards import DataSourceCard, I18nText, NeedCard
from selfdata.domain.errors import Conflict, Forbidden, InvalidInput, LimitExceeded
from selfdata.domain.limits import MAX_ITEMS, MAX_PROPOSALS_PER_PARTICIPANT, MAX_TEXT, MAX_TITLE
from selfdata.store import Store, Tx
from selfdata.store.queries import cards, ratings, votes
from selfdata.store.queries.participants import ParticipantRow
from selfdata.store.queries.workshops import WorkshopRow
from selfdata.store.transfer import own_card

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


_KINDS: dict[str, cards.CardKind] = {"source": "sources", "need": "needs"}


def _deck_card(
    tx: Tx, w: WorkshopRow, kind: ContributionKind, card_id: str
) -> dict[str, Any] | None:
    """The item's own copy of a card in play (``None``: the shipped deck's card)."""
    deck = "data_sources" if kind == "source" else "needs"
    own = own_card(tx, w.id, deck, card_id)
    decks = access.decks()
    card = own
    if card is None and decks is not None:
        card = decks.source(card_id) if kind == "source" else decks.need(card_id)
    if card is None:
        raise InvalidInput("card.unknown", card=str(card_id)[:64])
    if not card_in_play(w, deck, card_id):
        raise InvalidInput("card.not_in_play", card=str(card_id)[:64])
    if cards.id_of(tx, _KINDS[kind], w.id, card_id) is not None:
        raise Conflict("card.already_there")
    # the item keeps its own copy: the workshop's deck may change
    return None if own is None else own.model_dump(mode="json")


def _drafted_card(
    tx: Tx, w: WorkshopRow, kind: ContributionKind, draft: SourceDraft | NeedDraft | None
) -> tuple[str, dict[str, Any]]:
    """The slug and card of a custom card."""
    title = getattr(draft, "title", "")
    check_text(title, "title", limit=MAX_TITLE, required=True)
    slug = access.unique_slug(tx, _KINDS[kind], w.id, access.slugify(title))
    if kind == "source" and isinstance(draft, SourceDraft):
        built: DataSourceCard | NeedCard = _source_card(slug, draft)
    elif kind == "need" and isinstance(draft, NeedDraft):
        built = _need_card(slug, draft)
    else:
        raise InvalidInput("proposal.invalid", text="proposal.wrong_kind")
    return slug, built.model_dump(mode="json")


def _add_item(
    tx: Tx,
    w: WorkshopRow,
    kind: ContributionKind,
    proposer: int | None,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
    table_id: int | None = None,
) -> str:
    # hidden items (moderated away by the facilitator) leave room for real ones; the
    # per-participant cap still counts them, so hiding does not refill a flooder's quota
    if cards.shown_count(tx, _KINDS[kind], w.id) >= MAX_ITEMS:
        raise LimitExceeded("items.too_many", limit=MAX_ITEMS)
    if (card_id is None) == (draft is None):
        raise InvalidInput("proposal.invalid", text="proposal.card_or_draft")
    if card_id is not None:
        slug, card = card_id, _deck_card(tx, w, kind, card_id)
    else:
        slug, card = _drafted_card(tx, w, kind, draft)
    cards.add(tx, _KINDS[kind], w.id, slug, proposed_by=proposer, card=card, table_id=table_id)
    return slug


def _leave_room(tx: Tx, w: WorkshopRow, p: ParticipantRow, kind: ContributionKind) -> None:
    """The last places of a nearly full list are kept for others (:func:`rules.
    check_room_left`)."""
    rules.check_room_left(*cards.shown_and_proposed_by(tx, _KINDS[kind], w.id, p.id))


def _propose(
    store: Store,
    code: str,
    token: str,
    kind: ContributionKind,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[str, Any]:
        if cards.proposal_count(tx, w.id, p.id) >= MAX_PROPOSALS_PER_PARTICIPANT:
            raise LimitExceeded("proposals.too_many", limit=MAX_PROPOSALS_PER_PARTICIPANT)
        _leave_room(tx, w, p, kind)
        slug = _add_item(tx, w, kind, p.id, card_id, draft, p.table_id)
        row_id = cards.id_of(tx, _KINDS[kind], w.id, slug)
        # the row's number, not its slug: a slug is built from the title a participant typed
        return slug, {"kind": kind, "row": row_id}

    step = "inventory" if kind == "source" else "needs"
    result: str = participant_write(store, code, token, f"propose_{kind}", fn, step=step)
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
    def fn(tx: Tx, w: WorkshopRow) -> Any:
        slug = _add_item(tx, w, kind, None, card_id, draft)
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
    kinds = _KINDS[kind]

    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[None, Any]:
        row = item_row(tx, kinds, w, item_id, kind)
        if row.proposed_by != p.id:
            raise Forbidden("proposal.not_yours")
        if ops.item_in_use(tx, kind, row.id):
            raise ops.in_use_error(kind)
        if kind == "need":
            if others_voted(tx, row.id, p.id):
                raise Conflict("need.has_votes")
            votes.clear_need(tx, row.id)
        cards.remove(tx, kinds, row.id)
        return None, {"kind": kind, "row": row.id}  # no slug: it may come from a typed title

    participant_write(store, code, token, "withdraw_proposal", fn)


def vote(store: Store, code: str, token: str, need_id: str, delta: int = 1) -> int:
    """Add (``delta > 0``) or withdraw (``delta < 0``) dots on a need. Returns the
    participant's dots on that need afterwards. Refused with :class:`LimitExceeded` beyond
    the budget or the per-need cap (or when withdrawing dots one has not placed),
    :class:`Locked` while input is locked."""
    if not rules.valid_dot_delta(delta):
        raise InvalidInput("vote.invalid")

    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[int, Any]:
        need = item_row(tx, "needs", w, need_id, "need")
        if delta > 0:  # dots placed before a move to another table may still be withdrawn
            access.require_same_table(p, need.table_id)
        current = votes.dots_on(tx, p.id, need.id)
        spent = 0
        if delta > 0:
            if need.hidden:
                raise Forbidden("need.hidden")
            spent = votes.dots_spent(tx, p.id)
        new = rules.check_dot_change(current, spent, delta, w.vote_budget, w.vote_cap)
        votes.set_dots(tx, w.id, p.id, need.id, before=current, dots=new)
        return new, {"need_row": need.id, "delta": delta}

    result: int = participant_write(store, code, token, "vote", fn, step="needs")
    return result


def rate(
    store: Store, code: str, token: str, scenario_id: str, criterion: str, value: int | None
) -> None:
    """Rate a scenario on a criterion from 1 to 5; ``None`` removes the rating."""
    rules.check_rating(value)

    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[None, Any]:
        scenario = item_row(tx, "scenarios", w, scenario_id, "scenario")
        access.require_same_table(p, ratings.scenario_table(tx, scenario.use_case_id))
        known = ops.known_criteria(tx, w)
        if known is not None and criterion not in known:
            raise InvalidInput("criterion.unknown", criterion=str(criterion)[:64])
        rated = ratings.is_rated(tx, p.id, scenario.id, criterion)
        ratings.set_rating(tx, w.id, p.id, scenario.id, criterion, value, rated=rated)
        return None, {"scenario": scenario_id, "criterion": criterion, "value": value}

    participant_write(store, code, token, "rate", fn, step="scenarios")
