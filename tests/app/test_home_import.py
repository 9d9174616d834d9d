"""Home: a workshop file is uploaded, previewed (nothing stored), then imported, and its
uploader is the new workshop's facilitator. Malformed files get one line per problem."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui import export_files
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
    code, secret = home.query_params["code"], home.query_params["secret"]
    assert code != room.code
    assert [s.value for s in home.success] == [t("home.facilitator_ready", "fr")]
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
    assert home.query_params["secret"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [pytest.param(name, content, expected, id=case) for case, name, content, expected in MALFORMED],
)
def test_a_malformed_upload_is_refused_with_one_line_and_nothing_stored(
    app_store: Store, run_page: PageRunner, name: str, content: bytes, expected: str
) -> None:
    home = upload(run_page("home"), name, content)
    assert not home.exception
    assert refusal_lines(home) == [UPLOAD_SPECIFIC.get(name, expected)]
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
    from selfdata.app import preparation

    room = open_room(app_store, "la_rochelle")
    data = services.export_workshop(app_store, room.code, room.secret).dump()
    text = dump_workshop_data(data) + b"# " + b"padding " * (preparation.IN_PROCESS_BYTES // 8)
    assert len(text) > preparation.IN_PROCESS_BYTES
    preview = services.preview_workshop_file(text, "big.yaml")
    assert preview.importable and dict(preview.counts)["ratings"] == len(data["ratings"])
    created = services.import_workshop_file(app_store, text, "big.yaml")
    assert services.export_workshop(app_store, created.code, created.secret).dump() == data
    broken = text.replace(b"schema: selfdata-workshop/1", b"schema: selfdata-workshop/1\nschema: x")
    refused = services.preview_workshop_file(broken, "big.yaml")
    assert refused.problems == ("big.yaml:2:1: duplicate key 'schema' (first at line 1)",)
    with pytest.raises(services.InvalidInput) as refusal:
        services.import_workshop_file(app_store, broken, "big.yaml")
    assert tuple(refusal.value.problems) == refused.problems
    assert count_workshops(app_store) == 2
    assert preparation._POOL, "the worker process read them"
