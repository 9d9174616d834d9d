"""``python -m selfdata demo --out FILE [--seed N]``: write the large demo workshop file
(60 sources, 40 needs, 30 use cases, 20 scenarios, 40 participants with votes and ratings),
YAML unless FILE ends in ``.json``. Benchmarks and page timing load it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from selfdata.app.demo import demo_workshop
from selfdata.files.loading import default_decks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write")
    parser.add_argument("--seed", type=int, default=2019, help="random seed (default: 2019)")


def run(args: argparse.Namespace) -> int:
    workshop = demo_workshop(default_decks(), seed=args.seed)
    data = workshop.dump()
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=1)
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    out.write_text(text, encoding="utf-8")
    counts = ", ".join(
        f"{len(getattr(workshop, k))} {k}"
        for k in ("sources", "needs", "use_cases", "scenarios", "participants", "votes", "ratings")
    )
    print(f"wrote {out} ({counts})", file=sys.stdout)
    return 0
