"""Functions stay short (issue 24): the ruff rule and its limits are in pyproject.toml, as
the README's `make lint` row says, and `make lint` (CI) applies them to the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_size_rules_are_on_with_the_limits_the_readme_states() -> None:
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
    assert {"C901", "PLR0912", "PLR0915"} <= set(lint["select"])
    limits = (
        lint["mccabe"]["max-complexity"],
        lint["pylint"]["max-branches"],
        lint["pylint"]["max-statements"],
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"complexity (\d+), (\d+) branches, (\d+) statements", readme)
    assert said is not None, "the README's make lint row states the limits"
    assert tuple(int(n) for n in said.groups()) == limits


def test_no_code_outside_the_tests_is_excused_from_the_size_rules() -> None:
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
    for pattern, rules in lint.get("per-file-ignores", {}).items():
        if {"C901", "PLR0912", "PLR0915"} & set(rules):
            assert pattern.startswith("tests/"), pattern
