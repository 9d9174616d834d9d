"""Before and after a change: the same benchmarks on an earlier commit and on this checkout,
played alternately on the same machine, each row's time side by side.

    .venv/bin/python -m bench.run before_after     # this section of BENCHMARKS.md only
    make bench-before-after BEFORE=<commit>

``BENCH_BEFORE`` (default :data:`DEFAULT_BEFORE`, the last commit before issue 13 moved the
package into layers) is the earlier commit; it is checked out in a temporary git worktree
that shares this checkout's ``.venv``, and removed afterwards. ``BENCH_BEFORE_MODULES``
(default ``engines,figures,pages,pdfs``) picks the benchmarks. Each module runs in a fresh
process in its own checkout, earlier first, then this one, module by module, so both sides
see the same load; ``BENCH_BEFORE_ROUNDS`` (default 2) repeats that, and each side keeps its
fastest median per row (on a shared 2-core machine one pass of identical code gave ratios up
to 1.7). Rows are matched by name; a row that exists on one side only is listed with an
empty other side (a benchmark added or renamed since).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BEFORE = "d7136f1"
"""The last commit before issue 13's layout (``selfdata/`` one flat folder)."""
DEFAULT_MODULES = ("engines", "figures", "pages", "pdfs")
TOLERANCE = 1.25
"""A row is "as before" when after ÷ before ≤ this (run-to-run noise on the 2-core box)."""

_ROWS = "import json, sys, bench.{m} as b; print('ROWS' + json.dumps(list(b.run()), default=str))"

NOTES = f"""\
`before_s` / `after_s`: the row's median time on the earlier commit / on this checkout,
measured in this run, module by module, the earlier side first, the fastest of the rounds
(`BENCH_BEFORE_ROUNDS`); `ratio` = after ÷ before;
`as before`: ratio ≤ {TOLERANCE} (the spread of two runs of the same commit on this machine).
A room of tablets (`load`) also shows each side's p95.
Rows with one side empty exist only on that side (a benchmark added or renamed since).
Issue 13 moved files and changed no computation: this table is its "behaviour unchanged"
check for speed. Method: `bench/before_after.py`.
"""


def _git(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _rows(checkout: Path, module: str) -> list[dict[str, Any]]:
    """The module's rows, measured in a fresh process whose imports are the checkout's."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", _ROWS.format(m=module)],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("ROWS"):
            return list(json.loads(line[4:]))
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    raise RuntimeError(f"bench.{module} in {checkout.name}: {tail}")


def fastest(kept: list[dict[str, Any]], fresh: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``fresh``'s rows, each with the lower median of its run and of ``kept``'s same row."""
    before = {r["name"]: r for r in kept}
    out = []
    for row in fresh:
        old = before.get(row["name"])
        faster = (
            old is not None
            and isinstance(old.get("median_s"), int | float)
            and isinstance(row.get("median_s"), int | float)
            and old["median_s"] < row["median_s"]
        )
        out.append(old if faster else row)
    return out


def compare(
    before: list[dict[str, Any]], after: list[dict[str, Any]], module: str
) -> list[dict[str, Any]]:
    """One row per benchmark name, the earlier and the later median side by side."""
    earlier = {r["name"]: r for r in before if isinstance(r.get("median_s"), int | float)}
    later = {r["name"]: r for r in after if isinstance(r.get("median_s"), int | float)}
    names = [*earlier, *(n for n in later if n not in earlier)]
    rows: list[dict[str, Any]] = []
    for name in names:
        old, new = earlier.get(name), later.get(name)
        row: dict[str, Any] = {"name": f"{module}: {name}"}
        row["before_s"] = float(old["median_s"]) if old else None
        row["after_s"] = float(new["median_s"]) if new else None
        if old and new and "p95_s" in old and "p95_s" in new:  # a room: its tail too
            row["before p95_s"] = float(old["p95_s"])
            row["after p95_s"] = float(new["p95_s"])
        if old and new and float(old["median_s"]) > 0:
            ratio = float(new["median_s"]) / float(old["median_s"])
            row["ratio"] = ratio
            row["as before"] = ratio <= TOLERANCE
        rows.append(row)
    return rows


def run() -> list[dict[str, Any]]:
    ref = os.environ.get("BENCH_BEFORE", "").strip() or DEFAULT_BEFORE
    configured = os.environ.get("BENCH_BEFORE_MODULES", "").strip()
    modules = [m.strip() for m in configured.split(",") if m.strip()] or list(DEFAULT_MODULES)
    commit = _git("rev-parse", "--short", ref)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-before-") as tmp:
        earlier = Path(tmp) / f"before-{commit}"
        _git("worktree", "add", "--detach", "--quiet", str(earlier), commit)
        try:
            venv = ROOT / ".venv"
            if venv.exists():
                (earlier / ".venv").symlink_to(venv)
            rounds = max(1, int(os.environ.get("BENCH_BEFORE_ROUNDS", "2")))
            for module in modules:
                old: list[dict[str, Any]] = []
                new: list[dict[str, Any]] = []
                for turn in range(rounds):
                    print(f"  {module} ({turn + 1}/{rounds}): {commit} …", file=sys.stderr)
                    old = fastest(old, _rows(earlier, module))
                    print(f"  {module} ({turn + 1}/{rounds}): this checkout …", file=sys.stderr)
                    new = fastest(new, _rows(ROOT, module))
                rows += compare(old, new, module)
        finally:
            _git("worktree", "remove", "--force", str(earlier))
    for row in rows:
        row["before"] = commit
    return rows


if __name__ == "__main__":
    for found in run():
        print(found)
