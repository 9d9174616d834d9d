"""Tiny factories for the engine tests (matching, governance, network, ranking)."""

from __future__ import annotations

from typing import Any

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import default_decks


def shipped_decks() -> Decks:
    return default_decks()


def workshop(**fields: Any) -> Workshop:
    data: dict[str, Any] = {"title": "Atelier test", "territory": "Testville", "theme": "energy"}
    data.update(fields)
    return Workshop.model_validate(data)
