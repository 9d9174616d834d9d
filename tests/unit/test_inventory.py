"""A city's inventory as a spreadsheet: templates that validate as written, one line per
problem naming the line and the column, never a traceback, and a lossless round trip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfdata.cli import main
from selfdata.domain.cards import DataSourceCard
from selfdata.files import inventory
from selfdata.files.documents import MAX_FILE_BYTES
from selfdata.files.inventory import (
    _cell,
    read_inventory,
    read_sheet_cards,
    write_inventory,
    write_template,
)
from selfdata.files.inventory_columns import COLUMNS
from selfdata.files.loading import default_decks, shipped_deck_set
from selfdata.files.spreadsheets import MAX_ROWS, XlsxSheet, write_csv, write_xlsx

# --- factories ------------------------------------------------------------------------------


def source_rows(lang: str = "fr", **changes: str) -> list[list[str]]:
    """Header and one valid source row (the first deck card), with cells changed by header."""
    card = default_decks().data_sources[1]
    columns = COLUMNS["sources"]
    header = [c.header(lang) for c in columns]
    row = [str(_cell(card, c, lang)) for c in columns]
    for name, value in changes.items():
        row[header.index(name)] = value
    return [header, row]


def as_file(rows: list[list[Any]], fmt: str, lang: str = "fr") -> bytes:
    if fmt == "csv":
        return write_csv(rows, ["commentaire"], lang)
    return write_xlsx([XlsxSheet("Sources", rows)])


def lines_of(data: bytes, name: str, kind: Any = "sources", lang: str = "fr") -> list[str]:
    cards, problems = read_inventory(data, name, kind, lang)
    assert not (cards and problems) or all(p.line for p in problems)
    return [str(p) for p in problems]


NB = "\u00a0"

# --- templates ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["sources", "needs"])
def test_a_template_written_by_the_cli_validates_as_it_is(
    kind: str, lang: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"inventaire.{fmt}"
    assert main(["inventory", "template", "--kind", kind, "--out", str(out), "--lang", lang]) == 0
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    example = (
        "la ligne d’exemple du modèle (Identifiant « exemple ») n’est pas importée"
        if lang == "fr"
        else "the template’s example row (Id 'example') is not imported"
    )
    warn = "attention\u00a0: " if lang == "fr" else "warning: "
    sep = "\u00a0: " if lang == "fr" else ": "
    printed = capsys.readouterr().out
    assert printed.endswith(f"{out}: ok\n")
    assert f"{warn}{out}{sep}ligne" in printed or f"{warn}{out}{sep}line" in printed
    assert example in printed


def test_the_template_is_french_by_default_with_one_example_and_a_help_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sources.xlsx"
    assert main(["inventory", "template", "--kind", "sources", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    data, help_sheet = book.worksheets
    rows = list(data.iter_rows(values_only=True))
    assert rows[0][:3] == ("Identifiant", "Titre", "Titre (anglais)")
    assert len(rows) == 2  # the header and one example
    explained = {r[0]: r for r in help_sheet.iter_rows(min_row=2, values_only=True)}
    assert explained["Accès"][1] == "non"  # empty: to be qualified
    assert explained["Titre"][1] == "oui"
    assert "espace en ligne" in explained["Accès"][3]
    assert "water (Eau)" in explained["Thèmes"][3]


def test_the_csv_template_explains_every_column_in_comment_lines() -> None:
    text = write_template("needs", "en", "csv").decode("utf-8-sig")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    for column in COLUMNS["needs"]:
        assert any(column.header("en") in line for line in comments), column.header("en")
    assert any("self-knowledge" in line for line in comments)
    header = next(line for line in text.splitlines() if not line.startswith("#"))
    assert header.startswith("Id,Title,Title (French)")


def test_the_command_refuses_a_file_name_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "inventaire.ods"
    assert main(["inventory", "template", "--kind", "needs", "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"{out}{NB}: le fichier doit finir par .csv ou .xlsx\n"
    assert not out.exists()


# --- broken rows: one line each, with the line and the column --------------------------------

BROKEN_ROWS = [
    (
        "unknown closed-vocabulary value, with a suggestion",
        {"Accès": "portail"},
        f"ligne 2, colonne L (Accès){NB}: valeur inconnue « portail » — vouliez-vous dire "
        f"« portal »{NB}? (valeurs permises{NB}: papier, sur demande ou au guichet, espace en "
        "ligne, API, données ouvertes, non disponible)",
    ),
    (
        "unknown theme, with a suggestion",
        {"Thèmes": "water, mobilty"},
        f"ligne 2, colonne I (Thèmes){NB}: thème inconnu « mobilty » — vouliez-vous dire "
        f"« mobility »{NB}? (valeurs permises{NB}: energy, water, mobility, waste, social, "
        "housing, health, education, leisure, administration, environment, finance, "
        "public_safety)",
    ),
    (
        "ease out of range",
        {"Facilité d’accès": "5"},
        f"ligne 2, colonne M (Facilité d’accès){NB}: attendu 1, 2 ou 3, reçu « 5 » "
        f"(valeurs permises{NB}: 1, 2, 3, difficile, moyenne, facile)",
    ),
    (
        "a yes/no column holding something else",
        {"Portabilité RGPD": "peut-être"},
        f"ligne 2, colonne O (Portabilité RGPD){NB}: attendu oui ou non, reçu « peut-être »",
    ),
    (
        "a required value left empty",
        {"Titre": "", "Titre (anglais)": ""},
        f"ligne 2, colonne B (Titre){NB}: valeur obligatoire manquante",
    ),
    (
        "an id that is not one",
        {"Identifiant": "Compteur d'eau"},
        f"ligne 2, colonne A (Identifiant){NB}: identifiant invalide « Compteur d'eau »{NB}: "
        "minuscules, chiffres, _ et - (64 caractères au plus)",
    ),
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in BROKEN_ROWS],
    ids=[case[0] for case in BROKEN_ROWS],
)
def test_a_broken_row_is_one_line_naming_the_line_and_the_column(
    fmt: str, changes: dict[str, str], expected: str
) -> None:
    name = f"inventaire.{fmt}"
    data = as_file(source_rows(**changes), fmt)
    line = 3 if fmt == "csv" else 2  # the CSV has a comment line on top
    assert lines_of(data, name) == [f"{name}{NB}: {expected.replace('ligne 2', f'ligne {line}')}"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_problems_are_in_english_on_request(fmt: str) -> None:
    data = as_file(source_rows("en", Access="apii"), fmt, "en")
    [line] = lines_of(data, f"sources.{fmt}", lang="en")
    assert line.endswith(
        "column L (Access): unknown value 'apii' — did you mean 'API'? (allowed: paper, "
        "on request or at the desk, online account, API, open data, not available)"
    )


def test_a_duplicate_id_names_the_first_line() -> None:
    header, row = source_rows()
    data = as_file([header, row, row], "xlsx")
    assert lines_of(data, "s.xlsx") == [
        f"s.xlsx{NB}: ligne 3, colonne A (Identifiant){NB}: identifiant « "
        f"{row[0]} » en double (aussi ligne 2)"
    ]


def test_a_missing_column_is_named_and_a_misspelt_one_is_a_warning_kept_on_the_card() -> None:
    header, row = source_rows()
    header[header.index("Sensibilité")] = "Sensibilite"
    holder = header.index("Détenteur")
    reading = read_sheet_cards(
        as_file([header[:holder] + header[holder + 2 :], row[:holder] + row[holder + 2 :]], "xlsx"),
        "s.xlsx",
        "sources",
    )
    assert [str(p) for p in reading.problems] == [
        f"s.xlsx{NB}: ligne 1{NB}: colonne obligatoire absente{NB}: « Détenteur »"
    ]
    assert str(reading.warnings[-1]) == (
        f"s.xlsx{NB}: ligne 1, colonne L (Sensibilite){NB}: colonne inconnue « Sensibilite », "
        "gardée telle quelle sur la carte (Autres colonnes) — vouliez-vous dire "
        f"« Sensibilité »{NB}?"
    )
    reading = read_sheet_cards(as_file([header, row], "xlsx"), "s.xlsx", "sources")
    [card] = reading.cards
    assert isinstance(card, DataSourceCard) and reading.problems == []
    assert card.sensitivity is None  # the misspelt column says nothing: to be qualified
    assert card.register_notes is not None and "Sensibilite" in card.register_notes.fr


def test_the_english_text_column_may_stay_empty_and_words_stand_for_codes() -> None:
    rows = source_rows(
        **{"Titre (anglais)": "", "Accès": "Données ouvertes", "Type de détenteur": "city"}
    )
    [card], problems = read_inventory(as_file(rows, "csv"), "s.csv", "sources")
    assert problems == []
    assert isinstance(card, DataSourceCard)
    assert card.title.en == card.title.fr
    assert (card.access, card.holder_kind) == ("open_data", "city")


def test_the_kind_is_told_by_the_headers_and_a_wrong_one_is_refused() -> None:
    data = write_template("needs", "fr", "xlsx")
    reading = read_sheet_cards(data, "b.xlsx", None)
    assert reading.kind == "needs" and reading.cards == [] and reading.problems == []
    _, problems = read_inventory(data, "b.xlsx", "sources")
    assert [str(p) for p in problems] == [
        f"b.xlsx{NB}: ligne 1{NB}: ce tableau ressemble à un inventaire de besoins, pas de "
        "sources de données"
    ]


# --- hostile files: one line each, never a traceback -----------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def _merged() -> bytes:
    header, row = source_rows()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for r in (header, row, row):
        sheet.append(r)
    sheet.merge_cells("H2:H3")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _formula() -> bytes:
    header, row = source_rows()
    row[header.index("Facilité d’accès")] = "=1+1"
    return write_xlsx([XlsxSheet("Sources", [header, row])])


HOSTILE = [
    ("empty CSV", "a.csv", b"", "a.csv: the file is empty"),
    ("blank CSV", "a.csv", b" \r\n\r\n", "a.csv: the file is empty"),
    (
        "binary CSV",
        "a.csv",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        "a.csv: binary content: a CSV file is text (save the sheet as CSV)",
    ),
    (
        "an XLSX named .csv",
        "a.csv",
        write_template("sources", "en", "xlsx"),
        "a.csv: this is an XLSX workbook named .csv: rename it .xlsx",
    ),
    (
        "undecodable text",
        "a.csv",
        b"Title,\x81\x8d\n",
        "a.csv: unknown encoding (neither UTF-8 nor Windows-1252, byte 0x81): save as 'CSV UTF-8'",
    ),
    (
        "a quote never closed",
        "a.csv",
        b'Id,Title\nx,"open\n',
        'a.csv: line 2: malformed CSV (unexpected end of data): a quote " opened and never closed?',
    ),
    (
        "headers of neither kind",
        "a.csv",
        b"foo;bar\n1;2\n",
        "a.csv: line 1: cannot tell whether this lists data sources or needs: the headers match "
        "no template",
    ),
    (
        "huge file",
        "a.csv",
        b"x" * (MAX_FILE_BYTES + 1),
        "a.csv: file too large (5.0 MB; the limit is 5 MB)",
    ),
    (
        "too many rows",
        "a.csv",
        b"Id,Title\n" + b"x,y\n" * (MAX_ROWS + 1),
        f"a.csv: too many rows (> {MAX_ROWS}; the limit is {MAX_ROWS})",
    ),
    (
        "a cell too long",
        "a.csv",
        b"Id,Title\nx," + b"y" * 5_001 + b"\n",
        "a.csv: line 2, column B (Title): text too long (5001 characters; at most 5000)",
    ),
    (
        "an XLSX that is not a zip",
        "a.xlsx",
        b"Id,Title\nx,y\n",
        "a.xlsx: not an XLSX workbook (save the sheet as .xlsx or .csv)",
    ),
    (
        "an old .xls renamed",
        "a.xlsx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        "a.xlsx: old Excel format (.xls): save the workbook as .xlsx",
    ),
    (
        "a LibreOffice .ods renamed",
        "a.xlsx",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b""}),
        "a.xlsx: LibreOffice workbook (.ods): save it as .xlsx or .csv",
    ),
    (
        "a zip that is no workbook",
        "a.xlsx",
        _zip({"word/document.xml": b"<w/>"}),
        "a.xlsx: not an XLSX workbook (save the sheet as .xlsx or .csv)",
    ),
    (
        "a zip bomb",
        "a.xlsx",
        _zip({"xl/workbook.xml": b"<", "xl/worksheets/sheet1.xml": b"\x00" * (60 * 2**20)}),
        "a.xlsx: workbook that unpacks beyond 50 MB: refused",
    ),
    (
        "a broken workbook",
        "a.xlsx",
        _zip({"xl/workbook.xml": b"<not xml", "[Content_Types].xml": b"<"}),
        "a.xlsx: unreadable XLSX workbook (ParseError): open it and save it again",
    ),
    (
        "merged cells",
        "a.xlsx",
        _merged(),
        "a.xlsx: line 2: merged cells H2:H3: unmerge them (each row carries its own values)",
    ),
    (
        "a formula never computed",
        "a.xlsx",
        _formula(),
        "a.xlsx: line 2, column M: formula with no computed value (=1+1): open and save the "
        "workbook in a spreadsheet app, or paste the values",
    ),
    (
        "a file that is neither",
        "a.ods",
        b"anything",
        "a.ods: unsupported format: save the sheet as .csv or .xlsx",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "expected"), [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE]
)
def test_a_hostile_file_gets_one_plain_line(name: str, data: bytes, expected: str) -> None:
    cards, problems = read_inventory(data, name, None, "en")
    assert cards == []
    assert [str(p) for p in problems] == [expected]


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_utf8_with_or_without_bom_and_windows_1252_are_read(encoding: str, prefix: bytes) -> None:
    rows = source_rows(**{"Titre (anglais)": "", "Titre": "Données été"})
    text = "\r\n".join(";".join(f'"{c}"' for c in r) for r in rows)
    data = prefix + text.encode(encoding, errors="replace")
    [card], problems = read_inventory(data, "s.csv", "sources")
    assert problems == [] and card.title.fr == "Données été"


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["f.csv", "f.xlsx"]))
def test_no_bytes_ever_escape_as_an_exception(data: bytes, name: str) -> None:
    cards, problems = read_inventory(data, name, None, "fr")
    assert all(p.file == name for p in problems)
    assert not any("erreur interne" in str(p) for p in problems)  # a bug, not a refusal


def test_a_bug_while_reading_is_still_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(inventory, "read_sheet", broken)
    assert lines_of(b"Id,Title\n", "a.csv", lang="en") == [
        "a.csv: this file could not be read (internal error RuntimeError): please report it"
    ]


def test_the_help_sheet_moved_first_is_not_read_as_data() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_template("needs", "fr", "xlsx")))
    book.move_sheet("Aide", offset=-1)
    out = io.BytesIO()
    book.save(out)
    reading = read_sheet_cards(out.getvalue(), "b.xlsx", "needs")
    # the template's only row is its example: read, not imported, and said so
    assert (len(reading.cards), reading.problems) == (0, [])
    assert [w.message for w in reading.warnings] == [
        "la ligne d’exemple du modèle (Identifiant « exemple ») n’est pas importée"
    ]


# --- round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_50_source_inventory_survives_a_round_trip(fmt: str) -> None:
    decks = shipped_deck_set()
    sources = default_decks().data_sources
    fifty = [sources[i % len(sources)] for i in range(50)]
    fifty = [c.model_copy(update={"id": f"{c.id}_{i}"}) for i, c in enumerate(fifty)]
    data = write_inventory(fifty, "sources", "fr", fmt, decks=decks)
    cards, problems = read_inventory(data, f"inventaire.{fmt}", "sources", decks=decks)
    assert problems == []
    assert cards == fifty


def test_every_shipped_need_survives_a_round_trip_in_english() -> None:
    needs = default_decks().needs
    data = write_inventory(needs, "needs", "en", "xlsx")
    cards, problems = read_inventory(data, "needs.xlsx", "needs", "en")
    assert (cards, problems) == (list(needs), [])


# --- what the README promises ---------------------------------------------------------------


def test_the_readme_example_lines_are_what_validate_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header, row = source_rows()
    rows = [header]
    for i in range(8):  # lines 2 to 9
        rows.append([f"source_{i}", *row[1:]])
    rows[6][header.index("Accès")] = "portail"  # line 7
    rows[8][header.index("Thèmes")] = "mobilty"  # line 9
    path = tmp_path / "sources.xlsx"
    path.write_bytes(as_file(rows, "xlsx"))
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    shown = readme.split("## Preparing a workshop", 1)[1].split("```text\n", 1)[1]
    shown = shown.split("```", 1)[0]
    assert main(["validate", str(path)]) == 1
    printed = (
        capsys.readouterr()
        .out.replace(NB, " ")
        .replace("\u202f", " ")
        .replace(str(path), "sources.xlsx")
    )
    assert printed == shown


def test_the_xlsx_template_offers_closed_lists_in_drop_downs() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_template("sources", "fr", "xlsx")))
    lists = [v.formula1 for v in book.worksheets[0].data_validations.dataValidation]
    assert (
        '"papier,sur demande ou au guichet,espace en ligne,API,données ouvertes,non disponible"'
        in lists
    )
    assert '"oui,non"' in lists


def test_the_french_csv_template_is_separated_by_semicolons_for_excel() -> None:
    text = write_template("sources", "fr", "csv").decode("utf-8")
    assert text.startswith("\ufeff#")  # a byte-order mark: Excel then reads UTF-8
    header = next(line for line in text.splitlines() if not line.startswith(("#", "\ufeff")))
    assert header.startswith("Identifiant;Titre;")


def test_an_empty_id_is_made_from_the_title_and_sources_split_on_semicolons() -> None:
    rows = source_rows(
        Identifiant="",
        Titre="Relevés d’eau (été)",
        Sources="CNIL ; Fing, Kit (2019)",
        **{"Portabilité RGPD": "yes"},
    )
    [card], problems = read_inventory(as_file(rows, "xlsx"), "s.xlsx", "sources")
    assert problems == []
    assert card.id == "releves_d_eau_ete"
    assert card.sources == ["CNIL", "Fing, Kit (2019)"]
    assert isinstance(card, DataSourceCard) and card.portability is True


@pytest.mark.parametrize("field", ["holder_kind", "refresh", "access", "sensitivity"])
def test_every_code_of_a_closed_list_is_written_in_words_and_read_back(field: str) -> None:
    from selfdata.files.inventory_columns import codes

    card = default_decks().data_sources[0]
    cards = [
        card.model_copy(update={"id": f"s{i}", field: code}) for i, code in enumerate(codes(field))
    ]
    data = write_inventory(cards, "sources", "fr", "xlsx")
    assert read_inventory(data, "s.xlsx", "sources") == (cards, [])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_needs_automated_steps_blank_means_not_said_and_none_means_an_empty_list(
    lang: str,
) -> None:
    """Issue 27: the DPO's checklist asks about what nobody said; the sheet keeps the
    difference between a blank cell (not said) and « aucune » (nothing)."""
    need = default_decks().needs[0]
    unsaid = need.model_copy(update={"id": "unsaid", "automation": None, "vulnerable": None})
    nothing = need.model_copy(update={"id": "nothing", "automation": [], "vulnerable": []})
    some = need.model_copy(
        update={"id": "some", "automation": ["profiling", "monitoring"], "vulnerable": ["elderly"]}
    )
    data = write_inventory([unsaid, nothing, some], "needs", lang, "csv")
    cards, problems = read_inventory(data, "needs.csv", "needs", lang)
    assert problems == []
    by_id = {c.id: c for c in cards}
    assert by_id["unsaid"].automation is None and by_id["unsaid"].vulnerable is None
    assert by_id["nothing"].automation == [] and by_id["nothing"].vulnerable == []
    assert by_id["some"].automation == ["profiling", "monitoring"]
    assert by_id["some"].vulnerable == ["elderly"]
