"""``python -m selfdata export WORKSHOP --out DIR [--scenario ID] [--lang fr|en]``.

Writes the workshop report and one dossier per scenario into DIR (or only the dossier of
``--scenario``). Pseudonyms stay out of the report unless the workshop names participants
(``settings.show_pseudonyms: true``, set by the facilitator on the console). A bad
file prints its problems, one per line, on stderr and exits 1; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfdata.files.loading import CARDS_DIR, FileFormatError, load_decks, load_workshop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", type=Path, metavar="WORKSHOP", help="workshop file")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    parser.add_argument("--scenario", metavar="ID", help="only this scenario's dossier")
    parser.add_argument("--lang", choices=("fr", "en"), default=None, help="language")
    parser.add_argument(
        "--cards", type=Path, default=CARDS_DIR, help="card deck directory (cards/)"
    )


def run(args: argparse.Namespace) -> int:
    from selfdata.engines.ranking import ZeroWeightsError
    from selfdata.export import (
        FontNotFoundError,
        ScenarioNotFoundError,
        scenario_dossier,
        workshop_report,
    )
    from selfdata.export.names import dossier_filename, report_filename

    try:
        decks = load_decks(args.cards)
        workshop = load_workshop(args.workshop, decks=decks)
    except FileFormatError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    lang: str = args.lang or workshop.language
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{out}: cannot create folder: {exc}", file=sys.stderr)
        return 1
    files: list[tuple[str, bytes]] = []
    try:
        if args.scenario:
            pdf = scenario_dossier(workshop, decks, args.scenario, lang)
            files.append((dossier_filename(workshop, args.scenario, lang), pdf))
        else:
            files.append(
                (
                    report_filename(workshop, lang),
                    workshop_report(workshop, decks, lang),
                )
            )
            for scenario in workshop.scenarios:
                pdf = scenario_dossier(workshop, decks, scenario.id, lang)
                files.append((dossier_filename(workshop, scenario.id, lang), pdf))
    except ScenarioNotFoundError:
        known = ", ".join(s.id for s in workshop.scenarios) or "none"
        print(
            f"{args.workshop}: no scenario '{args.scenario}' (scenarios: {known})",
            file=sys.stderr,
        )
        return 1
    except FontNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    except ZeroWeightsError as exc:
        print(f"{args.workshop}: cannot export: {exc.message(lang)}", file=sys.stderr)
        return 1
    for name, data in files:
        path = out / name
        try:
            path.write_bytes(data)
        except OSError as exc:
            print(f"{path}: cannot write: {exc}", file=sys.stderr)
            return 1
        print(f"{path} ({len(data) // 1024} KB)")
    return 0
