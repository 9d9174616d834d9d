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


def test_make_test_runs_every_test_once_and_the_timed_browser_tests_alone_at_the_end() -> None:
    """`make test` is three pytest runs over the whole of tests/: everything but the browser
    tests on xdist workers, the browser tests that time nothing on xdist workers, then the
    browser tests marked `timing` in one process, last; between them every test is selected
    exactly once, and the target fails when any run failed."""
    from _pytest.mark.expression import Expression

    (command,) = [" ".join(line.rstrip("\\").strip() for line in recipe("test"))]
    runs = [part.strip() for part in command.split(";") if "$(PYTEST)" in part]
    assert len(runs) == 3
    words = [shlex.split(run.replace("$(PYTEST)", "pytest")) for run in runs]
    for run in words:  # no path: pyproject's testpaths, all of tests/
        assert not [w for w in run if w.startswith("tests")]
    *parallel, timed = words
    assert all("-n" in run for run in parallel) and "-n" not in timed
    selections = [Expression.compile(run[run.index("-m") + 1]) for run in words]
    for e2e in (False, True):
        for timing in (False, True):
            marks = {"e2e": e2e, "timing": timing}
            chosen = [i for i, s in enumerate(selections) if s.evaluate(marks.__getitem__)]
            assert chosen == [0 if not e2e else 2 if timing else 1], marks
    assert "[ $$a -eq 0 ] && [ $$b -eq 0 ] && [ $$c -eq 0 ]" in command
    # the README's account of it: one worker more than cores for both parallel runs
    assert parallel[0][parallel[0].index("-n") + 1] == "$(TEST_WORKERS)"
    assert parallel[1][parallel[1].index("-n") + 1] == "$(E2E_WORKERS)"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "TEST_WORKERS ?= $(shell echo $$(( $(CORES) + 1 )))" in makefile
    assert "E2E_WORKERS ?= $(TEST_WORKERS)" in makefile
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "on one pytest-xdist worker more than cores (at most 4 cores counted" in readme
    assert "then the browser tests that time nothing, on as many workers" in readme
    assert "tests marked `timing`" in readme


class _Definition:
    def __init__(self, marked: bool) -> None:
        self.marked = marked

    def get_closest_marker(self, name: str) -> object | None:
        return object() if self.marked and name == "storage" else None


class _Metafunc:
    def __init__(self, marked: bool, fixtures: list[str]) -> None:
        self.definition = _Definition(marked)
        self.fixturenames = fixtures
        self.calls: list[tuple[str, list[object], bool]] = []

    def parametrize(self, name: str, values: list[object], indirect: bool = False) -> None:
        self.calls.append((name, list(values), indirect))


def test_only_the_tests_marked_storage_run_on_postgresql_too() -> None:
    """The README's promise: a store test runs on SQLite, and on PostgreSQL as well when
    it is marked `storage` (what touches storage itself)."""
    from tests import conftest

    def backends(marked: bool) -> list[str]:
        metafunc = _Metafunc(marked, ["store", "db_url", "tmp_path"])
        conftest.pytest_generate_tests(metafunc)  # type: ignore[arg-type]
        ((name, values, indirect),) = metafunc.calls
        assert name == "db_url" and indirect
        return [getattr(v, "values", (v,))[0] for v in values]

    assert backends(marked=False) == ["sqlite"]
    assert backends(marked=True) == ["sqlite", "postgresql"]
    untouched = _Metafunc(True, ["tmp_path"])
    conftest.pytest_generate_tests(untouched)  # type: ignore[arg-type]
    assert untouched.calls == []


def test_the_browser_workers_get_the_longest_files_first() -> None:
    """Under xdist the browser files come first, in :data:`E2E_LONGEST_FIRST` order, each
    file's tests in their own order, and `make test` keeps that order
    (``--no-loadscope-reorder``: xdist's own order put the files with the most tests first,
    and the 3-minute story of two-test files last); in one process the browser tests come
    last. Every file named in the table exists."""
    from tests import conftest

    (command,) = [" ".join(line.rstrip("\\").strip() for line in recipe("test"))]
    (browsers,) = [run for run in command.split(";") if '"e2e and not timing"' in run]
    assert "--no-loadscope-reorder" in browsers.split()
    for name in conftest.E2E_LONGEST_FIRST:
        assert (ROOT / "tests" / "e2e" / name).is_file(), name

    class Item:
        def __init__(self, nodeid: str) -> None:
            self.nodeid = nodeid

    ids = [
        "tests/unit/test_a.py::t1",
        "tests/e2e/test_zz_short.py::t1",
        "tests/e2e/test_axe.py::t1",
        "tests/e2e/test_room_decides.py::t2",
        "tests/e2e/test_room_decides.py::t1",
        "tests/app/test_b.py::t1",
    ]

    def order(workers: bool) -> list[str]:
        return sorted(ids, key=lambda i: conftest._file_order(Item(i), workers))  # type: ignore[arg-type]

    assert order(True) == [
        "tests/e2e/test_room_decides.py::t2",
        "tests/e2e/test_room_decides.py::t1",
        "tests/e2e/test_axe.py::t1",
        "tests/e2e/test_zz_short.py::t1",
        "tests/unit/test_a.py::t1",
        "tests/app/test_b.py::t1",
    ]
    alone = order(False)
    assert alone[:2] == ["tests/unit/test_a.py::t1", "tests/app/test_b.py::t1"]
    assert {i.split("/")[1] for i in alone[2:]} == {"e2e"}
