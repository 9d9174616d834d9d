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

from selfdata.domain.cards import Card, DataSourceCard, I18nText, NeedCard
from selfdata.files.inventory_columns import (
    COLUMNS,
    DECK_OF_KIND,
    KINDS,
    MODEL_OF_KIND,
    NO,
    NONE_WORDS,
    YES,
    Column,
    Kind,
    allowed_values,
    codes,
    did_you_mean,
    kind_words,
    label,
    message,
    norm,
    words,
)
from selfdata.files.problems import SLUG_PATTERN, validation_problems
from selfdata.files.spreadsheets import (
    CellProblem,
    Sheet,
    SheetError,
    XlsxSheet,
    cell_problem,
    column_letter,
    read_sheet,
    sheet_format,
    write_csv,
    write_xlsx,
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
    best = max(KINDS, key=lambda k: scores[k])
    return best if scores[best] else None


@dataclass
class _Reader:
    file: str
    lang: str
    kind: str
    decks: Mapping[str, Sequence[Card]]
    sheet_lang: str

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
    try:
        return _read_inventory(data, filename, kind, lang, decks)
    except Exception as exc:  # noqa: BLE001 — a bug must still not reach the user as a traceback
        text_ = message("internal", lang, error=type(exc).__name__)
        return [], [cell_problem(filename, lang, text_)]


def _read_inventory(
    data: bytes,
    filename: str,
    kind: Kind | None,
    lang: str,
    decks: Mapping[str, Sequence[Card]] | None,
) -> tuple[list[DataSourceCard | NeedCard], list[CellProblem]]:
    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    try:
        sheet = read_sheet(data, filename, lang)
    except SheetError as exc:
        return [], exc.problems
    found = detect_kind(sheet.headers)
    if kind is None:
        if found is None:
            return [], [
                cell_problem(filename, lang, message("which_kind", lang), sheet.header_line)
            ]
        kind = found
    elif found is not None and found != kind:
        text_ = message(
            "wrong_kind", lang, found=kind_words(found, lang), expected=kind_words(kind, lang)
        )
        return [], [cell_problem(filename, lang, text_, sheet.header_line)]
    reader = _Reader(filename, lang, kind, decks, _header_lang(sheet.headers, lang))
    columns, problems = _map_headers(reader, sheet)
    if problems:
        return [], problems
    if not sheet.rows:
        return [], [reader.problem(message("no_rows", lang), sheet.header_line)]
    cards: list[DataSourceCard | NeedCard] = []
    first_line: dict[str, int] = {}
    for line, cells in sheet.rows:
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
    return cards, problems


def _map_headers(reader: _Reader, sheet: Sheet) -> tuple[dict[int, Column], list[CellProblem]]:
    table = _columns_by_header(reader.kind, reader.sheet_lang)
    columns: dict[int, Column] = {}
    seen: dict[tuple[str, str], int] = {}
    problems: list[CellProblem] = []
    line = sheet.header_line
    for i, header in enumerate(sheet.headers):
        if not header:
            continue
        column = table.get(norm(header))
        if column is None:
            names = [c.header(reader.sheet_lang) for c in COLUMNS[reader.kind]]
            hint = did_you_mean(header, names, reader.lang)
            problems.append(
                reader.problem(
                    message("unknown_column", reader.lang, name=header, hint=hint),
                    line,
                    i + 1,
                    header,
                )
            )
            continue
        key = (column.field, column.how)
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
        quote = "« {} »" if reader.lang == "fr" else "'{}'"
        listed = ", ".join(quote.format(m) for m in missing)
        plural = "s" if len(missing) > 1 else ""
        problems.insert(
            0,
            reader.problem(message("missing_columns", reader.lang, s=plural, names=listed), line),
        )
    return columns, problems


def _read_row(
    reader: _Reader, columns: dict[int, Column], line: int, cells: list[str]
) -> tuple[DataSourceCard | NeedCard | None, list[CellProblem]]:
    lang = reader.lang
    raw: dict[str, Any] = {}
    texts: dict[str, dict[str, str]] = {}
    problems: list[CellProblem] = []
    where: dict[str, tuple[int, str]] = {}
    other_lang = "fr" if reader.sheet_lang == "en" else "en"
    for index, column in columns.items():
        value = cells[index] if index < len(cells) else ""
        header = column.header(reader.sheet_lang)
        where.setdefault(column.field, (index + 1, header))

        def fail(text_: str, index: int = index, header: str = header) -> None:
            problems.append(reader.problem(text_, line, index + 1, header))

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
            code = _choice(column.field, value)
            if code is None:
                allowed = [label(column.field, c, lang) for c in codes(column.field)]
                known = {
                    norm(w): w for c in codes(column.field) for w in (c, *words(column.field, c))
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
            number = value.removesuffix(".0")
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
            raw[column.field] = _choices(column, value, fail, lang)
    for field, pair in texts.items():
        one = pair.get(reader.sheet_lang) or pair.get(other_lang, "")
        raw[field] = {"fr": pair.get("fr", one), "en": pair.get("en", one)}
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


def _choice(vocab: str, value: str) -> str | None:
    wanted = norm(value)
    for code in codes(vocab):
        fr, en = words(vocab, code)
        if wanted in (norm(code), norm(fr), norm(en)):
            return code
    return None


def _choices(column: Column, value: str, fail: Any, lang: str) -> list[str]:
    if norm(value) in NONE_WORDS:
        return []
    out = []
    for part in re.split(r"[,;\n]", value):
        if not part.strip():
            continue
        code = _choice(column.field, part.strip())
        if code is None:
            allowed = ", ".join(label(column.field, c, lang) for c in codes(column.field))
            fail(message("unknown_value", lang, value=part.strip(), hint="", allowed=allowed))
        else:
            out.append(code)
    return out


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
            fail(message(unknown, reader.lang, value=item, hint=hint))
        else:
            out.append(match)
    return out


# --- writing ----------------------------------------------------------------------------------


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
    """The spreadsheet to fill: headers in ``lang``, one example row, every column explained."""
    if decks is None:
        from selfdata.files.loading import shipped_deck_set

        decks = shipped_deck_set()
    return write_inventory([example_card(kind, decks)], kind, lang, fmt, decks=decks)


def sheet_language(data: bytes, filename: str) -> str:
    """``fr`` or ``en``: the language of the sheet's headers (English when unreadable)."""
    try:
        return _header_lang(read_sheet(data, filename, "en").headers, "en")
    except SheetError:
        return "en"


def format_of(filename: str) -> str | None:
    """``csv`` or ``xlsx`` for an inventory file name."""
    return sheet_format(filename)
