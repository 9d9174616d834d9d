"""Reading and writing the cells of a spreadsheet (CSV or XLSX) that may be hostile.

A city's inventory arrives as a spreadsheet saved by Excel or LibreOffice, often in French
settings: CSV separated by ``;``, in UTF-8 with or without a byte-order mark, or in
Windows-1252. :func:`read_sheet` turns the bytes into a :class:`Sheet` (the header row and
the rows below it, every cell a stripped text, each row with the number the user sees in
their spreadsheet), or :class:`CellProblem` lines saying what is wrong — never an exception:

- files over :data:`~selfdata.files.documents.MAX_FILE_BYTES`, more than :data:`MAX_ROWS`
  rows or :data:`MAX_COLUMNS` columns, cells over :data:`MAX_CELL_CHARS` characters;
- CSV: binary content, text in no known encoding, a quote left open;
- XLSX: a file that is not one (an old ``.xls``, a ``.ods``, a CSV renamed), a zip that
  would unpack beyond :data:`MAX_UNZIPPED_BYTES` (a "zip bomb"), merged cells, formulas
  whose value was never computed.

Leading rows whose first cell starts with ``#`` are comments (the CSV template explains its
columns there). XLSX goes through openpyxl; nothing here parses XML by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from selfdata.files.documents import MAX_FILE_BYTES
from selfdata.files.problems import Problem
from selfdata.i18n import t

MAX_ROWS = 5_000
"""Most data rows read from one sheet (the header row and ``#`` lines do not count): a
city's inventory holds a few hundred lines."""
MAX_COLUMNS = 60
"""Most columns read from one sheet (the templates have about twenty)."""
MAX_CELL_CHARS = 5_000
"""Longest text accepted in one cell."""
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
"""An XLSX is a zip: the most its parts may weigh once unpacked."""
MAX_CELLS = 100_000
"""Most cells (written or styled) in one sheet, counted in its XML before the workbook is
loaded: 5,000 rows of 20 columns. openpyxl keeps ~400 bytes per cell, so this bounds a
load to ~40 MB; a crafted 3 MB workbook of 1.5 M cells cost 54 s and 600 MB before."""
MAX_ZIP_RATIO = 100
"""A part of more than 1 MB unpacked that is over 100 times smaller packed is a zip bomb (a
real sheet packs 5 to 20 times)."""
_SCAN_CHUNK = 1024 * 1024
_TAG_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_CELL_TAG = re.compile(_TAG_PREFIX + rb"c[\s/>]")
_ROW_TAG = re.compile(_TAG_PREFIX + rb"row[\s/>]")
_ROW_NUMBER = re.compile(_TAG_PREFIX + rb"row\b[^>]*?\sr=[\"'](\d{1,10})")
_DIMENSION = re.compile(_TAG_PREFIX + rb"dimension\b[^>]*?\sref=[\"'][A-Z]*(\d*):?[A-Z]*(\d*)")
HELP_SHEETS = ("Aide", "Help")
"""Titles of the templates' explanation sheet, never read as data."""


def french(text_: str) -> str:
    """French typography: a non-breaking space before ``:``, ``;``, ``?`` and ``!``."""
    for mark in ":;?!":
        text_ = text_.replace(f" {mark}", f"\u00a0{mark}")
    return text_


def text(key: str, lang: str, **values: Any) -> str:
    """The message ``files.sheet.<key>`` of the i18n catalogue, filled with ``values``."""
    return t(f"files.sheet.{key}", lang, **values)


def column_letter(index: int) -> str:
    """1 -> ``A``, 27 -> ``AA``: the column as a spreadsheet names it."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem of a spreadsheet, worded in ``lang``: the file, then the line (the row number
    the spreadsheet shows) and the column, then what is wrong.

    ``line`` and ``column`` (1-based) locate the cell; ``where`` is their words.
    """

    lang: str = "en"

    def __str__(self) -> str:
        colon = "\u00a0: " if self.lang == "fr" else ": "
        return colon.join(p for p in (self.file, self.where, self.message) if p)

    def text(self, lang: str | None = None) -> str:
        """Already worded in the sheet's language (``lang`` is not used)."""
        return str(self)


def cell_problem(
    file: str,
    lang: str,
    message: str,
    line: int | None = None,
    column: int | None = None,
    header: str = "",
) -> CellProblem:
    place = []
    if line is not None:
        place.append(text("line", lang, line=line))
    if column is not None:
        where = text("column", lang, letter=column_letter(column), header=header)
        place.append(where if header else where.split(" (")[0])
    return CellProblem(file, ", ".join(place), message, line, column, lang=lang)


@dataclass
class Sheet:
    """The header row and the rows under it, cells as stripped texts."""

    header_line: int
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    """(line the user sees, cells), empty rows left out."""


class SheetError(Exception):
    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def sheet_format(filename: str) -> str | None:
    """``csv`` or ``xlsx`` from a file name, else None."""
    lower = filename.lower()
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    if lower.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    return None


def read_sheet(data: bytes, filename: str, lang: str) -> Sheet:
    """The first sheet of ``data`` (CSV or XLSX, told by ``filename``), or :class:`SheetError`."""
    fail = _failer(filename, lang)
    if len(data) > MAX_FILE_BYTES:
        fail(
            text(
                "too_large",
                lang,
                size=len(data) / 1024 / 1024,
                limit=MAX_FILE_BYTES / 1024 / 1024,
            )
        )
    if not data.strip():
        fail(text("empty", lang))
    fmt = sheet_format(filename)
    if fmt == "xlsx" or (fmt is None and data.startswith(b"PK\x03\x04")):
        records = _xlsx_records(data, filename, lang)
    elif fmt == "csv":
        records = _csv_records(data, filename, lang)
    else:
        fail(text("unsupported_format", lang))
    return _to_sheet(records, filename, lang)


def _failer(filename: str, lang: str) -> Any:
    def fail(message: str, line: int | None = None) -> None:
        raise SheetError([cell_problem(filename, lang, message, line)])

    return fail


def _emptied_long_cells(
    cells: list[str], headers: list[str], line: int, filename: str, lang: str
) -> list[CellProblem]:
    """Empty the cells over :data:`MAX_CELL_CHARS` (in place) and say which they were."""
    problems = []
    for i, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            head = headers[i] if i < len(headers) else ""
            message = text("cell_too_long", lang, length=len(cell), limit=MAX_CELL_CHARS)
            problems.append(cell_problem(filename, lang, message, line, i + 1, head))
            cells[i] = ""
    return problems


def _to_sheet(records: list[tuple[int, list[str]]], filename: str, lang: str) -> Sheet:
    header: tuple[int, list[str]] | None = None
    rows: list[tuple[int, list[str]]] = []
    problems: list[CellProblem] = []
    for line, cells in records:
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if header is None:
            if not cells or cells[0].startswith("#"):
                continue
            header = (line, cells)
            continue
        if cells:
            problems += _emptied_long_cells(cells, header[1], line, filename, lang)
            rows.append((line, cells))
    if header is None:
        raise SheetError([cell_problem(filename, lang, text("no_header", lang))])
    if len(header[1]) > MAX_COLUMNS:
        raise SheetError(
            [
                cell_problem(
                    filename,
                    lang,
                    text("too_many_columns", lang, columns=len(header[1]), limit=MAX_COLUMNS),
                    header[0],
                )
            ]
        )
    if problems:
        raise SheetError(problems)
    return Sheet(header[0], header[1], rows)


# --- CSV ------------------------------------------------------------------------------------


def decode_csv(data: bytes, filename: str, lang: str) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    fail = _failer(filename, lang)
    if data.startswith(b"PK\x03\x04"):
        fail(text("xlsx_as_csv", lang))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            fail(text("binary", lang))
    if b"\x00" in data:
        fail(text("binary", lang))
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV (séparateur : point-virgule)" on Windows writes Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        fail(text("encoding", lang, byte=data[exc.start]))
    raise AssertionError("unreachable")  # pragma: no cover


def _delimiter(text_: str) -> str:
    """The separator of the header line: ``;`` (French Excel), ``,`` or a tab."""
    for line in text_.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            counts = {d: line.count(d) for d in (";", ",", "\t")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _csv_records(data: bytes, filename: str, lang: str) -> list[tuple[int, list[str]]]:
    content = decode_csv(data, filename, lang)
    reader = csv.reader(
        io.StringIO(content, newline=""), delimiter=_delimiter(content), strict=True
    )
    records: list[tuple[int, list[str]]] = []
    counted = 0  # the header and the data rows; empty and "#" lines do not count
    try:
        for number, cells in enumerate(reader, start=1):
            if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
                counted += 1
            if counted > MAX_ROWS + 1:
                _failer(filename, lang)(
                    text("too_many_rows", lang, rows=f"> {MAX_ROWS}", limit=MAX_ROWS)
                )
            records.append((number, cells))
    except csv.Error as exc:
        _failer(filename, lang)(text("bad_csv", lang, detail=str(exc)), len(records) + 1)
    return records


def write_csv(rows: Sequence[Sequence[str]], comments: Sequence[str], lang: str) -> bytes:
    """CSV bytes Excel opens right: UTF-8 with BOM, ``;`` in French and ``,`` in English."""
    out = io.StringIO(newline="")
    for comment in comments:
        out.write(f"# {comment}\r\n" if comment else "#\r\n")
    writer = csv.writer(out, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- XLSX -----------------------------------------------------------------------------------


def _check_zip(data: bytes, filename: str, lang: str) -> None:
    fail = _failer(filename, lang)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        fail(text("xls", lang))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        fail(text("not_xlsx", lang))
    if "mimetype" in names and "content.xml" in names:
        fail(text("ods", lang))
    if "xl/workbook.xml" not in names:
        fail(text("not_xlsx", lang))
    if len(infos) > 10_000 or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
        fail(text("zip_bomb", lang, limit=MAX_UNZIPPED_BYTES / 1024 / 1024))
    if any(
        i.file_size > _SCAN_CHUNK and i.file_size > MAX_ZIP_RATIO * max(i.compress_size, 1)
        for i in infos
    ):
        fail(text("zip_ratio", lang, ratio=MAX_ZIP_RATIO))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in infos:
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                _check_sheet_size(archive, info, fail, lang)


def _count(number: int, lang: str) -> str:
    """``100 000`` in French (narrow no-break space), ``100,000`` in English."""
    return f"{number:,}".replace(",", "\u202f" if lang == "fr" else ",")


def _check_sheet_size(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, fail: Any, lang: str
) -> None:
    """Refuse a sheet with more than :data:`MAX_ROWS` rows or :data:`MAX_CELLS` cells before
    openpyxl loads it: its ``<dimension>`` first, then its XML streamed 1 MB at a time and its
    row and cell tags counted (no tree is built; the part's declared size bounds the
    unpacking, checked above)."""
    with archive.open(info) as part:
        head = part.read(4096)
        declared = _DIMENSION.search(head)
        if declared:
            last = max((int(n) for n in declared.groups() if n), default=0)
            if last > MAX_ROWS:
                fail(text("too_many_rows", lang, rows=last, limit=MAX_ROWS))
        cells = rows = top = 0
        carry = head
        while True:
            chunk = part.read(_SCAN_CHUNK)
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            if not chunk or cut < len(buffer) - 4096:  # the last tag is whole: scan it all
                scanned, carry = buffer, b""
            else:  # the last tag may go on in the next chunk
                scanned, carry = buffer[:cut], buffer[cut:]
            cells += len(_CELL_TAG.findall(scanned))
            rows += len(_ROW_TAG.findall(scanned))
            numbers = _ROW_NUMBER.findall(scanned)
            top = max(top, rows, int(numbers[-1]) if numbers else 0)
            if top > MAX_ROWS:
                fail(text("too_many_rows", lang, rows=f"> {MAX_ROWS}", limit=MAX_ROWS))
            if cells > MAX_CELLS:
                fail(
                    text(
                        "too_many_cells",
                        lang,
                        cells=f"> {_count(MAX_CELLS, lang)}",
                        limit=_count(MAX_CELLS, lang),
                    )
                )
            if not chunk:
                return


def _load_workbook(data: bytes, *, data_only: bool) -> Any:
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation extensions, styles…).
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=False, data_only=data_only, keep_links=False
        )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _xlsx_records(data: bytes, filename: str, lang: str) -> list[tuple[int, list[str]]]:
    _check_zip(data, filename, lang)
    fail = _failer(filename, lang)
    try:
        book = _load_workbook(data, data_only=False)
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds on a broken file
        fail(text("unreadable_xlsx", lang, detail=type(exc).__name__))
    if not book.worksheets:
        fail(text("no_sheet", lang))
    # The data sheet: the first one that is not the template's explanations.
    index = next((i for i, ws in enumerate(book.worksheets) if ws.title not in HELP_SHEETS), 0)
    sheet = book.worksheets[index]
    if sheet.max_row > MAX_ROWS + 1:  # the header row does not count
        fail(text("too_many_rows", lang, rows=sheet.max_row - 1, limit=MAX_ROWS))
    width = min(sheet.max_column, MAX_COLUMNS + 1)
    problems = [
        cell_problem(filename, lang, text("merged", lang, cells=merged.coord), merged.min_row)
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    ]
    values = _CellValues(data, index, filename, lang, problems)
    records: list[tuple[int, list[str]]] = []
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width):
        line = row[0].row if row else len(records) + 1
        records.append((line, [_cell_text(values.of(cell)) for cell in row]))
    if problems:
        raise SheetError(problems)
    return records


