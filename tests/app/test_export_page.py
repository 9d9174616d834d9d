"""The export page, driven through AppTest, and the files its buttons hand out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from outcome_pages import Room, open_room, page, texts
from pypdf import PdfReader

from selfdata.app import services
from selfdata.files.documents import parse_text
from selfdata.files.loading import default_decks
from selfdata.ui import export_files
from tests.service_helpers import import_workshop_data

FACILITATOR_FILES = [
    "export_dossier_download",
    "export_report_download",
    "export_deck_download",
    "export_workshop_download",
]


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    return open_room(tmp_path, monkeypatch, "la_rochelle")


def buttons(at: object) -> list[str]:
    return [b.key for b in at.get("download_button")]  # type: ignore[attr-defined]


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_facilitator_gets_the_four_files(room: Room) -> None:
    at = page(room, "export", "facilitator")
    assert not at.exception
    assert buttons(at) == FACILITATOR_FILES


@pytest.mark.parametrize(
    ("revealed", "report_offered"),
    [((), False), (("export",), True), (("scenarios",), True), (("needs",), False)],
)
def test_a_participant_gets_the_report_once_the_export_or_the_ranking_is_revealed(
    room: Room, revealed: tuple[str, ...], report_offered: bool
) -> None:
    for step in services.room_state(room.store, room.code).revealed:
        services.set_revealed(room.store, room.code, room.secret, step, False)
    for step in revealed:
        services.set_revealed(room.store, room.code, room.secret, step, True)
    at = page(room, "export", "participant")
    assert buttons(at) == (["export_report_download"] if report_offered else [])
    if not report_offered:
        assert "une fois que l’animation a révélé" in texts(at)


def test_the_facilitator_toggle_lets_participants_download_the_report(room: Room) -> None:
    services.set_revealed(room.store, room.code, room.secret, "scenarios", False)
    at = page(room, "export", "facilitator")
    at.toggle(key="export_reveal").set_value(True).run()
    assert "export" in services.room_state(room.store, room.code).revealed
    assert buttons(page(room, "export", "participant")) == ["export_report_download"]


def test_the_workshop_file_imports_back_as_the_same_workshop(room: Room) -> None:
    data = export_files.workshop_file(room.store, room.code, room.secret)()
    again = import_workshop_data(room.store, parse_text(data.decode(), "w.yaml"))
    before = services.export_workshop(room.store, room.code, room.secret)
    after = services.export_workshop(room.store, again.code, again.secret)
    assert after.scenarios == before.scenarios and after.ratings == before.ratings


@pytest.mark.parametrize(
    ("lang", "word"), [("fr", "DOSSIER DE SCÉNARIO"), ("en", "SCENARIO DOSSIER")]
)
def test_a_dossier_is_a_pdf_in_the_interface_language(room: Room, lang: str, word: str) -> None:
    scenario = services.scenarios(room.store, room.code).scenarios[0]
    data = export_files.dossier(
        room.store, room.code, room.secret, default_decks(), scenario.id, lang
    )()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert scenario.title.split()[0] in text
    assert word in text


def test_the_participant_report_never_names_pseudonyms(room: Room) -> None:
    """Even once the facilitator names participants in the workshop, a participant's copy
    of the report lists no pseudonym (the facilitator's copy does)."""
    decks = default_decks()
    services.set_pseudonyms_shown(room.store, room.code, room.secret, True)
    theirs = pdf_text(
        export_files.report(room.store, room.code, None, decks, "fr", token=room.token)()
    )
    named = pdf_text(export_files.report(room.store, room.code, room.secret, decks, "fr")())
    assert "Camille" in named
    assert "Camille" not in theirs


def test_file_names_follow_the_export_naming_rules() -> None:
    names = export_files.file_names("Atelier mobilité à La Rochelle", "en")
    assert names == {
        "report": "atelier-mobilite-a-la-rochelle-report-en.pdf",
        "deck": "selfdata-cards-en.pdf",
        "workshop": "atelier-mobilite-a-la-rochelle.selfdata.yaml",
    }


def test_zero_weights_are_refused_on_the_export_page_with_a_message_about_the_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    in_use = services.scenario_ratings(room.store, room.code, secret=room.secret).criteria
    services.set_weights(room.store, room.code, room.secret, {c.criterion: 0.0 for c in in_use})
    at = page(room, "export", "facilitator")
    assert not at.exception
    assert any("poids de 0" in e.value for e in at.error)
    keys = {b.key for b in at.get("download_button")}
    assert "export_report_download" not in keys and "export_dossier_download" not in keys
    assert "export_deck_download" in keys


def test_a_rerun_of_the_export_page_reads_no_rating_once_its_files_are_built(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decision sections (pre-check, city roles, action plan) need no rating: they read
    the workshop once per run without them. Reading every rating three times per run made
    the page 19 times slower than before them (BENCHMARKS.md, "Before and after")."""
    from selfdata.store import transfer

    reads: list[int] = []
    real = transfer.read_ratings

    def counted(conn: object, workshop_id: int) -> object:
        reads.append(workshop_id)
        return real(conn, workshop_id)  # type: ignore[arg-type]

    monkeypatch.setattr(transfer, "read_ratings", counted)
    at = page(room, "export", "facilitator")
    assert not at.exception and "export_dossier_download" in buttons(at)
    reads.clear()
    at.run()
    assert not at.exception
    assert reads == []
