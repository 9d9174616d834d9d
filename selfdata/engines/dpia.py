"""Does a scenario need an impact assessment (AIPD / DPIA, GDPR art. 35)? The DPO's checklist.

Three sources of an answer, each item answered from the scenario with its reason, or put
to the DPO as a question when the toolkit cannot know (unknown is never scored as known):

* **The nine criteria** of the European guidelines (WP248 rev.01, endorsed by the EDPB,
  followed by the CNIL): evaluation or scoring, automated decision with legal or similar
  effect, systematic monitoring, sensitive or highly personal data (location counted here,
  once), large scale, matching or combining datasets, vulnerable people, innovative use,
  preventing the exercise of a right or the use of a service. Two met or more: required.
* **The CNIL's list** of processings that always need one (délibération n° 2018-327 of
  11 October 2018): its fourteen items, each answered in ``selfdata/engines/cnil_list.py``
  (:data:`~selfdata.engines.cnil_list.CNIL_ITEMS`) with the helpers of this module.
* **Art. 35(3)**: (a) systematic evaluation with legal effects, (b) special-category data
  at large scale, (c) systematic monitoring of a publicly accessible area at large scale.

Every reading of a card goes through a small accessor (``_sensitivity``, ``_categories``,
``_holder``, ``automation``, ``_vulnerable``) that returns ``None`` for a field nobody
filled: the criterion then becomes a question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from selfdata.domain.cards import DataSourceCard, I18nText, NeedCard
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
GENETIC = frozenset({"genetic"})
SPECIAL_CATEGORIES = frozenset({"health", "biometric"}) | GENETIC
"""Categories of GDPR art. 9 among the toolkit's (health, genetic and biometric data)."""
HIGHLY_PERSONAL_CATEGORIES = (
    LOCATION_CATEGORIES
    | frozenset(
        {
            "income",
            "social_benefits",
            "social_aid_file",
            "energy_load_curve",
            "library_loans",
        }
    )
    | SPECIAL_CATEGORIES
)
"""Categories WP248 (criterion 4) counts as highly personal: location, financial and social
data, art. 9 data (health, genetic, biometric), the load curve (it shows when someone is
at home) and reading history (it reveals opinions and beliefs)."""
PUBLIC_SPACE = frozenset({"public_space_sensors"})
"""Data collected in a publicly accessible area (sensors, counters)."""
SOCIAL_SUPPORT = frozenset({"social_aid_file"})
CATEGORY_GROUPS: dict[str, str] = {
    "social_benefits": "social_aid",
    "social_aid_file": "social_aid",
    "school_bookings": "children",
}
"""Categories that single out a vulnerable group (WP248 criterion 7)."""
SOCIAL_WORKER_ACTORS = frozenset({"social_worker"})


def text(key: str, **values: object) -> I18nText:
    return I18nText(fr=t(key, "fr", **values), en=t(key, "en", **values))


# -- accessors: None is "not filled", a question for the DPO -----------------------------


def _sensitivity(card: DataSourceCard) -> str | None:
    value = getattr(card, "sensitivity", None)
    return value if isinstance(value, str) else None


def _categories(card: DataSourceCard) -> frozenset[str] | None:
    value = getattr(card, "categories", None)
    return frozenset(value) if value else None


def _holder(card: DataSourceCard) -> I18nText | None:
    value = getattr(card, "holder", None)
    return value if isinstance(value, I18nText) else None


def automation(need: NeedCard | None) -> frozenset[str] | None:
    value = getattr(need, "automation", None)
    return None if value is None else frozenset(value)


def _vulnerable(need: NeedCard | None) -> frozenset[str] | None:
    value = getattr(need, "vulnerable", None)
    return None if value is None else frozenset(value)


