"""The guard of every use case: finding a workshop, checking who acts, committing.

A participant's write runs through :func:`participant_write` (token checked, input open), a
facilitator's through :func:`facilitate` (secret checked, inverse operation recorded for
undo); both end with :func:`commit`. Internal to :mod:`selfdata.app`; pages never import it.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Row, Table, bindparam, func, insert, select, update

from selfdata.domain.cards import Decks
from selfdata.domain.credentials import digest, normalise_code, secret_matches
from selfdata.domain.errors import Expired, Forbidden, InvalidInput, LimitExceeded, Locked, NotFound
from selfdata.domain.limits import MAX_TOKEN
from selfdata.domain.textsafe import strip_bidi_controls
from selfdata.store import Store
from selfdata.store import schema as t
from selfdata.store.schema import dumps

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
    projector: str = "{}"
    """What the wall shows, as stored (JSON): :mod:`selfdata.app.projector` reads it."""
    settings_version: int = 0
    joining_closed: bool = False
    show_pseudonyms: bool = False
    """The facilitator named participants for this workshop (off: anonymous)."""
    join_approval: bool = False
    """New participants wait until the facilitator admits them (schema 14)."""
    preparation: str | None = None
    """Cards in play and agenda, as stored (JSON): :mod:`selfdata.app.preparing` reads it."""
    step_clock: str | None = None
    """The room's clock (JSON of :class:`selfdata.domain.agenda.StepClock`), or ``None``."""
    decision: str | None = None
    """Participants' weights on or off and the rating round (JSON), or ``None``: read by
    :mod:`selfdata.app.deciding`."""

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
    table_id: int | None = None
    """The participant's table (``None``: no table, as in a room without tables)."""
    waiting: bool = False
    """Joined while arrivals are approved, not admitted yet: may read, may not act."""


def no_workshop() -> NotFound:
    return NotFound("workshop.not_found")


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
    t.participants.c.table_id,
    t.participants.c.waiting,
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
        raise Expired("workshop.expired")
    data = dict(row)
    data["revealed"] = tuple(json.loads(data["revealed"] or "[]"))
    data["illustrative"] = bool(data["illustrative"])
    data["locked"] = bool(data["locked"])
    data["show_pseudonyms"] = bool(data["show_pseudonyms"])
    data["join_approval"] = bool(data["join_approval"])
    return WorkshopRow(**data)


def require_facilitator(w: WorkshopRow, secret: str | None) -> None:
    if not secret_matches(secret, w.secret_hash):
        raise Forbidden("facilitator.forbidden")


def is_facilitator(w: WorkshopRow, secret: str | None) -> bool:
    return secret is not None and secret_matches(secret, w.secret_hash)


def participant_row(conn: Connection, w: WorkshopRow, token: str | None) -> ParticipantRow:
    unknown = NotFound("participant.unknown")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise unknown
    row = conn.execute(
        _PARTICIPANT_BY_TOKEN, {"token_hash": digest(token), "workshop_id": w.id}
    ).first()
    if row is None:
        raise unknown
    return ParticipantRow(
        id=row.id,
        slug=row.slug,
        pseudonym=row.pseudonym,
        joined=row.joined,
        table_id=row.table_id,
        waiting=bool(row.waiting),
    )


def require_same_table(p: ParticipantRow, table_id: int | None) -> None:
    """A participant acts on the whole room's items and on their own table's, never on
    another table's (:class:`Forbidden`, ``table.not_yours``)."""
    if table_id is not None and table_id != p.table_id:
        raise Forbidden("table.not_yours")


def require_open(w: WorkshopRow) -> None:
    if w.locked:
        raise Locked("input.locked")
    if w.input_locked():
        raise Locked("input.timer_ended")


RANKING_NEUTRAL = frozenset(
    {
        "vote",
        "propose_need",
        "propose_source",
        "set_projection",
        "set_agenda",
        "restart_clock",
    }
)
"""Actions that cannot change a ranking (it reads scenarios, criteria, weights, participants
and ratings): a room placing dots does not make every screen recompute the scenarios'
ranking. Any other action bumps ``ranking_version``, including ones that could be neutral:
a stale ranking is worse than a recomputed one. The cards in play (``set_cards_in_play``)
bump it too, rarely as it is done: the step pages cache the deck they offer on it
(:func:`selfdata.ui.room_views.deck_in_play`), and a tablet is redrawn when it moves."""


