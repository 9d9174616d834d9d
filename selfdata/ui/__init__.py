"""The Streamlit layer (with ``pages/`` and ``workshop_app.py``, the only code importing
Streamlit): page context and chrome, reusable widgets, room figures, styles."""

# First: a flooding session's requests wait before any script starts, a tap after a server
# restart is not dropped (issue 29), and the next tap never cuts a widget callback short.
# Before the heavy imports below, so that a server started as bare ``streamlit run`` has
# them as early as possible.
from selfdata.ui import flood_gate as _flood_gate  # noqa: F401  (installs itself)
from selfdata.ui import restart_taps as _restart_taps  # noqa: F401  (installs itself)
from selfdata.ui import whole_callbacks as _whole_callbacks  # noqa: F401  (installs itself)

# isort: split

# The heavy libraries are imported here, under the import lock of ``selfdata.ui`` that every
# session takes first (the entry script imports it): when many tablets hit a replica that
# has not served a page yet, scripts running in parallel threads otherwise raced into
# pandas' own imports and failed with "partially initialized module 'pandas'".
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401

from selfdata.ui.context import page_context
from selfdata.ui.live import live_updates
from selfdata.ui.navigation import PAGE_ORDER, nav_link, switch_to
from selfdata.ui.session import PageContext, get_store

__all__ = [
    "PAGE_ORDER",
    "PageContext",
    "get_store",
    "live_updates",
    "nav_link",
    "page_context",
    "switch_to",
]
