"""A city's inventory as a spreadsheet: data-source or need cards, one row each.

:func:`write_template` gives the spreadsheet to fill (French headers by default, one
example row, an explanation of every column and its allowed values: a second sheet in XLSX,
``#`` lines on top of a CSV). :func:`read_inventory` reads a filled one back into
:class:`~selfdata.domain.cards.DataSourceCard` or :class:`~selfdata.domain.cards.NeedCard`
models — the same pydantic models, hence the same rules, as the decks — with one
:class:`~selfdata.files.spreadsheets.CellProblem` per problem, naming the line and the
column, with "did you mean" suggestions. It never raises on bad input.

A spreadsheet holds one language per column: ``Titre`` (the sheet's language) and
``Titre (anglais)`` (optional: the same text is used for both languages when it is empty).
Closed vocabularies (holder kind, access…) accept the code (``public_utility``) or its
words in either language (``régie publique``); themes and data categories are ids of the
decks, separated by commas. Headers are recognised in French or English.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from selfdata.domain.cards import Card, DataSourceCard, NeedCard
from selfdata.files.inventory_columns import (
    COLUMNS,
    EASE_WORDS,
    EXAMPLE_MARKS,
    KINDS,
    MODEL_OF_KIND,
    NO,
    REGISTER_COLUMNS,
    SYNONYMS,
    YES,
    Column,
    ColumnUse,
    Kind,
    choice_code,
    choice_codes,
    codes,
    did_you_mean,
    kind_words,
    label,
    mapping_targets,
    message,
    norm,
    target_column,
    target_label,
    words,
)
from selfdata.files.problems import SLUG_PATTERN, validation_problems
from selfdata.files.register import REGISTER_ONLY, category_ids, register_target
from selfdata.files.spreadsheets import (
    CellProblem,
    Sheet,
    SheetError,
    cell_problem,
    column_letter,
    read_sheet,
    sheet_format,
)

# --- reading ----------------------------------------------------------------------------------


def _slug(text_: str) -> str:
    spaced = re.sub(r"[’'`]", " ", text_)  # "d’eau" -> "d_eau", not "deau"
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:64].rstrip("_")
    return slug or "item"


def _header_lang(headers: Sequence[str], default: str = "fr") -> str:
    """``fr`` or ``en``: the language most headers are written in (``default`` on a tie)."""
    names = {
        lang: {norm(c.header(lang)) for cols in COLUMNS.values() for c in cols}
        for lang in ("fr", "en")
    }
    fr_only = sum(1 for h in headers if norm(h) in names["fr"] - names["en"])
    en_only = sum(1 for h in headers if norm(h) in names["en"] - names["fr"])
    if en_only == fr_only:
        return default
    return "en" if en_only > fr_only else "fr"


def _columns_by_header(kind: str, sheet_lang: str) -> dict[str, Column]:
    """Normalised header -> column; the sheet's language wins where both name a column."""
    other = "fr" if sheet_lang == "en" else "en"
    table: dict[str, Column] = {}
    for lang in (other, sheet_lang):
        for column in COLUMNS[kind]:
            header = norm(column.header(lang))
            # "Titre" in an English sheet is the French title: the text in the other language.
            if column.how in ("text", "other") and lang != sheet_lang:
                how = "other" if column.how == "text" else "text"
                twin = next(c for c in COLUMNS[kind] if c.field == column.field and c.how == how)
                table[header] = twin
            else:
                table[header] = column
    return table


def detect_kind(headers: Sequence[str]) -> Kind | None:
    """The kind whose template the headers match best, or None when neither matches."""
    known = {norm(h) for h in headers}
    scores = {}
    for kind in KINDS:
        names = {norm(c.header(lang)) for c in COLUMNS[kind] for lang in ("fr", "en")}
        others = {
            norm(c.header(lang))
            for k in KINDS
            if k != kind
            for c in COLUMNS[k]
            for lang in ("fr", "en")
        }
        scores[kind] = len(known & (names - others))
    # a GDPR processing register lists processings: data sources
    scores["sources"] += sum(1 for h in headers if register_target(h) in REGISTER_ONLY)
    best = max(KINDS, key=lambda k: scores[k])
    return best if scores[best] else None


