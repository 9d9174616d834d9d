"""``python -m selfdata serve [--replicas N] [--port P]``: the app, as one command.

One replica is ``python -m selfdata.ui run workshop_app.py`` (``streamlit run`` with the
app's server-side fixes in place first; this process becomes it). With
N > 1, a small supervisor starts N Streamlit servers on free ports of 127.0.0.1, all on the
same database (``DATABASE_URL`` or the SQLite file ``SELFDATA_DB``, in WAL mode with a busy
timeout: several processes share it), and HAProxy in front of them on ``--address:--port``:

- **sticky sessions**: HAProxy sets a cookie naming the replica on a browser's first request
  and sends every later request of that browser to it (``cookie … insert indirect
  nocache``). What Streamlit keeps in one process's memory — a tab's session and its widgets,
  uploaded files, download buttons' files under ``/media/``, a tab reconnecting after a
  network blip — is found again on that replica;
- websockets (``/_stcore/stream``) pass through; new browsers go to the replica with the
  fewest connections (``balance leastconn``); each replica's ``/_stcore/health`` is checked
  every 2 s.

SIGINT and SIGTERM stop every child; if one child dies, the others are stopped and the
command exits 1. The HAProxy configuration is written to a temporary directory (or
``--state-dir``), with HAProxy's stats socket. Without HAProxy installed, one process is
started, with a one-line warning. The database's schema is created or migrated by
``python -m selfdata health``, which ``make run`` runs once before this command (a replica
starting on an up-to-date schema only checks it). Nothing else is loaded at start-up.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from selfdata.app.links import PUBLIC_URL_ENV, public_base_url
from selfdata.domain.errors import SelfDataError
from selfdata.files.loading import ROOT

APP = ROOT / "workshop_app.py"
REPLICA_COOKIE = "selfdata_replica"
"""HAProxy's cookie: the replica (``r1``, ``r2``…) a browser is bound to."""
HEALTH = "/_stcore/health"
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 10.0
_HAPROXY_PLACES = ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--replicas", type=int, default=1, metavar="N", help="app processes (default: 1)"
    )
    parser.add_argument("--port", type=int, default=8501, help="where browsers connect")
    parser.add_argument(
        "--address",
        default="",
        help="address to listen on (default: Streamlit's configuration, 0.0.0.0)",
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Streamlit option for every replica, e.g. runner.postScriptGC=false",
    )
    parser.add_argument(
        "--state-dir", type=Path, default=None, help="where to write HAProxy's configuration"
    )


def run(args: argparse.Namespace) -> int:
    replicas = max(1, int(args.replicas))
    _purge_expired()
    options = _options(args.option)
    haproxy = haproxy_binary()
    if replicas > 1 and haproxy is None:
        print(
            f"selfdata: WARNING: haproxy is not installed (apt-get install haproxy): "
            f"one app process instead of {replicas} replicas",
            file=sys.stderr,
            flush=True,
        )
        replicas = 1
    if replicas == 1:
        address = {"server.address": args.address} if args.address else {}
        cmd = streamlit_command(args.port, {**address, **options})
        sys.stdout.flush()
        os.environ.update(_absolute_db(os.environ))
        os.chdir(ROOT)  # the project's .streamlit/config.toml applies
        os.execv(cmd[0], cmd)  # as before: this process becomes the server
    assert haproxy is not None
    supervisor = Supervisor(
        replicas=replicas,
        port=args.port,
        address=args.address or "0.0.0.0",
        haproxy=haproxy,
        options=options,
        state_dir=args.state_dir,
    )
    return supervisor.run()


def _purge_expired() -> None:
    """Retention at start: erase the workshops past their retention date before any server
    answers (each server process then purges every hour: selfdata/app/retention.py)."""
    from selfdata.app.retention import purge_now
    from selfdata.store import Store, default_url

    os.environ.update(_absolute_db(os.environ))
    try:
        store = Store(default_url())
    except SelfDataError:
        return  # the server's own start says what is wrong with the database
    try:
        erased = purge_now(store)
    finally:
        store.dispose()
    if erased:
        print(f"selfdata: erased {erased} expired workshop(s)", flush=True)


def haproxy_binary() -> str | None:
    """HAProxy's executable (Debian puts it in /usr/sbin, often not on a user's PATH)."""
    found = shutil.which("haproxy")
    if found:
        return found
    return next((p for p in _HAPROXY_PLACES if os.access(p, os.X_OK)), None)


def streamlit_command(port: int, options: Mapping[str, str]) -> list[str]:
    # ``streamlit run``, with the app's server-side fixes in place before the first request
    # (selfdata/ui/__main__.py)
    cmd = [sys.executable, "-m", "selfdata.ui", "run", str(APP), f"--server.port={port}"]
    return cmd + [f"--{k}={v}" for k, v in options.items()]


