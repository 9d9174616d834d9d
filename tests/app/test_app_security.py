"""Roles come from proven credentials only, and user text is always shown as text."""

from __future__ import annotations

import pytest

from selfdata.app import links, services
from selfdata.domain.textsafe import md_escape
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import keys, open_room, raw_texts, texts

FACILITATOR_KEYS = (
    "console_",
    "needs_hide_",
    "inventory_select_",
    "inventory_hide_",
    "use_cases_delete_",
    "governance_model",
)


def _facilitator_controls(found: set[str]) -> set[str]:
    return {k for k in found if k.startswith(FACILITATOR_KEYS)}


@pytest.mark.parametrize("page", ["inventory", "needs", "use_cases", "governance"])
def test_a_participant_never_sees_facilitator_controls(
    app_store: Store, run_page: PageRunner, page: str
) -> None:
    room = open_room(app_store, "grand_lyon")
    participant = run_page(page, code=room.code, token=room.token)
    assert not _facilitator_controls(keys(participant))
    facilitator = run_page(page, code=room.code, secret=room.secret)
    assert _facilitator_controls(keys(facilitator))


@pytest.mark.parametrize(
    ("forged", "told"),
    [
        ({"secret": "not-the-secret"}, "access.bad_secret"),
        ({"role": "facilitator"}, "access.denied_facilitator"),
        ({"secret": ""}, "access.denied_facilitator"),
        ({"view": "console"}, "access.denied_facilitator"),
    ],
)
def test_a_forged_address_does_not_open_the_console(
    app_store: Store, run_page: PageRunner, forged: dict[str, str], told: str
) -> None:
    room = open_room(app_store, "la_rochelle")
    console = run_page("console", code=room.code, token=room.token, **forged)
    assert t(told) in texts(console)
    assert not _facilitator_controls(keys(console))
    needs = run_page("needs", code=room.code, token=room.token, **forged)
    assert not _facilitator_controls(keys(needs))
    assert any(t("role.participant") in m.value for m in needs.main.markdown)


def test_another_workshops_secret_grants_nothing(app_store: Store, run_page: PageRunner) -> None:
    room, other = open_room(app_store, "la_rochelle"), open_room(app_store, "nantes")
    version = services.version(app_store, room.code)
    console = run_page("console", code=room.code, secret=other.secret)
    assert t("access.bad_secret") in texts(console)
    assert not _facilitator_controls(keys(console))
    assert services.version(app_store, room.code) == version


@pytest.mark.parametrize("page", ["console", "home", "needs", "governance"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_wrong_secret_is_told_gently_with_a_way_to_join_as_a_participant(
    app_store: Store, run_page: PageRunner, page: str, lang: str
) -> None:
    room = open_room(app_store, "la_rochelle")
    wrong = room.secret[:-1] + ("A" if room.secret[-1] != "A" else "B")
    at = run_page(page, code=room.code, secret=wrong, lang=lang)
    assert not at.exception
    shown = texts(at)
    assert t("access.bad_secret", lang) in shown
    assert "animation de cet atelier" not in shown and "facilitator may do this" not in shown
    assert not at.error, "a mistyped link is not an error message"
    join = links.join_url("", room.code, lang)  # the home page with the code only
    assert f"[:material/login: {t('access.join_as_participant', lang)}]({join})" in raw_texts(at)
    assert wrong not in raw_texts(at) and room.secret not in raw_texts(at)
    assert not _facilitator_controls(keys(at))
    assert not any(t("role.facilitator", lang) in m.value for m in at.markdown)


def test_without_a_token_the_steps_ask_to_join_first(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    page = run_page("needs", code=room.code, token="made-up")
    assert t("access.join") in texts(page)
    assert not {k for k in keys(page) if k.startswith("needs_vote_")}


@pytest.mark.parametrize(
    "hostile", ["<script>alert(1)</script>", "**bold** _it_ [link](http://x.example)", "# big"]
)
def test_user_text_shows_literally(app_store: Store, run_page: PageRunner, hostile: str) -> None:
    room = open_room(app_store, "la_rochelle")
    room.at("needs")
    services.propose_need(
        app_store, room.code, room.token, draft=services.NeedDraft(title=hostile, persona=hostile)
    )
    room.at("inventory")
    services.propose_source(
        app_store,
        room.code,
        room.token,
        draft=services.SourceDraft(title=hostile, holder=hostile),
    )
    for page in ("needs", "inventory"):
        at = run_page(page, code=room.code, secret=room.secret)
        assert not at.exception
        assert hostile in texts(at), "readers see the text as typed"
        source = raw_texts(at)
        assert md_escape(hostile) in source
        leftover = source.replace(md_escape(hostile), "")
        assert hostile not in leftover, "no Markdown or HTML reaches the browser unescaped"
        for md in at.markdown:
            assert not md.proto.allow_html, "no markdown element may carry raw HTML"


def test_a_pseudonym_with_markup_shows_literally_in_the_chrome(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    token = room.join("<b>Zoé</b>")
    at = run_page("needs", code=room.code, token=token)
    assert "Vous êtes <b>Zoé</b>" in texts(at)
    assert "<b>Zoé</b>" not in raw_texts(at)


def test_a_participant_reads_the_governance_answers_but_cannot_change_them(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "grand_lyon")
    page = run_page("governance", code=room.code, token=room.token)
    radios = [r for r in page.radio if r.key and r.key.startswith("governance_q_")]
    assert radios and all(r.disabled for r in radios)
