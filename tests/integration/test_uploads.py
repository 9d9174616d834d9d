"""Uploads are limited on the server before the cost is paid (selfdata/ui/uploads.py):

- a session whose page shows no uploader (a script, a tablet) is refused before the body is
  read, and the server's memory stays where it was;
- a session with an uploader cannot send more than ``server.maxUploadSize`` (6 MB, refused
  from the Content-Length), nor pile up files;
- an imported file's bytes are released at once, not when the tab closes.

The gate relies on Streamlit internals (``Runtime.is_active_session`` called by the upload
route alone, before the body is read; ``MemoryUploadedFileManager.file_storage`` and
``remove_file``): the last tests pin them."""

from __future__ import annotations

import asyncio
import inspect
import re
import threading
import time
import tomllib
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
import streamlit
from sqlalchemy import select

from bench.protocol import StreamlitServer, StreamlitSession
from selfdata.app import services
from selfdata.files.loading import ROOT
from selfdata.store import Store
from selfdata.store import schema as t
from selfdata.ui.home_import import UPLOAD_LIMIT_MB
from selfdata.ui.prepare_view import SHEET_LIMIT_MB
from selfdata.ui.uploads import MAX_FILES_PER_SESSION, UPLOAD_PAGES

pytestmark = pytest.mark.slow

RSS_SLACK_MB = 50
BIG = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    db = tmp_path_factory.mktemp("uploads") / "selfdata.db"
    store = Store(f"sqlite:///{db}")
    services.create_workshop(store, title="Atelier eau", territory="Testville", theme="water")
    store.dispose()
    env = {"SELFDATA_DB": str(db), "SELFDATA_PUBLIC_URL": "http://127.0.0.1"}
    with StreamlitServer(ROOT / "workshop_app.py", cwd=ROOT, env=env) as running:
        yield running


def _workshop_code(server: StreamlitServer) -> str:
    store = Store(f"sqlite:///{server.env['SELFDATA_DB']}", create=False)
    try:
        return store.read(lambda c: str(c.execute(select(t.workshops.c.code)).scalars().first()))
    finally:
        store.dispose()


def _rss_mb(server: StreamlitServer) -> float:
    assert server.proc is not None
    return psutil.Process(server.proc.pid).memory_info().rss / 1e6


def _multipart(data: bytes, name: str = "big.yaml") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="UploadedFile"; '
        f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), boundary


async def _put(tab: StreamlitSession, data: bytes) -> int | None:
    """A raw PUT of ``data`` to this tab's session, as a script would: the status, or None
    when the server closed the connection on the refused body."""
    body, boundary = _multipart(data)
    try:
        status, _ = await tab.fetch(
            f"/_stcore/upload_file/{tab.session_id}/{uuid.uuid4()}",
            method="PUT",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "X-Xsrftoken": tab.cookies.get("_streamlit_xsrf", ""),
            },
        )
    except OSError:
        return None
    return status


def _uploaded_bytes(server: StreamlitServer) -> int:
    """What Streamlit's upload manager holds, from the server's own metrics endpoint (which
    caches this figure for up to 5 s: see :func:`_until`)."""
    with urllib.request.urlopen(server.url + "/_stcore/metrics", timeout=5) as reply:
        text = reply.read().decode()
    found = re.findall(r'cache_type="UploadedFileManager"[^}]*\}\s+(\d+)', text)
    return sum(int(n) for n in found)


async def _until(server: StreamlitServer, holds: Callable[[int], bool]) -> int:
    """The upload manager's bytes once ``holds`` is true of them (15 s at most)."""
    deadline = time.monotonic() + 15
    while not holds(held := _uploaded_bytes(server)) and time.monotonic() < deadline:
        await asyncio.sleep(0.25)
    return held


def _with_peak(server: StreamlitServer, job: object) -> tuple[object, float]:
    peak = [_rss_mb(server)]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss_mb(server))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = asyncio.run(job)  # type: ignore[arg-type]
    finally:
        done.set()
        watcher.join()
    return result, peak[0]


