"""Read models: what each screen needs, as frozen plain data (no SQL, no Streamlit).

Built by :mod:`selfdata.app.services`; a page renders them and never queries the store itself.
Who is looking matters: results (vote totals, other people's ratings) are ``None`` for a
participant or the projector until the facilitator reveals the step; the facilitator always
sees them. Hidden contributions are left out except for the facilitator (and for their own
author's dots, so they can be withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.errors import SelfDataError
from selfdata.domain.viewer import Role
from selfdata.domain.workshop import CriterionWeight, Rating, Scenario, UseCase
from selfdata.engines.tables import TableInfo as TableInfo  # re-exported: a read model


@dataclass(frozen=True)
class Created:
    """A new workshop: share ``code`` with the room, keep ``secret`` for the facilitator."""

    code: str
    secret: str


@dataclass(frozen=True)
class Joined:
    """A participant's identity: ``token`` goes into their URL; never show it to others."""

    participant_id: str
    token: str
    pseudonym: str
    waiting: bool = False
    """Arrivals are approved in this workshop: the facilitator has to admit them first."""


@dataclass(frozen=True)
class ParticipantInfo:
    id: str
    pseudonym: str
    joined: str | None
    """ISO 8601 time of joining, when known."""
    contributions: int = 0
    """Sources and needs this participant proposed (hidden ones included)."""
    table: TableInfo | None = None
    """The table the participant sits at (``None``: none)."""
    waiting: bool = False
    """Not admitted yet by the facilitator (arrivals approved): may read, may not act."""


@dataclass(frozen=True)
class ParticipantList:
    count: int
    participants: tuple[ParticipantInfo, ...]
    version: int
    named: bool = False
    """The facilitator named participants in this workshop; otherwise lists show
    "Participant 1, 2…" (the pseudonyms stay here for the facilitator's actions)."""


QrSize = Literal["auto", "large", "small"]
PlenaryPart = Literal["auto", "needs", "scenarios"]
"""What the plenary view (``table=all``) shows: the tables' votes, their rankings, or
``auto`` (the rankings once the room is on the scenarios step or later, else the votes)."""
"""The join QR code on the wall: large while people join then small in a corner (``auto``),
or as the facilitator forced it."""
Chart = Literal["bars", "consensus", "heatmap", "weights", "resampled"]
"""Which ranking chart the wall shows on the scenarios step."""


@dataclass(frozen=True)
class ProjectorState:
    """What the wall shows, set by the facilitator (:mod:`selfdata.app.projector`); the
    step is the room's. The projector has no controls of its own."""

    method: Literal["weighted-sum", "topsis"] = "weighted-sum"
    scenario: str | None = None
    """The scenario shown on the network step (``None``: the first one)."""
    compare: str | None = None
    """A governance model to compare the network with (``None``: no comparison)."""
    chart: Chart = "bars"
    qr: QrSize = "auto"
    plenary: PlenaryPart = "auto"


@dataclass(frozen=True)
class UndoStep:
    """One facilitator action of the audit log, as undo names it: the action, and the step,
    kind and on/off value it was about when it has them."""

    action: str
    step: str = ""
    kind: str = ""
    on: bool | None = None


@dataclass(frozen=True)
class RoomState:
    """The header of every screen: where the room is and what it may do."""

    code: str
    title: str
    territory: str
    theme: str
    description: str
    language: str
    illustrative: bool
    step: str
    locked: bool
    """Effective lock: the facilitator locked input, or the timer ran out."""
    locked_by_facilitator: bool
    timer_end: float | None
    """Epoch seconds when the countdown ends, or ``None`` when no timer runs."""
    timer_remaining: float | None
    """Seconds left (0 once passed), or ``None`` when no timer runs."""
    revealed: tuple[str, ...]
    """Steps whose results the room may see."""
    participants: int
    vote_budget: int
    vote_cap: int
    version: int
    ranking_version: int
    """Bumped by every write that can change a ranking (not by dots or proposals): what the
    scenarios' ranking and its figures are cached on."""
    can_undo: bool
    """The facilitator has an action that :func:`selfdata.app.services.undo` would revert
    (looked up for the facilitator only: ``False`` on other screens of
    :func:`selfdata.app.services.credential_check`)."""
    projector: ProjectorState = field(default_factory=ProjectorState)
    """What the wall shows (facilitator's choice)."""
    settings_version: int = 0
    """Bumped by a change of dot budget, cap, criteria or weights."""
    next_undo: UndoStep | None = None
    """What the next undo would revert (facilitator only), said by
    :func:`selfdata.app.operations.describe_undo`."""
    show_pseudonyms: bool = False
    """The facilitator named participants in this workshop (off: anonymous mode)."""


