"""`make run`'s promise: the real server starts on the app and its health endpoint answers."""

from __future__ import annotations

import asyncio
import urllib.request
from pathlib import Path

import pytest

from bench.protocol import StreamlitServer, StreamlitSession
from selfdata.files.loading import ROOT

pytestmark = pytest.mark.slow


def test_the_app_serves_a_healthy_first_page(tmp_path: Path) -> None:
    env = {"SELFDATA_DB": str(tmp_path / "selfdata.db"), "SELFDATA_DEMO": "la_rochelle"}
    with StreamlitServer(ROOT / "workshop_app.py", cwd=ROOT, env=env) as server:
        with urllib.request.urlopen(server.url + "/_stcore/health", timeout=5) as reply:
            assert (reply.status, reply.read()) == (200, b"ok")

        async def first_visit() -> None:
            async with StreamlitSession(server.url) as tab:
                result = await tab.rerun()
                assert result.exceptions == []
                assert result.ok
                assert any("Self Data" in text for text in tab.texts())

        asyncio.run(first_visit())
