"""Flash messages: a message queued in this tab (by a widget callback, typically a refusal)
and shown at the top of its next render."""

from __future__ import annotations

import streamlit as st

FLASH_KEY = "ui_flash"


def flash(message: str, kind: str = "error") -> None:
    """Queue a message for the top of the next render of this tab (``kind``: ``error``,
    ``success`` or ``info``)."""
    queue = list(st.session_state.get(FLASH_KEY, []))
    queue.append((kind, message))
    st.session_state[FLASH_KEY] = queue


def show_flash() -> None:
    """Show (and forget) the messages queued for this render: at the top of the page, and a
    refusal also as a toast, which stays on screen wherever the finger was (a tablet
    scrolled far down did not see the top of its page)."""
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        {"success": st.success, "info": st.info}.get(kind, st.error)(message)
        if kind == "error":
            st.toast(message, icon=":material/block:", duration="long")
