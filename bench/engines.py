"""Engine benchmarks: ``python -m bench.engines`` prints the rows; ``run()`` returns them.

Sizes well above a real workshop's, on synthetic but valid cards (seeded, so every run
measures the same work): weight sensitivity with 10,000 draws for 50 scenarios × 10
criteria (both methods), a 300-actor value network (build, diagnostics, layout), and
matching 100 sources × 60 needs. Each row is the median of several timed runs after one
warm-up run.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from selfdata.domain.cards import DataSourceCard, NeedCard, NetworkTemplate
from selfdata.engines.matching import coverage_of, match_matrix, match_sources
from selfdata.engines.network import build_network, diagnose, layout
from selfdata.engines.ranking import Method, smallest_weight_swap, weight_sensitivity

RUNS = 7
TARGET_S = 0.2

CATEGORIES = (
    "energy_consumption energy_load_curve gas_consumption water_consumption utility_contract "
    "transport_validations bike_share_trips car_sharing parking_sessions trip_traces vehicle "
    "waste_lifts recycling_visits household_composition income social_benefits "
    "social_aid_file housing_record health school_bookings library_loans leisure_bookings "
    "local_taxes identity payments public_space_sensors contact_details"
).split()
THEMES = (
    "energy water mobility waste social housing health education leisure administration "
    "environment finance"
).split()
ACTOR_CARDS = (
    "data_holder city personal_cloud_operator trusted_third_party data_cooperative data_trust "
    "trust_board service_provider researchers social_worker digital_mediator regulator"
).split()
FLOW_TYPES = ("personal_data", "consent", "service", "money", "insight", "oversight")


def timed(work: Callable[[], object], runs: int = RUNS) -> tuple[float, int]:
    work()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), runs


def _text(s: str) -> dict[str, str]:
    return {"fr": s, "en": s}


def synthetic_sources(n: int, rng: random.Random) -> list[DataSourceCard]:
    return [
        DataSourceCard.model_validate(
            {
                "id": f"source_{i}",
                "title": _text(f"Source {i}"),
                "description": _text("d"),
                "holder": _text("h"),
                "holder_kind": "public_utility",
                "themes": rng.sample(THEMES, rng.randint(1, 2)),
                "categories": rng.sample(CATEGORIES, rng.randint(1, 3)),
                "refresh": "daily",
                "access": rng.choice(["api", "portal", "paper", "open_data", "not_available"]),
                "ease": rng.randint(1, 3),
                "sensitivity": rng.choice(["low", "medium", "high", "special"]),
                "portability": rng.random() < 0.6,
                "reusable": rng.random() < 0.95,
            }
        )
        for i in range(n)
    ]


def synthetic_needs(n: int, rng: random.Random) -> list[NeedCard]:
    return [
        NeedCard.model_validate(
            {
                "id": f"need_{i}",
                "title": _text(f"Need {i}"),
                "description": _text("d"),
                "persona": _text("p"),
                "themes": rng.sample(THEMES, rng.randint(1, 2)),
                "usage_family": "self_knowledge",
                "categories": rng.sample(CATEGORIES, rng.randint(1, 4)),
            }
        )
        for i in range(n)
    ]


def synthetic_network(actors: int, rng: random.Random) -> NetworkTemplate:
    """A resident, then actors each tied to an earlier one (a connected network), plus
    extra random flows: about three flows per actor, consent from the resident to a third.
    """
    nodes = [{"id": "resident", "actor": "resident"}] + [
        {"id": f"a{i}", "actor": rng.choice(ACTOR_CARDS)} for i in range(1, actors)
    ]
    flows: list[dict[str, Any]] = []
    for i in range(1, actors):
        parent = nodes[rng.randrange(i)]["id"]
        flows.append({"source": parent, "target": f"a{i}", "type": rng.choice(FLOW_TYPES)})
        if rng.random() < 0.33:
            flows.append({"source": "resident", "target": f"a{i}", "type": "consent"})
    for _ in range(actors):
        a, b = rng.sample(nodes, 2)
        flows.append({"source": a["id"], "target": b["id"], "type": rng.choice(FLOW_TYPES)})
    return NetworkTemplate.model_validate(
        {
            "actors": nodes,
            "flows": [dict(f, id=f"f{j}", label=_text("flow")) for j, f in enumerate(flows)],
        }
    )


def bench_sensitivity(method: Method) -> dict[str, Any]:
    rng = np.random.default_rng(1)
    matrix = rng.integers(1, 6, size=(50, 10)).astype(float)
    weights = list(rng.integers(1, 6, size=10).astype(float))
    directions = ["benefit"] * 6 + ["cost"] * 4
    ids = [f"s{i}" for i in range(50)]
    median, runs = timed(
        lambda: weight_sensitivity(
            matrix,
            weights,
            directions,
            ids,
            method,
            draws=10_000,
            seed=0,
        )
    )
    swap, _ = timed(
        lambda: smallest_weight_swap(
            matrix,
            weights,
            directions,
            [f"c{i}" for i in range(10)],
            method,
        ),
        runs=3,
    )
    return {
        "name": f"sensitivity, {method}: 10,000 draws × 50 scenarios × 10 criteria",
        "median_s": median,
        "runs": runs,
        "target_s": TARGET_S,
        "note": f"vectorised (one matrix product per side); weight-swap search {swap:.3f} s",
    }


def bench_network() -> dict[str, Any]:
    template = synthetic_network(300, random.Random(2))

    def work() -> None:
        graph = build_network(template)
        diagnose(graph)
        layout(graph)

    median, runs = timed(work)
    return {
        "name": "network: build + diagnostics + layout, 300 actors",
        "median_s": median,
        "runs": runs,
        "target_s": TARGET_S,
        "note": f"{len(template.flows)} flows; betweenness from 100 seeded pivots above 100 actors",
    }


def bench_matching() -> list[dict[str, Any]]:
    rng = random.Random(3)
    sources, needs = synthetic_sources(100, rng), synthetic_needs(60, rng)
    matrix_s, runs = timed(lambda: coverage_of(match_matrix(needs, sources)))
    lists_s, list_runs = timed(lambda: [match_sources(n, sources) for n in needs], runs=5)
    return [
        {
            "name": "matching: needs × sources matrix + coverage, 60 × 100",
            "median_s": matrix_s,
            "runs": runs,
            "target_s": TARGET_S,
            "note": "incidence matrices, one product per vocabulary",
        },
        {
            "name": "matching: ranked lists with reasons for all 60 needs, 100 sources",
            "median_s": lists_s,
            "runs": list_runs,
            "target_s": TARGET_S,
            "note": "the whole step's suggestions at once (the app asks one need at a time)",
        },
    ]


def run() -> list[dict[str, Any]]:
    return [
        bench_sensitivity("weighted-sum"),
        bench_sensitivity("topsis"),
        bench_network(),
        *bench_matching(),
    ]


def main() -> None:
    for row in run():
        verdict = "ok" if row["median_s"] <= row["target_s"] else "SLOW"
        print(
            f"{row['median_s'] * 1000:8.1f} ms  (target {row['target_s'] * 1000:.0f} ms, "
            f"{verdict}, median of {row['runs']})  {row['name']} — {row['note']}"
        )


if __name__ == "__main__":
    main()
