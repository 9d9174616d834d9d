"""The CNIL's list of processings that always need an impact assessment (AIPD / DPIA).

Source: CNIL, délibération n° 2018-327 of 11 October 2018, adopting the list of the types of
processing operations for which a DPIA is required (GDPR art. 35(4)), after the EDPB's
opinion 9/2018. Its fourteen items, in its order, each answered from the scenario (the
sources' categories and holders, the people concerned, the scale, the model and its actors,
the steps the service takes on its own) with the reason shown, or put to the DPO as a
question when the scenario does not tell (never a silent "no"):

1. health data processed by health or medico-social establishments for people's care;
2. genetic data of vulnerable people (patients, employees, children…);
3. profiles of people built for human-resources management;
4. constant monitoring of employees' activity;
5. alerts and reports in social and health matters;
6. alerts and reports in professional matters;
7. health data gathered into a data warehouse or a registry;
8. profiling that may exclude someone from a contract, or suspend or end it;
9. pooled records of contractual breaches that may lead to exclusion or suspension;
10. profiling with data from external sources;
11. biometric data used to recognise people among whom are vulnerable people;
12. examining applications for, and managing, social housing;
13. social or medico-social support of people;
14. location data on a large scale.

The labels and reasons are written in the toolkit's own words
(``selfdata/i18n/catalog_cnil.py``); each item's rule names the délibération.
"""

from __future__ import annotations

from collections.abc import Callable

from selfdata.domain.cards import I18nText
from selfdata.engines.dpia import (
    CATEGORY_GROUPS,
    GENETIC,
    LOCATION_CATEGORIES,
    SOCIAL_SUPPORT,
    SOCIAL_WORKER_ACTORS,
    Criterion,
    Facts,
    automation,
    said,
    text,
)
from selfdata.i18n import t

HEALTH = frozenset({"health", "genetic"})
"""Health data in the broad sense of the list's items 1 and 7 (genetic data are health
data too, GDPR recital 35)."""
BIOMETRIC = frozenset({"biometric"})
IMAGES = frozenset({"images_video"})
"""Images may be biometric data when they are processed to recognise someone (art. 4(14))."""
CONTRACT_RECORDS = frozenset({"utility_contract", "payments"})
"""Categories that record how a person keeps a contract (bills, payments, arrears)."""
POOLING_MODELS = frozenset({"data_cooperative", "civic_data_trust"})
"""Models that gather many people's data in one place for a shared use."""
RESEARCH_ACTORS = frozenset({"researchers"})
CARE_GROUPS = frozenset({"elderly", "patients"})
HOUSING = frozenset({"housing_record"})


def _item(
    cid: str, met: bool | None, why: I18nText | None = None, why_key: str | None = None
) -> Criterion:
    """One item: met, not met or asked; ``why`` defaults to the item's own yes/no/ask text."""
    state = "yes" if met else "no" if met is False else "ask"
    reason = why or text(why_key or f"dpia.{cid}.{state}")
    question = text(f"dpia.{cid}.ask") if met is None else None
    rule = said("dpia.cnil.rule", item=lambda lang: t(f"dpia.{cid}", lang))
    return Criterion(cid, met, reason, rule, question)


def _absent(cid: str, facts: Facts) -> Criterion:
    """The item's data are not in the scenario: "no", unless a source's categories were
    never given (then the DPO is asked, naming those sources)."""
    unknown = facts.unknown_categories
    if not unknown:
        return _item(cid, False)
    why = said("dpia.cnil.unknown_categories", sources=lambda lang: facts.titles(unknown, lang))
    return _item(cid, None, why)


def _groups_decide(cid: str, facts: Facts) -> Criterion:
    """Met when vulnerable people are concerned, asked when the need does not say."""
    groups = facts.groups
    if groups is None:
        return _item(cid, None, text("dpia.unsaid"))
    return _item(cid, bool(groups))


def cnil_health_care(facts: Facts) -> Criterion:
    if not facts.uses(HEALTH):
        return _absent("cnil_health_care", facts)
    groups = facts.groups
    if groups is None:
        return _item("cnil_health_care", None, text("dpia.unsaid"))
    return _item("cnil_health_care", bool(groups & CARE_GROUPS))


def cnil_genetic(facts: Facts) -> Criterion:
    if facts.uses(GENETIC):
        return _groups_decide("cnil_genetic", facts)
    if facts.special:  # art. 9 data by category or by sensitivity: may include genetic data
        return _item("cnil_genetic", None, why_key="dpia.cnil_genetic.health")
    return _absent("cnil_genetic", facts)


def _at_work(cid: str, step: str, facts: Facts) -> Criterion:
    """Met when the service takes ``step`` on its own and employees are among the people
    concerned; asked when the need does not say either."""
    steps, groups = automation(facts.need), facts.groups
    if steps is None:
        return _item(cid, None, text("dpia.unsaid"))
    if step not in steps:
        return _item(cid, False)
    if groups is None:
        return _item(cid, None, text("dpia.unsaid"))
    return _item(cid, "employees" in groups)


def cnil_hr_profiling(facts: Facts) -> Criterion:
    return _at_work("cnil_hr_profiling", "profiling", facts)


def cnil_employee_monitoring(facts: Facts) -> Criterion:
    return _at_work("cnil_employee_monitoring", "monitoring", facts)


