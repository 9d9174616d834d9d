"""`python -m bench.run [MODULE…]`: run the benchmarks and rewrite BENCHMARKS.md.

Each benchmark module (bench.engines, bench.decision, bench.figures, bench.pdfs,
bench.pages, bench.files, bench.load, bench.flood, bench.bigroom, bench.scaleout;
bench.before_after only when named) exposes ``run() -> list[dict]``; a row has ``name`` and
usually ``median_s``, ``runs``, and may carry ``target_s``, ``ratio``, ``target``, ``note``
or any other figure.
A module may also expose ``NOTES`` (markdown printed under its table). A module that is
missing or fails is written as such in the file, never silently left out.

With module names on the command line only those run; the other sections of the existing
BENCHMARKS.md are kept as they were (each section is delimited by HTML comments).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import math
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "BENCHMARKS.md"
MODULES = (
    "engines",
    "decision",
    "figures",
    "pages",
    "pdfs",
    "files",
    "load",
    "flood",
    "bigroom",
    "scaleout",
)
TITLES = {
    "engines": "Engines (matching, governance, network, ranking)",
    "decision": "How the room decides: participants resampled, group weights",
    "figures": "Figures at 300 actors and 50 scenarios",
    "pages": "Page reruns",
    "pdfs": "PDF exports",
    "files": "Reading files: the demo workshop and the rank command",
    "load": "Load: a room of tablets on the real server",
    "flood": "Flood: ten sessions rerunning flat out beside a room of 20 tablets",
    "bigroom": "A big room: 1, 40, 100 tablets and 3 rooms × 30",
    "scaleout": "Scale-out: replicas on PostgreSQL",
    "before_after": "Before and after: an earlier commit and this checkout, side by side",
}
FIRST_COLUMNS = ("name", "median_s", "p95_s", "max_s", "runs", "target_s", "ratio", "target")


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    model = platform.processor() or platform.machine()
    with_cpuinfo = Path("/proc/cpuinfo")
    if with_cpuinfo.exists():
        for line in with_cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "cpu model": model,
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": _version("streamlit"),
        "commit": commit or "unknown",
    }


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def run_module(name: str) -> tuple[str, list[dict[str, Any]], str, float]:
    """(status, rows, notes, seconds): status is ok, missing or failed: <reason>."""
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"bench.{name}":
            return "missing", [], "", 0.0
        return f"failed: {exc!r}", [], "", time.perf_counter() - started
    except Exception as exc:  # noqa: BLE001 - reported in the file
        return f"failed on import: {exc!r}", [], "", time.perf_counter() - started
    try:
        rows = list(module.run())
    except Exception as exc:  # noqa: BLE001 - reported in the file
        last = traceback.format_exception(exc)[-1].strip()
        print(traceback.format_exc(), file=sys.stderr)
        return f"failed: {last}", [], "", time.perf_counter() - started
    notes = str(getattr(module, "NOTES", "") or "")
    return "ok", rows, notes, time.perf_counter() - started


def fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(rows: Sequence[dict[str, Any]]) -> str:
    columns = [c for c in FIRST_COLUMNS if any(c in r for r in rows)]
    for row in rows:
        columns += [k for k in row if k not in columns and k != "note"]
    if any("note" in r for r in rows):
        columns.append("note")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(fmt(row.get(c)) for c in columns) + " |")
    return "\n".join(lines)


def section(name: str, status: str, rows: list[dict[str, Any]], notes: str, secs: float) -> str:
    body = [f"<!-- bench:{name} -->", f"## {TITLES.get(name, name)} (`bench/{name}.py`)", ""]
    if status == "missing":
        body.append(f"**Not measured:** `bench/{name}.py` does not exist yet.")
    elif status == "not run":
        body.append(f"**Not measured:** `bench/{name}.py` was not run by this invocation.")
    elif status != "ok":
        body.append(f"**Not measured — the benchmark {status}**")
    elif not rows:
        body.append("**The benchmark ran but returned no rows.**")
    else:
        body.append(table(rows))
        body.append("")
        when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        body.append(f"_{len(rows)} rows in {secs:.0f} s, measured {when}._")
    if notes:
        body += ["", notes.strip()]
    body += ["", f"<!-- /bench:{name} -->"]
    return "\n".join(body)


def kept_sections(text: str) -> dict[str, str]:
    pattern = re.compile(r"<!-- bench:(\w+) -->.*?<!-- /bench:\1 -->", re.S)
    return {m.group(1): m.group(0) for m in pattern.finditer(text)}


def render(sections: dict[str, str], info: dict[str, str]) -> str:
    head = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench.run`); do not edit by hand — edit the",
        "benchmarks in `bench/` and rerun. Ratios are measured side by side in one run on",
        "the machine below; absolute times only mean something on that machine.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {fmt(v)} |" for k, v in info.items()],
        "",
    ]
    names = [*MODULES, *sorted(n for n in sections if n not in MODULES)]
    return "\n".join(head + [sections[n] + "\n" for n in names if n in sections])


def main(argv: Sequence[str] | None = None) -> int:
    wanted = list(argv if argv is not None else sys.argv[1:]) or list(MODULES)
    unknown = [w for w in wanted if not re.fullmatch(r"\w+", w)]
    if unknown:
        print(f"not a module name: {unknown}", file=sys.stderr)
        return 2
    fresh: dict[str, str] = {}
    failed = 0
    for name in wanted:
        print(f"bench.{name} …", file=sys.stderr, flush=True)
        status, rows, notes, secs = run_module(name)
        print(f"bench.{name}: {status} ({secs:.0f} s)", file=sys.stderr, flush=True)
        failed += status.startswith("failed")
        fresh[name] = section(name, status, rows, notes, secs)
    # Read the file only now: a run of another module may have rewritten its section
    # while this one was measuring; keep that, replace only what this run measured.
    sections = kept_sections(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {}
    sections.update(fresh)
    for name in MODULES:
        exists = (ROOT / "bench" / f"{name}.py").exists()
        sections.setdefault(name, section(name, "not run" if exists else "missing", [], "", 0))
    OUTPUT.write_text(render(sections, machine()), encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
