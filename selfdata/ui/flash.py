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


def show_flash(*, on_tablet: bool = False) -> None:
    """Show (and forget) the messages queued for this render, each once: at the top of the
    page; on a tablet a refusal is a toast instead, which stays on screen wherever the finger
    was (a tablet scrolled far down did not see the top of its page; issue 30: not both)."""
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        if kind == "error" and on_tablet:
            st.toast(message, icon=":material/block:", duration="long")
        else:
            {"success": st.success, "info": st.info}.get(kind, st.error)(message)
