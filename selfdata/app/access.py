"""The guard of every use case: finding a workshop, checking who acts, committing.

A participant's write runs through :func:`participant_write` (token checked, input open), a
facilitator's through :func:`facilitate` (secret checked, inverse operation recorded for
undo); both end with :func:`commit`. Internal to :mod:`selfdata.app`; pages never import it.
"""

from __future__ import annotations

import functools
import re
import time
import unicodedata
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from selfdata.domain.cards import Decks
from selfdata.domain.credentials import digest, normalise_code, secret_matches
from selfdata.domain.errors import (
    Conflict,
    Expired,
    Forbidden,
    InvalidInput,
    LimitExceeded,
    Locked,
    NotFound,
)
from selfdata.domain.limits import MAX_TOKEN
from selfdata.domain.textsafe import strip_bidi_controls
from selfdata.domain.visibility import in_table_scope
from selfdata.store import Record, Store, Tx
from selfdata.store.queries import items, participants, workshops
from selfdata.store.queries.participants import ParticipantRow
from selfdata.store.queries.workshops import WorkshopRow

clock: Callable[[], float] = time.time
"""The time source (epoch seconds). Tests replace it to move time forward."""


def no_workshop() -> NotFound:
    return NotFound("workshop.not_found")


def workshop_row(tx: Tx, code: str, *, for_update: bool = False) -> WorkshopRow:
    """The workshop for ``code``; with ``for_update`` its row is locked until commit (a no-op
    on SQLite, where ``BEGIN IMMEDIATE`` already serialises writers)."""
    norm = normalise_code(code) if isinstance(code, str) else None
    if norm is None:
        raise no_workshop()
    row = workshops.by_code(tx, norm, for_update=for_update)
    if row is None:
        raise no_workshop()
    if row.expires_at is not None and clock() >= row.expires_at:
        raise Expired("workshop.expired")
    return row


def require_facilitator(w: WorkshopRow, secret: str | None) -> None:
    if not secret_matches(secret, w.secret_hash):
        raise Forbidden("facilitator.forbidden")


def is_facilitator(w: WorkshopRow, secret: str | None) -> bool:
    return secret is not None and secret_matches(secret, w.secret_hash)


def participant_row(tx: Tx, w: WorkshopRow, token: str | None) -> ParticipantRow:
    unknown = NotFound("participant.unknown")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise unknown
    row = participants.by_token_hash(tx, w.id, digest(token))
    if row is None:
        raise unknown
    return row


def require_same_table(p: ParticipantRow, table_id: int | None) -> None:
    """A participant acts on the whole room's items and on their own table's, never on
    another table's (:class:`Forbidden`, ``table.not_yours``; the rule:
    :func:`selfdata.domain.visibility.in_table_scope`)."""
    if not in_table_scope(table_id, p.table_id):
        raise Forbidden("table.not_yours")


def require_step(w: WorkshopRow, step: str) -> None:
    """A participant acts on the room's current step only: a tablet's back button, or a page
    left open, must not add a dot once the room rates scenarios (:class:`Conflict`,
    ``step.not_current``, naming the action's step and the room's)."""
    if w.step != step:
        raise Conflict("step.not_current", step=step, current=w.step)


def require_open(w: WorkshopRow) -> None:
    if w.locked:
        raise Locked("input.locked")
    if w.input_locked(clock()):
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


OWN_TALLIES = frozenset({"rate", "set_my_weights", "object", "withdraw_objection"})
"""What a participant adds on their own to the room's tallies beyond dots and proposals: it
moves the ranking but not ``shared_version``, which a tablet showing none of the room's
tallies watches (the needs page before its reveal, the scenarios page before the results:
:func:`selfdata.ui.push.content_key`). A tablet shows its own rating, weights and objection
from its own run; the room's are the projector's and the facilitator's until the reveal."""
SHARED_NEUTRAL = RANKING_NEUTRAL | OWN_TALLIES
"""Actions that leave ``shared_version`` alone (every other write moves it)."""

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


def commit(
    tx: Tx,
    w: WorkshopRow,
    *,
    actor: str,
    action: str,
    detail: dict[str, Any] | None = None,
    undo: dict[str, Any] | None = None,
) -> int:
    """Bump the version counter (and the ranking's, unless ``action`` cannot change a
    ranking; and the shared one, unless it is a dot, a proposal or one of
    :data:`OWN_TALLIES`) and append to the audit log; returns the new version."""
    bump: workshops.Bump
    if action in SETTINGS_ACTIONS:
        bump = "settings"
    elif action in RANKING_NEUTRAL:
        bump = "version"
    else:
        bump = "ranking" if action in OWN_TALLIES else "shared"
    workshops.record_action(
        tx, w.id, bump, at=clock(), actor=actor, action=action, detail=detail or {}, undo=undo
    )
    return w.version + 1


def next_position(tx: Tx, kind: items.Kind, workshop_id: int) -> int:
    return items.next_position(tx, kind, workshop_id)


def item_row(tx: Tx, kind: items.Kind, w: WorkshopRow, slug: str, what: str) -> Record:
    row = items.by_slug(tx, kind, w.id, slug)
    if row is None:
        raise NotFound(f"{what}.not_found", slug=str(slug)[:64])
    return row


def slugify(text: str, *, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or "item"


def unique_slug(tx: Tx, kind: items.Kind, workshop_id: int, base: str) -> str:
    """``base`` if free in this workshop, else ``base-xxxx`` with a random suffix."""
    return items.free_slug(tx, kind, workshop_id, base)


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
"""A named undoable operation, ``{"op": name, "args": {...}}``
(see :mod:`selfdata.app.operations`)."""
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
    fn: Callable[[Tx, WorkshopRow, ParticipantRow], tuple[Any, dict[str, Any]]],
    *,
    needs_open: bool = True,
    step: str | None = None,
) -> Any:
    """One participant write: the token is checked, the room must be at ``step`` (when
    given: :func:`require_step`), input must be open (unless ``needs_open`` is false),
    ``fn`` returns the result and the audit detail."""

    def write(tx: Tx) -> Any:
        w = workshop_row(tx, code, for_update=True)
        p = participant_row(tx, w, token)
        if p.waiting:
            raise Forbidden("joining.waiting")
        if step is not None:
            require_step(w, step)
        if needs_open:
            require_open(w)
        result, detail = fn(tx, w, p)
        commit(tx, w, actor=p.slug, action=action, detail=detail)
        return result

    return store.write(write)


def facilitator_only(
    action: Callable[Concatenate[Store, str, str, P], R],
) -> Callable[Concatenate[Store, str, str, P], R]:
    """Check the secret before anything else, so that someone without it learns nothing
    from validation messages (the write transaction checks it again)."""

    @functools.wraps(action)
    def checked(store: Store, code: str, secret: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
        store.read(lambda tx: require_facilitator(workshop_row(tx, code), secret))
        return action(store, code, secret, *args, **kwargs)

    return checked


def facilitate(
    store: Store,
    code: str,
    secret: str,
    action: str,
    fn: Callable[[Tx, WorkshopRow], Outcome],
) -> Any:
    """One facilitator write: the secret is checked, ``fn`` returns the result, the audit
    detail and the inverse operation that undo replays."""

    def write(tx: Tx) -> Any:
        w = workshop_row(tx, code, for_update=True)
        require_facilitator(w, secret)
        result, detail, undo_op = fn(tx, w)
        commit(tx, w, actor="facilitator", action=action, detail=detail, undo=undo_op)
        return result

    return store.write(write)
