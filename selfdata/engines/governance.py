"""Governance fit: a use case's answers × each model's traits → a 0–100 fit with reasons.

The rule is deliberately simple enough to explain in the room:

* every answered option carries ``weights``: trait id → how much the answer wants a model
  high (> 0) or low (< 0) on that trait; the weights of all answers are added per trait;
* a model's level on a trait (0..1) is centred to ``2 * level - 1`` (−1..1), so the
  trait's contribution is ``weight × (2 * level − 1)``: positive when the model is where
  the answers want it, negative otherwise;
* ``fit = 50 + 50 × Σ contributions / Σ |weights|``: 100 when a model sits at the wanted end
  of every trait, 0 at the opposite end, 50 when nothing was answered;
* the reasons are the traits with the largest contributions, phrased with the trait card's
  ``high`` or ``low`` words according to the model's level.

Models with the same fit keep the deck's order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from selfdata.domain.cards import Decks, GovernanceQuestion, GovernanceTrait, I18nText
from selfdata.domain.workshop import UseCase
from selfdata.i18n import t

NEUTRAL_FIT = 50.0
TOP_REASONS = 3


class GovernanceAnswerError(ValueError):
    """An answer names a question or an option that the deck does not have."""


@dataclass(frozen=True)
class FitReason:
    """One trait that speaks for or against a model, in plain words."""

    trait: str
    text: I18nText
    contribution: float
    """``weight × (2 × level − 1)``: the points this trait adds (or removes) before scaling."""


@dataclass(frozen=True)
class ModelFit:
    model: str
    title: I18nText
    fit: int
    """0–100, rounded; ``score`` keeps the unrounded value."""
    score: float
    reasons_for: tuple[FitReason, ...]
    reasons_against: tuple[FitReason, ...]


def answer_weights(
    answers: Mapping[str, str], questions: Sequence[GovernanceQuestion]
) -> dict[str, float]:
    """Trait id → summed weight of the chosen options. Unknown ids raise an error."""
    by_id = {q.id: q for q in questions}
    wanted: dict[str, float] = {}
    for question_id, option_id in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise GovernanceAnswerError(f"unknown governance question '{question_id}'")
        option = next((o for o in question.options if o.id == option_id), None)
        if option is None:
            known = ", ".join(o.id for o in question.options)
            raise GovernanceAnswerError(
                f"question '{question_id}' has no option '{option_id}' (expected one of {known})"
            )
        for trait, weight in option.weights.items():
            wanted[trait] = wanted.get(trait, 0.0) + weight
    return wanted


def _capitalised(text: I18nText) -> I18nText:
    return I18nText(fr=text.fr[:1].upper() + text.fr[1:], en=text.en[:1].upper() + text.en[1:])


def _reason_text(trait: GovernanceTrait, level: float, weight: float) -> I18nText:
    """What the model is on this trait, said so that it reads right under its sign: a trait
    the answers want low ("little central control wanted") counts against a model that has
    much of it, and its description alone would read as a strength under "−"."""
    text = trait.high if level >= 0.5 else trait.low
    if weight >= 0:
        return text
    key = "governance.reason.unwanted" if level >= 0.5 else "governance.reason.as_wanted"
    return I18nText(fr=t(key, "fr", what=text.fr), en=t(key, "en", what=text.en))


def governance_fit(
    answers: Mapping[str, str], decks: Decks, *, top: int = TOP_REASONS
) -> tuple[ModelFit, ...]:
    """Every governance model's fit to these answers, best first, with its top reasons."""
    wanted = answer_weights(answers, decks.governance_questions)
    traits: dict[str, GovernanceTrait] = {t.id: t for t in decks.governance_traits}
    total = sum(abs(w) for w in wanted.values())
    fits = []
    for model in decks.governance_models:
        contributions: list[FitReason] = []
        for trait_id, weight in wanted.items():
            level = model.traits.get(trait_id, 0.5)
            contribution = weight * (2.0 * level - 1.0)
            trait = traits.get(trait_id)
            if trait is None or contribution == 0.0:
                continue
            text = _reason_text(trait, level, weight)
            contributions.append(FitReason(trait_id, _capitalised(text), contribution))
        raw = sum(c.contribution for c in contributions)
        score = NEUTRAL_FIT if total == 0 else NEUTRAL_FIT + NEUTRAL_FIT * raw / total
        score = min(100.0, max(0.0, score))
        ordered = sorted(contributions, key=lambda c: -c.contribution)
        pros = [c for c in ordered if c.contribution > 0]
        cons = [c for c in reversed(ordered) if c.contribution < 0]
        fits.append(
            ModelFit(
                model=model.id,
                title=model.title,
                fit=math.floor(score + 0.5),  # 72.5 -> 73, as people round
                score=score,
                reasons_for=tuple(pros[:top]),
                reasons_against=tuple(cons[:top]),
            )
        )
    # sorted() is stable: equal scores keep the deck's order.
    return tuple(sorted(fits, key=lambda f: -f.score))


def use_case_fit(
    use_case: UseCase, decks: Decks, *, top: int = TOP_REASONS
) -> tuple[ModelFit, ...]:
    """The governance fit of a workshop use case, from its recorded answers."""
    return governance_fit(use_case.governance_answers, decks, top=top)
