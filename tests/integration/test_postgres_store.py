"""What running on PostgreSQL asks of the store beyond the shared suite: replicas that start
together, reads that see one moment, texts that grow when case-folded, and a database
server killed mid-stream. The first three run on both backends (the ``store`` fixture)."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, select

from selfdata.app import services
from selfdata.domain.workshop import Participant, Workshop
from selfdata.store import Store
from selfdata.store import schema as t
from tests.integration.store_workers import vote_until_killed
from tests.pg_cluster import Cluster, Unavailable, postgres_unavailable, start_cluster
from tests.service_helpers import open_room

pytestmark = pytest.mark.storage


def test_replicas_starting_together_on_an_empty_database_all_come_up(db_url: str):
    replicas = 6
    barrier = threading.Barrier(replicas)
    errors: list[str] = []

    def start_replica() -> None:
        barrier.wait()
        try:
            Store(db_url).dispose()
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=start_replica) for _ in range(replicas)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Store(db_url)
    rows = store.read(lambda c: c.execute(select(t.schema_version)).all())
    store.dispose()
    assert [tuple(row) for row in rows] == [(1, t.SCHEMA_VERSION)]


def test_a_read_sees_one_moment_even_while_a_vote_commits_in_between(store: Store):
    room = open_room(store)
    token, need = room.join("Alice"), room.need()
    room.at("needs")

    def version(conn: Connection) -> int:
        query = select(t.workshops.c.version).where(t.workshops.c.code == room.code)
        return int(conn.execute(query).scalar_one())

    def read_around_a_vote(conn: Connection) -> tuple[int, int, int]:
        before = version(conn)
        services.vote(store, room.code, token, need)  # its own transaction, committed now
        dots = conn.execute(select(func.count()).select_from(t.votes)).scalar_one()
        return before, version(conn), int(dots)

    before, after, dots = store.read(read_around_a_vote)
    assert (after, dots) == (before, 0)  # the read never saw the vote land
    assert room.version() == before + 1  # the next read does


def test_a_pseudonym_that_grows_when_case_folded_is_imported_and_exported_whole(store: Store):
    pseudonym = "ß" * 100 + "ﬃ" * 100  # 200 characters, 500 once case-folded
    workshop = Workshop(
        title="Atelier",
        territory="Testville",
        theme="water",
        participants=[Participant(id="p1", pseudonym=pseudonym)],
    )
    created = services.import_workshop(store, workshop)
    exported = services.export_workshop(store, created.code, created.secret)
    assert [p.pseudonym for p in exported.participants] == [pseudonym]


# -- the database server itself is killed ----------------------------------------------------


@pytest.fixture
def crashable_cluster() -> Iterator[Cluster]:
    """A cluster of its own, durable as in production (fsync and synchronous commit on)."""
    try:
        cluster = start_cluster(fsync="on", synchronous_commit="on", full_page_writes="on")
    except Unavailable as exc:
        postgres_unavailable(str(exc))
    yield cluster
    cluster.stop()


@pytest.mark.postgres
@pytest.mark.slow
def test_votes_acknowledged_before_the_database_server_is_killed_survive_it(
    crashable_cluster: Cluster, tmp_path: Path
):
    url = crashable_cluster.fresh_url()
    store = Store(url)
    room = open_room(store, budget=50, cap=10)
    needs = [room.need(f"Besoin {i}") for i in range(10)]
    room.at("needs")  # participants place dots there
    tokens = [room.join(f"Participant {i}") for i in range(5)]
    ids = [services.whoami(store, room.code, tok).id for tok in tokens]
    version_before = room.version()

    acks = tmp_path / "acks.txt"
    acks.touch()
    child = multiprocessing.get_context("spawn").Process(
        target=vote_until_killed, args=(url, room.code, tokens, needs, str(acks))
    )
    child.start()
    deadline = time.monotonic() + 60
    while len(acks.read_text().splitlines()) < 40 and time.monotonic() < deadline:
        time.sleep(0.005)
    crashable_cluster.kill()
    child.join(60)  # its next vote fails: the server is gone
    assert child.exitcode not in (None, 0)
    crashable_cluster.start()  # crash recovery replays the write-ahead log

    acknowledged: Counter[tuple[str, str]] = Counter()
    for line in acks.read_text().splitlines():
        index, need = line.split()
        acknowledged[ids[int(index)], need] += 1
    assert sum(acknowledged.values()) >= 40

    # the same Store, opened before the crash, works again without a restart of the app
    snapshot = services.backup_workshop(store, room.code)
    stored = Counter({(v.participant, v.need): v.dots for v in snapshot.votes})
    for key, count in acknowledged.items():
        assert stored[key] >= count, f"acknowledged vote lost: {key}"
    assert sum(stored.values()) - sum(acknowledged.values()) in (0, 1)
    audited = store.read(
        lambda c: c.execute(
            select(func.count()).select_from(t.audit_log).where(t.audit_log.c.action == "vote")
        ).scalar_one()
    )
    assert services.version(store, room.code) - version_before == audited == sum(stored.values())
    services.vote(store, room.code, tokens[-1], needs[-1])  # and it accepts new votes
    store.dispose()
