"""Workshop use cases: the one API the pages, the CLI and the tests call.

Every function takes the :class:`~selfdata.store.Store` first and the workshop's join
``code`` second. Participants prove who they are with their ``token`` (from :func:`join`),
the facilitator with the ``secret`` (from :func:`create_workshop`). Reads that the
projector needs take the code only.

Every write is one transaction: it either happens completely, bumps the workshop's version
counter by exactly one and appends one line to the audit log, or raises a
:class:`~selfdata.errors.SelfDataError` and changes nothing.

Permissions, in short (details in ``docs/store.md``):

- participant (token): propose a source or a need, withdraw their own proposal (while nobody
  else voted on it or used it), dot-vote within the budget and the per-need cap, withdraw
  their dots, rate scenarios. Refused with :class:`~selfdata.errors.Locked` while input is
  locked or the timer has run out.
- facilitator (secret): everything else — step, lock, timer, reveal, weights, moderation,
  territory selection, use cases and their governance answers and choice, scenarios and their
  networks, settings, undo, export, deletion. Answering the governance questionnaire is a
  facilitator action: the facilitator records what the room agreed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from selfdata.errors import (
    Conflict,
    Expired,
    Forbidden,
    InvalidInput,
    LimitExceeded,
    Locked,
    NotFound,
    SelfDataError,
)
from selfdata.store import Store
from selfdata.views import (
    AuditEntry,
    Created,
    InventoryView,
    Joined,
    NeedItem,
    NeedsBoard,
    ParticipantInfo,
    ParticipantList,
    Role,
    RoomState,
    ScenarioRatings,
    ScenariosView,
    SourceItem,
    UseCasesView,
)
from selfdata.workshop import NetworkEdits, Workshop

__all__ = [
    "AuditEntry",
    "Conflict",
    "Created",
    "Expired",
    "Forbidden",
    "InvalidInput",
    "InventoryView",
    "Joined",
    "LimitExceeded",
    "Locked",
    "NeedDraft",
    "NeedItem",
    "NeedsBoard",
    "NotFound",
    "ParticipantInfo",
    "ParticipantList",
    "Role",
    "RoomState",
    "ScenarioDraft",
    "ScenarioRatings",
    "ScenariosView",
    "SelfDataError",
    "SourceDraft",
    "SourceItem",
    "UseCasesView",
]

ContributionKind = Literal["source", "need"]

# --- limits (documented in docs/store.md) -------------------------------------------------
MAX_PSEUDONYM = 40
MAX_PARTICIPANTS = 300
MAX_PROPOSALS_PER_PARTICIPANT = 20
"""Sources and needs one participant may propose in one workshop."""
MAX_ITEMS = 500
"""Sources, needs, use cases or scenarios per workshop."""
MAX_TIMER_SECONDS = 4 * 3600


@dataclass(frozen=True)
class SourceDraft:
    """A data source proposed in the room (user text is stored as typed, in both languages)."""

    title: str
    holder: str
    description: str = ""
    holder_kind: str = "city"
    themes: Sequence[str] = ()
    """Theme ids; empty means the workshop's theme."""
    categories: Sequence[str] = ("contact_details",)
    refresh: str = "monthly"
    access: str = "paper"
    ease: int = 1
    sensitivity: str = "medium"
    portability: bool = False
    reusable: bool = True


@dataclass(frozen=True)
class NeedDraft:
    """A resident need proposed in the room."""

    title: str
    description: str = ""
    persona: str = ""
    themes: Sequence[str] = ()
    """Theme ids; empty means the workshop's theme."""
    categories: Sequence[str] = ("contact_details",)
    usage_family: str = "self_knowledge"


@dataclass(frozen=True)
class ScenarioDraft:
    title: str
    use_case: str
    model: str
    residents: int = 0
    duration_months: int = 0
    partners: Sequence[str] = ()
    description: str = ""
    network_edits: NetworkEdits = field(default_factory=NetworkEdits)


def _todo() -> Any:
    raise NotImplementedError


# === workshops ==============================================================================


def create_workshop(
    store: Store,
    *,
    title: str | None = None,
    territory: str | None = None,
    theme: str | None = None,
    example: str | None = None,
    language: str = "fr",
) -> Created:
    """Open a new workshop: blank (``title``, ``territory`` and ``theme`` required) or a copy
    of ``scenarios/<example>.yaml`` (the given title/territory/theme override the example's).
    Returns the join code (share it) and the facilitator secret (keep it)."""
    return _todo()  # type: ignore[no-any-return]


def import_workshop(store: Store, workshop: Workshop) -> Created:
    """Store a whole workshop (from a file) as a new workshop with a fresh code and secret.

    All or nothing: references are checked first (votes and ratings name existing
    participants, use cases name existing needs and sources…); any problem raises
    :class:`InvalidInput` listing every problem, and nothing is written. Participants come
    without tokens (tokens are never exported)."""
    return _todo()  # type: ignore[no-any-return]


