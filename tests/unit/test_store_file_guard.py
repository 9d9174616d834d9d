"""A SQLite file removed or replaced under a running server (``make clean``, a deleted
``var/``, a backup copied over it) is detected on the next write: the action is refused with
one plain sentence, and nothing is acknowledged that the file at the path does not hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfdata.app import services
from selfdata.domain.errors import StoreUnavailable
from selfdata.store import Store
from tests.service_helpers import open_room


def _room_with_voter(tmp_path: Path) -> tuple[Store, str, str, str, Path]:
    folder = tmp_path / "var"
    store = Store(f"sqlite:///{folder / 'selfdata.db'}")
    room = open_room(store)
    need = room.need()
    room.at("needs")
    token = room.join("Alice")
    return store, room.code, token, need, folder


def test_a_vote_after_the_database_folder_was_deleted_is_refused_in_plain_words(
    tmp_path: Path,
) -> None:
    store, code, token, need, folder = _room_with_voter(tmp_path)
    services.vote(store, code, token, need, 1)
    shutil.rmtree(folder)  # `rm -rf var/` during the workshop
    with pytest.raises(StoreUnavailable) as refused:
        services.vote(store, code, token, need, 1)
    assert refused.value.key == "store.replaced"
    french = refused.value.message("fr")
    assert "supprimée ou remplacée" in french and "n’a pas été enregistrée" in french
    assert "deleted or replaced" in refused.value.message("en")
    assert str(tmp_path) not in french
    with pytest.raises(StoreUnavailable):
        store.check()  # the health check says so too
    store.dispose()


def test_a_database_file_replaced_by_another_refuses_writes_and_stores_nothing(
    tmp_path: Path,
) -> None:
    store, code, token, need, folder = _room_with_voter(tmp_path)
    path = folder / "selfdata.db"
    before = services.version(store, code)
    other = Store(f"sqlite:///{tmp_path / 'backup.db'}")
    other.dispose()
    backup = tmp_path / "backup.db"
    backup.replace(path)  # an older copy put in its place
    with pytest.raises(StoreUnavailable) as refused:
        services.vote(store, code, token, need, 1)
    assert refused.value.key == "store.replaced"
    store.dispose()
    fresh = Store(f"sqlite:///{path}", create=False)
    # what the path holds now (the copy, with the old write-ahead log SQLite replays over it)
    # has no trace of the refused vote
    assert services.version(fresh, code) == before
    fresh.dispose()


def test_the_same_file_keeps_accepting_writes(tmp_path: Path) -> None:
    store, code, token, need, _ = _room_with_voter(tmp_path)
    services.vote(store, code, token, need, 1)
    services.vote(store, code, token, need, 1)
    assert services.needs_board(store, code, token=token) is not None
    store.dispose()


def test_the_readme_quotes_the_message_a_replaced_database_gives() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    assert "removed or replaced while the server runs" in readme
    message = StoreUnavailable("store.replaced").message("fr").casefold()
    assert "la base de données de ce serveur a été supprimée ou remplacée" in message
    assert "la base de données de ce serveur a été supprimée ou remplacée" in readme
    for text in (message, readme):
        assert "le serveur doit être redémarré" in text
