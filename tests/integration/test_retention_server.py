"""Retention is enforced by the server, not by a cron line an operator may forget:
``python -m selfdata serve`` (``make run``, the image) erases the expired workshops before the
server answers, and a running server process erases them again every
``SELFDATA_PURGE_SECONDS`` (hourly by default)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.protocol import StreamlitServer, StreamlitSession, free_port
from selfdata.files.loading import ROOT
from selfdata.store import Store
from tests.service_helpers import count_workshops, open_room

pytestmark = pytest.mark.slow


def _expiring_workshop(db: Path, monkeypatch: pytest.MonkeyPatch, seconds: float) -> Store:
    monkeypatch.setenv("SELFDATA_RETENTION_DAYS", str(seconds / 86400))
    store = Store(f"sqlite:///{db}")
    open_room(store).join("Quillardine")
    monkeypatch.delenv("SELFDATA_RETENTION_DAYS")
    return store


def _healthy(url: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no healthy server at {url}")


def test_serve_erases_expired_workshops_before_the_server_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "selfdata.db"
    store = _expiring_workshop(db, monkeypatch, 2.0)
    open_room(store)  # a live one (90 days) stays
    time.sleep(2.1)
    assert count_workshops(store) == 2
    port = free_port()
    env = {**os.environ, "SELFDATA_DB": str(db)}
    cmd = [sys.executable, "-m", "selfdata", "serve", "--replicas", "1", "--port", str(port)]
    cmd += ["--address", "127.0.0.1"]
    out_to = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, **out_to)
    try:
        _healthy(f"http://127.0.0.1:{port}")
        assert count_workshops(store) == 1
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert b"erased 1 expired workshop(s)" in out
    store.dispose()


def test_a_running_server_purges_expired_workshops_every_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "selfdata.db"
    env = {"SELFDATA_DB": str(db), "SELFDATA_PURGE_SECONDS": "0.5"}
    with StreamlitServer(ROOT / "workshop_app.py", cwd=ROOT, env=env) as server:

        async def visit() -> None:
            async with StreamlitSession(server.url) as tab:
                assert (await tab.rerun()).ok

        asyncio.run(visit())  # the server process opens its store (and starts purging)
        store = _expiring_workshop(db, monkeypatch, 2.0)
        assert count_workshops(store) == 1
        deadline = time.monotonic() + 30
        while count_workshops(store) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert count_workshops(store) == 0
        store.dispose()
