"""The data-protection pre-check of a scenario: what the city must do before it starts.

A pure function of the scenario, its use case, its sources and need, and its governance
model. Each item cites its rule, in French and English (texts in
``selfdata/i18n/catalog_decision.py``):

* **Impact assessment (AIPD / DPIA, GDPR art. 35).** The CNIL follows the European
  guidelines (WP248 rev.01, endorsed by the EDPB): a processing that meets **two criteria
  or more** is likely to be high-risk and needs one. The five criteria a Self Data
  experiment can meet are checked: sensitive or highly personal data (art. 9, financial and
  social data), large scale, matching sources from different holders, location data,
  vulnerable people (recipients of social aid). Special-category data at large scale needs
  one in any case (art. 35(3)(b)).
* **Processing register (art. 30).** The entry drafted from the scenario, field by field;
  when the scenario's sources came from the city's own register, their legal basis and
  retention period as that register states them.
* **The DPO (art. 37 to 39).** A public body must have one; involve them now, and for the
  impact assessment (art. 35(2)).
* **Data Governance Act (EU 2022/868, art. 11).** A data intermediation service or a data
  cooperative notifies the competent authority (the Arcep in France) before it starts.
* **Council decision (délibération).** The council approves the experiment, its agreements
  and its budget (CGCT art. L.2121-29; a SCIC share: loi 47-1775 art. 19 septies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from selfdata.domain.cards import DataSourceCard, Decks, I18nText, NeedCard
from selfdata.domain.workshop import Scenario, UseCase, Workshop
from selfdata.i18n import t

Verdict = Literal["required", "recommended", "not_required"]

LARGE_SCALE_RESIDENTS = 5000
"""Residents from which the toolkit calls an experiment "large scale". The law gives no
number: WP248 weighs the number of people, the volume, the duration and the territory; a
city-wide roll-out is large scale, a pilot with a few hundred volunteers is not."""
DPIA_THRESHOLD = 2
"""Criteria from which an impact assessment is required (WP248 rev.01, III.B.a)."""
SENSITIVE_LEVELS = frozenset({"high", "special"})
LOCATION_CATEGORIES = frozenset(
    {"trip_traces", "transport_validations", "bike_share_trips", "car_sharing", "parking_sessions"}
)
"""Data categories that locate a person (trips, check-ins, parking)."""
VULNERABLE_CATEGORIES = frozenset({"social_benefits", "social_aid_file"})
"""Data categories that single out recipients of social aid (WP248 criterion 7)."""
DGA_MODELS = frozenset({"trusted_third_party", "data_cooperative"})
"""Models that are a data intermediation service or a data cooperative (DGA art. 10)."""
DGA_ACTOR_KINDS = frozenset({"intermediary", "collective"})
CRITERIA = ("sensitive", "large_scale", "matching", "location", "vulnerable")


def _text(key: str, **values: object) -> I18nText:
    return I18nText(fr=t(key, "fr", **values), en=t(key, "en", **values))


@dataclass(frozen=True)
class Criterion:
    """One CNIL/EDPB criterion, whether the scenario meets it, why, and its rule."""

    id: str
    met: bool
    why: I18nText
    rule: I18nText


@dataclass(frozen=True)
class RegisterField:
    """One field of the art. 30 register entry, drafted."""

    id: str
    label: I18nText
    value: I18nText
    rule: I18nText


@dataclass(frozen=True)
class Step:
    """A data-protection step the scenario triggers (or not), why, and its rule."""

    id: str
    needed: bool
    text: I18nText
    rule: I18nText


@dataclass(frozen=True)
class DataProtectionCheck:
    scenario: str
    criteria: tuple[Criterion, ...]
    dpia: Verdict
    dpia_reason: I18nText
    register: tuple[RegisterField, ...]
    steps: tuple[Step, ...]
    """DPO involvement, DGA notification, council decision, in that order."""

    @property
    def met(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria if c.met)


def _titles(cards: Sequence[DataSourceCard], lang: str) -> str:
    return ", ".join(c.title.get(lang) for c in cards)


def _joined(texts: Sequence[I18nText]) -> I18nText:
    return I18nText(
        fr=", ".join(x.fr for x in texts) or t("dp.none", "fr"),
        en=", ".join(x.en for x in texts) or t("dp.none", "en"),
    )


def criteria(
    scenario: Scenario, sources: Sequence[DataSourceCard], need: NeedCard | None
) -> tuple[Criterion, ...]:
    sensitive = [s for s in sources if s.sensitivity in SENSITIVE_LEVELS]
    special = [s for s in sources if s.sensitivity == "special"]
    holders = {s.holder.fr.casefold() for s in sources}
    located = [s for s in sources if LOCATION_CATEGORIES & set(s.categories)]
    need_categories = set(need.categories) if need else set()
    vulnerable = [s for s in sources if VULNERABLE_CATEGORIES & set(s.categories)]
    vulnerable_need = bool(VULNERABLE_CATEGORIES & need_categories)
    residents = scenario.scope.residents
    out = [
        Criterion(
            "sensitive",
            bool(sensitive),
            (
                I18nText(
                    fr=t("dp.sensitive.yes", "fr", sources=_titles(sensitive, "fr")),
                    en=t("dp.sensitive.yes", "en", sources=_titles(sensitive, "en")),
                )
                if sensitive
                else _text("dp.sensitive.no")
            ),
            _text("dp.sensitive.rule" if not special else "dp.sensitive.rule_art9"),
        ),
        Criterion(
            "large_scale",
            residents >= LARGE_SCALE_RESIDENTS,
            _text(
                "dp.large_scale.yes" if residents >= LARGE_SCALE_RESIDENTS else "dp.large_scale.no",
                n=residents,
                limit=LARGE_SCALE_RESIDENTS,
            ),
            _text("dp.large_scale.rule"),
        ),
        Criterion(
            "matching",
            len(holders) >= 2,
            _text("dp.matching.yes", n=len(holders))
            if len(holders) >= 2
            else _text("dp.matching.no"),
            _text("dp.matching.rule"),
        ),
        Criterion(
            "location",
            bool(located),
            I18nText(
                fr=t("dp.location.yes", "fr", sources=_titles(located, "fr")),
                en=t("dp.location.yes", "en", sources=_titles(located, "en")),
            )
            if located
            else _text("dp.location.no"),
            _text("dp.location.rule"),
        ),
        Criterion(
            "vulnerable",
            bool(vulnerable) or vulnerable_need,
            _text("dp.vulnerable.yes")
            if vulnerable or vulnerable_need
            else _text("dp.vulnerable.no"),
            _text("dp.vulnerable.rule"),
        ),
    ]
    return tuple(out)


def dpia_verdict(found: Sequence[Criterion], *, special_at_scale: bool) -> tuple[Verdict, I18nText]:
    met = [c for c in found if c.met]
    if special_at_scale:
        return "required", _text("dp.dpia.art9_scale")
    if len(met) >= DPIA_THRESHOLD:
        return "required", _text("dp.dpia.required", n=len(met), threshold=DPIA_THRESHOLD)
    if len(met) == 1:
        return "recommended", _text("dp.dpia.recommended", threshold=DPIA_THRESHOLD)
    return "not_required", _text("dp.dpia.not_required", threshold=DPIA_THRESHOLD)


def register_entry(
    workshop: Workshop,
    scenario: Scenario,
    case: UseCase | None,
    sources: Sequence[DataSourceCard],
    decks: Decks,
) -> tuple[RegisterField, ...]:
    categories = decks.index("data_categories")
    cats: list[I18nText] = []
    for s in sources:
        for c in s.categories:
            card = categories.get(c)
            title = card.title if card is not None else I18nText(fr=c, en=c)
            if title not in cats:
                cats.append(title)
    holders: list[I18nText] = []
    for s in sources:
        if s.holder not in holders:
            holders.append(s.holder)
    partners = [I18nText(fr=p, en=p) for p in scenario.scope.partners]
    purpose = case.title if case else scenario.title

    def field(fid: str, value: I18nText) -> RegisterField:
        return RegisterField(
            fid, _text(f"dp.register.{fid}"), value, _text(f"dp.register.{fid}.rule")
        )

    from_register = {
        name: _from_register(sources, attr)
        for name, attr in (("register_basis", "legal_basis"), ("register_retention", "retention"))
    }
    basis = from_register["register_basis"]
    kept = from_register["register_retention"]
    return (
        field("controller", _text("dp.register.controller.value", territory=workshop.territory)),
        field("purpose", _text("dp.register.purpose.value", purpose=purpose, title=scenario.title)),
        *(() if basis is None else (field("register_basis", basis),)),
        field(
            "subjects",
            _text(
                "dp.register.subjects.value",
                n=scenario.scope.residents,
                territory=workshop.territory,
            ),
        ),
        field("categories", _joined(cats)),
        field("recipients", _joined(holders + partners)),
        field("transfers", _text("dp.register.transfers.value")),
        field(
            "retention", _text("dp.register.retention.value", months=scenario.scope.duration_months)
        ),
        *(() if kept is None else (field("register_retention", kept),)),
        field("security", _text("dp.register.security.value")),
    )


def _from_register(sources: Sequence[DataSourceCard], attr: str) -> I18nText | None:
    """What the city's own register says of the scenario's sources (``legal_basis``,
    ``retention``), source by source; None when no source carries it."""
    said = [(s.title, getattr(s, attr)) for s in sources if getattr(s, attr) is not None]
    if not said:
        return None
    return I18nText(
        fr=" ; ".join(f"{title.fr}\u202f: {value.fr}" for title, value in said),
        en="; ".join(f"{title.en}: {value.en}" for title, value in said),
    )


def _dga(scenario: Scenario, decks: Decks) -> Step:
    model = decks.model(scenario.model)
    actors = {a.id: a for a in decks.actors}
    kinds: set[str] = set()
    if model is not None:
        kinds |= {getattr(actors.get(a.actor), "kind", "") for a in model.network.actors}
    kinds |= {getattr(actors.get(a.actor), "kind", "") for a in scenario.network_edits.add_actors}
    needed = scenario.model in DGA_MODELS or bool(kinds & DGA_ACTOR_KINDS)
    key = "dp.dga.cooperative" if scenario.model == "data_cooperative" else "dp.dga.intermediary"
    return Step("dga", needed, _text(key if needed else "dp.dga.no"), _text("dp.dga.rule"))


def pre_check(workshop: Workshop, scenario: Scenario, decks: Decks) -> DataProtectionCheck:
    """The pre-check of ``scenario`` (a scenario of ``workshop``)."""
    case = next((u for u in workshop.use_cases if u.id == scenario.use_case), None)
    sources: list[DataSourceCard] = []
    need: NeedCard | None = None
    if case is not None:
        custom = {s.id: s.card for s in workshop.sources if s.card is not None}
        for sid in case.sources:
            card = custom.get(sid) or decks.source(sid)
            if card is not None:
                sources.append(card)
        custom_needs = {n.id: n.card for n in workshop.needs if n.card is not None}
        need = custom_needs.get(case.need) or decks.need(case.need)
    found = criteria(scenario, sources, need)
    special_at_scale = (
        any(s.sensitivity == "special" for s in sources)
        and scenario.scope.residents >= LARGE_SCALE_RESIDENTS
    )
    verdict, reason = dpia_verdict(found, special_at_scale=special_at_scale)
    dpo = Step(
        "dpo",
        True,
        _text("dp.dpo.with_dpia" if verdict == "required" else "dp.dpo.always"),
        _text("dp.dpo.rule"),
    )
    council_key = "dp.council.cooperative" if scenario.model == "data_cooperative" else "dp.council"
    council = Step("council", True, _text(council_key), _text("dp.council.rule"))
    return DataProtectionCheck(
        scenario=scenario.id,
        criteria=found,
        dpia=verdict,
        dpia_reason=reason,
        register=register_entry(workshop, scenario, case, sources, decks),
        steps=(dpo, _dga(scenario, decks), council),
    )
