"""Anonymous mode is a setting of the workshop (issue 15): stored (schema 8), set by the
facilitator only through the one write path (audited, undoable), read by the screens'
read models, and carried by the workshop file (a file without it is anonymous).

What each output shows in both modes is in ``tests/app/test_anonymous_mode.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from selfdata.app import services
from selfdata.domain.errors import Forbidden
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import dump_workshop, load_workshop, parse_workshop
from selfdata.i18n import t as tr
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from tests.service_helpers import Room, open_room

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shown(room: Room) -> bool:
    return services.room_state(room.store, room.code).show_pseudonyms


def _proposals(room: Room) -> tuple[str | None, str | None]:
    token = room.join("Alice")
    room.need("Un besoin d’Alice", token=token)
    room.source("Une source d’Alice", token=token)
    need = next(n for n in services.needs_board(room.store, room.code).needs if n.proposed_by)
    source = next(s for s in services.inventory(room.store, room.code).sources if s.proposed_by)
    return need.proposed_by_pseudonym, source.proposed_by_pseudonym


def test_a_new_workshop_is_anonymous_and_its_reads_name_no_one(store: Store) -> None:
    room = open_room(store)
    assert not shown(room)
    assert _proposals(room) == (None, None)
    assert not services.participants(store, room.code).named


def test_the_facilitator_names_participants_and_every_read_follows(store: Store) -> None:
    room = open_room(store)
    services.set_pseudonyms_shown(store, room.code, room.secret, True)
    assert shown(room)
    assert _proposals(room) == ("Alice", "Alice")
    assert services.participants(store, room.code).named


def test_only_the_facilitator_may_change_it_and_a_refusal_changes_nothing(store: Store) -> None:
    room = open_room(store)
    token = room.join("Alice")
    before = services.version(store, room.code)
    for wrong in (token, "not-the-secret", ""):
        with pytest.raises(Forbidden):
            services.set_pseudonyms_shown(store, room.code, wrong, True)
    assert not shown(room)
    assert services.version(store, room.code) == before
    actions = [e.action for e in services.audit_log(store, room.code, room.secret)]
    assert "set_pseudonyms" not in actions


def test_the_change_is_audited_without_free_text_and_undone_by_name(store: Store) -> None:
    room = open_room(store)
    services.set_pseudonyms_shown(store, room.code, room.secret, True)
    entry = services.audit_log(store, room.code, room.secret)[0]
    assert (entry.actor, entry.action, entry.detail) == (
        "facilitator",
        "set_pseudonyms",
        {"show_pseudonyms": True},
    )
    state = services.room_state(store, room.code)
    assert state.can_undo and state.next_undo is not None
    assert services.describe_undo(state.next_undo, "en") == "showing the pseudonyms"
    assert services.describe_undo(state.next_undo, "fr") == "l’affichage des pseudonymes"
    done = services.undo_step(store, room.code, room.secret)
    assert done.action == "set_pseudonyms" and not shown(room)
    services.set_pseudonyms_shown(store, room.code, room.secret, True)
    services.set_pseudonyms_shown(store, room.code, room.secret, False)
    step = services.room_state(store, room.code).next_undo
    assert step is not None
    assert services.describe_undo(step, "en") == "the return to anonymous mode"
    services.undo_step(store, room.code, room.secret)
    assert shown(room)


@pytest.mark.storage
def test_it_travels_in_the_workshop_file(store: Store, tmp_path: Path) -> None:
    room = open_room(store)
    room.join("Alice")
    services.set_pseudonyms_shown(store, room.code, room.secret, True)
    exported = services.export_workshop(store, room.code, room.secret)
    assert exported.settings.show_pseudonyms
    path = tmp_path / "atelier.selfdata.yaml"
    path.write_text(dump_workshop(exported), encoding="utf-8")
    assert "show_pseudonyms: true" in path.read_text(encoding="utf-8")
    assert "pseudonym: Alice" in path.read_text(encoding="utf-8"), "the file holds them"
    again = services.import_workshop(store, load_workshop(path))
    assert services.room_state(store, again.code).show_pseudonyms


@pytest.mark.storage
def test_a_file_written_before_the_setting_is_read_as_anonymous(store: Store) -> None:
    old = {
        "schema": "selfdata-workshop/1",
        "title": "Atelier",
        "territory": "Testville",
        "theme": "water",
        "settings": {"vote_budget": 5, "vote_cap": 3, "locked": False, "revealed": []},
        "participants": [{"id": "p1", "pseudonym": "Alice"}],
    }
    workshop = parse_workshop(old)
    assert not workshop.settings.show_pseudonyms
    created = services.import_workshop(store, workshop)
    assert not services.room_state(store, created.code).show_pseudonyms
    assert not Workshop.model_validate({**old, "settings": {}}).settings.show_pseudonyms


@pytest.mark.storage
def test_a_version_7_database_migrates_to_anonymous_workshops(db_url: str) -> None:
    store = Store(db_url)  # SQLite and PostgreSQL
    room = open_room(store)
    room.join("Alice")

    def make_it_version_7(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE workshops DROP COLUMN show_pseudonyms"))
        conn.execute(update(t.schema_version).values(version=7))

    store.write(make_it_version_7)
    store.dispose()
    migrated = Store(db_url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION >= 8
    assert 8 in t.MIGRATIONS
    again = Room(migrated, room.code, room.secret)
    assert not shown(again)
    assert [p.pseudonym for p in services.participants(migrated, room.code).participants] == [
        "Alice"
    ]
    services.set_pseudonyms_shown(migrated, room.code, room.secret, True)
    assert shown(again)
    migrated.dispose()


def test_the_rank_json_in_anonymous_mode_carries_no_id_and_no_pseudonym(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfdata.cli import main

    path = ROOT / "scenarios" / "la_rochelle.yaml"
    assert main(["rank", str(path), "--json"]) == 0
    people = json.loads(capsys.readouterr().out)["participants"]
    assert people and all(not set(p) & {"participant", "pseudonym"} for p in people)
    taus = [p["kendall_tau"] for p in people if p["kendall_tau"] is not None]
    assert taus == sorted(taus, reverse=True), "highest agreement first"


# --- the README's "Privacy" section: each sentence about anonymous mode -------------------


def _privacy() -> str:
    start = README.index("## Privacy")
    return " ".join(README[start : README.index("\n## ", start + 1)].split())


def test_the_readme_names_the_buttons_and_the_words_the_screens_use() -> None:
    section = _privacy()
    assert '«Afficher les pseudonymes» / "Show pseudonyms"' in section
    assert tr("console.show_pseudonyms", "fr") == "Afficher les pseudonymes"
    assert tr("console.show_pseudonyms", "en") == "Show pseudonyms"
    assert '"Participant 1, 2…"' in section
    assert tr("console.anonymous", "en", n=1) == "Participant 1"
    for key in ("console.kind_need_anonymous", "inventory.proposed_in_room"):
        assert f'"{tr(key, "en")}"' in section
    assert f'("{tr("inventory.proposed_by_you", "en")}" to its author)' in section


def test_the_readme_says_where_the_setting_lives_and_who_sets_it() -> None:
    section = _privacy()
    assert "`settings.show_pseudonyms`" in section
    assert "a file without it is anonymous" in section
    assert "written in the audit log and undoable" in section
    assert "only the facilitator can change it" in section
    assert "The scenario dossiers never name anyone" in section
    assert "A participant's copy of the report never names anyone" in section
    assert '"participant 1, 2…" (highest first)' in section
    assert "its JSON carries no id and no pseudonym" in section
    assert "participation figures without names" in section
    # tested by tests/app/test_anonymous_mode.py (the own-ranking panel, the projector row)
    assert "their own ranking beside the group's on their own tablet" in section
    assert "the projector shows contributions and totals, never who gave them" in section
    assert "the facilitator can export the workshop (the file holds the pseudonyms)" in section
