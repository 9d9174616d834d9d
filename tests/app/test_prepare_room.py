"""The preparation page (facilitator only) and the console's clock, run with AppTest:
readiness, cards in play, a card's wording, the agenda; then the console shows the current
step's planned and used time."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from selfdata.app import access, services
from selfdata.domain.cards import STEP_IDS
from selfdata.files.loading import default_decks
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import texts

DECKS = default_decks()
N = "\u202f"


def blank(store: Store) -> services.Created:
    return services.create_workshop(
        store, title="Atelier de la ville", territory="Villeneuve", theme="water"
    )


def submit(page: AppTest, form: str) -> AppTest:
    button = next(b for b in page.button if b.key.startswith(f"FormSubmitter:{form}"))
    return button.click().run()


def test_the_page_lists_what_is_missing_and_what_to_do(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank(app_store)
    services.set_joining_open(app_store, created.code, created.secret, False)
    page = run_page("prepare", code=created.code, secret=created.secret)
    shown = texts(page)
    assert t("prepare.ready_missing", "fr", n=2) in shown
    for key in ("ready.agenda.todo", "ready.agenda.do", "ready.joining.todo", "ready.joining.do"):
        assert t(key, "fr") in shown, key
    assert t("ready.sources.ok", "fr", deck=59, table=0) in shown
    assert "**À faire** — " + t("ready.agenda.todo", "fr") in shown
    page.button(key="prepare_agenda_save").click().run()
    services.set_joining_open(app_store, created.code, created.secret, True)
    shown = texts(page.run())
    assert t("prepare.ready_all", "fr") in shown
    assert t("ready.agenda.ok", "fr", planned=210, available=210) in shown


def test_the_facilitator_ticks_the_cards_in_play_and_the_needs_step_offers_only_those(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank(app_store)
    code, secret = created.code, created.secret
    page = run_page("prepare", code=code, secret=secret)
    page.radio(key="prepare_play_kind").set_value("needs").run()
    assert t("prepare.cards_count", "fr", n=29, total=29) in texts(page)
    keep = {n.id for n in DECKS.needs[:2]}
    for card in DECKS.needs:
        if card.id not in keep:
            page.checkbox(key=f"prepare_play_needs_{card.id}").uncheck()
    page = submit(page, "prepare_play_form_needs")
    assert t("prepare.cards_saved", "fr", n=2) in texts(page)
    assert t("prepare.cards_count", "fr", n=2, total=29) in texts(page)
    assert {c.id for c in services.room_deck(app_store, code, "needs")} == keep
    needs = run_page("needs", code=code, secret=secret)
    offered = needs.selectbox(key="needs_deck_pick").options
    assert len(offered) == 2 and set(offered) == {n.title.fr for n in DECKS.needs[:2]}
    page.button(key="prepare_play_all_needs").click().run()
    assert len(services.room_deck(app_store, code, "needs")) == 29
    assert page.checkbox(key=f"prepare_play_needs_{DECKS.needs[5].id}").value is True


def test_the_facilitator_rewords_a_card_and_an_empty_title_is_refused(
    app_store: Store, run_page: PageRunner
) -> None:
    created = blank(app_store)
    code, secret = created.code, created.secret
    card = DECKS.data_sources[0]
    page = run_page("prepare", code=code, secret=secret)
    key = f"prepare_wording_data_sources_{card.id}"
    assert page.text_input(key=f"{key}_title_fr").value == card.title.fr
    page.text_input(key=f"{key}_title_fr").set_value("   ")
    page = submit(page, f"prepare_wording_form_data_sources_{card.id}")
    assert t("error.wording.empty_title", "fr", language="fr") in texts(page)
    assert services.prepared_deck(app_store, code, "data_sources").own is False
    page.text_input(key=f"{key}_title_fr").set_value("Compteur Linky de la ville")
    page.text_area(key=f"{key}_text_en").set_value("What the meter says.")
    page = submit(page, f"prepare_wording_form_data_sources_{card.id}")
    assert t("prepare.wording_saved", "fr", title="Compteur Linky de la ville") in texts(page)
    inventory = run_page("inventory", code=code, secret=secret)
    assert "Compteur Linky de la ville" in texts(inventory)


def test_the_facilitator_sets_a_custom_agenda(app_store: Store, run_page: PageRunner) -> None:
    created = blank(app_store)
    code, secret = created.code, created.secret
    page = run_page("prepare", code=code, secret=secret)
    page.radio(key="prepare_agenda_preset").set_value("two_sessions").run()
    assert t("prepare.agenda_total", "fr", planned="6\u00a0h", available="6\u00a0h") in texts(page)
    proposed = page.table[0].value
    assert list(proposed.index) == [t(f"step.{s}", "fr") for s in STEP_IDS]
    assert [m.replace("\u00a0", " ") for m in proposed.iloc[:, 0]] == [
        "1 h",
        "55 min",
        "1 h 05",
        "50 min",
        "45 min",
        "1 h",
        "25 min",
    ]
    assert list(proposed.iloc[:, 1]) == ["Séance 1"] * 3 + ["Séance 2"] * 4
    for n in (1, 2):
        line = t(
            "prepare.agenda_session_total", "fr", n=n, planned="3\u00a0h", available="3\u00a0h"
        )
        assert line in texts(page), "each session's steps fill it exactly"
    page.radio(key="prepare_agenda_preset").set_value("custom").run()
    page.number_input(key="prepare_agenda_export").set_value(60)
    page.number_input(key="prepare_agenda_available").set_value(180)
    page = submit(page, "prepare_agenda_custom")
    plan = services.agenda(app_store, code)
    assert plan is not None and plan.preset == "custom"
    assert (plan.planned("export"), plan.total, plan.available) == (60, 255, 180)
    assert t("prepare.agenda_saved", "fr") in texts(page)
    ready = {c.rule: c.status for c in services.readiness_checks(app_store, code, secret)}
    assert ready["agenda"] == "todo", "75 minutes over"


def test_the_console_shows_the_step_s_planned_and_used_time(
    app_store: Store, run_page: PageRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = blank(app_store)
    code, secret = created.code, created.secret
    now = [10_000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    console = run_page("console", code=code, secret=secret)
    assert t("console.clock_no_agenda", "fr") in texts(console)
    assert t("console.clock_idle", "fr") in texts(console)
    assert console.button(key="console_clock_restart").label == t("console.clock_start", "fr")
    console.button(key="console_clock_restart").click().run()
    assert services.agenda_progress(app_store, code).started
    assert console.button(key="console_clock_restart").label == t("console.clock_restart", "fr")
    services.set_agenda(app_store, code, secret, "half_day")
    services.set_step(app_store, code, secret, "needs")
    now[0] += 20 * 60 + 10
    console = run_page("console", code=code, secret=secret)
    metrics = {m.label: m.value for m in console.metric}
    assert metrics == {
        t("console.clock_step", "fr"): "20\u00a0min sur 30\u00a0min",
        t("console.clock_total", "fr"): "20\u00a0min sur 3\u00a0h\u00a030",
    }
    bars = [p.proto.text for p in console.get("progress")]
    assert bars == [
        t("console.clock_left", "fr", time="10\u00a0min"),
        t("console.clock_left", "fr", time="3\u00a0h\u00a010"),
    ]
    now[0] += 15 * 60
    console = run_page("console", code=code, secret=secret)
    bars = [p.proto.text for p in console.get("progress")]
    assert bars[0] == t("console.clock_over", "fr", time="5\u00a0min")
    console.button(key="console_clock_restart").click().run()
    metrics = {m.label: m.value for m in console.metric}
    assert metrics[t("console.clock_step", "fr")] == "0\u00a0min sur 30\u00a0min"
