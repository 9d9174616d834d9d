"""The benchmark aggregator and the load harness's bookkeeping (no server needed)."""

from __future__ import annotations

import sys
import types
from collections import Counter
from pathlib import Path

import pytest

from bench import load
from bench import run as bench_run


def fake_module(monkeypatch: pytest.MonkeyPatch, name: str, run: object) -> None:
    module = types.ModuleType(f"bench.{name}")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, f"bench.{name}", module)


def boom() -> list[dict[str, object]]:
    raise RuntimeError("engine exploded")


@pytest.fixture
def output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "BENCHMARKS.md"
    monkeypatch.setattr(bench_run, "OUTPUT", out)
    monkeypatch.setattr(bench_run, "MODULES", ("fine", "broken", "absent"))
    fake_module(monkeypatch, "fine", lambda: [{"name": "ranking", "median_s": 0.0123, "runs": 7}])
    fake_module(monkeypatch, "broken", boom)
    return out


def test_every_module_gets_a_section_saying_what_happened(output: Path) -> None:
    assert bench_run.main(["fine", "broken", "absent"]) == 1  # one benchmark failed
    text = output.read_text(encoding="utf-8")
    assert "| ranking | 0.0123 | 7 |" in text
    assert "failed: RuntimeError: engine exploded" in text
    assert "`bench/absent.py` does not exist yet" in text
    for heading in ("| cpus |", "| memory |", "| cpu model |", "| python |", "| streamlit |"):
        assert heading in text


def test_running_one_module_keeps_the_other_sections(output: Path) -> None:
    bench_run.main(["fine", "broken"])
    fake_module_text = output.read_text(encoding="utf-8")
    assert "engine exploded" in fake_module_text
    bench_run.main(["fine"])
    text = output.read_text(encoding="utf-8")
    assert "engine exploded" in text  # the broken section was kept, not rerun
    assert text.count("<!-- bench:fine -->") == 1


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.012345, "0.0123"), (float("nan"), "—"), (12345.6, "12346"), ("a|b", "a\\|b"), (None, "")],
)
def test_cells_are_short_and_never_break_the_table(value: object, shown: str) -> None:
    assert bench_run.fmt(value) == shown


def recorder(acks: list[float], renders: list[tuple[float, float, int]]) -> load.Recorder:
    return load.Recorder(vote_acks=acks, renders=renders)


@pytest.mark.parametrize(
    ("acks", "renders", "delays", "unseen", "stale"),
    [
        # a vote acked at 1.0 is shown by the render requested at 1.5 that ended at 1.6
        ([1.0], [(0.5, 0.6, 0), (1.5, 1.6, 1)], [0.6], 0, 0),
        # a render requested before the ack does not count, the next one does
        ([1.0], [(0.9, 1.2, 1), (2.0, 2.1, 1)], [1.1], 0, 0),
        # no render after the ack: the vote was never seen
        ([1.0, 3.0], [(2.0, 2.1, 1)], [1.1], 1, 0),
        # a render requested after two acks that shows one vote is stale
        ([1.0, 1.1], [(2.0, 2.1, 1)], [1.1, 1.0], 0, 1),
    ],
)
def test_vote_visibility_is_measured_from_ack_to_the_next_render(
    acks: list[float],
    renders: list[tuple[float, float, int]],
    delays: list[float],
    unseen: int,
    stale: int,
) -> None:
    got_delays, got_unseen, got_stale = load._visibility(recorder(acks, renders))
    assert got_delays == pytest.approx(delays)
    assert (got_unseen, got_stale) == (unseen, stale)


@pytest.mark.parametrize(
    ("acked", "uncertain", "stored", "lost", "duplicated"),
    [
        ({(0, "a"): 2}, {}, {(0, "a"): 2}, 0, 0),
        ({(0, "a"): 2}, {}, {(0, "a"): 1}, 1, 0),
        ({(0, "a"): 2}, {}, {(0, "a"): 3}, 0, 1),
        ({(0, "a"): 2}, {(0, "a"): 1}, {(0, "a"): 3}, 0, 0),  # a failed click that landed
        ({(0, "a"): 1}, {}, {(0, "a"): 1, (1, "b"): 1}, 0, 1),  # a vote nobody cast
    ],
)
def test_lost_and_duplicated_votes_compare_the_store_with_the_acknowledged_clicks(
    acked: dict[tuple[int, str], int],
    uncertain: dict[tuple[int, str], int],
    stored: dict[tuple[int, str], int],
    lost: int,
    duplicated: int,
) -> None:
    rec = load.Recorder(acked=Counter(acked), uncertain=Counter(uncertain))
    report = load._report("t", 1, 1.0, {}, rec, 1.0, 0.0, Counter(stored))
    assert (report.votes_lost, report.votes_duplicated) == (lost, duplicated)


def test_repeated_rooms_report_the_median_room_and_the_worst_ratio(monkeypatch) -> None:
    from types import SimpleNamespace

    p95s = iter([0.050, 0.300, 0.100, 0.200])  # the single tablet, then three rooms
    calls: list[int] = []

    def fake_run_load(scenario: str, *, participants: int, **_: object) -> SimpleNamespace:
        calls.append(participants)
        p95 = next(p95s)
        rep = SimpleNamespace(p95_s=p95, errors=0, votes_lost=0, votes_duplicated=int(p95 > 0.25))
        rep.as_dict = lambda: {"p95_s": p95, "participants": participants}
        return rep

    monkeypatch.setattr(load, "run_load", fake_run_load)
    result = load.compare("workshop", 40, 10.0, repeat=3)
    assert calls == [1, 40, 40, 40]
    assert result["many"]["p95_s"] == 0.200  # the median room, reported whole
    assert result["many_p95_s"] == [0.300, 0.100, 0.200]
    assert result["p95_ratio"] == pytest.approx(4.0)
    assert result["p95_ratio_worst"] == pytest.approx(6.0)
    assert result["many_lost_or_duplicated"] == 1  # a bad room is never hidden by the median
