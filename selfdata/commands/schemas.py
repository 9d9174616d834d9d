"""``python -m selfdata schemas [--out DIR] [--check]``: publish the file formats.

Writes ``workshop.schema.json`` and one ``deck-<kind>.schema.json`` per deck kind, generated
from the pydantic models, so editors can complete and check the YAML files. ``--check``
writes nothing and exits 1 when a published schema is stale.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from selfdata.domain.cards import DECK_KINDS
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import DECK_SCHEMA, ROOT

SCHEMAS_DIR = ROOT / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=SCHEMAS_DIR,
        metavar="DIR",
        help="where to write (default: schemas/)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a schema in DIR is stale; write nothing"
    )


def _deck_model(kind: str) -> type[BaseModel]:
    card: Any = DECK_KINDS[kind]
    schema_tag: Any = Literal[DECK_SCHEMA]
    kind_tag: Any = Literal[kind]
    model: type[BaseModel] = create_model(
        f"Deck_{kind}",
        __config__=ConfigDict(extra="forbid", populate_by_name=True),
        schema_=(schema_tag, Field(alias="schema")),
        kind=(kind_tag, ...),
        cards=(list[card], ...),
    )
    return model


def _document(
    model: type[BaseModel], file_name: str, title: str, description: str
) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": DRAFT,
        "$id": f"https://selfdata.example/schemas/{file_name}",
        **schema,
        "title": title,
        "description": description,
    }


def schema_documents() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema document, for every published format."""
    docs = {
        "workshop.schema.json": _document(
            Workshop,
            "workshop.schema.json",
            "Atelier Self Data workshop file (selfdata-workshop/1)",
            "A whole workshop: inventory, needs, votes, use cases, scenarios, criteria, "
            "participants and ratings. Ids refer to the card decks in cards/.",
        )
    }
    for kind in DECK_KINDS:
        name = f"deck-{kind}.schema.json"
        docs[name] = _document(
            _deck_model(kind),
            name,
            f"Atelier Self Data card deck: {kind} ({DECK_SCHEMA})",
            f"The deck file cards/{kind}.yaml: every card bilingual (fr, en) with its sources.",
        )
    return docs


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def stale(directory: Path) -> list[str]:
    """Published schema files in ``directory`` that are missing or out of date."""
    out = []
    for name, document in schema_documents().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(document):
            out.append(name)
    return out


def run(args: argparse.Namespace) -> int:
    directory: Path = args.out
    if args.check:
        names = stale(directory)
        for name in names:
            print(f"{directory / name}: stale or missing: run `make schemas`")
        return 1 if names else 0
    directory.mkdir(parents=True, exist_ok=True)
    for name, document in schema_documents().items():
        (directory / name).write_text(render(document), encoding="utf-8")
        print(directory / name)
    return 0
