"""The pace of page runs (:func:`selfdata.ui.throttle.pace`), as a rule on timestamps: a
person's burst over the pace is never sent to the flooders' shared turns (issue 29); a
session over the pace again and again without a pause is, and stays there while it keeps
asking back to back."""

from __future__ import annotations

import asyncio
import time

import pytest
from streamlit.proto.ClientState_pb2 import ClientState

from selfdata.ui import throttle

RUN_S = 0.1
"""A run's own work, after its hold: the next run of a script starts this long after."""


def _play(starts: list[float], turn_s: float = 0.0) -> list[tuple[float, bool]]:
    """The decisions for runs starting at ``starts`` (a flooding run held ``turn_s`` more,
    as if the shared queue were that long)."""
    runs: list[float] = []
    over: list[float] = []
    resumed = -throttle.PAUSE_S
    decisions = []
    for start in starts:
        held, flooding = throttle.pace(runs, over, start, resumed)
        resumed = start + held + (turn_s if flooding else 0.0)
        decisions.append((held, flooding))
    return decisions


def _back_to_back(n: int, turn_s: float = 0.0) -> list[tuple[float, bool]]:
    """A script asking for its next run as soon as the last one ended."""
    runs: list[float] = []
    over: list[float] = []
    resumed, now, decisions = -throttle.PAUSE_S, 0.0, []
    for _ in range(n):
        held, flooding = throttle.pace(runs, over, now, resumed)
        resumed = now + held + (turn_s if flooding else 0.0)
        now = resumed + RUN_S
        decisions.append((held, flooding))
    return decisions


def test_a_person_s_busy_ten_seconds_are_never_a_turn_behind_the_flooders() -> None:
    # a reload, a rating and its way back, dots: 11 runs in 9 s (5 over the pace), a read of
    # 11 s, again, again
    spell = [0.0, 0.3, 0.6, 0.9, 1.5, 1.8, 2.1, 4.0, 5.5, 7.0, 9.0]
    times = [t0 + t for t0 in (0.0, 20.0, 40.0) for t in spell]
    assert all(not flooding for _held, flooding in _play(times))


@pytest.mark.parametrize("turn_s", [0.0, 1.0, throttle.MAX_QUEUE_S])
def test_a_script_asking_back_to_back_is_flooding_after_a_few_runs_and_stays_so(
    turn_s: float,
) -> None:
    """Held 5 s per run by a full queue, it still asks again at once: still flooding (each
    of its runs counts), so it never gets its free runs back while it keeps asking."""
    decisions = _back_to_back(throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS + 30, turn_s)
    first = next(i for i, (_held, flooding) in enumerate(decisions) if flooding)
    assert first <= throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS + 2
    assert all(flooding for _held, flooding in decisions[first:])


def test_the_burst_pause_is_the_session_s_own_beyond_four_runs_a_second() -> None:
    decisions = _play([i * 0.1 for i in range(throttle.RERUNS_PER_WINDOW + 2)])
    held = [h for h, _f in decisions]
    assert held[: throttle.RERUNS_PER_WINDOW] == [0.0] * throttle.RERUNS_PER_WINDOW
    assert held[throttle.RERUNS_PER_WINDOW :] == [throttle.RERUN_PAUSE_S] * 2


def test_a_pause_clears_the_count_a_flooder_that_stops_runs_freely_again() -> None:
    decisions = _back_to_back(throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS + 5)
    assert decisions[-1][1]
    runs: list[float] = []
    over: list[float] = [float(i) for i in range(throttle.FLOODING_RUNS)]
    last = float(throttle.FLOODING_RUNS)
    assert throttle.pace(runs, over, last + throttle.PAUSE_S, last) == (0.0, False)
    assert over == []


def test_bare_requests_in_a_row_are_flooding_a_few_are_nothing() -> None:
    """A bare rerun (nothing changed: no tap, no value, the same page) counts only in a row:
    :data:`BARE_FLOODING_RUNS` of them with no pause are flooding (issue 29: ten sessions
    rerunning flat out ran 10–12 pages each before the count of runs called them so)."""
    runs: list[float] = []
    over: list[float] = []
    for bare in range(throttle.BARE_FLOODING_RUNS):
        assert throttle.pace(runs, over, bare * 2.0, bare * 2.0 - 2.0, bare=bare) == (0.0, False)
    assert over == [], "a few bare reruns are not over the pace"
    assert throttle.pace(runs, over, 9.0, 7.0, bare=throttle.BARE_FLOODING_RUNS)[1]


