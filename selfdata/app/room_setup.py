"""Preparing the room (facilitator only): which cards are in play, a card's wording, the
agenda, and the room's clock that the console reads against it.

Everything here is stored with the workshop: the cards in play and the agenda in
``workshops.preparation`` (the workshop file's ``preparation:`` section), an edited card in
the workshop's own deck (``workshop_cards``, the file's ``cards:``), the clock in
``workshops.step_clock`` (not in the file: it is the day's, not the workshop's).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from selfdata.app import access
from selfdata.app.access import Outcome, facilitate, facilitator_only
from selfdata.app.readiness import Check, readiness
from selfdata.domain.agenda import (
    PRESET_SESSIONS,
    PRESETS,
    Agenda,
    StepClock,
    custom_agenda,
    elapsed_seconds,
    preset_agenda,
    start_clock,
    used_seconds,
)
from selfdata.domain.cards import LANGS, STEP_IDS, DataSourceCard, I18nText, NeedCard
from selfdata.domain.errors import InvalidInput, LimitExceeded
from selfdata.domain.limits import MAX_TEXT, MAX_TITLE
from selfdata.domain.workshop import CardsInPlay, Preparation, WorkshopCards
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import cards, workshop_state
from selfdata.store.queries.workshops import WorkshopRow

DeckCard = DataSourceCard | NeedCard
PLAY_KINDS: tuple[str, ...] = ("data_sources", "needs")
"""The decks whose cards the facilitator puts in play (the inventory's and the needs')."""


def _kind(kind: object) -> str:
    if kind not in PLAY_KINDS:
        raise InvalidInput("kind.invalid")
    return str(kind)


def preparation_of(w: WorkshopRow) -> Preparation:
    """The workshop's preparation as stored (nothing prepared: the defaults)."""
    if not w.preparation:
        return Preparation()
    return Preparation.model_validate(json.loads(w.preparation))


def clock_of(w: WorkshopRow) -> StepClock:
    return StepClock.model_validate_json(w.step_clock) if w.step_clock else StepClock()


def _save(conn: Tx, w: WorkshopRow, prep: Preparation) -> None:
    value = prep.model_dump(mode="json", exclude_none=True)
    workshop_state.update_fields(conn, w.id, {"preparation": value})


def deck_of(conn: Tx, w: WorkshopRow, kind: str) -> list[Any]:
    """The workshop's deck of ``kind``: its own cards of that kind, else the bundled deck."""
    own = transfer.read_cards(conn, w.id)
    mine = getattr(own, kind) if own is not None else []
    if mine:
        return list(mine)
    decks = access.decks()
    return list(getattr(decks, kind)) if decks is not None else []


def in_play(prep: Preparation, kind: str, deck: Sequence[Any]) -> list[Any]:
    """The cards of ``deck`` the room is offered (all of them unless some were chosen)."""
    chosen = getattr(prep.in_play, kind)
    if chosen is None:
        return list(deck)
    keep = set(chosen)
    return [card for card in deck if card.id in keep]


def card_in_play(w: WorkshopRow, kind: str, card_id: str) -> bool:
    """Whether the room may add ``card_id`` from the deck of ``kind``."""
    chosen = getattr(preparation_of(w).in_play, kind)
    return chosen is None or card_id in chosen


def put_in_play(conn: Tx, w: WorkshopRow, kind: str, card_ids: Sequence[str]) -> None:
    """Cards just added to the workshop's deck are in play (when only some were chosen:
    a deck imported after the choice is offered, not silently left out)."""
    prep = preparation_of(w)
    chosen = getattr(prep.in_play, kind)
    if chosen is None:
        return
    added = [i for i in card_ids if i not in set(chosen)]
    playing = CardsInPlay.model_validate({**prep.in_play.model_dump(), kind: chosen + added})
    _save(conn, w, prep.model_copy(update={"in_play": playing}))


# --- reads -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckInPlay:
    """A deck as the preparation page lists it: its cards, and the ids in play."""

    kind: str
    cards: tuple[Any, ...]
    in_play: frozenset[str]
    own: bool
    """The workshop's own deck (else the bundled one)."""
    chosen: bool
    """Some cards were chosen (else all are in play)."""


