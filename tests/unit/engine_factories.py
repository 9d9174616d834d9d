"""Tiny factories for the engine tests (matching, governance, network, ranking)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from selfdata.cards import DECK_KINDS, Decks
from selfdata.loading import CARDS_DIR, parse_deck, read_document
from selfdata.workshop import Workshop


@functools.cache
def shipped_decks() -> Decks:
    """The decks in ``cards/``; a deck file not written yet counts as empty."""
    found: dict[str, list[Any]] = {}
    for kind in DECK_KINDS:
        path = Path(CARDS_DIR) / f"{kind}.yaml"
        found[kind] = parse_deck(read_document(path), str(path))[1] if path.exists() else []
    return Decks(**found)


def workshop(**fields: Any) -> Workshop:
    data: dict[str, Any] = {"title": "Atelier test", "territory": "Testville", "theme": "energy"}
    data.update(fields)
    return Workshop.model_validate(data)
