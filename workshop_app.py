"""Atelier Self Data — entry point (``streamlit run workshop_app.py``).

Sets the page, proves who is looking (from the address, against the store) and offers the
pages of that role through ``st.navigation``. Each page script builds its own context with
:func:`selfdata.ui.page_context`, so it never depends on variables set here.
"""

from __future__ import annotations

import streamlit as st

from selfdata.i18n import t
from selfdata.ui.chrome import configure_page, visible_pages
from selfdata.ui.context import PAGE_ORDER, current_lang, page_file, page_title_key, viewer
from selfdata.ui.memory import freeze_after_imports

_ICONS = {
    "home": "🏠",
    "projection": "📽️",
    "console": "🎛️",
    "inventory": "🗂️",
    "needs": "🎯",
    "use_cases": "🔗",
    "governance": "⚖️",
    "network": "🕸️",
    "scenarios": "🧪",
    "export": "📄",
}


def main() -> None:
    lang = current_lang()
    who = viewer()
    configure_page(who.role, lang)
    allowed = set(visible_pages(who.role))
    default = "projection" if who.role == "projection" else "home"
    pages = [
        st.Page(
            page_file(key),
            title=t(page_title_key(key), lang),
            icon=_ICONS[key],
            url_path=None if key == default else key,
            default=key == default,
        )
        for key in PAGE_ORDER
        if key in allowed and page_file(key).exists()
    ]
    try:
        st.navigation(pages, position="hidden").run()
    finally:  # also when the page stops or reruns early
        freeze_after_imports()  # short full GC pauses under load (selfdata/ui/memory.py)


main()
