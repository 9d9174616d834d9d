"""The data-protection pre-check of a scenario: the DPO's checklist before the city starts.

A pure function of the scenario, its use case, its sources and need, its governance model
and its value network. Each item cites its rule, in French and English (texts in
``selfdata/i18n/catalog_decision.py`` and ``catalog_dpia.py``); where the toolkit cannot
know, the item is a question for the DPO, never a guess. It is framed as a checklist for the
DPO, not a legal opinion.

* **Impact assessment (AIPD / DPIA, GDPR art. 35)**: WP248's nine criteria, the CNIL's list
  (délibération 2018-327, its fourteen items in :mod:`selfdata.engines.cnil_list`) and
  art. 35(3), in :mod:`selfdata.engines.dpia`.
* **Legal basis and controller per processing** (arts 4(7), 6, 9(2), 26), in
  :mod:`selfdata.engines.lawful_basis`.
* **Processing register (art. 30).** The entry drafted from all of it, field by field.
* **Steps**: the DPO (arts 37–39), the information notice (arts 13–14), professional
  secrecy where social workers take part, the Data Governance Act where it applies, the
  council decision (the article of the body that decides).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from selfdata.domain.cards import DataSourceCard, Decks, I18nText, NeedCard
from selfdata.domain.workshop import Scenario, UseCase, Workshop
from selfdata.engines.cnil_list import CNIL_ITEMS
from selfdata.engines.dpia import (
    CRITERIA,
    DPIA_THRESHOLD,
    LARGE_SCALE_RESIDENTS,
    PUBLIC_SPACE,
    Criterion,
    Facts,
    Verdict,
    art35_cases,
    verdict,
)
from selfdata.engines.lawful_basis import (
    INTERMEDIARY_ACTORS,
    Processing,
    Step,
    council_step,
    dga_step,
    dpo_step,
    information_step,
    processings,
    secrecy_step,
)
from selfdata.engines.network import NetworkError, scenario_network
from selfdata.i18n import t

__all__ = [
    "DPIA_THRESHOLD",
    "LARGE_SCALE_RESIDENTS",
    "Criterion",
    "DataProtectionCheck",
    "Processing",
    "RegisterField",
    "Step",
    "Verdict",
    "pre_check",
]


def _text(key: str, **values: object) -> I18nText:
    return I18nText(fr=t(key, "fr", **values), en=t(key, "en", **values))


@dataclass(frozen=True)
class RegisterField:
    """One field of the art. 30 register entry, drafted."""

    id: str
    label: I18nText
    value: I18nText
    rule: I18nText


@dataclass(frozen=True)
class DataProtectionCheck:
    scenario: str
    criteria: tuple[Criterion, ...]
    """WP248's nine criteria, in its order."""
    cnil_items: tuple[Criterion, ...]
    """The CNIL list's items (délibération 2018-327) a Self Data experiment can meet."""
    art35: tuple[str, ...]
    """The cases of GDPR art. 35(3) met: ``a``, ``b``, ``c``."""
    dpia: Verdict
    dpia_reason: I18nText
    processings: tuple[Processing, ...]
    register: tuple[RegisterField, ...]
    steps: tuple[Step, ...]
    """DPO, information notice, professional secrecy, Data Governance Act, council."""

    @property
    def met(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria if c.met)

    @property
    def listed(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cnil_items if c.met)

    @property
    def questions(self) -> tuple[Criterion, ...]:
        """What the DPO is asked, because the toolkit cannot know."""
        return tuple(c for c in (*self.criteria, *self.cnil_items) if c.met is None)


def _joined(texts: Sequence[I18nText]) -> I18nText:
    return I18nText(
        fr=", ".join(x.fr for x in texts) or t("dp.none", "fr"),
        en=", ".join(x.en for x in texts) or t("dp.none", "en"),
    )


def _unique(texts: Sequence[I18nText]) -> list[I18nText]:
    seen: set[str] = set()
    out = []
    for x in texts:
        if x.fr.casefold() not in seen:
            seen.add(x.fr.casefold())
            out.append(x)
    return out


def recipients(scenario: Scenario, decks: Decks) -> list[I18nText]:
    """Who receives personal data in the scenario's network (the resident aside), once each."""
    try:
        graph = scenario_network(scenario, decks)
    except NetworkError:
        return []
    found = [
        graph.nodes[v]["label"]
        for _, v, kind in graph.edges(data="type")
        if kind == "personal_data" and graph.nodes[v].get("actor") != "resident"
    ]
    return _unique(found)


def _actors(scenario: Scenario, decks: Decks) -> frozenset[str]:
    model = decks.model(scenario.model)
    actors = {a.actor for a in model.network.actors} if model is not None else set()
    actors |= {a.actor for a in scenario.network_edits.add_actors}
    return frozenset(actors)


