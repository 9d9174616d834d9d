"""Tiny factories for the engine tests (matching, governance, network, ranking)."""

from __future__ import annotations

from typing import Any

from selfdata.cards import Decks
from selfdata.loading import default_decks
from selfdata.workshop import Workshop


def shipped_decks() -> Decks:
    return default_decks()


def workshop(**fields: Any) -> Workshop:
    data: dict[str, Any] = {"title": "Atelier test", "territory": "Testville", "theme": "energy"}
    data.update(fields)
    return Workshop.model_validate(data)
