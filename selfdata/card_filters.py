"""Filtering data-source cards in the inventory (theme, holder kind, sensitivity, access,
words). Pure: no Streamlit."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from selfdata.cards import DataSourceCard


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
