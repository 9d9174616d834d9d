"""Preparing the room through the services: cards in play, a card's wording, the agenda,
the clock the console reads, the readiness list; only the facilitator, bad input refused
with nothing changed, and all of it carried by the workshop file."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text, update

from selfdata.app import access, services
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import (
    SCENARIOS_DIR,
    default_decks,
    dump_workshop,
    load_workshop,
    read_workshop_bytes,
)
from selfdata.i18n import t
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t_
from tests.service_helpers import Room, open_room

DECKS = default_decks()
SOURCE, OTHER = DECKS.data_sources[0].id, DECKS.data_sources[1].id
NEED = DECKS.needs[0].id
WORDING = {
    "title": {"fr": "Relevés d’eau de la régie", "en": "Water readings from the utility"},
    "text": {"fr": "Ce que la régie sait de vous.", "en": "What the utility knows about you."},
}


@pytest.fixture
def room(store: Store) -> Room:
    return open_room(store)


def snapshot(room: Room) -> dict[str, Any]:
    return services.export_workshop(room.store, room.code, room.secret).dump()


# --- only the facilitator ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "action",
    [
        lambda s, c, k: services.set_cards_in_play(s, c, k, "needs", [NEED]),
        lambda s, c, k: services.set_agenda(s, c, k, "half_day"),
        lambda s, c, k: services.edit_card_wording(s, c, k, "needs", NEED, **WORDING),
        lambda s, c, k: services.restart_clock(s, c, k),
        lambda s, c, k: services.readiness_checks(s, c, k),
    ],
)
def test_only_the_facilitator_prepares_the_room(room: Room, action: Any) -> None:
    token = room.join("Ana")
    before = snapshot(room)
    for who in (token, "wrong-secret", ""):
        with pytest.raises(services.Forbidden):
            action(room.store, room.code, who)
    assert snapshot(room) == before


# --- cards in play --------------------------------------------------------------------------


def test_the_room_is_offered_only_the_cards_in_play(room: Room) -> None:
    store, code, secret = room.store, room.code, room.secret
    assert len(services.room_deck(store, code, "data_sources")) == len(DECKS.data_sources)
    assert services.set_cards_in_play(store, code, secret, "data_sources", [OTHER, SOURCE]) == 2
    assert [c.id for c in services.room_deck(store, code, "data_sources")] == [SOURCE, OTHER]
    assert len(services.room_deck(store, code, "needs")) == len(DECKS.needs), "per deck"
    third = DECKS.data_sources[2].id
    with pytest.raises(services.InvalidInput) as refused:
        services.add_source(store, code, secret, card_id=third)
    assert refused.value.message("en") == f"The card '{third}' is not in play in this workshop."
    token = room.join("Ana")
    with pytest.raises(services.InvalidInput):
        services.propose_source(store, code, token, card_id=third)
    services.add_source(store, code, secret, card_id=SOURCE)
    assert services.set_cards_in_play(store, code, secret, "data_sources", None) == len(
        DECKS.data_sources
    )
    services.add_source(store, code, secret, card_id=third)


@pytest.mark.parametrize(
    ("kind", "ids"),
    [("needs", ["no_such_card"]), ("actors", [NEED]), ("needs", "water_bill"), ("needs", [3])],
)
def test_cards_that_are_not_in_the_deck_are_refused_and_nothing_changes(
    room: Room, kind: str, ids: Any
) -> None:
    services.set_cards_in_play(room.store, room.code, room.secret, "needs", [NEED])
    before = snapshot(room)
    with pytest.raises(services.InvalidInput):
        services.set_cards_in_play(room.store, room.code, room.secret, kind, ids)
    assert snapshot(room) == before


# --- a card's wording -----------------------------------------------------------------------


def test_a_reworded_bundled_card_joins_the_workshop_deck_with_its_deck_and_shows_in_the_room(
    room: Room,
) -> None:
    store, code, secret = room.store, room.code, room.secret
    services.add_source(store, code, secret, card_id=SOURCE)
    edited = services.edit_card_wording(store, code, secret, "data_sources", SOURCE, **WORDING)
    assert (
        edited.title.fr == WORDING["title"]["fr"] and edited.holder == DECKS.data_sources[0].holder
    )
    deck = services.prepared_deck(store, code, "data_sources")
    assert deck.own and [c.id for c in deck.cards] == [c.id for c in DECKS.data_sources]
    assert deck.cards[0].description.en == WORDING["text"]["en"]
    assert deck.cards[1] == DECKS.data_sources[1], "the rest of the deck as it was"
    on_table = services.inventory(store, code, secret=secret).sources[0].card
    assert on_table is not None and on_table.title.en == WORDING["title"]["en"]
    assert services.room_deck(store, code, "data_sources")[0].title.fr == WORDING["title"]["fr"]
    assert services.prepared_deck(store, code, "needs").own is False, "the other deck untouched"


@pytest.mark.parametrize(
    ("part", "lang", "value", "message"),
    [
        ("title", "fr", "  ", "Le titre (fr) ne peut pas être vide\u202f; rien n’a été modifié."),
        ("text", "en", "", "Le texte (en) ne peut pas être vide\u202f; rien n’a été modifié."),
        (
            "title",
            "en",
            "x" * 201,
            "Le titre (en) dépasse 200 caractères\u202f; rien n’a été modifié.",
        ),
        (
            "text",
            "fr",
            "x" * 2001,
            "Le texte (fr) dépasse 2000 caractères\u202f; rien n’a été modifié.",
        ),
        ("title", "fr", None, "Le titre (fr) ne peut pas être vide\u202f; rien n’a été modifié."),
    ],
)
def test_an_empty_or_too_long_wording_is_refused_and_nothing_changes(
    room: Room, part: str, lang: str, value: Any, message: str
) -> None:
    before = snapshot(room)
    wording = {k: dict(v) for k, v in WORDING.items()}
    wording[part][lang] = value
    with pytest.raises(services.SelfDataError) as refused:
        services.edit_card_wording(room.store, room.code, room.secret, "needs", NEED, **wording)
    assert refused.value.message("fr") == message
    assert snapshot(room) == before


@pytest.mark.parametrize(
    "wording",
    [
        {"title": "Un titre", "text": WORDING["text"]},
        {"title": {"fr": "Eau\x00", "en": "Water"}, "text": WORDING["text"]},
        {"title": {"fr": "Eau \ud800", "en": "Water"}, "text": WORDING["text"]},
        {"title": WORDING["title"], "text": {"fr": 3, "en": "x"}},
    ],
)
def test_a_malformed_wording_is_refused_and_nothing_changes(room: Room, wording: Any) -> None:
    before = snapshot(room)
    with pytest.raises(services.InvalidInput):
        services.edit_card_wording(room.store, room.code, room.secret, "needs", NEED, **wording)
    assert snapshot(room) == before


def test_an_unknown_card_cannot_be_reworded(room: Room) -> None:
    with pytest.raises(services.InvalidInput):
        services.edit_card_wording(room.store, room.code, room.secret, "needs", "nope", **WORDING)
    assert "cards" not in snapshot(room)


# --- the agenda and the clock ---------------------------------------------------------------


def test_a_preset_agenda_is_stored_and_a_custom_one_is_edited_step_by_step(room: Room) -> None:
    store, code, secret = room.store, room.code, room.secret
    assert services.agenda(store, code) is None
    half = services.set_agenda(store, code, secret, "two_sessions")
    assert services.agenda(store, code) == half and half.total == 360
    minutes = {**half.minutes, "export": 10}
    custom = services.set_agenda(store, code, secret, "custom", minutes, [240])
    assert services.agenda(store, code) == custom
    assert (custom.total, custom.available, custom.planned("export")) == (345, 240, 10)


@pytest.mark.parametrize(
    ("preset", "minutes", "sessions"),
    [
        ("weekend", None, None),
        ("custom", None, None),
        ("custom", {"inventory": 300}, [210]),
        ("custom", {"inventory": "soon"}, [210]),
        ("custom", {"lunch": 30}, [210]),
        ("custom", {"inventory": 30}, [5]),
        ("custom", ["inventory"], [210]),
    ],
)
def test_a_bad_agenda_is_refused_and_nothing_changes(
    room: Room, preset: str, minutes: Any, sessions: Any
) -> None:
    services.set_agenda(room.store, room.code, room.secret, "half_day")
    before = snapshot(room)
    with pytest.raises(services.InvalidInput) as refused:
        services.set_agenda(room.store, room.code, room.secret, preset, minutes, sessions)
    assert refused.value.message("fr") in (t("error.agenda.preset"), t("error.agenda.invalid"))
    assert snapshot(room) == before


def test_the_clock_times_each_step_against_the_agenda(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, code, secret = room.store, room.code, room.secret
    now = [1000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    idle = services.agenda_progress(store, code)
    assert not idle.started and idle.agenda is None and idle.elapsed == 0
    services.set_agenda(store, code, secret, "half_day")
    services.set_step(store, code, secret, "needs")  # the clock starts with the room
    now[0] += 20 * 60
    progress = services.agenda_progress(store, code)
    assert (progress.step, progress.step_planned, progress.total_planned) == ("needs", 30, 210)
    assert progress.step_used == progress.elapsed == 1200 and not progress.step_over
    now[0] += 15 * 60
    assert services.agenda_progress(store, code).step_over
    services.set_step(store, code, secret, "use_cases")
    now[0] += 60
    progress = services.agenda_progress(store, code)
    assert (progress.step_used, progress.elapsed) == (60, 35 * 60 + 60)
    services.undo(store, code, secret)  # the step change undone: back on needs, time goes on
    progress = services.agenda_progress(store, code)
    assert (progress.step, progress.step_used) == ("needs", 36 * 60)
    services.restart_clock(store, code, secret)
    now[0] += 30
    progress = services.agenda_progress(store, code)
    assert (progress.step_used, progress.elapsed) == (30, 30)


def test_preparing_does_not_hide_the_last_room_action_from_undo(room: Room) -> None:
    store, code, secret = room.store, room.code, room.secret
    services.set_step(store, code, secret, "needs")
    services.set_agenda(store, code, secret, "half_day")
    services.set_cards_in_play(store, code, secret, "needs", [NEED])
    services.restart_clock(store, code, secret)
    assert services.undo(store, code, secret) == "set_step"
    assert services.room_state(store, code).step == "inventory"


# --- readiness ---------------------------------------------------------------------------


def test_the_readiness_list_follows_the_preparation(room: Room) -> None:
    store, code, secret = room.store, room.code, room.secret

    def statuses() -> dict[str, str]:
        return {c.rule: c.status for c in services.readiness_checks(store, code, secret)}

    assert statuses()["agenda"] == "todo" and statuses()["sources"] == "ok"
    services.set_agenda(store, code, secret, "half_day")
    services.set_cards_in_play(store, code, secret, "needs", [NEED])
    services.set_joining_open(store, code, secret, False)
    now = statuses()
    assert (now["agenda"], now["needs"], now["joining"]) == ("ok", "advice", "todo")
    services.set_cards_in_play(store, code, secret, "data_sources", [])
    assert statuses()["sources"] == "todo"


# --- the workshop file ------------------------------------------------------------------------


def prepared_room(room: Room) -> None:
    store, code, secret = room.store, room.code, room.secret
    services.set_cards_in_play(store, code, secret, "data_sources", [SOURCE, OTHER])
    services.edit_card_wording(store, code, secret, "needs", NEED, **WORDING)
    services.set_cards_in_play(store, code, secret, "needs", [NEED])
    services.set_agenda(store, code, secret, "custom", {"inventory": 50, "needs": 40}, [120, 90])


@pytest.mark.storage
def test_cards_in_play_wording_and_agenda_travel_in_the_workshop_file(room: Room) -> None:
    prepared_room(room)
    exported = services.export_workshop(room.store, room.code, room.secret)
    file_ = dump_workshop(exported)
    assert "\npreparation:\n" in file_
    again = read_workshop_bytes(file_.encode(), "w.yaml", DECKS)
    assert again == exported
    created = services.import_workshop(room.store, again)
    copy = services.export_workshop(room.store, created.code, created.secret)
    assert copy.dump() == exported.dump()
    assert [c.id for c in services.room_deck(room.store, created.code, "needs")] == [NEED]
    assert (
        services.room_deck(room.store, created.code, "needs")[0].title.fr == WORDING["title"]["fr"]
    )
    plan = services.agenda(room.store, created.code)
    assert plan is not None and (plan.total, plan.available) == (90, 210)


@pytest.mark.storage
def test_a_file_without_preparation_reads_and_exports_as_before(store: Store) -> None:
    plain = load_workshop(SCENARIOS_DIR / "nantes.yaml")
    assert "preparation" not in plain.dump()
    created = services.import_workshop(store, plain)
    exported = services.export_workshop(store, created.code, created.secret).dump()
    assert "preparation" not in exported and exported == plain.dump()
    assert len(services.room_deck(store, created.code, "needs")) == len(DECKS.needs)


@pytest.mark.storage
def test_a_version_7_database_gains_the_preparation_columns(db_url: str) -> None:
    old = Store(db_url)
    room = open_room(old)
    services.set_agenda(old, room.code, room.secret, "half_day")
    before = services.export_workshop(old, room.code, room.secret).dump()
    before.pop("preparation")

    def make_it_version_7(conn: Any) -> None:
        for column in ("preparation", "step_clock"):
            conn.execute(text(f"ALTER TABLE workshops DROP COLUMN {column}"))
        conn.execute(update(t_.schema_version).values(version=7))

    old.write(make_it_version_7)
    old.dispose()
    migrated = Store(db_url)
    try:
        assert services.export_workshop(migrated, room.code, room.secret).dump() == before
        assert services.agenda(migrated, room.code) is None
        assert services.set_agenda(migrated, room.code, room.secret, "half_day").total == 210
        assert SCHEMA_VERSION >= 8
    finally:
        migrated.dispose()


def test_the_preparation_section_is_checked_like_the_rest_of_the_file() -> None:
    data = load_workshop(SCENARIOS_DIR / "nantes.yaml").dump()
    for bad in (
        {"agenda": {"preset": "weekend", "sessions": [210], "minutes": {}}},
        {"in_play": {"needs": ["Not A Slug"]}},
        {"surprise": 1},
    ):
        with pytest.raises(ValueError):
            Workshop.model_validate({**data, "preparation": bad})


def test_cards_imported_into_the_deck_after_a_choice_are_in_play(room: Room) -> None:
    from selfdata.files.inventory import write_inventory

    store, code, secret = room.store, room.code, room.secret
    services.set_cards_in_play(store, code, secret, "needs", [NEED])
    mine = [c.model_copy(update={"id": f"ville_{i}"}) for i, c in enumerate(DECKS.needs[:3])]
    sheet = write_inventory(mine, "needs", "fr", "csv")
    added = services.import_inventory_file(
        store, code, secret, sheet, "besoins.csv", "needs", "fr", target="deck"
    )
    assert added == 3
    offered = [c.id for c in services.room_deck(store, code, "needs")]
    assert offered == ["ville_0", "ville_1", "ville_2"], "the city's deck, all of it in play"
