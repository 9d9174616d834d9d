"""The Workshop aggregate and the workshop file format (``schema: selfdata-workshop/1``).

A workshop file holds everything a group produced: the territory's chosen data sources
(deck ids or custom cards), the needs and their dot votes, the use cases (need x sources)
with their governance answers and choice, the candidate scenarios with their network
edits, the criteria weights, the pseudonymous participants and their ratings.

Pure pydantic: no I/O here (see :mod:`selfdata.files.loading`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from selfdata.domain.agenda import Agenda
from selfdata.domain.cards import (
    STEP_IDS,
    DataSourceCard,
    NeedCard,
    NetworkActor,
    NetworkFlow,
    Slug,
)
from selfdata.domain.limits import (
    DEFAULT_VOTE_BUDGET,
    DEFAULT_VOTE_CAP,
    DOTS_MAX,
    DOTS_MIN,
    MAX_DURATION_MONTHS,
    MAX_ITEMS,
    MAX_RESIDENTS,
    MAX_TEXT,
    MAX_TITLE,
    RATING_MAX,
    RATING_MIN,
    SWING_MAX,
    SWING_MIN,
    WEIGHT_MAX,
    WEIGHT_MIN,
)
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.domain.textsafe import strip_bidi_controls

WORKSHOP_SCHEMA = "selfdata-workshop/1"

Title = Annotated[
    str,
    # stripped here, not only by the constraints: after a BeforeValidator, pydantic 2.14
    # checks ``min_length`` before it strips, so " " came in as "" (found by the hostile
    # import test: the workshop then could not be read back)
    BeforeValidator(lambda v: strip_bidi_controls(v).strip() if isinstance(v, str) else v),
    StringConstraints(min_length=1, max_length=MAX_TITLE, strip_whitespace=True),
]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
StepId = Literal["inventory", "needs", "use_cases", "governance", "network", "scenarios", "export"]
assert STEP_IDS == StepId.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WorkshopTable(_Model):
    """A table of a large room: participants sit at one, and needs and use cases proposed
    there may belong to it (``table`` on them; absent = shared by the whole room)."""

    id: Slug
    name: Title
    colour: int = Field(default=0, ge=0, le=len(TABLE_COLOURS) - 1)
    """An index into :data:`selfdata.domain.palette.TABLE_COLOURS`."""


class Participant(_Model):
    id: Slug
    pseudonym: Title
    joined: datetime | None = None
    table: Slug | None = None
    """The table the participant sits at (absent: none, as in a room without tables)."""


class WorkshopSource(_Model):
    """A data source in the territory's inventory.

    ``id`` names a card of ``cards/data_sources.yaml``, unless ``card`` is given: then it
    is a custom card (proposed in the room) and ``card.id == id``.
    """

    id: Slug
    card: DataSourceCard | None = None
    selected: bool = True
    proposed_by: Slug | None = None
    hidden: bool = False


class WorkshopNeed(_Model):
    """A resident need on the table: a deck card (``id``) or a custom one (``card``)."""

    id: Slug
    card: NeedCard | None = None
    proposed_by: Slug | None = None
    hidden: bool = False
    table: Slug | None = None
    """The table this need belongs to (absent: shared by the whole room)."""


class Vote(_Model):
    """Dots a participant put on a need."""

    participant: Slug
    need: Slug
    dots: int = Field(ge=1)


class UseCase(_Model):
    id: Slug
    title: Title
    need: Slug
    sources: list[Slug] = Field(min_length=1)
    description: Text = ""
    governance_answers: dict[Slug, Slug] = Field(default_factory=dict)
    """Question id -> chosen option id (``cards/governance_questions.yaml``)."""
    governance_choice: Slug | None = None
    """The governance model the group chose (facilitator confirms)."""
    table: Slug | None = None
    """The table that built this use case (absent: the whole room's); its scenarios are
    rated by that table only."""


class Scope(_Model):
    residents: int = Field(ge=0, le=MAX_RESIDENTS)
    duration_months: int = Field(ge=0, le=MAX_DURATION_MONTHS)
    partners: list[Title] = Field(default_factory=list)


class NetworkEdits(_Model):
    """The scenario's changes to its governance model's network template."""

    add_actors: list[NetworkActor] = Field(default_factory=list)
    remove_actors: list[Slug] = Field(default_factory=list)
    add_flows: list[NetworkFlow] = Field(default_factory=list)
    remove_flows: list[Slug] = Field(default_factory=list)


CityRole = Literal["data_holder", "innovation_support", "democratic_organisation"]
"""The city's three roles in a Self Data experiment (Kit Self Data Territorial, Fing 2019):
holder and controller of data (« contrôleur »), support for innovation, organiser of the
democratic debate."""
CITY_ROLES: tuple[str, ...] = CityRole.__args__  # type: ignore[attr-defined]
MAX_PLAN_STEPS = 50
"""Steps an action plan may hold."""


MAX_STEP_WEEKS = 520
"""A step of an action plan lasts at most ten years."""


class ActionStep(_Model):
    """One step of a scenario's action plan: what, who, how long, by when, for how much.

    ``weeks`` and ``budget`` are the facilitator's: left empty, the dossier says "to set"
    (never a made-up figure). ``kind`` says which step of the lawful order it is
    (``council``, ``agreement``, ``dpia``…; ``condition`` for a condition the group added);
    a step typed by hand has none."""

    task: Title
    owner: Annotated[str, StringConstraints(max_length=MAX_TITLE, strip_whitespace=True)] = ""
    due: date | None = None
    kind: Slug | None = None
    weeks: int | None = Field(default=None, ge=0, le=MAX_STEP_WEEKS)
    budget: Annotated[str, StringConstraints(max_length=MAX_TITLE, strip_whitespace=True)] = ""


class Scenario(_Model):
    id: Slug
    title: Title
    use_case: Slug
    model: Slug
    scope: Scope
    description: Text = ""
    network_edits: NetworkEdits = Field(default_factory=NetworkEdits)
    action_plan: list[ActionStep] | None = Field(default=None, max_length=MAX_PLAN_STEPS)
    """The facilitator's plan (who does what by when); ``None`` until one is saved."""
    plan_start: date | None = None
    """The day the plan starts, set by the facilitator: each step's date is counted from it
    with the steps' durations; ``None``: dates to set."""
    city_roles: list[CityRole] | None = None
    """Which of the city's three roles it takes in this scenario; ``None`` until recorded."""
    city_actors: list[Slug] | None = None
    """Network actors that are the city too (besides the actor of kind ``city``): e.g. the
    Métropole as data holder and as platform operator. The network diagnostics flag one
    body holding the data, running the platform and deciding entitlements."""


class CriterionWeight(_Model):
    criterion: Slug
    weight: float = Field(ge=WEIGHT_MIN, le=WEIGHT_MAX)


class Rating(_Model):
    participant: Slug
    scenario: Slug
    criterion: Slug
    value: int = Field(ge=RATING_MIN, le=RATING_MAX)


class SwingWeight(_Model):
    criterion: Slug
    value: int = Field(ge=SWING_MIN, le=SWING_MAX)


class ParticipantWeights(_Model):
    """A participant's swing weights: the criterion that matters most at 100, the others
    from 0 to 100 against it."""

    participant: Slug
    weights: list[SwingWeight] = Field(min_length=1)


class RatingRounds(_Model):
    """The rating rounds: round 1 is silent (nobody sees another's rating) until the
    facilitator closes it; round 2 opens after the discussion. ``ratings`` holds the current
    round's ratings; ``first`` keeps round 1's once round 2 opened."""

    current: Literal[1, 2] = 1
    open: bool = True
    first: list[Rating] | None = None


class Objection(_Model):
    """A blocking objection to the consent round's scenario, with its reason (it becomes a
    condition of the dossier's action plan)."""

    participant: Slug
    reason: Annotated[
        str, StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=True)
    ]


