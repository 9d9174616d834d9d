"""Preparation page: the facilitator imports the city's inventory (CSV or XLSX) with a
preview, then the whole workshop runs on it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.files.documents import parse_text
from selfdata.files.inventory import write_inventory
from selfdata.files.loading import default_decks, parse_workshop, shipped_deck_set
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui import export_files
from tests.app.conftest import PageRunner
from tests.app.room_helpers import texts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def fifty_sources() -> list:  # type: ignore[type-arg]
    sources = default_decks().data_sources
    fifty = [sources[i % len(sources)] for i in range(50)]
    return [c.model_copy(update={"id": f"{c.id}_{i}"}) for i, c in enumerate(fifty)]


def blank_workshop(store: Store) -> services.Created:
    return services.create_workshop(
        store, title="Atelier de la ville", territory="Villeneuve", theme="water"
    )


def add_sheet(page: AppTest, kind: str, name: str, data: bytes) -> AppTest:
    page.radio(key="prepare_inventory_kind").set_value(kind).run()
    uploader = next(u for u in page.get("file_uploader") if u.key.startswith("prepare_inventory"))
    uploader.set_value((name, data, XLSX))  # type: ignore[attr-defined]
    return page.run()


def test_only_the_facilitator_opens_the_preparation_page(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    token = services.join(app_store, created.code, "Ana").token
    tablet = run_page("prepare", code=created.code, token=token)
    assert t("access.denied_facilitator", "fr") in texts(tablet)
    assert not tablet.get("file_uploader")
    assert "/prepare?" not in texts(run_page("needs", code=created.code, token=token))
    console = run_page("console", code=created.code, secret=created.secret)
    assert "[Préparation](/prepare?" in texts(console), "the facilitator's sidebar offers it"


def test_a_broken_row_is_refused_with_its_line_and_nothing_is_added(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    sheet = write_inventory(fifty_sources()[:3], "sources", "fr", "csv").decode("utf-8")
    assert ";API;2;" in sheet
    broken = sheet.replace(";API;2;", ";API;9;", 1)  # ease of access is 1 to 3
    page = run_page("prepare", code=created.code, secret=created.secret)
    page = add_sheet(page, "sources", "ville.csv", broken.encode())
    shown = [line for c in page.code for line in str(c.value).splitlines()]
    assert len(shown) == 1, shown
    assert shown[0].startswith("ville.csv\u00a0: ligne ")
    assert "colonne M (Facilité d’accès)\u00a0: attendu 1, 2 ou 3, reçu « 9 »" in shown[0]
    assert "prepare_inventory_go" not in {b.key for b in page.button}
    assert services.inventory(app_store, created.code, secret=created.secret).sources == ()


def test_a_50_source_xlsx_inventory_is_imported_then_the_whole_workshop_runs_on_it(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    code, secret = created.code, created.secret
    decks = shipped_deck_set()
    fifty = fifty_sources()
    needs = list(default_decks().needs[:4])

    page = run_page("prepare", code=code, secret=secret)
    page = add_sheet(
        page,
        "sources",
        "inventaire.xlsx",
        write_inventory(fifty, "sources", "fr", "xlsx", decks=decks),
    )
    assert "Cartes à ajouter\u202f: 50" in texts(page)
    assert services.inventory(app_store, code, secret=secret).sources == (), "preview only"
    page.button(key="prepare_inventory_go").click().run()
    assert "Cartes ajoutées à l’atelier\u202f: 50." in [s.value for s in page.success]
    page = add_sheet(
        page, "needs", "besoins.xlsx", write_inventory(needs, "needs", "fr", "xlsx", decks=decks)
    )
    page.button(key="prepare_inventory_go").click().run()
    assert "Cartes ajoutées à l’atelier\u202f: 4." in [s.value for s in page.success]
    assert not page.exception

    sources = services.inventory(app_store, code, secret=secret).sources
    assert [s.card.title.fr for s in sources if s.card] == [c.title.fr for c in fifty]

    # 1. inventory, seen by the facilitator and a tablet
    alice = services.join(app_store, code, "Alice").token
    bob = services.join(app_store, code, "Bob").token
    for step in ("inventory", "needs", "use_cases", "governance", "network", "scenarios"):
        services.set_step(app_store, code, secret, step)
        if step == "inventory":
            screen = run_page("inventory", code=code, token=alice)
            assert fifty[0].title.fr in texts(screen)
        if step == "needs":
            board = services.needs_board(app_store, code, alice)
            tablet = run_page("needs", code=code, token=alice)
            tablet.button(key=f"needs_vote_{board.needs[0].id}").click().run()
            assert not tablet.exception
            assert services.needs_board(app_store, code, alice).needs[0].my_dots == 1
        if step == "use_cases":
            need = services.needs_board(app_store, code, secret=secret).needs[0].id
            case = services.create_use_case(
                app_store,
                code,
                secret,
                title="Coach eau",
                need=need,
                sources=[sources[0].id, sources[1].id],
            )
        if step == "governance":
            services.choose_governance(app_store, code, secret, case, "personal_cloud")
        if step == "network":
            scenario = services.create_scenario(
                app_store,
                code,
                secret,
                services.ScenarioDraft(
                    residents=100,
                    duration_months=6,
                    title="Pilote",
                    use_case=case,
                    model="personal_cloud",
                ),
            )
        if step == "scenarios":
            for token, value in ((alice, 4), (bob, 2)):
                services.rate(app_store, code, token, scenario, "cost", value)
        screen = run_page(step, code=code, secret=secret)
        assert not screen.exception, step
    use_cases = run_page("use_cases", code=code, secret=secret)
    assert "Coach eau" in texts(use_cases)

    export = run_page("export", code=code, secret=secret)
    assert not export.exception
    data = export_files.workshop_file(app_store, code, secret)()
    workshop = parse_workshop(parse_text(data.decode("utf-8"), "w.yaml"), decks=default_decks())
    assert len(workshop.sources) == 50 and len(workshop.needs) == 4
    assert [s.card.title.fr for s in workshop.sources if s.card] == [c.title.fr for c in fifty]
    assert (
        len(workshop.ratings) == 2 and workshop.use_cases[0].governance_choice == "personal_cloud"
    )


def test_an_inventory_added_to_the_workshops_deck_is_what_the_room_picks_from_and_travels(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank_workshop(app_store)
    code, secret = created.code, created.secret
    bundled = default_decks().data_sources
    mine = [
        c.model_copy(
            update={"id": f"ville_{i}", "title": c.title.model_copy(update={"fr": f"Source {i}"})}
        )
        for i, c in enumerate(bundled[:5])
    ]
    page = run_page("prepare", code=code, secret=secret)
    page.radio(key="prepare_inventory_target").set_value("deck").run()
    page = add_sheet(page, "sources", "ville.xlsx", write_inventory(mine, "sources", "fr", "xlsx"))
    page.button(key="prepare_inventory_go").click().run()
    assert "Cartes ajoutées à l’atelier\u202f: 5." in [s.value for s in page.success]
    assert services.inventory(app_store, code, secret=secret).sources == (), "not on the table"

    token = services.join(app_store, code, "Ana").token
    tablet = run_page("inventory", code=code, token=token)
    shown = texts(tablet)
    assert "Source 0" in shown and bundled[0].title.fr not in shown
    tablet.button(key="inventory_add_ville_2").click().run()
    assert not tablet.exception
    (item,) = services.inventory(app_store, code, secret=secret).sources
    assert item.id == "ville_2" and item.card is not None and item.card.title.fr == "Source 2"

    needs = [
        n.model_copy(update={"id": f"besoin_{i}"}) for i, n in enumerate(default_decks().needs[:3])
    ]
    page = add_sheet(page, "needs", "besoins.xlsx", write_inventory(needs, "needs", "fr", "xlsx"))
    page.button(key="prepare_inventory_go").click().run()
    services.set_step(app_store, code, secret, "needs")
    tablet = run_page("needs", code=code, token=token)
    assert tablet.selectbox(key="needs_deck_pick").options == [n.title.fr for n in needs]

    exported = services.export_workshop(app_store, code, secret)
    assert exported.cards is not None
    assert [n.id for n in exported.cards.needs] == [n.id for n in needs]
    assert [c.title.fr for c in exported.cards.data_sources] == [f"Source {i}" for i in range(5)]
    again = services.import_workshop(app_store, exported)
    assert services.export_workshop(app_store, again.code, again.secret).dump() == exported.dump()
