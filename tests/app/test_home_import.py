"""Home: a workshop file is uploaded, previewed (nothing stored), then imported, and its
uploader is the new workshop's facilitator. Malformed files get one line per problem."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui import export_files
from selfdata.ui.kept_secret import KEPT_KEY
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room, texts
from tests.service_helpers import count_workshops
from tests.unit.test_validate_cli import MALFORMED

UPLOAD_SPECIFIC = {
    "data_sources.yaml": "data_sources.yaml: schema: this is a card deck ('selfdata-deck/1'), "
    "not a workshop file",
    "old.yaml": "old.yaml: schema: unknown schema 'selfdata-workshop/2' — did you mean "
    "'selfdata-workshop/1'? (expected 'selfdata-workshop/1')",
    "notes.yaml": "notes.yaml: missing required fields 'territory', 'theme'",
    "list.yaml": "list.yaml: expected a workshop file (a mapping with 'schema:'), got a list",
}
"""Where the upload's line differs from ``validate``'s: the upload expects a workshop only."""

ENGLISH_WORDS = (
    "expected",
    " got ",
    "unknown",
    "duplicate",
    "missing",
    "invalid ",
    "not allowed",
    "too large",
    "is empty",
    "did you mean",
    "nesting",
    "contains itself",
    "save the file",
    "is not in",
    "places ",
    "this is a",
    "a tab character",
    "expecting",
    "already used",
    "listed twice",
)
"""Words of the English problems that no French line holds (issue 29: the French home page
showed the workshop file's problems in English)."""


def english_in(lines: list[str]) -> list[str]:
    return [w for line in lines for w in ENGLISH_WORDS if w in line.lower()]


def upload(home: AppTest, name: str, content: bytes) -> AppTest:
    home.file_uploader(key="home_import_file").set_value((name, content, "application/x-yaml"))
    return home.run()


def refusal_lines(home: AppTest) -> list[str]:
    return [line for c in home.code for line in str(c.value).splitlines()]


def test_the_export_pages_file_is_previewed_then_imported_and_the_uploader_facilitates_it(
    app_store: Store, run_page: PageRunner
) -> None:
    """The export page promises « un fichier portable à réimporter depuis l’accueil »."""
    room = open_room(app_store, "la_rochelle")
    export = run_page("export", code=room.code, secret=room.secret)
    assert "réimporter depuis l’accueil" in texts(export)
    original = services.export_workshop(app_store, room.code, room.secret)
    offered = export_files.workshop_file(app_store, room.code, room.secret)()
    name = export_files.file_names(original.title, "fr")["workshop"]
    home = upload(run_page("home"), name, offered)
    assert not home.exception
    shown = texts(home)
    assert "Ce que l’import va créer" in shown
    assert f"Participants\u00a0: {len(original.participants)}" in shown
    assert f"Notes\u00a0: {len(original.ratings)}" in shown
    assert original.title in shown
    assert count_workshops(app_store) == 1, "a preview stores nothing"
    home.button(key="home_import_go").click().run()
    assert not home.exception
    assert count_workshops(app_store) == 2
    code = home.query_params["code"]
    secret = home.session_state[KEPT_KEY][code]  # kept by the tab, out of the address bar
    assert code != room.code
    assert [s.value for s in home.success] == [t("home.facilitator_ready", "fr")]
    assert f"secret={secret}" not in texts(home), "the facilitator link only on request"
    home.toggle(key="home_show_private").set_value(True).run()
    assert f"secret={secret}" in texts(home), "the facilitator link is shown to the uploader"
    again = services.export_workshop(app_store, code, secret)  # the secret is a facilitator's
    assert again.dump() == original.dump(), "the export page's file comes back unchanged"


def test_a_json_workshop_file_imports_too(app_store: Store, run_page: PageRunner) -> None:
    import json

    room = open_room(app_store, "nantes")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    home = upload(run_page("home"), "atelier.json", json.dumps(data).encode())
    home.button(key="home_import_go").click().run()
    assert count_workshops(app_store) == 2
    assert home.session_state[KEPT_KEY][home.query_params["code"]]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [pytest.param(name, content, expected, id=case) for case, name, content, expected in MALFORMED],
)
def test_a_malformed_upload_is_refused_with_one_line_and_nothing_stored(
    app_store: Store, run_page: PageRunner, name: str, content: bytes, expected: str
) -> None:
    """The English page shows ``validate --lang en``'s line; the French page the same place
    (file, line:column or path) with the problem in French, and no English problem text."""
    home = upload(run_page("home", lang="en"), name, content)
    assert not home.exception
    english = UPLOAD_SPECIFIC.get(name, expected)
    assert refusal_lines(home) == [english]
    home = upload(run_page("home"), name, content)
    assert not home.exception
    (french,) = refusal_lines(home)
    assert french.split(": ")[0] == english.split(": ")[0], "the same file:line:column"
    assert french != english and english_in([french]) == []
    assert "rien n’a été enregistré" in texts(home)
    assert "home_import_go" not in {b.key for b in home.button}
    assert count_workshops(app_store) == 0