# first: the other tests' sessions leave their own files until they are reaped
def test_an_imported_workshop_file_is_released_from_memory_at_once(
    server: StreamlitServer,
) -> None:
    example = (ROOT / "scenarios" / "la_rochelle.yaml").read_bytes()

    async def import_it() -> tuple[int, int]:
        async with StreamlitSession(server.url, load_page=True) as tab:
            assert (await tab.rerun()).ok
            assert (await tab.upload("home_import_file", "atelier.yaml", example)).ok
            held = await _until(server, lambda n: n >= len(example))
            assert (await tab.click("home_import_go")).ok
            return held, await _until(server, lambda n: n == 0)

    held, after = asyncio.run(import_it())
    assert held >= len(example)  # kept while previewed, for the "Import" button
    assert after == 0  # released once imported, the tab still open


def test_an_anonymous_20_mb_upload_is_refused_unread_and_memory_stays(
    server: StreamlitServer,
) -> None:
    code = _workshop_code(server)

    async def anonymous() -> tuple[bool, list[int | None]]:
        # the projector's link: anyone with the join code may open it, with no identity
        query = f"code={code}&view=projection"
        async with StreamlitSession(
            server.url, page_name="projection", query_string=query, load_page=True
        ) as tab:
            assert (await tab.rerun()).ok
            shows_uploader = any(kind == "file_uploader" for kind, _ in tab.widget_keys())
            small = await _put(tab, b"x" * 1024)  # refused for who sends it, not its size
            return shows_uploader, [small] + [await _put(tab, b"x" * BIG) for _ in range(3)]

    asyncio.run(anonymous())  # warm up: imports, caches, a first session
    before = _rss_mb(server)
    (shows_uploader, statuses), peak = _with_peak(server, anonymous())
    time.sleep(1)
    after = _rss_mb(server)
    print(f"RSS before {before:.0f} MB, peak {peak:.0f} MB, after {after:.0f} MB: {statuses}")
    assert not shows_uploader
    assert statuses[0] == 400 and set(statuses[1:]) <= {400, None}, statuses
    assert after - before < RSS_SLACK_MB and peak - before < RSS_SLACK_MB, (before, peak, after)
    assert asyncio.run(_until(server, lambda n: n == 0)) == 0


def test_a_session_with_an_uploader_cannot_send_20_mb_nor_pile_up_files(
    server: StreamlitServer,
) -> None:
    async def home() -> list[int | None]:
        async with StreamlitSession(server.url, load_page=True) as tab:
            assert (await tab.rerun()).ok
            assert tab.has_widget("home_import_file")
            big = await _put(tab, b"x" * BIG)
            small = [await _put(tab, b"schema: x\n") for _ in range(4)]
            return [big, *small]

    before = _rss_mb(server)
    statuses, peak = _with_peak(server, home())
    after = _rss_mb(server)
    assert statuses[0] in (413, None), statuses  # over server.maxUploadSize, unread
    assert statuses[1:3] == [204, 204] and statuses[3:] == [400, 400], statuses
    assert after - before < RSS_SLACK_MB and peak - before < RSS_SLACK_MB, (before, peak, after)


def test_the_server_s_upload_limit_is_the_largest_uploader_s() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == max(UPLOAD_LIMIT_MB, SHEET_LIMIT_MB) == 6


def test_streamlit_calls_the_gated_session_check_only_from_the_upload_route_before_reading() -> (
    None
):
    package = Path(streamlit.__file__).parent
    callers = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "test" not in p.name and ".is_active_session(" in p.read_text(encoding="utf-8")
    )
    assert callers == ["runtime/runtime.py", "web/server/starlette/starlette_routes.py"]
    from streamlit.web.server.starlette import starlette_routes

    source = inspect.getsource(starlette_routes.create_upload_routes)
    put = source[source.index("async def _upload_put") :]
    assert put.index("runtime.is_active_session(") < put.index("request.stream()")
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    manager = MemoryUploadedFileManager("/_stcore/upload_file")
    assert isinstance(manager.file_storage, dict) and callable(manager.remove_file)


def test_the_readme_states_the_upload_rules_the_server_applies() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert f"up to {config['server']['maxUploadSize']} MB (`server.maxUploadSize`" in readme
    assert f"{('two', 'three')[MAX_FILES_PER_SESSION - 2]} files at most per tab" in readme
    assert UPLOAD_PAGES == {"home", "prepare"}
    assert "home's workshop import, the preparation page's inventory import" in readme
