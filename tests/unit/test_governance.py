from __future__ import annotations

import pytest
from engine_factories import shipped_decks

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import UseCase
from selfdata.engines.governance import (
    GovernanceAnswerError,
    answer_weights,
    governance_fit,
    use_case_fit,
)

ARCHETYPES = [
    # (situation, answers, model expected first)
    (
        "sensors in public space, individual consent impossible",
        {"consent": "impossible"},
        "civic_data_trust",
    ),
    (
        "public-space sensors pooled for planning by a neutral body",
        {"consent": "impossible", "benefit": "research", "operator": "neutral_body"},
        "civic_data_trust",
    ),
    (
        "noise sensors, several holders, collective benefit",
        {"consent": "impossible", "holders": "several", "benefit": "both", "timing": "no_rush"},
        "civic_data_trust",
    ),
    (
        "one holder with an API, purely individual benefit",
        {"holders": "one", "api": "yes_api", "benefit": "individual"},
        "direct_transfer",
    ),
    (
        "one holder with an API, small budget, launch within months",
        {"holders": "one", "api": "yes_api", "budget": "small", "timing": "months"},
        "direct_transfer",
    ),
    (
        "the holder runs it, individual consent, low sensitivity",
        {"operator": "holder", "consent": "individual", "sensitivity": "low", "holders": "one"},
        "direct_transfer",
    ),
    (
        "several holders combined for personal use",
        {"holders": "several", "benefit": "individual"},
        "personal_cloud",
    ),
    (
        "several holders combined in the resident's own space",
        {"holders": "several", "operator": "resident", "consent": "individual"},
        "personal_cloud",
    ),
    (
        "carbon footprint of one's trips from several mobility operators",
        {
            "holders": "several",
            "consent": "individual",
            "benefit": "individual",
            "sensitivity": "medium",
            "mediation": "none",
            "operator": "resident",
        },
        "personal_cloud",
    ),
    (
        "pooling for collective bargaining",
        {"benefit": "pooling", "consent": "individual", "operator": "members"},
        "data_cooperative",
    ),
    (
        "pooling for research, consent possible",
        {"benefit": "research", "consent": "individual"},
        "data_cooperative",
    ),
    (
        "residents as a collective contributing to research",
        {"benefit": "research", "operator": "members", "holders": "several"},
        "data_cooperative",
    ),
    (
        "sensitive social data with mediation by social workers",
        {"sensitivity": "high", "mediation": "social_workers"},
        "trusted_third_party",
    ),
    (
        "social benefits file from several holders, social workers, individual benefit",
        {
            "sensitivity": "high",
            "mediation": "social_workers",
            "holders": "several",
            "benefit": "individual",
        },
        "trusted_third_party",
    ),
    (
        "social action run by a public body, paper-only holders",
        {"mediation": "social_workers", "operator": "neutral_body", "api": "no_api"},
        "trusted_third_party",
    ),
]


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


@pytest.mark.parametrize(
    ("situation", "answers", "expected"), ARCHETYPES, ids=[a[0] for a in ARCHETYPES]
)
def test_archetype_situations_put_the_expected_model_first(
    decks: Decks, situation: str, answers: dict[str, str], expected: str
) -> None:
    fits = governance_fit(answers, decks)
    assert fits[0].model == expected, [(f.model, f.fit) for f in fits]
    assert fits[0].fit > fits[1].fit


def test_every_model_is_scored_between_0_and_100_and_sorted(decks: Decks) -> None:
    fits = governance_fit({"consent": "impossible", "holders": "one"}, decks)
    assert sorted(f.model for f in fits) == sorted(m.id for m in decks.governance_models)
    assert all(0 <= f.fit <= 100 for f in fits)
    assert [f.score for f in fits] == sorted((f.score for f in fits), reverse=True)


def test_no_answer_gives_every_model_a_neutral_fit_in_deck_order(decks: Decks) -> None:
    fits = governance_fit({}, decks)
    assert [f.fit for f in fits] == [50] * len(decks.governance_models)
    assert [f.model for f in fits] == [m.id for m in decks.governance_models]
    assert all(not f.reasons_for and not f.reasons_against for f in fits)


def test_reasons_are_plain_words_in_both_languages(decks: Decks) -> None:
    civic = governance_fit({"consent": "impossible"}, decks)[0]
    top = civic.reasons_for[0]
    assert top.trait == "no_individual_consent"
    assert "consent" in top.text.en and "consentement" in top.text.fr
    assert top.text.en[0].isupper() and top.text.fr[0].isupper()


def test_reasons_against_name_what_the_answers_want_and_the_model_lacks(decks: Decks) -> None:
    fits = {f.model: f for f in governance_fit({"holders": "several"}, decks)}
    against = [r.trait for r in fits["direct_transfer"].reasons_against]
    assert against[0] == "combines_sources"
    assert all(r.contribution < 0 for r in fits["direct_transfer"].reasons_against)
    assert all(r.contribution > 0 for r in fits["personal_cloud"].reasons_for)


def test_at_most_three_reasons_each_way_by_default(decks: Decks) -> None:
    answers = {q.id: q.options[0].id for q in decks.governance_questions}
    for fit in governance_fit(answers, decks):
        assert len(fit.reasons_for) <= 3 and len(fit.reasons_against) <= 3


def test_the_fit_is_deterministic(decks: Decks) -> None:
    answers = {"holders": "several", "benefit": "pooling"}
    assert governance_fit(answers, decks) == governance_fit(dict(answers), decks)


def test_answer_weights_add_up_per_trait(decks: Decks) -> None:
    wanted = answer_weights(
        {"holders": "several", "operator": "neutral_body"}, decks.governance_questions
    )
    assert wanted["combines_sources"] == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"colour": "blue"}, "unknown governance question 'colour'"),
        ({"holders": "many"}, "question 'holders' has no option 'many'"),
    ],
)
def test_unknown_answers_are_refused_with_a_clear_message(
    decks: Decks, answers: dict[str, str], message: str
) -> None:
    with pytest.raises(GovernanceAnswerError, match=message):
        governance_fit(answers, decks)


def test_a_use_case_is_scored_from_its_recorded_answers(decks: Decks) -> None:
    use_case = UseCase(
        id="social-file",
        title="Dossier social pré-rempli",
        need="benefits",
        sources=["caf"],
        governance_answers={"sensitivity": "high", "mediation": "social_workers"},
    )
    assert use_case_fit(use_case, decks)[0].model == "trusted_third_party"
