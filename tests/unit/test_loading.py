"""Loading decks and workshop files: plain problems, cross-references, lossless round trip."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfdata.domain.cards import Card, GovernanceModelCard, GovernanceQuestion, NetworkFlow
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import (
    FileFormatError,
    Problem,
    check_file,
    dump_workshop,
    load_decks,
    parse_workshop,
    read_document,
    shipped_deck_set,
)
from selfdata.files.references import Finding, deck_problems, workshop_problems

# --- factories ------------------------------------------------------------------------------


@functools.cache
def shipped() -> dict[str, list[Card]]:
    return shipped_deck_set()


def needs_decks(*kinds: str) -> None:
    missing = [k for k in kinds if k not in shipped()]
    if missing:
        pytest.fail(
            f"shipped decks missing or invalid: {missing} (run python -m selfdata validate cards)"
        )


def a_model() -> GovernanceModelCard:
    needs_decks("governance_models")
    card = shipped()["governance_models"][0]
    assert isinstance(card, GovernanceModelCard)
    return card


def text(value: str) -> dict[str, str]:
    return {"fr": value, "en": value}


def source(card_id: str = "water_meter", **fields: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "id": card_id,
        "title": text("Compteur d’eau"),
        "description": text("Litres par jour"),
        "holder": text("Régie de l’eau"),
        "holder_kind": "public_utility",
        "themes": ["water"],
        "categories": ["water_consumption"],
        "refresh": "daily",
        "access": "portal",
        "ease": 2,
        "sensitivity": "low",
        "portability": True,
    }
    card.update(fields)
    return card


def need(card_id: str = "lower_bills", **fields: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "id": card_id,
        "title": text("Baisser ses factures"),
        "description": text("Comprendre sa consommation"),
        "persona": text("Une famille"),
        "themes": ["water"],
        "usage_family": "self_knowledge",
        "categories": ["water_consumption"],
    }
    card.update(fields)
    return card


def workshop_data(**fields: Any) -> dict[str, Any]:
    """A small but complete workshop: every list has an entry, every reference resolves."""
    model = a_model()
    data: dict[str, Any] = {
        "schema": "selfdata-workshop/1",
        "title": "Atelier « eau » à Testville",
        "territory": "Testville",
        "theme": "water",
        "illustrative": True,
        "created": "2019-10-01T09:30:00",
        "step": "scenarios",
        "settings": {"vote_budget": 5, "vote_cap": 3, "revealed": ["needs"]},
        "participants": [
            {"id": "p1", "pseudonym": "Ana", "joined": "2019-10-01T09:31:00"},
            {"id": "p2", "pseudonym": "Bruno"},
        ],
        "sources": [{"id": "water_meter", "card": source(), "proposed_by": "p1"}],
        "needs": [{"id": "lower_bills", "card": need()}],
        "votes": [
            {"participant": "p1", "need": "lower_bills", "dots": 3},
            {"participant": "p2", "need": "lower_bills", "dots": 1},
        ],
        "use_cases": [
            {
                "id": "water_coach",
                "title": "Coach eau",
                "need": "lower_bills",
                "sources": ["water_meter"],
                "governance_choice": model.id,
            }
        ],
        "scenarios": [
            {
                "id": "pilot",
                "title": "Pilote 500 foyers",
                "use_case": "water_coach",
                "model": model.id,
                "scope": {"residents": 500, "duration_months": 12, "partners": ["Régie"]},
                "network_edits": {"remove_flows": [model.network.flows[0].id]},
            }
        ],
        "criteria": [{"criterion": "cost", "weight": 2.5}],
        "ratings": [
            {"participant": "p1", "scenario": "pilot", "criterion": "cost", "value": 4},
            {"participant": "p2", "scenario": "pilot", "criterion": "cost", "value": 2},
        ],
    }
    data.update(fields)
    return data


def workshop(**fields: Any) -> Workshop:
    return Workshop.model_validate(workshop_data(**fields))


# --- problems read like sentences -----------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "line"),
    [
        (Problem("a.yaml", "", "duplicate key 'id'", 3, 5), "a.yaml:3:5: duplicate key 'id'"),
        (
            Problem("a.yaml", "needs[3].themes[0]", "unknown theme"),
            "a.yaml: needs[3].themes[0]: unknown theme",
        ),
        (Problem("a.yaml", "", "file is empty"), "a.yaml: file is empty"),
    ],
)
def test_a_problem_names_the_file_then_the_place_then_what_is_wrong(
    problem: Problem, line: str
) -> None:
    assert str(problem) == line


def test_read_document_refuses_an_alias_bomb_without_expanding_it(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels))
    with pytest.raises(FileFormatError) as caught:
        read_document(path)
    assert "expands to more than" in str(caught.value)


def test_a_few_shared_anchors_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text("a: &kit [Fing 2019]\nb: *kit\nc: *kit\n")
    assert read_document(path) == {"a": ["Fing 2019"], "b": ["Fing 2019"], "c": ["Fing 2019"]}


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffterritory: Orléans\n".encode())
    assert read_document(path) == {"territory": "Orléans"}


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_no_content_ever_escapes_as_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(content)
    problems = check_file(path, "fuzz.yaml", decks={})
    assert all(isinstance(p, Problem) and p.file == "fuzz.yaml" for p in problems)


# --- load, dump, load -----------------------------------------------------------------------


def test_a_workshop_survives_dump_and_reload_unchanged(tmp_path: Path) -> None:
    original = workshop()
    path = tmp_path / "atelier.yaml"
    path.write_text(dump_workshop(original), encoding="utf-8")
    again = parse_workshop(read_document(path), str(path))
    assert again == original
    assert dump_workshop(again) == dump_workshop(original)


def test_a_dumped_workshop_starts_with_its_schema_tag() -> None:
    body = [line for line in dump_workshop(workshop()).splitlines() if not line.startswith("#")]
    assert body[0] == "schema: selfdata-workshop/1"


def test_texts_that_look_like_other_types_keep_their_type_through_a_round_trip(
    tmp_path: Path,
) -> None:
    tricky = workshop(title="2019", territory="no", description="null: ~ # not a comment")
    path = tmp_path / "tricky.yaml"
    path.write_text(dump_workshop(tricky), encoding="utf-8")
    assert parse_workshop(read_document(path)) == tricky


# --- cross-references: decks ----------------------------------------------------------------


def test_a_model_trait_level_outside_0_1_and_a_missing_trait_are_reported() -> None:
    model = a_model()
    needs_decks("governance_traits")
    first, *rest = list(model.traits)
    broken = model.model_copy(update={"traits": {t: 1.5 for t in rest}})
    found = deck_problems("governance_models", [broken], shipped())
    assert (
        Finding(f"cards[0].traits.{rest[0]}", "expected a number between 0 and 1, got 1.5") in found
    )
    assert Finding("cards[0].traits", f"no level for the trait '{first}'") in found


def test_a_network_flow_between_actors_absent_from_the_template_is_reported() -> None:
    model = a_model()
    flow = NetworkFlow.model_validate(
        {
            "id": "ghost",
            "source": "residnt",
            "target": "nobody",
            "type": "money",
            "label": text("x"),
        }
    )
    network = model.network.model_copy(update={"flows": [*model.network.flows, flow]})
    broken = model.model_copy(update={"network": network})
    found = [
        f for f in deck_problems("governance_models", [broken], shipped()) if f.where != "cards"
    ]
    n = len(model.network.flows)
    resident_like = [a.id for a in model.network.actors if a.id == "resident"]
    hint = " — did you mean 'resident'?" if resident_like else ""
    assert found == [
        Finding(f"cards[0].network.flows[{n}].source", f"unknown network actor 'residnt'{hint}"),
        Finding(f"cards[0].network.flows[{n}].target", "unknown network actor 'nobody'"),
    ]


def test_a_question_weighting_an_unknown_trait_is_reported() -> None:
    needs_decks("governance_questions", "governance_traits")
    question = shipped()["governance_questions"][0]
    assert isinstance(question, GovernanceQuestion)
    option = question.options[0].model_copy(update={"weights": {"resident_controll": 1.0}})
    broken = question.model_copy(update={"options": [option, *question.options[1:]]})
    found = deck_problems("governance_questions", [broken], shipped())
    assert found == [
        Finding(
            "cards[0].options[0].weights.resident_controll",
            "unknown trait 'resident_controll' — did you mean 'resident_control'?",
        )
    ]


def test_the_governance_models_deck_must_hold_the_five_models() -> None:
    model = a_model()
    found = deck_problems("governance_models", [model], shipped())
    assert found[-1].where == "cards"
    assert found[-1].message.startswith("missing the cards ")


def test_load_decks_names_the_missing_deck_files(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_decks(tmp_path)
    assert (
        Problem(str(tmp_path / "themes.yaml"), "", "deck file is missing") in caught.value.problems
    )


# --- cross-references: workshops ------------------------------------------------------------


def test_the_example_factory_workshop_has_no_dangling_reference() -> None:
    needs_decks("themes", "data_categories", "criteria", "actors")
    assert workshop_problems(workshop(), shipped()) == []


WORKSHOP_RULES: list[tuple[str, dict[str, Any], Finding]] = [
    (
        "unknown main theme",
        {"theme": "mobilty"},
        Finding("theme", "unknown theme 'mobilty' — did you mean 'mobility'?"),
    ),
    (
        "deck source that does not exist",
        {"sources": [{"id": "water_meter", "card": source()}, {"id": "wather_meterr"}]},
        Finding("sources[1].id", "unknown data source 'wather_meterr'"),
    ),
    (
        "custom card whose id differs from its entry",
        {"needs": [{"id": "lower_bills", "card": need("lower_bill")}]},
        Finding("needs[0].card.id", "expected 'lower_bills' (the need's id), got 'lower_bill'"),
    ),
    (
        "source proposed by nobody known",
        {"sources": [{"id": "water_meter", "card": source(), "proposed_by": "p9"}]},
        Finding("sources[0].proposed_by", "unknown participant 'p9'"),
    ),
    (
        "duplicate participant id",
        {
            "participants": [
                {"id": "p1", "pseudonym": "A"},
                {"id": "p1", "pseudonym": "B"},
                {"id": "p2", "pseudonym": "C"},
            ]
        },
        Finding("participants[1].id", "duplicate participant id 'p1' (also participants[0])"),
    ),
    (
        "vote over the cap on one need",
        {"votes": [{"participant": "p1", "need": "lower_bills", "dots": 2}] * 2},
        Finding(
            "votes[1].dots", "participant 'p1' puts 4 dots on need 'lower_bills', over the cap of 3"
        ),
    ),
    (
        "vote on a need not on the table",
        {"votes": [{"participant": "p1", "need": "lower_bill", "dots": 1}]},
        Finding("votes[0].need", "unknown need 'lower_bill' — did you mean 'lower_bills'?"),
    ),
    (
        "use case of an unknown need",
        {
            "use_cases": [
                {"id": "water_coach", "title": "C", "need": "x", "sources": ["water_meter"]}
            ],
            "scenarios": [],
            "ratings": [],
        },
        Finding("use_cases[0].need", "unknown need 'x'"),
    ),
    (
        "scenario of an unknown use case",
        {"use_cases": [], "ratings": []},
        Finding("scenarios[0].use_case", "unknown use case 'water_coach'"),
    ),
    (
        "rating on a criterion the workshop does not use",
        {"ratings": [{"participant": "p1", "scenario": "pilot", "criterion": "costs", "value": 1}]},
        Finding("ratings[0].criterion", "unknown criterion 'costs' — did you mean 'cost'?"),
    ),
    (
        "same rating twice",
        {
            "ratings": [{"participant": "p1", "scenario": "pilot", "criterion": "cost", "value": 1}]
            * 2
        },
        Finding("ratings[1]", "duplicate rating of 'pilot' on 'cost' by 'p1' (also ratings[0])"),
    ),
    (
        "criterion weighted twice",
        {"criteria": [{"criterion": "cost", "weight": 1}, {"criterion": "cost", "weight": 2}]},
        Finding("criteria[1].criterion", "duplicate criterion 'cost' (also criteria[0])"),
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(changes, expected, id=case) for case, changes, expected in WORKSHOP_RULES],
)
def test_a_dangling_or_duplicate_workshop_reference_is_reported(
    changes: dict[str, Any], expected: Finding
) -> None:
    needs_decks("themes", "data_categories", "criteria", "data_sources", "governance_models")
    assert workshop_problems(workshop(**changes), shipped()) == [expected]


def test_a_scenario_network_edit_must_name_actors_and_flows_of_its_model() -> None:
    model = a_model()
    scenario = dict(workshop_data()["scenarios"][0])
    scenario["network_edits"] = {
        "remove_actors": ["ghost"],
        "add_flows": [
            {
                "id": "f1",
                "source": "ghost",
                "target": model.network.actors[0].id,
                "type": "money",
                "label": text("x"),
            }
        ],
    }
    found = workshop_problems(workshop(scenarios=[scenario]), shipped())
    assert found == [
        Finding("scenarios[0].network_edits.remove_actors[0]", "unknown network actor 'ghost'"),
        Finding("scenarios[0].network_edits.add_flows[0].source", "unknown network actor 'ghost'"),
    ]


def test_parse_workshop_checks_references_only_when_given_decks() -> None:
    from selfdata.domain.cards import Decks

    data = workshop_data(theme="mobilty")
    assert parse_workshop(data).theme == "mobilty"
    needs_decks("themes")
    with pytest.raises(FileFormatError) as caught:
        decks = Decks.model_construct(**{k: shipped().get(k, []) for k in Decks.model_fields})
        parse_workshop(data, "w.yaml", decks=decks)
    assert (
        str(caught.value.problems[0])
        == "w.yaml: theme: unknown theme 'mobilty' — did you mean 'mobility'?"
    )


@pytest.mark.parametrize("blank", [" ", "\t", "\u00a0", "\u3000", "\u202f \n", "\x1f"])
def test_a_title_of_whitespace_only_is_refused_not_stored_empty(blank: str) -> None:
    """Found by the hostile import test: a title of one space came in as "" and the stored
    workshop could then not be read back."""
    from pydantic import TypeAdapter, ValidationError

    from selfdata.domain.workshop import Title

    with pytest.raises(ValidationError):
        TypeAdapter(Title).validate_python(blank)
    assert TypeAdapter(Title).validate_python(f"{blank}Atelier{blank}") == "Atelier"
