"""Shared fixtures. The ``store`` fixture runs every test twice: on a throwaway SQLite file
and on a fresh, empty schema of a throwaway PostgreSQL cluster started for the run
(``tests/pg_cluster.py``; skipped loudly when PostgreSQL is missing, a failure under
``CI=true``). ``-m "not postgres"`` runs SQLite only; ``--db-url postgresql+psycopg://…``
(or ``SELFDATA_TEST_DATABASE_URL``) uses an existing PostgreSQL server instead of the
throwaway one — its user must be allowed to create schemas there."""

from __future__ import annotations

import os
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: they are the slowest, and they drive a real server and
    browser that the faster layers should not wait behind."""
    items.sort(key=lambda item: "tests/e2e/" in item.nodeid.replace("\\", "/"))


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db-url",
        default=os.environ.get("SELFDATA_TEST_DATABASE_URL", ""),
        help="PostgreSQL server for the store tests (default: a throwaway cluster for the run)",
    )


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workshops.db'}"
    url: str = request.getfixturevalue("pg_database_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.dispose()
