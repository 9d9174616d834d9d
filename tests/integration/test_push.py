"""Push instead of poll (selfdata/ui/push.py), on the real server: when a workshop changes,
the server reruns the live fragment of the screens watching it — the projector shows a
vote without asking, a tablet follows the facilitator's step without asking, an idle
tablet is left alone when someone else votes, and so is another workshop's projector. And
the Streamlit internals the push relies on are pinned: if Streamlit renames or changes
them, this file fails."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime import Runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    FragmentThreadState,
    ScriptRunContext,
    ThreadState,
)
from streamlit.runtime.session_manager import SessionManager

from bench.protocol import StreamlitServer, StreamlitSession
from selfdata.app import services
from selfdata.files.loading import ROOT
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url
from selfdata.ui import live

pytestmark = pytest.mark.slow

PUSHED_WITHIN_S = 10.0  # generous for a busy machine; bench/load.py measures it


def test_the_streamlit_internals_the_push_relies_on_are_still_there() -> None:
    # Runtime._session_mgr: the sessions of the process, by id.
    assert "_session_mgr" in inspect.getsource(Runtime.__init__)
    assert callable(SessionManager.get_active_session_info)
    # AppSession: its event loop, whether it still holds a fragment, a rerun on request.
    assert "self._event_loop = asyncio.get_running_loop()" in inspect.getsource(AppSession)
    assert list(inspect.signature(AppSession.has_fragment).parameters) == ["self", "fragment_id"]
    # _scriptrunner: None when no run is going or queued (a push then starts one alone).
    source = inspect.getsource(AppSession)
    assert "self._scriptrunner: ScriptRunner | None = None" in source
    assert "self._scriptrunner = None" in inspect.getsource(
        AppSession._handle_scriptrunner_event_on_event_loop
    )
    assert list(inspect.signature(AppSession.request_rerun).parameters) == ["self", "client_state"]
    # A fragment rerun is asked for with these ClientState fields.
    fields = set(ClientState.DESCRIPTOR.fields_by_name)
    assert {"query_string", "page_script_hash", "fragment_id", "is_auto_rerun"} <= fields
    # The running fragment's id.
    assert callable(ThreadState.get)
    # Whether this run is a fragment's own (live.py reads the pulse only then).
    assert "fragment_ids_this_run" in {f.name for f in dataclasses.fields(ScriptRunContext)}
    assert "fragment_id" in {f.name for f in dataclasses.fields(FragmentThreadState)}


@dataclass
class Room:
    store: Store
    code: str
    secret: str
    tokens: list[str]
    other_code: str


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    store = Store(sqlite_url(tmp_path / "push.db"))
    created = services.create_workshop(store, example="la_rochelle")
    services.set_step(store, created.code, created.secret, "needs")
    services.set_locked(store, created.code, created.secret, False)
    services.set_vote_settings(store, created.code, created.secret, budget=50, cap=50)
    services.set_revealed(store, created.code, created.secret, "needs", False)  # the room votes
    tokens = [services.join(store, created.code, f"Tablette {i}").token for i in range(2)]
    other = services.create_workshop(store, example="la_rochelle")  # another room, same server
    yield Room(store, created.code, created.secret, tokens, other.code)
    store.dispose()


@pytest.fixture
def server(room: Room, tmp_path: Path) -> Iterator[StreamlitServer]:
    srv = StreamlitServer(
        ROOT / "workshop_app.py",
        cwd=ROOT,
        env={"SELFDATA_DB": str(tmp_path / "push.db"), "SELFDATA_DEMO": ""},
        log_path=tmp_path / "server.log",
    )
    try:
        srv.start(timeout_s=60)
        yield srv
    finally:
        srv.stop()


def shown_dots(projector: StreamlitSession) -> int | None:
    label = t("counts.dots", "fr") + ": "
    for text in projector.texts():
        if text.startswith(label):
            return int(text.removeprefix(label))
    return None


def test_the_slow_timers_are_only_a_safety_net() -> None:
    assert live.SAFETY_POLL_SECONDS >= 5 * live.POLL_SECONDS
    assert live.TABLET_SAFETY_POLL_SECONDS >= 5 * live.TABLET_POLL_SECONDS


def test_a_vote_is_pushed_to_the_projector_and_a_step_to_the_tablets(
    room: Room, server: StreamlitServer
) -> None:
    async def workshop() -> None:
        projector = StreamlitSession(server.url, query_string=f"code={room.code}&view=projection")
        voter, idle = (
            StreamlitSession(server.url, query_string=f"code={room.code}&token={tok}")
            for tok in room.tokens
        )
        other = StreamlitSession(server.url, query_string=f"code={room.other_code}&view=projection")
        try:
            for session in (projector, voter, idle, other):
                await session.connect()
            assert (await projector.rerun()).ok
            assert (await other.rerun()).ok
            # The projector's own timer is slow: anything seen sooner was pushed.
            assert min(projector.auto_reruns.values()) >= live.SAFETY_POLL_SECONDS
            before = shown_dots(projector)
            assert before is not None, projector.texts()
            assert (await voter.rerun(page="needs")).ok
            assert (await idle.rerun(page="needs")).ok
            assert min(idle.auto_reruns.values()) >= live.TABLET_SAFETY_POLL_SECONDS

            keys = [k for k, _ in voter.widget_keys() if k.startswith("needs_vote_")]
            assert voter.widget_fragment(keys[0]), "the vote board is a fragment"
            tapped = await voter.click(keys[0])
            assert tapped.ok
            # A tap reruns the board alone, not the page (issue 25).
            runs = [
                m.metadata.run for m in tapped.messages if m.WhichOneof("type") == "new_session"
            ]
            assert runs and all(r.fragment_ids for r in runs), "the tap reran the whole page"
            for _ in range(20):  # pushed runs until one shows the vote
                pushed = await projector.next_push(PUSHED_WITHIN_S)
                assert pushed is not None, "nothing was pushed to the projector"
                if shown_dots(projector) == before + 1:
                    break
            assert shown_dots(projector) == before + 1
            # Someone else's dot never disturbs an idle tablet whose page does not show the
            # room's dots (the needs page before the reveal, issue 25): not even once its
            # PARTICIPANT_REFRESH_SECONDS for other contributions have passed.
            assert await idle.next_push(live.PARTICIPANT_REFRESH_SECONDS + 2.0) is None
            # Nor another workshop's projector on the same server.
            assert await other.next_push(0.5) is None

            # The facilitator moves on (here through the store, as another replica would):
            # the tablet is taken to the new step's page without asking.
            services.set_step(room.store, room.code, room.secret, "scenarios")
            for _ in range(5):
                pushed = await idle.next_push(PUSHED_WITHIN_S)
                assert pushed is not None, "the step change was not pushed to the tablet"
                if idle.page_name == "scenarios":
                    break
            assert idle.page_name == "scenarios"
        finally:
            for session in (projector, voter, idle, other):
                await session.close()

    asyncio.run(workshop())


def shown_count(screen: StreamlitSession, key: str) -> int | None:
    label = t(key, "fr") + ": "
    for text in screen.texts():
        if text.startswith(label):
            return int(text.removeprefix(label))
    return None


def test_a_rating_reruns_its_form_reaches_the_projector_and_leaves_the_other_tablets_alone(
    room: Room, server: StreamlitServer
) -> None:
    """Issue 25, the scenarios page before the results: a rating reruns the rating form
    alone; the room's count of raters is the projector's (pushed); an idle tablet is never
    redrawn for someone else's rating, and still is at once for a lock."""
    services.set_step(room.store, room.code, room.secret, "scenarios")
    services.set_revealed(room.store, room.code, room.secret, "scenarios", False)

    async def workshop() -> None:
        projector = StreamlitSession(server.url, query_string=f"code={room.code}&view=projection")
        rater, idle = (
            StreamlitSession(server.url, query_string=f"code={room.code}&token={tok}")
            for tok in room.tokens
        )
        try:
            for session in (projector, rater, idle):
                await session.connect()
            assert (await projector.rerun()).ok
            before = shown_count(projector, "counts.raters")
            assert before is not None, projector.texts()
            assert (await rater.rerun(page="scenarios")).ok
            assert (await idle.rerun(page="scenarios")).ok
            keys = [k for k, _ in rater.widget_keys() if k.startswith("scenarios_rate_")]
            assert rater.widget_fragment(keys[0]), "the rating form is a fragment"
            rated = await rater.set_value(keys[0], 4)
            assert rated.ok
            runs = [m.metadata.run for m in rated.messages if m.WhichOneof("type") == "new_session"]
            assert runs and all(r.fragment_ids for r in runs), "the rating reran the whole page"
            assert any("1 sur" in text for text in rater.texts()), "its own rating at once"
            for _ in range(20):
                pushed = await projector.next_push(PUSHED_WITHIN_S)
                assert pushed is not None, "nothing was pushed to the projector"
                if shown_count(projector, "counts.raters") == before + 1:
                    break
            assert shown_count(projector, "counts.raters") == before + 1
            assert await idle.next_push(live.PARTICIPANT_REFRESH_SECONDS + 2.0) is None
            services.set_locked(room.store, room.code, room.secret, True)
            assert await idle.next_push(PUSHED_WITHIN_S) is not None, "the lock was not pushed"
            controls = [k for k, _ in idle.widget_keys() if k.startswith("scenarios_rate_")]
            assert controls and all(idle.find_widget(k)[1].disabled for k in controls)
        finally:
            for session in (projector, rater, idle):
                await session.close()

    asyncio.run(workshop())
