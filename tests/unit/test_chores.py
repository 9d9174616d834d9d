"""The chores the README promises exist as written: every `make` command of its table is a
Makefile target, CI runs `make lint` and `make test`, and `make test-fast` leaves out the
PostgreSQL, browser and slow tests."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def recipe(target: str) -> list[str]:
    """The command lines of a Makefile target."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    body: list[str] = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        body.append(line.strip())
    return body


def test_every_make_command_of_the_readme_is_a_makefile_target() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`make ([a-z][a-z-]*)", readme))
    assert {"test", "test-fast", "lint"} <= documented
    assert documented <= make_targets()


def test_ci_runs_the_linters_and_the_whole_suite_and_stops_at_the_first_failure() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert "set -euo pipefail" in lines
    assert lines.index("make lint") < lines.index("make test")


def test_make_lint_checks_style_formatting_and_types() -> None:
    commands = " ; ".join(recipe("lint"))
    for tool in ("ruff check", "ruff format --check", "mypy selfdata"):
        assert tool in commands


def test_make_test_fast_runs_tests_unit_without_postgresql_browser_or_slow_tests() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    marks = re.search(r"^FAST_MARKS := (.+)$", text, flags=re.MULTILINE)
    assert marks is not None
    (command,) = recipe("test-fast")
    words = shlex.split(command.replace("$(FAST_MARKS)", marks.group(1)))
    assert words[-1] == "tests/unit"
    selection = words[len(words) - 1 - words[::-1].index("-m") + 1]  # pytest's -m
    for marker in ("e2e", "postgres", "slow", "pdf"):
        assert f"not {marker}" in selection
