"""Page reruns: every page script, run by Streamlit's AppTest as the facilitator, on the
large demo workshop (``selfdata.app.demo``: 60 sources, 40 needs, 30 use cases, 20 scenarios,
40 participants who voted and rated everything), each as a ratio to the *empty page*
measured in the same run.

The empty page is the same page script, as the facilitator, on a blank workshop (created
with a title, a territory and a theme: no source, need, use case, scenario, participant,
vote or rating). So a ratio says what the workshop's size costs on that screen — the chrome,
the role check and Streamlit's own rerun cost are on both sides. A second ratio,
``vs_chrome``, compares with a page that draws only the shared chrome (``page_context``) on
the blank workshop, the floor of any page.

A rerun is what a tablet or the projector pays when it redraws at the same workshop version
(the figures cached by ``(code, version)`` are warm after the warm-up run, as in the room).
Each figure is the median of ``RUNS`` reruns after ``WARMUP`` warm-up runs.

``python -m bench.pages`` prints the rows; ``bench.run`` writes them into BENCHMARKS.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "home",
    "projection",
    "console",
    "inventory",
    "needs",
    "use_cases",
    "governance",
    "network",
    "scenarios",
    "export",
)
TARGET_RATIO = 5.0
WARMUP = 2
RUNS = 7
CHROME_ONLY = """from selfdata.ui import page_context

page_context("home")
"""
NOTES = f"""\
AppTest reruns as the facilitator, median of {RUNS} after {WARMUP} warm-up runs.
`ratio` = the page on the large demo workshop (60 sources, 40 needs, 30 use cases,
20 scenarios, 40 participants with votes and ratings) ÷ **the same page on a blank
workshop** (title, territory and theme only), both measured in this run; target ≤ {TARGET_RATIO:g}×.
`vs_chrome` = the large page ÷ a page that only draws the shared chrome (`page_context`) on
the blank workshop, the floor of every page. AppTest runs the script in-process without a
browser: it measures the server's share of a rerun (what 40 tablets multiply), not drawing.
"""
PAGE_NOTES: dict[str, str] = {
    "use_cases": (
        "was 6.1x: the whole workshop (8,000 ratings) read on every rerun for the matrix "
        "titles; needs and sources now cached by (code, version) (room_views.matching_inputs)"
    ),
}
"""What tuning each page needed (filled in as pages are tuned; shown in the note column)."""


@contextmanager
def _database() -> Iterator[Path]:
    saved = {k: os.environ.get(k) for k in ("SELFDATA_DB", "DATABASE_URL", "SELFDATA_DEMO")}
    with tempfile.TemporaryDirectory(prefix="selfdata-pages-") as folder:
        path = Path(folder) / "pages.db"
        os.environ["SELFDATA_DB"] = str(path)
        os.environ.pop("DATABASE_URL", None)
        os.environ.pop("SELFDATA_DEMO", None)
        os.environ.setdefault("SELFDATA_PUBLIC_URL", "http://atelier.example:8501")
        try:
            yield path
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _time_reruns(script: Path, params: dict[str, str]) -> tuple[float, list[float]]:
    """(median seconds, all timings) of ``RUNS`` reruns after ``WARMUP`` runs."""
    from streamlit.testing.v1 import AppTest

    from bench.pace import unpaced

    at = AppTest.from_file(str(script), default_timeout=120)
    at.query_params.update(params)
    timings = []
    with unpaced():  # the page's cost, not the room protection's pause (bench/pace.py)
        for _ in range(WARMUP):
            at.run()
            if at.exception:
                raise RuntimeError(f"{script.name}: {at.exception[0].message}")
        for _ in range(RUNS):
            started = time.perf_counter()
            at.run()
            timings.append(time.perf_counter() - started)
    if at.exception:
        raise RuntimeError(f"{script.name}: {at.exception[0].message}")
    return statistics.median(timings), timings


def run() -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT)) if str(ROOT) not in sys.path else None
    from selfdata.app import services
    from selfdata.app.demo import demo_workshop
    from selfdata.files.loading import default_decks
    from selfdata.store import Store

    rows: list[dict[str, Any]] = []
    with _database() as path, tempfile.TemporaryDirectory(prefix="selfdata-chrome-") as tmp:
        store = Store(f"sqlite:///{path}")
        try:
            large = services.import_workshop(store, demo_workshop(default_decks()))
            blank = services.create_workshop(
                store, title="Atelier vide", territory="Nulle part", theme="mobility"
            )
        finally:
            store.dispose()
        as_large = {"code": large.code, "secret": large.secret}
        as_blank = {"code": blank.code, "secret": blank.secret}
        chrome = Path(tmp) / "chrome_only.py"
        chrome.write_text(CHROME_ONLY, encoding="utf-8")
        floor, _ = _time_reruns(chrome, as_blank)
        rows.append(
            {
                "name": "chrome only (blank workshop)",
                "median_s": floor,
                "runs": RUNS,
                "note": "page_context() alone: sidebar, role proof, styles",
            }
        )
        for page in PAGES:
            script = ROOT / "pages" / f"{page}.py"
            if not script.exists():
                rows.append({"name": page, "note": "page file missing"})
                continue
            empty, _ = _time_reruns(script, as_blank)
            full, _ = _time_reruns(script, as_large)
            ratio = full / empty if empty > 0 else float("nan")
            rows.append(
                {
                    "name": f"{page} (large workshop)",
                    "median_s": full,
                    "runs": RUNS,
                    "empty_s": empty,
                    "ratio": ratio,
                    "target_ratio": TARGET_RATIO,
                    "vs_chrome": full / floor if floor > 0 else float("nan"),
                    "ok": ratio <= TARGET_RATIO,
                    "note": PAGE_NOTES.get(page, ""),
                }
            )
    return rows


def main() -> int:
    from bench.run import table

    rows = run()
    print(table(rows))
    return 0 if all(r.get("ok", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
