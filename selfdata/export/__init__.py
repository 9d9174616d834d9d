"""PDF exports: the scenario dossier, the workshop report and the printable card deck.

Pure functions ``(Workshop, Decks, lang) -> PDF bytes``: they call the engines themselves,
need no browser and embed DejaVu Sans (see :mod:`selfdata.export.fonts`).
"""

from __future__ import annotations

from selfdata.export.deck import card_deck
from selfdata.export.dossier import ScenarioNotFoundError, scenario_dossier
from selfdata.export.fonts import FontNotFoundError
from selfdata.export.report import workshop_report

__all__ = [
    "FontNotFoundError",
    "ScenarioNotFoundError",
    "card_deck",
    "scenario_dossier",
    "workshop_report",
]
