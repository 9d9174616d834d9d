"""A big room (issue 17): 1, 40 and 100 tablets, and 3 rooms × 30 tablets on one server,
played one after the other in this run on fresh servers, each with a projector and a real
Chromium tablet (bench/browser_tablet.py) among the simulated ones.

    .venv/bin/python -m bench.run bigroom     # this section of BENCHMARKS.md only
    .venv/bin/python -m bench.bigroom         # print the rows

``BENCH_BIGROOM_DURATION`` (s, default 30) is each room's activity; the single tablet plays
six times as long (with a vote every ~10 s it makes few votes). Method: docs/load.md.

Each room is played with 1 app process and with 2 replicas behind HAProxy (``make run
REPLICAS=2``: ``python -m selfdata serve``), one after the other, before the next room
(``BENCH_BIGROOM_REPLICAS``, default ``1,2``; ``1`` alone when HAProxy is not installed).
``BENCH_BIGROOM_ROOMS`` (default ``1,40,100,r1,r100,3x30``) picks the rooms; each row's ratio
is against the single tablet on the same number of replicas. ``rN`` is the rating phase
(issue 25, ``bench.workshop_load.RatingScenario``): the room on the scenarios step, the
results not yet revealed, N tablets rating in place and a real Chromium tablet rating; its
"votes" are ratings (one per participant, scenario and criterion, checked against the store),
its projector figure "Notes données", its ratio against ``r1``'s single tablet.

Beside the latencies, each room on 1 process gets the server's CPU per interaction, all in
(``bench/cpu_cost.py``: CPU time before/after a batch of joins, votes and ratings in a room
of the same size, the pushes to the projector and the other tablets included), and the
machine's load average: CPU time is what a busy machine disturbs least.
``BENCH_BIGROOM_CPU=0`` skips that probe.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

from bench import cpu_cost
from bench.load import LoadReport, run_load, run_rooms
from selfdata.commands.serve import haproxy_binary

NOTES = """\
Targets (issue 17), each room against the single tablet of the same run: vote rerun p95
≤ 3× the single tablet's (`vote ratio`), a vote visible on the projector within 2 s
(`vote→projector p95_s`), join p95 ≤ 1 s, a real browser tablet's tap → acknowledged
p95 ≤ 1 s (`browser tap p95_s`: Chromium taps "add a dot" and waits for the card to show it),
0 errors, 0 votes lost or duplicated. `vote p95_s`: from a simulated tablet's click to its
run's end (server + loopback). `pushed`: runs the server started itself for the projector /
the tablets (selfdata/ui/push.py). `server/other cpu_s`: CPU seconds of the server / of every
other process on the machine during the room (a busy neighbour inflates the times). With
3 rooms the server's CPU is the whole server's. `replicas`: 1 is one Streamlit process
(`make run REPLICAS=1`); 2 is `make run REPLICAS=2`, two processes behind HAProxy with
sticky sessions, every client on HAProxy's address with its own cookie — the server's CPU is
then the replicas', HAProxy's and the supervisor's together. Method and caveats:
`docs/load.md`, §5. `CPU ms vote/rating/join`: the server's CPU time per interaction, all
in (the actor's reruns and every redraw pushed to the projector and the other tablets
because of it), in a room of the same size on a fresh server (`bench/cpu_cost.py`, 60 votes
at 6 a second on the needs step, then 60 ratings at 3 a second in the rating phase — the
room moved to the scenarios step, every tablet rating in place —, the fan-out's settling
included, the idle room subtracted); the
target (issue 25) is ≤ 20 ms per vote and ≤ 40 ms per rating at 100 tablets. `load 1m`: the
machine's 1-minute load average at the end of the room (2 cores: above 2, the server waited
for a core). `rating phase` rows (issue 25): the room on the scenarios step, results not
yet revealed, every tablet rating in place (a "vote" there is a rating of a criterion not yet
rated: lost/dup checked against the store, the projector following "Notes données", the
Chromium tablet rating the shown scenario's criteria), the ratio against the rating phase's
single tablet; `CPU ms vote/rating/join` then reads the rating phase's rating.
"""

TARGETS = {"vote ratio": 3.0, "vote→projector": 2.0, "join": 1.0, "browser tap": 1.0}


def _row(
    name: str,
    rep: LoadReport,
    one_vote_p95: float,
    replicas: int = 1,
    cost: cpu_cost.CpuCost | None = None,
) -> dict[str, Any]:
    ratio = rep.vote_p95_s / one_vote_p95 if one_vote_p95 > 0 else math.nan
    ok = (
        rep.errors == 0
        and rep.votes_lost == 0
        and rep.votes_duplicated == 0
        and (rep.participants == 1 or ratio <= TARGETS["vote ratio"])
        and rep.visible_p95_s <= TARGETS["vote→projector"]
        and rep.join_p95_s <= TARGETS["join"]
        and not rep.browser_tap_p95_s > TARGETS["browser tap"]
    )
    return {
        "name": name,
        "replicas": replicas,
        "vote p95_s": rep.vote_p95_s,
        "vote ratio": None if rep.participants == 1 else ratio,
        "join p95_s": rep.join_p95_s,
        "vote→projector p95_s": rep.visible_p95_s,
        "browser tap p95_s": rep.browser_tap_p95_s,
        "browser taps": rep.browser_taps,
        "errors": rep.errors,
        "votes lost/dup": f"{rep.votes_lost}/{rep.votes_duplicated}",
        "reruns_per_s": rep.reruns_per_s,
        "pushed": f"{rep.pushed_renders}/{rep.tablet_pushes}",
        "server/other cpu_s": f"{rep.server_cpu_s:.0f}/{rep.other_cpu_s:.0f}",
        "CPU ms vote/rating/join": (
            "—" if cost is None else f"{cost.vote_ms:.0f}/{cost.rating_ms:.0f}/{cost.join_ms:.0f}"
        ),
        "load 1m": rep.loadavg_1m,
        "targets met": "yes" if ok else "no",
    }


def _cost(tablets: int, replicas: int) -> cpu_cost.CpuCost | None:
    if replicas != 1 or os.environ.get("BENCH_BIGROOM_CPU", "1") == "0":
        return None
    return cpu_cost.measure(tablets)


def replica_counts() -> list[int]:
    configured = os.environ.get("BENCH_BIGROOM_REPLICAS", "").strip()
    if configured:
        return [int(x) for x in configured.split(",") if x.strip()]
    return [1, 2] if haproxy_binary() is not None else [1]


def rooms() -> list[str]:
    configured = os.environ.get("BENCH_BIGROOM_ROOMS", "").strip() or "1,40,100,r1,r100,3x30"
    return [x.strip() for x in configured.split(",") if x.strip()]


def _on(replicas: int) -> str:
    return "1 process" if replicas == 1 else f"{replicas} replicas (HAProxy)"


def run() -> list[dict[str, Any]]:
    duration = float(os.environ.get("BENCH_BIGROOM_DURATION", "30"))
    counts = replica_counts()
    base: dict[int, float] = {}
    rating_base: dict[int, float] = {}  # the rating phase's single tablet
    rows = []
    for room in rooms():  # each room on 1 process, then on the replicas: side by side
        for r in counts:
            if room.startswith("r"):  # the rating phase: tablets rating on the scenarios page
                n = int(room[1:])
                rep = run_load(
                    "rating",
                    participants=n,
                    duration_s=(6 if n == 1 else 1) * duration,
                    browser=True,
                    replicas=r,
                    balancer=True,
                )
                if n == 1:
                    rating_base[r] = rep.vote_p95_s
                name = f"rating phase: {n} tablet{'s' if n > 1 else ''} + projector, {_on(r)}"
                one = rating_base.get(r, math.nan)
                rows.append(_row(name, rep, one, r, _cost(n, r) if n > 1 else None))
            elif room == "1":
                one = run_load(
                    "workshop",
                    participants=1,
                    duration_s=6 * duration,
                    browser=True,
                    replicas=r,
                    balancer=True,
                )
                base[r] = one.vote_p95_s
                name = f"1 tablet + projector, {_on(r)}"
                rows.append(_row(name, one, base[r], r, _cost(1, r)))
            elif "x" in room:
                n_rooms, size = (int(x) for x in room.split("x"))
                reps = run_rooms(
                    "workshop",
                    rooms=n_rooms,
                    participants=size,
                    duration_s=duration,
                    browser=True,
                    replicas=r,
                )
                for i, rep in enumerate(reps):
                    name = f"{n_rooms} rooms × {size} tablets: room {i + 1}, {_on(r)}"
                    rows.append(_row(name, rep, base.get(r, math.nan), r))
            else:
                n = int(room)
                rep = run_load(
                    "workshop",
                    participants=n,
                    duration_s=duration,
                    browser=True,
                    replicas=r,
                    balancer=True,
                )
                name = f"{n} tablets + projector, {_on(r)}"
                rows.append(_row(name, rep, base.get(r, math.nan), r, _cost(n, r)))
    return rows


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, default=str))
