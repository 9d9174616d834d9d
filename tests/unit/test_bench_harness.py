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


def test_a_written_comparison_section_survives_a_rerun(output: Path) -> None:
    """BENCHMARKS.md keeps hand-written comparisons (e.g. "Issue 13: the refactor, before and
    after") between their own markers when make bench rewrites the file."""
    bench_run.main(["fine"])
    written = (
        "<!-- bench:issue13 -->\n## Issue 13: before and after\n\n| a | b |\n"
        "<!-- /bench:issue13 -->"
    )
    output.write_text(output.read_text(encoding="utf-8") + "\n" + written + "\n", encoding="utf-8")
    bench_run.main(["fine"])
    assert written in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.012345, "0.0123"), (float("nan"), "—"), (12345.6, "12346"), ("a|b", "a\\|b"), (None, "")],
)
def test_cells_are_short_and_never_break_the_table(value: object, shown: str) -> None:
    assert bench_run.fmt(value) == shown


def recorder(acks: list[float], renders: list[tuple[float, float, int]]) -> load.Recorder:
    """Each click left 0.1 s before its answer."""
    return load.Recorder(vote_acks=acks, vote_sent=[a - 0.1 for a in acks], renders=renders)


@pytest.mark.parametrize(
    ("acks", "renders", "delays", "unseen", "stale"),
    [
        # a vote acked at 1.0 is shown by the render requested at 1.5 that ended at 1.6
        ([1.0], [(0.5, 0.6, 0), (1.5, 1.6, 1)], [0.6], 0, 0),
        # a render requested before the ack that does not show the vote does not count,
        # the next one does
        ([1.0], [(0.9, 1.2, 0), (2.0, 2.1, 1)], [1.1], 0, 0),
        # a render that ended after the click left and shows the vote counts, even if it
        # was requested (pushed) before the answer came: seen at 1.2
        ([1.0], [(0.9, 1.2, 1), (2.0, 2.1, 1)], [0.2], 0, 0),
        # … and one that ended before the answer: seen before the tablet knew (0 s)
        ([1.0], [(0.9, 0.95, 1), (2.0, 2.1, 1)], [0.0], 0, 0),
        # a render that ended before the click left does not count
        ([1.0], [(0.5, 0.8, 1), (2.0, 2.1, 1)], [1.1], 0, 0),
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


def test_bigroom_plays_each_room_on_one_process_then_on_the_replicas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Side by side: each room on 1 process then 2 replicas before the next room, and each
    row's ratio against the single tablet on the same number of replicas."""
    from bench import bigroom

    played: list[tuple[str, int, bool]] = []
    one_p95 = {1: 0.1, 2: 0.2}

    def fake_report(participants: int, replicas: int) -> load.LoadReport:
        rep = types.SimpleNamespace(
            participants=participants,
            vote_p95_s=one_p95[replicas] if participants == 1 else 0.4,
            join_p95_s=0.1,
            visible_p95_s=0.5,
            browser_tap_p95_s=0.3,
            browser_taps=3,
            errors=0,
            votes_lost=0,
            votes_duplicated=0,
            reruns_per_s=1.0,
            pushed_renders=1,
            tablet_pushes=0,
            server_cpu_s=1.0,
            other_cpu_s=2.0,
            loadavg_1m=3.5,
        )
        return rep  # type: ignore[return-value]

    probed: list[int] = []

    def fake_cost(tablets: int) -> object:
        probed.append(tablets)
        return types.SimpleNamespace(vote_ms=12.0, rating_ms=30.0, join_ms=25.0)

    def fake_load(_s: str, *, participants: int, replicas: int, balancer: bool, **_: object):  # type: ignore[no-untyped-def]
        played.append((str(participants), replicas, balancer))
        return fake_report(participants, replicas)

    def fake_rooms(_s: str, *, rooms: int, participants: int, replicas: int, **_: object):  # type: ignore[no-untyped-def]
        played.append((f"{rooms}x{participants}", replicas, True))
        return [fake_report(participants, replicas) for _ in range(rooms)]

    monkeypatch.setattr(bigroom, "run_load", fake_load)
    monkeypatch.setattr(bigroom, "run_rooms", fake_rooms)
    monkeypatch.setattr(bigroom.cpu_cost, "measure", fake_cost)
    monkeypatch.delenv("BENCH_BIGROOM_CPU", raising=False)
    monkeypatch.setenv("BENCH_BIGROOM_ROOMS", "1,100,2x30")
    monkeypatch.setenv("BENCH_BIGROOM_REPLICAS", "1,2")
    rows = bigroom.run()
    assert played == [
        ("1", 1, True),
        ("1", 2, True),
        ("100", 1, True),
        ("100", 2, True),
        ("2x30", 1, True),
        ("2x30", 2, True),
    ]
    ratios = {r["name"]: r["vote ratio"] for r in rows}
    assert ratios["100 tablets + projector, 1 process"] == pytest.approx(4.0)
    assert ratios["100 tablets + projector, 2 replicas (HAProxy)"] == pytest.approx(2.0)
    assert [r["replicas"] for r in rows] == [1, 2, 1, 2, 1, 1, 2, 2]
    # server CPU per interaction beside the latencies, probed on one process, with the load
    assert probed == [1, 100]
    cpu = {r["name"]: r["CPU ms vote/rating/join"] for r in rows}
    assert cpu["100 tablets + projector, 1 process"] == "12/30/25"
    assert cpu["100 tablets + projector, 2 replicas (HAProxy)"] == "—"
    assert {r["load 1m"] for r in rows} == {3.5}


def test_bigroom_plays_every_room_on_one_process_and_two_replicas_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench import bigroom

    monkeypatch.delenv("BENCH_BIGROOM_ROOMS", raising=False)
    monkeypatch.delenv("BENCH_BIGROOM_REPLICAS", raising=False)
    assert bigroom.rooms() == ["1", "40", "100", "r1", "r100", "3x30"]  # r: rating phase
    monkeypatch.setattr(bigroom, "haproxy_binary", lambda: "/usr/sbin/haproxy")
    assert bigroom.replica_counts() == [1, 2]
    monkeypatch.setattr(bigroom, "haproxy_binary", lambda: None)
    assert bigroom.replica_counts() == [1]


def test_a_rating_phase_vote_is_counted_as_the_store_keeps_a_rating(tmp_path: Path) -> None:
    """bench.workshop_load.RatingScenario: the target of a rating control is the key the
    store's ratings are counted under (participant, scenario and criterion), and the room
    is on the scenarios step with the results hidden."""
    from bench.workshop_load import RatingScenario
    from selfdata.app import services

    scenario = RatingScenario()
    scenario.prepare(tmp_path, 2)
    assert scenario.store is not None
    room = services.room_state(scenario.store, scenario.code)
    assert room.step == "scenarios" and "scenarios" not in room.revealed
    assert scenario.participant_entry(0)[1] == "scenarios"
    ratings = services.scenario_ratings(scenario.store, scenario.code, scenario.tokens[1])
    sid, crit = ratings.scenarios[0].id, ratings.criteria[0].criterion
    services.rate(scenario.store, scenario.code, scenario.tokens[1], sid, crit, 3)
    target = scenario.vote_target(f"scenarios_rate_{sid}_{crit}")
    assert scenario.stored_votes() == Counter({(1, target): 1})
    scenario.store.dispose()


def test_before_and_after_rows_are_matched_by_name_with_their_ratio() -> None:
    from bench import before_after

    before = [
        {"name": "figure", "median_s": 0.10},
        {"name": "gone", "median_s": 0.5},
        {"name": "no time", "runs": 3},
    ]
    after = [{"name": "figure", "median_s": 0.20}, {"name": "new", "median_s": 0.05}]
    rows = {r["name"]: r for r in before_after.compare(before, after, "figures")}
    assert set(rows) == {"figures: figure", "figures: gone", "figures: new"}
    assert rows["figures: figure"]["ratio"] == pytest.approx(2.0)
    assert rows["figures: figure"]["as before"] is False
    assert rows["figures: gone"]["after_s"] is None and "ratio" not in rows["figures: gone"]
    assert rows["figures: new"]["before_s"] is None
    same = before_after.compare(
        [{"name": "x", "median_s": 1.0}], [{"name": "x", "median_s": 1.1}], "m"
    )
    assert same[0]["as before"] is True


def test_the_default_earlier_commit_is_in_the_history() -> None:
    import subprocess

    from bench import before_after

    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=before_after.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shallow.stdout.strip() != "false":
        pytest.skip("a shallow clone (or no git): the history is not here")
    done = subprocess.run(
        ["git", "cat-file", "-t", before_after.DEFAULT_BEFORE],
        cwd=before_after.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "commit"


def test_before_and_after_keeps_each_rows_fastest_round() -> None:
    from bench import before_after

    first = [{"name": "a", "median_s": 0.2}, {"name": "b", "median_s": 0.1}]
    second = [{"name": "a", "median_s": 0.1}, {"name": "b", "median_s": 0.3}, {"name": "c"}]
    kept = {r["name"]: r.get("median_s") for r in before_after.fastest(first, second)}
    assert kept == {"a": 0.1, "b": 0.1, "c": None}


def test_page_reruns_are_timed_without_the_rerun_pace(monkeypatch: pytest.MonkeyPatch) -> None:
    """A benchmark rerunning a page flat out is the session the pace holds: inside
    ``unpaced`` every look at the pace's clock is a minute later (no run held), and the
    clock is given back afterwards. The pauses are counted, not timed."""
    from streamlit.testing.v1 import AppTest

    from bench.pace import unpaced
    from selfdata.ui import throttle

    pauses: list[float] = []
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(sleep=pauses.append))
    script = "from selfdata.ui import throttle\nthrottle.throttle_reruns()\n"
    runs = throttle.RERUNS_PER_WINDOW + 3
    real = throttle.clock

    def flat_out() -> int:
        pauses.clear()
        at = AppTest.from_string(script, default_timeout=30)
        for _ in range(runs):
            at.run()
        return len(pauses)

    with unpaced():
        looks = [throttle.clock() for _ in range(3)]
        assert all(b - a >= throttle.RERUN_WINDOW_S for a, b in zip(looks, looks[1:], strict=False))
        assert flat_out() == 0
    assert throttle.clock is real
    assert flat_out() >= 1, "the pace itself holds a session rerunning flat out"
