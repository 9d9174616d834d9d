""" "My data": a participant's own data as a portable document, and nobody else's."""

from __future__ import annotations

import json

import pytest
import yaml

from selfdata.domain.errors import NotFound
from selfdata.domain.my_data import MY_DATA_SCHEMA, my_data_document
from selfdata.domain.workshop import Workshop, WorkshopNeed
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop


@pytest.fixture(scope="module")
def la_rochelle() -> Workshop:
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    # the example has one proposed source (p04) and no proposed need: add one for p03
    need = WorkshopNeed(
        id="quiet_streets",
        proposed_by="p03",
        card={  # type: ignore[arg-type]
            "id": "quiet_streets",
            "title": {"fr": "Des rues calmes", "en": "Quiet streets"},
            "description": {"fr": "Moins de bruit", "en": "Less noise"},
            "persona": {"fr": "Riveraine", "en": "Resident"},
            "themes": ["mobility"],
            "usage_family": "self_knowledge",
            "categories": ["mobility_trips"],
        },
    )
    return workshop.model_copy(update={"needs": [*workshop.needs, need]})


def _others(workshop: Workshop, pid: str) -> list[tuple[str, str]]:
    return [(p.id, p.pseudonym) for p in workshop.participants if p.id != pid]


@pytest.mark.parametrize("pid", ["p04", "p03"])
def test_the_document_holds_all_of_a_participant_s_items_and_nobody_else_s(
    la_rochelle: Workshop, pid: str
):
    doc = my_data_document(la_rochelle, pid, default_decks())
    me = next(p for p in la_rochelle.participants if p.id == pid)
    assert doc["schema"] == MY_DATA_SCHEMA
    assert doc["participant"]["pseudonym"] == me.pseudonym
    assert [s["id"] for s in doc["proposed_sources"]] == [
        s.id for s in la_rochelle.sources if s.proposed_by == pid
    ]
    assert [n["id"] for n in doc["proposed_needs"]] == [
        n.id for n in la_rochelle.needs if n.proposed_by == pid
    ]
    assert [(d["need"], d["dots"]) for d in doc["dots"]] == [
        (v.need, v.dots) for v in la_rochelle.votes if v.participant == pid
    ]
    assert [(r["scenario"], r["criterion"], r["value"]) for r in doc["ratings"]] == [
        (r.scenario, r.criterion, r.value) for r in la_rochelle.ratings if r.participant == pid
    ]
    assert doc["dots"] and doc["ratings"]  # the example gives both something to check
    assert doc["proposed_sources"] or doc["proposed_needs"]
    text = json.dumps(doc, ensure_ascii=False)
    for other_id, other_pseudonym in _others(la_rochelle, pid):
        assert other_pseudonym not in text
        assert f'"{other_id}"' not in text
    assert "proposed_by" not in text


def test_a_proposal_carries_the_card_its_author_wrote(la_rochelle: Workshop):
    source = my_data_document(la_rochelle, "p04")["proposed_sources"][0]
    assert source["id"] == "employer_commute_survey"
    assert source["card"]["title"]["fr"] == "Enquête déplacements de mon employeur"
    need = my_data_document(la_rochelle, "p03")["proposed_needs"][0]
    assert need["card"]["title"] == {"fr": "Des rues calmes", "en": "Quiet streets"}


def test_deck_cards_voted_on_and_scenarios_rated_are_named(la_rochelle: Workshop):
    doc = my_data_document(la_rochelle, "p04", default_decks())
    assert all(d["need_title"]["fr"] for d in doc["dots"])
    assert all(r["scenario_title"] and r["criterion_title"]["en"] for r in doc["ratings"])
    bare = my_data_document(la_rochelle, "p04")  # without decks: ids only for deck cards
    assert all("need_title" not in d for d in bare["dots"])


def test_the_document_survives_json_and_yaml_round_trips(la_rochelle: Workshop):
    doc = my_data_document(la_rochelle, "p04", default_decks())
    assert json.loads(json.dumps(doc)) == doc
    assert yaml.safe_load(yaml.safe_dump(doc, allow_unicode=True)) == doc


def test_a_participant_who_did_nothing_gets_an_honest_short_document(la_rochelle: Workshop):
    data = la_rochelle.dump()
    data["participants"].append({"id": "p99", "pseudonym": "Ana"})  # type: ignore[attr-defined]
    quiet = Workshop.model_validate(data)
    doc = my_data_document(quiet, "p99")
    assert doc["participant"] == {"id": "p99", "pseudonym": "Ana"}
    assert doc["proposed_sources"] == doc["proposed_needs"] == doc["dots"] == []
    assert doc["ratings"] == []


def test_an_unknown_participant_is_refused(la_rochelle: Workshop):
    with pytest.raises(NotFound) as refused:
        my_data_document(la_rochelle, "p-nobody")
    assert refused.value.key == "participant.unknown"