def import_workshop_data(store: Store, data: object, file: str = "<workshop>") -> Created:
    """Like :func:`import_workshop` for raw parsed YAML/JSON (an upload): a malformed file is
    refused with :class:`InvalidInput` whose ``problems`` name the place and the fault."""
    return _todo()  # type: ignore[no-any-return]


def export_workshop(store: Store, code: str, secret: str) -> Workshop:
    """The whole workshop as a file model (facilitator only). ``import`` then ``export`` gives
    back the same file."""
    return _todo()  # type: ignore[no-any-return]


def workshop_snapshot(store: Store, code: str) -> Workshop:
    """The whole workshop as a :class:`Workshop`, read with the code only, for the engines
    (matching, governance, network, ranking) and the projector. Hidden contributions are
    included with ``hidden=True``: filter them before display."""
    return _todo()  # type: ignore[no-any-return]


def delete_workshop(store: Store, code: str, secret: str) -> None:
    """Erase the workshop and every row that belongs to it, audit log included (data
    retention). The code stops working at once."""
    _todo()


def purge_expired(store: Store, now: float | None = None) -> int:
    """Erase every workshop past its retention date; returns how many were erased."""
    return _todo()  # type: ignore[no-any-return]


def check_secret(store: Store, code: str, secret: str) -> None:
    """Raise :class:`Forbidden` unless ``secret`` is this workshop's facilitator secret
    (constant-time comparison). Lets the UI validate a secret before showing the console."""
    _todo()


# === cheap reads ============================================================================


def version(store: Store, code: str) -> int:
    """The workshop's version counter: one indexed select. Screens poll it every second and
    re-read only when it moved."""
    return _todo()  # type: ignore[no-any-return]


def room_state(store: Store, code: str) -> RoomState:
    """Header data of every screen (code only: the projector uses it)."""
    return _todo()  # type: ignore[no-any-return]


def whoami(store: Store, code: str, token: str) -> ParticipantInfo:
    """The participant holding ``token`` in this workshop, or :class:`NotFound` with a clear
    message (wrong code, unknown token, or token of another workshop)."""
    return _todo()  # type: ignore[no-any-return]


def participants(store: Store, code: str) -> ParticipantList:
    """Pseudonyms in joining order, with the live count."""
    return _todo()  # type: ignore[no-any-return]


def audit_log(store: Store, code: str, secret: str, *, limit: int = 100) -> tuple[AuditEntry, ...]:
    """The latest audit entries (facilitator only), newest first."""
    return _todo()  # type: ignore[no-any-return]


# === participants ===========================================================================


def join(store: Store, code: str, pseudonym: str) -> Joined:
    """Join with a pseudonym (1–40 characters, unique in the workshop regardless of case).
    Returns the participant id and the token to keep in the URL."""
    return _todo()  # type: ignore[no-any-return]


