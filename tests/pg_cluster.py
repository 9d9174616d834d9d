"""A throwaway PostgreSQL cluster for the test run, and one fresh database per test.

:func:`start_cluster` finds the server binaries (``PATH``, else Debian's
``/usr/lib/postgresql/<version>/bin``), runs ``initdb`` into a temporary directory and starts
the server on a free loopback port, listening on nothing else, with durability settings
traded for speed (``fsync=off``: the data only has to outlive the run, not a power cut).
PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` system
user (``nobody`` if there is none) through ``runuser``. :meth:`Cluster.stop` stops it and
deletes the directory.

As a pytest plugin (``pytest_plugins`` in ``tests/conftest.py``) it provides the
session-scoped ``pg_cluster`` fixture and a ``pg_database_url`` fixture for a fresh,
empty schema per test (as isolated as a new database for our tables, and far cheaper).
When PostgreSQL cannot be started the tests that need it are skipped with the reason, and a
banner at the end of the run says so, except under ``CI=true``, where they fail: CI must
never silently run on SQLite alone.

``--db-url postgresql+psycopg://…`` (or ``SELFDATA_TEST_DATABASE_URL``) points the tests at
an existing server instead; its user needs the right to create schemas in that database.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL, make_url

from bench.protocol import free_port

DRIVER = "postgresql+psycopg"
PREFIX = "selfdata-pg-"
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
    "shared_buffers": "64MB",
    "log_min_messages": "warning",
}


class Unavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why and what to do."""


def find_bindir() -> Path | None:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres``, or ``None``.
    ``SELFDATA_PG_BINDIR`` chooses one (say, another PostgreSQL version)."""
    chosen = os.environ.get("SELFDATA_PG_BINDIR", "").strip()
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    if chosen:
        candidates = [Path(chosen)]
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for directory in candidates if chosen else [*candidates, *debian]:
        if all((directory / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def _service_user() -> pwd.struct_passwd | None:
    """Who runs the server: ``None`` for ourselves, else the account to switch to."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise Unavailable("running as root and neither a 'postgres' nor a 'nobody' account exists")


