"""Every room page, as the facilitator and as a participant, on every example workshop: it
runs, shows its title, the workshop, the role and the counts a user expects."""

from __future__ import annotations

import re

import pytest

from selfdata.app import services
from selfdata.domain.cards import STEP_IDS
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import EXAMPLES, keys, open_room, raw_texts, texts

STEP_PAGES = ("inventory", "needs", "use_cases", "governance")
TITLES = {
    "home": "app.title",
    "console": "page.console",
    **{p: f"step.{p}" for p in STEP_PAGES},
}


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("page", [*STEP_PAGES, "home"])
@pytest.mark.parametrize("role", ["facilitator", "participant"])
def test_a_page_shows_its_title_the_workshop_and_the_role(
    app_store: Store, run_page: PageRunner, example: str, page: str, role: str
) -> None:
    room = open_room(app_store, example)
    who = {"secret": room.secret} if role == "facilitator" else {"token": room.token}
    at = run_page(page, code=room.code, **who)
    assert not at.exception
    assert at.title[0].value == t(TITLES[page])
    shown = texts(at)
    state = services.room_state(app_store, room.code)
    assert state.title in shown
    assert t("chrome.participants", n=state.participants) in shown
    badge = t(f"role.{role}")
    assert any(badge in m.value for m in at.main.markdown), "the role shows in the header"


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_console_shows_the_participants_and_the_guide_of_the_current_step(
    app_store: Store, run_page: PageRunner, example: str
) -> None:
    room = open_room(app_store, example)
    at = run_page("console", code=room.code, secret=room.secret)
    assert not at.exception
    state = services.room_state(app_store, room.code)
    assert at.title[0].value == t("page.console")
    assert t("console.participants", n=state.participants) in [s.value for s in at.subheader]
    table = at.dataframe[0].value
    assert "Testeur" not in list(table.iloc[:, 0]), "anonymous until the facilitator asks"
    assert t("console.anonymous", n=1) in list(table.iloc[:, 0])
    at.button(key="console_show_pseudonyms").click().run()
    assert "Testeur" in list(at.dataframe[0].value.iloc[:, 0])
    assert services.room_state(app_store, room.code).show_pseudonyms, "stored with the workshop"
    steps = [b for b in at.button if b.key and b.key.startswith("console_step_")]
    assert [b.key for b in steps] == [f"console_step_{s}" for s in STEP_IDS]
    assert [b.key for b in steps if b.disabled] == [f"console_step_{state.step}"]
    number = STEP_IDS.index(state.step) + 1
    assert f"Étape en cours\u202f: **{number}. {t('step.' + state.step)}**" in texts(at)
    guide = next(s for s in app_store_decks().steps if s.id == state.step)
    assert any(guide.title.fr in s.value for s in at.subheader)


def app_store_decks():  # type: ignore[no-untyped-def]
    from selfdata.files.loading import default_decks

    return default_decks()


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_projection_shows_code_qr_and_live_count_and_never_the_secret(
    app_store: Store, run_page: PageRunner, example: str
) -> None:
    room = open_room(app_store, example)
    services.set_projection(app_store, room.code, room.secret, qr="large")
    at = run_page("projection", code=room.code, view="projection")
    assert not at.exception
    shown = texts(at)
    state = services.room_state(app_store, room.code)
    assert room.code in shown
    assert "http://atelier.example:8501/?code=" + room.code in shown
    qr = [h.proto.body for h in at.get("html") if 'class="sd-qr"' in h.proto.body]
    assert len(qr) == 1, "the QR code image is on the page"
    assert 'alt="QR code du lien pour rejoindre' in qr[0], "with a text alternative"
    services.set_projection(app_store, room.code, room.secret, qr="small")
    at = run_page("projection", code=room.code, view="projection")
    corner = texts(at)  # in a corner: the code and the QR, not the long address
    assert room.code in corner and "http://atelier.example:8501/?code=" not in corner
    assert [h for h in at.get("html") if 'class="sd-qr"' in h.proto.body]
    services.set_revealed(app_store, room.code, room.secret, state.step, False)
    at = run_page("projection", code=room.code, view="projection")  # the room at work
    assert at.metric[0].value == str(state.participants)
    assert room.secret not in shown
    assert room.secret not in str(at.query_params)
    assert not {k for k in keys(at) if k.startswith("console_")}