@dataclass
class InventoryReading:
    """A sheet read: its cards, what refuses it (``problems``), what it should know
    (``warnings``: unknown columns kept, the template's example row left out, register
    words not found in the decks), the column mapping used, and the kind read."""

    cards: list[DataSourceCard | NeedCard]
    problems: list[CellProblem]
    warnings: list[CellProblem]
    mapping: list[ColumnUse]
    kind: str | None = None
    register: bool = False
    """The sheet is a processing register (or has columns the template does not know)."""


@dataclass
class _Reader:
    file: str
    lang: str
    kind: str
    decks: Mapping[str, Sequence[Card]]
    sheet_lang: str
    register: bool = False
    warnings: list[CellProblem] | None = None
    headers: Sequence[str] = ()

    def warn(
        self, text_: str, line: int | None = None, column: int | None = None, header: str = ""
    ) -> None:
        if self.warnings is not None:
            self.warnings.append(self.problem(text_, line, column, header))

    def problem(
        self, text_: str, line: int | None = None, column: int | None = None, header: str = ""
    ) -> CellProblem:
        return cell_problem(self.file, self.lang, text_, line, column, header)


def read_inventory(
    data: bytes,
    filename: str,
    kind: Kind | None,
    lang: str = "fr",
    *,
    decks: Mapping[str, Sequence[Card]] | None = None,
) -> tuple[list[DataSourceCard | NeedCard], list[CellProblem]]:
    """The cards of an inventory spreadsheet (CSV or XLSX) and every problem found in it.

    ``kind`` is ``sources`` or ``needs`` (None: told by the headers); ``lang`` is the
    language of the problems; themes and data categories are checked against ``decks``
    (kind -> cards; default: the shipped decks). Rows with a problem give no card. Never
    raises on bad input.
    """
    reading = read_sheet_cards(data, filename, kind, lang, decks=decks)
    return reading.cards, reading.problems


def read_sheet_cards(
    data: bytes,
    filename: str,
    kind: Kind | None,
    lang: str = "fr",
    *,
    decks: Mapping[str, Sequence[Card]] | None = None,
    mapping: Mapping[int, str] | None = None,
) -> InventoryReading:
    """:func:`read_inventory` with its warnings and the column mapping it used;
    ``mapping`` (column index -> target, see :class:`ColumnUse`) overrides what the headers
    say, as the facilitator fixes it in the preview. Never raises on bad input."""
    try:
        return _read_inventory(data, filename, kind, lang, decks, mapping or {})
    except Exception as exc:  # noqa: BLE001 — a bug must still not reach the user as a traceback
        text_ = message("internal", lang, error=type(exc).__name__)
        return InventoryReading([], [cell_problem(filename, lang, text_)], [], [])


def _read_inventory(
    data: bytes,
    filename: str,
    kind: Kind | None,
    lang: str,
    decks: Mapping[str, Sequence[Card]] | None,
    overrides: Mapping[int, str],
) -> InventoryReading:
    def refused(problems: list[CellProblem]) -> InventoryReading:
        return InventoryReading([], problems, [], [], kind)

    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    try:
        sheet = read_sheet(data, filename, lang)
    except SheetError as exc:
        return refused(exc.problems)
    found = detect_kind(sheet.headers)
    if kind is None:
        if found is None:
            return refused(
                [cell_problem(filename, lang, message("which_kind", lang), sheet.header_line)]
            )
        kind = found
    elif found is not None and found != kind:
        text_ = message(
            "wrong_kind", lang, found=kind_words(found, lang), expected=kind_words(kind, lang)
        )
        return refused([cell_problem(filename, lang, text_, sheet.header_line)])
    reader = _Reader(
        filename,
        lang,
        kind,
        decks,
        _header_lang(sheet.headers, lang),
        warnings=[],
        headers=sheet.headers,
    )
    columns, problems, uses = _map_headers(reader, sheet, overrides)
    warnings = reader.warnings if reader.warnings is not None else []
    if problems:
        return InventoryReading([], problems, warnings, uses, kind)
    rows = [(line, cells) for line, cells in sheet.rows if not _example_row(columns, cells)]
    if len(rows) < len(sheet.rows):
        reader.warn(message("example_skipped", lang), sheet.rows[0][0])
    if not rows and len(rows) == len(sheet.rows):
        return InventoryReading(
            [], [reader.problem(message("no_rows", lang), sheet.header_line)], warnings, uses, kind
        )
    cards: list[DataSourceCard | NeedCard] = []
    first_line: dict[str, int] = {}
    for line, cells in rows:
        card, row_problems = _read_row(reader, columns, line, cells)
        if card is not None:
            other = first_line.setdefault(card.id, line)
            if other != line:
                id_column = next((i for i, c in columns.items() if c.field == "id"), None)
                row_problems.append(
                    reader.problem(
                        message("duplicate_id", lang, value=card.id, other=other),
                        line,
                        None if id_column is None else id_column + 1,
                        "" if id_column is None else sheet.headers[id_column],
                    )
                )
                card = None
        problems += row_problems
        if card is not None and not row_problems:
            cards.append(card)
    register = reader.register or any(not u.known for u in uses)
    return InventoryReading(cards, problems, warnings, uses, kind, register)