class ConsentRound(_Model):
    """After the ranking, the room is asked whether anyone has a blocking objection to the
    top scenario (``scenario``); ``open`` while objections may be raised."""

    scenario: Slug
    open: bool = True
    objections: list[Objection] = Field(default_factory=list)


class Settings(_Model):
    vote_budget: int = Field(default=DEFAULT_VOTE_BUDGET, ge=DOTS_MIN, le=DOTS_MAX)
    """Dots each participant may place in total."""
    vote_cap: int = Field(default=DEFAULT_VOTE_CAP, ge=DOTS_MIN, le=DOTS_MAX)
    """Dots one participant may place on one need."""
    locked: bool = False
    revealed: list[StepId] = Field(default_factory=list)
    """Steps whose results the facilitator revealed to the room."""
    show_pseudonyms: bool = False
    """The facilitator named participants: pseudonyms in the console's lists, on the
    tablets, in ``rank`` and in the report. Off (the default, and in files written before
    it existed): anonymous mode."""
    participant_weights: bool = False
    """The facilitator asked participants to weigh the criteria (swing weighting on the
    tablets); off (the default, and in older files): the facilitator's weights only."""


class WorkshopCards(_Model):
    """The workshop's own cards (optional ``cards:`` section of a workshop file): imported
    from the city's inventory, edited, or copied from the bundled decks, which remain the
    default library. They travel with the workshop file."""

    data_sources: list[DataSourceCard] = Field(default_factory=list)
    needs: list[NeedCard] = Field(default_factory=list)


