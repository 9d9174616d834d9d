"""Home: light for every tablet that opens it; the card decks are browsed on demand, one
deck and twelve cards at a time."""

from __future__ import annotations

import re

import pytest

from selfdata.app import services
from selfdata.files.loading import default_decks
from selfdata.store import Store
from selfdata.ui.widgets import DECK_KINDS_SHOWN, DECK_PAGE_SIZE
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room, texts


def _titles(kind: str) -> list[str]:
    return [c.title.fr for c in getattr(default_decks(), kind)]


def _card_titles_shown(at) -> list[str]:  # type: ignore[no-untyped-def]
    every = {title for kind in DECK_KINDS_SHOWN for title in _titles(kind)}
    firsts = [m.value.split("\n", 1)[0].strip("*") for m in at.markdown]  # a card's title
    shown = [re.sub(r"\\(.)", r"\1", first) for first in firsts]
    return [title for title in shown if title in every]


def test_home_shows_the_join_and_create_forms_and_no_card_until_asked(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home")
    assert not home.exception
    assert home.text_input(key="home_code") is not None
    assert home.text_input(key="home_title") is not None
    assert _card_titles_shown(home) == []
    total = sum(len(_titles(kind)) for kind in DECK_KINDS_SHOWN)
    assert f"{total} cartes, dont " in texts(home)
    assert not home.toggle(key="home_deck_open").value


def test_the_card_browser_shows_one_deck_a_page_at_a_time(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home")
    home.toggle(key="home_deck_open").set_value(True).run()
    sources = _titles("data_sources")
    assert len(sources) > 2 * DECK_PAGE_SIZE, "the deck spans several pages"
    assert _card_titles_shown(home) == sources[:DECK_PAGE_SIZE]
    assert f"Cartes 1 à {DECK_PAGE_SIZE} sur {len(sources)}" in texts(home)
    assert home.button(key="home_deck_previous").disabled
    home.button(key="home_deck_next").click().run()
    assert _card_titles_shown(home) == sources[DECK_PAGE_SIZE : 2 * DECK_PAGE_SIZE]
    assert f"Page 2 sur {-(-len(sources) // DECK_PAGE_SIZE)}" in texts(home)
    home.button(key="home_deck_previous").click().run()
    assert _card_titles_shown(home) == sources[:DECK_PAGE_SIZE]


def test_another_deck_or_a_filter_starts_again_at_its_first_page(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home")
    home.toggle(key="home_deck_open").set_value(True).run()
    home.button(key="home_deck_next").click().run()
    home.selectbox(key="home_deck_kind").set_value("governance_models").run()
    models = _titles("governance_models")
    assert _card_titles_shown(home) == models
    assert "home_deck_next" not in {b.key for b in home.button}, "one page needs no pager"
    home.selectbox(key="home_deck_kind").set_value("data_sources").run()
    assert "Cartes 1 à" in texts(home)
    target = _titles("data_sources")[-1]
    home.text_input(key="home_deck_filter").input(target).run()
    assert target in _card_titles_shown(home)
    assert len(_card_titles_shown(home)) < DECK_PAGE_SIZE
    home.text_input(key="home_deck_filter").input("zzz introuvable").run()
    assert _card_titles_shown(home) == []
    assert "Cartes\u202f: 0" in texts(home)


def test_a_participant_tablet_opening_home_draws_no_card(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    home = run_page("home", code=room.code, token=room.token)
    assert "Vous participez à « " in texts(home)
    assert _card_titles_shown(home) == []


def test_the_home_page_names_examples_as_people_do_not_by_file_name(
    app_store: Store, run_page: PageRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELFDATA_DEMO", "la_rochelle")
    home = run_page("home")
    shown = " ".join(m.value for m in home.markdown)
    assert "(la_rochelle)" not in shown and "La Rochelle — " in shown
    labels = home.selectbox(key="home_example").options
    assert not any("_" in label for label in labels)


def test_joining_under_a_look_alike_of_a_taken_name_is_refused_and_keeps_the_form(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    room.join("Alice")
    before = services.participants(app_store, room.code).count
    home = run_page("home", code=room.code)
    home.text_input(key="home_pseudonym").input("\u0410lice")  # a Cyrillic capital A
    home.button(key="FormSubmitter:home_join_form-Rejoindre").click().run()
    assert not home.exception
    assert any("déjà pris" in e.value for e in home.error)
    assert "token" not in home.query_params
    assert home.text_input(key="home_pseudonym").value == "\u0410lice", "the typed name stays"
    assert services.participants(app_store, room.code).count == before