def test_every_problem_of_an_upload_is_listed_one_per_line(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    data["theme"] = "watter"
    data["needs"][0]["card"] = {"id": 3}
    home = upload(run_page("home"), "two.yaml", dump_workshop_data(data))
    lines = refusal_lines(home)
    assert len(lines) >= 2 and all(line.startswith("two.yaml: ") for line in lines)
    assert "Problèmes trouvés (" in texts(home)
    assert count_workshops(app_store) == 1


def test_the_import_is_offered_in_english_on_an_english_home(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home", lang="en")
    assert "Import a workshop file" in [e.label for e in home.expander]


def dump_workshop_data(data: dict[str, object]) -> bytes:
    from selfdata.files.documents import dump_yaml

    return dump_yaml(data).encode()


def test_a_large_file_is_read_and_imported_by_the_worker_process_as_a_small_one_is(
    app_store: Store,
) -> None:
    from selfdata.app import file_import

    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    text = dump_workshop_data(data) + b"# " + b"padding " * (file_import.IN_PROCESS_BYTES // 8)
    assert len(text) > file_import.IN_PROCESS_BYTES
    preview = services.preview_workshop_file(text, "big.yaml")
    assert preview.importable and dict(preview.counts)["ratings"] == len(data["ratings"])
    created = services.import_workshop_file(app_store, text, "big.yaml")
    assert services.export_workshop(app_store, created.code, created.secret).dump() == data
    broken = text.replace(b"schema: selfdata-workshop/1", b"schema: selfdata-workshop/1\nschema: x")
    refused = services.preview_workshop_file(broken, "big.yaml")
    assert refused.problems == ("big.yaml:2:1: duplicate key 'schema' (first at line 1)",)
    french = services.preview_workshop_file(broken, "big.yaml", "fr")
    assert french.problems == ("big.yaml:2:1: clé 'schema' en double (déjà ligne 1)",)
    with pytest.raises(services.InvalidInput) as refusal:
        services.import_workshop_file(app_store, broken, "big.yaml")
    assert tuple(refusal.value.problems) == refused.problems
    with pytest.raises(services.InvalidInput) as refusal:
        services.import_workshop_file(app_store, broken, "big.yaml", lang="fr")
    assert tuple(refusal.value.problems) == french.problems
    assert count_workshops(app_store) == 2
    assert file_import._POOL, "the worker process read them"


def hostile_workshop(app_store: Store) -> bytes:
    """An exported workshop broken in four ways: a wrong type, an unknown field, an unknown
    theme and a use case naming a source that is not in the inventory."""
    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    data["title"] = 2019
    data["particpants"] = data.pop("participants")
    return dump_workshop_data(data)


def test_a_hostile_workshop_file_is_refused_in_french_on_the_french_home_page(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 29: the problems of an uploaded workshop file came in English on the French
    page. Same file, same places: French on the French page, English with ``lang=en``."""
    raw = hostile_workshop(app_store)
    french = refusal_lines(upload(run_page("home"), "hostile.yaml", raw))
    assert french == [
        "hostile.yaml: title: attendu\u202f: un texte\u00a0; reçu\u202f: 2019",
        "hostile.yaml: champ inconnu 'particpants' — vouliez-vous dire 'participants'\u202f?",
    ]
    assert english_in(french) == []
    english = refusal_lines(upload(run_page("home", lang="en"), "hostile.yaml", raw))
    assert english == [
        "hostile.yaml: title: expected a text, got 2019",
        "hostile.yaml: unknown field 'particpants' — did you mean 'participants'?",
    ]
    assert count_workshops(app_store) == 1


def test_a_workshop_with_dangling_references_is_refused_in_the_pages_language(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    data["theme"] = "watter"
    raw = dump_workshop_data(data)
    french = refusal_lines(upload(run_page("home"), "refs.yaml", raw))
    assert french == [
        "refs.yaml: theme: thème 'watter' introuvable — vouliez-vous dire 'water'\u202f?"
    ]
    english = refusal_lines(upload(run_page("home", lang="en"), "refs.yaml", raw))
    assert english == ["refs.yaml: theme: unknown theme 'watter' — did you mean 'water'?"]


def test_what_the_database_refuses_is_said_in_the_pages_language_too(app_store: Store) -> None:
    """The import checks after reading (pseudonyms given twice, a use case listing a source
    twice) speak the page's language, with the path inside the file."""
    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    first = data["participants"][0]
    data["participants"].append({**first, "id": "copy"})
    raw = dump_workshop_data(data)
    n = len(data["participants"]) - 1
    french = services.preview_workshop_file(raw, "twice.yaml", "fr").problems
    assert french == (
        f"twice.yaml: participants[{n}].pseudonym: le pseudonyme '{first['pseudonym']}' est déjà "
        "pris par participants[0]",
    )
    english = services.preview_workshop_file(raw, "twice.yaml", "en").problems
    assert english == (
        f"twice.yaml: participants[{n}].pseudonym: pseudonym '{first['pseudonym']}' is already "
        "used by participants[0]",
    )
