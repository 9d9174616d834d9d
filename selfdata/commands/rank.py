"""``python -m selfdata rank WORKSHOP [--method weighted-sum|topsis] [--json]``.

Prints the ranking of the workshop's scenarios with their consensus, how stable the
winner is when the weights move, the smallest single weight change that swaps the top
two, and how far each participant's own ranking is from the group's. ``--json`` prints
the shape documented in ``docs/cli.md`` (``selfdata-ranking/1``). A bad file prints its
problems, one per line, on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from selfdata.loading import CARDS_DIR, FileFormatError, default_decks, load_workshop
from selfdata.ranking import (
    DEFAULT_DRAWS,
    DEFAULT_SPREAD,
    METHODS,
    Ranking,
    RankingError,
    rank_scenarios,
)
from selfdata.workshop import Workshop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", type=Path, metavar="WORKSHOP", help="workshop file")
    parser.add_argument(
        "--method", choices=METHODS, default="weighted-sum", help="ranking method (weighted-sum)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (selfdata-ranking/1)")
    parser.add_argument(
        "--draws",
        type=int,
        default=DEFAULT_DRAWS,
        help=f"weight draws for the sensitivity analysis ({DEFAULT_DRAWS})",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed of the draws (0)")
    parser.add_argument(
        "--cards", type=Path, default=CARDS_DIR, help="card deck directory (cards/)"
    )


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _weight(x: float) -> str:
    return f"{x:g}"


def render_text(workshop: Workshop, ranking: Ranking) -> str:
    method = "TOPSIS" if ranking.method == "topsis" else "weighted sum"
    lines = [f"{workshop.title} — {len(ranking.scenarios)} scenario(s), {method}", ""]
    lines.append(f"{'rank':>4}  {'score':>5}  {'consensus':>9}  scenario")
    for s in ranking.scenarios:
        consensus = "—" if s.consensus is None else f"{s.consensus:.2f}"
        lines.append(f"{s.rank:>4}  {s.score:>5.2f}  {consensus:>9}  {s.title} [{s.scenario}]")
    sens = ranking.sensitivity
    lines += [
        "",
        f"Winner: {ranking.winner.title} — first in {_pct(sens.winner_stability)} of "
        f"{sens.draws} draws of weights around the chosen ones (log-normal noise, "
        f"σ = {sens.spread:g}, seed {sens.seed}).",
    ]
    if ranking.swap is None:
        lines.append("No change of a single weight (0–10) swaps the top two.")
    else:
        sw = ranking.swap
        lines.append(
            f"Smallest single change that swaps the top two: {sw.criterion} "
            f"{_weight(sw.weight)} → {_weight(sw.new_weight)} ({sw.change:+.2f})."
        )
    missing = [(s.scenario, s.missing) for s in ranking.scenarios if s.missing]
    if missing:
        lines.append("Not rated, counted as neutral (3/5):")
        lines += [f"  {sid}: {', '.join(criteria)}" for sid, criteria in missing]
    if ranking.participants:
        lines.append("Agreement with the group (Kendall τ, 1 = same order, −1 = reversed):")
        for p in ranking.participants:
            tau = "—" if p.kendall_tau is None else f"{p.kendall_tau:+.2f}"
            lines.append(f"  {p.pseudonym}: {tau} ({p.ratings} ratings)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        decks = default_decks(args.cards)
        workshop = load_workshop(args.workshop, decks=decks)
    except FileFormatError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    try:
        ranking = rank_scenarios(
            workshop,
            decks,
            args.method,
            draws=args.draws,
            spread=DEFAULT_SPREAD,
            seed=args.seed,
        )
    except RankingError as exc:
        print(f"{args.workshop}: cannot rank: {exc}", file=sys.stderr)
        return 1
    if args.json:
        body = ranking.as_dict()
        data = {
            "schema": body.pop("schema"),
            "workshop": {"title": workshop.title, "territory": workshop.territory},
            **body,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_text(workshop, ranking))
    return 0
