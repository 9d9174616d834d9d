"""PDF exports: time and size of a scenario dossier, the workshop report (the La Rochelle
example and a 20-scenario workshop) and the printable card deck.

``python -m bench.pdfs`` prints the rows; ``bench.run`` writes them into BENCHMARKS.md.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Participant, Rating, Scenario, Workshop
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

NOTES = (
    "Medians of repeated runs in one process (fonts parsed once per process; the first "
    "document also pays for it: see *first dossier*). Targets from the issue: one dossier "
    "well under 1 s, a 20-scenario report under 5 s."
)


def large_workshop(decks: Decks, scenarios: int = 20, participants: int = 12) -> Workshop:
    """The La Rochelle example grown to ``scenarios`` scenarios, all rated by everyone.

    Uses the demo generator when the project has one, so both benchmarks measure the
    same workshop.
    """
    try:
        from selfdata import demo  # type: ignore[attr-defined]

        made = demo.large_workshop(decks)
        if isinstance(made, Workshop) and len(made.scenarios) >= scenarios:
            return made
    except (ImportError, AttributeError, TypeError):
        pass
    base = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    people = [Participant(id=f"p{i}", pseudonym=f"Participant {i}") for i in range(participants)]
    criteria = [c.id for c in decks.criteria]
    made_scenarios: list[Scenario] = []
    for i in range(scenarios):
        template = base.scenarios[i % len(base.scenarios)]
        made_scenarios.append(
            template.model_copy(
                update={"id": f"{template.id}_{i}", "title": f"{template.title} #{i + 1}"}
            )
        )
    # Deterministic, varied ratings (no hash(): it changes between processes).
    ratings = [
        Rating(participant=p.id, scenario=s.id, criterion=c, value=1 + (3 * i + 7 * k + j) % 5)
        for k, s in enumerate(made_scenarios)
        for i, p in enumerate(people)
        for j, c in enumerate(criteria)
    ]
    return base.model_copy(
        update={"scenarios": made_scenarios, "participants": people, "ratings": ratings}
    )


def _measure(make: Callable[[], bytes], runs: int) -> tuple[float, int]:
    times = []
    size = 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(make())
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def run() -> list[dict[str, Any]]:
    from selfdata.export import card_deck, scenario_dossier, workshop_report

    decks = default_decks()
    example = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    big = large_workshop(decks)
    first = example.scenarios[0].id
    rows: list[dict[str, Any]] = []

    started = time.perf_counter()
    size = len(scenario_dossier(example, decks, first, "fr"))
    rows.append(
        {
            "name": "first dossier in a process (fonts parsed)",
            "median_s": round(time.perf_counter() - started, 3),
            "runs": 1,
            "size_bytes": size,
            "note": "includes parsing DejaVu and importing the ranking engine",
        }
    )
    cases: list[tuple[str, Callable[[], bytes], int, float | None, str]] = [
        (
            "scenario dossier, fr",
            lambda: scenario_dossier(example, decks, first, "fr"),
            7,
            1.0,
            "La Rochelle example, 4 scenarios ranked",
        ),
        (
            "scenario dossier, en",
            lambda: scenario_dossier(example, decks, first, "en"),
            7,
            1.0,
            "La Rochelle example",
        ),
        (
            "workshop report, 4 scenarios",
            lambda: workshop_report(example, decks, "fr"),
            5,
            5.0,
            "La Rochelle example",
        ),
        (
            f"workshop report, {len(big.scenarios)} scenarios",
            lambda: workshop_report(big, decks, "fr"),
            3,
            5.0,
            f"{len(big.participants)} participants, {len(big.ratings)} ratings",
        ),
        (
            "card deck, fr",
            lambda: card_deck(decks, "fr"),
            3,
            None,
            f"{len(decks.data_sources) + len(decks.needs) + len(decks.governance_models)} cards",
        ),
    ]
    for name, make, runs, target, note in cases:
        median, size = _measure(make, runs)
        row: dict[str, Any] = {"name": name, "median_s": round(median, 3), "runs": runs}
        if target is not None:
            row["target_s"] = target
            row["ratio"] = round(median / target, 2)
        row["size_bytes"] = size
        row["note"] = note
        rows.append(row)
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)
