"""Shared fixtures. The ``store`` fixture runs on a throwaway SQLite file by default; pass
``--db-url URL`` (or set ``SELFDATA_TEST_DATABASE_URL``) to run the same tests on another
database such as PostgreSQL. Workshops are isolated by their code, so a shared database is
fine as long as tests do not run in parallel against it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfdata.store import Store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db-url",
        default=os.environ.get("SELFDATA_TEST_DATABASE_URL", ""),
        help="SQLAlchemy URL for store tests (default: a temporary SQLite file per test)",
    )


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url: str = request.config.getoption("--db-url")
    return url or f"sqlite:///{tmp_path / 'workshops.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.dispose()
