"""Server CPU per interaction in a room (issue 25): what one join, one vote and one rating
cost the server *all in* — the actor's own reruns, the redraws the server pushes to the
projector and to the other tablets because of it — read as the server process's CPU time
before and after a batch of interactions. CPU time is what a busy neighbour disturbs least:
wall-clock latencies on a shared machine measure the neighbours as much as the app.

    .venv/bin/python -m bench.cpu_cost 40            # 40 tablets + projector, printed
    .venv/bin/python -m bench.cpu_cost 100 --votes 120 --rate 6

The room: the La Rochelle example on the needs step (``bench/workshop_load.py``), a
projector following its pushes and polling its timer, N tablets joined one after the other
(the CPU of the joins ÷ N is **per join**), each then idle — taking the runs the server
pushes and polling its safety timer as a browser does. The idle room's CPU rate is measured
for a few seconds and subtracted. Then ``votes`` votes by random tablets, ``rate`` a second,
followed by the settling time of the fan-out (a tablet redraws for others' dots at most every
``PARTICIPANT_REFRESH_SECONDS``: those redraws are part of a vote's cost); the CPU of that
phase ÷ votes is **per vote**. The same for ratings from the needs page (go to the
scenarios page, rate one criterion, come back — ``WorkshopScenario.rate``:
``rating_trip_ms``), then for the rating phase (**per rating**, ``rating_ms``): the room
moved on to the scenarios step (the tablets are pushed there), results not yet revealed,
``votes`` ratings made in place (``WorkshopScenario.rate_here``) at half the vote rate.
``BENCH_APP_ROOT`` measures another checkout. ``os.getloadavg()`` is reported with each
figure: how busy the machine was.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from bench.protocol import ProtocolError, StreamlitSession
from bench.workshop_load import WorkshopScenario
from selfdata.ui.live import PARTICIPANT_REFRESH_SECONDS

IDLE_S = 4.0
SETTLE_S = PARTICIPANT_REFRESH_SECONDS + 2.0
HARD_LIMIT_S = 480.0  # a room that hangs fails instead of holding `make bench`


@dataclass
class CpuCost:
    tablets: int
    join_ms: float
    vote_ms: float
    rating_ms: float  # the rating phase: tablets on the scenarios page, rating in place
    rating_trip_ms: float  # from the needs page: go to the scenarios page, rate, come back
    idle_pct: float  # the idle room's server CPU, % of one core
    votes: int
    ratings: int
    pushes: int  # runs the server pushed to tablets and projector during the vote/rate phases
    loadavg: tuple[float, float, float]  # os.getloadavg() at the end
    errors: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


STAGE = {"now": "starting"}


def _say(text: str) -> None:
    STAGE["now"] = text
    print(f"cpu_cost {time.strftime('%H:%M:%S')}: {text}", file=sys.stderr, flush=True)


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return float(t.user + t.system)


class Tablet:
    """One simulated tablet: takes pushes, polls its timer, runs the actions it is given."""

    def __init__(self, url: str, query: str, page: str) -> None:
        self.session = StreamlitSession(url, query_string=query, page_name=page)
        self.actions: asyncio.Queue[str] = asyncio.Queue()
        self.done = 0
        self.errors = 0
        self.problems: list[str] = []

    def problem(self, what: str) -> None:
        self.errors += 1
        if len(self.problems) < 3:
            self.problems.append(what[:300])

    async def join(self) -> None:
        await self.session.connect()
        await self.session.rerun()

    async def live(self, scenario: WorkshopScenario, rng: random.Random, end: float) -> None:
        s = self.session
        interval = min(s.auto_reruns.values(), default=0.0)
        next_poll = time.perf_counter() + (interval or 1e9)
        while time.perf_counter() < end:
            try:
                if not self.actions.empty():
                    await self._do(self.actions.get_nowait(), scenario, rng)
                    next_poll = time.perf_counter() + (interval or 1e9)
                    continue
                wait = min(next_poll, end) - time.perf_counter()
                if wait > 0:  # always a real wait: this task never spins without yielding
                    await s.next_push(min(0.25, wait))
                    continue
                if s.auto_reruns:  # the browser's timer
                    await s.rerun_fragment(next(iter(s.auto_reruns)))
                interval = min(s.auto_reruns.values(), default=0.0)
                next_poll = time.perf_counter() + (interval or 1.0)
            except (ProtocolError, TimeoutError, OSError) as exc:
                self.problem(f"{type(exc).__name__}: {exc}")
                await asyncio.sleep(0.5)

    async def _do(self, action: str, scenario: WorkshopScenario, rng: random.Random) -> None:
        s = self.session
        if action == "rate_here":
            result = await scenario.rate_here(s, rng)
            if result is None:  # the step's redraw still arriving: a person waits for it
                await s.next_push(5.0)
                result = await scenario.rate_here(s, rng)
        elif action == "vote":
            keys = [k for k, _ in s.widget_keys() if k.startswith("needs_vote_")]
            if not keys:  # a pushed redraw still arriving: a person waits for the page
                await s.next_push(5.0)
                keys = [k for k, _ in s.widget_keys() if k.startswith("needs_vote_")]
            if not keys:
                self.problem(
                    f"no vote button on the page ({s.page_name}, {len(s.texts())} texts, "
                    f"widgets {[k for k, _ in s.widget_keys()][:6]})"
                )
                return
            result = await s.click(rng.choice(keys))
        else:

            async def timed(_kind: str, call: Any) -> tuple[bool, float]:
                r = await call()
                return bool(r.ok), time.perf_counter()

            await scenario.rate(s, rng, timed)
            result = s.last
        if result is None or not result.ok:
            self.problem(f"{action}: {result.exceptions if result else 'no run'}")
        self.done += 1


async def _phase(
    proc: psutil.Process,
    tablets: list[Tablet],
    action: str,
    count: int,
    rate: float,
    idle_rate: float,
    rng: random.Random,
) -> float:
    """Server CPU-ms per ``action`` over ``count`` of them at ``rate`` a second, settling
    included, the idle room's CPU subtracted."""
    c0, t0 = _cpu(proc), time.perf_counter()
    for i in range(count):
        STAGE["now"] = f"{action} {i} queued"
        rng.choice(tablets).actions.put_nowait(action)
        await asyncio.sleep(max(0.0, t0 + (i + 1) / rate - time.perf_counter()))
    for _ in range(600):  # every queued action done
        if all(t.actions.empty() for t in tablets):
            break
        await asyncio.sleep(0.1)
    _say(f"{count} {action}s done in {time.perf_counter() - t0:.0f} s; settling")
    await asyncio.sleep(SETTLE_S)
    spent = _cpu(proc) - c0 - idle_rate * (time.perf_counter() - t0)
    return max(0.0, spent) / count * 1000


