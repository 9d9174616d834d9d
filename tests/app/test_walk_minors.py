"""Minor defects of the newcomer walk of 2026-12-07 (docs/walk-2026-12-07.md) that a page
run or a rendered sentence shows; the ones only a browser shows are in
tests/e2e/test_walk_fixes.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import open_room, page, texts
from streamlit.testing.v1 import AppTest

from selfdata import i18n
from selfdata.app import services
from selfdata.i18n import t


def _need_box(title: str, description: str) -> None:
    from selfdata.domain.cards import I18nText, NeedCard
    from selfdata.ui.widgets import card_box

    card = NeedCard(
        id="room_need",
        title=I18nText.same(title),
        description=I18nText.same(description),
        persona=I18nText.same("Une famille"),
        origin="room",
    )
    card_box(card, "fr", details=False)


@pytest.mark.parametrize("description", ["", "Les horaires réels à l’arrêt"])
def test_a_need_proposed_without_a_description_shows_its_title_once(description: str) -> None:
    """Walk N2: a need proposed from a tablet without a description (the service stores its
    title as its text) showed the same sentence twice, bold then plain; a description of its
    own is still shown."""
    title = "Savoir quand passe le bus"
    at = AppTest.from_function(_need_box, args=(title, description or title)).run()
    assert not at.exception
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert shown.count(title) == 1, shown
    assert description in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dossier_s_model_sentence_has_one_colon_whoever_answers(lang: str) -> None:
    """Walk D1: « en répond : pas la collectivité : l’habitant pour son propre usage » (the
    controller's own text has a colon; the sentence put another before it)."""
    controllers = [k for k in i18n.catalog() if k.startswith("law.controller.")]
    assert len(controllers) >= 5
    for key in controllers:
        text = i18n.t(key, lang).rstrip(".")
        line = i18n.t(
            "pdf.summary.model",
            lang,
            model="Cloud personnel",
            controller=text[0].lower() + text[1:],
        )
        before, _, after = line.partition(text[1:20])
        assert before.count(":") == 0, line


@pytest.mark.parametrize(
    ("name", "key"), [("console", "console_reveal"), ("scenarios", "scenarios_reveal")]
)
def test_an_open_rating_round_is_said_before_reveal_is_pressed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, key: str
) -> None:
    """Walk R1: at step 6 with a rating round open, « Révéler » was refused with a banner,
    learnt only by pressing it. Now the page says so first and the button waits."""
    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    services.set_step(room.store, room.code, room.secret, "scenarios")
    services.set_revealed(room.store, room.code, room.secret, "scenarios", False)
    refusal = t("error.decide.round_open", "fr")
    at = page(room, name, "facilitator")
    assert refusal not in texts(at)
    assert not at.button(key=key).disabled
    services.open_rating_round(room.store, room.code, room.secret)
    at = page(room, name, "facilitator")
    assert not at.exception
    assert refusal in texts(at)
    assert at.button(key=key).disabled
    services.close_rating_round(room.store, room.code, room.secret)
    at = page(room, name, "facilitator")
    assert refusal not in texts(at) and not at.button(key=key).disabled


def test_a_need_without_suggestions_says_what_is_to_be_qualified_and_qualifying_it_helps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walk U2: « Suggestions : — » for every need proposed from a tablet (no theme, no data
    category): right by the rules, but nothing said why nor where to qualify it."""
    from selfdata.app.contributions import NeedDraft

    room = open_room(tmp_path, monkeypatch, "la_rochelle")
    need = services.add_need(
        room.store, room.code, room.secret, draft=NeedDraft(title="Savoir quand passe le bus")
    )
    at = page(room, "use_cases", "facilitator")
    at.selectbox(key="use_cases_need").set_value(need).run()
    captions = [str(c.value) for c in at.caption]
    assert not [c for c in captions if c.startswith("Suggestions") and c.endswith("—")], captions
    expected = t(
        "use_cases.no_suggestion_to_qualify",
        "fr",
        fields=", ".join(
            t(f"qualify.field.{f}", "fr") for f in ("themes", "categories", "usage_family")
        ),
    )
    assert expected in captions, captions
    known = next(
        c
        for c in services.needs_board(room.store, room.code, secret=room.secret).needs
        if c.card and c.card.themes and c.card.categories
    ).card
    assert known is not None
    services.qualify_cards(
        room.store,
        room.code,
        room.secret,
        "needs",
        [("board", need, {"themes": known.themes, "categories": known.categories})],
    )
    at = page(room, "use_cases", "facilitator")
    at.selectbox(key="use_cases_need").set_value(need).run()
    captions = [str(c.value) for c in at.caption]
    assert [c for c in captions if c.startswith("Suggestions") and "(" in c], captions
