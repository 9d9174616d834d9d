"""Issue 14: the dossier's next steps come from the group's own answers and never contradict
them (a table of answers -> next steps), and the dossier's mediation paragraph follows the
group's planned support."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.export.facts import Lookup
from selfdata.export.next_steps import held_by_resident, mediation_paragraph, next_steps
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

ALONE = ("chaque personne doit se débrouiller seule", "each resident has to manage the tool alone")


@cache
def decks() -> Decks:
    return default_decks()


def workshop(**use_case: Any) -> Workshop:
    """La Rochelle, its first use case changed by ``use_case`` (answers, choice, sources)."""
    w = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    first = w.use_cases[0].model_copy(update=use_case)
    return w.model_copy(update={"use_cases": [first, *w.use_cases[1:]]})


def steps(w: Workshop, lang: str) -> str:
    return " | ".join(next_steps(Lookup(w, decks()), w.scenarios[0], lang))


def mediation(w: Workshop, lang: str) -> str:
    lookup = Lookup(w, decks())
    model = lookup.model(w.scenarios[0].model)
    assert model is not None
    return mediation_paragraph(lookup, w.scenarios[0], model, lang)


def test_the_resident_is_never_a_data_holder_to_bring_together() -> None:
    w = workshop()
    traces = next(c for c in decks().data_sources if c.id == "trip_traces_app")
    assert held_by_resident(traces)
    for lang, resident, verb in (
        ("fr", "La personne elle-même", "Réunir"),
        ("en", "The resident", "Bring"),
    ):
        together = next(
            s for s in next_steps(Lookup(w, decks()), w.scenarios[0], lang) if s.startswith(verb)
        )
        assert resident not in together, together
        assert traces.title.get(lang) in steps(w, lang)  # its own step: residents share it


ANSWERS = [
    # (mediation answer, must say (fr), must not say (fr))
    ("digital_mediators", "médiateurs numériques", "se débrouilleront seuls"),
    ("social_workers", "travailleurs sociaux", "se débrouilleront seuls"),
    ("none", "se débrouilleront seuls", "comme le groupe l’a prévu"),
]


@pytest.mark.parametrize(("answer", "said", "never"), ANSWERS)
def test_mediation_steps_follow_the_groups_answer(answer: str, said: str, never: str) -> None:
    w = workshop(governance_answers={"mediation": answer})
    text = steps(w, "fr")
    assert said in text and never not in text


@pytest.mark.parametrize("answer", ["digital_mediators", "social_workers"])
@pytest.mark.parametrize("model", ["personal_cloud", "direct_transfer"])
def test_planned_support_is_never_contradicted_by_each_resident_alone(
    answer: str, model: str
) -> None:
    w = workshop(governance_answers={"mediation": answer})
    w = w.model_copy(
        update={"scenarios": [w.scenarios[0].model_copy(update={"model": model}), *w.scenarios[1:]]}
    )
    for lang in ("fr", "en"):
        paragraph = mediation(w, lang) + " " + steps(w, lang)
        assert not any(alone in paragraph for alone in ALONE), paragraph


@pytest.mark.parametrize(
    ("choice", "said", "never"),
    [
        (None, "pas encore choisi", "alors que le groupe a choisi"),
        ("data_cooperative", "alors que le groupe a choisi", "pas encore choisi"),
        ("personal_cloud", "Inscrire une clause", "le modèle"),
    ],
)
def test_the_model_step_matches_the_groups_choice(
    choice: str | None, said: str, never: str
) -> None:
    text = steps(workshop(governance_choice=choice), "fr")  # the scenario: personal cloud
    assert said in text and never not in text


def test_api_and_operator_answers_become_steps() -> None:
    text = steps(workshop(governance_answers={"api": "no_api", "operator": "neutral_body"}), "en")
    assert "paper or nothing today" in text
    assert "A public or neutral body" in text
    assert "paper or nothing" not in steps(workshop(governance_answers={"api": "yes_api"}), "en")


def test_a_single_institutional_holder_is_met_not_brought_together() -> None:
    w = workshop(sources=["trip_traces_app", "transport_validations"])
    text = steps(w, "en")
    assert "Meet the data holder" in text and "Bring the data holders together" not in text
