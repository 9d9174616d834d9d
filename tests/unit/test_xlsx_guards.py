"""A hostile XLSX is refused from its zip directory and its streamed XML, before openpyxl
loads it (selfdata/files/spreadsheets.py): a crafted 3 MB workbook of 1.5 M cells cost 54 s
of CPU and 600 MB in the server process, and was only then refused. Large sheets are read
in the worker process, not the room's."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from selfdata.app import file_import, services
from selfdata.files.spreadsheets import MAX_CELLS, MAX_ROWS, SheetError, read_sheet

ROOT = Path(__file__).resolve().parents[2]
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _workbook(sheet_xml: str | bytes) -> bytes:
    """A minimal valid XLSX whose one sheet is ``sheet_xml``."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'
    )
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Inventaire" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", book_rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return out.getvalue()


def _sheet(rows: str, dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    head = f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}">'
    return f"{head}{dim}<sheetData>{rows}</sheetData></worksheet>"


def crafted_xlsx(rows: int = 1500, columns: int = 1000) -> bytes:
    """~3 MB of XLSX holding ``rows`` x ``columns`` numbers (1.5 M cells by default)."""
    rnd = random.Random(7)
    body = "".join(
        f'<row r="{r}">'
        + "".join(f"<c><v>{rnd.randrange(1000)}</v></c>" for _ in range(columns))
        + "</row>"
        for r in range(1, rows + 1)
    )
    return _workbook(_sheet(body))


_MEASURE = """
import json, resource, sys, time, tracemalloc
from selfdata.files.spreadsheets import SheetError, read_sheet
data = open(sys.argv[1], "rb").read()

def read():
    try:
        read_sheet(data, "inventaire.xlsx", "fr")
    except SheetError as refused:
        return str(refused)

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
message = read()
seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
tracemalloc.start()
read()
traced = tracemalloc.get_traced_memory()[1] / 1024 / 1024
print(json.dumps({"seconds": seconds, "grown_mb": grown, "traced_mb": traced, "message": message}))
"""


@pytest.mark.slow
def test_a_crafted_workbook_of_one_and_a_half_million_cells_is_refused_fast_and_small(
    tmp_path: Path,
) -> None:
    data = crafted_xlsx()
    assert 2_500_000 < len(data) < 3_500_000
    path = tmp_path / "inventaire.xlsx"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    measured = json.loads(done.stdout)
    print(measured)
    assert measured["message"] and "trop de cellules" in measured["message"]
    assert measured["seconds"] < 1.0, measured
    assert measured["grown_mb"] < 50 and measured["traced_mb"] < 50, measured


def _refusal(data: bytes, lang: str = "fr") -> str:
    with pytest.raises(SheetError) as refused:
        read_sheet(data, "inventaire.xlsx", lang)
    return str(refused.value)


def test_a_sheet_that_unpacks_a_hundred_times_its_packed_size_is_a_zip_bomb() -> None:
    padding = " " * (20 * 1024 * 1024)  # 20 MB of spaces pack into ~20 KB
    message = _refusal(
        _workbook(_sheet(f'<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>{padding}'))
    )
    assert "plus de 100 fois plus gros une fois décompressé" in message


def test_a_sheet_whose_dimension_names_too_many_rows_is_refused_before_any_cell() -> None:
    message = _refusal(_workbook(_sheet('<row r="1"><c><v>1</v></c></row>', f"A1:B{MAX_ROWS + 1}")))
    assert f"trop de lignes ({MAX_ROWS + 1}" in message


def test_a_row_numbered_past_the_limit_is_refused_while_streaming() -> None:
    rows = f'<row r="1"><c><v>1</v></c></row><row r="{MAX_ROWS + 10}"><c><v>2</v></c></row>'
    assert "trop de lignes" in _refusal(_workbook(_sheet(rows)))


def test_the_cell_count_is_told_in_the_page_s_language() -> None:
    rnd = random.Random(3)
    cells = lambda: "".join(f"<c><v>{rnd.randrange(10**6)}</v></c>" for _ in range(50))  # noqa: E731
    data = _workbook(_sheet("".join(f'<row r="{r}">{cells()}</row>' for r in range(1, 2100))))
    assert MAX_CELLS < 2099 * 50
    assert "too many cells in one sheet (> 100,000; the limit is 100,000)" in _refusal(data, "en")
    assert "trop de cellules dans une feuille (> 100\u202f000" in _refusal(data, "fr")


def test_a_sheet_within_the_limits_still_reads() -> None:
    rows = (
        '<row r="1"><c t="inlineStr"><is><t>Titre</t></is></c><c t="inlineStr"><is>'
        '<t>Détenteur</t></is></c></row><row r="2"><c t="inlineStr"><is><t>Relevés</t></is>'
        "</c><c><v>3</v></c></row>"
    )
    sheet = read_sheet(_workbook(_sheet(rows, "A1:B2")), "inventaire.xlsx", "fr")
    assert sheet.headers == ["Titre", "Détenteur"] and sheet.rows == [(2, ["Relevés", "3"])]


def test_a_large_inventory_preview_is_read_in_the_worker_process() -> None:
    data = crafted_xlsx(rows=300)  # ~600 KB: over the in-process limit
    assert len(data) > file_import.IN_PROCESS_BYTES
    file_import._POOL.clear()
    preview = services.preview_inventory_file(data, "inventaire.xlsx", "sources", "fr")
    assert file_import._POOL, "the worker process read it"
    assert any("trop de cellules" in p for p in preview.problems), preview.problems


def test_the_readme_states_the_spreadsheet_limits_the_reader_applies() -> None:
    from selfdata.files.spreadsheets import MAX_ZIP_RATIO

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"over {MAX_ZIP_RATIO} times its packed size" in readme
    assert f"at most {MAX_CELLS:,} cells a sheet" in readme
    assert f"a sheet over {file_import.IN_PROCESS_BYTES // 1024} KB is read in the worker" in readme
