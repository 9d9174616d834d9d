"""A browser's next request never cuts a widget callback short (:mod:`selfdata.ui.whole_callbacks`),
on a real Streamlit server driven like a browser: the second of two quick taps arrives while
the first one's callback is still writing."""

from __future__ import annotations

import asyncio
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from bench.protocol import StreamlitServer, StreamlitSession

pytestmark = pytest.mark.slow

APP = textwrap.dedent(
    """
    import os
    import time

    import streamlit as st

    import selfdata.ui  # noqa: F401  (what every page imports: installs the guard)

    LOG = os.environ["RUN_LOG"]


    def saved(key):
        time.sleep(0.6)  # a write that takes a while: the next tap arrives meanwhile
        value = st.session_state[key]  # a yield point, where the next request waits
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"saved {key}={value}\\n")


    st.segmented_control("A", [1, 2, 3], key="a", on_change=saved, args=("a",))
    st.segmented_control("B", [1, 2, 3], key="b", on_change=saved, args=("b",))
    """
)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    log = tmp_path / "saved.log"
    log.touch()
    root = Path(__file__).resolve().parents[2]
    server = StreamlitServer(
        tmp_path / "app.py", cwd=tmp_path, env={"RUN_LOG": str(log), "PYTHONPATH": str(root)}
    )
    with server:
        yield server.url, log


def test_a_tap_during_the_previous_taps_callback_leaves_that_callback_whole(
    served: tuple[str, Path],
) -> None:
    url, log = served

    async def two_quick_taps() -> None:
        async with StreamlitSession(url) as s:
            assert (await s.rerun()).ok  # the page load
            first = s.widget_state("a", 1)
            back = BackMsg()
            back.rerun_script.page_script_hash = s.page_script_hash
            back.rerun_script.page_name = s.page_name
            back.rerun_script.widget_states.widgets.extend([first])
            assert s._ws is not None
            await s._ws.send(back.SerializeToString())  # tap A: its callback writes 0.6 s
            await asyncio.sleep(0.2)
            result = await s.rerun([first, s.widget_state("b", 2)])  # tap B meanwhile
            assert result.ok

    asyncio.run(two_quick_taps())
    deadline = time.monotonic() + 10  # the answer read may be the first run's end
    while len(saved := log.read_text(encoding="utf-8").splitlines()) < 2:
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert sorted(saved) == ["saved a=1", "saved b=2"], "a callback was cut short: tap lost"
