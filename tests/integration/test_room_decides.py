"""How the room decides, against a real store (SQLite and PostgreSQL): participants' weights
(a facilitator switch), the silent first round and the second, the consent round and its
objections, schema 11's migration and the workshop file's round trip."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text, update

from selfdata.app import outcomes, services
from selfdata.files.documents import parse_text
from selfdata.files.loading import default_decks, dump_workshop, parse_workshop
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from tests.service_helpers import Room, energy_workshop, import_workshop_data

CRITERIA = ("resident_benefit", "cost")


def small_workshop(**extra: Any) -> dict[str, Any]:
    return energy_workshop(
        "Atelier décision",
        [("x", "Cloud personnel", "personal_cloud"), ("y", "Coopérative", "data_cooperative")],
        [{"criterion": "resident_benefit", "weight": 3}, {"criterion": "cost", "weight": 1}],
        use_case_title="Suivre sa conso",
        **extra,
    )


def room_of(store: Store) -> Room:
    created = import_workshop_data(store, small_workshop())
    return Room(store, created.code, created.secret)


def rate(room: Room, token: str, scenario: str, benefit: int, cost: int) -> None:
    services.rate(room.store, room.code, token, scenario, "resident_benefit", benefit)
    services.rate(room.store, room.code, token, scenario, "cost", cost)


def decision(room: Room) -> Any:
    workshop = services.export_workshop(room.store, room.code, room.secret)
    return outcomes.rank(workshop, default_decks()).decision


def test_participants_weigh_only_once_the_facilitator_asks_and_a_participant_cannot_switch_it(
    store: Store,
) -> None:
    room = room_of(store)
    ann = room.join("Ann")
    with pytest.raises(services.Conflict):
        services.set_my_weights(store, room.code, ann, {"resident_benefit": 100, "cost": 0})
    with pytest.raises(services.Forbidden):
        services.set_participant_weights_on(store, room.code, ann, True)
    services.set_participant_weights_on(store, room.code, room.secret, True)
    with pytest.raises(services.InvalidInput):  # every criterion in use
        services.set_my_weights(store, room.code, ann, {"resident_benefit": 100})
    with pytest.raises(services.InvalidInput):
        services.set_my_weights(store, room.code, ann, {"resident_benefit": 0, "cost": 0})
    with pytest.raises(services.InvalidInput):
        services.set_my_weights(store, room.code, ann, {"resident_benefit": 150, "cost": 0})
    services.set_my_weights(store, room.code, ann, {"resident_benefit": 20, "cost": 100})
    assert services.my_decision(store, room.code, ann).weights == {
        "resident_benefit": 20,
        "cost": 100,
    }


def test_the_winner_depends_on_whose_weights_computed_from_the_stored_weights(
    store: Store,
) -> None:
    room = room_of(store)
    services.set_participant_weights_on(store, room.code, room.secret, True)
    people = [room.join(name) for name in ("Ann", "Bob", "Cy")]
    for token in people:
        # x: great benefit, expensive; y: little benefit, cheap
        rate(room, token, "x", 5, 5)
        rate(room, token, "y", 2, 1)
        services.set_my_weights(store, room.code, token, {"resident_benefit": 10, "cost": 100})
    found = decision(room)
    facilitator, group = found.weight_sets
    assert facilitator.leaders == ("x",) and group.leaders == ("y",)
    assert found.depends_on_weights
    assert found.resampled.winner == "x" and found.resampled.draws == 1000


def test_a_silent_round_hides_the_ranking_until_closed_and_round_two_keeps_round_one(
    store: Store,
) -> None:
    room = room_of(store)
    decks = default_decks()
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    assert services.open_rating_round(store, room.code, room.secret) == 1
    ann, bob = room.join("Ann"), room.join("Bob")
    with pytest.raises(outcomes.ResultsHidden):  # opening the round took the ranking off
        outcomes.group_ranking(store, room.code, decks, token=ann)
    with pytest.raises(services.Conflict):
        services.set_revealed(store, room.code, room.secret, "scenarios", True)
    with pytest.raises(services.Forbidden):
        services.close_rating_round(store, room.code, ann)
    rate(room, ann, "x", 5, 1)
    rate(room, bob, "x", 1, 1)
    rate(room, ann, "y", 3, 1)
    rate(room, bob, "y", 3, 1)
    services.close_rating_round(store, room.code, room.secret)
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    seen = outcomes.group_ranking(store, room.code, decks, token=ann)
    assert not isinstance(seen, str) and seen.ranking.leaders[0].scenario in ("x", "y")
    assert services.open_rating_round(store, room.code, room.secret) == 2
    with pytest.raises(outcomes.ResultsHidden):
        outcomes.group_ranking(store, room.code, decks, token=ann)
    rate(room, bob, "x", 5, 1)  # the discussion convinced Bob
    services.close_rating_round(store, room.code, room.secret)
    with pytest.raises(services.Conflict):  # two rounds at most
        services.open_rating_round(store, room.code, room.secret)
    workshop = services.export_workshop(store, room.code, room.secret)
    assert workshop.rounds is not None and workshop.rounds.current == 2
    assert len(workshop.rounds.first or []) == 8
    stats = decision(room).rounds
    # round 1: x {5, 1} σ 2, y {3, 3} σ 0, costs σ 0 -> (2 + 0 + 0 + 0) / 4 = 0.5; round 2: 0
    assert (stats.spread_before, stats.spread_after) == (0.5, 0.0)
    assert (stats.compared, stats.changed) == (8, 1)
    # round 1: x median 3 ties y 3: both lead; round 2: x 5 leads alone
    assert stats.leaders_before == ("x", "y") and stats.leaders_after == ("x",)
    assert stats.winner_changed is True


def test_an_objection_needs_a_reason_and_the_consent_round_counts_them(store: Store) -> None:
    room = room_of(store)
    ann = room.join("Ann")
    with pytest.raises(services.Conflict):  # no consent round open
        services.object_to_top(store, room.code, ann, "Trop cher")
    services.open_consent(store, room.code, room.secret, "x")
    assert decision(room).objections == 0
    for empty in ("", "   "):
        with pytest.raises(services.InvalidInput):
            services.object_to_top(store, room.code, ann, empty)
    services.object_to_top(store, room.code, ann, "Les données de santé restent exclues")
    assert services.my_decision(store, room.code, ann).objection == (
        "Les données de santé restent exclues"
    )
    assert decision(room).objections == 1
    services.withdraw_objection(store, room.code, ann)
    assert decision(room).objections == 0


@pytest.mark.storage
def test_the_workshop_file_carries_weights_rounds_and_objections_and_reads_back(
    store: Store,
) -> None:
    room = room_of(store)
    services.set_participant_weights_on(store, room.code, room.secret, True)
    ann = room.join("Ann")
    services.set_my_weights(store, room.code, ann, {"resident_benefit": 100, "cost": 40})
    services.open_rating_round(store, room.code, room.secret)
    rate(room, ann, "x", 4, 2)
    services.close_rating_round(store, room.code, room.secret)
    services.open_rating_round(store, room.code, room.secret)
    rate(room, ann, "x", 2, 2)
    services.close_rating_round(store, room.code, room.secret)
    services.open_consent(store, room.code, room.secret, "x")
    services.object_to_top(store, room.code, ann, "Pas d’accès hors ligne")
    first = services.export_workshop(store, room.code, room.secret)
    text_form = dump_workshop(first)
    assert "participant_weights:" in text_form and "rounds:" in text_form
    assert "Pas d’accès hors ligne" in text_form
    again = services.import_workshop(store, parse_workshop(parse_text(text_form, "w.yaml")))
    second = services.export_workshop(store, again.code, again.secret)
    assert second == first


@pytest.mark.storage
def test_an_old_file_without_them_reads_as_before(store: Store) -> None:
    room = room_of(store)
    workshop = services.export_workshop(store, room.code, room.secret)
    assert workshop.participant_weights is None and workshop.rounds is None
    assert workshop.consent is None and workshop.settings.participant_weights is False
    assert "rounds" not in dump_workshop(workshop)
    assert workshop.schema_ == "selfdata-workshop/1"


@pytest.mark.storage
def test_a_version_10_database_migrates_to_11(db_url: str) -> None:
    store = Store(db_url)
    room = room_of(store)

    def make_it_version_10(conn):  # type: ignore[no-untyped-def]
        for table in ("objections", "round_ratings", "participant_weights"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("ALTER TABLE workshops DROP COLUMN decision"))
        conn.execute(update(t.schema_version).values(version=10))

    store.write(make_it_version_10)
    store.dispose()
    migrated = Store(db_url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION >= 11
    services.set_participant_weights_on(migrated, room.code, room.secret, True)
    ann = services.join(migrated, room.code, "Ann").token
    services.set_my_weights(migrated, room.code, ann, {"resident_benefit": 100, "cost": 0})
    assert services.my_decision(migrated, room.code, ann).weights["resident_benefit"] == 100
    migrated.dispose()
