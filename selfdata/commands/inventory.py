"""``python -m selfdata inventory template --kind sources|needs --out FILE.csv|FILE.xlsx
[--lang fr|en]``: write the spreadsheet a city fills with its own data sources or needs.

French headers by default; one example row; every column and its allowed values explained
(a second sheet in XLSX, ``#`` lines on top of a CSV). ``python -m selfdata validate FILE``
checks the filled file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfdata.files.inventory import format_of, write_template
from selfdata.files.inventory_columns import KINDS

_WROTE = {
    "fr": "modèle écrit : {out} ({kind}, {fmt}) — vérifiez-le une fois rempli avec "
    "python -m selfdata validate {out}",
    "en": "wrote the template {out} ({kind}, {fmt}) — check it once filled with "
    "python -m selfdata validate {out}",
}
_BAD_SUFFIX = {
    "fr": "{out}\u00a0: le fichier doit finir par .csv ou .xlsx",
    "en": "{out}: the file name must end in .csv or .xlsx",
}
_CANNOT_WRITE = {
    "fr": "{out}\u00a0: écriture impossible ({reason})",
    "en": "{out}: cannot write ({reason})",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    template = actions.add_parser(
        "template", help="write the spreadsheet to fill (CSV or XLSX)", description=__doc__
    )
    template.add_argument("--kind", choices=KINDS, required=True, help="sources or needs")
    template.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.csv or FILE.xlsx"
    )
    template.add_argument(
        "--lang", choices=("fr", "en"), default="fr", help="language of the headers (fr)"
    )


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    fmt = format_of(out.name)
    if fmt is None or out.suffix.lower() not in (".csv", ".xlsx"):
        print(_BAD_SUFFIX[args.lang].format(out=out), file=sys.stderr)
        return 2
    data = write_template(args.kind, args.lang, fmt)
    try:
        out.write_bytes(data)
    except OSError as exc:
        print(_CANNOT_WRITE[args.lang].format(out=out, reason=exc.strerror), file=sys.stderr)
        return 1
    print(_WROTE[args.lang].format(out=out, kind=args.kind, fmt=fmt.upper()))
    return 0
