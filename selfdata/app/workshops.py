"""Workshops as a whole: create (blank or from an example), import, check the secret,
delete, and erase those past their retention date."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from selfdata.app import access
from selfdata.app.access import check_text, commit
from selfdata.app.creation_quota import claim_creation, forget_old_creations
from selfdata.app.read_models import Created
from selfdata.domain import credentials
from selfdata.domain.errors import InvalidInput
from selfdata.domain.limits import MAX_TITLE, RETENTION_DAYS_DEFAULT
from selfdata.domain.workshop import Workshop
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import erasure, workshops


def now_iso() -> str:
    """The current time as an ISO 8601 UTC string (``…Z``), from :data:`access.clock`."""
    return iso_at(access.clock())


def iso_at(seconds: float) -> str:
    """A POSIX time as :func:`now_iso` writes it (they sort as text in time order)."""
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


def seconds_of(iso: str) -> float:
    """The POSIX time of an ISO string written by :func:`now_iso`."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def _retention_seconds() -> float | None:
    raw = os.environ.get("SELFDATA_RETENTION_DAYS", "").strip()
    try:
        days = float(raw) if raw else RETENTION_DAYS_DEFAULT
    except ValueError:
        days = RETENTION_DAYS_DEFAULT
    return None if days <= 0 else days * 86400


# === workshops ==============================================================================


def example_names() -> list[str]:
    """Example workshops shipped in ``scenarios/`` (file stems)."""
    from selfdata.files.loading import SCENARIOS_DIR

    return sorted(p.stem for p in SCENARIOS_DIR.glob("*.yaml"))


def _invalid_file(problems: Sequence[str]) -> InvalidInput:
    return InvalidInput("import.invalid", problems=list(problems)[:50])


def _store_new(store: Store, workshop: Workshop, action: str) -> Created:
    problems = transfer.import_problems(workshop, access.decks())
    if problems:
        raise _invalid_file(problems)
    secret = credentials.new_secret()
    now = access.clock()
    retention = _retention_seconds()

    def tx(conn: Tx) -> Created:
        code = credentials.new_code()
        while workshops.code_taken(conn, code):
            code = credentials.new_code()
        transfer.write_workshop(
            conn,
            workshop,
            code=code,
            secret_hash=credentials.digest(secret),
            created_at=now,
            expires_at=None if retention is None else now + retention,
        )
        w = access.workshop_row(conn, code)
        commit(conn, w, actor="facilitator", action=action, detail={"title": workshop.title})
        return Created(code=code, secret=secret)

    return store.write(tx)


def create_workshop(
    store: Store,
    *,
    title: str | None = None,
    territory: str | None = None,
    theme: str | None = None,
    example: str | None = None,
    language: str = "fr",
    client: str | None = None,
) -> Created:
    """Open a new workshop: blank (``title``, ``territory`` and ``theme`` required) or a copy
    of ``scenarios/<example>.yaml`` with its content (the given title/territory/theme
    override the example's). Returns the join code (share it) and the facilitator secret
    (keep it). ``client``: the network address of a browser asking; its creations count
    toward the per-minute limits before anything is read (:mod:`selfdata.app.creation_quota`;
    ``None``, the command line: not limited)."""
    if client is not None:
        claim_creation(store, client)
    fields: dict[str, Any] = {"language": language, "created": now_iso()}
    for name, value in (("title", title), ("territory", territory)):
        if value is not None:
            fields[name] = check_text(value, name, limit=MAX_TITLE, required=True)
    if theme is not None:
        fields["theme"] = theme
    if example is not None:
        if example not in example_names():
            raise InvalidInput("example.unknown", example=str(example)[:64])
        from selfdata.files.loading import SCENARIOS_DIR, load_workshop

        data = load_workshop(SCENARIOS_DIR / f"{example}.yaml").dump()
        data.update(fields)
    else:
        missing = [n for n in ("title", "territory", "theme") if n not in fields]
        if missing:
            raise InvalidInput("workshop.missing", problems=missing)
        data = fields
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(
            "workshop.invalid",
            problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
        ) from None
    return _store_new(store, workshop, "create_workshop")


def import_workshop(store: Store, workshop: Workshop) -> Created:
    """Store a whole workshop (from a file) as a new workshop with a fresh code and secret.

    All or nothing: references are checked first (votes and ratings name existing
    participants, use cases name existing needs and sources…); any problem raises
    :class:`InvalidInput` listing every problem, and nothing is written. Participants come
    without tokens (tokens are never exported): they join again under a new pseudonym."""
    if not isinstance(workshop, Workshop):
        raise _invalid_file(["expected a workshop"])
    return _store_new(store, workshop, "import_workshop")


def delete_workshop(store: Store, code: str, secret: str) -> None:
    """Erase the workshop and every row that belongs to it, audit log included (data
    retention). The code stops working at once."""

    def tx(conn: Tx) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        erasure.erase_workshop(conn, w.id)

    store.write(tx)
    store.erase_traces()


def purge_expired(store: Store, now: float | None = None) -> int:
    """Erase every workshop past its retention date; returns how many were erased."""
    moment = access.clock() if now is None else now

    def tx(conn: Tx) -> int:
        ids = erasure.expired(conn, moment)
        for workshop_id in ids:
            erasure.erase_workshop(conn, workshop_id)
        forget_old_creations(conn, moment)
        return len(ids)

    erased = store.write(tx)
    if erased:
        store.erase_traces()
    return erased
