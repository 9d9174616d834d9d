"""40 participants x 25 votes each, racing from real threads and real processes on one
database: every acknowledged vote is stored exactly once, no budget or cap is exceeded,
and the version counter grew by exactly the number of writes."""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter

import pytest
from sqlalchemy import func, select

from selfdata.app import services
from selfdata.store import Store
from selfdata.store import schema as t
from tests.integration.store_workers import Outcome, Task, cast_votes
from tests.service_helpers import Room, open_room

pytestmark = pytest.mark.storage

PARTICIPANTS = 40
VOTES_EACH = 25
BUDGET, CAP, NEEDS = 12, 3, 6


def _room_and_tasks(store: Store, seed: int) -> tuple[Room, list[Task]]:
    room = open_room(store, budget=BUDGET, cap=CAP)
    needs = [room.need(f"Besoin {i}") for i in range(NEEDS)]
    room.at("needs")  # participants place dots there
    tokens = [room.join(f"Participant {i}") for i in range(PARTICIPANTS)]
    rng = random.Random(seed)
    tasks: list[Task] = [
        (token, rng.choice(needs), -1 if rng.random() < 0.15 else 1)
        for token in tokens
        for _ in range(VOTES_EACH)
    ]
    rng.shuffle(tasks)  # one participant's votes race each other across workers
    return room, tasks


def _check(store: Store, room: Room, version_before: int, outcomes: list[Outcome]) -> None:
    errors = [o for o in outcomes if o[3].startswith("error")]
    assert errors == []
    assert len(outcomes) == PARTICIPANTS * VOTES_EACH
    acknowledged = [o for o in outcomes if o[3] == "ok"]
    expected: Counter[tuple[str, str]] = Counter()
    for token, need, delta, _ in acknowledged:
        expected[services.whoami(store, room.code, token).id, need] += delta
    snapshot = services.backup_workshop(store, room.code)
    stored = Counter({(v.participant, v.need): v.dots for v in snapshot.votes})
    assert stored == +expected  # every acknowledged vote exactly once, nothing else
    spent: Counter[str] = Counter()
    for vote in snapshot.votes:
        spent[vote.participant] += vote.dots
        assert vote.dots <= CAP
    assert max(spent.values()) <= BUDGET
    assert any(o[3] == "refused" for o in outcomes)  # the limits were really tested
    assert services.version(store, room.code) == version_before + len(acknowledged)
    audited = store.read(
        lambda c: c.execute(
            select(func.count())
            .select_from(t.audit_log)
            .join(t.workshops, t.workshops.c.id == t.audit_log.c.workshop_id)
            .where(t.workshops.c.code == room.code, t.audit_log.c.action == "vote")
        ).scalar_one()
    )
    assert audited == len(acknowledged)


def test_racing_votes_from_forty_threads_are_all_counted_exactly_once(store: Store):
    room, tasks = _room_and_tasks(store, seed=1)
    before = room.version()
    outcomes = cast_votes(store.url, room.code, tasks, threads=PARTICIPANTS)
    _check(store, room, before, outcomes)


@pytest.mark.slow
def test_racing_votes_from_eight_processes_are_all_counted_exactly_once(store: Store):
    room, tasks = _room_and_tasks(store, seed=2)
    before = room.version()
    processes = 8
    chunks = [(store.url, room.code, tasks[i::processes], 5) for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.starmap(cast_votes, chunks)
    _check(store, room, before, [o for chunk in results for o in chunk])
