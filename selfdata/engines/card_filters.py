"""Filtering data-source cards in the inventory (theme, holder kind, sensitivity, access,
words), and cutting a list of cards into pages. Pure: no Streamlit."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from selfdata.domain.cards import DataSourceCard

T = TypeVar("T")


def source_words(card: DataSourceCard, lang: str) -> str:
    """Every searchable word of a source card in one language, lower-cased."""
    parts = [card.id, card.title.get(lang), card.description.get(lang), card.holder.get(lang)]
    parts += card.themes + card.categories
    return " ".join(parts).casefold()


def filter_sources(
    cards: Sequence[DataSourceCard],
    *,
    themes: Collection[str] = (),
    holder_kinds: Collection[str] = (),
    sensitivities: Collection[str] = (),
    accesses: Collection[str] = (),
    text: str = "",
    lang: str = "fr",
) -> list[DataSourceCard]:
    """The cards that pass every filter given (an empty filter lets everything through).
    A card passes the theme filter when it shares at least one theme. Order is kept."""
    words = text.strip().casefold()
    return [
        c
        for c in cards
        if (not themes or set(c.themes) & set(themes))
        and (not holder_kinds or c.holder_kind in holder_kinds)
        and (not sensitivities or c.sensitivity in sensitivities)
        and (not accesses or c.access in accesses)
        and (not words or words in source_words(c, lang))
    ]


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, which page it is (0-based, clamped) and where it sits."""

    items: tuple[T, ...]
    number: int
    """0-based; asking beyond the last page gives the last one, below 0 the first."""
    count: int
    """How many pages (at least 1, even for an empty list)."""
    first: int
    """1-based position of the first item shown (0 when the list is empty)."""
    last: int
    """1-based position of the last item shown (0 when the list is empty)."""
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return self.number < self.count - 1


def paginate(items: Sequence[T], number: int, size: int) -> Page[T]:
    """Page ``number`` (0-based) of ``items`` cut into pages of ``size`` (at least 1)."""
    size = max(1, size)
    count = max(1, -(-len(items) // size))
    number = min(max(0, number), count - 1)
    start = number * size
    shown = tuple(items[start : start + size])
    first = start + 1 if shown else 0
    return Page(shown, number, count, first, start + len(shown), len(items))
