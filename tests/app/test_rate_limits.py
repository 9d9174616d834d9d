"""Per-client rate limits on the tablets: typed codes, joins and taps. A refusal is a
translated message, writes nothing, and keeps what was typed."""

from __future__ import annotations

from typing import Any

from selfdata.app import services
from selfdata.domain.ratelimit import DEFAULT_RATES
from selfdata.store import Store
from selfdata.ui.throttle import limiter
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room

JOIN = "FormSubmitter:home_join_form-Rejoindre"
TOO_MANY = "Trop d’essais d’un coup"
CLIENT = "session:test session id"
"""How selfdata/ui/throttle.py names an AppTest client (no network address, one session id)."""


def test_guessing_codes_is_throttled_with_a_clear_message(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    home = run_page("home")
    home.text_input(key="home_code").input("ZZZZZZ")  # a typo: told, not throttled
    home.button(key=JOIN).click().run()
    assert any("Aucun atelier" in str(e.value) for e in [*home.error, *home.toast])
    for _ in range(DEFAULT_RATES["code"].burst):  # then a script scanning codes
        limiter().hit(CLIENT, "code")
    home.text_input(key="home_code").input(room.code)
    home.text_input(key="home_pseudonym").input("Loutre agile")
    home.button(key=JOIN).click().run()
    assert not home.exception
    assert any(TOO_MANY in str(e.value) for e in [*home.error, *home.toast])
    assert "token" not in home.query_params
    assert home.text_input(key="home_pseudonym").value == "Loutre agile", "the text stays"
    assert "Loutre agile" not in {
        p.pseudonym for p in services.participants(app_store, room.code).participants
    }


def test_a_flood_of_taps_from_one_tablet_is_refused_gently(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    room.at("needs")
    need = services.propose_need(
        app_store, room.code, room.token, draft=services.NeedDraft(title="Mon besoin")
    )
    home = run_page("home", code=room.code, token=room.token)
    for _ in range(DEFAULT_RATES["action"].burst):  # this client's taps, as a script would
        limiter().hit(CLIENT, "action")
    home.button(key=f"my_data_withdraw_need_{need}").click().run()
    assert not home.exception
    assert any(TOO_MANY in str(e.value) for e in [*home.error, *home.toast])
    assert services.my_data(app_store, room.code, room.token)["proposed_needs"] != []


PROPOSE = "FormSubmitter:needs_propose_form-Proposer"


def test_a_refused_need_keeps_what_was_typed_and_an_accepted_one_empties_the_form(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    services.set_step(app_store, room.code, room.secret, "needs")
    tablet = run_page("needs", code=room.code, token=room.token)
    services.set_locked(app_store, room.code, room.secret, True)  # locked meanwhile
    tablet.text_input(key="needs_new_title").input("Savoir quand passe le bus")
    tablet.text_area(key="needs_new_description").input("Long texte tapé avec soin")
    tablet.button(key=PROPOSE).click().run()
    assert not tablet.exception
    assert any("verrouillé" in str(e.value) for e in [*tablet.error, *tablet.toast])
    assert tablet.text_input(key="needs_new_title").value == "Savoir quand passe le bus"
    assert tablet.text_area(key="needs_new_description").value == "Long texte tapé avec soin"

    services.set_locked(app_store, room.code, room.secret, False)
    tablet.button(key=PROPOSE).click().run()
    assert not tablet.exception
    titles = [n.card.title.fr for n in services.needs_board(app_store, room.code).needs if n.card]
    assert "Savoir quand passe le bus" in titles
    assert tablet.text_input(key="needs_new_title").value == ""


def test_a_session_rerunning_flat_out_is_slowed(
    app_store: Store, run_page: PageRunner, monkeypatch
) -> None:
    import time

    from selfdata.ui import throttle
    from selfdata.ui.throttle import RERUN_PAUSE_S, RERUNS_PER_WINDOW

    monkeypatch.setattr(throttle, "clock", lambda: 1000.0)  # every run in the same instant
    home = run_page("home")  # one run
    took = []
    for _ in range(RERUNS_PER_WINDOW + 2):
        started = time.monotonic()
        home.run()
        took.append(time.monotonic() - started)
    assert not home.exception
    assert min(took[RERUNS_PER_WINDOW - 1 :]) >= RERUN_PAUSE_S, took  # held over the pace
    assert home.session_state["ui_recent_runs"], "the runs are counted per session"


def test_the_client_is_the_session_unless_the_address_is_asked_for(monkeypatch) -> None:
    from selfdata.ui.throttle import client_id

    monkeypatch.delenv("SELFDATA_RATE_LIMIT_BY", raising=False)
    assert client_id().startswith("session:")
    monkeypatch.setenv("SELFDATA_RATE_LIMIT_BY", "address")
    assert client_id().startswith("session:")  # no request here: no address to count


def test_codes_in_the_address_are_capped_with_a_lock_out_that_hides_even_a_right_code(
    app_store: Store, run_page: PageRunner
) -> None:
    """60 codes from one session in the address (the measured scan) are not only paced: past
    the cap of wrong codes, no code is looked up for this session any more, so the right
    one is not told apart from a wrong one; a participant proven by their token is let in."""
    room = open_room(app_store)
    cap = DEFAULT_RATES["wrong_code"].burst
    for i in range(cap):
        page = run_page("home", code=f"ZZZZ{i:02d}")
        assert any("Aucun atelier" in e.value for e in page.error), i
    page = run_page("home", code="ZZZZZZ")
    assert any("Trop de codes inconnus" in e.value for e in page.error)
    right = run_page("home", code=room.code)
    assert not right.exception
    assert any("Trop de codes inconnus" in e.value for e in right.error)
    assert not any(room.code in m.value for m in right.markdown), "the room is not shown"
    tablet = run_page("home", code=room.code, token=room.token)
    assert not any("Trop de codes inconnus" in e.value for e in tablet.error)


def test_typed_wrong_codes_lock_the_join_form_out_too(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    home = run_page("home")
    for _ in range(DEFAULT_RATES["wrong_code"].burst - 1):  # earlier wrong codes
        limiter().hit(CLIENT, "wrong_code")
    home.text_input(key="home_code").input("ZZZZ01")  # the last one the cap allows
    home.button(key=JOIN).click().run()
    assert any("Aucun atelier" in e.value for e in home.error)
    home.text_input(key="home_code").input("ZZZZ02")  # one too many: locked out
    home.button(key=JOIN).click().run()
    assert any("Trop de codes inconnus" in e.value for e in home.error)
    home.text_input(key="home_code").input(room.code)
    home.text_input(key="home_pseudonym").input("Loutre agile")
    home.button(key=JOIN).click().run()
    assert any("Trop de codes inconnus" in e.value for e in home.error)
    assert "token" not in home.query_params


def test_ten_sessions_over_the_pace_share_one_process_wide_allowance(monkeypatch) -> None:
    """Ten sessions rerunning flat out get :data:`OVER_PACE_RUNS_PER_S` over-pace runs a
    second between them, not four each: each over-pace run waits its turn (bounded)."""
    from selfdata.ui import throttle

    monkeypatch.setattr(throttle, "_next_turn", [0.0])
    waits = [throttle._turn_wait(0.0) for _ in range(10)]  # ten sessions' runs at once
    gap = 1.0 / throttle.OVER_PACE_RUNS_PER_S
    assert waits[0] < gap
    assert all(b - a >= gap * 0.9 for a, b in zip(waits, waits[1:], strict=False)), waits
    assert waits[-1] >= 9 * gap * 0.9
    many = [throttle._turn_wait(0.0) for _ in range(200)]
    assert max(many) <= throttle.MAX_QUEUE_S


def _steady_session(run_page: PageRunner, monkeypatch, step_s: float) -> tuple[Any, list[float]]:
    """The home page run by one session every ``step_s`` seconds (a frozen clock), with the
    shared queue full of ten flooding sessions' turns; the sleeps it is held, recorded."""
    import itertools
    import types

    from selfdata.ui import throttle

    ticks = itertools.count(start=1000.0, step=step_s)
    monkeypatch.setattr(throttle, "clock", lambda: next(ticks))
    pauses: list[float] = []
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(sleep=pauses.append))
    monkeypatch.setattr(throttle, "_next_turn", [throttle._monotonic() + throttle.MAX_QUEUE_S])
    return run_page("home"), pauses


def test_an_ordinary_tablet_over_the_pace_never_waits_behind_the_flooders_turns(
    app_store: Store, run_page: PageRunner, monkeypatch
) -> None:
    """Issue 29: with ten sessions flooding, an ordinary vote waited 5.07 s: its tablet had
    run its page 7 times in 10 s (a reload, a rating and its way back) and took a turn behind
    theirs. A person's burst over the pace is never held behind them."""
    from selfdata.ui import throttle

    home, pauses = _steady_session(run_page, monkeypatch, 1.4)  # 0.7 runs a second
    for _ in range(throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS - 1):  # + the first run
        home.run()
    assert not home.exception
    assert pauses == [], "behind the flooders' turns"


def test_a_session_running_steadily_below_the_burst_pace_waits_its_turn_too(
    app_store: Store, run_page: PageRunner, monkeypatch
) -> None:
    """A loaded server may never let a script reach 4 runs a second: ten sessions at 0.7 runs
    a second each took the CPU all the same. Over the pace again and again (past 6 runs in
    10 s, 8 times in a minute), a session is flooding and waits its turn."""
    from selfdata.ui import throttle

    home, pauses = _steady_session(run_page, monkeypatch, 1.4)
    for _ in range(throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS - 1):  # + the first run
        home.run()
    assert pauses == [], "a person's pace is never held"
    # the queue full again now (the runs above take seconds on a busy machine)
    monkeypatch.setattr(throttle, "_next_turn", [throttle._monotonic() + throttle.MAX_QUEUE_S])
    home.run()
    home.run()
    assert not home.exception
    assert len(pauses) >= 1 and max(pauses) > 1.0, "a steady script is"


def test_the_app_s_own_redraws_are_not_held_by_the_pace(
    app_store: Store, run_page: PageRunner, monkeypatch
) -> None:
    """A projector reruns its page at every vote (live updates): those runs are the app's,
    not the client's, and are never held nor counted."""
    import types

    from selfdata.ui import throttle

    monkeypatch.setattr(throttle, "clock", lambda: 1000.0)  # every run in the same instant
    pauses: list[float] = []
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(sleep=pauses.append))
    home = run_page("home")
    for _ in range(throttle.RERUNS_PER_WINDOW * 3):
        home.session_state[throttle.SERVER_RERUN_KEY] = True  # what server_rerun() sets
        home.run()
    assert not home.exception
    assert pauses == []
    for _ in range(throttle.RERUNS_PER_WINDOW - 1):  # with the first run: the burst pace
        home.run()
    assert pauses == [], "only the client's own runs count"
    home.run()
    assert len(pauses) == 1
