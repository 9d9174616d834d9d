"""A city's GDPR processing register read as it is (issue 26): the CNIL layout and its
variants, in Windows-1252 CSV and XLSX, unknown columns kept with a warning, never refused;
the words a city uses; the template's example row; the limits counted on data rows."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from selfdata.cli import main
from selfdata.domain.cards import DataSourceCard
from selfdata.files.inventory import read_sheet_cards, write_template
from selfdata.files.loading import shipped_deck_set
from selfdata.files.register import header_key, register_target
from selfdata.files.spreadsheets import MAX_ROWS
from tests.register_fixture import FIXTURE, HEADERS, ROWS, register_csv, register_xlsx

NB = "\u00a0"


def _sources(data: bytes, name: str) -> list[DataSourceCard]:
    reading = read_sheet_cards(data, name, None)
    assert reading.problems == [], [str(p) for p in reading.problems]
    assert reading.kind == "sources" and reading.register
    return [c for c in reading.cards if isinstance(c, DataSourceCard)]


def test_the_fixture_on_disk_is_the_register_the_tests_build() -> None:
    assert FIXTURE.read_bytes() == register_csv()
    assert register_csv().decode("cp1252").startswith("Nom du traitement;Responsable")
    with pytest.raises(UnicodeDecodeError):
        register_csv().decode("utf-8")  # really Windows-1252, as Excel writes it in France


@pytest.mark.parametrize(
    ("data", "name"),
    [(register_csv(), "registre.csv"), (register_xlsx(), "registre.xlsx")],
    ids=["cp1252-semicolon-csv", "xlsx"],
)
def test_a_cnil_register_is_read_as_it_is_into_nine_source_cards(data: bytes, name: str) -> None:
    cards = _sources(data, name)
    assert len(cards) == len(ROWS) == 9
    cctv = next(c for c in cards if c.id == "videoprotection_de_la_voie_publique")
    assert cctv.legal_basis is not None and cctv.legal_basis.fr.startswith("Mission d")
    assert cctv.retention is not None and cctv.retention.fr == "30 jours"
    assert cctv.purpose is not None and cctv.description == cctv.purpose
    assert cctv.data_subjects is not None and cctv.recipients is not None
    assert cctv.categories == ["images_video"]  # "Images vidéo", in the register's words
    # what the register does not say stays to be qualified: nothing invented
    assert cctv.access is None and cctv.sensitivity is None and cctv.ease is None
    assert set(cctv.to_qualify()) >= {"holder_kind", "refresh", "access", "portability"}
    # the columns we have no field for are kept on the card, as they were
    assert cctv.register_notes is not None
    assert "Mesures de sécurité" in cctv.register_notes.fr
    assert "Date de mise à jour" in cctv.register_notes.fr
    ccas = next(c for c in cards if c.holder.fr == "CCAS de Saint-Aubin-sur-Loire")
    assert {"payments", "income"} <= set(ccas.categories)


def test_an_unknown_column_is_a_warning_and_its_text_is_kept_never_a_refusal() -> None:
    rows = [[*r, "interne"] for r in ROWS]
    data = register_csv(rows).replace(b"\r\n", b";Niveau de diffusion\r\n", 1)
    reading = read_sheet_cards(data, "registre.csv", "sources")
    assert reading.problems == [] and len(reading.cards) == 9
    [warning] = [str(w) for w in reading.warnings if "Niveau de diffusion" in str(w)]
    assert warning == (
        f"registre.csv{NB}: ligne 1, colonne M (Niveau de diffusion){NB}: colonne inconnue "
        "« Niveau de diffusion », gardée telle quelle sur la carte (Autres colonnes)"
    )
    card = reading.cards[0]
    assert isinstance(card, DataSourceCard) and card.register_notes is not None
    assert f"Niveau de diffusion{NB}: interne" in card.register_notes.fr


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Nom du traitement", "title"),
        ("NOM DU TRAITEMENT", "title"),
        ("  Nom  du   traitement ", "title"),
        ("Responsable du traitement", "holder"),
        ("Finalité(s)", "purpose"),
        ("Finalités", "purpose"),
        ("FINALITE", "purpose"),
        ("Finalité(s) du traitement effectué", "purpose"),
        ("Base légale", "legal_basis"),
        ("Base juridique", "legal_basis"),
        ("Bases légales", "legal_basis"),
        ("Catégories de personnes concernées", "data_subjects"),
        ("Catégorie de personnes concernées", "data_subjects"),
        ("Personnes concernées", "data_subjects"),
        ("Catégories de données personnelles concernées", "register_categories"),
        ("Destinataires", "recipients"),
        ("Catégories de destinataires", "recipients"),
        ("Durée de conservation", "retention"),
        ("Durées de conservation des données", "retention"),
        ("Délais d'effacement", "retention"),
        ("Mesures de sécurité techniques et organisationnelles", "register_notes"),
        ("Transferts hors UE", "register_notes"),
        ("Purpose(s)", "purpose"),
        ("Lawful basis", "legal_basis"),
        ("Data subjects", "data_subjects"),
        ("Retention period", "retention"),
        ("Recipients", "recipients"),
        ("Numéro de dossier", None),
    ],
)
def test_register_headers_are_recognised_whatever_their_accents_case_spacing_or_plural(
    header: str, target: str | None
) -> None:
    assert register_target(header) == target, header_key(header)


def test_validate_on_a_register_exits_0_and_prints_the_mapping_it_used_in_french(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(FIXTURE)]) == 0
    out = capsys.readouterr().out.replace(str(FIXTURE), "registre.csv")
    lines = out.splitlines()
    assert lines[0] == (
        f"registre.csv{NB}: lu comme un registre des traitements, colonne par colonne{NB}:"
    )
    assert lines[1:10] == [
        "  colonne A « Nom du traitement » → Titre",
        "  colonne B « Responsable de traitement » → Détenteur",
        "  colonne C « Service » → Autres colonnes (gardées)",
        "  colonne D « Finalité(s) » → Finalité",
        "  colonne E « Base légale » → Base légale",
        "  colonne F « Catégories de personnes concernées » → Catégories de personnes concernées",
        "  colonne G « Catégories de données » → Catégories de données (texte du registre)",
        "  colonne H « Destinataires » → Destinataires",
        "  colonne I « Durée de conservation » → Durée de conservation",
    ]
    assert f"registre.csv{NB}: cartes à ajouter{NB}: 9" in lines
    assert lines[-1] == "registre.csv: ok"


@pytest.mark.parametrize(
    ("column", "word", "field", "code"),
    [
        ("Type de détenteur", "Commune", "holder_kind", "city"),
        ("Type de détenteur", "CCAS", "holder_kind", "social_action_centre"),
        ("Type de détenteur", "CIAS", "holder_kind", "social_action_centre"),
        ("Type de détenteur", "Syndicat intercommunal", "holder_kind", "intercommunal_syndicate"),
        ("Mise à jour", "ponctuelle", "refresh", "on_event"),
        ("Accès", "au guichet", "access", "on_request"),
        ("Accès", "sur demande", "access", "on_request"),
        ("Facilité d’accès", "facile", "ease", 3),
        ("Facilité d’accès", "moyenne", "ease", 2),
        ("Facilité d’accès", "Difficile", "ease", 1),
        ("Thèmes", "public_safety", "themes", ["public_safety"]),
        ("Catégories de données", "images_video", "categories", ["images_video"]),
    ],
)
def test_the_words_a_city_uses_are_read(column: str, word: str, field: str, code: object) -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_template("sources", "fr", "xlsx")))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, 1, "ma_source")
    sheet.cell(2, headers.index(column) + 1, word)
    out = io.BytesIO()
    book.save(out)
    reading = read_sheet_cards(out.getvalue(), "s.xlsx", "sources")
    assert reading.problems == []
    [card] = reading.cards
    assert getattr(card, field) == code


def test_a_misspelt_word_gets_a_suggestion_that_finds_commune_and_ponctuelle() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_template("sources", "fr", "xlsx")))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, 1, "ma_source")
    sheet.cell(2, headers.index("Type de détenteur") + 1, "Comune")
    sheet.cell(2, headers.index("Mise à jour") + 1, "ponctuele")
    out = io.BytesIO()
    book.save(out)
    problems = [str(p) for p in read_sheet_cards(out.getvalue(), "s.xlsx", "sources").problems]
    assert "vouliez-vous dire « commune »" in problems[0]
    assert "valeurs permises" in problems[0] and "CCAS ou CIAS" in problems[0]
    assert "vouliez-vous dire « ponctuelle »" in problems[1]


def test_the_template_example_row_is_never_imported() -> None:
    for fmt in ("csv", "xlsx"):
        reading = read_sheet_cards(write_template("sources", "fr", fmt), f"m.{fmt}", "sources")
        assert reading.cards == [] and reading.problems == []
        assert "exemple" in str(reading.warnings[0])


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_the_row_limit_counts_data_rows_not_the_header(extra: int, refused: bool) -> None:
    body = "".join(f"Source {i};Commune\r\n" for i in range(MAX_ROWS + extra))
    data = ("Nom du traitement;Responsable de traitement\r\n" + body).encode("cp1252")
    reading = read_sheet_cards(data, "r.csv", "sources")
    assert bool(reading.problems) is refused
    if not refused:
        assert len(reading.cards) == MAX_ROWS


def test_every_bundled_card_gives_every_field_a_register_may_leave_to_qualify() -> None:
    decks = shipped_deck_set()
    assert [c.id for c in decks["data_sources"] if c.to_qualify()] == []  # type: ignore[attr-defined]
    assert [c.id for c in decks["needs"] if c.to_qualify()] == []  # type: ignore[attr-defined]


def test_the_readme_register_section_names_the_fixture_and_its_headers() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Bringing your register", 1)[1].split("\n### ", 1)[0]
    section = " ".join(section.split())
    for header in [*HEADERS[:2], *HEADERS[3:10]]:  # "Service" is not a CNIL column
        assert header in section
    assert "tests/fixtures/registre_traitements.csv" in section