def prepared_deck(store: Store, code: str, kind: str) -> DeckInPlay:
    """The workshop's deck of ``kind`` and which of its cards are in play."""
    kind = _kind(kind)

    def fn(conn: Tx) -> DeckInPlay:
        w = access.workshop_row(conn, code)
        own = transfer.read_cards(conn, w.id)
        deck = deck_of(conn, w, kind)
        prep = preparation_of(w)
        playing = {c.id for c in in_play(prep, kind, deck)}
        return DeckInPlay(
            kind,
            tuple(deck),
            frozenset(playing),
            bool(own is not None and getattr(own, kind)),
            getattr(prep.in_play, kind) is not None,
        )

    result: DeckInPlay = store.read(fn)
    return result


def room_deck(store: Store, code: str, kind: str) -> list[Any]:
    """The cards of ``kind`` the inventory and needs steps offer the room: the workshop's
    deck, only the cards in play."""
    deck = prepared_deck(store, code, kind)
    return [card for card in deck.cards if card.id in deck.in_play]


def agenda(store: Store, code: str) -> Agenda | None:
    """The workshop's agenda, or ``None`` while none is set."""
    return store.read(lambda conn: preparation_of(access.workshop_row(conn, code)).agenda)


@dataclass(frozen=True)
class AgendaProgress:
    """The console's clock: the current step's planned and used time, and the whole
    workshop's (minutes planned; seconds used)."""

    step: str
    agenda: Agenda | None
    started: bool
    step_planned: int
    step_used: float
    total_planned: int
    elapsed: float

    @property
    def step_over(self) -> bool:
        return self.agenda is not None and self.step_used > self.step_planned * 60

    @property
    def total_over(self) -> bool:
        return self.agenda is not None and self.elapsed > self.total_planned * 60


def agenda_progress(store: Store, code: str) -> AgendaProgress:
    """Where the room stands against its agenda, now."""

    def fn(conn: Tx) -> AgendaProgress:
        w = access.workshop_row(conn, code)
        plan = preparation_of(w).agenda
        clock = clock_of(w)
        now = access.clock()
        return AgendaProgress(
            step=w.step,
            agenda=plan,
            started=clock.started,
            step_planned=plan.planned(w.step) if plan else 0,
            step_used=used_seconds(clock, w.step, now),
            total_planned=plan.total if plan else 0,
            elapsed=elapsed_seconds(clock, now),
        )

    result: AgendaProgress = store.read(fn)
    return result


def step_durations() -> dict[str, int]:
    """The steps' durations from their guide cards (``cards/steps.yaml``)."""
    decks = access.decks()
    found = {s.id: s.duration_minutes for s in decks.steps} if decks is not None else {}
    return {step: found.get(step, 30) for step in STEP_IDS}


def proposed_agenda(preset: str) -> Agenda:
    """What ``preset`` proposes (``custom``: the half-day's times, to edit)."""
    if preset not in PRESETS:
        raise InvalidInput("agenda.preset")
    base = "half_day" if preset == "custom" else preset
    proposal = preset_agenda(base, step_durations())
    return proposal.model_copy(update={"preset": preset}) if preset == "custom" else proposal


@facilitator_only
def readiness_checks(store: Store, code: str, secret: str) -> tuple[Check, ...]:
    """What is missing before the room arrives (:func:`selfdata.app.readiness.readiness`
    over the stored workshop)."""

    def fn(conn: Tx) -> tuple[Check, ...]:
        w = access.workshop_row(conn, code)
        prep = preparation_of(w)
        offered = {k: len(in_play(prep, k, deck_of(conn, w, k))) for k in PLAY_KINDS}
        workshop = transfer.read_workshop(conn, w.id)
        return readiness(workshop, offered, joining_closed=bool(w.joining_closed))

    result: tuple[Check, ...] = store.read(fn)
    return result


# --- writes ----------------------------------------------------------------------------------


@facilitator_only
def set_cards_in_play(
    store: Store, code: str, secret: str, kind: str, card_ids: Sequence[str] | None
) -> int:
    """Offer the room only ``card_ids`` of the workshop's deck of ``kind`` (``None``: all of
    them); an id not in the deck is refused and nothing changes. Returns how many are in
    play."""
    kind = _kind(kind)
    if card_ids is not None and (
        isinstance(card_ids, str) or not all(isinstance(i, str) for i in card_ids)
    ):
        raise InvalidInput("card.unknown", card="?")

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        deck = deck_of(conn, w, kind)
        known = [c.id for c in deck]
        prep = preparation_of(w)
        if card_ids is None:
            chosen: list[str] | None = None
        else:
            unknown = [i for i in card_ids if i not in set(known)]
            if unknown:
                raise InvalidInput("card.unknown", card=str(unknown[0])[:64])
            wanted = set(card_ids)
            chosen = [i for i in known if i in wanted]
        playing = CardsInPlay.model_validate({**prep.in_play.model_dump(), kind: chosen})
        _save(conn, w, prep.model_copy(update={"in_play": playing}))
        count = len(known) if chosen is None else len(chosen)
        return count, {"kind": kind, "count": count}, None

    result: int = facilitate(store, code, secret, "set_cards_in_play", fn)
    return result


