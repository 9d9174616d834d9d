"""A few scripted participants cannot fill a list for everyone (issue 29, item 2): the last
places of the needs' and sources' lists are kept for people who have not proposed there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from selfdata.app import services
from selfdata.domain import rules
from selfdata.domain.errors import LimitExceeded
from selfdata.domain.limits import (
    ITEMS_RESERVED_FOR_OTHERS,
    MAX_ITEMS,
    PROPOSALS_WHEN_NEARLY_FULL,
)
from selfdata.store import Store
from selfdata.store import schema as t
from tests.service_helpers import open_room

pytestmark = pytest.mark.storage


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 'room.db'}")
    yield s
    s.dispose()


def test_the_rule_keeps_the_last_places_for_newcomers():
    rules.check_room_left(0, 19)  # an empty list: the per-participant cap of 20 applies
    rules.check_room_left(MAX_ITEMS - ITEMS_RESERVED_FOR_OTHERS - 1, 19)
    rules.check_room_left(MAX_ITEMS - 1, 0)  # a newcomer may take the very last place
    with pytest.raises(LimitExceeded) as refused:
        rules.check_room_left(MAX_ITEMS - ITEMS_RESERVED_FOR_OTHERS, PROPOSALS_WHEN_NEARLY_FULL)
    assert refused.value.key == "proposals.leave_room"
    assert "gardées" in refused.value.message("fr") and "kept" in refused.value.message("en")


def test_a_nearly_full_needs_list_keeps_room_for_a_real_participant(sqlite_store: Store):
    room = open_room(sqlite_store)
    first = room.need(title="Besoin de départ")
    row = sqlite_store.read(
        lambda conn: conn.execute(t.needs.select().where(t.needs.c.slug == first)).one()
    )
    filled = MAX_ITEMS - ITEMS_RESERVED_FOR_OTHERS  # what 20 flooders x 20 would reach
    sqlite_store.write(
        lambda conn: conn.execute(
            insert(t.needs),
            [
                {
                    "workshop_id": row.workshop_id,
                    "slug": f"n{i}",
                    "position": i + 1,
                    "card": row.card,
                    "hidden": False,
                }
                for i in range(filled - 1)
            ],
        )
    )
    bots = [room.join(f"Robot {i}") for i in range(3)]
    for bot in bots:
        for i in range(PROPOSALS_WHEN_NEARLY_FULL):
            room.need(title=f"Pub {i}", token=bot)
    with pytest.raises(LimitExceeded) as refused:
        room.need(title="Pub encore", token=bots[0])
    assert refused.value.key == "proposals.leave_room"
    real = room.join("Camille")
    room.need(title="Savoir quand passe le bus", token=real)
    titles = {
        n.card.title.fr for n in services.needs_board(sqlite_store, room.code).needs if n.card
    }
    assert "Savoir quand passe le bus" in titles and "Pub encore" not in titles


def test_the_room_s_join_rate_is_counted_in_the_store(store: Store, monkeypatch):
    """SQLite and PostgreSQL alike: joins from any session, replica or process count, since
    the count is the stored join times of the last 60 s."""
    from selfdata.app import access
    from selfdata.domain.limits import ROOM_JOINS_PER_MINUTE

    now = [1_800_000_000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    room = open_room(store)
    for i in range(ROOM_JOINS_PER_MINUTE):
        room.join(f"Robot {i}")
        now[0] += 0.5
    with pytest.raises(LimitExceeded) as busy:
        room.join("Robot en trop")
    assert busy.value.key == "joining.busy"
    now[0] = 1_800_000_000.0 + 60.5  # the first join is a minute old: one place again
    room.join("Camille")
