"""A database that cannot be used is told gently: the store raises one translated error whose
message names no path and no address, the start-up check says so in one line, and no
traceback detail is configured to reach a browser."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from selfdata.app import services
from selfdata.domain.errors import SelfDataError, StoreUnavailable
from selfdata.store import Store
from tests.service_helpers import open_room

ROOT = Path(__file__).resolve().parents[2]


def _blocked(tmp_path: Path) -> Path:
    """A database path whose directory cannot exist: a regular file sits where it should be
    (fails for root too, unlike file permissions)."""
    (tmp_path / "blocker").write_text("not a directory")
    return tmp_path / "blocker" / "workshops.db"


def _no_detail(err: SelfDataError, *hidden: str) -> None:
    for lang in ("fr", "en"):
        message = err.message(lang)
        assert message and "Traceback" not in message and "sqlalchemy" not in message.lower()
        for text in hidden:
            assert text not in message


def test_a_database_whose_directory_cannot_be_made_is_a_store_unavailable(tmp_path: Path):
    path = _blocked(tmp_path)
    with pytest.raises(StoreUnavailable) as failed:
        Store(f"sqlite:///{path}")
    _no_detail(failed.value, str(tmp_path), "blocker")
    assert "base de données" in failed.value.message("fr")
    assert "database" in failed.value.message("en")


def test_a_read_only_database_reads_and_refuses_writes_gently(tmp_path: Path):
    path = tmp_path / "workshops.db"
    writable = Store(f"sqlite:///{path}")
    room = open_room(writable)
    writable.dispose()
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true", create=False)
    assert services.room_state(read_only, room.code).code == room.code
    with pytest.raises(StoreUnavailable) as failed:
        services.join(read_only, room.code, "Alice")
    _no_detail(failed.value, str(tmp_path))
    with pytest.raises(StoreUnavailable):
        read_only.check()
    read_only.dispose()
    assert services.participants(Store(f"sqlite:///{path}"), room.code).count == 0


def _health(env_db: str) -> subprocess.CompletedProcess[str]:
    env = {"SELFDATA_DB": env_db, "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "selfdata", "health"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_start_up_check_refuses_an_unusable_database_in_one_line(tmp_path: Path):
    done = _health(str(_blocked(tmp_path)))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("selfdata: the database sqlite:///") and "cannot be used" in lines[0]
    assert "Traceback" not in done.stderr


def test_the_start_up_check_passes_on_a_usable_database(tmp_path: Path):
    done = _health(str(tmp_path / "var" / "workshops.db"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("selfdata: database ok")


def test_no_error_detail_is_configured_to_reach_a_browser():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_the_container_and_make_run_check_the_database_before_serving():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "python -m selfdata health && exec python -m selfdata serve" in dockerfile
    assert "&& python -m selfdata health" in dockerfile  # the health check touches the store
    assert "python -m selfdata health" in (ROOT / "Makefile").read_text(encoding="utf-8")