def test_the_projection_shows_vote_results_once_revealed(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    services.set_revealed(app_store, room.code, room.secret, "needs", False)
    hidden = run_page("projection", code=room.code, view="projection")
    assert t("projection.not_revealed") in texts(hidden)
    assert not hidden.get("plotly_chart")
    board = services.needs_board(app_store, room.code)
    assert [m.value for m in hidden.metric][1] == str(board.dots_cast)  # live while hidden
    services.set_revealed(app_store, room.code, room.secret, "needs", True)
    shown = run_page("projection", code=room.code, view="projection")
    assert shown.get("plotly_chart")
    assert [m.value for m in shown.metric][1] == str(board.dots_cast)  # still live


def test_a_tablet_shows_the_rooms_dots_only_once_revealed_the_facilitator_always(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 25: a tablet is not redrawn for other people's dots, so before the reveal it
    shows its own dots and what it has left, not the room's totals (those are the
    projector's); once revealed, the totals and the chart; the facilitator always."""
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    services.set_revealed(app_store, room.code, room.secret, "needs", False)
    room_wide = {t("counts.dots"), t("counts.voters")}

    tablet = run_page("needs", code=room.code, token=room.token)
    assert not tablet.exception
    assert {m.label for m in tablet.metric} == {t("needs.remaining")}
    assert not tablet.get("plotly_chart")
    assert any(t("needs.add_dot") == b.label for b in tablet.button)  # it votes all the same
    desk = run_page("needs", code=room.code, secret=room.secret)
    assert room_wide <= {m.label for m in desk.metric}
    assert desk.get("plotly_chart")

    services.set_revealed(app_store, room.code, room.secret, "needs", True)
    tablet = run_page("needs", code=room.code, token=room.token)
    board = services.needs_board(app_store, room.code, room.token)
    shown = {m.label: m.value for m in tablet.metric}
    assert shown[t("counts.dots")] == str(board.dots_cast)
    assert shown[t("counts.voters")] == str(board.voters)
    assert tablet.get("plotly_chart")


def test_a_tablets_board_before_the_reveal_is_its_count_alone_not_a_row_of_columns(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 25: before the reveal a tablet's board shows one count, its dots left, as one
    element: every element is a message on every tap, relayed by the server's one event
    loop (docs/load.md, §10). Once revealed, the three counts side by side."""
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    services.set_revealed(app_store, room.code, room.secret, "needs", False)
    tablet = run_page("needs", code=room.code, token=room.token)
    assert [m.label for m in tablet.main.metric] == [t("needs.remaining")]
    assert not tablet.main.columns
    services.set_revealed(app_store, room.code, room.secret, "needs", True)
    tablet = run_page("needs", code=room.code, token=room.token)
    assert len(tablet.main.columns) == 3
    assert [m.label for m in tablet.main.metric][0] == t("needs.remaining")


def test_english_is_one_parameter_away(room, run_page: PageRunner) -> None:  # type: ignore[no-untyped-def]
    at = run_page("needs", code=room.code, token=room.token, lang="en")
    assert at.title[0].value == "Residents’ needs"
    assert at.radio(key="chrome_lang").value == "en"


def test_the_language_switch_puts_english_in_the_address(room, run_page: PageRunner) -> None:  # type: ignore[no-untyped-def]
    at = run_page("inventory", code=room.code, token=room.token)
    assert at.title[0].value == t("step.inventory", "fr")
    at.radio(key="chrome_lang").set_value("en").run()
    assert at.query_params.get("lang") == "en"
    assert at.title[0].value == t("step.inventory", "en")


@pytest.mark.parametrize(
    ("role", "offered", "withheld"),
    [
        ("visitor", {""}, {"console", "needs"}),
        ("participant", {"", "inventory", "needs", "use_cases", "governance"}, {"console"}),
        ("facilitator", {"", "console", "projection", "needs"}, set()),
    ],
)
def test_the_entry_script_offers_the_pages_of_the_role(
    app_store: Store, role: str, offered: set[str], withheld: set[str]
) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.app.room_helpers import ROOT

    room = open_room(app_store, "la_rochelle")
    at = AppTest.from_file(str(ROOT / "workshop_app.py"), default_timeout=60)
    at.query_params["code"] = room.code
    if role == "participant":
        at.query_params["token"] = room.token
    elif role == "facilitator":
        at.query_params["secret"] = room.secret
    at.run()
    assert not at.exception
    linked = {link.proto.page for link in at.sidebar.get("page_link")}
    # a tablet's links are one element (issue 25): its addresses' paths
    linked |= {
        path
        for block in at.sidebar.get("html")
        for path in re.findall(r'href="\./([^"?]*)', block.proto.body)
    }
    assert bool(at.sidebar.get("html")) == (role == "participant")
    assert offered <= linked
    assert not withheld & linked


def test_who_is_looking_is_read_once_per_run_for_the_entry_script_and_its_page(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    from selfdata.ui import session
    from tests.app.room_helpers import ROOT

    calls: list[dict[str, str]] = []
    real = session.resolve_viewer

    def counted(store: Store, params: dict[str, str]) -> session.AddressProof:
        calls.append(dict(params))
        return real(store, params)

    monkeypatch.setattr(session, "resolve_viewer", counted)
    room = open_room(app_store, "la_rochelle")
    at = AppTest.from_file(str(ROOT / "workshop_app.py"), default_timeout=60)
    at.query_params["code"] = room.code
    at.query_params["token"] = room.token
    at.run()
    assert not at.exception
    assert "Testeur" in texts(at)  # the page drew its context (the header names me)
    assert len(calls) == 1  # the entry script's read, shared with the home page
    at.run()  # a new run reads again: nothing is kept from one run to the next
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("needs", None),
        ("inventory", ":material/play_arrow: Étape en cours\u202f: Besoins des habitants"),
    ],
)
def test_a_tablet_header_carries_the_role_the_code_the_pseudonym_and_the_step(
    app_store: Store, run_page: PageRunner, page: str, link: str | None
) -> None:
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    at = run_page(page, code=room.code, token=room.token)
    header = re.sub(r"\\(.)", r"\1", at.main.markdown[0].value)  # as a reader sees it
    for shown in (
        t("role.participant"),
        "Mobilité durable",
        f"Code\u202f: `{room.code}`",
        "Vous êtes Testeur",
    ):
        assert shown in header
    if link is None:
        assert "Étape\u202f: Besoins des habitants" in header
    else:
        assert f"[{link}](/needs?code={room.code}&token={room.token})" in raw_texts(at)


@pytest.mark.parametrize(
    ("role", "state"),
    [
        ("participant", "collapsed"),
        ("visitor", "collapsed"),
        ("projection", "collapsed"),
        ("facilitator", "auto"),
    ],
)
def test_the_sidebar_starts_collapsed_on_the_rooms_tablets_and_the_projector(
    role: str, state: str
) -> None:
    from selfdata.ui.chrome import initial_sidebar_state

    assert initial_sidebar_state(role) == state
