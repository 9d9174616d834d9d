"""Erasure reaches every file of the database, and retention is enforced by the server.

After "leave and erase" (or a workshop deleted or purged), no file of the SQLite database's
folder — the database, its ``-wal`` and ``-shm`` — holds the pseudonym or the texts; a
workshop past its retention date is erased by the server's own periodic purge."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from selfdata.app import services
from selfdata.app.retention import keep_retention, purge_interval
from selfdata.store import Store
from tests.service_helpers import count_workshops, open_room

PSEUDONYM = "Quillardine"
NEED = "Relever mon compteur XQZ-7781"
SOURCE = "Relevés de la régie XQZ-4412"


def _traces(folder: Path, *needles: str) -> dict[str, list[str]]:
    """Which files of ``folder`` hold which needle (UTF-8, case-insensitive)."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.iterdir()):
        data = path.read_bytes().lower()
        hits = [n for n in needles if n.lower().encode("utf-8") in data]
        if hits:
            found[path.name] = hits
    return found


def _busy_room(folder: Path) -> tuple[Store, str, str, str]:
    store = Store(f"sqlite:///{folder / 'selfdata.db'}")
    room = open_room(store, budget=5, cap=3)
    alice, bob = room.join(PSEUDONYM), room.join("Bob")
    room.need(NEED, token=alice)
    room.source(SOURCE, token=alice)
    shared = room.need("Un besoin de l’animation")
    room.at("needs")
    services.vote(store, room.code, alice, shared, 2)
    # Bob's dot goes to the shared need: a need someone else voted on stays with the group,
    # anonymised, when its author leaves (README "Privacy"), and would keep its text here
    services.vote(store, room.code, bob, shared, 1)
    services.vote(store, room.code, alice, shared, -1)
    return store, room.code, room.secret, alice


def test_after_leave_and_erase_no_file_of_the_database_holds_the_pseudonym_or_the_texts(
    tmp_path: Path,
) -> None:
    store, code, _, alice = _busy_room(tmp_path)
    assert _traces(tmp_path, PSEUDONYM, NEED, SOURCE)  # the check can see them
    services.leave_workshop(store, code, alice)
    assert _traces(tmp_path, PSEUDONYM, NEED, SOURCE) == {}
    assert {p.name for p in tmp_path.iterdir()} >= {"selfdata.db"}
    assert services.participants(store, code).count == 1  # Bob is still there
    store.dispose()


def test_a_removed_participant_and_a_deleted_workshop_leave_no_trace_in_the_files(
    tmp_path: Path,
) -> None:
    store, code, secret, _ = _busy_room(tmp_path)
    slug = next(p.id for p in services.workshop_snapshot(store, code).participants)
    services.remove_participant(store, code, secret, slug)
    assert _traces(tmp_path, PSEUDONYM, NEED, SOURCE) == {}
    services.delete_workshop(store, code, secret)
    assert _traces(tmp_path, "Bob", "Atelier eau", "Testville") == {}
    store.dispose()


def _expiring_room(store: Store, monkeypatch: pytest.MonkeyPatch, seconds: float) -> str:
    monkeypatch.setenv("SELFDATA_RETENTION_DAYS", str(seconds / 86400))
    room = open_room(store)
    room.join(PSEUDONYM)
    return room.code


def test_the_server_s_periodic_purge_erases_an_expired_workshop_and_its_traces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'selfdata.db'}")
    assert keep_retention(store, interval=0.2)
    assert not keep_retention(store, interval=0.2)  # kept once
    _expiring_room(store, monkeypatch, 0.6)
    assert count_workshops(store) == 1
    deadline = time.monotonic() + 20
    while count_workshops(store) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert count_workshops(store) == 0
    assert _traces(tmp_path, PSEUDONYM, "Atelier eau") == {}


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [("", 3600.0), ("60", 60.0), ("0.5", 0.5), ("0", 0.1), ("abc", 3600.0), ("nan", 3600.0)],
)
def test_the_purge_interval_comes_from_the_environment(raw: str, seconds: float) -> None:
    assert purge_interval({"SELFDATA_PURGE_SECONDS": raw}) == seconds


def test_the_readme_and_deploy_guide_say_the_server_purges_and_erasure_reaches_the_wal() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    deploy = " ".join((root / "docs" / "deploy.md").read_text(encoding="utf-8").split())
    for text in (readme, deploy):
        assert "SELFDATA_PURGE_SECONDS" in text and "wal_checkpoint(TRUNCATE)" in text
    assert "erased by the server itself" in readme
    assert "no file of the database's folder (the database, `-wal`, `-shm`)" in readme
    assert "a workshop export, a PDF report, a backup of the database" in readme


def test_a_reader_holding_old_pages_delays_the_erasure_of_the_log_only_briefly(
    tmp_path: Path,
) -> None:
    import sqlite3

    store, code, _, alice = _busy_room(tmp_path)
    reader = sqlite3.connect(tmp_path / "selfdata.db")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM participants").fetchone()  # a snapshot held open
    started = time.monotonic()
    services.leave_workshop(store, code, alice)
    assert time.monotonic() - started < 15  # not the writers' 30 s busy timeout, 3 times
    reader.rollback()
    reader.close()
    store.erase_traces()  # what the retention thread's next tick does
    assert _traces(tmp_path, PSEUDONYM, NEED, SOURCE) == {}
    store.dispose()


def test_a_shorter_purge_interval_applies_at_once_after_an_hourly_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process whose first store was kept hourly (a page's store) still purges a store
    kept every 0.2 s at that pace (the thread waited out its hour before)."""
    (tmp_path / "hourly").mkdir()
    (tmp_path / "fast").mkdir()
    hourly = Store(f"sqlite:///{tmp_path / 'hourly' / 'selfdata.db'}")
    keep_retention(hourly)
    test_the_server_s_periodic_purge_erases_an_expired_workshop_and_its_traces(
        tmp_path / "fast", monkeypatch
    )
    hourly.dispose()
