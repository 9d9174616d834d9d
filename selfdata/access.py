"""Shared plumbing of the services: finding a workshop, checking who acts, committing.

Internal to :mod:`selfdata.services` and its helpers; pages never import it.
"""

from __future__ import annotations

import json
import re
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Table, bindparam, func, insert, select, update

from selfdata.cards import Decks
from selfdata.credentials import digest, normalise_code, secret_matches
from selfdata.errors import Expired, Forbidden, InvalidInput, LimitExceeded, Locked, NotFound
from selfdata.store import schema as t

clock: Callable[[], float] = time.time
"""The time source (epoch seconds). Tests replace it to move time forward."""


@dataclass(frozen=True)
class WorkshopRow:
    id: int
    code: str
    secret_hash: str
    title: str
    territory: str
    theme: str
    illustrative: bool
    description: str
    language: str
    created: str | None
    created_at: float
    expires_at: float | None
    step: str
    vote_budget: int
    vote_cap: int
    locked: bool
    revealed: tuple[str, ...]
    timer_end: float | None
    version: int
    ranking_version: int

    def input_locked(self, now: float | None = None) -> bool:
        """Manually locked, or the countdown has ended."""
        if self.locked:
            return True
        return self.timer_end is not None and (clock() if now is None else now) >= self.timer_end


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    slug: str
    pseudonym: str
    joined: str | None


def no_workshop() -> NotFound:
    return NotFound(
        "workshop.not_found",
        "Aucun atelier ne correspond à ce code. Vérifiez-le auprès de l’animateur.",
        "No workshop has this code. Check it with the facilitator.",
    )


# Statements run on every rerun of every screen are built once (with bound parameters):
# building a select costs about three times as much as running it (101 vs 27 µs for the
# workshop row on SQLite; see docs/load.md).
_WORKSHOP_BY_CODE = select(t.workshops).where(t.workshops.c.code == bindparam("code"))
_WORKSHOP_BY_CODE_FOR_UPDATE = _WORKSHOP_BY_CODE.with_for_update()
_PARTICIPANT_BY_TOKEN = select(
    t.participants.c.id,
    t.participants.c.slug,
    t.participants.c.pseudonym,
    t.participants.c.joined,
).where(
    t.participants.c.token_hash == bindparam("token_hash"),
    t.participants.c.workshop_id == bindparam("workshop_id"),
)


def workshop_row(conn: Connection, code: str, *, for_update: bool = False) -> WorkshopRow:
    """The workshop for ``code``; with ``for_update`` its row is locked until commit (a no-op
    on SQLite, where ``BEGIN IMMEDIATE`` already serialises writers)."""
    norm = normalise_code(code) if isinstance(code, str) else None
    if norm is None:
        raise no_workshop()
    query = _WORKSHOP_BY_CODE_FOR_UPDATE if for_update else _WORKSHOP_BY_CODE
    row = conn.execute(query, {"code": norm}).mappings().first()
    if row is None:
        raise no_workshop()
    if row["expires_at"] is not None and clock() >= row["expires_at"]:
        raise Expired(
            "workshop.expired",
            "Cet atelier est terminé : ses données ont été effacées ou vont l’être.",
            "This workshop has ended: its data has been or will be erased.",
        )
    data = dict(row)
    data["revealed"] = tuple(json.loads(data["revealed"] or "[]"))
    data["illustrative"] = bool(data["illustrative"])
    data["locked"] = bool(data["locked"])
    return WorkshopRow(**data)


def require_facilitator(w: WorkshopRow, secret: str | None) -> None:
    if not secret_matches(secret, w.secret_hash):
        raise Forbidden(
            "facilitator.forbidden",
            "Action réservée à l’animateur de cet atelier : le code d’animation est incorrect.",
            "Only this workshop's facilitator may do this: the facilitator secret is wrong.",
        )


def is_facilitator(w: WorkshopRow, secret: str | None) -> bool:
    return secret is not None and secret_matches(secret, w.secret_hash)


def participant_row(conn: Connection, w: WorkshopRow, token: str | None) -> ParticipantRow:
    unknown = NotFound(
        "participant.unknown",
        "Ce lien de participant n’est pas (ou plus) valable pour cet atelier : "
        "rejoignez-le à nouveau avec le code.",
        "This participant link is not (or no longer) valid for this workshop: "
        "join again with the code.",
    )
    if not isinstance(token, str) or not token or len(token) > 200:
        raise unknown
    row = conn.execute(
        _PARTICIPANT_BY_TOKEN, {"token_hash": digest(token), "workshop_id": w.id}
    ).first()
    if row is None:
        raise unknown
    return ParticipantRow(id=row.id, slug=row.slug, pseudonym=row.pseudonym, joined=row.joined)


