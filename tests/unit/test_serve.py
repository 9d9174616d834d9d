"""``python -m selfdata serve``: HAProxy's configuration, the replicas' environment, and the
fallbacks (one replica, or no HAProxy: one process, as ``streamlit run``). The servers
themselves are started by tests/integration/test_serve_replicas.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from selfdata.cli import main
from selfdata.commands import serve
from selfdata.store import Store


def test_haproxy_config_is_sticky_checks_health_and_keeps_websockets_open() -> None:
    text = serve.haproxy_config("0.0.0.0", 8501, [40001, 40002], Path("/tmp/x/haproxy.sock"))
    assert "bind 0.0.0.0:8501" in text
    assert "balance leastconn" in text
    assert f"cookie {serve.REPLICA_COOKIE} insert indirect nocache" in text
    assert "server r1 127.0.0.1:40001 cookie r1" in text
    assert "server r2 127.0.0.1:40002 cookie r2" in text
    assert "option httpchk GET /_stcore/health" in text
    assert "check inter 2s" in text  # every replica's health, every 2 s
    assert "timeout tunnel 8h" in text  # a tab's websocket is not cut after a minute
    assert "stats socket /tmp/x/haproxy.sock" in text


def test_haproxy_accepts_the_configuration(tmp_path: Path) -> None:
    binary = serve.haproxy_binary()
    if binary is None:
        pytest.skip("HAProxy is not installed (make system-deps)")
    config = tmp_path / "haproxy.cfg"
    config.write_text(serve.haproxy_config("127.0.0.1", 8501, [40001, 40002, 40003]))
    checked = subprocess.run(
        [binary, "-c", "-f", str(config)], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_replicas_print_the_balancers_address_and_share_one_database(tmp_path: Path) -> None:
    env = serve.replica_env({"SELFDATA_DB": "var/x.db"}, 8601)
    assert env["SELFDATA_PUBLIC_URL"].endswith(":8601")  # QR codes name HAProxy's port
    assert Path(env["SELFDATA_DB"]).is_absolute()
    configured = serve.replica_env({"SELFDATA_PUBLIC_URL": "https://atelier.example/"}, 8601)
    assert configured["SELFDATA_PUBLIC_URL"] == "https://atelier.example"


def test_free_ports_are_distinct() -> None:
    ports = serve.free_ports(4)
    assert len(set(ports)) == 4


def _exec_capture(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    seen: list[list[str]] = []

    def fake_exec(path: str, args: list[str]) -> None:
        seen.append(list(args))
        raise SystemExit(0)

    monkeypatch.setattr(serve.os, "execv", fake_exec)
    monkeypatch.setattr(serve.os, "chdir", lambda _p: None)
    return seen


def test_one_replica_is_streamlit_run_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _exec_capture(monkeypatch)
    with pytest.raises(SystemExit):
        main(["serve", "--replicas", "1", "--port", "8611"])
    assert seen == [
        [sys.executable, "-m", "selfdata.ui", "run", str(serve.APP), "--server.port=8611"]
    ]


def test_without_haproxy_one_process_and_a_one_line_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = _exec_capture(monkeypatch)
    monkeypatch.setattr(serve, "haproxy_binary", lambda: None)
    with pytest.raises(SystemExit):
        main(["serve", "--replicas", "3", "--port", "8612"])
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "haproxy is not installed" in err[0] and "3 replicas" in err[0]
    assert len(seen) == 1 and "--server.port=8612" in seen[0]


def test_a_malformed_option_is_one_clear_line() -> None:
    with pytest.raises(SystemExit, match="KEY=VALUE"):
        main(["serve", "--option", "nonsense"])


def test_make_run_starts_the_supervisor_with_replicas_after_the_health_gate() -> None:
    makefile = (serve.ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    health = run.index("-m selfdata health")
    assert run.index("-m selfdata serve --replicas $(REPLICAS) --port $(PORT)") > health
    assert "REPLICAS ?=" in makefile and "haproxy" in makefile.split("system-deps:", 1)[1]


def test_make_runs_default_is_one_replica_per_core_at_most_four() -> None:
    dry = subprocess.run(
        ["make", "-n", "run"], cwd=serve.ROOT, capture_output=True, text=True, timeout=60
    )
    cores = len(os.sched_getaffinity(0))
    assert f"serve --replicas {min(cores, 4)} --port 8501" in dry.stdout, dry.stdout[-500:]
    forced = subprocess.run(
        ["make", "-n", "run", "REPLICAS=1"], cwd=serve.ROOT, capture_output=True, text=True
    )
    assert "serve --replicas 1 --port 8501" in forced.stdout


def test_the_replicas_share_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'shared.db'}")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        store.dispose()


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


def test_when_one_child_dies_the_supervisor_stops_the_others() -> None:
    supervisor = serve.Supervisor(
        replicas=2, port=0, address="127.0.0.1", haproxy="haproxy", options={}, state_dir=None
    )
    children = [serve._Child(f"replica {i}", _sleeper()) for i in (1, 2)]
    children.append(serve._Child("haproxy", _sleeper()))
    supervisor.children = list(children)
    children[1].proc.kill()
    children[1].proc.wait(10)
    with pytest.raises(serve.ChildDied, match="replica 2 exited"):
        supervisor._watch()
    supervisor._stop_all()
    assert all(c.proc.poll() is not None for c in children)


def test_a_stop_signal_ends_the_watch_cleanly() -> None:
    supervisor = serve.Supervisor(
        replicas=2, port=0, address="127.0.0.1", haproxy="haproxy", options={}, state_dir=None
    )
    child = serve._Child("replica 1", _sleeper())
    supervisor.children = [child]
    supervisor._on_signal(signal.SIGTERM, None)
    assert supervisor._watch() == 0
    supervisor._stop_all()
    assert child.proc.poll() is not None