@dataclass(frozen=True)
class RoomPulse:
    """The part of :class:`RoomState` a polling screen watches (one select)."""

    version: int
    step: str
    locked: bool
    """Effective lock, as in :class:`RoomState`."""
    timer_end: float | None
    revealed: tuple[str, ...]
    settings_version: int = 0
    """See :attr:`RoomState.settings_version` (tablets redraw at once when it moves)."""
    ranking_version: int = 0
    """See :attr:`RoomState.ranking_version`: moved by every write except dots, proposals
    and a few settings of the screens."""
    needs: int = 0
    """Needs on the board, hidden ones included (a proposal adds one). With
    ``shared_version``, what a tablet that shows none of the room's tallies watches of other
    people's contributions (:func:`selfdata.ui.push.content_key`)."""
    shared_version: int = 0
    """Moved with ``ranking_version`` except by dots, proposals and what a participant adds
    on their own to the room's tallies (a rating, their weights, an objection:
    :data:`selfdata.app.access.OWN_TALLIES`)."""


@dataclass(frozen=True)
class CredentialCheck:
    """What a screen's credentials prove, read in one transaction: the room, and whether
    the secret and the token given are this workshop's (each refusal kept to be shown)."""

    room: RoomState
    facilitator: bool
    secret_problem: SelfDataError | None
    me: ParticipantInfo | None
    token_problem: SelfDataError | None


@dataclass(frozen=True)
class NeedItem:
    id: str
    card: NeedCard | None
    """The custom card, or the deck card for a deck id (``None`` if the deck lacks it)."""
    custom: bool
    proposed_by: str | None
    proposed_by_pseudonym: str | None
    """The author's pseudonym when the workshop names participants, else ``None``."""
    mine: bool
    hidden: bool
    total: int | None
    """All dots on this need, or ``None`` while results are not revealed to this viewer."""
    voters: int | None
    my_dots: int
    table: str | None = None
    """The id of the table this need belongs to (``None``: the whole room's)."""


@dataclass(frozen=True)
class NeedsBoard:
    role: Role
    needs: tuple[NeedItem, ...]
    """In proposal order (sort by ``total`` yourself for a ranking)."""
    budget: int
    cap: int
    remaining: int | None
    """Dots the viewing participant may still place; ``None`` for others."""
    revealed: bool
    dots_cast: int
    """Dots placed by the whole room (a live count, shown even before the reveal)."""
    voters: int
    """Participants who placed at least one dot."""
    locked: bool
    version: int
    table: str | None = None
    """The table this board is seen from (a participant's, or the projector's
    ``table=``): only the whole room's needs and that table's, its dots only."""


@dataclass(frozen=True)
class SourceItem:
    id: str
    card: DataSourceCard | None
    custom: bool
    selected: bool
    proposed_by: str | None
    proposed_by_pseudonym: str | None
    """The author's pseudonym when the workshop names participants, else ``None``."""
    mine: bool
    hidden: bool


@dataclass(frozen=True)
class InventoryView:
    role: Role
    sources: tuple[SourceItem, ...]
    selected: int
    locked: bool
    version: int


@dataclass(frozen=True)
class UseCasesView:
    use_cases: tuple[UseCase, ...]
    """With their governance answers and the chosen model (``governance_choice``)."""
    version: int


@dataclass(frozen=True)
class ScenariosView:
    scenarios: tuple[Scenario, ...]
    use_cases: tuple[UseCase, ...]
    version: int


@dataclass(frozen=True)
class ScenarioRatings:
    """The ratings matrix participant x scenario x criterion, as this viewer may see it."""

    role: Role
    scenarios: tuple[Scenario, ...]
    criteria: tuple[CriterionWeight, ...]
    """Criteria in use and their weights; empty means the deck's defaults."""
    ratings: tuple[Rating, ...] | None
    """Everyone's ratings, or ``None`` while not revealed to this viewer."""
    mine: dict[tuple[str, str], int] = field(default_factory=dict)
    """(scenario, criterion) -> value, for the viewing participant."""
    raters: int = 0
    """Participants who gave at least one rating (a live count)."""
    given: int = 0
    """Ratings given in the room, one per participant, scenario and criterion (a live count,
    no value: the projector shows it while the room rates)."""
    revealed: bool = False
    locked: bool = False
    version: int = 0

    def matrix(self) -> dict[str, dict[str, dict[str, int]]]:
        """participant -> scenario -> criterion -> value (empty when not revealed)."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for r in self.ratings or ():
            out.setdefault(r.participant, {}).setdefault(r.scenario, {})[r.criterion] = r.value
        return out


@dataclass(frozen=True)
class AuditEntry:
    at: float
    """Epoch seconds."""
    actor: str
    """``facilitator``, a participant id, or ``system``."""
    action: str
    detail: dict[str, object]
    undone: bool
