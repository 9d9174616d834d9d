"""A workshop's own cards: the optional ``cards:`` section of a workshop file, stored by
schema version 6, round trip lossless through a file and through the store."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import inspect, select, text, update

from selfdata.app import services
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import (
    SCENARIOS_DIR,
    default_decks,
    dump_workshop,
    load_workshop,
    read_workshop_bytes,
)
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from tests.service_helpers import count_workshops

pytestmark = pytest.mark.storage


def own_cards_workshop() -> Workshop:
    """La Rochelle with a deck of its own: 50 sources edited from the bundled ones (new ids,
    new wording) and two needs picked from the bundled deck as they are."""
    decks = default_decks()
    data: dict[str, Any] = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml").dump()
    sources = []
    for i in range(50):
        card = decks.data_sources[i % len(decks.data_sources)]
        title = card.title.model_copy(update={"fr": f"{card.title.fr} (ville, n° {i})"})
        sources.append(
            card.model_copy(update={"id": f"ville_{i}", "title": title}).model_dump(mode="json")
        )
    needs = [n.model_dump(mode="json") for n in decks.needs[:2]]
    data["cards"] = {"data_sources": sources, "needs": needs}
    return Workshop.model_validate(data)


def test_a_workshop_with_its_own_cards_survives_a_file_round_trip() -> None:
    workshop = own_cards_workshop()
    text_ = dump_workshop(workshop)
    assert "\ncards:\n" in text_ and text_.startswith("# Atelier")
    again = read_workshop_bytes(text_.encode(), "w.yaml", default_decks())
    assert again == workshop
    assert again.cards is not None and len(again.cards.data_sources) == 50


def test_a_workshop_with_its_own_cards_survives_the_store_round_trip(store: Store) -> None:
    workshop = own_cards_workshop()
    created = services.import_workshop(store, workshop)
    exported = services.export_workshop(store, created.code, created.secret)
    assert exported.dump() == workshop.dump()


def test_an_empty_cards_section_stays_empty_and_a_file_without_one_stays_without(
    store: Store,
) -> None:
    plain = load_workshop(SCENARIOS_DIR / "nantes.yaml")
    assert "cards" not in plain.dump()
    created = services.import_workshop(store, plain)
    assert "cards" not in services.export_workshop(store, created.code, created.secret).dump()
    empty = Workshop.model_validate({**plain.dump(), "cards": {"data_sources": [], "needs": []}})
    created = services.import_workshop(store, empty)
    assert services.export_workshop(store, created.code, created.secret).dump()["cards"] == {
        "data_sources": [],
        "needs": [],
    }


def test_two_own_cards_with_one_id_are_refused_and_nothing_is_stored(store: Store) -> None:
    data = own_cards_workshop().dump()
    data["cards"]["needs"].append(data["cards"]["needs"][0])  # type: ignore[index]
    try:
        services.import_workshop(store, Workshop.model_validate(data))
    except services.InvalidInput as err:
        first = data["cards"]["needs"][0]["id"]  # type: ignore[index]
        assert list(err.problems) == [
            f"cards.needs[2].id: duplicate id '{first}' (also cards.needs[0])"
        ]
    else:
        raise AssertionError("imported")
    assert count_workshops(store) == 0


def test_a_version_5_database_is_migrated_to_hold_own_cards(db_url: str) -> None:
    """SQLite and PostgreSQL: a database before version 6 gains ``workshop_cards``, its
    workshops intact, and then stores a workshop's own cards."""
    old = Store(db_url)
    room = services.create_workshop(old, example="la_rochelle")
    before = services.export_workshop(old, room.code, room.secret).dump()

    def make_it_version_5(conn: Any) -> None:
        conn.execute(text("DROP TABLE workshop_cards"))
        for column in ("action_plan", "city_roles", "city_actors"):  # version 7's
            conn.execute(text(f"ALTER TABLE scenarios DROP COLUMN {column}"))
        conn.execute(update(t.schema_version).values(version=5))

    old.write(make_it_version_5)
    assert "workshop_cards" not in old.read(lambda c: inspect(c).get_table_names())
    old.dispose()

    migrated = Store(db_url)
    try:
        found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
        assert found == SCHEMA_VERSION >= 6
        assert services.export_workshop(migrated, room.code, room.secret).dump() == before
        workshop = own_cards_workshop()
        created = services.import_workshop(migrated, workshop)
        exported = services.export_workshop(migrated, created.code, created.secret)
        assert exported.dump() == workshop.dump()
        services.delete_workshop(migrated, created.code, created.secret)
        left = migrated.read(
            lambda c: c.execute(select(t.workshop_cards.c.id)).all()  # erased with its workshop
        )
        assert left == []
    finally:
        migrated.dispose()
