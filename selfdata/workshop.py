"""The Workshop aggregate and the workshop file format (``schema: selfdata-workshop/1``).

A workshop file holds everything a group produced: the territory's chosen data sources
(deck ids or custom cards), the needs and their dot votes, the use cases (need x sources)
with their governance answers and choice, the candidate scenarios with their network
edits, the criteria weights, the pseudonymous participants and their ratings.

Pure pydantic: no I/O here (see :mod:`selfdata.loading`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from selfdata.cards import (
    STEP_IDS,
    DataSourceCard,
    NeedCard,
    NetworkActor,
    NetworkFlow,
    Slug,
)

WORKSHOP_SCHEMA = "selfdata-workshop/1"

MAX_TITLE = 200
MAX_TEXT = 2000

Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
StepId = Literal["inventory", "needs", "use_cases", "governance", "network", "scenarios", "export"]
assert STEP_IDS == StepId.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Participant(_Model):
    id: Slug
    pseudonym: Title
    joined: datetime | None = None


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


class Scope(_Model):
    residents: int = Field(ge=0, le=10_000_000)
    duration_months: int = Field(ge=0, le=120)
    partners: list[Title] = Field(default_factory=list)


class NetworkEdits(_Model):
    """The scenario's changes to its governance model's network template."""

    add_actors: list[NetworkActor] = Field(default_factory=list)
    remove_actors: list[Slug] = Field(default_factory=list)
    add_flows: list[NetworkFlow] = Field(default_factory=list)
    remove_flows: list[Slug] = Field(default_factory=list)


class Scenario(_Model):
    id: Slug
    title: Title
    use_case: Slug
    model: Slug
    scope: Scope
    description: Text = ""
    network_edits: NetworkEdits = Field(default_factory=NetworkEdits)


class CriterionWeight(_Model):
    criterion: Slug
    weight: float = Field(ge=0, le=10)


class Rating(_Model):
    participant: Slug
    scenario: Slug
    criterion: Slug
    value: int = Field(ge=1, le=5)


class Settings(_Model):
    vote_budget: int = Field(default=5, ge=1, le=50)
    """Dots each participant may place in total."""
    vote_cap: int = Field(default=3, ge=1, le=50)
    """Dots one participant may place on one need."""
    locked: bool = False
    revealed: list[StepId] = Field(default_factory=list)
    """Steps whose results the facilitator revealed to the room."""


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

    def dump(self) -> dict[str, object]:
        """The file form: JSON-compatible, ``schema`` first, defaults kept explicit."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)
