"""When the push reruns a screen's live fragment (selfdata/ui/push.py, ``due``): the same
rules as the fragment's own check — the projector and the facilitator on every change (at
most every ``SCREEN_REFRESH_SECONDS``), a
tablet at once for a step, lock, timer or reveal and for other people's dots at most every
``PARTICIPANT_REFRESH_SECONDS``, everyone when a running timer ends."""

from __future__ import annotations

from selfdata.app.views import RoomPulse
from selfdata.ui.live import PARTICIPANT_REFRESH_SECONDS, SCREEN_REFRESH_SECONDS
from selfdata.ui.push import Pusher, Screen, due, room_key

NOW = 1_000_000.0


def pulse(
    version: int = 5,
    step: str = "needs",
    *,
    locked: bool = False,
    timer_end: float | None = None,
    revealed: tuple[str, ...] = (),
    settings_version: int = 0,
) -> RoomPulse:
    return RoomPulse(
        version=version,
        step=step,
        locked=locked,
        timer_end=timer_end,
        revealed=revealed,
        settings_version=settings_version,
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