# -- the request gate (selfdata/ui/flood_gate.py): who is a script, from its requests -----

Request = tuple[float, str, object]
"""(seconds, page, what the request carries: "tap", a value, or None for nothing new)."""


def _request(page: str, carries: object) -> ClientState:
    state = ClientState(page_name=page, page_script_hash=f"hash-{page}", query_string="code=X")
    widget = state.widget_states.widgets.add(id="w")
    if carries == "tap":
        widget.trigger_value = True
    elif carries is not None:
        widget.string_value = str(carries)
    return state


def _gate_decisions(requests: list[Request], monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each request waited for a flooders' turn at the gate (the queue full). A
    request carrying nothing new sends the widgets' last values again, as a browser does."""
    from selfdata.ui import flood_gate

    turns: list[float] = []

    def full_queue(after: float, now: float | None = None) -> float:
        turns.append(after)
        return throttle.MAX_QUEUE_S

    monkeypatch.setattr(throttle, "turn_wait", full_queue)
    gate = flood_gate.Gate()
    value: object = None
    decisions = []
    for at, page, carries in requests:
        if carries not in (None, "tap"):
            value = carries
        sent = _request(page, "tap" if carries == "tap" else value)
        before = len(turns)
        flood_gate.delay(gate, at, flood_gate.asked(sent))
        decisions.append(len(turns) > before)
    return decisions


def _spell(t0: float) -> list[Request]:
    """A busy participant: the scenarios page and a rating form of five criteria (a value
    each), back to the needs page, two dots, Streamlit's "Rerun" twice: 11 runs in 8 s."""
    return [
        (t0, "scenarios", None),
        *[(t0 + 1.0 + 0.4 * i, "scenarios", f"rating-{t0}-{i}") for i in range(5)],
        (t0 + 3.5, "needs", None),
        *[(t0 + 4.5 + 0.3 * i, "needs", "tap") for i in range(2)],
        (t0 + 6.5, "needs", None),
        (t0 + 8.0, "needs", None),
    ]


PERSONS = {
    "a busy participant, three times with a read in between": [
        r for t0 in (0.0, 20.0, 40.0) for r in _spell(t0)
    ],
    "a tablet of the load harness: a rating back to back (go, rate, come back), reloads": [
        r
        for t0 in (0.0, 6.0, 12.0, 24.0)
        for r in (
            (t0, "scenarios", None),
            (t0 + 0.05, "scenarios", f"rating-{t0}"),
            (t0 + 0.1, "needs", None),
            (t0 + 1.0, "needs", None),
            (t0 + 2.0, "needs", None),
        )
    ],
    "a few taps in a row on one button, then again after a read": [
        (t0 + 0.2 * i, "needs", "tap") for t0 in (0.0, 5.0, 10.0, 15.0) for i in range(4)
    ],
    "Streamlit's Rerun pressed three times, then a dot, again and again": [
        (2.0 * i, "needs", "tap" if i % 4 == 3 else None) for i in range(20)
    ],
}


@pytest.mark.parametrize("requests", PERSONS.values(), ids=PERSONS.keys())
def test_a_person_s_requests_never_wait_for_the_flooders_turns(
    requests: list[Request], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not any(_gate_decisions(requests, monkeypatch))


SCRIPTS = {
    "the same page again and again, back to back": (
        [(0.05 * i, "needs", None) for i in range(30)],
        throttle.BARE_FLOODING_RUNS + 1,
    ),
    "the same page again and again, one a second": (
        [(1.0 * i, "needs", None) for i in range(30)],
        throttle.BARE_FLOODING_RUNS + 1,
    ),
    "a tap on one button each time, back to back": (
        [(0.05 * i, "needs", "tap") for i in range(30)],
        throttle.SUSTAINED_RUNS + throttle.FLOODING_RUNS + 2,
    ),
}


@pytest.mark.parametrize("case", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_script_waits_for_the_flooders_turns_within_a_few_requests_and_stays_there(
    case: tuple[list[Request], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    requests, within = case
    decisions = _gate_decisions(requests, monkeypatch)
    first = decisions.index(True)
    assert first < within
    assert all(decisions[first:])


class _Session:
    """What the gate reads of Streamlit's ``AppSession``: its id (weak references work)."""

    def __init__(self) -> None:
        self.id = "session-under-test"


def test_the_gate_keeps_a_flooding_session_s_request_and_lets_timed_refreshes_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A flooding session's request waits at the gate (a timer on the event loop, no script)
    and runs at its turn with the requests that arrived meanwhile, in order; a timed
    fragment's refresh (``is_auto_rerun``: the page's own clock) is never held."""
    from selfdata.ui import flood_gate

    monkeypatch.setattr(throttle, "turn_wait", lambda after, now=None: 0.2)
    ran: list[tuple[float, str]] = []
    session = _Session()

    def original(_session: object, state: ClientState) -> None:
        ran.append((time.monotonic(), state.page_name))

    async def play() -> float:
        for _ in range(throttle.BARE_FLOODING_RUNS + 1):  # the page load, then bare reruns
            flood_gate._request(session, _request("needs", None), original)  # type: ignore[arg-type]
        held = len(ran)
        kept_at = time.monotonic()
        flood_gate._request(session, _request("needs", None), original)  # type: ignore[arg-type]
        flood_gate._request(session, _request("scenarios", "tap"), original)  # type: ignore[arg-type]
        timer = _request("needs", None)
        timer.is_auto_rerun = True
        flood_gate._request(session, timer, original)  # type: ignore[arg-type]
        assert len(ran) == held + 1 and ran[-1][1] == "needs", "the refresh ran at once"
        await asyncio.sleep(throttle.RERUN_PAUSE_S + 0.5)  # its burst pause and its turn
        return kept_at

    kept_at = asyncio.run(play())
    assert [page for _at, page in ran[-3:]] == ["needs", "needs", "scenarios"], "in order"
    assert ran[-2][0] - kept_at >= 0.15
    assert throttle.GATED.get(session.id) is session, "its runs are not paced twice"


def test_the_gate_holds_only_the_browser_s_requests_not_the_app_s_own_reruns() -> None:
    """The live updates push a redraw through ``AppSession.request_rerun`` (and ``st.rerun``
    stays inside the script runner): only the handler of a browser's ``rerun_script`` is
    gated."""
    from streamlit.runtime.app_session import AppSession

    from selfdata.ui import flood_gate

    assert getattr(AppSession._handle_rerun_script_request, flood_gate._MARK, False)
    assert not getattr(AppSession.request_rerun, flood_gate._MARK, False)


def test_a_kept_fragment_request_runs_as_its_whole_page_and_one_let_through_stays_a_fragment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A request kept at the gate may be released after the server redrew the page by itself
    (a push): a fragment's run would then draw where the browser has nothing (CI,
    2026-12-07: "Bad delta path index", a blank tablet). Kept, it runs as its page's run
    with the same widget states; a request let through at once keeps its fragment."""
    from selfdata.ui import flood_gate

    monkeypatch.setattr(throttle, "turn_wait", lambda after, now=None: 0.2)
    ran: list[ClientState] = []
    session = _Session()

    def fragment_tap(value: str) -> ClientState:
        state = _request("needs", value)
        state.fragment_id = "vote-board"
        return state

    async def play() -> None:
        flood_gate._request(session, fragment_tap("a"), lambda _s, st: ran.append(st))  # type: ignore[arg-type]
        for value in "bcdefgh":  # a burst: past the pace, the requests are kept
            flood_gate._request(session, fragment_tap(value), lambda _s, st: ran.append(st))  # type: ignore[arg-type]
        await asyncio.sleep(throttle.RERUN_PAUSE_S + 0.5)

    asyncio.run(play())
    assert ran[0].fragment_id == "vote-board", "let through at once: still the fragment's"
    kept = [state for state in ran if not state.fragment_id]
    assert kept, "nothing was kept: the burst did not reach the gate's pace"
    assert all(state.fragment_id == "" for state in ran[len(ran) - len(kept) :])
    assert [s.widget_states.widgets[0].string_value for s in ran] == list("abcdefgh"), (
        "every tap kept, in order, with its widgets"
    )
