"""The dossier's "next steps" and its mediation paragraph, drawn from the group's own answers.

Pure functions of the workshop (through :class:`~selfdata.export.facts.Lookup`) and a
scenario; nothing here draws. The rules (issue 14: generic steps contradicted the group):

* **Data holders** to bring together are the institutions holding the use case's sources;
  a source the resident holds (its holder is "the resident", :func:`held_by_resident`) is
  never one of them: it gets its own step (the residents share it themselves).
* **Mediation** follows the group's answer to the ``mediation`` question: digital mediators
  or social workers become a step to involve them, and the paragraph never says that each
  resident must manage alone; "they will manage on their own" becomes a step to check it
  with residents far from digital tools. Without an answer, the chosen model's level of
  mediation speaks (as before).
* **The model**: not chosen by the group yet, or the scenario's model differs from the
  group's choice: a step says so (never "chosen" when it is not).
* **Sharing interface** (``api``) and **operator** answers become steps; the Self Data by
  design clause and the pilot close the list.
"""

from __future__ import annotations

from collections.abc import Mapping

from selfdata.domain.cards import DataSourceCard, GovernanceModelCard
from selfdata.domain.workshop import Scenario
from selfdata.export.deck import join_items
from selfdata.export.facts import Lookup
from selfdata.export.labels import t
from selfdata.export.pdf_base import clip, fmt_int

RESIDENT_HOLDER_PREFIXES = ("the resident", "la personne elle-même", "l’habitant", "l'habitant")
"""How the cards name a holder that is the resident (English or French holder text)."""

SUPPORTED = ("digital_mediators", "social_workers")
"""Answers to the ``mediation`` question by which the group plans support."""


def held_by_resident(card: DataSourceCard) -> bool:
    """Whether the resident holds the source (their app, their cloud): not an institution
    to bring together."""
    return any(
        card.holder.get(lang).strip().lower().startswith(RESIDENT_HOLDER_PREFIXES)
        for lang in ("en", "fr")
    )


def _answers(lookup: Lookup, scenario: Scenario) -> Mapping[str, str]:
    use_case = lookup.use_case(scenario.use_case)
    return use_case.governance_answers if use_case is not None else {}


def _option(lookup: Lookup, question: str, option: str, lang: str) -> str:
    for q in lookup.decks.governance_questions:
        if q.id == question:
            for o in q.options:
                if o.id == option:
                    return o.label.get(lang)
    return option


def _sources(lookup: Lookup, scenario: Scenario) -> list[DataSourceCard]:
    use_case = lookup.use_case(scenario.use_case)
    cards = [lookup.source(sid) for sid in (use_case.sources if use_case is not None else [])]
    return [c for c in cards if c is not None]


def next_steps(lookup: Lookup, scenario: Scenario, lang: str) -> list[str]:
    """The next steps for this scenario, from the group's answers, its choice of model and
    the sources' holders; never contradicting them."""
    steps = [
        *_partner_steps(lookup, scenario, lang),
        *_model_steps(lookup, scenario, lang),
        *_answer_steps(lookup, scenario, lang),
        t("step_clause", lang),
        t(
            "step_pilot",
            lang,
            months=scenario.scope.duration_months,
            residents=fmt_int(scenario.scope.residents, lang),
        ),
    ]
    return steps


def _partner_steps(lookup: Lookup, scenario: Scenario, lang: str) -> list[str]:
    """Who holds the sources: the holders to meet, the data residents bring themselves."""
    steps: list[str] = []
    sources = _sources(lookup, scenario)
    holders: list[str] = []
    for card in sources:
        holder = clip(card.holder.get(lang), 120)
        if not held_by_resident(card) and holder not in holders:
            holders.append(holder)
    if len(holders) > 1:
        steps.append(t("step_partners", lang, holders=join_items(holders, lang).rstrip(".")))
    elif holders:
        steps.append(t("step_one_holder", lang, holder=holders[0]))
    own = [clip(c.title.get(lang), 120) for c in sources if held_by_resident(c)]
    if own:
        steps.append(t("step_resident_data", lang, sources=join_items(own, lang).rstrip(".")))
    return steps


def _model_steps(lookup: Lookup, scenario: Scenario, lang: str) -> list[str]:
    """Choose a model, or confirm the scenario's where the use case chose another."""
    use_case = lookup.use_case(scenario.use_case)
    choice = use_case.governance_choice if use_case is not None else None
    if choice is None:
        return [t("step_choose_model", lang)]
    if choice == scenario.model:
        return []
    model = lookup.model_title(scenario.model, lang)
    return [t("step_confirm_model", lang, model=model, choice=lookup.model_title(choice, lang))]


def _answer_steps(lookup: Lookup, scenario: Scenario, lang: str) -> list[str]:
    """What the group's answers call for: mediation, an interface, the operator."""
    answers = _answers(lookup, scenario)
    steps: list[str] = []
    mediation = answers.get("mediation")
    if mediation in SUPPORTED:
        steps.append(t(f"step_{mediation}", lang))
    elif mediation == "none":
        steps.append(t("step_check_alone", lang))
    api = answers.get("api")
    if api in ("no_api", "partly"):
        steps.append(t(f"step_api_{api}", lang))
    operator = answers.get("operator")
    if operator:
        steps.append(t("step_operator", lang, operator=_option(lookup, "operator", operator, lang)))
    return steps


def mediation_paragraph(
    lookup: Lookup, scenario: Scenario, model: GovernanceModelCard, lang: str
) -> str:
    """What mediation the scenario needs: the group's planned support when it answered
    (never "each resident must manage alone" then), else the model's own level in the
    trait card's words."""
    answer = _answers(lookup, scenario).get("mediation")
    if answer in SUPPORTED:
        return t(f"mediation_planned_{answer}", lang)
    level = model.traits.get("mediation")
    trait = next((tr for tr in lookup.decks.governance_traits if tr.id == "mediation"), None)
    if level is None or trait is None:
        return ""
    words = (trait.high if level >= 0.5 else trait.low).get(lang)
    words = words[:1].upper() + words[1:]
    if level < 0.5:
        return f"{t('mediation_need', lang)} {words}."
    return f"{words}."