# -- the scenario's facts --------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What the pre-check reads of a scenario: its sources and need, people, scale, model."""

    sources: tuple[DataSourceCard, ...]
    need: NeedCard | None
    residents: int
    model: str
    maturity: str | None
    actors: frozenset[str]
    """The catalogue actors of the scenario's network (``social_worker``, ``data_trust``…)."""

    def titles(self, cards: Sequence[DataSourceCard], lang: str) -> str:
        return ", ".join(c.title.get(lang) for c in cards)

    def with_categories(self, wanted: frozenset[str]) -> list[DataSourceCard]:
        return [s for s in self.sources if (_categories(s) or frozenset()) & wanted]

    @property
    def need_categories(self) -> frozenset[str]:
        return frozenset(self.need.categories) if self.need else frozenset()

    @property
    def unknown_categories(self) -> list[DataSourceCard]:
        return [s for s in self.sources if _categories(s) is None]

    def uses(self, wanted: frozenset[str]) -> bool:
        return bool(self.with_categories(wanted)) or bool(self.need_categories & wanted)

    @property
    def special(self) -> bool:
        return any(_sensitivity(s) == "special" for s in self.sources) or self.uses(
            SPECIAL_CATEGORIES
        )

    @property
    def holders(self) -> set[str] | None:
        names = [_holder(s) for s in self.sources]
        if any(n is None for n in names):
            return None
        return {n.fr.casefold() for n in names if n is not None}

    @property
    def groups(self) -> frozenset[str] | None:
        """Vulnerable groups concerned; ``None`` when the need does not say and nothing else
        tells."""
        found = {CATEGORY_GROUPS[c] for c in self.need_categories if c in CATEGORY_GROUPS}
        for s in self.sources:
            found |= {CATEGORY_GROUPS[c] for c in _categories(s) or () if c in CATEGORY_GROUPS}
        said = _vulnerable(self.need)
        if said is None and not found:
            return None
        return frozenset(found | (said or frozenset()))

    @property
    def large_scale(self) -> bool | None:
        if self.uses(PUBLIC_SPACE):
            return True
        if self.residents <= 0:
            return None
        return self.residents >= LARGE_SCALE_RESIDENTS


# -- criteria and CNIL items -----------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """One criterion or CNIL-list item: met (``True``), not met (``False``) or a question
    for the DPO (``None``), why, its rule, and the question when there is one."""

    id: str
    met: bool | None
    why: I18nText
    rule: I18nText
    question: I18nText | None = None

    @property
    def state(self) -> Literal["met", "not_met", "unknown"]:
        return "met" if self.met else "unknown" if self.met is None else "not_met"


def _criterion(cid: str, met: bool | None, why: I18nText) -> Criterion:
    question = text(f"dpia.{cid}.ask") if met is None else None
    return Criterion(cid, met, why, text(f"dpia.{cid}.rule"), question)


def _automated(cid: str, step: str, facts: Facts) -> Criterion:
    steps = automation(facts.need)
    if steps is None:
        return _criterion(cid, None, text("dpia.unsaid"))
    return _criterion(cid, step in steps, text(f"dpia.{cid}.{'yes' if step in steps else 'no'}"))


def evaluation(facts: Facts) -> Criterion:
    return _automated("evaluation", "profiling", facts)


def automated_decision(facts: Facts) -> Criterion:
    return _automated("automated_decision", "decision", facts)


def monitoring(facts: Facts) -> Criterion:
    sensors = facts.with_categories(PUBLIC_SPACE)
    if sensors:
        why = _lang_text("dpia.monitoring.public", facts, sensors)
        return _criterion("monitoring", True, why)
    return _automated("monitoring", "monitoring", facts)


def _lang_text(key: str, facts: Facts, cards: Sequence[DataSourceCard]) -> I18nText:
    return I18nText(
        fr=t(key, "fr", sources=facts.titles(cards, "fr")),
        en=t(key, "en", sources=facts.titles(cards, "en")),
    )


def sensitive(facts: Facts) -> Criterion:
    hits = [
        s
        for s in facts.sources
        if _sensitivity(s) in SENSITIVE_LEVELS
        or (_categories(s) or set()) & HIGHLY_PERSONAL_CATEGORIES
    ]
    if hits:
        return _criterion("sensitive", True, _lang_text("dpia.sensitive.yes", facts, hits))
    if facts.need_categories & SPECIAL_CATEGORIES:
        return _criterion("sensitive", True, text("dpia.sensitive.need_health"))
    unknown = [s for s in facts.sources if _sensitivity(s) is None or _categories(s) is None]
    if unknown:
        return _criterion("sensitive", None, _lang_text("dpia.sensitive.unknown", facts, unknown))
    return _criterion("sensitive", False, text("dpia.sensitive.no"))


def large_scale(facts: Facts) -> Criterion:
    scale = facts.large_scale
    if facts.uses(PUBLIC_SPACE):
        why = text("dpia.large_scale.public")
    elif scale is None:
        why = text("dpia.large_scale.unknown")
    else:
        why = text(
            f"dpia.large_scale.{'yes' if scale else 'no'}",
            n=facts.residents,
            limit=LARGE_SCALE_RESIDENTS,
        )
    return _criterion("large_scale", scale, why)


def matching(facts: Facts) -> Criterion:
    holders = facts.holders
    if holders is None:
        return _criterion("matching", None, text("dpia.unsaid"))
    met = len(holders) >= 2
    why = text("dpia.matching.yes", n=len(holders)) if met else text("dpia.matching.no")
    return _criterion("matching", met, why)


def vulnerable(facts: Facts) -> Criterion:
    groups = facts.groups
    if groups is None:
        return _criterion("vulnerable", None, text("dpia.unsaid"))
    if not groups:
        return _criterion("vulnerable", False, text("dpia.vulnerable.no"))
    names = [text(f"dpia.group.{g}") for g in sorted(groups)]
    why = I18nText(
        fr=t("dpia.vulnerable.yes", "fr", groups=", ".join(n.fr for n in names)),
        en=t("dpia.vulnerable.yes", "en", groups=", ".join(n.en for n in names)),
    )
    return _criterion("vulnerable", True, why)


def innovative(facts: Facts) -> Criterion:
    sensors = facts.with_categories(PUBLIC_SPACE)
    if sensors:
        return _criterion("innovative", True, _lang_text("dpia.innovative.sensors", facts, sensors))
    if facts.maturity == "concept":
        return _criterion("innovative", True, text("dpia.innovative.concept"))
    if facts.maturity == "operational":
        return _criterion("innovative", False, text("dpia.innovative.no"))
    return _criterion("innovative", None, text("dpia.innovative.prototype"))


def exclusion(facts: Facts) -> Criterion:
    steps = automation(facts.need)
    if steps is not None and "decision" in steps:
        return _criterion("exclusion", True, text("dpia.exclusion.yes"))
    return _criterion("exclusion", False, text("dpia.exclusion.no"))


CRITERIA = (
    ("evaluation", evaluation),
    ("automated_decision", automated_decision),
    ("monitoring", monitoring),
    ("sensitive", sensitive),
    ("large_scale", large_scale),
    ("matching", matching),
    ("vulnerable", vulnerable),
    ("innovative", innovative),
    ("exclusion", exclusion),
)
"""WP248 rev.01's nine criteria, in its order."""


