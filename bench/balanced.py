"""The replicated server as ``make run REPLICAS=N`` starts it, for the load harness:
``python -m selfdata serve --replicas N`` (N Streamlit servers behind HAProxy with sticky
sessions) in a subprocess, with a scenario's database and options.

The harness's clients connect to HAProxy's one address; each keeps the cookie HAProxy gave
it (:class:`bench.protocol.StreamlitSession` keeps its own cookies), so each stays on its
replica, as a browser tab does. The pages are warmed up on every replica directly
(:attr:`BalancedServer.replica_urls`). The CPU and memory of the supervisor, the replicas and
HAProxy together are the server's (:attr:`BalancedServer.pids`).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from bench.protocol import ProtocolError, StreamlitServer, free_port


class BalancedServer:
    """``python -m selfdata serve --replicas N`` with the app, environment and options of
    ``spec`` (a :class:`StreamlitServer` that is never started itself)."""

    def __init__(self, spec: StreamlitServer, replicas: int, workdir: Path) -> None:
        self.spec = spec
        self.replicas = replicas
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.state = workdir / "serve-state"
        self.log_path = workdir / "serve.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.replica_urls: list[str] = []
        self._log: Any = None

    def start(self, timeout_s: float = 180.0) -> BalancedServer:
        cmd = [sys.executable, "-m", "selfdata", "serve", "--replicas", str(self.replicas)]
        cmd += ["--port", str(self.port), "--address", "127.0.0.1"]
        cmd += ["--state-dir", str(self.state)]
        cmd += [f"--option={k}={v}" for k, v in self.spec.options.items()]
        env = {**self.spec.env, "SELFDATA_PUBLIC_URL": self.url}
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd, cwd=self.spec.cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ProtocolError(f"selfdata serve exited with {self.proc.returncode}")
            if "replicas behind HAProxy" in self.log_path.read_text(errors="replace"):
                break
            time.sleep(0.2)
        else:
            self.stop()
            raise ProtocolError(f"selfdata serve not ready after {timeout_s}s")
        config = (self.state / "haproxy.cfg").read_text(encoding="utf-8")
        ports = re.findall(r"server r\d+ 127\.0\.0\.1:(\d+)", config)
        self.replica_urls = [f"http://127.0.0.1:{p}" for p in ports]
        with urllib.request.urlopen(self.url + "/_stcore/health", timeout=10) as reply:
            assert reply.status == 200
        return self

    @property
    def pids(self) -> list[int]:
        """The supervisor, every replica and HAProxy."""
        if self.proc is None or self.proc.poll() is not None:
            return []
        children = psutil.Process(self.proc.pid).children(recursive=True)
        return [self.proc.pid, *(c.pid for c in children)]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                for child in psutil.Process(self.proc.pid).children(recursive=True):
                    child.kill()
                self.proc.kill()
                self.proc.wait(5)
        if self._log is not None:
            self._log.close()
            self._log = None
