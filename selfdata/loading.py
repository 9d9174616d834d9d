"""Reading card decks and workshop files from disk (the edge of the domain).

Every failure is a :class:`FileFormatError` carrying one :class:`Problem` per issue, each
naming the file, the place inside it and what was expected: never a traceback.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from selfdata.cards import DECK_KINDS, Deck, Decks
from selfdata.workshop import Workshop

ROOT = Path(__file__).resolve().parent.parent
CARDS_DIR = ROOT / "cards"
SCENARIOS_DIR = ROOT / "scenarios"


@dataclass(frozen=True)
class Problem:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.where}: {self.message}"
            if self.where
            else (f"{self.file}: {self.message}")
        )


class FileFormatError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validation_problems(file: str, err: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for e in err.errors():
        where = _loc(tuple(e["loc"]))
        if prefix:
            where = prefix + ("" if where.startswith("[") or not where else ".") + where
        problems.append(Problem(file, where, e["msg"]))
    return problems


def read_document(path: Path) -> Any:
    """Parse a YAML (or JSON) file safely."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileFormatError([Problem(name, "", f"cannot read file: {exc}")]) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FileFormatError([Problem(name, "", f"invalid YAML: {exc}")]) from None


def parse_deck(data: Any, file: str) -> tuple[str, list[Any]]:
    try:
        deck = Deck.model_validate(data)
    except ValidationError as exc:
        raise FileFormatError(validation_problems(file, exc)) from None
    model = DECK_KINDS[deck.kind]
    cards, problems = [], []
    for i, raw in enumerate(deck.cards):
        try:
            cards.append(model.model_validate(raw))
        except ValidationError as exc:
            problems += validation_problems(file, exc, prefix=f"cards[{i}]")
    if problems:
        raise FileFormatError(problems)
    return deck.kind, cards


def load_decks(directory: Path = CARDS_DIR) -> Decks:
    problems: list[Problem] = []
    found: dict[str, list[Any]] = {}
    for kind in DECK_KINDS:
        path = directory / f"{kind}.yaml"
        if not path.exists():
            problems.append(Problem(str(path), "", "deck file is missing"))
            continue
        try:
            got, cards = parse_deck(read_document(path), str(path))
        except FileFormatError as exc:
            problems += exc.problems
            continue
        if got != kind:
            problems.append(Problem(str(path), "kind", f"expected '{kind}', found '{got}'"))
        found[kind] = cards
    if problems:
        raise FileFormatError(problems)
    return Decks(**found)


@functools.lru_cache(maxsize=4)
def default_decks(directory: Path = CARDS_DIR) -> Decks:
    """The decks shipped in ``cards/``, loaded once per process (they are immutable)."""
    return load_decks(directory)


def parse_workshop(data: Any, file: str = "<workshop>") -> Workshop:
    try:
        return Workshop.model_validate(data)
    except ValidationError as exc:
        raise FileFormatError(validation_problems(file, exc)) from None


def load_workshop(path: Path) -> Workshop:
    return parse_workshop(read_document(path), str(path))