def art35_cases(facts: Facts) -> tuple[str, ...]:
    """The cases of GDPR art. 35(3) the scenario falls in: ``a``, ``b``, ``c``."""
    steps = automation(facts.need) or frozenset()
    cases = []
    if "decision" in steps and "profiling" in steps:
        cases.append("a")
    if facts.special and facts.large_scale:
        cases.append("b")
    if facts.uses(PUBLIC_SPACE):
        cases.append("c")
    return tuple(cases)


_SEPARATOR = {"fr": "\u202f; ", "en": "; "}


def said(key: str, **values: object) -> I18nText:
    """A text whose values may depend on the language (a callable of the language)."""

    def one(lang: str) -> str:
        return t(key, lang, **{k: v(lang) if callable(v) else v for k, v in values.items()})

    return I18nText(fr=one("fr"), en=one("en"))


def verdict(
    criteria: Sequence[Criterion], items: Sequence[Criterion], cases: Sequence[str]
) -> tuple[Verdict, I18nText]:
    """Required (two criteria, a CNIL item or an art. 35(3) case), advised (one criterion,
    or a question that could tip it) or not required; with why, in both languages."""
    met = [c for c in criteria if c.met]
    listed = [c for c in items if c.met]
    asked = [c for c in (*criteria, *items) if c.met is None]

    def names(found: Sequence[Criterion], lang: str) -> str:
        return ", ".join(t(f"dpia.{c.id}", lang) for c in found)

    grounds: list[I18nText] = []
    if cases:
        grounds.append(
            said(
                "dpia.ground.art35",
                cases=lambda lang: _SEPARATOR[lang].join(t(f"dpia.art35.{c}", lang) for c in cases),
            )
        )
    if listed:
        grounds.append(said("dpia.ground.cnil", items=lambda lang: names(listed, lang)))
    if len(met) >= DPIA_THRESHOLD:
        grounds.append(
            said("dpia.ground.criteria", n=len(met), names=lambda lang: names(met, lang))
        )
    if grounds:
        return "required", said(
            "dpia.verdict.required",
            grounds=lambda lang: _SEPARATOR[lang].join(g.get(lang) for g in grounds),
        )
    if met or asked:
        return "recommended", said(
            "dpia.verdict.advised",
            n=len(met),
            names=lambda lang: names(met, lang) or t("dp.none", lang),
            asked=lambda lang: names(asked, lang) or t("dp.none", lang),
        )
    return "not_required", text("dpia.verdict.not_required", threshold=DPIA_THRESHOLD)
