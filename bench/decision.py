"""How the room decides: ``python -m bench.decision`` prints the rows; ``run()`` returns them.

The participant resampling at the issue's size (150 participants × 20 scenarios × 8
criteria, 1,000 seeded draws, both methods; target 2 s each) and the group's weights from
150 participants' swing weights. Seeded synthetic ratings (1–5, every cell rated), so every
run measures the same work. Each row is the median of several timed runs after a warm-up;
the machine's load average at the start and the end of the run is printed under the table
(this box is shared: other jobs make absolute times move).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from selfdata.engines.ranking import Method
from selfdata.engines.resampling import resample_participants
from selfdata.engines.weight_sets import median_weights

RUNS = 7
TARGET_S = 2.0
PEOPLE, SCENARIOS, CRITERIA, DRAWS = 150, 20, 8, 1000
NOTES = ""


def timed(work: Callable[[], object], runs: int = RUNS) -> float:
    work()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def bench_resampling(method: Method) -> dict[str, Any]:
    rng = np.random.default_rng(0)
    ratings = rng.integers(1, 6, size=(PEOPLE, SCENARIOS, CRITERIA))
    weights = list(rng.uniform(0.5, 10, size=CRITERIA))
    directions = ["benefit", "cost"] * (CRITERIA // 2)
    ids = [f"s{i}" for i in range(SCENARIOS)]
    seconds = timed(
        lambda: resample_participants(ratings, weights, directions, ids, method, draws=DRAWS)
    )
    return {
        "name": f"participants resampled, {method}: {PEOPLE} × {SCENARIOS} × {CRITERIA}, "
        f"{DRAWS:,} draws",
        "median_s": seconds,
        "runs": RUNS,
        "target_s": TARGET_S,
        "note": "medians from per-value counts (one matrix product), ties split",
    }


def bench_group_weights() -> dict[str, Any]:
    rng = np.random.default_rng(1)
    criteria = [f"c{j}" for j in range(CRITERIA)]
    swings = [
        {c: int(v) for c, v in zip(criteria, rng.integers(0, 11, size=CRITERIA) * 10, strict=True)}
        for _ in range(PEOPLE)
    ]
    seconds = timed(lambda: median_weights(swings, criteria))
    return {
        "name": f"group weights: median of {PEOPLE} participants' normalised swing weights",
        "median_s": seconds,
        "runs": RUNS,
        "target_s": 0.05,
        "note": "per table: the same over that table's participants",
    }


def run() -> list[dict[str, Any]]:
    global NOTES
    before = _load()
    rows = [bench_resampling("weighted-sum"), bench_resampling("topsis"), bench_group_weights()]
    from bench.run import machine

    info = machine()
    NOTES = (
        f"Measured alone (`python -m bench.run decision`) on {info.get('cpu model')}, "
        f"{info.get('cpus')} cores shared with other jobs, commit {info.get('commit')}. Load "
        f"average (1 / 5 / 15 min) at the start: {before}; at the end: {_load()}: the times "
        "above are upper bounds."
    )
    return rows


def main() -> None:
    for row in run():
        verdict = "ok" if row["median_s"] <= row["target_s"] else "SLOW"
        print(f"{row['median_s'] * 1000:8.1f} ms  ({verdict})  {row['name']}")
    print(NOTES)


if __name__ == "__main__":
    main()
