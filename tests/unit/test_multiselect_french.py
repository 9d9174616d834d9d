"""Every multiselect of the app hides Streamlit's "Select all", an English string on a French
page (walk 2026-12-07); the browser test is tests/e2e/test_walk_fixes.py."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _multiselect_calls() -> list[tuple[str, ast.Call]]:
    found = []
    for path in [*ROOT.joinpath("selfdata").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "multiselect"
            ):
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return found


def test_every_multiselect_turns_select_all_off() -> None:
    calls = _multiselect_calls()
    assert calls
    on = [
        where
        for where, call in calls
        if not any(
            k.arg == "select_all" and isinstance(k.value, ast.Constant) and k.value.value is False
            for k in call.keywords
        )
    ]
    assert on == [], on
