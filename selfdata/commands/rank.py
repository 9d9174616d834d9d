"""``python -m selfdata rank WORKSHOP [--method weighted-sum|topsis] [--json]``.

Prints the ranking of the workshop's scenarios with their consensus, how stable the
winner is when the weights move, the smallest single weight change that swaps the top
two, and how far each participant's own ranking is from the group's (computed by
:mod:`selfdata.app.outcomes`, as on screen and in the PDFs). That agreement is named per
pseudonym only when the workshop names participants (``settings.show_pseudonyms: true``,
set by the facilitator on the console); otherwise (anonymous mode, the default) the
agreements are listed as "participant 1, 2…", highest first, and no pseudonym is printed.
``--json`` prints
the shape documented in ``docs/cli.md`` (``selfdata-ranking/1``). A bad file prints its
problems, one per line, on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from selfdata.app import outcomes
from selfdata.domain.numbers import format_score, format_share, format_signed, format_weight
from selfdata.domain.visibility import documents_name_pseudonyms
from selfdata.domain.workshop import Workshop
from selfdata.engines.decision import DecisionOutcome
from selfdata.engines.decision_summary import decision_sentences
from selfdata.engines.ranking import METHODS, SENSITIVITY, Ranking, RankingError
from selfdata.engines.ranking_summary import position_label, ranking_sentences
from selfdata.files.loading import CARDS_DIR, FileFormatError, default_decks, load_workshop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", type=Path, metavar="WORKSHOP", help="workshop file")
    parser.add_argument(
        "--method", choices=METHODS, default="weighted-sum", help="ranking method (weighted-sum)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (selfdata-ranking/1)")
    parser.add_argument(
        "--draws",
        type=int,
        default=SENSITIVITY.draws,
        help=f"weight draws for the sensitivity analysis ({SENSITIVITY.draws}, as on screen "
        "and in the PDFs)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=SENSITIVITY.seed,
        help=f"random seed of the draws ({SENSITIVITY.seed})",
    )
    parser.add_argument(
        "--cards", type=Path, default=CARDS_DIR, help="card deck directory (cards/)"
    )


def render_text(workshop: Workshop, ranking: Ranking, *, pseudonyms: bool | None = None) -> str:
    """The ranking in English with the words of the screen and the PDFs (one number
    formatter, ties said as ties, the scale-free weight swap)."""
    lang = "en"
    if pseudonyms is None:
        pseudonyms = documents_name_pseudonyms("operator", workshop.settings.show_pseudonyms)
    method = "TOPSIS" if ranking.method == "topsis" else "weighted sum"
    lines = [f"{workshop.title} — {len(ranking.scenarios)} scenario(s), {method}", ""]
    weights = ", ".join(
        f"{c.id} {format_weight(c.weight, lang)} ({format_share(c.share, lang)})"
        for c in ranking.criteria
    )
    lines += [f"Weights: {weights}", ""]
    lines.append(f"{'place':>9}  {'score':>5}  {'consensus':>9}  scenario")
    for s in ranking.scenarios:
        consensus = "—" if s.consensus is None else format_score(s.consensus, lang)
        place = position_label(s, lang) if ranking.has_ratings else "—"
        lines.append(
            f"{place:>9}  {format_score(s.score, lang):>5}  {consensus:>9}  "
            f"{s.title} [{s.scenario}]"
        )
    sens = ranking.sensitivity
    lines.append("")
    if ranking.has_winner:
        lines.append(f"Winner: {ranking.winner.title}.")
    lines += ranking_sentences(ranking, lang)
    lines.append(
        f"Sensitivity: {sens.draws} draws of weights around the chosen ones (log-normal "
        f"noise, σ = {sens.spread:g}, seed {sens.seed})."
    )
    missing = [(s.scenario, s.missing) for s in ranking.scenarios if s.missing]
    if missing:
        lines.append("Not rated, counted as neutral (3/5):")
        lines += [f"  {sid}: {', '.join(criteria)}" for sid, criteria in missing]
    if ranking.participants:
        lines.append("Agreement with the group (Kendall τ, 1 = same order, −1 = reversed):")
        people = ranking.participants if pseudonyms else _anonymous(ranking.participants)
        for n, p in enumerate(people, 1):
            tau = "—" if p.kendall_tau is None else format_signed(p.kendall_tau, lang)
            who = p.pseudonym if pseudonyms else f"participant {n}"
            lines.append(f"  {who}: {tau} ({p.ratings} ratings)")
    return "\n".join(lines)


def _anonymous(people: Sequence[Any]) -> list[Any]:
    """In anonymous mode: the agreements in a neutral order (highest first), so the
    order of the file says nothing about who is who."""
    return sorted(people, key=lambda p: (p.kendall_tau is None, -(p.kendall_tau or 0.0)))


def run(args: argparse.Namespace) -> int:
    try:
        decks = default_decks(args.cards)
        workshop = load_workshop(args.workshop, decks=decks)
    except FileFormatError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    try:
        group = outcomes.rank(
            workshop,
            decks,
            args.method,
            draws=args.draws,
            spread=SENSITIVITY.spread,
            seed=args.seed,
        )
        ranking = group.ranking
    except RankingError as exc:
        print(f"{args.workshop}: cannot rank: {exc.message('en')}", file=sys.stderr)
        return 1
    if args.json:
        body = ranking.as_dict()
        if not documents_name_pseudonyms("operator", workshop.settings.show_pseudonyms):
            body["participants"] = [
                {k: v for k, v in entry.items() if k not in ("participant", "pseudonym")}
                for entry in sorted(
                    body["participants"],
                    key=lambda e: (e.get("kendall_tau") is None, -(e.get("kendall_tau") or 0)),
                )
            ]
        data = {
            "schema": body.pop("schema"),
            "workshop": {"title": workshop.title, "territory": workshop.territory},
            **body,
            **decision_json(group.decision),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_text(workshop, ranking))
        if group.decision is not None:
            titles = {s.id: s.title for s in workshop.scenarios}
            tables = {x.id: x.name for x in workshop.tables or ()}
            for line in decision_sentences(group.decision, titles, tables, "en"):
                print(line)
    return 0


def decision_json(decision: DecisionOutcome | None) -> dict[str, Any]:
    """``weight_sets``, ``robustness.participants_resampled``, ``rounds`` and ``consent``
    (documented in ``docs/cli.md``)."""
    if decision is None:
        return {}
    body = decision.as_dict()
    return {
        "weight_sets": body["weight_sets"],
        "winner_depends_on_weights": body["winner_depends_on_weights"],
        "robustness": {"participants_resampled": body["participants_resampled"]},
        "rounds": body["rounds"],
        "consent": body["consent"],
    }
