"""How the room decided, on paper (text read back): the report gives whose weights, the two
rounds and the resampled room; the dossier turns each objection into a condition of its
action plan and says "no blocking objection" or how many there were."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.workshop import (
    ConsentRound,
    Objection,
    ParticipantWeights,
    RatingRounds,
    SwingWeight,
    Workshop,
)
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import scenario_dossier, workshop_report

pytestmark = pytest.mark.pdf


@cache
def example() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def decided(consent: ConsentRound | None = None) -> Workshop:
    """The example with everyone weighing cost only, a second round that differs from the
    first on one rating, and ``consent``."""
    w = example()
    criteria = [c.criterion for c in w.criteria]
    weights = [
        ParticipantWeights(
            participant=p.id,
            weights=[SwingWeight(criterion=c, value=100 if c == "cost" else 0) for c in criteria],
        )
        for p in w.participants
    ]
    first = list(w.ratings)
    changed = first[0].model_copy(update={"value": 6 - first[0].value or 1})
    rounds = RatingRounds(current=2, open=False, first=first)
    return w.model_copy(
        update={
            "participant_weights": weights,
            "rounds": rounds,
            "ratings": [changed, *first[1:]],
            "consent": consent,
        }
    )


def top(workshop: Workshop) -> str:
    from selfdata.app.outcomes import rank

    return rank(workshop, default_decks()).ranking.scenarios[0].scenario


def test_the_report_says_whose_weights_the_rounds_and_the_resampled_room() -> None:
    text = text_of(workshop_report(decided(), default_decks(), "en"))
    assert "How the room decided" in text
    assert "The ranking under each set of weights" in text
    assert "Facilitator’s weights" in text and "Group’s weights" in text
    assert "The two rating rounds" in text and "Ratings changed" in text
    assert "Would another room decide the same?" in text
    assert "1000 draws with replacement among the" in text
    assert "would stay first in" in text


def test_the_report_of_a_workshop_without_them_has_the_resampled_room_only() -> None:
    text = text_of(workshop_report(example(), default_decks(), "en"))
    assert "Would another room decide the same?" in text
    assert "The ranking under each set of weights" not in text
    assert "The two rating rounds" not in text


def test_an_objection_becomes_a_condition_of_the_dossiers_action_plan() -> None:
    w = example()
    first = top(w)
    someone = w.participants[0].id
    reason = "Les trajets restent sur le téléphone hors consentement explicite"
    objected = decided(
        ConsentRound(
            scenario=first, open=False, objections=[Objection(participant=someone, reason=reason)]
        )
    )
    text = text_of(scenario_dossier(objected, default_decks(), first, "fr"))
    assert "Conditions issues du tour des objections" in text
    assert "Objections bloquantes sur" in text and ": 1." in text
    assert f"Condition : {reason}" in text.replace("\u202f", " ")


def test_a_consent_round_without_objection_says_so_in_the_dossier() -> None:
    w = example()
    first = top(w)
    clean = decided(ConsentRound(scenario=first, open=False))
    text = text_of(scenario_dossier(clean, default_decks(), first, "en"))
    assert "No blocking objection." in text
    other = next(s.id for s in w.scenarios if s.id != first)
    assert "No blocking objection." not in text_of(
        scenario_dossier(clean, default_decks(), other, "en")
    )


def test_the_dossier_gives_the_scenarios_place_under_each_weight_set_and_resampled() -> None:
    w = decided()
    first = top(w)
    text = text_of(scenario_dossier(w, default_decks(), first, "en"))
    assert "How the room decided" in text
    assert "Facilitator’s weights" in text and "Group’s weights" in text
    assert "Chance of first place had other people come" in text
    assert "Between the two rounds" in text
