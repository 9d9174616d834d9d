"""One row of an inventory spreadsheet read into a card: each cell by what its column holds
(:class:`~selfdata.files.inventory_columns.Column` ``how``), then the card checked by the
pydantic model. The sheet as a whole is read by :mod:`selfdata.files.inventory`."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from selfdata.domain.cards import Card, DataSourceCard, NeedCard
from selfdata.files.inventory_columns import (
    COLUMNS,
    EASE_WORDS,
    MODEL_OF_KIND,
    NO,
    SYNONYMS,
    YES,
    Column,
    choice_code,
    choice_codes,
    codes,
    did_you_mean,
    label,
    message,
    norm,
    words,
)
from selfdata.files.problems import SLUG_PATTERN, validation_problems
from selfdata.files.register import category_ids
from selfdata.files.spreadsheets import CellProblem, cell_problem


def slug_of(text_: str) -> str:
    spaced = re.sub(r"[’'`]", " ", text_)  # "d’eau" -> "d_eau", not "deau"
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:64].rstrip("_")
    return slug or "item"


@dataclass
class SheetReader:
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


Fail = Callable[[str], None]


@dataclass
class _Row:
    """One row as its cells are read: the card's fields so far, the texts per language, the
    problems, the notes kept, and where each field was found (column, header)."""

    reader: SheetReader
    line: int
    raw: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    where: dict[str, tuple[int, str]] = field(default_factory=dict)

    def note(self, header: str, value: str) -> None:
        self.notes.append(f"{header}{_colon(self.reader.sheet_lang)}{value}")

    def failer(self, index: int, header: str, value: str) -> Fail:
        """How a cell's problem is told: a register's words warn and the text is kept on the
        card; a template's are refused."""

        def fail(text_: str) -> None:
            if self.reader.register:
                self.reader.warn(text_, self.line, index + 1, header)
                self.note(header, value)
            else:
                self.problems.append(self.reader.problem(text_, self.line, index + 1, header))

        return fail


def read_row(
    reader: SheetReader, columns: dict[int, Column], line: int, cells: list[str]
) -> tuple[DataSourceCard | NeedCard | None, list[CellProblem]]:
    """The card of one row, or ``None`` and the row's problems."""
    row = _Row(reader, line)
    for index, column in columns.items():
        value = cells[index] if index < len(cells) else ""
        _read_cell(row, index, column, value)
    _merge_texts(row)
    _register_facts(reader, row.raw, row.notes)
    _check_required_texts(row)
    _check_id(row)
    if row.problems:
        return None, row.problems
    return _validated(row)


def _read_cell(row: _Row, index: int, column: Column, value: str) -> None:
    reader = row.reader
    header = column.header(reader.sheet_lang)
    row.where.setdefault(column.field, (index + 1, header))
    sheet_header = reader.headers[index] if index < len(reader.headers) else header
    kept = _KEPT_AS_WRITTEN.get(column.how)
    if kept is not None:
        if value:
            kept(row, column, sheet_header, value)
        return
    fail = row.failer(index, header, value)
    if not value:
        if column.required:
            fail(message("required", reader.lang))
        return
    _VALUE_READERS[column.how](row, column, value, fail)


def _note(row: _Row, column: Column, header: str, value: str) -> None:
    row.note(header, value)


def _free_categories(row: _Row, column: Column, header: str, value: str) -> None:
    deck_cats = [(c.id, c.title.fr, c.title.en) for c in _deck(row.reader, "data_categories")]
    row.raw.setdefault("categories", []).extend(category_ids(value, deck_cats))
    row.note(header, value)


def _text(row: _Row, column: Column, header: str, value: str) -> None:
    sheet_lang = row.reader.sheet_lang
    other_lang = "fr" if sheet_lang == "en" else "en"
    lang_of = sheet_lang if column.how == "text" else other_lang
    row.texts.setdefault(column.field, {})[lang_of] = value


_KEPT_AS_WRITTEN: dict[str, Callable[[_Row, Column, str, str], None]] = {
    "notes": _note,
    "free_categories": _free_categories,
    "text": _text,
    "other": _text,
}
"""Cells kept as they are written (an empty one is no problem)."""


def _id(row: _Row, column: Column, value: str, fail: Fail) -> None:
    row.raw["id"] = value


