"""``python -m selfdata validate PATH…``: check decks, workshop files and inventory spreadsheets.

Prints one line per problem (the file, then ``line:column`` for syntax or the path inside
the document for schema and reference errors, then what was expected: in French unless
``--lang en``, from the same catalogue as the app's pages) and exits 1; prints one ``ok`` line per
valid file and exits 0. A directory stands for its ``*.yaml``, ``*.yml`` and ``*.json``
files. Never a traceback.

A ``.csv`` or ``.xlsx`` file is an inventory of data sources or needs (see ``python -m
selfdata inventory template``): each problem names the line (the row number the
spreadsheet shows) and the column, in the language of the sheet's headers unless
``--lang`` says otherwise. A GDPR processing register (the CNIL's layout) is read as it is:
the command prints how each column was read, then the warnings (columns kept aside, the
template's example row left out) and how many cards the sheet gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfdata.files.inventory import format_of, read_sheet_cards, sheet_language
from selfdata.files.loading import CARDS_DIR, DeckSet, Problem, check_file, shipped_deck_set
from selfdata.i18n import DEFAULT_LANG, t

SUFFIXES = (".yaml", ".yml", ".json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="deck or workshop files, or folders"
    )
    parser.add_argument(
        "--cards",
        type=Path,
        default=CARDS_DIR,
        metavar="DIR",
        help="decks that references are checked against (default: the shipped cards/)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help="language of the problems (default: French; for spreadsheets, that of their"
        " headers) and of the summary (default: French)",
    )


def expand(paths: list[str]) -> list[str]:
    """The files named by ``paths``, folders replaced by their deck/workshop files."""
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
            )
            files += [str(p) for p in found]
        else:
            files.append(raw)
    return files


def run(args: argparse.Namespace) -> int:
    files = expand(args.paths)
    decks = shipped_deck_set(args.cards)
    lang = args.lang or DEFAULT_LANG
    failed = 0
    for name in files:
        try:
            if format_of(name) is not None:
                problems = check_spreadsheet(Path(name), name, decks, args.lang)
            else:
                problems = check_file(Path(name), name, decks)
        except Exception as exc:  # noqa: BLE001 — a bug must still not print a traceback
            problems = [
                Problem(name, "", f"internal error while checking: {type(exc).__name__}: {exc}")
            ]
        for problem in problems:
            print(problem.text(lang))
        if problems:
            failed += 1
        elif not args.quiet:
            print(f"{name}: ok")
    if not files:
        print(t("validate.no_file", lang), file=sys.stderr)
        return 1
    if failed:
        sys.stdout.flush()  # the summary comes after the last problem, on its own line
        print(summary(failed, len(files), lang), file=sys.stderr)
        return 1
    return 0


def summary(failed: int, total: int, lang: str) -> str:
    """How many files are invalid, in ``lang`` (French by default, like the app)."""
    key = "validate.summary.one" if (failed if lang == "fr" else total) == 1 else "validate.summary"
    return t(key, lang, failed=failed, total=total)


def check_spreadsheet(path: Path, name: str, decks: DeckSet, lang: str | None) -> list[Problem]:
    """Every problem of an inventory spreadsheet (CSV or XLSX)."""
    from selfdata.files.documents import read_bytes
    from selfdata.files.problems import FileFormatError

    try:
        data = read_bytes(path, name)
    except FileFormatError as exc:
        return exc.problems
    lang = lang or sheet_language(data, name)
    reading = read_sheet_cards(data, name, None, lang, decks=decks)
    if reading.register:  # a city's own register: say how its columns were read
        print(t("files.mapping.head", lang, file=name))
        for use in reading.mapping:
            print(t("files.mapping.line", lang, letter=use.letter, header=use.header, to=use.label))
    for warning in reading.warnings:
        print(t("files.mapping.warning", lang, text=str(warning)))
    if reading.register and not reading.problems:
        print(t("files.mapping.cards", lang, file=name, n=len(reading.cards)))
    return list(reading.problems)
