"""Keep Python's full garbage collections short on a busy server.

Streamlit, pandas, plotly, protobuf and the card decks leave some 200,000 objects alive for
the whole life of the server process. Python's cyclic collector traverses all of them on
every full (generation 2) collection, holding the GIL: measured on the real server with 40
tablets, each full collection took ~124 ms, four times in 30 s, and every tablet's rerun
waited behind it — the tail of the room's latency. ``gc.freeze()`` moves the objects alive
now into a permanent generation the collector no longer visits: the same collections then
took ~6 ms (``docs/load.md``).

Freezing is done after a run that imported new modules (the first visit of each page), so a
handful of times per process; what is frozen is never collected as cyclic garbage, which is
what those objects are not.
"""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_modules_seen = 0


def freeze_after_imports() -> bool:
    """Freeze the objects alive now if modules were imported since the last call. Returns
    whether it froze."""
    global _modules_seen
    with _lock:
        count = len(sys.modules)
        if count == _modules_seen:
            return False
        _modules_seen = count
        gc.freeze()
        return True
