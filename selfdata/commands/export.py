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

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import CARDS_DIR, FileFormatError, load_decks, load_workshop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", type=Path, metavar="WORKSHOP", help="workshop file")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    parser.add_argument("--scenario", metavar="ID", help="only this scenario's dossier")
    parser.add_argument("--lang", choices=("fr", "en"), default=None, help="language")
    parser.add_argument(
        "--cards", type=Path, default=CARDS_DIR, help="card deck directory (cards/)"
    )


class _Refused(Exception):
    """A problem already put in words, one line each: printed on stderr, exit 1."""

    def __init__(self, *lines: object) -> None:
        super().__init__(*lines)
        self.lines = lines


def run(args: argparse.Namespace) -> int:
    try:
        _export(args)
    except _Refused as refused:
        for line in refused.lines:
            print(line, file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> None:
    try:
        decks = load_decks(args.cards)
        workshop = load_workshop(args.workshop, decks=decks)
    except FileFormatError as exc:
        raise _Refused(*exc.problems) from None
    lang: str = args.lang or workshop.language
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _Refused(f"{out}: cannot create folder: {exc}") from None
    for name, data in _pdfs(args, workshop, decks, lang):
        path = out / name
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise _Refused(f"{path}: cannot write: {exc}") from None
        print(f"{path} ({len(data) // 1024} KB)")


def _pdfs(
    args: argparse.Namespace, workshop: Workshop, decks: Decks, lang: str
) -> list[tuple[str, bytes]]:
    """(file name, PDF) of the report and every dossier, or of ``--scenario``'s dossier;
    every PDF built before any is written."""
    from selfdata.engines.ranking import ZeroWeightsError
    from selfdata.export import (
        FontNotFoundError,
        ScenarioNotFoundError,
        scenario_dossier,
        workshop_report,
    )
    from selfdata.export.names import dossier_filename, report_filename

    def dossier(scenario: str) -> tuple[str, bytes]:
        pdf = scenario_dossier(workshop, decks, scenario, lang)
        return dossier_filename(workshop, scenario, lang), pdf

    try:
        if args.scenario:
            return [dossier(args.scenario)]
        report = (report_filename(workshop, lang), workshop_report(workshop, decks, lang))
        return [report] + [dossier(scenario.id) for scenario in workshop.scenarios]
    except ScenarioNotFoundError:
        known = ", ".join(s.id for s in workshop.scenarios) or "none"
        raise _Refused(
            f"{args.workshop}: no scenario '{args.scenario}' (scenarios: {known})"
        ) from None
    except FontNotFoundError as exc:
        raise _Refused(exc) from None
    except ZeroWeightsError as exc:
        raise _Refused(f"{args.workshop}: cannot export: {exc.message(lang)}") from None
