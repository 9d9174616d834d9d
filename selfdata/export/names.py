"""File names for the exported PDFs: ASCII, lower case, safe on every file system."""

from __future__ import annotations

import re
import unicodedata

from selfdata.domain.workshop import Workshop


def slug(text: str, limit: int = 40) -> str:
    """``"Atelier mobilité à La Rochelle"`` → ``"atelier-mobilite-a-la-rochelle"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "atelier"


def dossier_filename(workshop: Workshop, scenario_id: str, lang: str) -> str:
    return f"{slug(workshop.title)}-{slug(scenario_id, 64)}-{lang}.pdf"


def report_filename(workshop: Workshop, lang: str) -> str:
    suffix = "report" if lang == "en" else "rapport"
    return f"{slug(workshop.title)}-{suffix}-{lang}.pdf"


def deck_filename(lang: str) -> str:
    return "selfdata-cards-en.pdf" if lang == "en" else "selfdata-cartes-fr.pdf"