def haproxy_config(
    address: str, port: int, backends: Sequence[int], stats_socket: Path | None = None
) -> str:
    """HAProxy's configuration: one frontend on ``address:port``, the replicas behind it."""
    stats = f"    stats socket {stats_socket} mode 600 level user\n" if stats_socket else ""
    servers = "".join(
        f"    server r{i} 127.0.0.1:{p} cookie r{i}\n" for i, p in enumerate(backends, start=1)
    )
    return (
        "# Written by `python -m selfdata serve` (selfdata/commands/serve.py): do not edit.\n"
        "global\n"
        "    maxconn 4096\n"
        f"{stats}"
        "\n"
        "defaults\n"
        "    mode http\n"
        "    option forwardfor\n"  # X-Forwarded-For: the creation limits count per address
        "    option http-server-close\n"
        "    timeout connect 5s\n"
        "    timeout client 60s\n"
        "    timeout server 300s\n"  # a large PDF built on a download's request
        "    timeout tunnel 8h\n"  # a websocket lives as long as its tab
        "    timeout client-fin 10s\n"
        "    timeout http-request 30s\n"
        "    timeout check 5s\n"
        "\n"
        "frontend selfdata\n"
        f"    bind {address}:{port}\n"
        "    default_backend replicas\n"
        "\n"
        "backend replicas\n"
        "    balance leastconn\n"
        f"    cookie {REPLICA_COOKIE} insert indirect nocache httponly attr SameSite=Lax\n"
        f"    option httpchk GET {HEALTH}\n"
        "    http-check expect status 200\n"
        "    default-server check inter 2s fall 3 rise 2\n"
        f"{servers}"
    )


def replica_env(environ: Mapping[str, str], port: int) -> dict[str, str]:
    """A replica's environment: the links it prints (QR codes, join links) name the balancer's
    port, not its own, and a relative SQLite path is made absolute (the replicas run in the
    app's folder)."""
    env = dict(environ)
    env[PUBLIC_URL_ENV] = public_base_url(port, environ)
    env.update(_absolute_db(environ))
    return env


def _absolute_db(environ: Mapping[str, str]) -> dict[str, str]:
    """``SELFDATA_DB`` made absolute (the servers run in the app's folder), if set."""
    db = environ.get("SELFDATA_DB", "").strip()
    return {"SELFDATA_DB": str(Path(db).resolve())} if db else {}


def free_ports(n: int) -> list[int]:
    """``n`` distinct free ports of 127.0.0.1 (held open together while chosen)."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(n)]
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]


def _options(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SystemExit(f"selfdata serve: --option wants KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH, timeout=2) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, before exec
    """Linux: a child gets SIGTERM if the supervisor itself is killed (no orphan servers)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class ChildDied(RuntimeError):
    pass


@dataclass
class _Child:
    name: str
    proc: subprocess.Popen[bytes]


class Supervisor:
    """N Streamlit replicas and HAProxy, started, watched and stopped together."""

    def __init__(
        self,
        *,
        replicas: int,
        port: int,
        address: str,
        haproxy: str,
        options: Mapping[str, str],
        state_dir: Path | None,
    ) -> None:
        self.replicas = replicas
        self.port = port
        self.address = address
        self.haproxy = haproxy
        self.options = dict(options)
        self.state_dir = state_dir
        self.children: list[_Child] = []
        self._signal: int | None = None

    def run(self) -> int:
        previous = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        own_dir = self.state_dir is None
        folder = Path(tempfile.mkdtemp(prefix="selfdata-serve-")) if own_dir else self.state_dir
        assert folder is not None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._start(folder)
            return self._watch()
        except ChildDied as died:
            print(f"selfdata: {died}: stopping every replica", file=sys.stderr, flush=True)
            return 1
        finally:
            self._stop_all()
            for s, handler in previous.items():
                signal.signal(s, handler)
            if own_dir:
                shutil.rmtree(folder, ignore_errors=True)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self._signal = signum

    def _spawn(self, name: str, cmd: list[str], env: Mapping[str, str]) -> None:
        proc = subprocess.Popen(  # noqa: S603 - our own command line
            cmd, cwd=ROOT, env=dict(env), preexec_fn=_die_with_parent
        )
        self.children.append(_Child(name, proc))

    def _start(self, folder: Path) -> None:
        ports = free_ports(self.replicas)
        env = replica_env(os.environ, self.port)
        for i, port in enumerate(ports, start=1):
            options = {**self.options, "server.address": "127.0.0.1", "server.headless": "true"}
            self._spawn(f"replica {i}", streamlit_command(port, options), env)
        self._wait([f"http://127.0.0.1:{p}" for p in ports])
        if self._signal is not None:
            return
        config = folder / "haproxy.cfg"
        config.write_text(
            haproxy_config(self.address, self.port, ports, folder / "haproxy.sock"),
            encoding="utf-8",
        )
        self._spawn("haproxy", [self.haproxy, "-f", str(config), "-db"], os.environ)
        local = "127.0.0.1" if self.address in ("0.0.0.0", "::", "*") else self.address
        self._wait([f"http://{local}:{self.port}"])
        if self._signal is not None:
            return
        print(
            f"selfdata: {self.replicas} replicas behind HAProxy on "
            f"{env[PUBLIC_URL_ENV]} (sticky sessions, ports {', '.join(map(str, ports))}; "
            f"Ctrl-C stops them all)",
            flush=True,
        )

    def _wait(self, urls: list[str]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        waiting = list(urls)
        while waiting:
            self._check_children()
            if self._signal is not None:
                return
            if time.monotonic() > deadline:
                raise ChildDied(f"not healthy after {START_TIMEOUT_S:.0f} s: {', '.join(waiting)}")
            waiting = [u for u in waiting if not _healthy(u)]
            if waiting:
                time.sleep(0.2)

    def _check_children(self) -> None:
        for child in self.children:
            code = child.proc.poll()
            if code is not None:
                raise ChildDied(f"{child.name} exited (code {code})")

    def _watch(self) -> int:
        while self._signal is None:
            self._check_children()
            time.sleep(0.25)
        return 0

    def _stop_all(self) -> None:
        for child in self.children:
            if child.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    child.proc.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for child in self.children:
            try:
                child.proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.proc.kill()
                child.proc.wait(5)
        self.children = []