@facilitator_only
def set_agenda(
    store: Store,
    code: str,
    secret: str,
    preset: str,
    minutes: Mapping[str, int] | None = None,
    sessions: Sequence[int] | None = None,
) -> Agenda:
    """Set the agenda: a preset's (``half_day``, ``two_sessions``: the times it proposes)
    or a ``custom`` one (``minutes`` per step, ``sessions`` the time available). A bad
    value is refused and nothing changes."""
    if preset not in PRESETS:
        raise InvalidInput("agenda.preset")
    if preset in PRESET_SESSIONS:
        plan = proposed_agenda(preset)
    else:
        if minutes is None:
            raise InvalidInput("agenda.invalid")
        try:
            plan = custom_agenda(minutes, sessions if sessions is not None else (210,))
        except (ValidationError, TypeError, ValueError):
            raise InvalidInput("agenda.invalid") from None

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        prep = preparation_of(w)
        _save(conn, w, prep.model_copy(update={"agenda": plan}))
        return plan, {"preset": preset, "minutes": plan.total}, None

    result: Agenda = facilitate(store, code, secret, "set_agenda", fn)
    return result


def _get(texts: object, lang: str) -> object:
    return texts.get(lang) if isinstance(texts, Mapping) else None


def _wording(value: object, part: str, lang: str) -> str:
    """One text of a card's wording: a non-empty string within its limit."""
    limit = MAX_TITLE if part == "title" else MAX_TEXT
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        if part == "title":
            raise InvalidInput("wording.empty", text="wording.empty_title", language=lang)
        raise InvalidInput("wording.empty", text="wording.empty_text", language=lang)
    if len(text) > limit:
        if part == "title":
            raise LimitExceeded(
                "wording.too_long", text="wording.long_title", language=lang, limit=limit
            )
        raise LimitExceeded(
            "wording.too_long", text="wording.long_text", language=lang, limit=limit
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "\x00"
    if "\x00" in text:
        raise InvalidInput("text.invalid", text="text.bad_characters", field=f"{part} ({lang})")
    return text


@facilitator_only
def edit_card_wording(
    store: Store,
    code: str,
    secret: str,
    kind: str,
    card_id: str,
    *,
    title: Mapping[str, str],
    text: Mapping[str, str],
) -> DeckCard:
    """Reword a card of the workshop's deck (title and text, French and English) for this
    workshop only. A bundled card is first copied, with the rest of its deck, into the
    workshop's own deck (so the room is offered the same cards), and the card already on the
    table follows the new wording. Empty or too long: refused, nothing changed."""
    kind = _kind(kind)
    titles = {lang: _wording(_get(title, lang), "title", lang) for lang in LANGS}
    texts = {lang: _wording(_get(text, lang), "text", lang) for lang in LANGS}

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        own = transfer.read_cards(conn, w.id) or WorkshopCards()
        deck = deck_of(conn, w, kind)
        found = next((c for c in deck if c.id == card_id), None)
        if found is None:
            raise InvalidInput("card.unknown", card=str(card_id)[:64])
        edited = found.model_copy(
            update={"title": I18nText(**titles), "description": I18nText(**texts)}
        )
        new_deck = [edited if c.id == card_id else c for c in deck]
        transfer.write_cards(conn, w.id, own.model_copy(update={kind: new_deck}))
        on_table: cards.CardKind = "sources" if kind == "data_sources" else "needs"
        stored = edited.model_dump(mode="json")
        cards.set_card(conn, on_table, w.id, card_id, stored, from_deck_only=True)
        return edited, {"kind": kind, "card": card_id}, None

    result: DeckCard = facilitate(store, code, secret, "edit_card_wording", fn)
    return result


@facilitator_only
def restart_clock(store: Store, code: str, secret: str) -> None:
    """Start the room's clock on the current step, now (time counted before is dropped).
    Moving to another step starts it too, if it was not running."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        fresh = start_clock(w.step, access.clock())
        value = fresh.model_dump(mode="json")
        workshop_state.update_fields(conn, w.id, {"step_clock": value})
        return None, {"step": w.step}, None

    facilitate(store, code, secret, "restart_clock", fn)
