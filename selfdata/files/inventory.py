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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from selfdata.domain.cards import Card, DataSourceCard, NeedCard
from selfdata.files.inventory_columns import (
    COLUMNS,
    EXAMPLE_MARKS,
    KINDS,
    REGISTER_COLUMNS,
    Column,
    ColumnUse,
    Kind,
    did_you_mean,
    kind_words,
    mapping_targets,
    message,
    norm,
    target_column,
    target_label,
)
from selfdata.files.inventory_rows import SheetReader, read_row
from selfdata.files.register import REGISTER_ONLY, register_target
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
    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    try:
        sheet = read_sheet(data, filename, lang)
    except SheetError as exc:
        return InventoryReading([], exc.problems, [], [], kind)
    told, refusal = _sheet_kind(sheet, filename, kind, lang)
    if refusal is not None or told is None:
        return InventoryReading([], [refusal] if refusal else [], [], [], told)
    kind = told
    reader = SheetReader(
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
        no_rows = reader.problem(message("no_rows", lang), sheet.header_line)
        return InventoryReading([], [no_rows], warnings, uses, kind)
    cards, problems = _read_rows(reader, sheet, columns, rows)
    register = reader.register or any(not u.known for u in uses)
    return InventoryReading(cards, problems, warnings, uses, kind, register)


def _sheet_kind(
    sheet: Sheet, filename: str, kind: Kind | None, lang: str
) -> tuple[Kind | None, CellProblem | None]:
    """The kind of cards the sheet holds (the one asked for, else the headers'), or a
    refusal when the headers say another kind or none."""
    found = detect_kind(sheet.headers)
    if kind is None:
        if found is None:
            text_ = message("which_kind", lang)
            return None, cell_problem(filename, lang, text_, sheet.header_line)
        return found, None
    if found is not None and found != kind:
        text_ = message(
            "wrong_kind", lang, found=kind_words(found, lang), expected=kind_words(kind, lang)
        )
        return kind, cell_problem(filename, lang, text_, sheet.header_line)
    return kind, None


def _read_rows(
    reader: SheetReader,
    sheet: Sheet,
    columns: dict[int, Column],
    rows: list[tuple[int, list[str]]],
) -> tuple[list[DataSourceCard | NeedCard], list[CellProblem]]:
    """The cards of the rows, and the problems (a second row with the same id refused)."""
    cards: list[DataSourceCard | NeedCard] = []
    problems: list[CellProblem] = []
    first_line: dict[str, int] = {}
    id_column = next((i for i, c in columns.items() if c.field == "id"), None)
    for line, cells in rows:
        card, row_problems = read_row(reader, columns, line, cells)
        if card is not None:
            other = first_line.setdefault(card.id, line)
            if other != line:
                text_ = message("duplicate_id", reader.lang, value=card.id, other=other)
                column = None if id_column is None else id_column + 1
                header = "" if id_column is None else sheet.headers[id_column]
                row_problems.append(reader.problem(text_, line, column, header))
                card = None
        problems += row_problems
        if card is not None and not row_problems:
            cards.append(card)
    return cards, problems


def _example_row(columns: dict[int, Column], cells: list[str]) -> bool:
    """The template's example row (its ``Identifiant`` says so): never imported."""
    return any(
        c.how == "id" and i < len(cells) and norm(cells[i]) in EXAMPLE_MARKS
        for i, c in columns.items()
    )


def _column_for(reader: SheetReader, header: str, table: dict[str, Column]) -> tuple[Column, bool]:
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


@dataclass
class _HeaderMap:
    """The columns read so far: index -> column, the (field, how) pairs seen and where,
    the problems, and the use shown to the facilitator for every column."""

    table: dict[str, Column]
    fixed: set[str]
    columns: dict[int, Column] = field(default_factory=dict)
    seen: dict[tuple[str, str], int] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    uses: list[ColumnUse] = field(default_factory=list)


def _map_headers(
    reader: SheetReader, sheet: Sheet, overrides: Mapping[int, str]
) -> tuple[dict[int, Column], list[CellProblem], list[ColumnUse]]:
    table = _columns_by_header(reader.kind, reader.sheet_lang)
    reader.register = any(
        register_target(h) in REGISTER_ONLY and norm(h) not in table for h in sheet.headers
    )
    fixed = {
        c.field
        for c in (target_column(reader.kind, v) for v in overrides.values())
        if c is not None and c.how not in ("notes", "ignore")
    }
    state = _HeaderMap(table, fixed)
    for i, header in enumerate(sheet.headers):
        if header or i in overrides:
            _map_header(reader, state, sheet.header_line, i, header, overrides.get(i, ""))
    missing = _missing_columns(reader, state.columns)
    if missing is not None:
        state.problems.insert(0, reader.problem(missing, sheet.header_line))
    return state.columns, state.problems, state.uses


def _map_header(
    reader: SheetReader, state: _HeaderMap, line: int, i: int, header: str, override: str
) -> None:
    column, known = _column_for(reader, header, state.table)
    chosen = target_column(reader.kind, override)
    if chosen is not None:
        column, known = chosen, True
    elif column.field in state.fixed and column.how not in ("notes", "ignore"):
        column = REGISTER_COLUMNS["register_notes"]  # the facilitator's choice wins
    target = next((k for k, c in REGISTER_COLUMNS.items() if c is column), column.field)
    state.uses.append(
        ColumnUse(i, header, target, target_label(reader.kind, target, reader.lang), known)
    )
    if column.how == "ignore":
        return
    if not known:
        names = [c.header(reader.sheet_lang) for c in COLUMNS[reader.kind]]
        hint = did_you_mean(header, names, reader.lang)
        text_ = message("unknown_column_kept", reader.lang, name=header, hint=hint)
        reader.warn(text_, line, i + 1, header)
    key = (column.field, column.how)
    if column.how == "notes" or key not in state.seen:
        if column.how != "notes":
            state.seen[key] = i
        state.columns[i] = column
    elif not (known and norm(header) in state.table):
        # a register's second column for the same field ("Service" beside "Responsable
        # de traitement"): kept as a note, never a refusal
        state.columns[i] = REGISTER_COLUMNS["register_notes"]
        notes_label = target_label(reader.kind, "register_notes", reader.lang)
        state.uses[-1] = ColumnUse(i, header, "register_notes", notes_label)
    else:
        other = column_letter(state.seen[key] + 1)
        text_ = message("twice", reader.lang, name=header, other=other)
        state.problems.append(reader.problem(text_, line, i + 1, header))


def _missing_columns(reader: SheetReader, columns: dict[int, Column]) -> str | None:
    """The message naming the required columns the sheet lacks, or ``None``."""
    present = {(c.field, c.how) for c in columns.values()}
    missing = [
        c.header(reader.sheet_lang)
        for c in COLUMNS[reader.kind]
        if c.required and (c.field, c.how) not in present and (c.field, "other") not in present
    ]
    if not missing:
        return None
    quote = "«\u202f{}\u202f»" if reader.lang == "fr" else "'{}'"
    listed = ", ".join(quote.format(m) for m in missing)
    plural = "s" if len(missing) > 1 else ""
    return message("missing_columns", reader.lang, s=plural, names=listed)


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