async def _room(
    scenario: WorkshopScenario,
    url: str,
    proc: psutil.Process,
    n: int,
    votes: int,
    ratings: int,
    rate: float,
    seed: int,
) -> CpuCost:
    rng = random.Random(seed)
    await scenario.warm_up(url)
    query, page = scenario.projector_entry()
    projector = Tablet(url, query, page)
    await projector.join()
    _say("projector on; tablets joining")
    tablets = [Tablet(url, *scenario.participant_entry(i)) for i in range(n)]
    end = time.perf_counter() + 3600
    lives = [asyncio.create_task(projector.live(scenario, rng, end))]
    await asyncio.sleep(1.0)
    c0 = _cpu(proc)
    for i, tab in enumerate(tablets):  # one after the other: the CPU of a join, not a crowd
        STAGE["now"] = f"joining tablet {i}"
        await tab.join()
        lives.append(asyncio.create_task(tab.live(scenario, random.Random(rng.random()), end)))
    join_ms = (_cpu(proc) - c0) / n * 1000
    _say(f"{n} joined: {join_ms:.1f} ms CPU each")
    await asyncio.sleep(SETTLE_S)
    c0, t0 = _cpu(proc), time.perf_counter()
    await asyncio.sleep(IDLE_S)
    idle_rate = (_cpu(proc) - c0) / (time.perf_counter() - t0)
    pushes0 = sum(t.session.pushed for t in (projector, *tablets))
    _say(f"idle room: {idle_rate * 100:.1f} % of a core")
    vote_ms = await _phase(proc, tablets, "vote", votes, rate, idle_rate, rng)
    _say(f"votes: {vote_ms:.1f} ms CPU each")
    trip_ms = await _phase(proc, tablets, "rate", ratings, rate / 2, idle_rate, rng)
    _say(f"ratings from the needs page: {trip_ms:.1f} ms CPU each")
    rating_ms, _ = await _rating_phase(scenario, proc, tablets, votes, rate, rng)
    pushes = sum(t.session.pushed for t in (projector, *tablets)) - pushes0
    for tab in (projector, *tablets):
        for what in tab.problems:
            _say(f"error: {what}")
    for task in lives:
        task.cancel()
    STAGE["now"] = "closing the sessions"
    for tab in (projector, *tablets):
        with contextlib.suppress(Exception):
            await asyncio.wait_for(tab.session.close(), 5)
    return CpuCost(
        tablets=n,
        join_ms=round(join_ms, 1),
        vote_ms=round(vote_ms, 1),
        rating_ms=round(rating_ms, 1),
        rating_trip_ms=round(trip_ms, 1),
        idle_pct=round(idle_rate * 100, 1),
        votes=votes,
        ratings=ratings,
        pushes=pushes,
        loadavg=tuple(round(x, 2) for x in os.getloadavg()),  # type: ignore[arg-type]
        errors=sum(t.errors for t in (projector, *tablets)),
    )