def city_runs_platform(scenario: Scenario, decks: Decks) -> bool:
    """Whether the scenario says the city itself runs the platform (one of its actors is
    the intermediary of the model)."""
    model = decks.model(scenario.model)
    ids = {a.id: a.actor for a in model.network.actors} if model is not None else {}
    ids |= {a.id: a.actor for a in scenario.network_edits.add_actors}
    return any(ids.get(a) in INTERMEDIARY_ACTORS for a in scenario.city_actors or [])


def _subjects(key: str, scenario: Scenario, workshop: Workshop, facts: Facts) -> I18nText:
    """The data subjects, with the vulnerable groups the criteria found among them."""
    base = _text(key, n=scenario.scope.residents, territory=workshop.territory)
    groups = sorted(facts.groups or ())
    if not groups:
        return base
    names = [_text(f"dpia.group.{g}") for g in groups]
    among = I18nText(
        fr=t("dp.register.subjects.among", "fr", groups=", ".join(n.fr for n in names)),
        en=t("dp.register.subjects.among", "en", groups=", ".join(n.en for n in names)),
    )
    return I18nText(fr=f"{base.fr} {among.fr}", en=f"{base.en} {among.en}")


def register_entry(
    workshop: Workshop,
    scenario: Scenario,
    case: UseCase | None,
    facts: Facts,
    found: tuple[Processing, ...],
    decks: Decks,
) -> tuple[RegisterField, ...]:
    categories = decks.index("data_categories")
    cats: list[I18nText] = []
    for s in facts.sources:
        for c in s.categories or ():
            card = categories.get(c)
            cats.append(card.title if card is not None else I18nText(fr=c, en=c))
    purpose = case.title if case else scenario.title
    subjects_key = (
        "dp.register.subjects.public_space"
        if facts.uses(PUBLIC_SPACE)
        else "dp.register.subjects.value"
    )

    def field(fid: str, value: I18nText) -> RegisterField:
        return RegisterField(
            fid, _text(f"dp.register.{fid}"), value, _text(f"dp.register.{fid}.rule")
        )

    service = found[0]
    basis = (
        service.basis
        if service.special is None
        else I18nText(
            fr=f"{service.basis.fr} {service.special.fr}",
            en=f"{service.basis.en} {service.special.en}",
        )
    )
    register_basis = _from_register(facts.sources, "legal_basis")
    register_kept = _from_register(facts.sources, "retention")
    return (
        field(
            "controller",
            I18nText(
                fr=t("dp.register.controller.value", "fr", who=service.controller.fr),
                en=t("dp.register.controller.value", "en", who=service.controller.en),
            ),
        ),
        field("purpose", _text("dp.register.purpose.value", purpose=purpose, title=scenario.title)),
        field("basis", basis),
        *(() if register_basis is None else (field("register_basis", register_basis),)),
        field("subjects", _subjects(subjects_key, scenario, workshop, facts)),
        field("categories", _joined(_unique(cats))),
        field("recipients", _joined(recipients(scenario, decks))),
        field("transfers", _text("dp.register.transfers.value")),
        field(
            "retention", _text("dp.register.retention.value", months=scenario.scope.duration_months)
        ),
        *(() if register_kept is None else (field("register_retention", register_kept),)),
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


def _facts(workshop: Workshop, scenario: Scenario, decks: Decks) -> tuple[UseCase | None, Facts]:
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
    model = decks.model(scenario.model)
    return case, Facts(
        sources=tuple(sources),
        need=need,
        residents=scenario.scope.residents,
        model=scenario.model,
        maturity=model.maturity if model is not None else None,
        actors=_actors(scenario, decks),
    )


def pre_check(workshop: Workshop, scenario: Scenario, decks: Decks) -> DataProtectionCheck:
    """The pre-check of ``scenario`` (a scenario of ``workshop``)."""
    case, facts = _facts(workshop, scenario, decks)
    found = tuple(rule(facts) for _, rule in CRITERIA)
    items = tuple(rule(facts) for _, rule in CNIL_ITEMS)
    cases = art35_cases(facts)
    dpia, reason = verdict(found, items, cases)
    runs = city_runs_platform(scenario, decks)
    done = processings(facts, runs)
    return DataProtectionCheck(
        scenario=scenario.id,
        criteria=found,
        cnil_items=items,
        art35=cases,
        dpia=dpia,
        dpia_reason=reason,
        processings=done,
        register=register_entry(workshop, scenario, case, facts, done, decks),
        steps=(
            dpo_step(dpia == "required"),
            information_step(facts),
            secrecy_step(facts),
            dga_step(facts, runs),
            council_step(facts, workshop.territory),
        ),
    )
