"""Persistence behind one small interface: :class:`Store` (``read``/``write``) and the schema.

SQLite by default (a file, WAL), any SQLAlchemy URL through ``DATABASE_URL``.
See ``docs/store.md``.
"""

from typing import Any, TypeAlias

from sqlalchemy import Connection, Row

from selfdata.store.engine import Store, default_url
from selfdata.store.schema import SCHEMA_VERSION, create_schema

Tx: TypeAlias = Connection
"""The transaction :meth:`Store.read` and :meth:`Store.write` hand to a use case, which
passes it to the named queries of :mod:`selfdata.store.queries` and never uses it itself."""
Record: TypeAlias = Row[Any]
"""A row as a query returns it (fields read as attributes)."""

__all__ = ["SCHEMA_VERSION", "Record", "Store", "Tx", "create_schema", "default_url"]
