"""When the push reruns a screen's live fragment (selfdata/ui/push.py, ``due``): the same
rules as the fragment's own check — the projector and the facilitator on every change (at
most every ``SCREEN_REFRESH_SECONDS``), a
tablet at once for a step, lock, timer or reveal and for other people's contributions at
most every ``PARTICIPANT_REFRESH_SECONDS`` (never for their dots where it does not show them:
``content_key``), everyone when a running timer ends."""

from __future__ import annotations

from selfdata.app.read_models import RoomPulse
from selfdata.ui.live import PARTICIPANT_REFRESH_SECONDS, SCREEN_REFRESH_SECONDS
from selfdata.ui.push import Pusher, Screen, content_key, due, room_key

NOW = 1_000_000.0


def pulse(
    version: int = 5,
    step: str = "needs",
    *,
    locked: bool = False,
    timer_end: float | None = None,
    revealed: tuple[str, ...] = (),
    settings_version: int = 0,
    ranking_version: int = 3,
    needs: int = 8,
    shared_version: int = 3,
) -> RoomPulse:
    return RoomPulse(
        version=version,
        step=step,
        locked=locked,
        timer_end=timer_end,
        revealed=revealed,
        settings_version=settings_version,
        ranking_version=ranking_version,
        needs=needs,
        shared_version=shared_version,
    )


def screen(
    *, tablet: bool, drawn_at: float = NOW - 2, timer_end: float | None = None, locked: bool = False
) -> Screen:
    return Screen(
        session_id="s",
        fragment_id="f",
        query_string="code=X",
        page_script_hash="h",
        code="X",
        version=5,
        step="needs",
        room_key=("needs", locked, timer_end, (), 0),
        drawn_at=drawn_at,
        timer_end=timer_end,
        locked=locked,
        follow_step=tablet,
        tablet=tablet,
        refresh_s=PARTICIPANT_REFRESH_SECONDS if tablet else SCREEN_REFRESH_SECONDS,
    )


def test_nothing_moved_nothing_is_pushed() -> None:
    assert due(screen(tablet=False), pulse(), NOW) is None
    assert due(screen(tablet=True), pulse(), NOW) is None


def test_the_projector_is_pushed_every_change_at_most_once_a_second() -> None:
    assert due(screen(tablet=False), pulse(6), NOW) == ("version", 6)
    assert due(screen(tablet=False), pulse(7), NOW) == ("version", 7)
    just_drawn = screen(tablet=False, drawn_at=NOW - SCREEN_REFRESH_SECONDS / 2)
    assert due(just_drawn, pulse(6), NOW) is None
    assert due(just_drawn, pulse(6), NOW + SCREEN_REFRESH_SECONDS) == ("version", 6)


def test_a_tablet_waits_for_other_peoples_dots_but_not_for_the_facilitator() -> None:
    tab = screen(tablet=True)
    assert due(tab, pulse(6), NOW) is None
    late = screen(tablet=True, drawn_at=NOW - PARTICIPANT_REFRESH_SECONDS)
    assert due(late, pulse(6), NOW) == ("version", 6)
    assert due(tab, pulse(6, "scenarios"), NOW) == ("step", 6)
    assert due(tab, pulse(6, locked=True), NOW) == ("version", 6)
    assert due(tab, pulse(6, timer_end=NOW + 60), NOW) == ("version", 6)
    assert due(tab, pulse(6, revealed=("ranking",)), NOW) == ("version", 6)


def test_a_tablet_keys_its_redraws_on_the_same_room_key_as_its_fragment() -> None:
    drawn = pulse()
    tablet = screen(tablet=True)
    tablet.room_key = room_key(drawn)
    assert due(tablet, pulse(6), NOW) is None  # someone else's dot: not at once
    assert due(tablet, pulse(6, settings_version=1), NOW) == ("version", 6)  # budget, cap...


