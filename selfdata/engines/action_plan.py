"""The proposed action plan of a scenario: who does what, by when.

Seeded from the scenario: one step per data holder to approach, one per partner, the legal
steps of the data-protection pre-check (:mod:`selfdata.engines.data_protection`), the
launch and the review. Dates are counted from ``start`` (the day the plan is proposed):
first the meetings and agreements, then the legal steps, then the launch, the review at
the end of the experiment. The facilitator edits the proposal before saving it.
"""

from __future__ import annotations

from datetime import date, timedelta

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import ActionStep, Scenario, Workshop
from selfdata.engines.data_protection import pre_check
from selfdata.i18n import t

WEEK = timedelta(days=7)
HOLDER_WEEKS = 4
PARTNER_WEEKS = 8
LEGAL_WEEKS = 12
LAUNCH_WEEKS = 16


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    return date(year, month % 12 + 1, min(day.day, 28))


def seed_plan(
    workshop: Workshop, scenario: Scenario, decks: Decks, lang: str, start: date
) -> list[ActionStep]:
    """The proposed steps of ``scenario``, worded in ``lang``."""
    case = next((u for u in workshop.use_cases if u.id == scenario.use_case), None)
    custom = {s.id: s.card for s in workshop.sources if s.card is not None}
    city = t("plan.owner.city", lang)
    steps: list[ActionStep] = []
    seen: set[str] = set()
    for sid in case.sources if case is not None else []:
        card = custom.get(sid) or decks.source(sid)
        if card is None:
            continue
        holder = card.holder.get(lang)
        if holder.casefold() in seen:
            continue
        seen.add(holder.casefold())
        steps.append(
            ActionStep(
                task=t("plan.step.holder", lang, holder=holder, source=card.title.get(lang))[:200],
                owner=city,
                due=start + HOLDER_WEEKS * WEEK,
            )
        )
    for partner in scenario.scope.partners:
        steps.append(
            ActionStep(
                task=t("plan.step.partner", lang, partner=partner)[:200],
                owner=city,
                due=start + PARTNER_WEEKS * WEEK,
            )
        )
    check = pre_check(workshop, scenario, decks)
    legal = start + LEGAL_WEEKS * WEEK
    dpo = t("plan.owner.dpo", lang)
    if check.dpia != "not_required":
        steps.append(ActionStep(task=t("plan.step.dpia", lang), owner=dpo, due=legal))
    steps.append(ActionStep(task=t("plan.step.register", lang), owner=dpo, due=legal))
    if any(s.id == "dga" and s.needed for s in check.steps):
        steps.append(
            ActionStep(
                task=t("plan.step.dga", lang), owner=t("plan.owner.operator", lang), due=legal
            )
        )
    steps.append(
        ActionStep(
            task=t("plan.step.council", lang), owner=t("plan.owner.council", lang), due=legal
        )
    )
    launch = start + LAUNCH_WEEKS * WEEK
    steps.append(
        ActionStep(
            task=t("plan.step.launch", lang, n=scenario.scope.residents), owner=city, due=launch
        )
    )
    steps.append(
        ActionStep(
            task=t("plan.step.review", lang),
            owner=city,
            due=_months_later(launch, max(scenario.scope.duration_months, 1)),
        )
    )
    return steps
