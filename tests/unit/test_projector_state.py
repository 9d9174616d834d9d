"""What the wall shows is room state in the store, set by the facilitator only (issue 18):
one write path (version bump, audit line), refusals change nothing, undo walks past it, and
the schema step that added it (version 4) keeps a version 3 database's workshops."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from selfdata.app import services
from selfdata.app.projector import parse_projector, qr_large
from selfdata.app.read_models import ProjectorState
from selfdata.domain.errors import Forbidden, InvalidInput
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t


def _room(store: Store) -> services.Created:
    return services.create_workshop(store, example="la_rochelle")


def test_the_facilitator_sets_what_the_wall_shows_in_one_audited_write(store: Store):
    room = _room(store)
    before = services.room_state(store, room.code)
    assert before.projector == ProjectorState()
    state = services.set_projection(
        store, room.code, room.secret, method="topsis", scenario="s1", compare="data_cooperative"
    )
    after = services.room_state(store, room.code)
    assert after.projector == state
    assert (state.method, state.scenario, state.compare) == ("topsis", "s1", "data_cooperative")
    assert after.version == before.version + 1
    assert after.ranking_version == before.ranking_version  # the ranking did not change
    last = services.audit_log(store, room.code, room.secret)[0]
    assert (last.action, last.actor) == ("set_projection", "facilitator")
    services.set_projection(store, room.code, room.secret, compare=None)
    kept = services.room_state(store, room.code).projector
    assert (kept.method, kept.compare) == ("topsis", None)


@pytest.mark.parametrize(
    "change",
    [
        {"method": "borda"},
        {"chart": "pie"},
        {"qr": "huge"},
        {"compare": "not-a-model"},
        {"scenario": ""},
        {"scenario": "x" * 65},
    ],
)
def test_a_bad_display_choice_is_refused_and_changes_nothing(store: Store, change: dict[str, str]):
    room = _room(store)
    before = services.room_state(store, room.code)
    with pytest.raises(InvalidInput) as refused:
        services.set_projection(store, room.code, room.secret, **change)  # type: ignore[arg-type]
    assert refused.value.fr and refused.value.en
    assert services.room_state(store, room.code) == before


def test_only_the_facilitator_steers_the_wall(store: Store):
    room = _room(store)
    before = services.room_state(store, room.code)
    with pytest.raises(Forbidden):
        services.set_projection(store, room.code, "wrong-secret", method="topsis")
    assert services.room_state(store, room.code) == before


def test_undo_walks_past_display_choices(store: Store):
    room = _room(store)
    services.set_step(store, room.code, room.secret, "needs")
    services.set_projection(store, room.code, room.secret, method="topsis")
    assert services.room_state(store, room.code).can_undo
    assert services.undo(store, room.code, room.secret) == "set_step"
    state = services.room_state(store, room.code)
    assert state.step != "needs" and state.projector.method == "topsis"


def test_settings_changes_move_the_settings_counter_that_tablets_watch(store: Store):
    room = _room(store)
    start = services.room_pulse(store, room.code).settings_version
    services.set_step(store, room.code, room.secret, "needs")
    services.set_projection(store, room.code, room.secret, qr="small")
    assert services.room_pulse(store, room.code).settings_version == start
    services.set_vote_settings(store, room.code, room.secret, budget=10, cap=5)
    assert services.room_pulse(store, room.code).settings_version == start + 1
    services.set_weights(store, room.code, room.secret, {})
    assert services.room_pulse(store, room.code).settings_version == start + 2


def test_an_unreadable_stored_choice_falls_back_to_the_defaults_field_by_field():
    assert parse_projector("not json") == ProjectorState()
    assert parse_projector("[1]") == ProjectorState()
    assert parse_projector('{"method": "topsis", "qr": "huge", "other": 1}') == ProjectorState(
        method="topsis"
    )


def test_the_qr_is_large_while_people_join_then_small_unless_forced():
    auto = ProjectorState()
    assert qr_large(auto, "inventory", "inventory", 5)
    assert qr_large(auto, "needs", "inventory", 0)
    assert not qr_large(auto, "needs", "inventory", 3)
    assert qr_large(ProjectorState(qr="large"), "scenarios", "inventory", 3)
    assert not qr_large(ProjectorState(qr="small"), "inventory", "inventory", 0)


@pytest.mark.storage
def test_a_version_3_database_is_migrated_with_its_workshops_intact(db_url: str):
    url = db_url  # SQLite and PostgreSQL
    store = Store(url)
    room = _room(store)
    version = services.version(store, room.code)

    def make_it_version_3(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE workshops DROP COLUMN projector"))
        conn.execute(text("ALTER TABLE workshops DROP COLUMN settings_version"))
        conn.execute(update(t.schema_version).values(version=3))

    store.write(make_it_version_3)
    store.dispose()

    migrated = Store(url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION and 4 in t.MIGRATIONS
    state = services.room_state(migrated, room.code)
    assert state.version == version and state.projector == ProjectorState()
    assert services.room_pulse(migrated, room.code).settings_version == 0
    services.set_projection(migrated, room.code, room.secret, chart="heatmap")
    assert services.room_state(migrated, room.code).projector.chart == "heatmap"
    migrated.dispose()
