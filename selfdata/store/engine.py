"""The :class:`Store`: an engine, one write path and one read path.

SQLite (the default) is opened in WAL mode with foreign keys on and a busy timeout, and the
pysqlite driver's own transaction handling is switched off so that each write begins with
``BEGIN IMMEDIATE`` (the write lock is taken up front: two writers never deadlock on a lock
upgrade, they queue). Other databases (PostgreSQL) use ordinary READ COMMITTED write
transactions; the services lock the workshop row (``SELECT … FOR UPDATE``) so writers to one
workshop serialise, and reads run in REPEATABLE READ so that they see one snapshot.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from selfdata.domain.errors import StoreUnavailable
from selfdata.store.schema import create_schema
from selfdata.store.schema import schema_version as schema_version_table

T = TypeVar("T")

DEFAULT_SQLITE_PATH = "var/selfdata.db"
BUSY_TIMEOUT_MS = 30_000
CHECKPOINT_WAIT_MS = 2_000
_WRITE = "selfdata_write"


def default_url() -> str:
    """``DATABASE_URL`` if set, else the SQLite file ``SELFDATA_DB`` (``var/selfdata.db``)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    path = os.environ.get("SELFDATA_DB", "").strip() or DEFAULT_SQLITE_PATH
    return sqlite_url(path)


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path)}"


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite: we emit BEGIN ourselves.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the action is acknowledged.
        cur.execute("PRAGMA synchronous = FULL")
        # Erased rows are overwritten with zeros, not left in free space (see erase_traces).
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """The database behind the services. ``write(fn)`` runs ``fn(conn)`` in one write
    transaction (retried if the database stays busy); ``read(fn)`` in a read transaction
    (a consistent snapshot)."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = url or default_url()
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                try:
                    Path(database).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreUnavailable("store.unavailable") from exc
            self.engine = create_engine(
                self.url,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                # Pooled: opening a connection (and its PRAGMAs) costs more than the cheap
                # version poll itself. Enough connections for a room of tablets.
                pool_size=8,
                max_overflow=64,
            )
            _sqlite_events(self.engine)
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True)
        self._file = _file_path(self.url) if self.is_sqlite else None
        self._file_id: tuple[int, int] | None = _identity(self._file)
        if create:
            self.write(create_schema)

    @classmethod
    def from_env(cls) -> Store:
        return cls(default_url())

    def write(self, fn: Callable[[Connection], T], *, retries: int = 5) -> T:
        """Run ``fn(conn)`` in one write transaction. A database that cannot be reached or
        written raises :class:`StoreUnavailable` (nothing was written)."""
        with _told_gently():
            return self._write(fn, retries)

    def _write(self, fn: Callable[[Connection], T], retries: int) -> T:
        for attempt in range(retries + 1):
            try:
                with self.engine.connect() as conn:
                    conn = conn.execution_options(**{_WRITE: True})
                    with conn.begin():
                        result = fn(conn)
                        self._check_file()  # raising here rolls the transaction back
                        return result
            except OperationalError as exc:
                if attempt == retries or not _is_busy(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _check_file(self) -> None:
        """Refuse to commit when the SQLite file this store opened is no longer the one at its
        path: removed (``make clean``, a deleted ``var/``) or replaced by another file. Open
        connections would otherwise keep writing to the unlinked file (or a fresh empty one),
        acknowledging actions that no restart would find. One ``stat`` per write (~4 µs),
        under the write lock: nothing is acknowledged that is not in the file at the path."""
        if self._file is None:
            return
        now = _identity(self._file)
        if self._file_id is None:
            self._file_id = now
        if now is None or now != self._file_id:
            raise StoreUnavailable("store.replaced")

    def read(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` in one read transaction (:class:`StoreUnavailable` when the
        database cannot be reached)."""
        with _told_gently():
            return self._read(fn)

    def check(self) -> None:
        """Prove the database is reachable *and writable*: a write transaction that takes the
        write lock and rewrites the schema version row (same value). Raises
        :class:`StoreUnavailable` otherwise. Used by ``python -m selfdata health``. (The app's
        outage screen only needs the database to answer a read again:
        :func:`selfdata.ui.outage.store_answers`.)"""
        self.write(_touch)

    def _read(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.connect() as conn:
            if not self.is_sqlite:
                # One snapshot for the whole read, as SQLite gives: under PostgreSQL's default
                # READ COMMITTED each statement would see a different moment, and a screen
                # could pair an older version counter with newer rows, or the reverse.
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                return fn(conn)

    def erase_traces(self) -> None:
        """After an erasure (a participant leaving, a workshop deleted or purged): make the
        erased rows unreadable in every file of the database, not only in its tables.

        SQLite: rows are deleted with ``secure_delete`` on (their bytes zeroed in the new
        page), but the write-ahead log still holds the pages as they were before; a
        ``wal_checkpoint(TRUNCATE)`` copies the latest pages into the main file and empties
        the ``-wal`` file (it waits, within the busy timeout, for readers of older pages).
        PostgreSQL: nothing to do here — the erased rows are gone from every query at once;
        their bytes stay in the table files until autovacuum reuses the space, and in
        PostgreSQL's own WAL and backups until they are recycled (the operator's policy; see
        docs/deploy.md)."""
        if not self.is_sqlite or self._file is None:
            return
        with _told_gently():
            raw = self.engine.raw_connection()
            cursor = raw.cursor()
            try:
                # A reader on older pages holds the checkpoint back: wait for it 2 s at most
                # (not the writers' 30 s), three times; the retention thread's hourly
                # checkpoint catches up with a reader that outlasted that.
                cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
                for _ in range(3):
                    busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    if not busy or not busy[0]:
                        return
            finally:
                cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                raw.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"


def _file_path(url: str) -> Path | None:
    """The SQLite database's file, or ``None`` for an in-memory or URI database."""
    database = make_url(url).database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).absolute()


def _identity(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; ``None`` when there is none."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _touch(conn: Connection) -> None:
    version = schema_version_table.c.version
    conn.execute(update(schema_version_table).values(version=version))


@contextmanager
def _told_gently() -> Iterator[None]:
    """The driver's failures (connection refused, read-only or full file, missing
    directory…) become :class:`StoreUnavailable`, whose message names no path or address.
    An :class:`IntegrityError` is a bug or a race the caller handles, so it passes through;
    the original error stays chained for the server's log."""
    try:
        yield
    except IntegrityError:
        raise
    except DBAPIError as exc:
        raise StoreUnavailable("store.unavailable") from exc


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    return (
        "database is locked" in text
        or "database is busy" in text
        or "deadlock detected" in text
        or "could not serialize" in text
    )