def propose_source(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Put a data source on the inventory: a deck card (``card_id``) or a custom card
    (``draft``). Returns the source id. Refused while locked or past the per-participant
    limit."""
    return _todo()  # type: ignore[no-any-return]


def propose_need(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Put a need on the board: a deck card (``card_id``) or a custom card (``draft``).
    Returns the need id."""
    return _todo()  # type: ignore[no-any-return]


def withdraw_proposal(
    store: Store, code: str, token: str, kind: ContributionKind, item_id: str
) -> None:
    """Withdraw one's own source or need. Refused (:class:`Conflict`) once another participant
    voted on it or a use case uses it: ask the facilitator to hide it instead."""
    _todo()


def vote(store: Store, code: str, token: str, need_id: str, delta: int = 1) -> int:
    """Add (``delta > 0``) or withdraw (``delta < 0``) dots on a need. Returns the viewer's
    dots on that need afterwards. Refused with :class:`LimitExceeded` beyond the budget or the
    per-need cap (or withdrawing dots one has not placed), :class:`Locked` while locked."""
    return _todo()  # type: ignore[no-any-return]


def rate(
    store: Store, code: str, token: str, scenario_id: str, criterion: str, value: int | None
) -> None:
    """Rate a scenario on a criterion from 1 to 5; ``None`` removes the rating."""
    _todo()


# === facilitator ============================================================================


def set_step(store: Store, code: str, secret: str, step: str) -> None:
    """Move the room to ``step`` (one of ``STEP_IDS``)."""
    _todo()


def set_locked(store: Store, code: str, secret: str, locked: bool) -> None:
    """Lock or unlock participants' input (unlocking also clears a finished timer)."""
    _todo()


def start_timer(store: Store, code: str, secret: str, seconds: float) -> float:
    """Start a countdown; input counts as locked once it ends. Returns the end (epoch s)."""
    return _todo()  # type: ignore[no-any-return]


def stop_timer(store: Store, code: str, secret: str) -> None:
    """Cancel the countdown (input is no longer locked by it)."""
    _todo()


def set_revealed(store: Store, code: str, secret: str, step: str, revealed: bool) -> None:
    """Reveal (or hide again) the results of ``step`` to participants and the projector."""
    _todo()


def set_vote_settings(store: Store, code: str, secret: str, *, budget: int, cap: int) -> None:
    """Dots per participant (1–50) and per need (1–50). Dots already placed stay."""
    _todo()


def set_weights(store: Store, code: str, secret: str, weights: Mapping[str, float]) -> None:
    """Replace the criteria in use and their weights (0–10), in the given order. An empty
    mapping means the deck's defaults."""
    _todo()


def hide_contribution(
    store: Store, code: str, secret: str, kind: ContributionKind, item_id: str, hidden: bool = True
) -> None:
    """Moderation: hide (or show again) a source or a need. Dots on a hidden need stay
    counted in their owner's budget until withdrawn; no new dot may be added."""
    _todo()


def add_source(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Facilitator adds a source (deck card or custom). Returns its id."""
    return _todo()  # type: ignore[no-any-return]


def add_need(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Facilitator adds a need (deck card or custom). Returns its id."""
    return _todo()  # type: ignore[no-any-return]


def select_source(store: Store, code: str, secret: str, source_id: str, selected: bool) -> None:
    """Keep (or set aside) a source in the territory's selection."""
    _todo()


def create_use_case(
    store: Store,
    code: str,
    secret: str,
    *,
    title: str,
    need: str,
    sources: Sequence[str],
    description: str = "",
) -> str:
    """A named use case: one need of the board and at least one source of the inventory.
    Returns its id."""
    return _todo()  # type: ignore[no-any-return]


def update_use_case(
    store: Store,
    code: str,
    secret: str,
    use_case_id: str,
    *,
    title: str | None = None,
    need: str | None = None,
    sources: Sequence[str] | None = None,
    description: str | None = None,
) -> None:
    """Change what is given; ``None`` keeps the current value."""
    _todo()


def delete_use_case(store: Store, code: str, secret: str, use_case_id: str) -> None:
    """Delete a use case; refused (:class:`Conflict`) while a scenario uses it."""
    _todo()


def set_governance_answer(
    store: Store, code: str, secret: str, use_case_id: str, question: str, option: str | None
) -> None:
    """Record the room's answer to a governance question for a use case (``None`` clears)."""
    _todo()


def choose_governance(
    store: Store, code: str, secret: str, use_case_id: str, model: str | None
) -> None:
    """Record the governance model the group chose for a use case (``None`` clears)."""
    _todo()


def create_scenario(store: Store, code: str, secret: str, draft: ScenarioDraft) -> str:
    """A candidate field experiment (use case + governance model + scope). Returns its id."""
    return _todo()  # type: ignore[no-any-return]


def update_scenario(
    store: Store, code: str, secret: str, scenario_id: str, draft: ScenarioDraft
) -> None:
    """Replace the scenario's title, use case, model, scope, description and network edits.
    Ratings stay."""
    _todo()


def delete_scenario(store: Store, code: str, secret: str, scenario_id: str) -> None:
    """Delete a scenario and its ratings (undo brings both back)."""
    _todo()


def set_network_edits(
    store: Store, code: str, secret: str, scenario_id: str, edits: NetworkEdits
) -> None:
    """Replace the scenario's changes to its governance model's network template."""
    _todo()


def undo(store: Store, code: str, secret: str) -> str:
    """Revert the facilitator's latest not-yet-undone action; returns its action name.
    Repeated calls walk further back. :class:`NotFound` when there is nothing to undo."""
    return _todo()  # type: ignore[no-any-return]


# === read models ============================================================================


def needs_board(
    store: Store, code: str, token: str | None = None, *, secret: str | None = None
) -> NeedsBoard:
    """The needs and their dots, as the viewer may see them (participant with ``token``,
    facilitator with ``secret``, projector with neither)."""
    return _todo()  # type: ignore[no-any-return]


def inventory(
    store: Store, code: str, token: str | None = None, *, secret: str | None = None
) -> InventoryView:
    """The territory's data sources, as the viewer may see them."""
    return _todo()  # type: ignore[no-any-return]


def use_cases(store: Store, code: str) -> UseCasesView:
    """Use cases with their governance answers and choice."""
    return _todo()  # type: ignore[no-any-return]


def scenarios(store: Store, code: str) -> ScenariosView:
    """Scenarios (with their network edits) and the use cases they build on."""
    return _todo()  # type: ignore[no-any-return]


def scenario_ratings(
    store: Store, code: str, token: str | None = None, *, secret: str | None = None
) -> ScenarioRatings:
    """Scenarios, criteria weights, the viewer's ratings, and everyone's once revealed."""
    return _todo()  # type: ignore[no-any-return]
