"""The app's pages: their order, who may open each, their files and titles, and the links
and switches between them that keep the viewer's identity and language."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.app import links
from selfdata.domain.cards import STEP_IDS
from selfdata.ui.session import PageContext

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES_DIR = ROOT / "pages"
PAGE_ORDER: tuple[str, ...] = ("home", "prepare", "projection", "console", *STEP_IDS)
"""Every page key, in the order of the workshop."""

PAGE_ACCESS: dict[str, frozenset[str]] = {
    "home": frozenset({"facilitator", "participant", "projection", "visitor"}),
    "projection": frozenset({"facilitator", "participant", "projection", "visitor"}),
    "console": frozenset({"facilitator"}),
    "prepare": frozenset({"facilitator"}),
    **{step: frozenset({"facilitator", "participant"}) for step in STEP_IDS},
}
"""Who may see each page; others get a clear message and nothing else."""


def page_file(page: str) -> Path:
    return PAGES_DIR / f"{page}.py"


def page_title_key(page: str) -> str:
    return f"step.{page}" if page in STEP_IDS else f"page.{page}"


def may_open(role: str, page: str) -> bool:
    """Whether ``role`` may see ``page`` (an unknown page follows home's rule)."""
    return role in PAGE_ACCESS.get(page, PAGE_ACCESS["home"])


def visible_pages(role: str) -> tuple[str, ...]:
    """The pages this role may open, in workshop order (the navigation offers these)."""
    if role == "facilitator":
        return ("home", "prepare", "console", "projection", *STEP_IDS)
    if role == "participant":
        return ("home", *STEP_IDS)
    if role == "projection":
        return ("home", "projection")
    return ("home",)


def nav_link(
    ctx: PageContext,
    page: str,
    label: str,
    *,
    params: dict[str, str] | None = None,
    icon: str | None = None,
) -> None:
    """A link to another page that keeps the viewer's identity and language. Falls back to a
    plain link when the page is not registered (a page script run alone in a test)."""
    carried = ctx.params if params is None else params
    run = get_script_run_ctx()
    main_dir = Path(run.main_script_path).parent if run is not None else ROOT
    try:
        st.page_link(
            os.path.relpath(page_file(page), main_dir),
            label=label,
            query_params=carried,
            icon=icon,
        )
    except StreamlitAPIException:
        shown = f"{icon} {label}" if icon else label
        st.markdown(f"[{_escape_label(shown)}]({links.page_url('', page, carried)})")


def _escape_label(label: str) -> str:
    return label.replace("[", "\\[").replace("]", "\\]")


def switch_to(page: str, params: dict[str, str]) -> None:
    """Go to another page of the app (keeps ``params`` in the address). No-op when the page is
    not registered in this run (a page script run alone in a test)."""
    try:
        st.switch_page(str(page_file(page).relative_to(ROOT)), query_params=params)
    except StreamlitAPIException:
        return
