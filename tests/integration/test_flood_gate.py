"""The pace applied to a browser's request before any script starts (issue 29,
:mod:`selfdata.ui.flood_gate`), on a real Streamlit server driven like a browser."""

from __future__ import annotations

import asyncio
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from bench.protocol import StreamlitServer, StreamlitSession
from selfdata.ui import throttle

pytestmark = pytest.mark.slow

APP = textwrap.dedent(
    """
    import os
    import time

    import streamlit as st

    from selfdata.ui import throttle  # importing selfdata.ui installs the gate

    LOG = os.environ["RUN_LOG"]
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(f"start {time.monotonic()}\\n")
    throttle.throttle_reruns()  # what every page and form run does first
    if st.button("Vote", key="vote"):
        with open(LOG, "a", encoding="utf-8") as log:
            log.write("vote\\n")
    st.markdown("page")
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(f"end {time.monotonic()}\\n")
    """
)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    log = tmp_path / "runs.log"
    root = Path(__file__).resolve().parents[2]
    server = StreamlitServer(
        tmp_path / "app.py", cwd=tmp_path, env={"RUN_LOG": str(log), "PYTHONPATH": str(root)}
    )
    with server:
        yield server.url, log


def _runs(log: Path) -> list[tuple[float, float]]:
    """Each script run's (start, end), on the machine's monotonic clock."""
    starts, ends = [], []
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("start "):
            starts.append(float(line.split()[1]))
        elif line.startswith("end "):
            ends.append(float(line.split()[1]))
    return list(zip(starts, ends, strict=False))


def test_a_flooding_session_waits_before_its_script_starts(served: tuple[str, Path]) -> None:
    """Ten sessions rerunning flat out each ran its page's first part (who is looking, the
    navigation, the page's imports) before sleeping in the script, at every request. Now a
    request that must wait is kept at the door: no script runs while it waits, and a
    session asking for the same page again and again is flooding from its third request."""
    url, log = served
    asked = 12

    async def flood() -> list[float]:
        async with StreamlitSession(url) as s:
            assert (await s.rerun()).ok  # the page load (installs the gate in this process)
            answers = []
            for _ in range(asked):
                result = await s.rerun()  # a bare rerun, back to back
                assert result.ok
                answers.append(result.latency_s)
            return answers

    answers = asyncio.run(flood())
    runs = _runs(log)
    assert len(runs) == asked + 1, "every request ran exactly once"
    waited = [i for i, latency in enumerate(answers) if latency >= throttle.RERUN_PAUSE_S * 0.8]
    assert waited and waited[0] <= throttle.BARE_FLOODING_RUNS, answers
    # once flooding, its runs start a shared turn apart at the most (2 a second): counted on
    # the server's clock, not by the answers' latency (on a loaded machine a run and its
    # round trip can take the whole turn, and the next request then needs no wait)
    starts = [start for start, _ in runs[1:]]
    turn = 1.0 / throttle.OVER_PACE_RUNS_PER_S
    flooded = starts[waited[0] :]
    gaps = [round(b - a, 3) for a, b in zip(flooded, flooded[1:], strict=False)]
    assert all(gap >= turn * 0.8 for gap in gaps), (gaps, answers)
    inside = [end - start for start, end in runs[1:]]
    in_script = [(round(inside[i], 3), round(answers[i], 3)) for i in waited]
    assert all(run < answer / 2 for run, answer in in_script), f"waited in the script: {in_script}"


def test_a_tap_sent_while_a_request_waits_is_kept_and_runs_once(served: tuple[str, Path]) -> None:
    url, log = served

    async def tap_while_held() -> None:
        async with StreamlitSession(url) as s:
            for _ in range(throttle.BARE_FLOODING_RUNS + 2):  # flooding: the next one waits
                assert (await s.rerun()).ok
            back = BackMsg()
            back.rerun_script.page_script_hash = s.page_script_hash
            back.rerun_script.page_name = s.page_name
            assert s._ws is not None
            await s._ws.send(back.SerializeToString())  # a bare rerun, kept at the door
            sent = time.monotonic()
            result = await s.click("vote")  # a tap while it waits
            assert result.ok
            assert time.monotonic() - sent >= throttle.RERUN_PAUSE_S * 0.8, "it waited"

    asyncio.run(tap_while_held())
    votes = log.read_text(encoding="utf-8").splitlines().count("vote")
    assert votes == 1
