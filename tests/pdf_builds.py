"""The three PDF builders, each PDF built once per test run (issue 24: the suite built 180
PDFs, 103 of them distinct, about 64 s of CPU spent on the same documents again).

Same names and signatures as :mod:`selfdata.export`; a test module that only reads
documents back imports them from here. A build is keyed by everything it reads: the
workshop and the decks as they are at the call (their JSON), the scenario, the language and
the options. The bytes are kept in memory and in a folder shared by the run's xdist workers
(:data:`FOLDER`, set by ``tests/conftest.py`` to a folder of this run's temporary
directory: nothing outlives the run, so a change to the code is always built afresh).

What is not kept: a build that raises (it raises again each time), and a build with no
fixed ``created`` date is kept with the date of its first build (no test compares the
dates of two builds of one document). Tests that spy on a builder's insides (the palette
test) call :mod:`selfdata.export` itself.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from selfdata import export
from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop

FOLDER: Path | None = None
"""Where builds are shared between the run's workers (``None``: this process only)."""

_built: dict[str, bytes] = {}


def _key(*parts: Any) -> str:
    digest = hashlib.sha256()
    for part in parts:
        text = part.model_dump_json() if hasattr(part, "model_dump_json") else repr(part)
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _once(key: str, build: Any) -> bytes:
    if key in _built:
        return _built[key]
    path = None if FOLDER is None else FOLDER / f"{key}.pdf"
    if path is not None and path.exists():
        pdf = path.read_bytes()
    else:
        pdf = build()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(pdf)
            partial.replace(path)  # whole or absent for another worker
    _built[key] = pdf
    return pdf


def scenario_dossier(
    workshop: Workshop,
    decks: Decks,
    scenario_id: str,
    lang: str = "fr",
    *,
    created: datetime | None = None,
) -> bytes:
    """:func:`selfdata.export.scenario_dossier`, built once per run."""
    key = _key("dossier", workshop, decks, scenario_id, lang, created)
    return _once(
        key, lambda: export.scenario_dossier(workshop, decks, scenario_id, lang, created=created)
    )


def workshop_report(
    workshop: Workshop,
    decks: Decks,
    lang: str = "fr",
    *,
    show_pseudonyms: bool | None = None,
    created: datetime | None = None,
) -> bytes:
    """:func:`selfdata.export.workshop_report`, built once per run."""
    key = _key("report", workshop, decks, lang, show_pseudonyms, created)
    return _once(
        key,
        lambda: export.workshop_report(
            workshop, decks, lang, show_pseudonyms=show_pseudonyms, created=created
        ),
    )


def card_deck(decks: Decks, lang: str = "fr", *, created: datetime | None = None) -> bytes:
    """:func:`selfdata.export.card_deck`, built once per run."""
    return _once(
        _key("deck", decks, lang, created),
        lambda: export.card_deck(decks, lang, created=created),
    )