def _example_row(columns: dict[int, Column], cells: list[str]) -> bool:
    """The template's example row (its ``Identifiant`` says so): never imported."""
    return any(
        c.how == "id" and i < len(cells) and norm(cells[i]) in EXAMPLE_MARKS
        for i, c in columns.items()
    )


def _column_for(reader: _Reader, header: str, table: dict[str, Column]) -> tuple[Column, bool]:
    """The column a header names (the template's, else a register's), and whether it is
    known; an unknown one is kept on the card as a note."""
    column = table.get(norm(header))
    if column is not None:
        if reader.register and column.field == "categories":  # a register's own words
            return REGISTER_COLUMNS["register_categories"], True
        return column, True
    target = register_target(header)
    if target is not None:
        found = target_column(reader.kind, target)
        if found is not None and (reader.kind == "sources" or target not in REGISTER_ONLY):
            return found, True
    return REGISTER_COLUMNS["register_notes"], False


def _map_headers(
    reader: _Reader, sheet: Sheet, overrides: Mapping[int, str]
) -> tuple[dict[int, Column], list[CellProblem], list[ColumnUse]]:
    table = _columns_by_header(reader.kind, reader.sheet_lang)
    columns: dict[int, Column] = {}
    seen: dict[tuple[str, str], int] = {}
    problems: list[CellProblem] = []
    uses: list[ColumnUse] = []
    line = sheet.header_line
    reader.register = any(
        register_target(h) in REGISTER_ONLY and norm(h) not in table for h in sheet.headers
    )
    fixed = {
        c.field
        for c in (target_column(reader.kind, v) for v in overrides.values())
        if c is not None and c.how not in ("notes", "ignore")
    }
    for i, header in enumerate(sheet.headers):
        if not header and i not in overrides:
            continue
        column, known = _column_for(reader, header, table)
        override = target_column(reader.kind, overrides.get(i, ""))
        if override is not None:
            column, known = override, True
        elif column.field in fixed and column.how not in ("notes", "ignore"):
            column = REGISTER_COLUMNS["register_notes"]  # the facilitator's choice wins
        target = next((k for k, c in REGISTER_COLUMNS.items() if c is column), column.field)
        uses.append(
            ColumnUse(i, header, target, target_label(reader.kind, target, reader.lang), known)
        )
        if column.how == "ignore":
            continue
        if not known:
            names = [c.header(reader.sheet_lang) for c in COLUMNS[reader.kind]]
            hint = did_you_mean(header, names, reader.lang)
            reader.warn(
                message("unknown_column_kept", reader.lang, name=header, hint=hint),
                line,
                i + 1,
                header,
            )
        key = (column.field, column.how)
        if column.how == "notes":
            columns[i] = column
            continue
        if key in seen and not (known and norm(header) in table):
            # a register's second column for the same field ("Service" beside "Responsable
            # de traitement"): kept as a note, never a refusal
            columns[i] = REGISTER_COLUMNS["register_notes"]
            uses[-1] = ColumnUse(
                i,
                header,
                "register_notes",
                target_label(reader.kind, "register_notes", reader.lang),
            )
            continue
        if key in seen:
            other = column_letter(seen[key] + 1)
            problems.append(
                reader.problem(
                    message("twice", reader.lang, name=header, other=other), line, i + 1, header
                )
            )
            continue
        seen[key] = i
        columns[i] = column
    present = {(c.field, c.how) for c in columns.values()}
    missing = [
        c.header(reader.sheet_lang)
        for c in COLUMNS[reader.kind]
        if c.required and (c.field, c.how) not in present and (c.field, "other") not in present
    ]
    if missing:
        quote = "«\u202f{}\u202f»" if reader.lang == "fr" else "'{}'"
        listed = ", ".join(quote.format(m) for m in missing)
        plural = "s" if len(missing) > 1 else ""
        problems.insert(
            0,
            reader.problem(message("missing_columns", reader.lang, s=plural, names=listed), line),
        )
    return columns, problems, uses


