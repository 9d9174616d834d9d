"""Anonymous mode, per workshop (issue 15): every output that could name a participant,
checked in both modes.

One table: the console (AppTest: the participants' list, moderation, room protection), a
tablet's inventory and the projector (AppTest), ``rank`` (text and JSON) and ``export``
(the report read back with pypdf) on the workshop file, and the facilitator's report and
dossier from the export page's builders. Anonymous (the default): none of the workshop's
pseudonyms appears anywhere. Named (the facilitator pressed "Show pseudonyms"): the ones
that list people name them; the projector and the dossier never do."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.cli import main
from selfdata.files.loading import default_decks, dump_workshop
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import Room, open_room, texts

AUTHOR = "Zébulon"
"""A participant who proposes a need and a source, and rates a scenario: every output that
lists people has a reason to name them."""


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _page_text(at: AppTest) -> str:
    """What a page shows: its texts, its tables' cells and its select boxes' options."""
    assert not at.exception
    cells = [str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()]
    options = [str(o) for box in at.selectbox for o in box.options]
    return "\n".join([texts(at), *cells, *options])


@pytest.fixture
def room(app_store: Store) -> Room:
    room = open_room(app_store)
    author = room.join(AUTHOR)
    room.at("needs")  # each contribution at its step
    services.propose_need(
        app_store, room.code, author, draft=services.NeedDraft(title="Mes trajets en vélo")
    )
    room.at("inventory")
    services.propose_source(
        app_store,
        room.code,
        author,
        draft=services.SourceDraft(title="Compteur de la piscine", holder="La piscine"),
    )
    scenario = services.scenarios(app_store, room.code).scenarios[0].id
    room.at("scenarios")
    services.rate(app_store, room.code, author, scenario, "resident_benefit", 5)
    return room


def _workshop_file(room: Room, tmp_path: Path) -> Path:
    path = tmp_path / "atelier.selfdata.yaml"
    workshop = services.export_workshop(room.store, room.code, room.secret)
    path.write_text(dump_workshop(workshop), encoding="utf-8")
    return path


Output = Callable[[Room, PageRunner, Path, pytest.CaptureFixture[str]], str]


def console(room: Room, run_page: PageRunner, _: Path, __: pytest.CaptureFixture[str]) -> str:
    return _page_text(run_page("console", code=room.code, secret=room.secret))


def tablet_inventory(
    room: Room, run_page: PageRunner, _: Path, __: pytest.CaptureFixture[str]
) -> str:
    """The tablet of « Testeur », who sees their own pseudonym in the header (to themselves
    only): that one line is left out, the rest must name no one."""
    at = run_page("inventory", code=room.code, token=room.token)
    own = t("chrome.you_are", name="Testeur")
    shown = _page_text(at)
    assert own in shown
    return shown.replace(own, "")


def projector(room: Room, run_page: PageRunner, _: Path, __: pytest.CaptureFixture[str]) -> str:
    services.set_step(room.store, room.code, room.secret, "inventory")
    return _page_text(run_page("projection", code=room.code, view="projection"))


def rank_text(room: Room, _: PageRunner, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["rank", str(_workshop_file(room, tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "Agreement with the group" in out
    return out


def rank_json(room: Room, _: PageRunner, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["rank", str(_workshop_file(room, tmp_path)), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["participants"]
    return out


def export_cli_report(
    room: Room, _: PageRunner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    out = tmp_path / "out"
    assert main(["export", str(_workshop_file(room, tmp_path)), "--out", str(out)]) == 0
    capsys.readouterr()
    (report,) = [p for p in out.glob("*.pdf") if "rapport" in p.name]
    return pdf_text(report.read_bytes())


def facilitator_report(room: Room, _: PageRunner, __: Path, ___: pytest.CaptureFixture[str]) -> str:
    from selfdata.ui import export_files

    build = export_files.report(room.store, room.code, room.secret, default_decks(), "fr")
    return pdf_text(build())


def dossier(room: Room, _: PageRunner, __: Path, ___: pytest.CaptureFixture[str]) -> str:
    from selfdata.ui import export_files

    scenario = services.scenarios(room.store, room.code).scenarios[0].id
    build = export_files.dossier(
        room.store, room.code, room.secret, default_decks(), scenario, "fr"
    )
    return pdf_text(build())


OUTPUTS: list[tuple[str, Output, bool]] = [
    # name, how to read it, whether it names participants once they are shown
    ("console", console, True),
    ("tablet inventory", tablet_inventory, True),
    ("projector", projector, False),
    ("rank", rank_text, True),
    ("rank --json", rank_json, True),
    ("export (report from the file)", export_cli_report, True),
    ("report (export page)", facilitator_report, True),
    ("dossier (export page)", dossier, False),
]


def _pseudonyms(room: Room) -> list[str]:
    return [p.pseudonym for p in services.participants(room.store, room.code).participants]


@pytest.mark.parametrize("name, output, lists_people", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_no_pseudonym_appears_in_anonymous_mode(
    room: Room,
    run_page: PageRunner,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    output: Output,
    lists_people: bool,
) -> None:
    assert not services.room_state(room.store, room.code).show_pseudonyms, "the default"
    shown = output(room, run_page, tmp_path, capsys)
    named = [p for p in _pseudonyms(room) if p in shown]
    assert named == [], f"{name} names {named} in anonymous mode"


@pytest.mark.parametrize("name, output, lists_people", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_pseudonyms_appear_once_the_facilitator_shows_them(
    room: Room,
    run_page: PageRunner,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    output: Output,
    lists_people: bool,
) -> None:
    services.set_pseudonyms_shown(room.store, room.code, room.secret, True)
    shown = output(room, run_page, tmp_path, capsys)
    if lists_people:
        assert AUTHOR in shown, f"{name} does not name the author once pseudonyms are shown"
    else:
        assert not [p for p in _pseudonyms(room) if p in shown], f"{name} never names anyone"


def test_the_console_button_turns_pseudonyms_on_and_back_off(
    room: Room, run_page: PageRunner
) -> None:
    at = run_page("console", code=room.code, secret=room.secret)
    assert t("console.pseudonyms_hidden") in texts(at)
    assert t("console.kind_need_anonymous") in texts(at)
    assert t("console.anonymous", n=1) in _page_text(at)
    at.button(key="console_show_pseudonyms").click().run()
    assert not at.exception
    assert services.room_state(room.store, room.code).show_pseudonyms
    assert t("console.pseudonyms_shown") in texts(at)
    assert t("console.kind_need", name=AUTHOR) in texts(at)
    assert at.button(key="console_show_pseudonyms").label == t("console.hide_pseudonyms")
    # another console (a second tab, another facilitator's laptop) follows: it is stored
    other = run_page("console", code=room.code, secret=room.secret)
    assert AUTHOR in _page_text(other)
    at.button(key="console_show_pseudonyms").click().run()
    assert not services.room_state(room.store, room.code).show_pseudonyms
    assert AUTHOR not in _page_text(at)


def test_a_tablet_says_who_proposed_a_source_as_the_mode_allows(
    room: Room, run_page: PageRunner, app_store: Store
) -> None:
    author = services.join(app_store, room.code, "Yoyo").token
    room.at("inventory")
    services.propose_source(
        app_store, room.code, author, draft=services.SourceDraft(title="Badges", holder="Mairie")
    )
    own = _page_text(run_page("inventory", code=room.code, token=author))
    assert t("inventory.proposed_by_you") in own
    other = _page_text(run_page("inventory", code=room.code, token=room.token))
    assert t("inventory.proposed_in_room") in other
    services.set_pseudonyms_shown(room.store, room.code, room.secret, True)
    other = _page_text(run_page("inventory", code=room.code, token=room.token))
    assert t("inventory.proposed_by", name="Yoyo") in other
    assert t("inventory.proposed_by_you") in _page_text(
        run_page("inventory", code=room.code, token=author)
    )


def test_the_export_page_says_whether_the_report_names_participants(
    room: Room, run_page: PageRunner
) -> None:
    at = run_page("export", code=room.code, secret=room.secret)
    assert t("export.pseudonyms_hidden") in texts(at)
    services.set_pseudonyms_shown(room.store, room.code, room.secret, True)
    at = run_page("export", code=room.code, secret=room.secret)
    assert t("export.pseudonyms_shown") in texts(at)


def test_in_anonymous_mode_a_participant_still_sees_their_own_ranking(
    room: Room, run_page: PageRunner
) -> None:
    """One's own ranking beside the group's stays on one's own tablet (the scenarios page,
    once revealed), with no one else named."""
    services.set_step(room.store, room.code, room.secret, "scenarios")
    services.set_locked(room.store, room.code, room.secret, False)
    services.set_revealed(room.store, room.code, room.secret, "scenarios", True)
    scenario = services.scenarios(room.store, room.code).scenarios[0].id
    services.rate(room.store, room.code, room.token, scenario, "resident_benefit", 4)
    at = run_page("scenarios", code=room.code, token=room.token)
    shown = _page_text(at).replace(t("chrome.you_are", name="Testeur"), "")
    assert t("scenarios.yours") in shown
    assert list(at.dataframe[0].value.columns) == ["Groupe", "Scénario", "Vous"]
    assert not [p for p in _pseudonyms(room) if p in shown]
