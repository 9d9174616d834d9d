"""AppTest fixtures: a throwaway SQLite store per test, workshops created from the examples
through the services, and a helper that runs one page script alone with an address."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from selfdata.store import Store
from tests.app.room_helpers import ROOT, Room, open_room


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Every AppTest session has the same id ("test session id"), so the per-client rate
    limits (selfdata/ui/throttle.py) would carry over from test to test: each test starts as
    a fresh server would, with full buckets."""
    from selfdata.ui.throttle import limiter

    limiter.clear()
    yield
    limiter.clear()


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The store the app will open: ``SELFDATA_DB`` points at a fresh file."""
    path = tmp_path / "app.db"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SELFDATA_DEMO", raising=False)
    monkeypatch.setenv("SELFDATA_DB", str(path))
    monkeypatch.setenv("SELFDATA_PUBLIC_URL", "http://atelier.example:8501")
    store = Store(f"sqlite:///{path}")
    yield store
    store.dispose()


@pytest.fixture
def room(app_store: Store) -> Room:
    return open_room(app_store)


PageRunner = Callable[..., AppTest]


@pytest.fixture
def run_page(app_store: Store) -> PageRunner:
    """``run_page("needs", code=…, token=…)``: the page script run alone with that address."""

    def run(page: str, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
        at.query_params.update(params)
        return at.run()

    return run
