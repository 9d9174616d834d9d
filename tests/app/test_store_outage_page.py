"""A page on an unusable database: a clear translated message, no traceback, no path; and the
same session's page comes back once the database is usable again."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.store import Store
from tests.app.room_helpers import ROOT, raw_texts, texts
from tests.pg_cluster import Cluster, Unavailable, postgres_unavailable, start_cluster

LOST_FR = "Connexion à la base de données perdue"


def _page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    at.query_params.update(params)
    return at


def _shows_the_outage_and_nothing_else(at: AppTest, *hidden: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    shown = raw_texts(at)
    assert LOST_FR in shown
    assert "Traceback" not in shown and "OperationalError" not in shown
    for text in hidden:
        assert text not in shown


def test_home_on_an_unusable_database_says_so_and_comes_back_when_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "var"
    blocker.write_text("a file where the database's directory should be")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SELFDATA_DB", str(blocker / "workshops.db"))
    home = _page("home").run()
    _shows_the_outage_and_nothing_else(home, str(tmp_path))
    assert "home_code" not in {w.key for w in home.text_input}

    blocker.unlink()  # the operator fixes it
    home.run()
    assert not home.exception
    assert LOST_FR not in texts(home)
    assert home.text_input(key="home_code") is not None


@pytest.fixture
def cluster() -> Cluster:
    try:
        started = start_cluster()
    except Unavailable as exc:
        postgres_unavailable(str(exc))
    yield started  # type: ignore[misc]
    started.stop()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_tablet_page_during_a_postgresql_outage_recovers_in_the_same_session(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = cluster.fresh_url()
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store(url)
    created = services.create_workshop(store, example="la_rochelle")
    token = services.join(store, created.code, "Alice").token
    store.dispose()
    tablet = _page("needs", code=created.code, token=token).run()
    assert not tablet.exception and LOST_FR not in texts(tablet)

    assert cluster.pg_ctl("stop", "-m", "fast", "-w").returncode == 0
    tablet.run()
    port = str(cluster.admin_url.port)
    _shows_the_outage_and_nothing_else(tablet, port, "127.0.0.1", "postgresql")

    cluster.start()
    tablet.run()
    assert not tablet.exception
    assert LOST_FR not in texts(tablet)
    assert "Alice" in texts(tablet)
