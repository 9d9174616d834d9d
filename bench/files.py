"""Reading files: the demo workshop through the hostile-safe reader, and the ``rank`` command's
wall time against the CLI's own start-up.

``python -m bench.files`` prints the rows; ``python -m bench.run files`` writes them into
BENCHMARKS.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from selfdata.app.demo import demo_workshop
from selfdata.files import documents
from selfdata.files.loading import ROOT, default_decks

RUNS = 5
TARGET_RATIO = 1.5
"""Issue 16: ``rank`` on the demo workshop within 1.5x ``python -m selfdata --help``."""

NOTES = (
    "The demo workshop is `python -m selfdata demo` (60 sources, 40 needs, 30 use cases, "
    "20 scenarios, 40 participants, 8,000 ratings; about 650 KB of YAML). *read* rows: "
    "median of 5 in one process; the *guarded composer* row is the reader before issue 16 "
    "(libyaml's events composed into nodes in Python, then constructed), still used for "
    "files with tags, merge keys or repeated keys. *wall* rows: median of 5 fresh processes, "
    "started alternately so both see the same load; `ratio` = rank ÷ start-up, target ≤ 1.5."
)


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _wall(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "selfdata", *argv],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def run() -> list[dict[str, Any]]:
    data = demo_workshop(default_decks()).dump()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    size = f"{len(text.encode('utf-8')) / 1024:.0f} KB"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.yaml"
        path.write_text(text, encoding="utf-8")
        fast = _median(lambda: documents.read_document(path))
        composer = _median(lambda: documents._load_with(documents._FastLoader, text))
        _wall(["--help"])  # warm the file cache and the bytecode
        load = os.getloadavg()[0]
        starts, ranks = [], []
        for _ in range(RUNS):
            starts.append(_wall(["--help"]))
            ranks.append(_wall(["rank", str(path)]))
    start, rank = statistics.median(starts), statistics.median(ranks)
    return [
        {
            "name": f"read the demo workshop ({size}, 8,000 ratings)",
            "median_s": fast,
            "runs": RUNS,
            "ratio": fast / composer,
            "note": "ratio to the guarded composer below",
        },
        {
            "name": "read the demo workshop, guarded composer (the reader before)",
            "median_s": composer,
            "runs": RUNS,
            "ratio": 1.0,
        },
        {
            "name": "wall: python -m selfdata --help (CLI start-up)",
            "median_s": start,
            "runs": RUNS,
            "ratio": 1.0,
        },
        {
            "name": "wall: python -m selfdata rank DEMO",
            "median_s": rank,
            "runs": RUNS,
            "ratio": rank / start,
            "target": f"≤ {TARGET_RATIO}",
            "ok": rank / start <= TARGET_RATIO,
            "note": f"load average {load:.1f} on {os.cpu_count()} CPUs when measured",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
