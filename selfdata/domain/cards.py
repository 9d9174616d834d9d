"""Card models: the Self Data knowledge carried by the decks in ``cards/``.

Every card is bilingual (``fr`` and ``en``) and cites its sources. The models are pure
pydantic: loading files from disk lives in :mod:`selfdata.files.loading`.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64)
]
"""Identifier used in files and URLs: lower-case letters, digits, ``_`` and ``-``."""

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

HolderKind = Literal[
    "city",
    "local_public_body",
    "local_authority",
    "public_utility",
    "delegated_operator",
    "concession_holder",
    "social_landlord",
    "social_security_body",
    "private_operator",
    "state_agency",
    "social_action_centre",
    "intercommunal_syndicate",
]
"""Legal status of a data holder.

``city`` the commune or its intercommunal body (métropole); ``local_public_body`` a local
public body with a legal personality of its own (établissement public administratif), such
as a CCAS, separate from the commune and controller of its own files; ``local_authority``
another local authority (département, région); ``public_utility`` a public body run by the city
(régie); ``delegated_operator`` a company running a city service under a public-service
delegation contract; ``concession_holder`` a company holding the network concession
(Enedis, GRDF); ``social_landlord`` a social housing body (office public de l'habitat,
ESH); ``social_security_body`` a social-security fund (CAF, CPAM, MSA); ``state_agency``
the State or one of its agencies (DGFiP, France Titres, ADEME...);
``social_action_centre`` a communal or intercommunal social action centre (CCAS, CIAS);
``intercommunal_syndicate`` a syndicat of communes (water, waste, energy, school transport).
"""
HOLDER_KINDS: tuple[HolderKind, ...] = get_args(HolderKind)

BROWSABLE_DECKS: tuple[str, ...] = (
    "data_sources",
    "needs",
    "governance_models",
    "cities",
    "actors",
    "criteria",
    "steps",
)
"""The decks the app lets everyone browse (the home page's count)."""
PRINTED_DECKS: tuple[str, ...] = ("data_sources", "needs", "governance_models")
"""The decks of the printable card deck PDF (the others are browsed on screen): the home
page and the PDF's cover both give the two counts, so 86 and 128 never seem to disagree."""


def deck_counts(decks: Decks) -> tuple[int, int]:
    """(cards to print, cards in the app)."""
    printed = sum(len(getattr(decks, kind)) for kind in PRINTED_DECKS)
    return printed, sum(len(getattr(decks, kind)) for kind in BROWSABLE_DECKS)


Access = Literal["paper", "on_request", "portal", "api", "open_data", "not_available"]
"""``on_request``: asked for at the desk or by letter (a copy under GDPR art. 15)."""
Refresh = Literal["realtime", "daily", "weekly", "monthly", "quarterly", "yearly", "on_event"]
Sensitivity = Literal["low", "medium", "high", "special"]
"""``special`` is a special category of personal data under GDPR art. 9."""
UsageFamily = Literal[
    "data_management",
    "self_knowledge",
    "value_based_living",
    "data_control",
    "better_decisions",
    "collective_contribution",
    "social_experiences",
]
"""MyData's families of personal-data usage."""
Maturity = Literal["concept", "prototype", "operational"]
Direction = Literal["benefit", "cost"]
Verdict = Literal["inspire", "caution", "avoid"]
ActorKind = Literal[
    "resident",
    "data_holder",
    "city",
    "operator",
    "intermediary",
    "collective",
    "service_provider",
    "researcher",
    "mediator",
    "regulator",
]
FlowType = Literal["personal_data", "consent", "service", "money", "insight", "oversight"]
"""Typed flows of a value network. Tangible: personal data, service, money."""
TANGIBLE_FLOWS: frozenset[str] = frozenset({"personal_data", "service", "money"})
AutomatedStep = Literal["profiling", "decision", "monitoring"]
"""What a service meeting a need computes on its own, for the impact-assessment criteria
(WP248 rev.01): ``profiling`` evaluates or predicts something about the person (advice,
suggestions, comparison, an estimate of entitlements); ``decision`` decides on its own
something with a legal or similar effect (grants or refuses a right); ``monitoring`` watches
the person over time and raises alerts."""
VulnerableGroup = Literal["children", "elderly", "social_aid", "patients", "employees"]
"""Vulnerable data subjects named by WP248 rev.01 (criterion 7) that a need concerns."""

GOVERNANCE_MODEL_IDS: tuple[str, ...] = (
    "personal_cloud",
    "direct_transfer",
    "trusted_third_party",
    "data_cooperative",
    "civic_data_trust",
)
STEP_IDS: tuple[str, ...] = (
    "inventory",
    "needs",
    "use_cases",
    "governance",
    "network",
    "scenarios",
    "export",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class I18nText(_Strict):
    """A text in both languages of the app."""

    fr: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
    en: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    @classmethod
    def same(cls, text: str) -> I18nText:
        """A user-typed text shown as typed whatever the language."""
        return cls(fr=text, en=text)


class Card(_Strict):
    id: Slug
    title: I18nText
    sources: list[str] = Field(default_factory=list)
    """Where the facts on this card come from (publications, URLs)."""


class Theme(Card):
    color: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
    description: I18nText


class DataCategory(Card):
    description: I18nText


Origin = Literal["city_file", "room"]
"""Where a workshop's own card came from: the city's file (an inventory or a processing
register imported on the preparation page) or the room (proposed or added during the
workshop). Absent on the bundled decks' cards."""

SOURCE_QUALIFIERS: tuple[str, ...] = (
    "holder_kind",
    "themes",
    "categories",
    "refresh",
    "access",
    "ease",
    "sensitivity",
    "portability",
)
"""A source card's fields that someone may not have said (None or an empty list: "to be
qualified"). The bundled decks give them all (``tests/unit/test_register.py``)."""
NEED_QUALIFIERS: tuple[str, ...] = ("themes", "categories", "usage_family")


class DataSourceCard(Card):
    description: I18nText
    holder: I18nText
    holder_kind: HolderKind | None = None
    themes: list[Slug] = Field(default_factory=list)
    """Empty: to be qualified."""
    categories: list[Slug] = Field(default_factory=list)
    """Empty: to be qualified."""
    refresh: Refresh | None = None
    access: Access | None = None
    ease: int | None = Field(default=None, ge=1, le=3)
    """Ease of access: 1 hard, 3 easy (None: to be qualified)."""
    sensitivity: Sensitivity | None = None
    portability: bool | None = None
    """Whether the GDPR portability right (art. 20) applies (None: to be qualified)."""
    reusable: bool = True
    """False for legally bound data (civil registry, electoral roll)."""
    legal_notes: I18nText | None = None
    example: I18nText | None = None
    purpose: I18nText | None = None
    """The processing's purpose, as the city's GDPR register states it (finalité)."""
    legal_basis: I18nText | None = None
    """The register's legal basis (base légale, GDPR art. 6)."""
    data_subjects: I18nText | None = None
    """The register's categories of data subjects (personnes concernées)."""
    recipients: I18nText | None = None
    """The register's recipients (destinataires)."""
    retention: I18nText | None = None
    """The register's retention period (durée de conservation)."""
    register_notes: I18nText | None = None
    """The register's other columns, kept as they were ("Mesures de sécurité : …")."""
    origin: Origin | None = None

    def to_qualify(self) -> tuple[str, ...]:
        """The fields nobody gave yet, in :data:`SOURCE_QUALIFIERS`' order."""
        return tuple(f for f in SOURCE_QUALIFIERS if getattr(self, f) in (None, []))


class NeedCard(Card):
    description: I18nText
    persona: I18nText
    themes: list[Slug] = Field(default_factory=list)
    """Empty: to be qualified."""
    usage_family: UsageFamily | None = None
    categories: list[Slug] = Field(default_factory=list)
    """Data categories the need would mobilise (empty: to be qualified)."""
    automation: list[AutomatedStep] | None = None
    """What a service meeting the need computes on its own; ``[]`` nothing, ``None`` not
    said (the pre-check then asks the DPO)."""
    vulnerable: list[VulnerableGroup] | None = None
    """Vulnerable people the need concerns; ``[]`` none in particular, ``None`` not said."""
    origin: Origin | None = None

    def to_qualify(self) -> tuple[str, ...]:
        """The fields nobody gave yet, in :data:`NEED_QUALIFIERS`' order."""
        return tuple(f for f in NEED_QUALIFIERS if getattr(self, f) in (None, []))


class NetworkActor(_Strict):
    id: Slug
    actor: Slug
    """Id of an actor card in ``actors.yaml``."""
    label: I18nText | None = None


class NetworkFlow(_Strict):
    id: Slug
    source: Slug
    target: Slug
    type: FlowType
    label: I18nText


class NetworkTemplate(_Strict):
    actors: list[NetworkActor] = Field(min_length=2)
    flows: list[NetworkFlow] = Field(min_length=1)


class GovernanceTrait(Card):
    """A comparison criterion on which governance models are scored (0..1)."""

    description: I18nText
    high: I18nText
    """Plain-words reason when a model is high on this trait."""
    low: I18nText
    """Plain-words reason when a model is low on this trait."""


class GovernanceModelCard(Card):
    summary: I18nText
    where_data_lives: I18nText
    who_decides: I18nText
    consent: I18nText
    city_role: I18nText
    strengths: list[I18nText] = Field(min_length=1)
    weaknesses: list[I18nText] = Field(min_length=1)
    maturity: Maturity
    cost: I18nText
    examples: list[I18nText] = Field(min_length=1)
    legal_framework: list[I18nText] = Field(default_factory=list)
    """Laws that frame the model (e.g. the Data Governance Act for intermediaries)."""
    traits: dict[Slug, float]
    """Trait id -> level in [0, 1]."""
    network: NetworkTemplate


class GovernanceOption(_Strict):
    id: Slug
    label: I18nText
    weights: dict[Slug, float] = Field(default_factory=dict)
    """Trait id -> how much this answer wants a model high (>0) or low (<0) on it."""


class GovernanceQuestion(Card):
    help: I18nText | None = None
    options: list[GovernanceOption] = Field(min_length=2)


class ActorCard(Card):
    kind: ActorKind
    description: I18nText


class CriterionCard(Card):
    description: I18nText
    direction: Direction
    default_weight: float = Field(gt=0, le=10)


class CityCard(Card):
    territory: I18nText
    country: str
    years: str
    models: list[Slug] = Field(min_length=1)
    what: I18nText
    outcome: I18nText
    lesson: I18nText
    verdict: Verdict


class StepCard(Card):
    purpose: I18nText
    duration_minutes: int = Field(gt=0, le=240)
    questions: list[I18nText] = Field(min_length=1)
    pitfalls: list[I18nText] = Field(min_length=1)


DECK_KINDS: dict[str, type[Card]] = {
    "themes": Theme,
    "data_categories": DataCategory,
    "data_sources": DataSourceCard,
    "needs": NeedCard,
    "governance_traits": GovernanceTrait,
    "governance_models": GovernanceModelCard,
    "governance_questions": GovernanceQuestion,
    "actors": ActorCard,
    "criteria": CriterionCard,
    "cities": CityCard,
    "steps": StepCard,
}
"""Deck kind -> card model. One deck file per kind, ``cards/<kind>.yaml``."""


class Deck(_Strict):
    """One deck file: ``schema: selfdata-deck/1``, a ``kind`` and its ``cards``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: Literal["selfdata-deck/1"] = Field(alias="schema")
    kind: Literal[
        "themes",
        "data_categories",
        "data_sources",
        "needs",
        "governance_traits",
        "governance_models",
        "governance_questions",
        "actors",
        "criteria",
        "cities",
        "steps",
    ]
    cards: list[dict[str, object]]
    """Raw cards, validated against ``DECK_KINDS[kind]`` by the loader."""


class Decks(_Strict):
    """All card decks of the toolkit, validated and cross-checked."""

    themes: list[Theme]
    data_categories: list[DataCategory]
    data_sources: list[DataSourceCard]
    needs: list[NeedCard]
    governance_traits: list[GovernanceTrait]
    governance_models: list[GovernanceModelCard]
    governance_questions: list[GovernanceQuestion]
    actors: list[ActorCard]
    criteria: list[CriterionCard]
    cities: list[CityCard]
    steps: list[StepCard]

    def index(self, kind: str) -> dict[str, Card]:
        cards: list[Card] = getattr(self, kind)
        return {c.id: c for c in cards}

    def source(self, card_id: str) -> DataSourceCard | None:
        return next((c for c in self.data_sources if c.id == card_id), None)

    def need(self, card_id: str) -> NeedCard | None:
        return next((c for c in self.needs if c.id == card_id), None)

    def model(self, card_id: str) -> GovernanceModelCard | None:
        return next((c for c in self.governance_models if c.id == card_id), None)
