"""The action plan and the city's roles: stored per scenario (schema version 7), one
facilitator-only write path each, undoable, carried by the workshop file; the migration
from version 6 keeps every scenario. Runs on SQLite and PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text, update

from selfdata.app import services
from selfdata.domain.workshop import ActionStep
from selfdata.files.documents import parse_text
from selfdata.files.loading import dump_workshop, parse_workshop
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t

PLAN = [
    ActionStep(task="Rencontrer la CAF", owner="Direction des solidarités", due=date(2027, 1, 15)),
    ActionStep(task="Délibération du conseil", owner="Élus", due=None),
]


def example_room(store: Store) -> tuple[str, str, str]:
    created = services.create_workshop(store, example="grand_lyon")
    scenario = services.scenarios(store, created.code).scenarios[0].id
    return created.code, created.secret, scenario


def scenario_of(store: Store, code: str, secret: str, sid: str):  # type: ignore[no-untyped-def]
    workshop = services.export_workshop(store, code, secret)
    return next(s for s in workshop.scenarios if s.id == sid)


@pytest.mark.storage
def test_the_facilitator_saves_a_plan_and_undo_brings_the_previous_one_back(store: Store) -> None:
    code, secret, sid = example_room(store)
    assert scenario_of(store, code, secret, sid).action_plan is None
    services.set_action_plan(store, code, secret, sid, PLAN)
    assert scenario_of(store, code, secret, sid).action_plan == PLAN
    services.set_action_plan(store, code, secret, sid, PLAN[:1])
    assert scenario_of(store, code, secret, sid).action_plan == PLAN[:1]
    assert services.undo(store, code, secret) == "set_action_plan"
    assert scenario_of(store, code, secret, sid).action_plan == PLAN
    services.undo(store, code, secret)
    assert scenario_of(store, code, secret, sid).action_plan is None


def test_only_the_facilitator_may_write_the_plan_or_the_roles(store: Store) -> None:
    code, secret, sid = example_room(store)
    token = services.join(store, code, "Camille").token
    before = services.version(store, code)
    with pytest.raises(services.Forbidden):
        services.set_action_plan(store, code, "wrong-secret", sid, PLAN)
    with pytest.raises(services.Forbidden):
        services.set_city_roles(store, code, token, sid, ["data_holder"])
    assert services.version(store, code) == before
    assert scenario_of(store, code, secret, sid).action_plan is None


@pytest.mark.parametrize(
    "steps",
    [
        [{"task": "", "owner": "x"}],
        [{"task": "x", "due": "not a date"}],
        [{"task": "x" * 201}],
        "not a list",
        [{"task": f"step {i}"} for i in range(51)],
    ],
)
def test_a_bad_plan_is_refused_with_a_translated_message_and_changes_nothing(
    store: Store, steps: object
) -> None:
    code, secret, sid = example_room(store)
    before = services.version(store, code)
    with pytest.raises(services.InvalidInput) as err:
        services.set_action_plan(store, code, secret, sid, steps)  # type: ignore[arg-type]
    assert err.value.message("fr") != err.value.message("en")
    assert "Plan d’action invalide" in err.value.message("fr")
    assert services.version(store, code) == before


def test_the_city_roles_are_recorded_in_the_kits_order_and_undone(store: Store) -> None:
    code, secret, sid = example_room(store)
    services.set_city_roles(store, code, secret, sid, ["innovation_support", "data_holder"])
    assert scenario_of(store, code, secret, sid).city_roles == ["data_holder", "innovation_support"]
    with pytest.raises(services.InvalidInput):
        services.set_city_roles(store, code, secret, sid, ["mayor"])
    with pytest.raises(services.InvalidInput):
        services.set_city_roles(store, code, secret, sid, [], ["Not A Slug!"])
    before = scenario_of(store, code, secret, sid)
    services.set_city_roles(store, code, secret, sid, [], ["data_holder", "data_holder"])
    assert scenario_of(store, code, secret, sid).city_actors == ["data_holder"]
    services.undo(store, code, secret)
    assert scenario_of(store, code, secret, sid) == before


@pytest.mark.storage
def test_the_workshop_file_carries_the_plan_and_the_roles_losslessly(store: Store) -> None:
    code, secret, sid = example_room(store)
    services.set_action_plan(store, code, secret, sid, PLAN)
    services.set_city_roles(
        store, code, secret, sid, ["data_holder", "democratic_organisation"], ["data_holder"]
    )
    exported = services.export_workshop(store, code, secret)
    text_file = dump_workshop(exported)
    again = parse_workshop(parse_text(text_file, "w.yaml"), "w.yaml")
    assert again == exported
    assert dump_workshop(again) == text_file
    imported = services.import_workshop(store, again)
    back = services.export_workshop(store, imported.code, imported.secret)
    assert scenario_of(store, imported.code, imported.secret, sid).action_plan == PLAN
    assert back.scenarios == exported.scenarios


@pytest.mark.storage
def test_a_file_without_the_new_fields_still_reads_and_writes_them_absent(store: Store) -> None:
    created = services.create_workshop(store, example="nantes")
    code, secret = created.code, created.secret
    text_file = dump_workshop(services.export_workshop(store, code, secret))
    assert "action_plan" not in text_file and "city_roles" not in text_file


@pytest.mark.storage
def test_a_version_6_database_migrates_to_7_and_keeps_its_scenarios(db_url: str) -> None:
    store = Store(db_url)
    code, secret, sid = example_room(store)
    titles = [s.title for s in services.scenarios(store, code).scenarios]

    def make_it_version_6(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE scenarios DROP COLUMN action_plan"))
        conn.execute(text("ALTER TABLE scenarios DROP COLUMN city_roles"))
        conn.execute(text("ALTER TABLE scenarios DROP COLUMN city_actors"))
        conn.execute(update(t.schema_version).values(version=6))

    store.write(make_it_version_6)
    store.dispose()
    migrated = Store(db_url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION >= 7
    assert [s.title for s in services.scenarios(migrated, code).scenarios] == titles
    assert scenario_of(migrated, code, secret, sid).action_plan is None
    services.set_action_plan(migrated, code, secret, sid, PLAN)
    assert scenario_of(migrated, code, secret, sid).action_plan == PLAN
    migrated.dispose()
