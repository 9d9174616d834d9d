"""Qualifying the cards before the room: the fields nobody gave ("to be qualified") listed
for the facilitator, then set, many cards at once (the preparation page's bulk edit).

A card comes with fields unknown when it was read from the city's register (which says
nothing of refresh, access, ease, sensitivity or portability) or proposed from a tablet
(title, holder, text). Nothing fills them but the facilitator: ask, don't invent. A value
set is checked as a deck card is (the same pydantic model, the decks' themes and data
categories); a wrong one refuses the whole edit and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from selfdata.app import access
from selfdata.app.access import facilitate, facilitator_only
from selfdata.app.contributions import raise_unknown_vocabulary
from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.errors import InvalidInput
from selfdata.domain.workshop import WorkshopCards
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import cards
from selfdata.store.queries.workshops import WorkshopRow

Place = Literal["board", "deck"]
Kind = Literal["sources", "needs"]


@dataclass(frozen=True)
class CardToQualify:
    """A card of the workshop with fields nobody gave: where it is (on the table, or in
    the workshop's own deck), the card, and which fields."""

    place: Place
    card: DataSourceCard | NeedCard
    missing: tuple[str, ...]


def _board_cards(conn: Tx, w: WorkshopRow, kind: Kind) -> list[DataSourceCard | NeedCard]:
    model = DataSourceCard if kind == "sources" else NeedCard
    return [model.model_validate_json(raw) for raw in cards.stored_cards(conn, kind, w.id)]


def cards_to_qualify(store: Store, code: str, kind: Kind) -> list[CardToQualify]:
    """Every card of ``kind`` on the table or in the workshop's own deck with a field
    nobody gave, in the table's then the deck's order."""

    def read(conn: Tx) -> list[CardToQualify]:
        w = access.workshop_row(conn, code)
        own = transfer.read_cards(conn, w.id) or WorkshopCards()
        deck: list[DataSourceCard | NeedCard] = list(
            own.data_sources if kind == "sources" else own.needs
        )
        found = [CardToQualify("board", c, c.to_qualify()) for c in _board_cards(conn, w, kind)]
        found += [CardToQualify("deck", c, c.to_qualify()) for c in deck]
        return [x for x in found if x.missing]

    result: list[CardToQualify] = store.read(read)
    return result


def _qualified(
    card: DataSourceCard | NeedCard, values: Mapping[str, Any]
) -> DataSourceCard | NeedCard:
    allowed = set(card.to_qualify()) | set(type(card).model_fields) - {"id", "title", "origin"}
    unknown = [k for k in values if k not in allowed]
    if unknown:
        raise InvalidInput("card.invalid", problems=[f"{k}: not a card field" for k in unknown])
    data = card.model_dump(mode="json")
    data.update({k: v for k, v in values.items() if v not in (None, "", [])})
    try:
        qualified = type(card).model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(
            "card.invalid",
            problems=[
                f"{card.id}.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
            ],
        ) from None
    decks = access.decks()
    if decks is not None:
        raise_unknown_vocabulary(decks, qualified.themes, qualified.categories)
    return qualified


@facilitator_only
def qualify_cards(
    store: Store,
    code: str,
    secret: str,
    kind: Kind,
    changes: Sequence[tuple[Place, str, Mapping[str, Any]]],
) -> int:
    """Set fields of many cards at once: ``changes`` are ``(place, card id, field ->
    value)``; an empty value leaves the field as it is. One transaction: a wrong value
    refuses the whole edit. Returns how many cards changed."""
    deck_kind = "data_sources" if kind == "sources" else "needs"

    def fn(conn: Tx, w: WorkshopRow) -> Any:
        on_board = {c.id: c for c in _board_cards(conn, w, kind)}
        own = transfer.read_cards(conn, w.id) or WorkshopCards()
        deck = {c.id: c for c in getattr(own, deck_kind)}
        changed = 0
        for place, card_id, values in changes:
            found = (on_board if place == "board" else deck).get(card_id)
            if found is None:
                raise InvalidInput("card.unknown", card=str(card_id)[:64])
            card = _qualified(found, values)
            if card == found:
                continue
            changed += 1
            if place == "board":
                cards.set_card(conn, kind, w.id, card_id, card.model_dump(mode="json"))
            else:
                deck[card_id] = card
        if any(place == "deck" for place, _, _ in changes):
            own = own.model_copy(update={deck_kind: list(deck.values())})
            transfer.write_cards(conn, w.id, own)
        return changed, {"kind": kind, "count": changed}, None

    done: int = facilitate(store, code, secret, "qualify_cards", fn)
    return done
