"""Server CPU time of a facilitator's page rerun, an earlier commit against this checkout,
alternating (robust to a busy machine, unlike wall times).

    .venv/bin/python -m bench.page_cpu 868bf27 scenarios network use_cases

Each side runs in a fresh process in its own checkout (the earlier commit in a temporary git
worktree sharing this ``.venv``); a side measures the process's CPU time (``time.process_time``,
every thread: AppTest runs the script in one) around each of 5 reruns of each page as the
facilitator, on the large workshop of :mod:`bench.figures` (50 scenarios × 10 criteria × 12
raters, a 300-actor network), and prints the median in ms. ``--rounds`` (default 2) repeats
both sides, earlier first."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(pages: list[str]) -> dict[str, float]:
    """Median CPU ms of 5 reruns per page, in this process."""
    from streamlit.testing.v1 import AppTest

    import bench.figures as bf
    from bench.pace import unpaced
    from selfdata.app import services
    from selfdata.domain.workshop import NetworkEdits
    from selfdata.store import Store
    from selfdata.store.engine import sqlite_url

    template, _graph, _diag = bf._big_network()
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        os.environ["SELFDATA_DB"] = str(db)
        store = Store(sqlite_url(db))
        created = services.import_workshop(store, bf._big_workshop())
        first = services.scenarios(store, created.code).scenarios[0]
        edits = NetworkEdits(
            add_actors=[a for a in template.actors if a.id != "resident"],
            add_flows=list(template.flows),
        )
        services.set_network_edits(store, created.code, created.secret, first.id, edits)
        for page in pages:
            at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=300)
            at.query_params["code"] = created.code
            at.query_params["secret"] = created.secret
            with unpaced():
                at.run()
                cpus = []
                for _ in range(5):
                    start = time.process_time()
                    at.run()
                    cpus.append(time.process_time() - start)
            out[page] = round(statistics.median(cpus) * 1000, 1)
        store.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        earlier = Path(tmp) / "before"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(earlier), args.before],
                       cwd=ROOT, check=True)  # fmt: skip
        (earlier / ".venv").symlink_to(ROOT / ".venv")
        (earlier / "bench" / "page_cpu.py").write_text((ROOT / "bench/page_cpu.py").read_text())
        try:
            for _ in range(args.rounds):
                for side, checkout in (("before", earlier), ("after", ROOT)):
                    code = (
                        "import bench.page_cpu as p, json;"
                        f" print(json.dumps(p.measure({args.pages!r})))"
                    )
                    done = subprocess.run(
                        [sys.executable, "-c", code], cwd=checkout, capture_output=True,
                        text=True, check=True, env={**os.environ, "PYTHONPATH": str(checkout)},
                    )  # fmt: skip
                    print(side, json.loads(done.stdout.strip().splitlines()[-1]), flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=ROOT)


if __name__ == "__main__":
    main()