def cnil_alerts(facts: Facts) -> Criterion:
    steps = automation(facts.need)
    if steps is None:
        return _item("cnil_alerts", None)
    groups = facts.groups or frozenset()
    social = facts.special or facts.uses(frozenset(CATEGORY_GROUPS)) or bool(groups)
    return _item("cnil_alerts", "monitoring" in steps and social)


def cnil_work_alerts(facts: Facts) -> Criterion:
    """Alerts about people at work: met when the service raises alerts and employees are
    concerned; when employees are concerned without alerts, the DPO is asked whether the
    service takes reports (the toolkit has no field for a reporting channel)."""
    steps, groups = automation(facts.need), facts.groups
    if groups is None:
        return _item("cnil_work_alerts", None, text("dpia.unsaid"))
    if "employees" not in groups:
        return _item("cnil_work_alerts", False)
    if steps is None or "monitoring" not in steps:
        return _item("cnil_work_alerts", None, why_key="dpia.cnil_work_alerts.staff")
    return _item("cnil_work_alerts", True)


def cnil_health_warehouse(facts: Facts) -> Criterion:
    if not facts.uses(HEALTH):
        return _absent("cnil_health_warehouse", facts)
    pooled = (
        facts.model in POOLING_MODELS
        or bool(facts.actors & RESEARCH_ACTORS)
        or (facts.need is not None and facts.need.usage_family == "collective_contribution")
    )
    return _item("cnil_health_warehouse", pooled)


def cnil_profiling_exclusion(facts: Facts) -> Criterion:
    steps = automation(facts.need)
    if steps is None:
        return _item("cnil_profiling_exclusion", None)
    return _item("cnil_profiling_exclusion", {"profiling", "decision"} <= steps)


def cnil_contract_breaches(facts: Facts) -> Criterion:
    """Records of how people keep their contracts (bills, payments), pooled from two holders
    or more, on which the service decides on its own."""
    if not facts.uses(CONTRACT_RECORDS):
        return _absent("cnil_contract_breaches", facts)
    steps, holders = automation(facts.need), facts.holders
    if steps is None or holders is None:
        return _item("cnil_contract_breaches", None, text("dpia.unsaid"))
    return _item("cnil_contract_breaches", "decision" in steps and len(holders) >= 2)


def cnil_profiling_external(facts: Facts) -> Criterion:
    steps, holders = automation(facts.need), facts.holders
    if steps is None or holders is None:
        return _item("cnil_profiling_external", None)
    return _item("cnil_profiling_external", "profiling" in steps and len(holders) >= 2)


def cnil_biometric(facts: Facts) -> Criterion:
    if facts.uses(BIOMETRIC):
        return _groups_decide("cnil_biometric", facts)
    if facts.uses(IMAGES):
        return _item("cnil_biometric", None, why_key="dpia.cnil_biometric.images")
    return _absent("cnil_biometric", facts)


def cnil_social_housing(facts: Facts) -> Criterion:
    """Met by a social landlord's file; a housing record whose holder's status nobody gave is
    asked (it may be a social landlord's)."""
    kinds = [getattr(s, "holder_kind", None) for s in facts.sources]
    if "social_landlord" in kinds or any(
        s.id == "social_housing_application" for s in facts.sources
    ):
        return _item("cnil_social_housing", True)
    unsure = [s for s in facts.with_categories(HOUSING) if s.holder_kind is None]
    if unsure:
        why = said(
            "dpia.cnil_social_housing.unsure", sources=lambda lang: facts.titles(unsure, lang)
        )
        return _item("cnil_social_housing", None, why)
    return _absent("cnil_social_housing", facts)


def cnil_social_support(facts: Facts) -> Criterion:
    social_work = bool(facts.actors & SOCIAL_WORKER_ACTORS) and "social_aid" in (
        facts.groups or frozenset()
    )
    if facts.uses(SOCIAL_SUPPORT) or social_work:
        return _item("cnil_social_support", True)
    return _absent("cnil_social_support", facts)


def cnil_location(facts: Facts) -> Criterion:
    if not facts.uses(LOCATION_CATEGORIES):
        return _absent("cnil_location", facts)
    return _item("cnil_location", facts.large_scale)


CNIL_ITEMS: tuple[tuple[str, Callable[[Facts], Criterion]], ...] = (
    ("cnil_health_care", cnil_health_care),
    ("cnil_genetic", cnil_genetic),
    ("cnil_hr_profiling", cnil_hr_profiling),
    ("cnil_employee_monitoring", cnil_employee_monitoring),
    ("cnil_alerts", cnil_alerts),
    ("cnil_work_alerts", cnil_work_alerts),
    ("cnil_health_warehouse", cnil_health_warehouse),
    ("cnil_profiling_exclusion", cnil_profiling_exclusion),
    ("cnil_contract_breaches", cnil_contract_breaches),
    ("cnil_profiling_external", cnil_profiling_external),
    ("cnil_biometric", cnil_biometric),
    ("cnil_social_housing", cnil_social_housing),
    ("cnil_social_support", cnil_social_support),
    ("cnil_location", cnil_location),
)
"""The fourteen items of the CNIL's list (délibération n° 2018-327), in its order."""