@dataclass
class _CellValues:
    """A cell's value; a formula's is the value the spreadsheet saved with it (read from a
    second, values-only load of the book, made once when the first formula is met), and a
    formula saved without its value is a problem."""

    data: bytes
    index: int
    filename: str
    lang: str
    problems: list[CellProblem]
    cached: Any = None

    def of(self, cell: Any) -> Any:
        value = cell.value
        if cell.data_type != "f" and not (isinstance(value, str) and value.startswith("=")):
            return value
        if self.cached is None:
            self.cached = _load_workbook(self.data, data_only=True).worksheets[self.index]
        value = self.cached.cell(row=cell.row, column=cell.column).value
        if value is None:
            message = text("formula", self.lang, formula=str(cell.value)[:40])
            self.problems.append(
                cell_problem(self.filename, self.lang, message, cell.row, cell.column, "")
            )
        return value


@dataclass
class XlsxSheet:
    """One sheet to write: its title, rows (the first is the header) and display hints."""

    title: str
    rows: list[list[Any]]
    widths: list[int] = field(default_factory=list)
    choices: dict[int, list[str]] = field(default_factory=dict)
    """Column index (0-based) -> values offered in a drop-down list."""


def write_xlsx(sheets: Sequence[XlsxSheet]) -> bytes:
    """An XLSX workbook: bold frozen header row, wrapped text, drop-down lists."""
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        for row in spec.rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[column_letter(i)].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, values in spec.choices.items():
            listed = ",".join(values)
            if len(listed) > 250 or any(("," in v or '"' in v) for v in values):
                continue  # Excel's inline lists hold 255 characters, no comma
            letter = column_letter(index + 1)
            check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            check.add(f"{letter}2:{letter}{MAX_ROWS}")
            sheet.add_data_validation(check)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
