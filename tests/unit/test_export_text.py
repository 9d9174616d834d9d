"""Text handling shared by every PDF: glyph-safe text, labels, names, fonts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfdata.domain.workshop import Workshop
from selfdata.export import fonts
from selfdata.export.labels import label_keys, t, vocab, vocabularies
from selfdata.export.names import dossier_filename, report_filename, slug
from selfdata.export.pdf_base import REPLACEMENT, _parsed_fonts, clip, fmt_date, printable


@pytest.fixture(scope="module")
def cmap() -> object:
    font, _ = _parsed_fonts()["dejavu"]
    return font.cmap


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Cœur « bonjour » : 12 € l’été", "Cœur « bonjour » : 12 € l’été"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("a\tb", "a b"),
        ("line\nbreak", "line\nbreak"),
        ("bell\x07", "bell"),
        ("rtl\u202eoverride", "rtloverride"),
        ("shalom שלום", "shalom שלום"),
        ("unicorn 🦄", f"unicorn {REPLACEMENT}"),
        ("漢字", REPLACEMENT * 2),
        ("heart ❤\ufe0f", "heart ❤"),
    ],
)
def test_text_keeps_what_the_font_can_draw_and_marks_the_rest(
    text: str, printed: str, cmap: object
) -> None:
    assert printable(text, cmap) == printed


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("x" * 20, 10, "x" * 9 + "…"),
        ("many   spaces\nand lines", 50, "many spaces and lines"),
        ("Mobilité durable\u202f: mes données", 50, "Mobilité durable\u202f: mes données"),
        ("Prix\u00a0: 3 €\t ?", 50, "Prix\u00a0: 3 € ?"),
    ],
)
def test_clip_says_when_it_cut(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected


@pytest.mark.parametrize("key", label_keys())
def test_every_label_has_both_languages_with_the_same_placeholders(key: str) -> None:
    fr, en = t(key, "fr"), t(key, "en")
    assert fr.strip() and en.strip()
    assert set(re.findall(r"{(\w+)}", fr)) == set(re.findall(r"{(\w+)}", en))


@pytest.mark.parametrize("kind", sorted(vocabularies()))
def test_every_vocabulary_word_is_translated(kind: str) -> None:
    for value in vocabularies()[kind]:
        assert vocab(kind, value, "fr") and vocab(kind, value, "en")
    assert vocab(kind, "never_heard_of", "fr") == "never heard of"


def test_french_dates_read_as_french() -> None:
    from datetime import datetime

    assert fmt_date(datetime(2026, 3, 1), "fr") == "1er mars 2026"
    assert fmt_date(datetime(2026, 12, 24), "en") == "24 December 2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Atelier mobilité à La Rochelle", "atelier-mobilite-a-la-rochelle"),
        ("../../etc/passwd", "etc-passwd"),
        ("🦄🦄", "atelier"),
    ],
)
def test_file_names_are_plain_ascii(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_file_names_carry_the_scenario_and_the_language() -> None:
    w = Workshop(title="Énergie à Nantes", territory="Nantes", theme="energy")
    assert dossier_filename(w, "sc_1", "en") == "energie-a-nantes-sc-1-en.pdf"
    assert report_filename(w, "fr") == "energie-a-nantes-rapport-fr.pdf"


def test_fonts_fall_back_to_matplotlibs_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SYSTEM_DIRS", ("/nonexistent/fonts",))
    monkeypatch.delenv("SELFDATA_FONT_DIR", raising=False)
    fonts.find_fonts.cache_clear()
    try:
        found = fonts.find_fonts()
        assert "matplotlib" in str(found.directory)
        assert found.path("B").is_file()
    finally:
        fonts.find_fonts.cache_clear()


def test_missing_fonts_give_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SYSTEM_DIRS", ("/nonexistent/fonts",))
    monkeypatch.setattr(fonts, "_matplotlib_dir", lambda: Path("/nonexistent/mpl"))
    monkeypatch.setenv("SELFDATA_FONT_DIR", "/nonexistent/env")
    fonts.find_fonts.cache_clear()
    try:
        with pytest.raises(fonts.FontNotFoundError, match="SELFDATA_FONT_DIR") as err:
            fonts.find_fonts()
        assert "/nonexistent/env" in str(err.value)
    finally:
        fonts.find_fonts.cache_clear()
