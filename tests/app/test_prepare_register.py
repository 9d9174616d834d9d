"""Preparation page with a city's GDPR processing register (issue 26): the templates to
download, the register read as it is with its column mapping to fix, the limits said before
the add, the cards to qualify in bulk; the use-cases form pre-fills nothing unqualified."""

from __future__ import annotations

from selfdata.app import services
from selfdata.domain.limits import MAX_ITEMS
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import texts
from tests.app.test_prepare_inventory import add_sheet, blank_workshop
from tests.register_fixture import register_csv


def test_the_templates_are_offered_and_the_limits_said_before_any_file(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    page = run_page("prepare", code=created.code, secret=created.secret)
    keys = {getattr(b, "key", None) for b in page.get("download_button")}
    assert {"prepare_template_sources", "prepare_template_needs"} <= keys
    shown = texts(page)
    assert t("prepare.limits", "fr", rows="5\u202f000", items=MAX_ITEMS) in shown
    assert t("prepare.templates_help", "fr") in shown


def test_a_register_is_previewed_mapped_added_then_qualified_in_bulk(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    code, secret = created.code, created.secret
    page = run_page("prepare", code=code, secret=secret)
    page = add_sheet(page, "sources", "registre.csv", register_csv())
    assert not page.exception
    assert not page.error, [e.value for e in page.error]
    shown = texts(page)
    assert "Cartes à ajouter\u202f: 9" in shown
    assert t("prepare.to_qualify_after", "fr", n=9) in shown
    assert t("prepare.room_left", "fr", room=MAX_ITEMS, limit=MAX_ITEMS) in shown
    mapping = {s.key: s.value for s in page.selectbox if s.key.startswith("prepare_map_")}
    assert mapping["prepare_map_0"] == "title" and mapping["prepare_map_4"] == "legal_basis"
    assert mapping["prepare_map_8"] == "retention" and mapping["prepare_map_9"] == "register_notes"
    warned = "\n".join(str(c.value) for c in page.code)
    assert "Date de mise à jour" in warned and "gardée telle quelle" in warned
    # the facilitator fixes a column: "Service" left out
    page.selectbox(key="prepare_map_2").set_value("ignore").run()
    assert not page.exception
    page.button(key="prepare_inventory_go").click().run()
    assert "Cartes ajoutées à l’atelier\u202f: 9." in [s.value for s in page.success]
    card = services.inventory(app_store, code, secret=secret).sources[0].card
    assert card is not None and card.register_notes is not None
    assert "Service" not in card.register_notes.fr and card.origin == "city_file"

    # the bulk edit: every card is ticked, the values chosen apply to all of them
    page.run()
    assert t("qualify.kind.sources", "fr", n=9) in texts(page)
    page.selectbox(key="qualify_sources_access").set_value("on_request")
    page.selectbox(key="qualify_sources_sensitivity").set_value("high")
    page.selectbox(key="qualify_sources_holder_kind").set_value("city")
    page.button(key="qualify_sources_apply").click().run()
    assert not page.exception
    assert t("qualify.done", "fr", n=9) in [s.value for s in page.success], [
        (e.value) for e in [*page.error, *page.warning, *page.toast]
    ]
    sources = services.inventory(app_store, code, secret=secret).sources
    assert {(s.card.access, s.card.sensitivity) for s in sources if s.card} == {
        ("on_request", "high")
    }
    assert all(s.card and s.card.ease is None for s in sources), "nothing chosen: unchanged"


def test_a_file_bigger_than_the_room_left_offers_no_add(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    lines = "".join(f"Source {i};Commune\r\n" for i in range(MAX_ITEMS - 3))
    filler = ("Nom du traitement;Responsable de traitement\r\n" + lines).encode("cp1252")
    services.import_inventory_file(
        app_store, created.code, created.secret, filler, "a.csv", "sources", "fr"
    )
    page = run_page("prepare", code=created.code, secret=created.secret)
    page = add_sheet(page, "sources", "registre.csv", register_csv())
    assert t("prepare.too_many", "fr", n=9, room=3, limit=MAX_ITEMS) in [
        e.value for e in page.error
    ]
    assert "prepare_inventory_go" not in {b.key for b in page.button}


def test_the_use_case_form_pre_fills_no_source_to_be_qualified(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    code, secret = created.code, created.secret
    services.add_need(app_store, code, secret, card_id="lower_water_bill")
    services.add_source(app_store, code, secret, card_id="water_daily_consumption")
    token = services.join(app_store, code, "Ana").token
    draft = services.SourceDraft(
        title="Relevé papier", holder="Régie", categories=("water_consumption",)
    )
    services.propose_source(app_store, code, token, draft=draft)
    page = run_page("use_cases", code=code, secret=secret)
    assert not page.exception
    page.selectbox(key="use_cases_need").set_value("lower_water_bill").run()
    picked = page.multiselect(key="use_cases_sources_lower_water_bill")
    assert picked.value == ["water_daily_consumption"]
    assert "Relevé papier" in picked.options


def test_the_matrix_cell_of_an_unqualified_source_says_to_be_qualified(
    app_store: Store,
) -> None:
    from selfdata.files.loading import default_decks
    from selfdata.ui.figures.matching import match_heatmap

    decks = default_decks()
    need = decks.need("lower_water_bill")
    assert need is not None
    known = decks.source("water_daily_consumption")
    assert known is not None
    bare = known.model_copy(
        update={"id": "bare", "access": None, "sensitivity": None, "ease": None}
    )
    heat = match_heatmap([need], [known, bare], decks, "fr")
    z = list(heat.figure.data[0].z[0])
    assert z[0] is not None and z[1] is None
    labels = heat.figure.data[1]
    assert list(labels.text) == ["?"] and heat.unknown == 1  # explained under the chart
    assert (
        "Pas de score\u202f: à qualifier (accès, facilité d’accès, sensibilité)"
        in (heat.figure.data[0].text[0][1])
    )


def test_a_tablet_proposes_a_need_with_a_theme_and_nothing_else_is_invented(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    token = services.join(app_store, created.code, "Ana").token
    services.set_step(app_store, created.code, created.secret, "needs")
    tablet = run_page("needs", code=created.code, token=token)
    tablet.text_input(key="needs_new_title").input("Savoir quand passe le bus")
    tablet.selectbox(key="needs_new_themes").set_value("mobility")
    tablet.button(key="FormSubmitter:needs_propose_form-Proposer").click().run()
    assert not tablet.exception
    [need] = [n.card for n in services.needs_board(app_store, created.code).needs if n.card]
    assert need.themes == ["mobility"]
    assert need.categories == [] and need.usage_family is None and need.origin == "room"
