"""Named queries and writes: the repository the use cases call (issue 24).

One module per part of the schema. Every function takes the transaction ``tx`` that
:meth:`selfdata.store.Store.read` or :meth:`~selfdata.store.Store.write` hands to the use
case, and returns plain data (dataclasses, ints, strings) or a :data:`~selfdata.store.Record`.
The use cases in :mod:`selfdata.app` hold the rules and call these; they never write SQL nor
import SQLAlchemy (``tests/unit/test_architecture.py``).
"""
