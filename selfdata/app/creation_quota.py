"""How many workshops may be created, per network address and in total, per minute.

Anyone may open the home page and create a workshop: unlimited, eight scripted sessions
created ~500 workshops a minute and grew the database ~24 MB a minute. The limit is kept in
the database (``workshop_creations``), so every server process and replica shares it, and
it is checked in one write transaction before anything is read or stored: SQLite's
``BEGIN IMMEDIATE`` serialises the check and the insert; on PostgreSQL a transaction-level
advisory lock does. An attempt counts, whether or not the workshop is then stored (an
imported file that is refused was still read).

Settings (per minute; ``0`` turns a limit off):

- ``SELFDATA_CREATE_PER_ADDRESS`` (default :data:`PER_ADDRESS_DEFAULT`): one facilitator
  creates one workshop, a few to try things; a training room behind one address, a handful
  at once;
- ``SELFDATA_CREATE_PER_MINUTE`` (default :data:`TOTAL_DEFAULT`): all addresses together.

The address is stored as a hash, for :data:`WINDOW_SECONDS` at most after the next creation
(or the next retention purge)."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

from selfdata.app import access
from selfdata.domain.errors import LimitExceeded
from selfdata.store import Store, Tx
from selfdata.store.queries import creations

WINDOW_SECONDS = 60.0
PER_ADDRESS_DEFAULT = 10
TOTAL_DEFAULT = 30
"""30 a minute. Measured (2-core dev box, load 6.7, 2026-12-07): one creation costs 2.7 ms of
CPU (blank) to 18 ms (from an example) and 0.3 KB to 40 KB of database, so 30 a minute caps
a flood at ~1.2 MB and ~0.5 s of CPU a minute (unlimited: ~500 a minute, ~24 MB a minute),
far above what a real service sees (docs/load.md, "Workshop creation")."""


@dataclass(frozen=True)
class CreationLimits:
    per_address: int = PER_ADDRESS_DEFAULT
    total: int = TOTAL_DEFAULT


def creation_limits(environ: Mapping[str, str]) -> CreationLimits:
    """The limits from ``environ`` (blank or not a whole number: the default)."""

    def number(name: str, default: int) -> int:
        raw = str(environ.get(name, "")).strip()
        try:
            return max(0, int(raw)) if raw else default
        except ValueError:
            return default

    return CreationLimits(
        per_address=number("SELFDATA_CREATE_PER_ADDRESS", PER_ADDRESS_DEFAULT),
        total=number("SELFDATA_CREATE_PER_MINUTE", TOTAL_DEFAULT),
    )


def client_hash(address: str) -> str:
    return hashlib.sha256(f"selfdata-creation:{address}".encode()).hexdigest()[:32]


def _wait(oldest: float | None, now: float) -> int:
    return max(1, math.ceil((oldest or now) + WINDOW_SECONDS - now))


def claim_creation(store: Store, address: str, limits: CreationLimits | None = None) -> None:
    """Count one workshop creation from ``address``, or refuse it with
    ``LimitExceeded("workshop.too_many_here" | "workshop.too_many", wait=seconds)``."""
    rules = creation_limits(os.environ) if limits is None else limits
    client = client_hash(address)
    now = access.clock()
    since = now - WINDOW_SECONDS

    def tx(conn: Tx) -> None:
        creations.serialise(conn)
        creations.forget_until(conn, since)
        if rules.total:
            count, oldest = creations.count_since(conn, since)
            if count >= rules.total:
                raise LimitExceeded("workshop.too_many", wait=_wait(oldest, now))
        if rules.per_address:
            count, oldest = creations.count_since(conn, since, client)
            if count >= rules.per_address:
                raise LimitExceeded("workshop.too_many_here", wait=_wait(oldest, now))
        creations.add(conn, now, client)

    store.write(tx)


def forget_old_creations(conn: Tx, now: float) -> None:
    """Delete the creations older than the window (the retention purge calls it)."""
    creations.forget_until(conn, now - WINDOW_SECONDS)
