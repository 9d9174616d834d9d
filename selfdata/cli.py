"""``python -m selfdata …``: the command line. Each subcommand lives in
``selfdata/commands/<name>.py`` with ``add_arguments(parser)`` and ``run(args) -> int``;
the CLI and the app call the same services.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "validate": "Validate card decks, workshop files and inventory spreadsheets",
    "schemas": "Write the JSON Schemas of the file formats",
    "rank": "Rank a workshop's scenarios",
    "export": "Export PDF dossiers and the workshop report",
    "cards": "Print the card deck as a PDF",
    "demo": "Generate a large demo workshop file",
    "inventory": "Write the spreadsheet template of a city's data sources or needs",
    "workshops": "List, back up, purge or delete the workshops in the app's database",
    "health": "Check that the app's database can be read and written (one line, exit 0/1)",
    "serve": "Start the app: one process, or N replicas behind HAProxy (sticky sessions)",
}


def _module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"selfdata.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m selfdata", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in COMMANDS.items():
        try:
            module = _module(name)
        except ModuleNotFoundError:
            continue  # a command still being written is simply not offered
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = _module(args.command).run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
