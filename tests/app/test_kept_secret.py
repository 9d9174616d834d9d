"""The facilitator secret leaves the address bar once proven (a projector mirroring the
laptop shows the address to the room), and the tab stays the facilitator's (issue 30)."""

from __future__ import annotations

from selfdata.i18n import t
from selfdata.ui.kept_secret import KEPT_KEY
from tests.app.conftest import PageRunner
from tests.app.room_helpers import Room, texts


def test_the_console_takes_the_secret_out_of_the_address_and_keeps_working(
    room: Room, run_page: PageRunner
) -> None:
    console = run_page("console", code=room.code, secret=room.secret)
    assert not console.exception
    assert "secret" not in console.query_params, "a mirrored laptop shows no secret"
    assert console.query_params["code"] == room.code
    assert console.session_state[KEPT_KEY] == {room.code: room.secret}
    console.run()  # the next run of the same tab: still the facilitator's console
    assert not console.exception
    assert t("access.denied_facilitator", "fr") not in texts(console)
    assert console.title[0].value == t("page.console", "fr")


def test_a_wrong_secret_is_neither_kept_nor_hidden(room: Room, run_page: PageRunner) -> None:
    console = run_page("console", code=room.code, secret="not-the-secret")
    assert console.query_params["secret"] == "not-the-secret"
    assert KEPT_KEY not in console.session_state
    assert t("access.bad_secret", "fr") in texts(console)


def test_a_new_tab_without_the_secret_is_not_the_facilitator_s(
    room: Room, run_page: PageRunner
) -> None:
    """The way back in is the facilitator link itself (a reload or another tab starts a new
    session): the code alone opens no console."""
    run_page("console", code=room.code, secret=room.secret)
    other = run_page("console", code=room.code)
    assert t("access.denied_facilitator", "fr") in texts(other)


def test_the_projection_view_in_a_facilitator_tab_stays_the_projector_s(
    room: Room, run_page: PageRunner
) -> None:
    """A tab that keeps the secret and opens the wall's address sees the wall, not the
    facilitator's unrevealed results."""
    console = run_page("console", code=room.code, secret=room.secret)
    console.query_params["view"] = "projection"
    console.run()
    assert t("access.denied_facilitator", "fr") in texts(console), "the wall's role only"