@dataclass
class Cluster:
    """A running server: ``url(database)`` gives a SQLAlchemy URL to one of its databases."""

    admin_url: URL
    directory: Path | None = None
    bindir: Path | None = None
    user: pwd.struct_passwd | None = None
    _names: Iterator[int] = field(default_factory=itertools.count)

    def url(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        u = self.admin_url
        return psycopg.connect(
            host=u.host,
            port=u.port,
            user=u.username,
            password=u.password,
            dbname=u.database or "postgres",
            autocommit=True,
            connect_timeout=10,
        )

    def fresh_url(self, prefix: str = "selfdata_test") -> str:
        """The URL of a new, empty schema: connections through it see nothing else (their
        ``search_path`` is that schema). Much cheaper than ``CREATE DATABASE``, which
        checkpoints, and just as isolated for our tables."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        return self.admin_url.set(
            database=self.admin_url.database or "postgres",
            query={"options": f"-csearch_path={name}"},
        ).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop the schema behind a :meth:`fresh_url` and everything in it."""
        options = make_url(url).query.get("options", "")
        assert isinstance(options, str) and options.startswith("-csearch_path=")
        name = options.removeprefix("-csearch_path=")
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.user is not None:
            command = ["runuser", "-u", self.user.pw_name, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd="/"
        )

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.bindir is not None and self.directory is not None
        return self._run(str(self.bindir / "pg_ctl"), "-D", str(self.directory / "data"), *args)

    def start(self) -> None:
        """Start (or restart, after a crash) the server and wait until it accepts clients."""
        assert self.directory is not None
        done = self.pg_ctl("start", "-w", "-t", "60", "-l", str(self.directory / "server.log"))
        if done.returncode != 0:
            raise Unavailable(f"pg_ctl start failed: {done.stderr.strip()}\n{self.log_tail()}")

    def postmaster_pid(self) -> int:
        assert self.directory is not None
        return int((self.directory / "data" / "postmaster.pid").read_text().split()[0])

    def kill(self) -> None:
        """SIGKILL the server and every one of its processes, as a crash or the OOM killer
        would; :meth:`start` then runs PostgreSQL's crash recovery."""
        import psutil

        main = psutil.Process(self.postmaster_pid())
        family = [main, *main.children(recursive=True)]
        for process in family:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        psutil.wait_procs(family, timeout=10)

    def log_tail(self, lines: int = 20) -> str:
        if self.directory is None:
            return ""
        log = self.directory / "server.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its directory."""
        if self.directory is None:
            return
        if (self.directory / "data" / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "fast", "-w", "-t", "30")
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None


def start_cluster(**overrides: str) -> Cluster:
    """``initdb`` a throwaway cluster, start it on a free loopback port; raises
    :class:`Unavailable` with the reason when that is impossible here. ``overrides``
    replace :data:`SERVER_SETTINGS` (``fsync="on"`` for a test that kills the server)."""
    bindir = find_bindir()
    if bindir is None:
        raise Unavailable(
            "PostgreSQL server binaries not found (pg_ctl on PATH or "
            "/usr/lib/postgresql/*/bin); install Debian's 'postgresql' package "
            "(`make system-deps` does it as root)"
        )
    user = _service_user()
    _stop_orphans(bindir, user)
    directory = Path(tempfile.mkdtemp(prefix=PREFIX))
    (directory / "owner.pid").write_text(str(os.getpid()), encoding="ascii")
    if user is not None:
        os.chown(directory, user.pw_uid, user.pw_gid)
    port = free_port()
    cluster = Cluster(
        admin_url=URL.create(DRIVER, username="postgres", host="127.0.0.1", port=port),
        directory=directory,
        bindir=bindir,
        user=user,
    )
    try:
        init = cluster._run(
            str(bindir / "initdb"),
            "-D",
            str(directory / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        if init.returncode != 0:
            raise Unavailable(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        conf = directory / "data" / "postgresql.conf"
        settings = {
            **SERVER_SETTINGS,
            **overrides,
            "port": str(port),
            "unix_socket_directories": str(directory),
        }
        with conf.open("a", encoding="utf-8") as out:
            out.write("\n# selfdata test cluster\n")
            for key, value in settings.items():
                out.write(f"{key} = '{value}'\n")
        cluster.start()
        _wait_ready(cluster)
    except (Unavailable, OSError, subprocess.SubprocessError) as exc:
        cluster.stop()
        raise exc if isinstance(exc, Unavailable) else Unavailable(str(exc)) from exc
    return cluster


def _stop_orphans(bindir: Path, user: pwd.struct_passwd | None) -> None:
    """Stop and delete the clusters of earlier runs that died without cleaning up (a test
    process killed outright): their owner process is gone."""
    import psutil

    for directory in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((directory / "owner.pid").read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if psutil.pid_exists(owner):
            continue
        orphan = Cluster(admin_url=URL.create(DRIVER), directory=directory, bindir=bindir)
        orphan.user = user
        orphan.pg_ctl("stop", "-m", "immediate", "-w", "-t", "30")
        shutil.rmtree(directory, ignore_errors=True)


def _wait_ready(cluster: Cluster, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with cluster._admin() as conn:
                conn.execute("SELECT 1")
            return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise Unavailable(f"server did not accept connections: {exc}") from exc
            time.sleep(0.1)


def external_cluster(url: str) -> Cluster:
    """An existing server given by URL (its database is only used to create others)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise Unavailable(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    cluster = Cluster(admin_url=parsed.set(drivername=DRIVER))
    _wait_ready(cluster, timeout=5)
    return cluster


# -- pytest plugin ------------------------------------------------------------------------

_UNAVAILABLE: list[str] = []
_SKIPPED: list[str] = []


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def postgres_unavailable(reason: str) -> None:
    """Skip the calling test loudly, or fail it under CI."""
    message = f"PostgreSQL unavailable: {reason}"
    if in_ci():
        pytest.fail(message + " (CI=true: PostgreSQL tests may not be skipped)", pytrace=False)
    _SKIPPED.append(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_cluster(request: pytest.FixtureRequest) -> Iterator[Cluster]:
    """The run's PostgreSQL server (started on first use, stopped at the end)."""
    if _UNAVAILABLE:
        postgres_unavailable(_UNAVAILABLE[0])
    given = str(request.config.getoption("--db-url", default="") or "").strip()
    try:
        cluster = external_cluster(given) if given else start_cluster()
    except Unavailable as exc:
        _UNAVAILABLE.append(str(exc))
        postgres_unavailable(str(exc))
    try:
        yield cluster
    finally:
        if cluster.directory is not None:
            cluster.stop()


@pytest.fixture
def pg_database_url(pg_cluster: Cluster) -> Iterator[str]:
    """A fresh, empty schema on the run's server (as good as a new database for the
    store), dropped after the test."""
    url = pg_cluster.fresh_url()
    yield url
    pg_cluster.drop(url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "PostgreSQL unavailable" in str(getattr(report, "longrepr", ""))
    ]
    if not skipped and not _SKIPPED:
        return
    terminalreporter.section("PostgreSQL tests SKIPPED", sep="!", red=True, bold=True)
    terminalreporter.write_line(
        f"{max(len(skipped), len(_SKIPPED))} test(s) did not run on PostgreSQL: {_SKIPPED[0]}",
        red=True,
        bold=True,
    )
    terminalreporter.write_line(
        "Only SQLite was tested. Install Debian's 'postgresql' package (as root: "
        "`make system-deps`) or pass --db-url; under CI=true this is a failure.",
        red=True,
    )
