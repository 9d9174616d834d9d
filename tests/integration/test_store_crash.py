"""A process casting votes is killed with SIGKILL mid-stream: after reopening the database,
every vote it had acknowledged is there, nothing is half-written, and (on SQLite) the
integrity check passes. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from selfdata.app import services
from selfdata.store import Store
from selfdata.store import schema as t
from tests.integration.store_workers import vote_until_killed
from tests.service_helpers import open_room

pytestmark = pytest.mark.storage


@pytest.mark.parametrize("run", range(3))
def test_votes_acknowledged_before_a_sigkill_survive_it(db_url: str, tmp_path: Path, run: int):
    url = db_url
    store = Store(url)
    room = open_room(store, budget=50, cap=10)
    needs = [room.need(f"Besoin {i}") for i in range(10)]
    room.at("needs")  # participants place dots there
    tokens = [room.join(f"Participant {i}") for i in range(5)]
    ids = [services.whoami(store, room.code, tok).id for tok in tokens]
    version_before = room.version()
    store.dispose()

    acks = tmp_path / "acks.txt"
    acks.touch()
    context = multiprocessing.get_context("spawn")
    child = context.Process(
        target=vote_until_killed, args=(url, room.code, tokens, needs, str(acks))
    )
    child.start()
    deadline = time.monotonic() + 60
    while len(acks.read_text().splitlines()) < 40 + 10 * run and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(random.Random(run).uniform(0, 0.02))  # land somewhere inside a write
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    assert child.exitcode == -signal.SIGKILL

    acknowledged: Counter[tuple[str, str]] = Counter()
    for line in acks.read_text().splitlines():
        index, need = line.split()
        acknowledged[ids[int(index)], need] += 1
    assert acknowledged, "the child never voted"

    if store.is_sqlite:  # PostgreSQL's own integrity is its business; counts are checked below
        with sqlite3.connect(str(make_url(url).database)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        raw.close()

    reopened = Store(url)
    snapshot = services.backup_workshop(reopened, room.code)
    stored = Counter({(v.participant, v.need): v.dots for v in snapshot.votes})
    for key, count in acknowledged.items():
        assert stored[key] >= count, f"acknowledged vote lost: {key}"
    in_flight = sum(stored.values()) - sum(acknowledged.values())
    assert in_flight in (0, 1)  # at most the vote being written when the kill landed

    version = services.version(reopened, room.code)
    audited_votes = reopened.read(
        lambda c: c.execute(
            select(func.count())
            .select_from(t.audit_log)
            .join(t.workshops, t.workshops.c.id == t.audit_log.c.workshop_id)
            .where(t.workshops.c.code == room.code, t.audit_log.c.action == "vote")
        ).scalar_one()
    )
    # each vote wrote its dot, its version bump and its audit line together, or none of them
    assert version - version_before == audited_votes == sum(stored.values())
    reopened.dispose()
