"""The websocket client in bench/protocol.py drives a real Streamlit server like a browser."""

from __future__ import annotations

import asyncio
import sqlite3
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.protocol import (
    FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    StreamlitServer,
    StreamlitSession,
)

pytestmark = pytest.mark.slow

APP = textwrap.dedent(
    """
    import os
    import sqlite3

    import streamlit as st

    db = sqlite3.connect(
        os.environ["COUNTER_DB"], timeout=30, isolation_level=None, check_same_thread=False
    )
    db.execute("create table if not exists clicks(id integer primary key, who text)")
    who = st.query_params.get("who", "anonymous")
    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    if st.button("Increment", key="inc"):
        db.execute("insert into clicks(who) values (?)", (who,))
    total = db.execute("select count(*) from clicks").fetchone()[0]
    st.markdown(f"total={total}")
    st.markdown(f"who={who}")
    st.markdown(f"runs={st.session_state.runs}")
    colour = st.radio("Colour", ["red", "green", "blue"], key="colour")
    st.markdown(f"colour={colour}")


    @st.fragment(run_every=0.5)
    def live():
        st.markdown(f"live={db.execute('select count(*) from clicks').fetchone()[0]}")


    live()
    """
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("tiny_app")
    (root / "app.py").write_text(APP, encoding="utf-8")
    db = root / "counter.db"
    server = StreamlitServer(root / "app.py", cwd=root, env={"COUNTER_DB": str(db)})
    with server:
        yield server.url, db


def clicks_by(db: Path, who: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from clicks where who=?", (who,)).fetchone()[0])


def line(session: StreamlitSession, prefix: str) -> str:
    return next(t for t in session.texts() if t.startswith(prefix))


def test_first_rerun_runs_the_script_and_shows_its_widgets(served: tuple[str, Path]) -> None:
    url, _ = served

    async def scenario() -> None:
        async with StreamlitSession(url, query_string="who=viewer") as s:
            result = await s.rerun()
            assert result.ok and result.latency_s > 0
            assert line(s, "who=") == "who=viewer"
            assert s.find_widget("inc")[0] == "button"
            assert s.find_widget("colour")[0] == "radio"
            assert not s.has_widget("missing")

    asyncio.run(scenario())


@pytest.mark.parametrize("clicks", [1, 3])
def test_each_click_runs_the_button_branch_exactly_once(
    served: tuple[str, Path], clicks: int
) -> None:
    url, db = served
    who = f"clicker{clicks}"

    async def scenario() -> None:
        async with StreamlitSession(url, query_string=f"who={who}") as s:
            await s.rerun()
            for _ in range(clicks):
                assert (await s.click("inc")).ok
            # Plain reruns afterwards must not replay the trigger.
            await s.rerun()
            await s.rerun()

    asyncio.run(scenario())
    assert clicks_by(db, who) == clicks


def test_a_radio_value_is_kept_across_reruns(served: tuple[str, Path]) -> None:
    url, _ = served

    async def scenario() -> None:
        async with StreamlitSession(url) as s:
            await s.rerun()
            assert line(s, "colour=") == "colour=red"
            await s.set_value("colour", "blue")
            assert line(s, "colour=") == "colour=blue"
            await s.rerun()
            assert line(s, "colour=") == "colour=blue"

    asyncio.run(scenario())


def test_two_clients_get_separate_sessions(served: tuple[str, Path]) -> None:
    url, _ = served

    async def scenario() -> None:
        async with StreamlitSession(url) as a, StreamlitSession(url) as b:
            await a.rerun()
            await b.rerun()
            await a.set_value("colour", "green")
            await a.rerun()
            await b.rerun()
            assert line(a, "runs=") == "runs=3"
            assert line(b, "runs=") == "runs=2"
            assert line(a, "colour=") == "colour=green"
            assert line(b, "colour=") == "colour=red"

    asyncio.run(scenario())


def test_a_timed_fragment_reruns_alone_and_sees_another_clients_click(
    served: tuple[str, Path],
) -> None:
    url, _ = served

    async def scenario() -> None:
        async with StreamlitSession(url) as projector, StreamlitSession(url) as voter:
            await projector.rerun()
            assert list(projector.auto_reruns.values()) == [0.5]
            before = int(line(projector, "live=").removeprefix("live="))
            runs_before = line(projector, "runs=")
            await voter.rerun()
            await voter.click("inc")
            result = await projector.rerun_fragment()
            assert result.ok and result.status == FINISHED_FRAGMENT_RUN_SUCCESSFULLY
            assert line(projector, "live=") == f"live={before + 1}"
            # Only the fragment ran: the rest of the page is untouched.
            assert line(projector, "runs=") == runs_before

    asyncio.run(scenario())


def test_a_script_exception_is_reported_as_a_failed_run(tmp_path: Path) -> None:
    (tmp_path / "boom.py").write_text("raise ValueError('boom')\n", encoding="utf-8")

    async def scenario(url: str) -> None:
        async with StreamlitSession(url) as s:
            result = await s.rerun()
            assert not result.ok
            assert any("boom" in e for e in result.exceptions)

    with StreamlitServer(tmp_path / "boom.py", cwd=tmp_path) as server:
        asyncio.run(scenario(server.url))


MULTIPAGE = textwrap.dedent(
    """
    import streamlit as st


    def home():
        st.markdown("page=home")


    def needs():
        st.markdown("page=needs")
        st.markdown(f"code={st.query_params.get('code', '')}")
        st.button("Vote", key="vote_n1")


    st.navigation([st.Page(home, title="Home", default=True), st.Page(needs, title="Needs")]).run()
    """
)


@pytest.mark.parametrize(("page", "shown"), [("", "page=home"), ("needs", "page=needs")])
def test_a_page_opens_by_its_url_path_with_its_query_string(
    tmp_path: Path, page: str, shown: str
) -> None:
    (tmp_path / "multi.py").write_text(MULTIPAGE, encoding="utf-8")

    async def scenario(url: str) -> None:
        async with StreamlitSession(url, query_string="code=ABC234", page_name=page) as s:
            assert (await s.rerun()).ok
            assert shown in s.texts()
            assert set(s.session_pages) == {"", "needs"}  # the default page is ""
            if page == "needs":
                assert "code=ABC234" in s.texts()
                assert s.has_widget("vote_n1")
            # Navigating elsewhere goes by url path too.
            other, other_shown = ("", "page=home") if page else ("needs", "page=needs")
            await s.rerun(page=other)
            assert other_shown in s.texts()

    with StreamlitServer(tmp_path / "multi.py", cwd=tmp_path) as server:
        asyncio.run(scenario(server.url))


APP_RERUN_FROM_FRAGMENT = textwrap.dedent(
    """
    import streamlit as st

    st.session_state.setdefault("full_runs", 0)
    st.session_state.full_runs += 1
    st.markdown(f"full_runs={st.session_state.full_runs}")
    if st.session_state.full_runs == 1:
        st.markdown("only on the first run")


    @st.fragment(run_every=5)
    def watch():
        st.markdown("watching")
        if st.query_params.get("changed") == "yes" and not st.session_state.get("reran"):
            st.session_state.reran = True
            st.rerun(scope="app")


    watch()
    """
)


def test_a_fragment_that_asks_for_an_app_rerun_redraws_the_whole_page(tmp_path: Path) -> None:
    (tmp_path / "watch.py").write_text(APP_RERUN_FROM_FRAGMENT, encoding="utf-8")

    async def scenario(url: str) -> None:
        async with StreamlitSession(url, query_string="changed=no") as s:
            await s.rerun()
            assert "only on the first run" in s.texts()
            s.query_string = "changed=yes"
            result = await s.rerun_fragment()
            assert result.ok
            assert "full_runs=2" in s.texts()
            # The full run replaced the page: what it no longer draws is gone.
            assert "only on the first run" not in s.texts()
            assert "watching" in s.texts()

    with StreamlitServer(tmp_path / "watch.py", cwd=tmp_path) as server:
        asyncio.run(scenario(server.url))


def test_a_short_load_run_on_the_tiny_app_accounts_for_every_vote() -> None:
    from bench.load import run_load

    report = run_load("tiny", participants=3, duration_s=4.0, think_s=0.3, seed=7)
    assert report.errors == 0, report.error_samples
    assert report.votes_acked > 0
    assert report.votes_stored == report.votes_acked
    assert (report.votes_lost, report.votes_duplicated, report.stale_renders) == (0, 0, 0)
    assert report.p95_s > 0 and report.visible_p95_s < 5
    assert report.rss_max_mb > 0


RATING_PAGES = textwrap.dedent(
    """
    import streamlit as st

    st.session_state.setdefault("changes", 0)


    def changed():
        st.session_state.changes += 1


    def home():
        st.markdown("page=home")


    def rate():
        st.radio("Note", ["1", "2", "3"], key="mark", on_change=changed)
        st.markdown(f"changes={st.session_state.changes}")


    st.navigation([st.Page(home, title="Home", default=True), st.Page(rate, title="Rate")]).run()
    """
)


def test_a_widget_that_left_the_page_is_not_sent_again_as_the_browser_does(
    tmp_path: Path,
) -> None:
    (tmp_path / "rating.py").write_text(RATING_PAGES, encoding="utf-8")

    async def scenario(url: str) -> None:
        async with StreamlitSession(url, page_name="rate") as s:
            await s.rerun()
            await s.set_value("mark", "3")
            assert "changes=1" in s.texts()
            await s.rerun(page="")  # to another page: the radio leaves, its value too
            assert not s.has_widget("mark")
            await s.rerun(page="rate")  # back: a fresh radio, no second change
            assert "changes=1" in s.texts()

    with StreamlitServer(tmp_path / "rating.py", cwd=tmp_path) as server:
        asyncio.run(scenario(server.url))
