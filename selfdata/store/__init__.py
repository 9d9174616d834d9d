"""Persistence behind one small interface: :class:`Store` (``read``/``write``) and the schema.

SQLite by default (a file, WAL), any SQLAlchemy URL through ``DATABASE_URL``.
See ``docs/store.md``.
"""

from selfdata.store.engine import Store, default_url
from selfdata.store.schema import SCHEMA_VERSION, create_schema

__all__ = ["SCHEMA_VERSION", "Store", "create_schema", "default_url"]
