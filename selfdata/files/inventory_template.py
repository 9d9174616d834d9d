"""Writing an inventory spreadsheet: the template to fill (one example row, never
imported), and any cards as a sheet that :func:`selfdata.files.inventory.read_inventory`
reads back unchanged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from selfdata.domain.cards import Card, I18nText
from selfdata.files.inventory_columns import (
    COLUMNS,
    DECK_OF_KIND,
    EXAMPLE_MARKS,
    Column,
    Kind,
    allowed_values,
    kind_words,
    label,
)
from selfdata.files.spreadsheets import XlsxSheet, write_csv, write_xlsx


def _cell(card: Card, column: Column, lang: str) -> Any:
    value = getattr(card, column.field, None)
    if value is None:
        return ""
    if column.how in ("text", "other"):
        assert isinstance(value, I18nText)
        other = "fr" if lang == "en" else "en"
        return value.get(lang if column.how == "text" else other)
    if column.how == "choice":
        return label(column.field, value, lang)
    if column.how == "ids":
        return ", ".join(value)
    if column.how == "bool":
        yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
        return yes if value else no
    if column.how == "lines":
        return "\n".join(value)
    if column.how == "choices":
        none = "aucune" if lang == "fr" else "none"
        return ", ".join(label(column.field, code, lang) for code in value) or none
    return value


def write_inventory(
    cards: Sequence[Card],
    kind: Kind,
    lang: str,
    fmt: str,
    *,
    decks: Mapping[str, Sequence[Card]] | None = None,
) -> bytes:
    """A spreadsheet (``csv`` or ``xlsx``) of ``cards``, headers and values in ``lang``,
    with the explanation of every column; :func:`read_inventory` reads it back unchanged."""
    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    columns = COLUMNS[kind]
    header = [c.header(lang) for c in columns]
    rows = [[_cell(card, c, lang) for c in columns] for card in cards]
    explained = _explanations(kind, lang, decks)
    if fmt == "csv":
        return write_csv([header, *[[str(v) for v in r] for r in rows]], explained, lang)
    words = kind_words(kind, lang)
    help_rows = [
        ["Colonne", "Obligatoire", "Contenu", "Valeurs permises"]
        if lang == "fr"
        else ["Column", "Required", "Contents", "Allowed values"]
    ]
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    for c in columns:
        help_rows.append(
            [
                c.header(lang),
                yes if c.required else no,
                c.help(lang),
                "\n".join(allowed_values(c, lang, decks)),
            ]
        )
    choices = {
        i: allowed_values(c, lang, decks)
        for i, c in enumerate(columns)
        if c.how in ("choice", "bool", "ease")
    }
    return write_xlsx(
        [
            XlsxSheet(words[:1].upper() + words[1:], [header, *rows], [24] * len(columns), choices),
            XlsxSheet("Aide" if lang == "fr" else "Help", help_rows, [28, 12, 60, 60]),
        ]
    )


def _explanations(kind: Kind, lang: str, decks: Mapping[str, Sequence[Card]]) -> list[str]:
    colon = "\u00a0:" if lang == "fr" else ":"
    if lang == "fr":
        lines = [
            f"Inventaire des {kind_words(kind, 'fr')} — modèle Atelier Self Data.",
            "Une ligne par carte sous la ligne d’en-têtes ; les lignes commençant par # sont "
            "ignorées. Vérifiez le fichier avec : python -m selfdata validate FICHIER.csv",
            "Colonnes (* = obligatoire) :",
        ]
    else:
        lines = [
            f"Inventory of {kind_words(kind, 'en')} — Atelier Self Data template.",
            "One row per card under the header row; lines starting with # are ignored. "
            "Check the file with: python -m selfdata validate FILE.csv",
            "Columns (* = required):",
        ]
    for c in COLUMNS[kind]:
        star = " *" if c.required else ""
        line = f"  {c.header(lang)}{star}{colon} {c.help(lang)}"
        values = allowed_values(c, lang, decks)
        if values:
            line += (
                (" — valeurs" if lang == "fr" else " — values") + f"{colon} " + " / ".join(values)
            )
        lines.append(line)
    return lines


def example_card(kind: Kind, decks: Mapping[str, Sequence[Card]]) -> Card:
    """The template's example row: the first card of the shipped deck of that kind."""
    return decks[DECK_OF_KIND[kind]][0]


def write_template(
    kind: Kind,
    lang: str = "fr",
    fmt: str = "xlsx",
    *,
    decks: Mapping[str, Sequence[Card]] | None = None,
) -> bytes:
    """The spreadsheet to fill: headers in ``lang``, one example row (its ``Identifiant`` is
    ``exemple``: it is never imported), every column explained."""
    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    example = example_card(kind, decks).model_copy(update={"id": EXAMPLE_MARKS[lang == "en"]})
    return write_inventory([example], kind, lang, fmt, decks=decks)
