"""Ask, don't invent (issue 26): a card proposed in the room, or read from the city's
register, carries only what someone said; the rest is "to be qualified", never scored, never
suggested; the facilitator qualifies it; the register's facts reach the dossier, and the
PDFs say which cards came from the city's file and which from the room."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from selfdata.app import services
from selfdata.domain.errors import InvalidInput, LimitExceeded
from selfdata.domain.limits import MAX_ITEMS
from selfdata.engines.matching import match_matrix, match_sources
from selfdata.export.deck import workshop_decks
from selfdata.files.loading import default_decks
from selfdata.store import Store
from selfdata.store import schema as t
from tests.pdf_builds import card_deck, scenario_dossier, workshop_report
from tests.register_fixture import register_csv, register_xlsx
from tests.service_helpers import Room, open_room


@pytest.fixture
def room(store: Store) -> Room:
    return open_room(store)


def _stored_card(store: Store, table: object, slug: str) -> dict[str, object]:
    raw = store.read(
        lambda conn: conn.execute(select(table.c.card).where(table.c.slug == slug)).scalar_one()  # type: ignore[attr-defined]
    )
    return json.loads(raw)  # type: ignore[no-any-return]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join("\n".join(p.extract_text() for p in reader.pages).split())


def test_a_source_proposed_with_a_title_and_a_holder_stores_nothing_else(room: Room) -> None:
    token = room.join("Camille")
    slug = room.source("Badge du local vélo", token=token)
    card = _stored_card(room.store, t.sources, slug)
    assert card["categories"] == [] and card["themes"] == []
    for field in ("access", "sensitivity", "holder_kind", "refresh", "ease", "portability"):
        assert card[field] is None, field
    assert card["origin"] == "room"


def test_a_need_proposed_with_a_title_only_has_no_category_nor_usage_family(room: Room) -> None:
    token = room.join("Camille")
    slug = room.need("Suivre ma consommation", token=token)
    card = _stored_card(room.store, t.needs, slug)
    assert card["categories"] == [] and card["themes"] == [] and card["usage_family"] is None


def test_the_tablet_may_give_a_theme_and_a_category_and_only_those(room: Room) -> None:
    token = room.join("Camille")
    draft = services.SourceDraft(
        title="Compteur", holder="Régie", themes=("water",), categories=("water_consumption",)
    )
    slug = services.propose_source(room.store, room.code, token, draft=draft)
    card = _stored_card(room.store, t.sources, slug)
    assert (card["themes"], card["categories"]) == (["water"], ["water_consumption"])
    assert card["access"] is None and card["sensitivity"] is None


def test_the_matrix_gives_an_unqualified_source_no_score_and_says_why(room: Room) -> None:
    decks = default_decks()
    services.add_source(room.store, room.code, room.secret, card_id="water_daily_consumption")
    services.add_need(room.store, room.code, room.secret, card_id="lower_water_bill")
    token = room.join("Camille")
    room.source("Badge du local vélo", token=token)
    snapshot = services.workshop_snapshot(room.store, room.code)
    need = decks.need("lower_water_bill")
    sources = [s.card or decks.source(s.id) for s in snapshot.sources]
    assert need is not None and all(s is not None for s in sources)
    matrix = match_matrix([need], sources)  # type: ignore[arg-type]
    known, unknown = matrix.scores[0]
    assert isinstance(known, int) and known > 0
    assert unknown is None  # no score from a default
    by_id = {m.source: m for m in match_sources(need, sources, decks)}  # type: ignore[arg-type]
    badge = by_id["badge-du-local-velo"]
    assert badge.score is None and not badge.usable
    [reason] = badge.reasons
    assert reason.kind == "to_qualify"
    assert reason.text.fr.startswith("Pas de score\u202f: à qualifier (")
    assert "catégories de données" in reason.text.fr and "sensibilité" in reason.text.fr
    # never suggested, so never pre-filled in a use case (the form takes the usable ones)
    assert [m.source for m in match_sources(need, sources, decks) if m.usable] == [
        "water_daily_consumption"
    ]


def test_the_facilitator_qualifies_proposed_cards_in_bulk_then_they_are_scored(room: Room) -> None:
    token = room.join("Camille")
    first = room.source("Relevés papier", token=token)
    second = room.source("Factures d’eau", token=token)
    todo = services.cards_to_qualify(room.store, room.code, "sources")
    assert [x.card.id for x in todo] == [first, second]
    values = {
        "holder_kind": "public_utility",
        "themes": ["water"],
        "categories": ["water_consumption"],
        "refresh": "monthly",
        "access": "on_request",
        "ease": 1,
        "sensitivity": "low",
        "portability": True,
    }
    changed = services.qualify_cards(
        room.store,
        room.code,
        room.secret,
        "sources",
        [("board", s, values) for s in todo_ids(todo)],
    )
    assert changed == 2
    assert services.cards_to_qualify(room.store, room.code, "sources") == []
    card = _stored_card(room.store, t.sources, first)
    assert card["access"] == "on_request" and card["ease"] == 1
    need = default_decks().need("lower_water_bill")
    snapshot = services.workshop_snapshot(room.store, room.code)
    sources = [s.card for s in snapshot.sources]
    assert need is not None
    assert all(isinstance(x, int) for x in match_matrix([need], sources).scores[0])  # type: ignore[arg-type]


def todo_ids(todo: list[services.CardToQualify]) -> list[str]:
    return [x.card.id for x in todo]


def test_a_wrong_value_refuses_the_whole_bulk_edit(room: Room) -> None:
    token = room.join("Camille")
    slug = room.source("Relevés papier", token=token)
    with pytest.raises(InvalidInput):
        services.qualify_cards(
            room.store, room.code, room.secret, "sources", [("board", slug, {"access": "fax"})]
        )
    with pytest.raises(InvalidInput) as refused:
        services.qualify_cards(
            room.store, room.code, room.secret, "sources", [("board", slug, {"themes": ["nope"]})]
        )
    said = refused.value.message("fr")  # the unknown value and every allowed one
    assert "nope" in said and "valeurs permises" in said and "public_safety" in said
    assert _stored_card(room.store, t.sources, slug)["access"] is None


@pytest.mark.parametrize(
    ("data", "name"), [(register_csv(), "registre.csv"), (register_xlsx(), "registre.xlsx")]
)
def test_a_register_imported_on_the_board_is_marked_from_the_city_file(
    room: Room, data: bytes, name: str
) -> None:
    preview = services.preview_inventory_file(data, name, "sources", "fr")
    assert preview.importable and len(preview.titles) == 9 and preview.to_qualify == 9
    assert any("Transferts hors UE" in u.header for u in preview.mapping)
    added = services.import_inventory_file(
        room.store, room.code, room.secret, data, name, "sources", "fr"
    )
    assert added == 9
    card = _stored_card(room.store, t.sources, "videoprotection_de_la_voie_publique")
    assert card["origin"] == "city_file" and card["retention"] == {
        "fr": "30 jours",
        "en": "30 jours",
    }


def test_the_preview_mapping_can_be_fixed_by_the_facilitator(room: Room) -> None:
    data = register_csv()
    preview = services.preview_inventory_file(data, "r.csv", "sources", "fr")
    service = next(u for u in preview.mapping if u.header == "Service")
    assert service.target == "register_notes"
    fixed = services.preview_inventory_file(
        data, "r.csv", "sources", "fr", {service.index: "holder"}
    )
    fixed_holder = next(u for u in fixed.mapping if u.header == "Service")
    assert fixed_holder.target == "holder"
    responsible = next(u for u in fixed.mapping if u.header == "Responsable de traitement")
    assert responsible.target == "register_notes"  # the same field twice: the second is kept


def test_the_room_left_is_counted_as_the_add_counts_it(room: Room) -> None:
    assert services.inventory_room(room.store, room.code, "sources") == MAX_ITEMS
    lines = "".join(f"Source {i};Commune\r\n" for i in range(MAX_ITEMS - 5))
    filler = ("Nom du traitement;Responsable de traitement\r\n" + lines).encode("cp1252")
    services.import_inventory_file(
        room.store, room.code, room.secret, filler, "a.csv", "sources", "fr"
    )
    assert services.inventory_room(room.store, room.code, "sources") == 5
    with pytest.raises(LimitExceeded):
        services.import_inventory_file(
            room.store, room.code, room.secret, register_csv(), "r.csv", "sources", "fr"
        )


def _register_scenario(room: Room) -> str:
    services.import_inventory_file(
        room.store, room.code, room.secret, register_csv(), "registre.csv", "sources", "fr"
    )
    services.add_need(room.store, room.code, room.secret, card_id="know_what_the_city_holds")
    case = services.create_use_case(
        room.store,
        room.code,
        room.secret,
        title="Mes images",
        need="know_what_the_city_holds",
        sources=["videoprotection_de_la_voie_publique"],
    )
    return services.create_scenario(
        room.store,
        room.code,
        room.secret,
        services.ScenarioDraft(
            title="Droit d’accès",
            use_case=case,
            model="direct_transfer",
            residents=100,
            duration_months=6,
        ),
    )


@pytest.mark.pdf
def test_the_dossier_prints_the_register_legal_basis_and_retention_not_as_risks(room: Room) -> None:
    scenario = _register_scenario(room)
    workshop = services.export_workshop(room.store, room.code, room.secret)
    text = text_of(scenario_dossier(workshop, default_decks(), scenario, "fr"))
    assert "Base légale (registre de la ville)" in text
    assert "Code de la sécurité intérieure, art. L.251-2" in text
    assert "Durée de conservation (registre de la ville)" in text
    assert "30 jours" in text
    assert "à qualifier" in text  # the access, sensitivity, portability nobody gave
    risks = text.split("Risques", 1)[1] if "Risques" in text else ""
    assert "Mission d’intérêt public" not in risks.split("Base légale")[0]


@pytest.mark.pdf
def test_the_report_and_the_deck_say_which_cards_came_from_the_city_file_and_the_room(
    room: Room,
) -> None:
    services.import_inventory_file(
        room.store, room.code, room.secret, register_csv(), "registre.csv", "sources", "fr"
    )
    token = room.join("Camille")
    room.source("Badge du local vélo", token=token)
    workshop = services.export_workshop(room.store, room.code, room.secret)
    report = text_of(workshop_report(workshop, default_decks(), "fr"))
    assert "Vidéoprotection de la voie publique (fichier de la ville)" in report
    assert "Badge du local vélo (proposée en atelier)" in report
    assert report.count("(proposée en atelier)") == 1
    deck = text_of(card_deck(workshop_decks(workshop, default_decks()), "fr"))
    assert "SOURCE DE DONNÉES · FICHIER DE LA VILLE" in deck
    assert "SOURCE DE DONNÉES · PROPOSÉE EN ATELIER" in deck
    assert "Vidéoprotection de la voie publique" in deck
    assert "Capteurs de places de stationnement" not in deck  # not the bundled sources
