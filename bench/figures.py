"""Figure benchmarks: ``python -m bench.figures`` prints the rows; ``run()`` returns them.

Measured side by side in one process, each the median of several runs after a warm-up:

* the baseline, an **empty page's rerun** under AppTest: the shared context and chrome
  (``page_context`` and the live-update poll) on the same large workshop, nothing else;
* building the value network figure for **300 actors** (about 900 flows), and turning it
  into the JSON that ``st.plotly_chart`` sends;
* building the three ranking figures (bars, consensus, rank-probability heatmap) for
  **50 scenarios × 10 criteria**;
* the network and scenarios **page reruns** on a workshop that large (figures cached by
  workshop version, as in the app), and their first, uncached run.

``ratio`` is the row's median over the empty page's rerun. The machine may be busy with
other work: ratios measured side by side are what to compare, not absolute times.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
SCENARIOS = 50
RATERS = 12


def timed(work: Callable[[], object], runs: int = RUNS) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare_rerun() -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nst.write('')", default_timeout=60)
    return timed(at.run)


EMPTY_PAGE = """
from selfdata.ui import live_updates, page_context
ctx = page_context("network")
live_updates(ctx)
"""


def _page_rerun(page: str | None, code: str, secret: str, runs: int = RUNS) -> tuple[float, float]:
    """(median rerun, first run) of a page as the facilitator; ``None``: the empty page."""
    from streamlit.testing.v1 import AppTest

    from bench.pace import unpaced

    if page is None:
        at = AppTest.from_string(EMPTY_PAGE, default_timeout=120)
    else:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
    at.query_params["code"] = code
    at.query_params["secret"] = secret
    with unpaced():  # the page's cost, not the room protection's pause (bench/pace.py)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"{page} page failed: {at.exception[0].message}")
        return timed(at.run, runs=runs), first


def _big_network() -> Any:
    from bench.engines import synthetic_network
    from selfdata.engines.network import build_network, diagnose
    from selfdata.files.loading import default_decks

    template = synthetic_network(300, random.Random(2))
    graph = build_network(template, None, default_decks())
    return template, graph, diagnose(graph)


def _big_workshop() -> Any:
    """50 scenarios on the La Rochelle use cases, rated by 12 participants on 10 criteria."""
    from selfdata.domain.cards import GOVERNANCE_MODEL_IDS
    from selfdata.domain.workshop import Participant, Rating, Scenario, Scope
    from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

    base = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    rng = random.Random(4)
    criteria = [c.id for c in default_decks().criteria]
    scenarios = [
        Scenario(
            id=f"s{i:02d}",
            title=f"Scénario {i}",
            use_case=base.use_cases[i % len(base.use_cases)].id,
            model=GOVERNANCE_MODEL_IDS[i % len(GOVERNANCE_MODEL_IDS)],
            scope=Scope(residents=100 * (i + 1), duration_months=6),
        )
        for i in range(SCENARIOS)
    ]
    people = [Participant(id=f"p{j:02d}", pseudonym=f"P {j}") for j in range(RATERS)]
    ratings = [
        Rating(participant=p.id, scenario=s.id, criterion=c, value=rng.randint(1, 5))
        for p in people
        for s in scenarios
        for c in criteria
    ]
    return base.model_copy(
        update={
            "scenarios": scenarios,
            "participants": people,
            "ratings": ratings,
            "votes": [],
            "criteria": [],
        }
    )


def _figure_rows(empty: float, graph: Any, diagnostics: Any, workshop: Any) -> list[dict[str, Any]]:
    from selfdata.engines.ranking import rank_scenarios
    from selfdata.files.loading import default_decks
    from selfdata.ui.figures.network import network_figure
    from selfdata.ui.figures.ranking import (
        consensus_figure,
        rank_probability_figure,
        ranking_figure,
    )

    build = timed(lambda: network_figure(graph, "fr", diagnostics=diagnostics))
    fig = network_figure(graph, "fr", diagnostics=diagnostics)
    as_json = timed(fig.to_json)
    ranking = rank_scenarios(workshop, default_decks())

    def ranking_figures() -> None:
        ranking_figure(ranking, "fr")
        consensus_figure(ranking, "fr")
        rank_probability_figure(ranking, "fr")

    three = timed(ranking_figures)
    return [
        {
            "name": "network figure, 300 actors",
            "median_s": build,
            "runs": RUNS,
            "ratio": build / empty,
            "note": f"{graph.number_of_edges()} flows; built once per workshop version",
        },
        {
            "name": "network figure to JSON (what st.plotly_chart sends), 300 actors",
            "median_s": as_json,
            "runs": RUNS,
            "ratio": as_json / empty,
            "note": "paid on every rerun that draws the figure",
        },
        {
            "name": f"ranking figures (bars, consensus, heatmap), {SCENARIOS} scenarios",
            "median_s": three,
            "runs": RUNS,
            "ratio": three / empty,
            "note": "built once per workshop version and method; the ranking itself is "
            "timed in bench/engines.py",
        },
    ]


def run() -> list[dict[str, Any]]:
    from selfdata.app import services
    from selfdata.domain.workshop import NetworkEdits
    from selfdata.store import Store
    from selfdata.store.engine import sqlite_url

    template, graph, diagnostics = _big_network()
    workshop = _big_workshop()
    rows: list[dict[str, Any]] = []
    previous = {k: os.environ.get(k) for k in ("SELFDATA_DB", "DATABASE_URL")}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        os.environ["SELFDATA_DB"] = str(db)
        os.environ.pop("DATABASE_URL", None)
        try:
            store = Store(sqlite_url(db))
            created = services.import_workshop(store, workshop)
            code, secret = created.code, created.secret
            first = services.scenarios(store, code).scenarios[0]
            # the synthetic 300-actor network becomes the first scenario's network
            edits = NetworkEdits(
                add_actors=[a for a in template.actors if a.id != "resident"],
                add_flows=list(template.flows),
            )
            services.set_network_edits(store, code, secret, first.id, edits)
            empty, _ = _page_rerun(None, code, secret)
            bare = _bare_rerun()
            rows.append(
                {
                    "name": "empty page rerun (context and chrome only), same workshop",
                    "median_s": empty,
                    "runs": RUNS,
                    "ratio": 1.0,
                    "note": f"the baseline; a bare st.write('') script: {bare * 1000:.1f} ms",
                }
            )
            rows += _figure_rows(empty, graph, diagnostics, workshop)
            for page, what in (
                ("network", "300 actors, about 700 flows"),
                ("scenarios", f"{SCENARIOS} scenarios × 10 criteria × {RATERS} raters"),
            ):
                warm, cold = _page_rerun(page, code, secret, runs=5)
                rows.append(
                    {
                        "name": f"{page} page rerun (facilitator), {what}",
                        "median_s": warm,
                        "runs": 5,
                        "ratio": warm / empty,
                        "note": f"figures cached by workshop version; first run {cold:.2f} s",
                    }
                )
            store.dispose()
        finally:
            for key, value in previous.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return rows


NOTES = """The figures are pure functions (`selfdata/ui/figures/`, layout given to `go.Figure`
with the traces); the pages build them through `st.cache_data` keyed by the workshop's code
and version (`selfdata/ui/outcome_data.py`) and keep them as plain data
(`selfdata/ui/figures/ready.py`, `ReadyFigure`), so a rerun with nothing new pays a cache
lookup — not the build, nor a plotly figure rebuilt and re-validated out of the cache. Ratios
are over the empty page's rerun measured in the same run; what each change bought:
`docs/load.md`, "Tuning log"."""


def main() -> None:
    for row in run():
        print(
            f"{row['median_s'] * 1000:8.1f} ms  ×{row['ratio']:.1f}  {row['name']} — {row['note']}"
        )


if __name__ == "__main__":
    main()
