"""Server CPU per full rerun of one tablet's page (issue 25: what the tablet sidebar costs):
one participant's tablet alone on a fresh server reruns its page ``R`` times, a human's gap
apart; the server process's CPU time before and after, ÷ R, and the messages one rerun
sends (each costs the server ~0.25–0.4 ms: docs/load.md). CPU time is what a busy
neighbour disturbs least.

    .venv/bin/python -m bench.rerun_cost needs 40
    BENCH_APP_ROOT=/other/checkout .venv/bin/python -m bench.rerun_cost scenarios 40
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped]

from bench.protocol import StreamlitSession
from bench.workshop_load import HUMAN_GAP_S, WorkshopScenario


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return float(t.user + t.system)


async def _probe(
    url: str, query: str, page: str, proc: psutil.Process, reruns: int
) -> tuple[float, int]:
    async with StreamlitSession(url, query_string=query, page_name=page) as tablet:
        for _ in range(3):  # warm: imports, caches
            assert (await tablet.rerun()).ok
            await asyncio.sleep(HUMAN_GAP_S)
        c0, messages = _cpu(proc), 0
        for _ in range(reruns):
            result = await tablet.rerun()
            assert result.ok, result.exceptions
            messages = len(result.messages)
            await asyncio.sleep(HUMAN_GAP_S)
        return (_cpu(proc) - c0) / reruns * 1000, messages


def measure(page: str, reruns: int) -> dict[str, object]:
    scenario = WorkshopScenario()
    with tempfile.TemporaryDirectory(prefix="selfdata-rerun-") as tmp:
        scenario.prepare(Path(tmp), 1)
        if page == "scenarios":
            scenario.to_rating_step()
        server = scenario.server({}, Path(tmp)).start()
        try:
            assert server.proc is not None
            proc = psutil.Process(server.proc.pid)
            query, _ = scenario.participant_entry(0)
            cost, messages = asyncio.run(_probe(server.url, query, page, proc, reruns))
        finally:
            server.stop()
    return {
        "page": page,
        "reruns": reruns,
        "cpu_ms_per_rerun": round(cost, 2),
        "messages_per_rerun": messages,
        "app": os.environ.get("BENCH_APP_ROOT") or "this checkout",
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "at": time.strftime("%H:%M:%S"),
    }


if __name__ == "__main__":
    page = sys.argv[1] if len(sys.argv) > 1 else "needs"
    reruns = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    print(json.dumps(measure(page, reruns)))
