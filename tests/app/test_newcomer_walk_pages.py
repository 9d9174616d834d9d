"""The second newcomer walk (issue 30), through AppTest: what a page says after an action."""

from __future__ import annotations

from selfdata.app import services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui.wording import table_screen_label
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room, texts

PROPOSE_SOURCE = "FormSubmitter:inventory_propose_form-Proposer"


def test_a_source_proposal_is_thanked_and_a_refused_one_names_the_field_in_words(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    services.set_step(app_store, room.code, room.secret, "inventory")
    tablet = run_page("inventory", code=room.code, token=room.token)
    tablet.text_input(key="inventory_new_title").input("Badges du parking vélo")
    tablet.button(key=PROPOSE_SOURCE).click().run()
    refusals = [str(e.value) for e in [*tablet.toast, *tablet.error]]
    assert refusals == ["Le champ « Qui la détient » ne peut pas être vide."], refusals
    tablet.text_input(key="inventory_new_holder").input("Régie des parkings")
    tablet.button(key=PROPOSE_SOURCE).click().run()
    assert "Merci\u202f: « Badges du parking vélo » est sur la table." in texts(tablet)


def test_deleting_a_scenario_asks_for_a_tick_says_what_went_and_offers_an_undo(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    first = services.scenarios(app_store, room.code).scenarios[0]
    count = len(services.scenarios(app_store, room.code).scenarios)
    page = run_page("scenarios", code=room.code, secret=room.secret)
    page.selectbox(key="scenarios_manage_pick").set_value(first.id).run()
    delete = page.button(key=f"scenarios_{first.id}_delete")
    assert delete.disabled, "one click never deletes"
    page.checkbox(key=f"scenarios_{first.id}_delete_sure").check().run()
    page.button(key=f"scenarios_{first.id}_delete").click().run()
    assert len(services.scenarios(app_store, room.code).scenarios) == count - 1
    assert f"Scénario « {first.title} » supprimé, avec ses notes." in texts(page)
    page.button(key="scenarios_undo_delete").click().run()
    assert first.id in {s.id for s in services.scenarios(app_store, room.code).scenarios}
    assert f"Scénario « {first.title} » rétabli, avec ses notes." in texts(page)


def test_a_participant_who_rated_nothing_reads_no_rating_not_zero_ratings(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    services.set_step(app_store, room.code, room.secret, "scenarios")
    fresh = room.join("Nouvelle")
    tablet = run_page("scenarios", code=room.code, token=fresh)
    bars = [str(p.proto.text) for p in tablet.get("progress")]
    assert any("Aucune note donnée pour l’instant" in b for b in bars), bars
    assert not any(" 0 notes" in b for b in bars), bars


def test_a_table_named_table_is_not_called_table_twice() -> None:
    assert table_screen_label("Blue table", "en") == "Screen: Blue table"
    assert table_screen_label("Bleue", "en") == "Table Bleue's screen"
    assert table_screen_label("Table bleue", "fr") == "Écran\u202f: Table bleue"
    assert table_screen_label("Bleue", "fr") == t("tables.screen_link", "fr", name="Bleue")


def test_every_chart_uses_the_screen_s_decimal_separator(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 30: "0.2" axis ticks beside "0,78" on a French screen."""
    import json

    room = open_room(app_store, "grand_lyon")
    for lang, separators in (("fr", ",\u202f"), ("en", ".,")):
        params = {"code": room.code, "secret": room.secret} | (
            {"lang": "en"} if lang == "en" else {}
        )
        page = run_page("governance", **params)
        charts = [json.loads(c.proto.spec) for c in page.get("plotly_chart")]
        assert charts and all(c["layout"].get("separators") == separators for c in charts)


def test_no_chart_is_drawn_without_the_screen_s_separators() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    direct = [
        str(p.relative_to(root))
        for folder in ("selfdata", "pages")
        for p in (root / folder).rglob("*.py")
        if "st.plotly_chart(" in p.read_text(encoding="utf-8") and p.name != "charts.py"
    ]
    assert direct == []


def test_no_number_input_shows_two_decimals_on_a_french_screen(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 30: the timer read "5.00" and the weights "5.00" (a point, two decimals)."""
    room = open_room(app_store)
    for name in ("console", "scenarios"):
        page = run_page(name, code=room.code, secret=room.secret)
        for box in page.number_input:
            fmt = box.proto.format or ("%d" if isinstance(box.value, int) else "%0.2f")
            assert fmt in ("%d", "%g"), (name, box.key, fmt)


def test_every_drop_down_has_the_app_s_own_placeholder() -> None:
    """Streamlit's "Choose an option" showed on French pages when a drop-down was opened."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    missing = []
    for folder in ("selfdata/ui", "pages"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for match in re.finditer(r"\.(selectbox|multiselect)\(", text):
                depth, i = 1, match.end()
                while depth:
                    depth += {"(": 1, ")": -1}.get(text[i], 0)
                    i += 1
                if "placeholder=" not in text[match.end() : i]:
                    missing.append(
                        f"{path.relative_to(root)}:{text[: match.start()].count(chr(10)) + 1}"
                    )
    assert missing == []


def test_my_data_names_a_need_taken_from_the_deck_by_its_title_not_its_id(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store)
    services.set_step(app_store, room.code, room.secret, "needs")
    on_board = {n.id for n in services.needs_board(app_store, room.code).needs}
    card = next(
        c for c in services.room_deck(app_store, room.code, "needs") if c.id not in on_board
    )
    services.propose_need(app_store, room.code, room.token, card_id=card.id)
    home = run_page("home", code=room.code, token=room.token)
    shown = texts(home)
    assert f"Besoin · **{card.title.get('fr')}**" in shown
    assert f"· **{card.id}**" not in shown


def test_the_console_guide_gives_the_saved_agenda_s_minutes_for_the_step(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 30: the guide said "45 min" beside the clock's "35 min planned"."""
    from selfdata.domain.cards import STEP_IDS

    room = open_room(app_store)
    services.set_step(app_store, room.code, room.secret, "needs")
    minutes = {step: 20 for step in STEP_IDS} | {"needs": 35}
    services.set_agenda(app_store, room.code, room.secret, "custom", minutes)
    console = run_page("console", code=room.code, secret=room.secret)
    guide = [s.value for s in console.subheader if "Guide d’animation" in str(s.value)]
    assert guide and guide[0].endswith("(35 min)"), guide


def test_the_header_says_it_counts_who_joined_not_who_is_connected(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 30: "Personnes connectées : 9" counted everyone who ever joined."""
    room = open_room(app_store)
    room.join("Deuxième")
    shown = texts(run_page("console", code=room.code, secret=room.secret))
    n = services.room_state(app_store, room.code).participants
    assert f"Personnes inscrites\u202f: {n}" in shown and "connectées" not in shown
