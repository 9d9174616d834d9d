"""PDF exports: the scenario dossier, the workshop report and the printable card deck.

Pure functions ``(Workshop, Decks, lang) -> PDF bytes``: they call the engines themselves,
need no browser and embed DejaVu Sans (see :mod:`selfdata.export.fonts`).
"""

from __future__ import annotations

from selfdata.export.deck import card_deck

__all__ = ["card_deck"]
