"""The workshop services against a throwaway store: what a facilitator and participants see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from selfdata.app import access, services
from selfdata.domain.credentials import CODE_ALPHABET
from selfdata.domain.workshop import NetworkEdits
from selfdata.files.loading import SCENARIOS_DIR, load_workshop
from selfdata.store import Store
from selfdata.store import schema as t
from tests.service_helpers import Room, count_workshops, import_workshop_data, open_room


@pytest.fixture
def room(store: Store) -> Room:
    """A blank workshop at the needs step (participants place dots there)."""
    room = open_room(store)
    room.at("needs")
    return room


# --- creating and joining ---------------------------------------------------------------------


def test_a_new_workshop_gets_a_short_code_without_look_alikes_and_a_long_secret(store: Store):
    created = services.create_workshop(store, title="A", territory="B", theme="water")
    assert len(created.code) == 6
    assert set(created.code) <= set(CODE_ALPHABET)
    assert not set(created.code) & set("0O1IL")
    assert len(created.secret) >= 22  # 128 bits in URL-safe base64


@pytest.mark.storage
def test_codes_of_many_workshops_are_all_different(store: Store):
    codes = {
        services.create_workshop(store, title="A", territory="B", theme="water").code
        for _ in range(30)
    }
    assert len(codes) == 30


@pytest.mark.storage
def test_neither_the_secret_nor_tokens_are_stored_in_clear(store: Store, room: Room):
    token = room.join("Alice")
    dump = store.read(
        lambda c: repr(
            c.execute(select(t.workshops)).all() + c.execute(select(t.participants)).all()
        )
    )
    assert room.secret not in dump
    assert token not in dump


@pytest.mark.parametrize(
    "fields, key",
    [
        ({"territory": "B", "theme": "water"}, "workshop.missing"),
        ({"title": "A", "territory": "B", "theme": "volcanoes"}, "import.invalid"),
        ({"title": "", "territory": "B", "theme": "water"}, "text.empty"),
        ({"title": "A" * 201, "territory": "B", "theme": "water"}, "text.too_long"),
        ({"example": "atlantis"}, "example.unknown"),
    ],
)
def test_a_workshop_that_cannot_exist_is_refused_clearly(store: Store, fields: dict, key: str):
    with pytest.raises(services.SelfDataError) as err:
        services.create_workshop(store, **fields)
    assert err.value.key == key
    assert err.value.message("fr") and err.value.message("en")
    assert count_workshops(store) == 0


def test_a_workshop_can_start_from_an_example_with_its_content(store: Store):
    example = services.example_names()[0]
    created = services.create_workshop(store, example=example, title="Notre atelier")
    snapshot = services.backup_workshop(store, created.code)
    original = load_workshop(SCENARIOS_DIR / f"{example}.yaml")
    assert snapshot.title == "Notre atelier"
    assert [s.id for s in snapshot.scenarios] == [s.id for s in original.scenarios]


def test_joining_gives_a_token_that_finds_the_participant_again(room: Room):
    joined = services.join(room.store, room.code, "  Alice  ")
    me = services.whoami(room.store, room.code, joined.token)
    assert (me.id, me.pseudonym) == (joined.participant_id, "Alice")
    assert services.participants(room.store, room.code).count == 1


def test_a_typed_code_is_forgiven_its_case_and_spaces(room: Room):
    typed = room.code[:3].lower() + " " + room.code[3:].lower()
    assert services.room_state(room.store, typed).code == room.code


@pytest.mark.parametrize("code", ["", "ZZZZZZ", "abc", "0OIL1!", "X" * 500, None])
def test_a_wrong_code_gets_a_clear_message_in_both_languages(store: Store, code: Any):
    with pytest.raises(services.NotFound) as err:
        services.join(store, code, "Alice")
    assert "code" in err.value.message("fr") and "code" in err.value.message("en")


def test_a_token_from_another_workshop_is_not_valid_here(store: Store):
    first, second = open_room(store), open_room(store)
    token = first.join("Alice")
    with pytest.raises(services.NotFound) as err:
        services.whoami(store, second.code, token)
    assert err.value.key == "participant.unknown"


@pytest.mark.storage
def test_a_pseudonym_is_unique_in_a_workshop_regardless_of_case(room: Room):
    room.join("Alice")
    with pytest.raises(services.Conflict):
        room.join("ALICE")


@pytest.mark.parametrize(
    "pseudonym, error", [("", services.InvalidInput), ("x" * 41, services.LimitExceeded)]
)
@pytest.mark.storage
def test_a_pseudonym_must_be_short_and_not_empty(room: Room, pseudonym: str, error: type):
    with pytest.raises(error):
        room.join(pseudonym)


@pytest.mark.storage
def test_expired_workshops_say_so_and_are_purged(store: Store, room: Room, monkeypatch):
    monkeypatch.setattr(access, "clock", lambda: 4e12)
    with pytest.raises(services.Expired):
        services.room_state(store, room.code)
    assert services.purge_expired(store) == 1
    with pytest.raises(services.NotFound):
        services.version(store, room.code)


# --- dot voting -------------------------------------------------------------------------------


@pytest.mark.storage
def test_dots_stay_within_the_budget_and_the_cap(store: Store):
    room = open_room(store, budget=4, cap=2)
    room.at("needs")
    token = room.join("Alice")
    first, second, third = room.need("Eau"), room.need("Énergie"), room.need("Déchets")
    assert services.vote(store, room.code, token, first) == 1
    assert services.vote(store, room.code, token, first) == 2
    with pytest.raises(services.LimitExceeded) as err:
        services.vote(store, room.code, token, first)
    assert err.value.key == "vote.cap"
    services.vote(store, room.code, token, second, delta=2)
    with pytest.raises(services.LimitExceeded) as err:
        services.vote(store, room.code, token, third)
    assert err.value.key == "vote.budget"
    board = services.needs_board(store, room.code, token)
    assert board.remaining == 0
    assert [n.my_dots for n in board.needs] == [2, 2, 0]


def test_withdrawing_a_dot_gives_it_back_to_the_budget(room: Room):
    token = room.join("Alice")
    need = room.need()
    services.vote(room.store, room.code, token, need, delta=3)
    assert services.vote(room.store, room.code, token, need, delta=-1) == 2
    services.vote(room.store, room.code, token, need, delta=-2)
    assert services.needs_board(room.store, room.code, token).remaining == 5
    with pytest.raises(services.LimitExceeded):
        services.vote(room.store, room.code, token, need, delta=-1)


@pytest.mark.parametrize("delta", [0, 51, -51, True, 1.5, "1"])
def test_a_nonsensical_number_of_dots_is_refused(room: Room, delta: Any):
    token = room.join("Alice")
    need = room.need()
    with pytest.raises(services.InvalidInput):
        services.vote(room.store, room.code, token, need, delta=delta)


def test_vote_totals_are_hidden_until_the_facilitator_reveals_them(room: Room):
    alice, bob = room.join("Alice"), room.join("Bob")
    need = room.need()
    services.vote(room.store, room.code, alice, need, 2)
    services.vote(room.store, room.code, bob, need, 1)
    seen_by_bob = services.needs_board(room.store, room.code, bob)
    projector = services.needs_board(room.store, room.code)
    console = services.needs_board(room.store, room.code, secret=room.secret)
    assert seen_by_bob.needs[0].total is None and projector.needs[0].total is None
    assert (projector.dots_cast, projector.voters) == (3, 2)
    assert console.needs[0].total == 3
    services.set_revealed(room.store, room.code, room.secret, "needs", True)
    assert services.needs_board(room.store, room.code).needs[0].total == 3


def test_a_hidden_need_disappears_for_the_room_and_takes_no_more_dots(room: Room):
    alice, bob = room.join("Alice"), room.join("Bob")
    need = room.need("Texte injurieux", token=bob)
    services.vote(room.store, room.code, alice, need)
    services.hide_contribution(room.store, room.code, room.secret, "need", need)
    assert services.needs_board(room.store, room.code, bob).needs == ()
    assert services.needs_board(room.store, room.code, alice).needs[0].hidden
    with pytest.raises(services.Forbidden):
        services.vote(room.store, room.code, alice, need)
    services.vote(room.store, room.code, alice, need, -1)
    assert services.needs_board(room.store, room.code, secret=room.secret).needs[0].hidden


def test_input_is_locked_by_the_facilitator_or_when_the_timer_ends(room: Room, monkeypatch):
    token = room.join("Alice")
    need = room.need()
    services.set_locked(room.store, room.code, room.secret, True)
    with pytest.raises(services.Locked) as err:
        services.vote(room.store, room.code, token, need)
    assert err.value.key == "input.locked"
    services.set_locked(room.store, room.code, room.secret, False)
    end = services.start_timer(room.store, room.code, room.secret, 60)
    services.vote(room.store, room.code, token, need)
    monkeypatch.setattr(access, "clock", lambda: end + 1)
    assert services.room_state(room.store, room.code).locked
    assert services.room_state(room.store, room.code).timer_remaining == 0
    with pytest.raises(services.Locked) as err:
        services.vote(room.store, room.code, token, need)
    assert err.value.key == "input.timer_ended"
    services.stop_timer(room.store, room.code, room.secret)
    assert services.vote(room.store, room.code, token, need) == 2


def test_budget_cannot_be_lowered_below_dots_already_placed(room: Room):
    token = room.join("Alice")
    need = room.need()
    services.vote(room.store, room.code, token, need, 3)
    with pytest.raises(services.Conflict):
        services.set_vote_settings(room.store, room.code, room.secret, budget=5, cap=2)


# --- proposals --------------------------------------------------------------------------------


def test_a_participant_may_withdraw_only_their_own_proposal(room: Room):
    alice, bob = room.join("Alice"), room.join("Bob")
    need = room.need(token=alice)
    with pytest.raises(services.Forbidden):
        services.withdraw_proposal(room.store, room.code, bob, "need", need)
    services.withdraw_proposal(room.store, room.code, alice, "need", need)
    assert services.needs_board(room.store, room.code).needs == ()


def test_a_proposal_others_voted_for_stays_on_the_table(room: Room):
    alice, bob = room.join("Alice"), room.join("Bob")
    need = room.need(token=alice)
    services.vote(room.store, room.code, bob, need)
    with pytest.raises(services.Conflict):
        services.withdraw_proposal(room.store, room.code, alice, "need", need)


def test_proposals_per_participant_are_limited(room: Room):
    token = room.join("Alice")
    for i in range(services.MAX_PROPOSALS_PER_PARTICIPANT):
        room.need(f"Besoin {i}", token=token)
    room.at("inventory")
    with pytest.raises(services.LimitExceeded) as err:
        room.source("Une de trop", token=token)
    assert "20" in err.value.message("fr")


@pytest.mark.parametrize(
    "draft, error",
    [
        (services.NeedDraft(title="x" * 201), services.LimitExceeded),
        (services.NeedDraft(title="ok", description="x" * 2001), services.LimitExceeded),
        (services.NeedDraft(title="   "), services.InvalidInput),
        (services.NeedDraft(title="nul\x00"), services.InvalidInput),
        (services.NeedDraft(title="ok", themes=["volcanoes"]), services.InvalidInput),
        (services.NeedDraft(title="ok", usage_family="astrology"), services.InvalidInput),
    ],
)
def test_a_bad_proposal_is_refused_with_a_clear_message(room: Room, draft, error):
    token = room.join("Alice")
    before = room.version()
    with pytest.raises(error) as err:
        services.propose_need(room.store, room.code, token, draft=draft)
    assert err.value.message("en")
    assert room.version() == before


def test_a_deck_card_can_be_put_on_the_table_once(room: Room):
    card_id = access.decks().needs[0].id  # type: ignore[union-attr]
    token = room.join("Alice")
    assert services.propose_need(room.store, room.code, token, card_id=card_id) == card_id
    with pytest.raises(services.Conflict):
        services.propose_need(room.store, room.code, token, card_id=card_id)
    with pytest.raises(services.InvalidInput):
        services.propose_need(room.store, room.code, token, card_id="no-such-card")
    item = services.needs_board(room.store, room.code).needs[0]
    assert item.card is not None and not item.custom


# --- use cases, scenarios, ratings ------------------------------------------------------------


def _scenario_room(store: Store) -> tuple[Room, str, str]:
    room = open_room(store)
    need, source = room.need(), room.source()
    case = services.create_use_case(
        store, room.code, room.secret, title="Suivre sa consommation", need=need, sources=[source]
    )
    scenario = services.create_scenario(
        store,
        room.code,
        room.secret,
        services.ScenarioDraft(
            residents=100,
            duration_months=6,
            title="Pilote 200 foyers",
            use_case=case,
            model="personal_cloud",
        ),
    )
    room.at("scenarios")  # participants rate there
    return room, case, scenario


def test_a_use_case_needs_existing_need_and_sources(room: Room):
    need = room.need()
    with pytest.raises(services.NotFound):
        services.create_use_case(
            room.store, room.code, room.secret, title="X", need=need, sources=["ghost"]
        )
    with pytest.raises(services.InvalidInput):
        services.create_use_case(
            room.store, room.code, room.secret, title="X", need=need, sources=[]
        )


def test_a_use_case_under_a_scenario_cannot_be_deleted(store: Store):
    room, case, scenario = _scenario_room(store)
    with pytest.raises(services.Conflict):
        services.delete_use_case(store, room.code, room.secret, case)
    services.delete_scenario(store, room.code, room.secret, scenario)
    services.delete_use_case(store, room.code, room.secret, case)
    assert services.use_cases(store, room.code).use_cases == ()


def test_governance_answers_and_choice_are_recorded_and_checked(store: Store):
    room, case, _ = _scenario_room(store)
    question = access.decks().governance_questions[0]  # type: ignore[union-attr]
    option = question.options[0].id
    services.set_governance_answers(store, room.code, room.secret, case, {question.id: option})
    services.choose_governance(store, room.code, room.secret, case, "data_cooperative")
    stored = services.use_cases(store, room.code).use_cases[0]
    assert stored.governance_answers == {question.id: option}
    assert stored.governance_choice == "data_cooperative"
    with pytest.raises(services.InvalidInput):
        services.set_governance_answers(store, room.code, room.secret, case, {question.id: "maybe"})
    with pytest.raises(services.InvalidInput):
        services.choose_governance(store, room.code, room.secret, case, "anarchy")


def test_several_governance_answers_are_one_action_that_leaves_the_others_alone(store: Store):
    room, case, _ = _scenario_room(store)
    first, second, third = access.decks().governance_questions[:3]  # type: ignore[union-attr]
    services.set_governance_answers(
        store, room.code, room.secret, case, {first.id: first.options[0].id}
    )
    services.set_governance_answers(
        store, room.code, room.secret, case, {third.id: third.options[0].id}
    )
    version = services.version(store, room.code)
    saved = services.set_governance_answers(
        store,
        room.code,
        room.secret,
        case,
        {first.id: None, second.id: second.options[-1].id},
    )
    assert saved == 2
    assert services.version(store, room.code) == version + 1
    stored = services.use_cases(store, room.code).use_cases[0].governance_answers
    assert stored == {second.id: second.options[-1].id, third.id: third.options[0].id}
    assert services.audit_log(store, room.code, room.secret)[0].action == ("set_governance_answers")
    assert services.set_governance_answers(store, room.code, room.secret, case, {}) == 0
    assert services.version(store, room.code) == version + 1, "nothing to save writes nothing"
    with pytest.raises(services.InvalidInput):
        services.set_governance_answers(
            store, room.code, room.secret, case, {first.id: "maybe", second.id: None}
        )
    assert services.use_cases(store, room.code).use_cases[0].governance_answers == stored


def test_network_edits_must_fit_the_models_template(store: Store):
    room, _, scenario = _scenario_room(store)
    with pytest.raises(services.InvalidInput) as err:
        services.set_network_edits(
            store, room.code, room.secret, scenario, NetworkEdits(remove_actors=["ghost"])
        )
    assert err.value.problems
    model = access.decks().model("personal_cloud")  # type: ignore[union-attr]
    flow = model.network.flows[0].id  # type: ignore[union-attr]
    services.set_network_edits(
        store, room.code, room.secret, scenario, NetworkEdits(remove_flows=[flow])
    )
    assert services.scenarios(store, room.code).scenarios[0].network_edits.remove_flows == [flow]


def test_ratings_are_private_until_revealed_and_can_be_removed(store: Store):
    room, _, scenario = _scenario_room(store)
    alice, bob = room.join("Alice"), room.join("Bob")
    services.rate(store, room.code, alice, scenario, "feasibility", 4)
    services.rate(store, room.code, alice, scenario, "feasibility", 5)
    services.rate(store, room.code, bob, scenario, "cost", 2)
    seen = services.scenario_ratings(store, room.code, alice)
    assert seen.ratings is None and seen.mine == {(scenario, "feasibility"): 5}
    assert seen.raters == 2
    services.set_revealed(store, room.code, room.secret, "scenarios", True)
    matrix = services.scenario_ratings(store, room.code, secret=room.secret).matrix()
    assert len(matrix) == 2
    # the reveal shows the group's results, never another participant's ratings
    assert services.scenario_ratings(store, room.code).ratings is None
    assert services.scenario_ratings(store, room.code, bob).ratings is None
    services.rate(store, room.code, alice, scenario, "feasibility", None)
    assert services.scenario_ratings(store, room.code, alice).mine == {}


@pytest.mark.parametrize(
    "criterion, value", [("feasibility", 6), ("feasibility", 0), ("beauty", 3)]
)
def test_a_rating_out_of_range_or_on_an_unknown_criterion_is_refused(
    store: Store, criterion, value
):
    room, _, scenario = _scenario_room(store)
    token = room.join("Alice")
    with pytest.raises(services.InvalidInput):
        services.rate(store, room.code, token, scenario, criterion, value)


def test_a_criterion_with_ratings_cannot_be_dropped_from_the_weights(store: Store):
    room, _, scenario = _scenario_room(store)
    token = room.join("Alice")
    services.rate(store, room.code, token, scenario, "cost", 3)
    with pytest.raises(services.Conflict):
        services.set_weights(store, room.code, room.secret, {"feasibility": 2.0})
    services.set_weights(store, room.code, room.secret, {"cost": 0.0, "feasibility": 2.0})
    criteria = services.scenario_ratings(store, room.code).criteria
    assert [(c.criterion, c.weight) for c in criteria] == [("cost", 0.0), ("feasibility", 2.0)]


# --- undo -------------------------------------------------------------------------------------

Action = Callable[[Room, str, str], None]

UNDOABLE: list[tuple[str, Action]] = [
    ("step", lambda r, need, sc: services.set_step(r.store, r.code, r.secret, "needs")),
    ("lock", lambda r, need, sc: services.set_locked(r.store, r.code, r.secret, True)),
    ("timer", lambda r, need, sc: services.start_timer(r.store, r.code, r.secret, 300) and None),
    ("reveal", lambda r, need, sc: services.set_revealed(r.store, r.code, r.secret, "needs", True)),
    (
        "hide",
        lambda r, need, sc: services.hide_contribution(r.store, r.code, r.secret, "need", need),
    ),
    ("weights", lambda r, need, sc: services.set_weights(r.store, r.code, r.secret, {"cost": 3.0})),
    (
        "vote settings",
        lambda r, need, sc: services.set_vote_settings(r.store, r.code, r.secret, budget=9, cap=4),
    ),
    (
        "network",
        lambda r, need, sc: services.set_network_edits(
            r.store, r.code, r.secret, sc, NetworkEdits(remove_flows=[_first_flow()])
        ),
    ),
    (
        "scenario",
        lambda r, need, sc: services.update_scenario(
            r.store,
            r.code,
            r.secret,
            sc,
            services.ScenarioDraft(
                duration_months=6,
                title="Autre",
                use_case=_case_of(r),
                model="data_cooperative",
                residents=5,
            ),
        ),
    ),
    (
        "delete scenario",
        lambda r, need, sc: services.delete_scenario(r.store, r.code, r.secret, sc),
    ),
    (
        "choose governance",
        lambda r, need, sc: services.choose_governance(
            r.store, r.code, r.secret, _case_of(r), "civic_data_trust"
        ),
    ),
    (
        "governance answers",
        lambda r, need, sc: (
            services.set_governance_answers(
                r.store, r.code, r.secret, _case_of(r), _two_governance_answers()
            )
            and None
        ),
    ),
    (
        "new use case",
        lambda r, need, sc: (
            services.create_use_case(
                r.store, r.code, r.secret, title="Autre cas", need=need, sources=[_source_of(r)]
            )
            and None
        ),
    ),
    (
        "select source",
        lambda r, need, sc: services.select_source(r.store, r.code, r.secret, _source_of(r), False),
    ),
    ("add need", lambda r, need, sc: r.need("Nouveau besoin") and None),
]


def _two_governance_answers() -> dict[str, str | None]:
    questions = access.decks().governance_questions[:2]  # type: ignore[union-attr]
    return {q.id: q.options[-1].id for q in questions}


def _first_flow() -> str:
    return access.decks().model("personal_cloud").network.flows[0].id  # type: ignore[union-attr]


def _case_of(room: Room) -> str:
    return services.use_cases(room.store, room.code).use_cases[0].id


def _source_of(room: Room) -> str:
    return services.inventory(room.store, room.code).sources[0].id


@pytest.mark.parametrize("name, action", UNDOABLE, ids=[n for n, _ in UNDOABLE])
@pytest.mark.storage
def test_undo_puts_the_workshop_back_as_it_was(store: Store, name: str, action: Action):
    room, _, scenario = _scenario_room(store)
    token = room.join("Alice")
    services.rate(store, room.code, token, scenario, "cost", 4)
    need = services.needs_board(store, room.code).needs[0].id
    before = services.backup_workshop(store, room.code).dump()
    state_before = services.room_state(store, room.code)
    action(room, need, scenario)
    assert services.backup_workshop(store, room.code).dump() != before or (
        services.room_state(store, room.code).timer_end != state_before.timer_end
    )
    services.undo(store, room.code, room.secret)
    assert services.backup_workshop(store, room.code).dump() == before
    assert services.room_state(store, room.code).timer_end == state_before.timer_end


@pytest.mark.storage
def test_repeated_undo_walks_back_and_then_says_there_is_nothing_left(store: Store):
    room = open_room(store)
    services.set_step(room.store, room.code, room.secret, "needs")
    services.set_step(room.store, room.code, room.secret, "use_cases")
    assert services.undo(room.store, room.code, room.secret) == "set_step"
    assert services.room_state(room.store, room.code).step == "needs"
    services.undo(room.store, room.code, room.secret)
    assert services.room_state(room.store, room.code).step == "inventory"
    assert not services.room_state(room.store, room.code).can_undo
    with pytest.raises(services.NotFound) as err:
        services.undo(room.store, room.code, room.secret)
    assert err.value.key == "undo.nothing"


def test_undo_of_an_added_need_is_refused_once_people_voted_for_it(room: Room):
    need = room.need()
    services.vote(room.store, room.code, room.join("Alice"), need)
    with pytest.raises(services.Conflict):
        services.undo(room.store, room.code, room.secret)


# --- version counter, audit log, reads ----------------------------------------------------------


@pytest.mark.storage
def test_every_write_bumps_the_version_once_and_is_audited(room: Room):
    start = room.version()
    token = room.join("Alice")
    need = room.need(token=token)
    services.vote(room.store, room.code, token, need)
    services.set_step(room.store, room.code, room.secret, "needs")
    assert room.version() == start + 4
    log = services.audit_log(room.store, room.code, room.secret)
    assert [e.action for e in log[:4]] == ["set_step", "vote", "propose_need", "join"]
    assert log[1].actor == services.whoami(room.store, room.code, token).id


@pytest.mark.storage
def test_a_refused_write_changes_nothing(room: Room):
    token = room.join("Alice")
    need = room.need()
    before = room.version()
    with pytest.raises(services.LimitExceeded):
        services.vote(room.store, room.code, token, need, delta=4)
    assert room.version() == before
    assert services.needs_board(room.store, room.code, token).remaining == 5


@pytest.mark.storage
def test_reading_the_version_is_a_single_select(store: Store, room: Room):
    statements: list[str] = []

    def record(conn, cursor, statement, *args):  # noqa: ANN001
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        services.version(store, room.code)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == [
        s for s in statements if "workshops" in s
    ]
    assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 1


@pytest.mark.storage
def test_deleting_a_workshop_erases_every_row_it_owns(store: Store):
    room, _, scenario = _scenario_room(store)
    other = open_room(store)
    token = room.join("Alice")
    services.rate(store, room.code, token, scenario, "cost", 4)
    room.at("needs")
    services.vote(store, room.code, token, services.needs_board(store, room.code).needs[0].id)
    services.delete_workshop(store, room.code, room.secret)
    with pytest.raises(services.NotFound):
        services.room_state(store, room.code)
    for table in t.metadata.sorted_tables:
        # workshop_creations: no workshop's rows (a minute of hashed addresses, for the limit)
        if table.name in ("schema_version", "use_case_sources", "workshop_creations"):
            continue
        column = table.c.id if table.name == "workshops" else table.c.workshop_id
        remaining = store.read(
            lambda c, tb=table, col=column: c.execute(
                select(func.count()).select_from(tb).where(col != _id_of(store, other.code))
            ).scalar_one()
        )
        assert remaining == 0, table.name
    orphan_links = store.read(
        lambda c: c.execute(select(func.count()).select_from(t.use_case_sources)).scalar_one()
    )
    assert orphan_links == 0
    assert services.room_state(store, other.code).title


def _id_of(store: Store, code: str) -> int:
    return store.read(
        lambda c: c.execute(select(t.workshops.c.id).where(t.workshops.c.code == code)).scalar_one()
    )


# --- import and export --------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SCENARIOS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.storage
def test_every_example_comes_back_identical_after_import_and_export(store: Store, path):
    original = load_workshop(path)
    created = services.import_workshop(store, original)
    assert services.export_workshop(store, created.code, created.secret).dump() == original.dump()


@pytest.mark.storage
def test_a_live_workshop_survives_export_and_reimport(store: Store):
    room, case, scenario = _scenario_room(store)
    token = room.join("Alice")
    services.rate(store, room.code, token, scenario, "cost", 4)
    room.at("needs")
    services.vote(store, room.code, token, services.needs_board(store, room.code).needs[0].id)
    services.set_weights(store, room.code, room.secret, {"cost": 1.5, "feasibility": 2.25})
    services.hide_contribution(store, room.code, room.secret, "source", _source_of(room))
    exported = services.export_workshop(store, room.code, room.secret)
    again = services.import_workshop(store, exported)
    assert services.export_workshop(store, again.code, again.secret).dump() == exported.dump()


@pytest.mark.storage
def test_an_import_with_dangling_references_writes_nothing(store: Store):
    data = load_workshop(sorted(SCENARIOS_DIR.glob("*.yaml"))[0]).dump()
    data["votes"] = [{"participant": "nobody", "need": "nothing", "dots": 1}]
    with pytest.raises(services.InvalidInput) as err:
        import_workshop_data(store, data, "upload.yaml")
    assert any("nobody" in p for p in err.value.problems)
    assert count_workshops(store) == 0


@pytest.mark.storage
def test_the_schema_can_be_created_again_without_harm(store: Store):
    again = Store(store.url)
    version = again.read(lambda c: c.execute(text("SELECT version FROM schema_version")).scalar())
    assert version == t.SCHEMA_VERSION
    again.dispose()


@pytest.mark.storage
def test_the_large_demo_workshop_has_the_promised_size_and_round_trips(store: Store):
    from selfdata.app.demo import SIZES, demo_workshop

    demo = demo_workshop(access.decks(), seed=7)  # type: ignore[arg-type]
    assert {k: len(getattr(demo, k)) for k in SIZES} == SIZES
    assert len(demo.ratings) == 40 * 20 * len(demo.criteria)
    assert demo_workshop(access.decks(), seed=7) == demo  # type: ignore[arg-type]
    created = services.import_workshop(store, demo)
    assert services.export_workshop(store, created.code, created.secret).dump() == demo.dump()
