"""The operator's commands on the app's database, on SQLite and PostgreSQL alike: every
workshop backed up as a file that reads back whole, expired ones purged, one deleted by its
facilitator with all its rows — and never by someone without the secret."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, select

from selfdata.app import access, services
from selfdata.cli import main
from selfdata.files.loading import load_workshop
from selfdata.store import Store
from selfdata.store import schema as t
from tests.service_helpers import count_workshops

pytestmark = pytest.mark.storage


def _rows_of(store: Store, code: str) -> int:
    """Rows left anywhere in the database that belong to workshop ``code``."""
    tables = [tb for tb in t.metadata.sorted_tables if "workshop_id" in tb.c]

    def fn(conn: Connection) -> int:
        ids = select(t.workshops.c.id).where(t.workshops.c.code == code).scalar_subquery()
        total = 0
        for table in tables:
            query = select(func.count()).select_from(table).where(table.c.workshop_id == ids)
            total += int(conn.execute(query).scalar_one())
        return total

    return store.read(fn)


def test_backup_writes_every_workshop_as_a_file_that_reads_back_whole(
    store: Store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    codes = [
        services.create_workshop(store, example=name).code for name in ("nantes", "grand_lyon")
    ]
    assert main(["workshops", "--db", db_url, "backup", "--out", str(tmp_path / "bk")]) == 0
    assert "wrote 2 workshop file(s)" in capsys.readouterr().out
    for code in codes:
        restored = load_workshop(tmp_path / "bk" / f"{code}.selfdata.yaml")
        assert restored == services.backup_workshop(store, code)


def test_a_backed_up_workshop_restores_whole_under_a_new_code(
    store: Store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    original = services.create_workshop(store, example="grand_lyon")
    assert main(["workshops", "--db", db_url, "backup", "--out", str(tmp_path)]) == 0
    services.delete_workshop(store, original.code, original.secret)
    capsys.readouterr()
    backup = tmp_path / f"{original.code}.selfdata.yaml"
    assert main(["workshops", "--db", db_url, "restore", str(backup)]) == 0
    _, code, secret = capsys.readouterr().out.strip().split("\t")
    code, secret = code.removeprefix("code "), secret.removeprefix("secret d’animation ")
    assert code != original.code
    assert services.export_workshop(store, code, secret) == load_workshop(backup)


def test_restoring_a_broken_file_names_the_problem_and_creates_nothing(
    store: Store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: selfdata-workshop/1\ntitle: [\n", encoding="utf-8")
    assert main(["workshops", "--db", db_url, "restore", str(broken)]) == 1
    assert "broken.yaml" in capsys.readouterr().err
    assert count_workshops(store) == 0


def test_list_names_every_workshop(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]):
    code = services.create_workshop(store, example="la_rochelle").code
    assert main(["workshops", "--db", db_url, "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{code}\t")


def test_delete_needs_the_secret_and_then_leaves_no_row_behind(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
):
    kept = services.create_workshop(store, example="nantes")
    gone = services.create_workshop(store, example="la_rochelle")
    assert _rows_of(store, gone.code) > 100
    assert main(["workshops", "--db", db_url, "delete", gone.code, f"--secret={kept.secret}"]) == 1
    assert "facilitator" in capsys.readouterr().err
    assert count_workshops(store) == 2
    assert main(["workshops", "--db", db_url, "delete", gone.code, f"--secret={gone.secret}"]) == 0
    assert (count_workshops(store), _rows_of(store, gone.code)) == (1, 0)
    assert _rows_of(store, kept.code) > 100


def test_delete_reads_the_secret_from_standard_input_when_not_given(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
):
    created = services.create_workshop(store, example="nantes")
    monkeypatch.setattr("sys.stdin", io.StringIO(created.secret + "\n"))
    assert main(["workshops", "--db", db_url, "delete", created.code]) == 0
    assert count_workshops(store) == 0


def test_purge_erases_only_the_workshops_past_their_retention_date(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    old = services.create_workshop(store, title="Ancien", territory="Ville", theme="water")
    monkeypatch.setattr(access, "clock", lambda: access.time.time() + 365 * 86400)
    fresh = services.create_workshop(store, title="Récent", territory="Ville", theme="water")
    # a year later, the old one has expired (90 days by default), the fresh one not
    assert main(["workshops", "--db", db_url, "purge"]) == 0
    assert "erased 1 expired workshop(s)" in capsys.readouterr().out
    assert services.room_state(store, fresh.code).title == "Récent"
    assert _rows_of(store, old.code) == 0