_BUMP_VERSION = (
    update(t.workshops)
    .where(t.workshops.c.id == bindparam("workshop_id"))
    .values(version=t.workshops.c.version + 1)
)
_BUMP_VERSIONS = _BUMP_VERSION.values(ranking_version=t.workshops.c.ranking_version + 1)
_BUMP_SETTINGS = _BUMP_VERSIONS.values(settings_version=t.workshops.c.settings_version + 1)

SETTINGS_ACTIONS = frozenset(
    {
        "set_vote_settings",
        "set_weights",
        "undo",
        "set_participant_weights",
        "open_rating_round",
        "close_rating_round",
        "open_consent",
        "close_consent",
    }
)
"""Actions that change what a tablet lets its participant do (the dot budget and cap, the
criteria and their weights, whether participants weigh them, the rating round, the consent
round; an undo may revert one): they bump ``settings_version``, which
live tablets watch to redraw at once (:mod:`selfdata.ui.live`)."""
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
    if action in SETTINGS_ACTIONS:
        bump = _BUMP_SETTINGS
    else:
        bump = _BUMP_VERSION if action in RANKING_NEUTRAL else _BUMP_VERSIONS
    conn.execute(bump, {"workshop_id": w.id})
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
        raise NotFound(f"{what}.not_found", slug=str(slug)[:64])
    return row


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


def check_text(value: object, field: str, *, limit: int, required: bool = False) -> str:
    """A user-typed text: a string, no NUL character, at most ``limit`` characters; bidi
    controls removed (:func:`strip_bidi_controls`)."""
    if not isinstance(value, str):
        raise InvalidInput("text.invalid", text="text.not_text", field=field)
    text = strip_bidi_controls(value).strip()
    if required and not text:
        raise InvalidInput("text.empty", field=field)
    if len(text) > limit:
        raise LimitExceeded("text.too_long", field=field, limit=limit, length=len(text))
    if "\x00" in text or not _encodable(text):
        raise InvalidInput("text.invalid", text="text.bad_characters", field=field)
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
        from selfdata.files.loading import default_decks

        try:
            _DECKS.append(default_decks())
        except Exception:  # decks missing or broken: the checks that need them are skipped
            return None
    return _DECKS[0]


# --- who acts -----------------------------------------------------------------------------

Op = dict[str, Any]
"""A named undoable operation, ``{"op": name, "args": {...}}`` (see :mod:`selfdata.app.undo`)."""
Outcome = tuple[Any, dict[str, Any], Op | None]
"""What a facilitator action returns to the caller, its audit detail, and its inverse (or
None)."""

P = ParamSpec("P")
R = TypeVar("R")


def participant_write(
    store: Store,
    code: str,
    token: str,
    action: str,
    fn: Callable[[Connection, WorkshopRow, ParticipantRow], tuple[Any, dict[str, Any]]],
    *,
    needs_open: bool = True,
) -> Any:
    """One participant write: the token is checked, input must be open (unless
    ``needs_open`` is false), ``fn`` returns the result and the audit detail."""

    def tx(conn: Connection) -> Any:
        w = workshop_row(conn, code, for_update=True)
        p = participant_row(conn, w, token)
        if p.waiting:
            raise Forbidden("joining.waiting")
        if needs_open:
            require_open(w)
        result, detail = fn(conn, w, p)
        commit(conn, w, actor=p.slug, action=action, detail=detail)
        return result

    return store.write(tx)


def facilitator_only(
    action: Callable[Concatenate[Store, str, str, P], R],
) -> Callable[Concatenate[Store, str, str, P], R]:
    """Check the secret before anything else, so that someone without it learns nothing
    from validation messages (the write transaction checks it again)."""

    @functools.wraps(action)
    def checked(store: Store, code: str, secret: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
        store.read(lambda conn: require_facilitator(workshop_row(conn, code), secret))
        return action(store, code, secret, *args, **kwargs)

    return checked


def facilitate(
    store: Store,
    code: str,
    secret: str,
    action: str,
    fn: Callable[[Connection, WorkshopRow], Outcome],
) -> Any:
    """One facilitator write: the secret is checked, ``fn`` returns the result, the audit
    detail and the inverse operation that undo replays."""

    def tx(conn: Connection) -> Any:
        w = workshop_row(conn, code, for_update=True)
        require_facilitator(w, secret)
        result, detail, undo_op = fn(conn, w)
        commit(conn, w, actor="facilitator", action=action, detail=detail, undo=undo_op)
        return result

    return store.write(tx)