def _read_row(
    reader: _Reader, columns: dict[int, Column], line: int, cells: list[str]
) -> tuple[DataSourceCard | NeedCard | None, list[CellProblem]]:
    lang = reader.lang
    raw: dict[str, Any] = {}
    texts: dict[str, dict[str, str]] = {}
    problems: list[CellProblem] = []
    notes: list[str] = []
    where: dict[str, tuple[int, str]] = {}
    other_lang = "fr" if reader.sheet_lang == "en" else "en"
    for index, column in columns.items():
        value = cells[index] if index < len(cells) else ""
        header = column.header(reader.sheet_lang)
        where.setdefault(column.field, (index + 1, header))
        sheet_header = reader.headers[index] if index < len(reader.headers) else header

        def fail(text_: str, index: int = index, header: str = header, value: str = value) -> None:
            if reader.register:  # a register's words warn, the text is kept on the card
                reader.warn(text_, line, index + 1, header)
                notes.append(f"{header}{_colon(reader.sheet_lang)}{value}")
            else:
                problems.append(reader.problem(text_, line, index + 1, header))

        if column.how == "notes":
            if value:
                notes.append(f"{sheet_header}{_colon(reader.sheet_lang)}{value}")
            continue
        if column.how == "free_categories":
            if value:
                deck_cats = [
                    (c.id, c.title.fr, c.title.en) for c in _deck(reader, "data_categories")
                ]
                raw.setdefault("categories", []).extend(category_ids(value, deck_cats))
                notes.append(f"{sheet_header}{_colon(reader.sheet_lang)}{value}")
            continue
        if column.how in ("text", "other"):
            if value:
                lang_of = reader.sheet_lang if column.how == "text" else other_lang
                texts.setdefault(column.field, {})[lang_of] = value
            continue
        if not value:
            if column.required:
                fail(message("required", lang))
            continue
        if column.how == "id":
            raw["id"] = value
        elif column.how == "choice":
            code = choice_code(column.field, value)
            if code is None:
                allowed = [label(column.field, c, lang) for c in codes(column.field)]
                known = {
                    norm(w): w
                    for c in codes(column.field)
                    for w in (
                        c,
                        *words(column.field, c),
                        *SYNONYMS.get(column.field, {}).get(c, ()),
                    )
                }
                close = difflib.get_close_matches(norm(value), list(known), n=1, cutoff=0.6)
                hint = message("did_you_mean", lang, value=known[close[0]]) if close else ""
                fail(
                    message(
                        "unknown_value", lang, value=value, hint=hint, allowed=", ".join(allowed)
                    )
                )
            else:
                raw[column.field] = code
        elif column.how == "ids":
            raw[column.field] = _ids(reader, column, value, fail)
        elif column.how == "ease":
            number = str(EASE_WORDS.get(norm(value), value.removesuffix(".0")))
            if number not in ("1", "2", "3"):
                fail(message("ease", lang, value=value))
            else:
                raw["ease"] = int(number)
        elif column.how == "bool":
            if norm(value) in YES:
                raw[column.field] = True
            elif norm(value) in NO:
                raw[column.field] = False
            else:
                fail(message("bool", lang, value=value))
        elif column.how == "lines":
            raw[column.field] = [s.strip() for s in re.split(r"[\n;]", value) if s.strip()]
        elif column.how == "choices":
            raw[column.field] = choice_codes(column, value, fail, lang)
    for field, pair in texts.items():
        one = pair.get(reader.sheet_lang) or pair.get(other_lang, "")
        raw[field] = {"fr": pair.get("fr", one), "en": pair.get("en", one)}
    _register_facts(reader, raw, notes)
    for column in COLUMNS[reader.kind]:
        if column.how == "text" and column.required and column.field not in raw:
            index, header = where[column.field]
            problems.append(reader.problem(message("required", lang), line, index, header))
    if "id" not in raw:
        if "title" in raw:
            raw["id"] = _slug(raw["title"][reader.sheet_lang])
    elif not re.match(SLUG_PATTERN, raw["id"]) or len(raw["id"]) > 64:
        index, header = where["id"]
        problems.append(
            reader.problem(message("bad_slug", lang, value=raw["id"]), line, index, header)
        )
    if problems:
        return None, problems
    model = MODEL_OF_KIND[reader.kind]
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        for p in validation_problems(reader.file, exc, model=model):
            field = p.where.split(".")[0].split("[")[0]
            spot = where.get(field)
            problems.append(
                reader.problem(p.message, line, *(spot if spot is not None else (None, "")))
            )
        return None, problems


