"""`python -m bench.idle_probe N W R` (docs/load.md, section 5): the server's CPU for N-1
idle tablets over W seconds (each polling its fragment at the interval the app asks, as a
browser timer does, and taking pushes), and per rerun for one tablet reloading the needs
page and voting (mean of R). CPU time, which busy neighbours disturb far less than wall
time. ``BENCH_APP_ROOT`` measures another checkout of the app."""

import asyncio
import sys
import tempfile
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped]

from bench.protocol import StreamlitSession
from bench.workshop_load import WorkshopScenario

N, W, R = 100, 20.0, 20  # set from the command line


def cpu(p):
    return sum(p.cpu_times()[:2])


async def idle_tablet(url, q, end, counts):
    s = StreamlitSession(url, query_string=q, page_name="needs")
    await s.connect()
    try:
        await s.rerun()
        counts["joined"] += 1
        while counts["joined"] < N:
            await asyncio.sleep(0.2)
        interval = min(s.auto_reruns.values(), default=0)
        next_poll = time.perf_counter() + (interval or 1e9)
        while time.perf_counter() < end:
            got = await s.next_push(max(0, min(next_poll, end) - time.perf_counter()))
            if got is not None:
                counts["pushed"] += 1
                continue
            if time.perf_counter() >= end:
                break
            await s.rerun_fragment(next(iter(s.auto_reruns)))
            counts["polls"] += 1
            next_poll = time.perf_counter() + interval
    finally:
        await s.close()


async def main():
    sc = WorkshopScenario()
    with tempfile.TemporaryDirectory() as tmp:
        sc.prepare(Path(tmp), N)
        srv = sc.server({}, Path(tmp)).start()
        try:
            proc = psutil.Process(srv.proc.pid)
            await sc.warm_up(srv.url)
            # per rerun: one tablet reloading, then voting
            q, _ = sc.participant_entry(0)
            s = StreamlitSession(srv.url, query_string=q, page_name="needs")
            await s.connect()
            await s.rerun()
            c0 = cpu(proc)
            for _ in range(R):
                await s.rerun()
                await asyncio.sleep(0.05)
            reload_ms = (cpu(proc) - c0) / R * 1000
            keys = [k for k, _ in s.widget_keys() if k.startswith("needs_vote_")]
            c0 = cpu(proc)
            for i in range(R):
                await s.click(keys[i % len(keys)])
                await asyncio.sleep(0.05)
            vote_ms = (cpu(proc) - c0) / R * 1000
            await s.close()
            counts = {"joined": 0, "pushed": 0, "polls": 0}
            end_holder = time.perf_counter() + 60 + W
            tasks = [
                asyncio.create_task(
                    idle_tablet(srv.url, sc.participant_entry(i + 1)[0], end_holder, counts)
                )
                for i in range(N - 1)
            ]
            counts["joined"] += 1  # the reloader above
            while counts["joined"] < N:
                await asyncio.sleep(0.2)
            await asyncio.sleep(3)
            c0 = cpu(proc)
            await asyncio.sleep(W)
            idle_cpu = cpu(proc) - c0
            for t in tasks:
                t.cancel()
            print(
                f"reload {reload_ms:.1f} ms CPU/rerun, vote {vote_ms:.1f} ms CPU/rerun; "
                f"{N - 1} idle tablets for {W:.0f}s: server CPU {idle_cpu:.2f} s "
                f"({idle_cpu / W * 100:.1f}% of a core), polls {counts['polls']}, "
                f"pushes {counts['pushed']}"
            )
        finally:
            srv.stop()


if __name__ == "__main__":
    N, W, R = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    asyncio.run(main())
