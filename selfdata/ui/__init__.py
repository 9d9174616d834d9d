"""The Streamlit layer (with ``pages/`` and ``workshop_app.py``, the only code importing
Streamlit): page context and chrome, reusable widgets, room figures, styles."""

from selfdata.ui.context import (
    PAGE_ORDER,
    PageContext,
    get_store,
    live_updates,
    nav_link,
    page_context,
    switch_to,
)

__all__ = [
    "PAGE_ORDER",
    "PageContext",
    "get_store",
    "live_updates",
    "nav_link",
    "page_context",
    "switch_to",
]