async def _rating_phase(
    scenario: WorkshopScenario,
    proc: psutil.Process,
    tablets: list[Tablet],
    ratings: int,
    rate: float,
    rng: random.Random,
) -> tuple[float, float]:
    """The room on the scenarios step, every tablet on its page (pushed there), the results
    not yet revealed: CPU-ms per rating made in place, all in; and the idle room's rate."""
    scenario.to_rating_step()
    for _ in range(600):  # the step's redraw pushed to every tablet
        if all(t.session.page_name == "scenarios" for t in tablets):
            break
        await asyncio.sleep(0.1)
    away = sum(t.session.page_name != "scenarios" for t in tablets)
    _say(f"rating step: {len(tablets) - away} tablets on the scenarios page")
    await asyncio.sleep(SETTLE_S)
    c0, t0 = _cpu(proc), time.perf_counter()
    await asyncio.sleep(2 * IDLE_S)  # a rating is cheap: the idle room's share must be exact
    idle_rate = (_cpu(proc) - c0) / (time.perf_counter() - t0)
    _say(f"idle room on the scenarios step: {idle_rate * 100:.1f} % of a core")
    rating_ms = await _phase(proc, tablets, "rate_here", ratings, rate / 2, idle_rate, rng)
    _say(f"ratings in place: {rating_ms:.1f} ms CPU each")
    return rating_ms, idle_rate


async def _bounded(room: Any) -> CpuCost:
    async def watchdog() -> None:
        while True:
            await asyncio.sleep(30)
            print(f"cpu_cost: still at: {STAGE['now']}", file=sys.stderr, flush=True)

    dog = asyncio.create_task(watchdog())
    try:
        result: CpuCost = await asyncio.wait_for(room, HARD_LIMIT_S)
        return result
    finally:
        dog.cancel()


def measure(
    tablets: int, *, votes: int = 60, ratings: int = 30, rate: float = 6.0, seed: int = 1
) -> CpuCost:
    """One room on a fresh server: server CPU-ms per join, vote and rating, all in."""
    scenario = WorkshopScenario()
    with tempfile.TemporaryDirectory(prefix="selfdata-cpu-") as tmp:
        scenario.prepare(Path(tmp), tablets)
        server = scenario.server({}, Path(tmp)).start()
        try:
            proc = psutil.Process(server.proc.pid)
            room = _room(scenario, server.url, proc, tablets, votes, ratings, rate, seed)
            return asyncio.run(_bounded(room))
        finally:
            server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tablets", type=int, nargs="?", default=40)
    ap.add_argument("--votes", type=int, default=60)
    ap.add_argument("--ratings", type=int, default=30)
    ap.add_argument("--rate", type=float, default=6.0, help="votes a second (ratings: half)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    cost = measure(a.tablets, votes=a.votes, ratings=a.ratings, rate=a.rate, seed=a.seed)
    print(json.dumps(cost.as_dict()))


if __name__ == "__main__":
    main()