def test_a_running_timer_that_ends_is_pushed_once_to_everyone() -> None:
    for tablet in (True, False):
        running = screen(tablet=tablet, timer_end=NOW + 5)
        assert due(running, pulse(timer_end=NOW + 5), NOW) is None
        assert due(running, pulse(timer_end=NOW + 5), NOW + 5) == ("timer", NOW + 5)
        ended = screen(tablet=tablet, timer_end=NOW - 5, locked=True)
        assert due(ended, pulse(locked=True, timer_end=NOW - 5), NOW) is None


def test_forgetting_a_stale_fragment_keeps_the_sessions_newer_registration() -> None:
    pusher = Pusher()
    old, new = screen(tablet=True), screen(tablet=True)
    new.fragment_id = "another page's fragment"
    pusher._screens["s"] = new  # the session registered another page since
    pusher.forget("s", old)
    assert pusher.watching() == {"s": new}
    pusher.forget("s", new)
    assert pusher.watching() == {}


def test_a_tablet_that_does_not_show_the_rooms_dots_is_never_redrawn_for_them() -> None:
    """Issue 25: the needs page before the reveal registers what it shows of the others
    (``content_key``); other people's dots move neither part of it."""
    drawn = pulse()
    tab = screen(tablet=True, drawn_at=NOW - 3600)  # drawn long ago: no refresh delay left
    tab.room_key, tab.content = room_key(drawn), content_key(drawn)
    for version in (6, 60, 600):  # dots, dots, dots
        assert due(tab, pulse(version), NOW) is None
    for version in (6, 60, 600):  # ratings, weights, objections: the ranking moves, not this
        assert due(tab, pulse(version, ranking_version=version), NOW) is None
    # anything else the page shows still reaches it: a need proposed, hidden, a join...
    assert due(tab, pulse(7, needs=9), NOW) == ("version", 7)
    assert due(tab, pulse(7, ranking_version=4, shared_version=4), NOW) == ("version", 7)
    # ... at most every PARTICIPANT_REFRESH_SECONDS after it drew
    recent = screen(tablet=True)
    recent.room_key, recent.content = room_key(drawn), content_key(drawn)
    assert due(recent, pulse(7, needs=9), NOW) is None
    # and a step, lock, timer, reveal or setting at once
    assert due(recent, pulse(7, "scenarios"), NOW) == ("step", 7)
    assert due(recent, pulse(7, locked=True), NOW) == ("version", 7)
    assert due(recent, pulse(7, timer_end=NOW + 60), NOW) == ("version", 7)
    assert due(recent, pulse(7, revealed=("needs",)), NOW) == ("version", 7)
    assert due(recent, pulse(7, settings_version=1), NOW) == ("version", 7)


def test_the_pulse_tells_a_dot_from_every_other_contribution(store) -> None:  # type: ignore[no-untyped-def]
    from selfdata.app import services

    created = services.create_workshop(store, example="la_rochelle")
    code, secret = created.code, created.secret
    services.set_step(store, code, secret, "needs")
    services.set_locked(store, code, secret, False)
    token = services.join(store, code, "Une").token
    other = services.join(store, code, "Autre").token
    before = services.room_pulse(store, code)
    need = services.needs_board(store, code, token).needs[0].id
    services.vote(store, code, other, need, 1)
    voted = services.room_pulse(store, code)
    assert voted.version > before.version
    assert content_key(voted) == content_key(before)  # a dot: nothing a tablet shows
    deck = [c.id for c in services.room_deck(store, code, "needs")]
    on_board = {n.id for n in services.needs_board(store, code, token).needs}
    services.propose_need(store, code, other, card_id=next(c for c in deck if c not in on_board))
    proposed = services.room_pulse(store, code)
    assert proposed.needs == voted.needs + 1
    services.hide_contribution(store, code, secret, "need", need, True)
    hidden = services.room_pulse(store, code)
    assert hidden.ranking_version > proposed.ranking_version
    assert content_key(hidden) != content_key(proposed)
