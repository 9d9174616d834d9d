"""``python -m selfdata health``: is the app's database usable? One line, exit 0 or 1.

Opens the configured database (``DATABASE_URL``, else the SQLite file ``SELFDATA_DB``) as the
app does — creating or migrating the schema — and proves it can be read *and written* (a
write transaction rewrites the schema version row). ``make run`` and the container run it
before starting the server, so a server never starts on a database it cannot use; the
container's health check runs it too, because Streamlit's ``/_stcore/health`` only says the
web server is up, not that the database answers.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.engine import make_url

from selfdata.domain.errors import StoreUnavailable
from selfdata.store import Store, default_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options: the database is the app's (``DATABASE_URL`` or ``SELFDATA_DB``)."""


def run(args: argparse.Namespace) -> int:
    try:
        store = Store(default_url())
        try:
            store.check()
        finally:
            store.dispose()
    except StoreUnavailable as err:
        print(f"selfdata: the database {_where()} cannot be used: {_reason(err)}", file=sys.stderr)
        return 1
    print(f"selfdata: database ok ({_where()})")
    return 0


def _where() -> str:
    """The database named for the operator (password hidden): ``sqlite:///var/selfdata.db``."""
    return make_url(default_url()).render_as_string(hide_password=True)


def _reason(err: StoreUnavailable) -> str:
    """The driver's own first line, for the operator (never shown in a browser)."""
    cause = err.__cause__
    orig = getattr(cause, "orig", None) or cause or err
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
