"""Atelier Self Data — entry point (``streamlit run workshop_app.py``).

Sets the page, proves who is looking (from the address, against the store) and offers the
pages of that role through ``st.navigation``. Each page script builds its own context with
:func:`selfdata.ui.page_context`, so it never depends on variables set here.
"""

from __future__ import annotations

import streamlit as st

from selfdata.domain.errors import StoreUnavailable
from selfdata.i18n import t
from selfdata.ui.chrome import configure_page
from selfdata.ui.memory import freeze_after_imports
from selfdata.ui.navigation import (
    PAGE_ORDER,
    page_file,
    page_title_key,
    switch_to,
)
from selfdata.ui.outage import outage_screen
from selfdata.ui.session import current_lang, run_viewer

_ICONS = {
    "home": ":material/home:",
    "projection": ":material/co_present:",
    "console": ":material/tune:",
    "prepare": ":material/checklist:",
    "inventory": ":material/inventory_2:",
    "needs": ":material/ads_click:",
    "use_cases": ":material/link:",
    "governance": ":material/balance:",
    "network": ":material/hub:",
    "scenarios": ":material/science:",
    "export": ":material/description:",
}


def main() -> None:
    lang = current_lang()
    try:
        role = run_viewer().viewer.role
        # every page is registered whoever looks: a page this viewer may not open says so
        # itself (selfdata.ui.context.page_context), where Streamlit's "Page not found"
        # dialog greeted a facilitator's reloaded console (its secret is out of the address)
        allowed = set(PAGE_ORDER)
    except StoreUnavailable:
        # The role cannot be proven now: keep every page's address, so the page asked for
        # runs and shows the outage itself (its own proof fails the same way) and the
        # address, with its token, stays. Without st.navigation the page went blank and
        # stayed blank after the database came back (issue 29).
        role, allowed = "visitor", set(PAGE_ORDER)
    configure_page(role, lang)
    # Every page keeps its own path whoever looks: the default page is served at the root
    # only, so a projector made default answered /projection (the console's link) with
    # Streamlit's "Page not found" (issue 18). The projector's root address goes on to it.
    pages = [
        st.Page(
            page_file(key),
            title=t(page_title_key(key), lang),
            icon=_ICONS[key],
            url_path=None if key == "home" else key,
            default=key == "home",
        )
        for key in PAGE_ORDER
        if key in allowed and page_file(key).exists()
    ]
    try:
        page = st.navigation(pages, position="hidden")
        if role == "projection" and page.url_path == "":
            switch_to("projection", {k: st.query_params[k] for k in st.query_params})
        page.run()
    except StoreUnavailable:  # a page's read failed: the message and the wait, no traceback
        outage_screen(lang)
    finally:  # also when the page stops or reruns early
        freeze_after_imports()  # short full GC pauses under load (selfdata/ui/memory.py)


main()
