"""The reads every rerun makes (who is looking, the room's pulse) and the ranking's own
version counter: each lighter read gives exactly what the full one gave."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select, text, update

from selfdata.app import access, services
from selfdata.domain.errors import Expired, Forbidden, NotFound
from selfdata.engines.ranking import rank_scenarios
from selfdata.files.loading import SCENARIOS_DIR, default_decks
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from tests.service_helpers import Room

EXAMPLES = sorted(p.stem for p in SCENARIOS_DIR.glob("*.yaml"))


def _example_room(store: Store, example: str = "la_rochelle") -> Room:
    created = services.create_workshop(store, example=example)
    return Room(store, created.code, created.secret)


def _tokens(room: Room, n: int = 2) -> list[str]:
    return [room.join(f"Tablette {i}") for i in range(n)]


# --- who is looking, in one read ---------------------------------------------------------


def test_the_facilitator_is_proven_by_the_secret_and_alone_sees_whether_undo_is_possible(
    store: Store,
):
    room = _example_room(store)
    services.set_step(store, room.code, room.secret, "needs")  # something to undo
    state = services.credential_check(store, room.code, secret=room.secret)
    assert state.facilitator and state.secret_problem is None and state.me is None
    assert state.room == services.room_state(store, room.code)
    assert state.room.can_undo
    token = room.join("Ana")
    for other in (
        services.credential_check(store, room.code),
        services.credential_check(store, room.code, token=token),
    ):
        assert not other.facilitator and not other.room.can_undo
        assert other.room.next_undo is None  # what undo would revert: the facilitator's
        full = replace(other.room, can_undo=True, next_undo=state.room.next_undo)
        assert full == services.room_state(store, room.code)
    assert state.room.next_undo is not None and state.room.next_undo.action == "set_step"


def test_a_participant_is_proven_by_the_token_with_what_whoami_says(store: Store):
    room = _example_room(store)
    token = room.join("Ana")
    state = services.credential_check(store, room.code, token=token)
    assert state.me == services.whoami(store, room.code, token)
    assert state.token_problem is None and state.secret_problem is None


def test_wrong_credentials_are_kept_as_problems_and_grant_nothing(store: Store):
    room = _example_room(store)
    token = room.join("Ana")
    bad_secret = services.credential_check(store, room.code, secret="nope", token=token)
    assert not bad_secret.facilitator and isinstance(bad_secret.secret_problem, Forbidden)
    assert bad_secret.me is not None and bad_secret.me.pseudonym == "Ana"  # still a participant
    bad_token = services.credential_check(store, room.code, token="nope")
    assert bad_token.me is None and isinstance(bad_token.token_problem, NotFound)
    assert bad_token.token_problem.key == "participant.unknown"
    # a good secret wins over any token, as resolve_viewer always did
    both = services.credential_check(store, room.code, secret=room.secret, token="nope")
    assert both.facilitator and both.token_problem is None


@pytest.mark.parametrize("code", ["", "ZZZZZZ", None])
def test_an_unknown_code_is_refused_as_room_state_refuses_it(store: Store, code: object):
    with pytest.raises(NotFound) as a:
        services.credential_check(store, code)  # type: ignore[arg-type]
    with pytest.raises(NotFound) as b:
        services.room_state(store, code)  # type: ignore[arg-type]
    assert a.value.key == b.value.key


# --- the pulse a polling screen reads ------------------------------------------------------


def test_the_pulse_says_what_the_room_state_says(store: Store, monkeypatch):
    room = _example_room(store)
    checks: list[Callable[[], object]] = [
        lambda: None,
        lambda: services.set_step(store, room.code, room.secret, "scenarios"),
        lambda: services.set_locked(store, room.code, room.secret, True),
        lambda: services.set_locked(store, room.code, room.secret, False),
        lambda: services.set_revealed(store, room.code, room.secret, "needs", True),
        lambda: services.start_timer(store, room.code, room.secret, 60),
    ]
    for change in checks:
        change()
        pulse = services.room_pulse(store, room.code)
        state = services.room_state(store, room.code)
        assert (pulse.version, pulse.step, pulse.locked, pulse.timer_end, pulse.revealed) == (
            state.version,
            state.step,
            state.locked,
            state.timer_end,
            state.revealed,
        )
    # the timer runs out: both say locked, without a write
    end = services.room_pulse(store, room.code).timer_end
    assert end is not None
    monkeypatch.setattr(access, "clock", lambda: end + 1)
    assert services.room_pulse(store, room.code).locked
    assert services.room_state(store, room.code).locked


def test_the_pulse_of_an_ended_workshop_says_it_has_ended(store: Store, monkeypatch):
    room = _example_room(store)
    store.write(
        lambda c: c.execute(
            update(t.workshops).where(t.workshops.c.code == room.code).values(expires_at=10.0)
        )
    )
    with pytest.raises(Expired):
        services.room_pulse(store, room.code)
    with pytest.raises(NotFound):
        services.room_pulse(store, "ZZZZZZ")


# --- the ranking's version -----------------------------------------------------------------


def _versions(room: Room) -> tuple[int, int]:
    state = services.room_state(room.store, room.code)
    return state.version, state.ranking_version


def _first_need(room: Room) -> str:
    return services.needs_board(room.store, room.code).needs[0].id


def _rate(room: Room, token: str) -> None:
    room.at_step("scenarios")  # participants rate at the scenarios step
    ratings = services.scenario_ratings(room.store, room.code, token)
    scenario = ratings.scenarios[0].id
    criterion = ratings.criteria[0].criterion
    services.rate(room.store, room.code, token, scenario, criterion, 2)


ACTIONS: dict[str, tuple[bool, Callable[[Room, str], object]]] = {
    # action: (changes the ranking's version?, how)
    "vote": (False, lambda r, tok: services.vote(r.store, r.code, tok, _first_need(r))),
    "propose_need": (False, lambda r, tok: r.need("Savoir quand arrosage", token=tok)),
    "propose_source": (False, lambda r, tok: r.source("Relevés d’arrosage", token=tok)),
    "set_projection": (
        False,
        lambda r, tok: services.set_projection(r.store, r.code, r.secret, method="topsis"),
    ),
    "set_cards_in_play": (  # the deck the step pages offer is cached on the ranking's version
        True,
        lambda r, tok: services.set_cards_in_play(r.store, r.code, r.secret, "needs", None),
    ),
    "set_agenda": (
        False,
        lambda r, tok: services.set_agenda(r.store, r.code, r.secret, "half_day"),
    ),
    "restart_clock": (False, lambda r, tok: services.restart_clock(r.store, r.code, r.secret)),
    "join": (True, lambda r, tok: r.join("Nouvelle tablette")),
    "rate": (True, _rate),
    "set_weights": (
        True,
        lambda r, tok: services.set_weights(
            r.store,
            r.code,
            r.secret,
            {
                c.criterion: c.weight + 1
                for c in services.ranking_inputs(r.store, r.code, r.secret).criteria
            },
        ),
    ),
    "set_step": (True, lambda r, tok: services.set_step(r.store, r.code, r.secret, "scenarios")),
    "undo": (True, lambda r, tok: services.undo(r.store, r.code, r.secret)),
}


def test_the_table_covers_every_action_that_leaves_the_ranking_alone():
    neutral = {name for name, (bumps, _) in ACTIONS.items() if not bumps}
    assert neutral == access.RANKING_NEUTRAL


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_write_bumps_the_version_and_only_dots_and_proposals_spare_the_ranking(
    store: Store, action: str
):
    bumps, do = ACTIONS[action]
    room = _example_room(store)
    step = {"rate": "scenarios", "propose_source": "inventory"}.get(action, "needs")
    services.set_step(store, room.code, room.secret, step)  # where the action is taken
    services.set_locked(store, room.code, room.secret, False)
    token = room.join("Ana")
    before = _versions(room)
    inputs = services.ranking_inputs(store, room.code, room.secret)
    do(room, token)
    after = _versions(room)
    assert after[0] == before[0] + 1
    assert after[1] == before[1] + (1 if bumps else 0)
    entry = services.audit_log(store, room.code, room.secret, limit=1)[0]
    assert entry.action == action
    if not bumps:  # the claim behind the exemption: what a ranking reads did not change
        assert services.ranking_inputs(store, room.code, room.secret) == inputs


def _shared(room: Room) -> int:
    return services.room_pulse(room.store, room.code).shared_version


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_shared_version_moves_with_the_ranking_but_for_a_rating(store: Store, action: str):
    """Issue 25: what a tablet showing none of the room's tallies watches moves with every
    write but dots, proposals and what a participant adds on their own (a rating here)."""
    _, do = ACTIONS[action]
    room = _example_room(store)
    step = {"rate": "scenarios", "propose_source": "inventory"}.get(action, "needs")
    services.set_step(store, room.code, room.secret, step)  # where the action is taken
    services.set_locked(store, room.code, room.secret, False)
    token = room.join("Ana")
    before = _shared(room)
    do(room, token)
    moved = action not in access.SHARED_NEUTRAL
    assert _shared(room) == before + (1 if moved else 0)
    assert moved == (action not in access.RANKING_NEUTRAL and action != "rate")


def test_a_participants_weights_and_objection_move_the_ranking_not_the_shared_version(
    store: Store,
):
    room = _example_room(store)
    services.set_locked(store, room.code, room.secret, False)
    token = room.join("Ana")
    services.set_participant_weights_on(store, room.code, room.secret, True)
    inputs = services.ranking_inputs(store, room.code, room.secret)
    criteria = [c.criterion for c in inputs.criteria]
    scenario = services.scenarios(store, room.code).scenarios[0].id
    services.open_consent(store, room.code, room.secret, scenario)
    actions = {
        "set_my_weights": lambda: services.set_my_weights(
            store, room.code, token, {c: 100 if i == 0 else 40 for i, c in enumerate(criteria)}
        ),
        "object": lambda: services.object_to_top(store, room.code, token, "Trop cher"),
        "withdraw_objection": lambda: services.withdraw_objection(store, room.code, token),
    }
    assert set(actions) | {"rate"} == access.OWN_TALLIES
    for action, do in actions.items():
        before, shared = _versions(room), _shared(room)
        do()
        assert _versions(room)[1] == before[1] + 1, action  # a ranking reads it
        assert _shared(room) == shared, action
        assert services.audit_log(store, room.code, room.secret, limit=1)[0].action == action


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_ranking_from_its_own_inputs_is_the_ranking_from_the_whole_workshop(
    store: Store, example: str
):
    room = _example_room(store, example)
    decks = default_decks()
    whole = services.backup_workshop(store, room.code)
    inputs = services.ranking_inputs(store, room.code, room.secret)
    assert inputs.sources == inputs.needs == inputs.votes == inputs.use_cases == []
    assert (inputs.participants, inputs.scenarios, inputs.criteria, inputs.ratings) == (
        whole.participants,
        whole.scenarios,
        whole.criteria,
        whole.ratings,
    )
    for method in ("topsis", "weighted-sum"):
        assert rank_scenarios(inputs, decks, method) == rank_scenarios(whole, decks, method)


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_light_ratings_read_is_the_full_one_without_scenarios_and_everyones_ratings(
    store: Store, example: str
):
    room = _example_room(store, example)
    services.set_locked(store, room.code, room.secret, False)
    tokens = _tokens(room)
    _rate(room, tokens[0])
    viewers = [{"secret": room.secret}, {}, *({"token": tok} for tok in tokens)]
    for viewer in viewers:
        full = services.scenario_ratings(store, room.code, **viewer)  # type: ignore[arg-type]
        light = services.scenario_ratings(store, room.code, light=True, **viewer)  # type: ignore[arg-type]
        assert light == replace(full, scenarios=(), ratings=None)
    mine = services.scenario_ratings(store, room.code, tokens[0], light=True).mine
    assert list(mine.values()) == [2]


# --- the schema step that added it ---------------------------------------------------------


@pytest.mark.storage
def test_a_version_1_database_is_migrated_with_its_workshops_intact(db_url: str):
    url = db_url  # SQLite and PostgreSQL
    store = Store(url)
    room = _example_room(store)
    room.join("Ana")
    version = services.version(store, room.code)

    def make_it_version_1(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE workshops DROP COLUMN ranking_version"))
        conn.execute(text("ALTER TABLE workshops DROP COLUMN joining_closed"))  # schema 5
        conn.execute(update(t.schema_version).values(version=1))

    store.write(make_it_version_1)
    store.dispose()

    migrated = Store(url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION
    state = services.room_state(migrated, room.code)
    assert (state.version, state.ranking_version) == (version, version)
    assert [p.pseudonym for p in services.participants(migrated, room.code).participants][
        -1
    ] == "Ana"
    services.join(migrated, room.code, "Bea")
    assert services.room_state(migrated, room.code).ranking_version == version + 1
    migrated.dispose()


def test_every_schema_version_has_its_one_migration():
    """Migrations are numbered 2 to SCHEMA_VERSION with none missing: a database at any
    earlier version walks every step (the loop refuses a gap rather than skip one)."""
    from selfdata.store.schema import MIGRATIONS, SCHEMA_VERSION

    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


def test_a_version_14_database_gets_the_shared_version_with_its_workshops_intact(db_url: str):
    store = Store(db_url)  # SQLite and PostgreSQL
    room = _example_room(store)
    version = services.version(store, room.code)

    def make_it_version_14(conn):  # type: ignore[no-untyped-def]
        conn.execute(text("ALTER TABLE workshops DROP COLUMN shared_version"))
        conn.execute(update(t.schema_version).values(version=14))

    store.write(make_it_version_14)
    store.dispose()
    migrated = Store(db_url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION and 15 in t.MIGRATIONS
    pulse = services.room_pulse(migrated, room.code)
    assert (pulse.version, pulse.shared_version) == (version, 0)
    services.set_step(migrated, room.code, room.secret, "needs")
    assert services.room_pulse(migrated, room.code).shared_version == 1
    migrated.dispose()
