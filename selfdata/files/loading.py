"""Reading card decks and workshop files from disk (the edge of the domain).

Every failure is a :class:`FileFormatError` carrying one :class:`Problem` per issue, each
naming the file, the place inside it and what was expected: never a traceback. Hostile
input (huge files, alias bombs, deep nesting, binary content, duplicate keys) is refused
by :mod:`selfdata.files.documents` before validation; ids that point nowhere are found by
:mod:`selfdata.files.references`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from selfdata.domain.cards import DECK_KINDS, Card, Deck, Decks
from selfdata.domain.workshop import WORKSHOP_SCHEMA, Workshop
from selfdata.files.documents import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    decode_text,
    dump_yaml,
    parse_text,
    read_document,
    too_large,
)
from selfdata.files.problems import FileFormatError, Msg, Problem, suggest, validation_problems
from selfdata.files.references import DeckSet, Finding, all_deck_problems, deck_problems, deck_set
from selfdata.files.references import workshop_problems as _workshop_findings

__all__ = [
    "CARDS_DIR",
    "DeckSet",
    "DECK_SCHEMA",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "ROOT",
    "SCENARIOS_DIR",
    "FileFormatError",
    "Problem",
    "check_file",
    "deck_set",
    "default_decks",
    "dump_workshop",
    "load_decks",
    "load_workshop",
    "parse_deck",
    "parse_workshop",
    "read_document",
    "read_workshop_bytes",
    "shipped_deck_set",
    "validation_problems",
    "workshop_problems",
]

ROOT = Path(__file__).resolve().parents[2]
CARDS_DIR = ROOT / "cards"
SCENARIOS_DIR = ROOT / "scenarios"
DECK_SCHEMA = "selfdata-deck/1"
SCHEMAS = (DECK_SCHEMA, WORKSHOP_SCHEMA)


def _problems(file: str, findings: list[Finding]) -> list[Problem]:
    return [Problem(file, where, message) for where, message in findings]


def parse_deck(data: Any, file: str) -> tuple[str, list[Any]]:
    """Validate one deck document: its kind and its cards (no cross-references yet)."""
    try:
        deck = Deck.model_validate(data)
    except ValidationError as exc:
        raise FileFormatError(validation_problems(file, exc, model=Deck)) from None
    model = DECK_KINDS[deck.kind]
    cards, problems = [], []
    for i, raw in enumerate(deck.cards):
        try:
            cards.append(model.model_validate(raw))
        except ValidationError as exc:
            problems += validation_problems(file, exc, prefix=f"cards[{i}]", model=model)
    if problems:
        raise FileFormatError(problems)
    return deck.kind, cards


def load_decks(directory: Path = CARDS_DIR) -> Decks:
    """All decks of ``directory`` (``<kind>.yaml`` each), validated and cross-checked."""
    problems: list[Problem] = []
    found: dict[str, list[Any]] = {}
    paths: dict[str, str] = {}
    for kind in DECK_KINDS:
        path = directory / f"{kind}.yaml"
        paths[kind] = str(path)
        if not path.exists():
            problems.append(Problem(str(path), "", Msg("files.problem.no_deck")))
            continue
        try:
            got, cards = parse_deck(read_document(path), str(path))
        except FileFormatError as exc:
            problems += exc.problems
            continue
        if got != kind:
            problems.append(
                Problem(
                    str(path),
                    "kind",
                    Msg("files.problem.expected_value", value=kind, got=f"'{got}'"),
                )
            )
            continue
        found[kind] = cards
    if problems:
        raise FileFormatError(problems)
    for kind, findings in all_deck_problems(found).items():
        problems += _problems(paths[kind], findings)
    if problems:
        raise FileFormatError(problems)
    return Decks(**found)


@functools.lru_cache(maxsize=4)
def default_decks(directory: Path = CARDS_DIR) -> Decks:
    """The decks shipped in ``cards/``, loaded once per process (they are immutable)."""
    return load_decks(directory)


def shipped_deck_set(directory: Path = CARDS_DIR) -> dict[str, list[Card]]:
    """Every deck of ``directory`` that loads on its own; broken or missing ones are left out.

    Used to check references while some decks are still being written. Every inventory
    read checks its references against it, so the decks are parsed once per state of their
    files (size and modification time of each): an edited deck is read again.
    """
    cached = _deck_set(directory, _deck_stamps(directory))
    return {kind: list(cards) for kind, cards in cached.items()}


def _deck_stamps(directory: Path) -> tuple[tuple[int, int] | None, ...]:
    stamps: list[tuple[int, int] | None] = []
    for kind in DECK_KINDS:
        try:
            stat = (directory / f"{kind}.yaml").stat()
        except OSError:
            stamps.append(None)
            continue
        stamps.append((stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


@functools.lru_cache(maxsize=8)
def _deck_set(directory: Path, stamps: tuple[tuple[int, int] | None, ...]) -> dict[str, list[Card]]:
    del stamps  # the cache key: the files as they are now
    out: dict[str, list[Card]] = {}
    for kind in DECK_KINDS:
        path = directory / f"{kind}.yaml"
        try:
            got, cards = parse_deck(read_document(path), str(path))
        except FileFormatError:
            continue
        if got == kind:
            out[kind] = cards
    return out


def parse_workshop(data: Any, file: str = "<workshop>", *, decks: Decks | None = None) -> Workshop:
    """Validate a workshop document; with ``decks``, also every id it names."""
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        raise FileFormatError(validation_problems(file, exc, model=Workshop)) from None
    if decks is not None:
        problems = _problems(file, _workshop_findings(workshop, decks))
        if problems:
            raise FileFormatError(problems)
    return workshop


def load_workshop(path: Path, *, decks: Decks | None = None) -> Workshop:
    return parse_workshop(read_document(path), str(path), decks=decks)


def workshop_problems(workshop: Workshop, decks: Decks | DeckSet, file: str) -> list[Problem]:
    """Dangling and duplicate references of a valid workshop, as problems of ``file``."""
    return _problems(file, _workshop_findings(workshop, decks))


def dump_workshop(workshop: Workshop) -> str:
    """The workshop file (YAML text) that :func:`parse_workshop` reads back unchanged."""
    header = "# Atelier Self Data workshop file: see schemas/workshop.schema.json\n"
    return header + dump_yaml(workshop.dump())


def read_workshop_bytes(raw: bytes, file: str, decks: Decks | DeckSet | None) -> Workshop:
    """A workshop file received as bytes (an upload), read under the same guards as a file
    on disk (size first, then binary content, encoding, aliases, depth, tags, duplicate
    keys), validated, and its ids checked against ``decks``. Raises
    :class:`FileFormatError` with one :class:`Problem` per issue; never anything else."""
    if len(raw) > MAX_FILE_BYTES:
        raise FileFormatError([too_large(file, len(raw))])
    text = decode_text(raw, file)
    data = parse_text(text, file, json_syntax=file.lower().endswith(".json"))
    if not isinstance(data, dict):
        got = _shape(data)
        raise FileFormatError([Problem(file, "", Msg("files.problem.not_workshop", got=got))])
    schema = data.get("schema")
    if schema == DECK_SCHEMA:
        message = Msg("files.problem.a_deck", schema=DECK_SCHEMA)
        raise FileFormatError([Problem(file, "schema", message)])
    if schema is not None and schema != WORKSHOP_SCHEMA:
        shown = f"'{schema}'" if isinstance(schema, str) else repr(schema)
        hint = suggest(schema, SCHEMAS)
        message = Msg(
            "files.problem.schema", shown=shown, hint=hint, expected=f"'{WORKSHOP_SCHEMA}'"
        )
        raise FileFormatError([Problem(file, "schema", message)])
    workshop = parse_workshop(data, file)
    if decks is not None:
        problems = _problems(file, _workshop_findings(workshop, decks))
        if problems:
            raise FileFormatError(problems)
    return workshop


def _shape(data: object) -> Msg:
    return Msg("files.problem.a_list" if isinstance(data, list) else "files.problem.a_value")


def check_file(path: Path, file: str | None = None, decks: DeckSet | None = None) -> list[Problem]:
    """Every problem of a deck or workshop file, its type told by its ``schema:`` tag.

    A deck is checked against ``decks`` with itself in place of the deck of its kind; a
    workshop against ``decks``. ``decks`` defaults to what loads from ``cards/``.
    """
    name = file if file is not None else str(path)
    try:
        data = read_document(path, name)
    except FileFormatError as exc:
        return exc.problems
    if not isinstance(data, dict):
        return [Problem(name, "", Msg("files.problem.no_mapping", got=_shape(data)))]
    schema = data.get("schema")
    if schema is None:
        return [
            Problem(
                name, "", Msg("files.problem.no_schema", deck=DECK_SCHEMA, workshop=WORKSHOP_SCHEMA)
            )
        ]
    if schema not in SCHEMAS:
        shown = f"'{schema}'" if isinstance(schema, str) else repr(schema)
        return [
            Problem(
                name,
                "schema",
                Msg(
                    "files.problem.schema",
                    shown=shown,
                    hint=suggest(schema, SCHEMAS),
                    expected=Msg("files.problem.either", a=DECK_SCHEMA, b=WORKSHOP_SCHEMA),
                ),
            )
        ]
    known = shipped_deck_set() if decks is None else decks
    try:
        if schema == DECK_SCHEMA:
            kind, cards = parse_deck(data, name)
            return _problems(name, deck_problems(kind, cards, {**known, kind: cards}))
        workshop = parse_workshop(data, name)
    except FileFormatError as exc:
        return exc.problems
    return _problems(name, _workshop_findings(workshop, known))
