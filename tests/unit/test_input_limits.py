"""Every text box has a maximum length: ``max_chars`` on every ``st.text_input`` and
``st.text_area`` call of the app, so the browser itself stops a huge paste (the services
refuse it again, and ``server.maxMessageSize`` bounds what a scripted client may send)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "workshop_app.py",
    *(ROOT / "pages").glob("*.py"),
    *(ROOT / "selfdata").rglob("*.py"),
]


@functools.cache  # read-only; two tests scan
def _text_boxes() -> list[tuple[str, int, bool]]:
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("text_input", "text_area"):
                limited = any(k.arg == "max_chars" for k in node.keywords)
                found.append((str(path.relative_to(ROOT)), node.lineno, limited))
    return found


def test_the_scan_finds_the_app_s_text_boxes():
    assert len(_text_boxes()) >= 15


def test_every_text_box_has_max_chars():
    assert [(p, line) for p, line, limited in _text_boxes() if not limited] == []
