"""Ten sessions rerunning flat out beside a room of 20 tablets (issues 15 and 29).

    python -m bench.run flood      # the flood row of BENCHMARKS.md (its own section)
    python -m bench.load --flood --flooders 10 --participants 20 --duration 30   # printed
    python -m bench.flood cost 10 20   # server CPU of 10 flooders alone: onset, steady state

The room of 20 tablets (the La Rochelle example on the needs step) plays 30 s on a fresh
server, quiet; then again on a fresh server while ten more sessions, with a participant's
link, ask for their page again as soon as each answer comes. ``ratio`` is the tablets' p95
flooded over quiet (target ≤ 2), both measured in this run, one after the other: on a
shared machine only that ratio means something. ``make bench`` runs it with the others.
"""

from __future__ import annotations

import os
from typing import Any

from bench.load import FLOODERS, _row, flood

PARTICIPANTS = 20
DURATION_S = 30.0


def run() -> list[dict[str, Any]]:
    """The flood row, with what the machine was doing (load average, other processes)."""
    scenario = os.environ.get("BENCH_LOAD_SCENARIO") or "workshop"
    load_before = os.getloadavg()[0]
    fl = flood(scenario, PARTICIPANTS, DURATION_S, flooders=FLOODERS)
    load_after = os.getloadavg()[0]
    quiet, flooded = fl["quiet"], fl["flooded"]
    row = _row(
        f"{scenario}: {PARTICIPANTS} participants while {FLOODERS} sessions rerun flat out",
        flooded,
        ratio=fl["p95_ratio"],
        target="p95 ≤ 2× quiet",
    )
    row["note"] = (
        f"quiet p95 {quiet['p95_s']:.3f} s, max {quiet['max_s']:.3f} s (server/other cpu_s "
        f"{quiet['server_cpu_s']:.0f}/{quiet['other_cpu_s']:.0f}); the flooders' answered "
        f"requests {fl['flood_reruns']}; load average {load_before:.2f} before, "
        f"{load_after:.2f} after; `runs` counts the participants' interactions"
    )
    return [row]


NOTES = """\
What holds the flooders (`docs/load.md` §6): the request gate of `selfdata/ui/flood_gate.py`
applies the page-run pace of `selfdata/ui/throttle.py` to each request before any script
starts (a request that must wait is kept, no thread, no script). Beyond 4 page runs a second
a session's request waits 0.5 s; a session over the pace (that, or more than 6 runs in
10 s) 6 times with no pause of 3 s, or asking for the same page with nothing changed (no tap,
no new value) 4 times in a row, is flooding: each of its requests then waits its turn among
the flooding sessions', 2 a second for the process (5 s at most), which no other session
waits for. The per-client buckets of `selfdata/domain/ratelimit.py` count taps, joins and
typed codes, not bare reruns.
"""


def cost(flooders: int, duration_s: float) -> dict[str, float]:
    """Server CPU taken by ``flooders`` sessions rerunning flat out on a fresh server with no
    tablets: the first 3 s (the flood's onset) and the rest (its steady state)."""
    import asyncio
    import contextlib
    import tempfile
    import time
    from pathlib import Path

    import psutil  # type: ignore[import-untyped]

    from bench.load import _scenario, _server_pids
    from bench.protocol import ProtocolError, StreamlitSession

    scenario = _scenario("workshop")

    with tempfile.TemporaryDirectory(prefix="selfdata-flood-") as tmp:
        scenario.prepare(Path(tmp), 3)
        server = scenario.server({}, Path(tmp)).start()
        procs = [psutil.Process(p) for p in _server_pids([server])]

        def cpu() -> float:
            return float(sum(sum(p.cpu_times()[:2]) for p in procs))

        async def measure() -> dict[str, float]:
            await scenario.warm_up(server.url)
            answers: list[float] = []
            t0, c0 = time.perf_counter(), cpu()
            end = t0 + duration_s

            async def flooder() -> None:
                query, page = scenario.participant_entry(0)
                async with StreamlitSession(server.url, query_string=query, page_name=page) as s:
                    while time.perf_counter() < end:
                        with contextlib.suppress(ProtocolError, TimeoutError, OSError):
                            await s.rerun()
                        answers.append(time.perf_counter() - t0)

            tasks = [asyncio.create_task(flooder()) for _ in range(flooders)]
            await asyncio.sleep(3.0)
            c3, n3 = cpu(), len(answers)
            await asyncio.gather(*tasks)
            steady_s = time.perf_counter() - t0 - 3.0
            return {
                "load_average": os.getloadavg()[0],
                "onset_cpu_s": round(c3 - c0, 2),
                "onset_answers": n3,
                "steady_cpu_s_per_s": round((cpu() - c3) / steady_s, 3),
                "steady_answers": len(answers) - n3,
            }

        try:
            return asyncio.run(measure())
        finally:
            server.stop()


if __name__ == "__main__":
    import json
    import sys

    if len(sys.argv) < 2 or sys.argv[1] != "cost":
        sys.exit(
            "usage: python -m bench.flood cost [FLOODERS] [SECONDS] (or: python -m bench.run flood)"
        )
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    secs = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
    print(json.dumps(cost(n, secs)))