def require_open(w: WorkshopRow) -> None:
    if w.locked:
        raise Locked(
            "input.locked",
            "L’animateur a verrouillé la saisie pour le moment.",
            "The facilitator has locked input for now.",
        )
    if w.input_locked():
        raise Locked(
            "input.timer_ended",
            "Le temps est écoulé : la saisie est close pour cette étape.",
            "Time is up: input is closed for this step.",
        )


RANKING_NEUTRAL = frozenset({"vote", "withdraw_vote", "propose_need", "propose_source"})
"""Actions that cannot change a ranking (it reads scenarios, criteria, weights, participants
and ratings): a room placing dots does not make every screen recompute the scenarios'
ranking. Any other action bumps ``ranking_version``, including ones that could be neutral:
a stale ranking is worse than a recomputed one."""


_BUMP_VERSION = (
    update(t.workshops)
    .where(t.workshops.c.id == bindparam("workshop_id"))
    .values(version=t.workshops.c.version + 1)
)
_BUMP_VERSIONS = _BUMP_VERSION.values(ranking_version=t.workshops.c.ranking_version + 1)
_AUDIT = insert(t.audit_log)


def commit(
    conn: Connection,
    w: WorkshopRow,
    *,
    actor: str,
    action: str,
    detail: dict[str, Any] | None = None,
    undo: dict[str, Any] | None = None,
) -> int:
    """Bump the version counter (and the ranking's, unless ``action`` cannot change a
    ranking) and append to the audit log; returns the new version."""
    conn.execute(
        _BUMP_VERSION if action in RANKING_NEUTRAL else _BUMP_VERSIONS, {"workshop_id": w.id}
    )
    conn.execute(
        _AUDIT,
        {
            "workshop_id": w.id,
            "at": clock(),
            "actor": actor,
            "action": action,
            "detail": dumps(detail or {}),
            "undo": None if undo is None else dumps(undo),
            "undone": False,
        },
    )
    return w.version + 1


def next_position(conn: Connection, table: Table, workshop_id: int) -> int:
    current = conn.execute(
        select(func.max(table.c.position)).where(table.c.workshop_id == workshop_id)
    ).scalar()
    return 1 if current is None else int(current) + 1


def item_row(conn: Connection, table: Table, w: WorkshopRow, slug: str, what: str) -> Row[Any]:
    row = conn.execute(
        select(table).where(table.c.workshop_id == w.id, table.c.slug == str(slug))
    ).first()
    if row is None:
        raise NotFound(
            f"{what}.not_found",
            f"Élément introuvable ({FR_WHAT.get(what, what)} « {str(slug)[:64]} »).",
            f"Not found ({what} '{str(slug)[:64]}').",
        )
    return row


FR_WHAT = {
    "source": "source de données",
    "need": "besoin",
    "use_case": "cas d’usage",
    "scenario": "scénario",
    "participant": "participant",
}


def slugify(text: str, *, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or "item"


def unique_slug(conn: Connection, table: Table, workshop_id: int, base: str) -> str:
    """``base`` if free in this workshop, else ``base-xxxx`` with a random suffix."""
    candidate = base
    while conn.execute(
        select(table.c.slug).where(table.c.workshop_id == workshop_id, table.c.slug == candidate)
    ).first():
        candidate = f"{base}-{secrets.token_hex(2)}"
    return candidate


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def check_text(value: object, field: str, *, limit: int, required: bool = False) -> str:
    """A user-typed text: a string, no NUL character, at most ``limit`` characters."""
    if not isinstance(value, str):
        raise InvalidInput(
            "text.invalid", f"Texte attendu pour « {field} ».", f"Expected a text for '{field}'."
        )
    text = value.strip()
    if required and not text:
        raise InvalidInput(
            "text.empty",
            f"Le champ « {field} » ne peut pas être vide.",
            f"The field '{field}' cannot be empty.",
        )
    if len(text) > limit:
        raise LimitExceeded(
            "text.too_long",
            f"Le champ « {field} » dépasse {limit} caractères ({len(text)}).",
            f"The field '{field}' is longer than {limit} characters ({len(text)}).",
        )
    if "\x00" in text or not _encodable(text):
        raise InvalidInput(
            "text.invalid",
            f"Le champ « {field} » contient des caractères non valides.",
            f"The field '{field}' contains invalid characters.",
        )
    return text


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_DECKS: list[Decks] = []


def decks() -> Decks | None:
    """The shipped decks, or ``None`` while they cannot be loaded (then deck ids are not
    checked against them). Loaded once per process once they load."""
    if not _DECKS:
        from selfdata.loading import default_decks

        try:
            _DECKS.append(default_decks())
        except Exception:  # decks missing or broken: the checks that need them are skipped
            return None
    return _DECKS[0]
