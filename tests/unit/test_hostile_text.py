"""Hostile text from a participant or a file (issue 29, lower items): a bidi override does
not reach the wall, a bare address does not become a link, a 4,400-digit number is refused
in one short line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit

from selfdata.app import services
from selfdata.cli import main
from selfdata.domain.textsafe import BIDI_CONTROLS, md_escape
from selfdata.store import Store
from tests.service_helpers import open_room


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 'room.db'}")
    yield s
    s.dispose()


def test_a_right_to_left_override_in_a_proposed_title_is_not_stored(sqlite_store: Store):
    room = open_room(sqlite_store)
    token = room.join("Loutre")
    room.need(title="Facture \u202eexe.live\u202c d’eau", token=token)
    titles = [n.card.title.fr for n in services.needs_board(sqlite_store, room.code).needs]
    assert titles == ["Facture exe.live d’eau"]
    assert not any(c in "".join(titles) for c in BIDI_CONTROLS)


def test_every_bidi_control_is_stripped_from_a_facilitator_s_title_too(sqlite_store: Store):
    room = open_room(sqlite_store)
    for control in BIDI_CONTROLS:
        room.need(title=f"Eau{control} potable {len(control)}{ord(control)}")
    titles = "".join(n.card.title.fr for n in services.needs_board(sqlite_store, room.code).needs)
    assert not any(c in titles for c in BIDI_CONTROLS)


def _streamlit_autolink_patterns() -> list[re.Pattern[str]]:
    """The two patterns Streamlit's Markdown renderer (remark-gfm, autolink literals) uses to
    turn text into links, read from the installed bundle so that the test follows it; in
    Python's syntax (JavaScript's ``\\w`` is ASCII; the e-mail look-behind is dropped, which
    only makes the check stricter)."""
    static = Path(streamlit.__file__).parent / "static"
    bundle = "".join(p.read_text("utf-8") for p in static.rglob("StreamlitMarkdown*.js"))
    assert r"[/(https?:\/\/|www(?=\.))([-.\w]+)([^ \t\r\n]*)/gi" in bundle
    assert r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)/gu" in bundle
    return [
        re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII),
        re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII),
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "voir https://evil.example/login",
        "HTTP://EVIL.EXAMPLE",
        "www.evil.example",
        "écrivez à bob@evil.example",
        "http://a.b www.c.d e@f.g",
    ],
)
def test_a_bare_address_in_a_participant_s_text_is_not_a_link(typed: str):
    shown = md_escape(typed)
    text_node = re.sub(r"\\(.)", r"\1", shown)  # what the Markdown parser leaves as text
    for pattern in _streamlit_autolink_patterns():
        assert pattern.search(text_node) is None, (typed, text_node)
    assert text_node.replace("\u2060", "") == typed  # the reader sees what was typed


def test_a_huge_integer_in_a_file_is_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "big.yaml"
    path.write_text(
        "schema: selfdata-workshop/1\ntitle: T\nterritory: X\ntheme: water\n"
        f"settings: {{vote_budget: {'9' * 4400}}}\n",
        encoding="utf-8",
    )
    for lang, words in (("en", "number too long"), ("fr", "nombre trop long")):
        assert main(["validate", "--lang", lang, str(path)]) == 1
        out = capsys.readouterr()
        lines = [line for line in (out.out + out.err).splitlines() if "big.yaml" in line]
        assert len(lines) == 1
        assert len(lines[0]) < 200 + len(str(path))
        assert words in lines[0]
    assert "sys." not in lines[0] and "set_int_max_str_digits" not in lines[0]