class CardsInPlay(_Model):
    """Which cards of the workshop's deck (its own, else the bundled one) the room is
    offered, per kind; ``None``: all of them."""

    data_sources: list[Slug] | None = Field(default=None, max_length=MAX_ITEMS)
    needs: list[Slug] | None = Field(default=None, max_length=MAX_ITEMS)


class Preparation(_Model):
    """What the facilitator prepared before the room (optional ``preparation:`` section of a
    workshop file): the cards in play and the agenda."""

    in_play: CardsInPlay = Field(default_factory=CardsInPlay)
    agenda: Agenda | None = None


class Workshop(_Model):
    """A whole workshop, as exported to and imported from a workshop file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["selfdata-workshop/1"] = Field(default="selfdata-workshop/1", alias="schema")
    title: Title
    territory: Title
    theme: Slug
    """Main theme id (``cards/themes.yaml``)."""
    illustrative: bool = False
    """True when the content is made up for training, not a public account."""
    description: Text = ""
    language: Literal["fr", "en"] = "fr"
    created: datetime | None = None
    step: StepId = "inventory"
    settings: Settings = Field(default_factory=Settings)
    sources: list[WorkshopSource] = Field(default_factory=list)
    needs: list[WorkshopNeed] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    use_cases: list[UseCase] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    criteria: list[CriterionWeight] = Field(default_factory=list)
    """Criteria in use and their weights; empty means the deck's defaults."""
    participants: list[Participant] = Field(default_factory=list)
    ratings: list[Rating] = Field(default_factory=list)
    cards: WorkshopCards | None = None
    """The workshop's own cards; absent in files written before they existed."""
    preparation: Preparation | None = None
    """Cards in play and agenda; absent in files written before they existed."""
    tables: list[WorkshopTable] | None = None
    """The room's tables, in order; absent for a workshop without tables (and in files
    written before tables existed)."""
    participant_weights: list[ParticipantWeights] | None = None
    """Participants' swing weights; absent in files written before they existed."""
    rounds: RatingRounds | None = None
    """The rating rounds; absent: a single round, as before."""
    consent: ConsentRound | None = None
    """The consent round on the top scenario and its objections; absent: none held."""

    def dots_per_need(self) -> dict[str, int]:
        """Dots placed on each need (need id -> total), needs without a dot left out."""
        totals: dict[str, int] = {}
        for vote in self.votes:
            totals[vote.need] = totals.get(vote.need, 0) + vote.dots
        return totals

    def dump(self) -> dict[str, object]:
        """The file form: JSON-compatible, ``schema`` first, defaults kept explicit."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)
