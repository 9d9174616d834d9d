"""Reusable widgets. Each takes a ``key_prefix`` (the page's) so keys never clash."""

from __future__ import annotations

import streamlit as st

from selfdata.i18n import t
from selfdata.textsafe import format_seconds, md_escape


def safe(text: object) -> str:
    """User (or card) text made safe for ``st.markdown``: shown literally."""
    return md_escape(text)


def countdown(remaining: float, lang: str) -> None:
    """The visible countdown (inside the live-update fragment)."""
    if remaining > 0:
        st.markdown(f"### ⏱ {format_seconds(remaining)}")
    else:
        st.markdown(f"### ⏱ {safe(t('timer.over', lang))}")
