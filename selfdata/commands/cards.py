"""``python -m selfdata cards --out FILE.pdf [--lang fr|en] [--cards DIR]``: print the deck."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfdata.files.loading import CARDS_DIR, FileFormatError, load_decks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="PDF file to write")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="language (fr)")
    parser.add_argument(
        "--cards", type=Path, default=CARDS_DIR, help="card deck directory (cards/)"
    )


def run(args: argparse.Namespace) -> int:
    from selfdata.export import card_deck
    from selfdata.export.fonts import FontNotFoundError

    try:
        decks = load_decks(args.cards)
    except FileFormatError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        pdf = card_deck(decks, args.lang)
    except FontNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    out: Path = args.out
    try:
        if out.parent != Path(""):
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as exc:
        print(f"{out}: cannot write: {exc}", file=sys.stderr)
        return 1
    print(f"{out} ({len(pdf) // 1024} KB)")
    return 0