def _choice(row: _Row, column: Column, value: str, fail: Fail) -> None:
    code = choice_code(column.field, value)
    if code is not None:
        row.raw[column.field] = code
        return
    lang = row.reader.lang
    allowed = [label(column.field, c, lang) for c in codes(column.field)]
    known = {
        norm(w): w
        for c in codes(column.field)
        for w in (c, *words(column.field, c), *SYNONYMS.get(column.field, {}).get(c, ()))
    }
    close = difflib.get_close_matches(norm(value), list(known), n=1, cutoff=0.6)
    hint = message("did_you_mean", lang, value=known[close[0]]) if close else ""
    fail(message("unknown_value", lang, value=value, hint=hint, allowed=", ".join(allowed)))


def _id_list(row: _Row, column: Column, value: str, fail: Fail) -> None:
    row.raw[column.field] = _ids(row.reader, column, value, fail)


def _ease(row: _Row, column: Column, value: str, fail: Fail) -> None:
    number = str(EASE_WORDS.get(norm(value), value.removesuffix(".0")))
    if number not in ("1", "2", "3"):
        fail(message("ease", row.reader.lang, value=value))
    else:
        row.raw["ease"] = int(number)


def _bool(row: _Row, column: Column, value: str, fail: Fail) -> None:
    if norm(value) in YES:
        row.raw[column.field] = True
    elif norm(value) in NO:
        row.raw[column.field] = False
    else:
        fail(message("bool", row.reader.lang, value=value))


def _lines(row: _Row, column: Column, value: str, fail: Fail) -> None:
    row.raw[column.field] = [s.strip() for s in re.split(r"[\n;]", value) if s.strip()]


def _choices(row: _Row, column: Column, value: str, fail: Fail) -> None:
    row.raw[column.field] = choice_codes(column, value, fail, row.reader.lang)


_VALUE_READERS: dict[str, Callable[[_Row, Column, str, Fail], None]] = {
    "id": _id,
    "choice": _choice,
    "ids": _id_list,
    "ease": _ease,
    "bool": _bool,
    "lines": _lines,
    "choices": _choices,
}
"""How a non-empty cell is read, by what its column holds."""


def _merge_texts(row: _Row) -> None:
    sheet_lang = row.reader.sheet_lang
    other_lang = "fr" if sheet_lang == "en" else "en"
    for name, pair in row.texts.items():
        one = pair.get(sheet_lang) or pair.get(other_lang, "")
        row.raw[name] = {"fr": pair.get("fr", one), "en": pair.get("en", one)}


def _check_required_texts(row: _Row) -> None:
    for column in COLUMNS[row.reader.kind]:
        if column.how == "text" and column.required and column.field not in row.raw:
            index, header = row.where[column.field]
            text_ = message("required", row.reader.lang)
            row.problems.append(row.reader.problem(text_, row.line, index, header))


def _check_id(row: _Row) -> None:
    raw = row.raw
    if "id" not in raw:
        if "title" in raw:
            raw["id"] = slug_of(raw["title"][row.reader.sheet_lang])
    elif not re.match(SLUG_PATTERN, raw["id"]) or len(raw["id"]) > 64:
        index, header = row.where["id"]
        text_ = message("bad_slug", row.reader.lang, value=raw["id"])
        row.problems.append(row.reader.problem(text_, row.line, index, header))


def _validated(row: _Row) -> tuple[DataSourceCard | NeedCard | None, list[CellProblem]]:
    model = MODEL_OF_KIND[row.reader.kind]
    try:
        return model.model_validate(row.raw), []
    except ValidationError as exc:
        for p in validation_problems(row.reader.file, exc, model=model):
            name = p.where.split(".")[0].split("[")[0]
            spot = row.where.get(name)
            where = spot if spot is not None else (None, "")
            row.problems.append(row.reader.problem(p.message, row.line, *where))
        return None, row.problems


def _colon(lang: str) -> str:
    return "\u00a0: " if lang != "en" else ": "


def _deck(reader: SheetReader, kind: str) -> Sequence[Card]:
    return reader.decks.get(kind) or ()


def _register_facts(reader: SheetReader, raw: dict[str, Any], notes: list[str]) -> None:
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


def _ids(reader: SheetReader, column: Column, value: str, fail: Any) -> list[str]:
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
