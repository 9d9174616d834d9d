"""Shared fixtures. The ``store`` fixture gives a test a throwaway SQLite file; a test (or
module) marked ``storage`` — what touches storage itself: the store, migrations, workshop
files written and read back, erasure, concurrency, the outage — runs twice, on SQLite and
on a fresh, empty schema of a throwaway PostgreSQL cluster started for the run
(``tests/pg_cluster.py``; skipped loudly when PostgreSQL is missing, a failure under
``CI=true``). ``-m "not postgres"`` runs SQLite only; ``--db-url postgresql+psycopg://…``
(or ``SELFDATA_TEST_DATABASE_URL``) uses an existing PostgreSQL server instead of the
throwaway one — its user must be allowed to create schemas there.

There is no in-memory fake of the store, on purpose: the rules and use cases run on a real
SQLite file, copied from an empty one made once per run (a copy and its opening: ~3.4 ms of
CPU, against ~13.6 ms to create the schema; measured 2026-12-07). A fake would re-implement
the named queries of ``selfdata/store/queries`` and could accept what SQLite refuses
(constraints, transactions), which the developer guide rules out ("a real database")."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfdata.store import Store

pytest_plugins = ["tests.pg_cluster"]

_REAL_MAIN = sys.modules["__main__"]


@pytest.fixture(autouse=True)
def _restore_main_module() -> Iterator[None]:
    """Put pytest's ``__main__`` back after each test. Streamlit's script runner (AppTest)
    installs the page it ran as ``sys.modules["__main__"]`` and leaves it there; a later
    ``multiprocessing`` spawn would then re-run that page in every child process instead of
    importing the worker (the concurrency and crash tests hung on it in a full run)."""
    yield
    sys.modules["__main__"] = _REAL_MAIN


E2E_LONGEST_FIRST = (
    "test_room_decides.py",
    "test_axe.py",
    "test_tables.py",
    "test_wall.py",
    "test_axe_en.py",
    "test_ratings_in_a_row.py",
    "test_wall_views.py",
    "test_walk_fixes.py",
    "test_home_upload.py",
    "test_tablet.py",
    "test_newcomer_walk.py",
)
"""The browser-test files that take longest (quiet box, 2026-12-07: ~3 min down to ~40 s),
longest first."""


@pytest.fixture(scope="session", autouse=True)
def _shared_pdf_builds(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Where :mod:`tests.pdf_builds` keeps the run's PDFs: this run's temporary folder, the
    one its xdist workers share (nothing outlives the run). Only when a collected module
    uses it (imported already: collection is over when session fixtures run)."""
    builds = sys.modules.get("tests.pdf_builds")
    if builds is None:
        return
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    builds.FOLDER = shared / "pdf-builds"


def _file_order(item: pytest.Item, workers: bool) -> tuple[int, int]:
    path = item.nodeid.replace("\\", "/").split("::")[0]
    if "tests/e2e/" not in path:
        return (1, 0)
    name = path.rsplit("/", 1)[-1]
    rank = E2E_LONGEST_FIRST.index(name) if name in E2E_LONGEST_FIRST else len(E2E_LONGEST_FIRST)
    return (0 if workers else 2, rank)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In one process, the browser tests run last: they are the slowest, and the faster
    layers should not wait behind them. On xdist workers (``make test`` hands whole files
    to its workers in this order: ``--no-loadscope-reorder``) they come first, the longest
    files first (:data:`E2E_LONGEST_FIRST`), so that a 3-minute file does not start last
    and keep the run waiting on it alone. A file's own tests keep their order (the sort
    keeps ties in place): a story's steps run in turn."""
    workers = "PYTEST_XDIST_WORKER" in os.environ
    items.sort(key=lambda item: _file_order(item, workers))


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
STORAGE = "storage"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{STORAGE}: touches storage itself; its store runs on SQLite and on PostgreSQL",
    )
    config.addinivalue_line(
        "markers",
        "shared_scene: tries only refused actions, so it shares its module's one store and "
        "scene (built once) instead of building its own",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The database of a test that uses one: SQLite for all, PostgreSQL too for the tests
    marked ``storage`` (the rules above the store say the same on both backends; what the
    two backends do differently is in the store, its SQL and its migrations)."""
    if "db_url" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker(STORAGE) is not None
        metafunc.parametrize("db_url", BACKENDS if both else ["sqlite"], indirect=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db-url",
        default=os.environ.get("SELFDATA_TEST_DATABASE_URL", ""),
        help="PostgreSQL server for the store tests (default: a throwaway cluster for the run)",
    )


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workshops.db'}"
    url: str = request.getfixturevalue("pg_database_url")
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite database with the current schema, made once per run by the store
    itself: copying it is four times cheaper than creating the schema for every test."""
    path = tmp_path_factory.mktemp("template") / "workshops.db"
    Store(f"sqlite:///{path}").dispose()
    assert not path.with_name(path.name + "-wal").exists()  # closed cleanly: one file
    return path


@pytest.fixture
def store(db_url: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///"))
        if not path.exists():
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    s = Store(db_url)
    yield s
    s.dispose()
