"""The proposed action plan of a scenario: the steps a council can follow, in lawful order.

1. **Council decision** (délibération): approve the experiment, authorise the agreements,
   vote the budget — before anything is signed.
2. **Agreements** (conventions) with each data holder to approach and each partner.
3. **Impact assessment** before the launch when the pre-check does not rule it out: the
   controller's, with the DPO's advice (GDPR art. 35(2)); the register entry; the Data
   Governance Act where it applies.
4. **Information** of residents (arts 13–14), then **recruitment** of the volunteers.
5. **Run** the experiment, then **evaluation** and the decision on what comes next.

Owners are roles taken from the scenario's value network (the platform's operator, the
cooperative, the mediators…), the controller being the one the pre-check names. Nothing is
invented: a step's duration (``weeks``) and budget are the facilitator's, left blank in the
proposal; dates are counted from the plan's start (:func:`schedule`) and stay "to set"
while the start or a duration is missing. A condition the group adds later is one more step
(``kind="condition"``) placed before the launch.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from selfdata.domain.cards import Decks, I18nText
from selfdata.domain.workshop import ActionStep, Scenario, Workshop
from selfdata.engines.data_protection import city_runs_platform, pre_check
from selfdata.engines.network import NetworkError, scenario_network
from selfdata.i18n import t

WEEK = timedelta(days=7)
STEP_ORDER = (
    "council",
    "agreement",
    "dpia",
    "register",
    "dga",
    "condition",
    "information",
    "recruitment",
    "run",
    "evaluation",
)
"""The lawful order of the kinds of step."""
OPERATOR_ACTORS: dict[str, str] = {
    "personal_cloud": "personal_cloud_operator",
    "direct_transfer": "service_provider",
    "trusted_third_party": "trusted_third_party",
    "data_cooperative": "data_cooperative",
    "civic_data_trust": "data_trust",
}
"""The catalogue actor who runs the service (and is its controller) under each model."""
RECRUITERS = ("digital_mediator", "social_worker")
"""Actors who recruit volunteers, when the network has them."""
RESIDENT_HOLDER_PREFIXES = ("la personne", "the person", "l’habitant", "the resident")
"""A source "held" by the resident themself: there is no one to meet."""


def _labels(scenario: Scenario, decks: Decks, lang: str) -> dict[str, str]:
    """Catalogue actor → the name it has in the scenario's network."""
    try:
        graph = scenario_network(scenario, decks)
    except NetworkError:
        return {}
    out: dict[str, str] = {}
    for _, data in graph.nodes(data=True):
        label: I18nText = data["label"]
        out.setdefault(str(data.get("actor")), label.get(lang))
    return out


def _operator(
    workshop: Workshop, scenario: Scenario, labels: dict[str, str], runs: bool, lang: str
) -> str:
    actor = OPERATOR_ACTORS.get(scenario.model)
    if actor is None or actor not in labels:
        return t("plan.owner.city", lang)
    if runs:
        return t("plan.owner.city_runs", lang, territory=workshop.territory, platform=labels[actor])
    return labels[actor]


def _holder_steps(workshop: Workshop, scenario: Scenario, decks: Decks, lang: str) -> list[str]:
    case = next((u for u in workshop.use_cases if u.id == scenario.use_case), None)
    custom = {s.id: s.card for s in workshop.sources if s.card is not None}
    tasks: list[str] = []
    seen: set[str] = set()
    for sid in case.sources if case is not None else []:
        card = custom.get(sid) or decks.source(sid)
        if card is None:
            continue
        holder = card.holder.get(lang)
        if holder.casefold() in seen or holder.casefold().startswith(RESIDENT_HOLDER_PREFIXES):
            continue
        seen.add(holder.casefold())
        tasks.append(t("plan.step.holder", lang, holder=holder, source=card.title.get(lang)))
    return tasks


def seed_plan(workshop: Workshop, scenario: Scenario, decks: Decks, lang: str) -> list[ActionStep]:
    """The proposed steps of ``scenario``, worded in ``lang``, in lawful order, with owners
    by role, and no duration, date or budget (the facilitator's to fill)."""
    check = pre_check(workshop, scenario, decks)
    labels = _labels(scenario, decks, lang)
    runs = city_runs_platform(scenario, decks)
    operator = _operator(workshop, scenario, labels, runs, lang)
    executive = t("plan.owner.executive", lang)
    steps = [ActionStep(task=t("plan.step.council", lang), owner=t("plan.owner.council", lang),
                        kind="council")]  # fmt: skip
    holders = _holder_steps(workshop, scenario, decks, lang)
    for task in holders:
        steps.append(ActionStep(task=task[:200], owner=operator, kind="agreement"))
    for partner in scenario.scope.partners:
        if any(partner.casefold() in task.casefold() for task in holders):
            continue  # the holder's agreement already covers it
        task = t("plan.step.partner", lang, partner=partner)[:200]
        steps.append(ActionStep(task=task, owner=executive, kind="agreement"))
    controller = t("plan.owner.controller", lang, who=operator)
    if check.dpia != "not_required":
        steps.append(ActionStep(task=t("plan.step.dpia", lang), owner=controller, kind="dpia"))
    steps.append(ActionStep(task=t("plan.step.register", lang), owner=controller, kind="register"))
    if any(s.id == "dga" and s.status != "not_applicable" for s in check.steps):
        steps.append(ActionStep(task=t("plan.step.dga", lang), owner=operator, kind="dga"))
    steps.append(
        ActionStep(task=t("plan.step.information", lang), owner=controller, kind="information")
    )
    recruiter = next((labels[a] for a in RECRUITERS if a in labels), operator)
    steps.append(
        ActionStep(
            task=t("plan.step.recruitment", lang, n=scenario.scope.residents),
            owner=recruiter,
            kind="recruitment",
        )
    )
    steps.append(
        ActionStep(
            task=t("plan.step.run", lang, months=scenario.scope.duration_months),
            owner=operator,
            kind="run",
        )
    )
    steps.append(
        ActionStep(task=t("plan.step.review", lang), owner=t("plan.owner.council", lang),
                   kind="evaluation")
    )  # fmt: skip
    return steps


def with_condition(steps: Sequence[ActionStep], condition: ActionStep) -> list[ActionStep]:
    """``steps`` with a condition the group set (an objection turned into a step) placed in
    lawful order: after the legal steps, before residents are informed and recruited."""
    step = condition.model_copy(update={"kind": condition.kind or "condition"})
    rank = STEP_ORDER.index("condition")
    at = next(
        (
            i
            for i, s in enumerate(steps)
            if s.kind in STEP_ORDER and STEP_ORDER.index(s.kind) > rank
        ),
        len(steps),
    )
    return [*steps[:at], step, *steps[at:]]


def schedule(steps: Sequence[ActionStep], start: date | None) -> list[ActionStep]:
    """Each step's date counted from ``start`` with the steps' durations, one after the
    other. A step with no duration keeps the date typed for it (or none), and the steps after
    it are "to set" until it has one: no date is made up. Without a start, the steps are
    returned as they are."""
    if start is None:
        return list(steps)
    out: list[ActionStep] = []
    cursor: date | None = start
    for step in steps:
        if step.weeks is None or cursor is None:
            cursor = None
            out.append(step)
            continue
        cursor = cursor + step.weeks * WEEK
        out.append(step.model_copy(update={"due": cursor}))
    return out