def _colon(lang: str) -> str:
    return "\u00a0: " if lang != "en" else ": "


def _deck(reader: _Reader, kind: str) -> Sequence[Card]:
    return reader.decks.get(kind) or ()


def _register_facts(reader: _Reader, raw: dict[str, Any], notes: list[str]) -> None:
    """A source's description from the register when the sheet gives none (its purpose,
    else its title), and the other columns kept as notes."""
    if reader.kind != "sources":
        if notes:
            raw.setdefault("sources", []).extend(notes)
        return
    if "description" not in raw and ("purpose" in raw or "title" in raw):
        raw["description"] = raw.get("purpose") or raw["title"]
    if notes:
        text_ = "\n".join(notes)
        raw["register_notes"] = {"fr": text_, "en": text_}
    if "categories" in raw:
        raw["categories"] = list(dict.fromkeys(raw["categories"]))


def _ids(reader: _Reader, column: Column, value: str, fail: Any) -> list[str]:
    deck = "themes" if column.field == "themes" else "data_categories"
    unknown = "unknown_theme" if deck == "themes" else "unknown_category"
    cards = reader.decks.get(deck)
    out = []
    for part in re.split(r"[,;\n]", value):
        item = part.strip()
        if not item:
            continue
        if cards is None:
            out.append(item)
            continue
        match = next(
            (c.id for c in cards if norm(item) in (norm(c.id), norm(c.title.fr), norm(c.title.en))),
            None,
        )
        if match is None:
            hint = did_you_mean(item, [c.id for c in cards], reader.lang)
            allowed = ", ".join(c.id for c in cards)
            fail(message(unknown, reader.lang, value=item, hint=hint, allowed=allowed))
        else:
            out.append(match)
    return out


from selfdata.files.inventory_template import (  # noqa: E402 — the writing half, re-exported
    _cell,
    example_card,
    write_inventory,
    write_template,
)

__all__ = [
    "ColumnUse",
    "InventoryReading",
    "_cell",
    "detect_kind",
    "example_card",
    "format_of",
    "mapping_targets",
    "read_inventory",
    "read_sheet_cards",
    "sheet_language",
    "target_column",
    "target_label",
    "write_inventory",
    "write_template",
]


def sheet_language(data: bytes, filename: str) -> str:
    """``fr`` or ``en``: the language of the sheet's headers (English when unreadable)."""
    try:
        return _header_lang(read_sheet(data, filename, "en").headers, "en")
    except SheetError:
        return "en"


def format_of(filename: str) -> str | None:
    """``csv`` or ``xlsx`` for an inventory file name."""
    return sheet_format(filename)
