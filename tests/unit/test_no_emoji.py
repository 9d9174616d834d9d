"""Icons need no emoji font (issue 18): where none is installed (a kiosk projector, some
tablets) 👥 ✅ 👤 ⏱ became empty boxes. The UI code, the page scripts and the message
catalogs use Streamlit's ``:material/…:`` icons, which ship with the app, never an emoji."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"  # pictographs, emoticons, transport, symbols and pictographs
    "\u2600-\u27bf"  # miscellaneous symbols, dingbats (✅ ✓ ⚠ ☑)
    "\u2300-\u23ff"  # technical: ⏱ ⏸ ⌛
    "\u2b00-\u2bff"  # arrows and shapes drawn as emoji (⬆ ⭐)
    "\u25b6\u25c0"  # ▶ ◀
    "\ufe0f"  # the emoji presentation selector
    "]"
)
FILES = sorted(
    [
        *(ROOT / "selfdata" / "ui").rglob("*.py"),  # figures/ too
        *(ROOT / "selfdata" / "i18n").glob("*.py"),
        *(ROOT / "pages").glob("*.py"),
        ROOT / "workshop_app.py",
    ]
)


def test_the_pattern_finds_the_icons_that_became_boxes():
    for emoji in ("👥", "✅", "👤", "⏱", "🔒", "⚠️", "▶"):
        assert EMOJI.search(emoji), emoji
    assert not EMOJI.search("Étape : « Besoins » — 3 € · :material/lock:")


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_the_ui(path: Path):
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if EMOJI.search(line)
    ]
    assert not found, "use a :material/…: icon instead:\n" + "\n".join(found)
