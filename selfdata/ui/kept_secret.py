"""The facilitator secret out of the address bar (a projector that mirrors the laptop shows
it to the room).

A facilitator link (``?code=…&secret=…``) is proven once, then the secret is kept in this
tab's session and taken out of the visible address: the tab goes on as the facilitator's
(page changes, reruns, a connection that comes back), and a photo of the wall shows no key.
A new tab, or a reload, opens the facilitator link again (bookmarked; the home page shows it
on request). The role is still proven against the store on every run: the session holds
the key, never the role.
"""

from __future__ import annotations

import streamlit as st

from selfdata.domain.credentials import normalise_code

KEPT_KEY = "ui_kept_secret"
"""This tab's session: the facilitator secret proven for a workshop code, by code."""


def _kept() -> dict[str, str]:
    kept = st.session_state.get(KEPT_KEY)
    return kept if isinstance(kept, dict) else {}


def with_kept_secret(params: dict[str, str]) -> dict[str, str]:
    """The address's parameters, with the secret this tab keeps for their code when the
    address carries none. Not for a participant's token (a tab that joins stays a
    participant) nor for the projector's view (the wall shows only what is revealed)."""
    if params.get("secret") or params.get("token") or params.get("view") == "projection":
        return params
    code = normalise_code(params.get("code", ""))
    secret = _kept().get(code) if code else None
    return {**params, "secret": secret} if secret else params


def hide_secret(code: str | None, secret: str | None) -> None:
    """Keep a proven facilitator ``secret`` in this tab's session and take it out of the
    visible address (Streamlit rewrites the browser's address bar without a reload)."""
    if not code or not secret:
        return
    st.session_state[KEPT_KEY] = {**_kept(), code: secret}
    if "secret" in st.query_params:
        del st.query_params["secret"]


def kept(code: str | None) -> bool:
    """Whether this tab keeps the facilitator secret of ``code`` (links need not carry it)."""
    return bool(code) and code in _kept()
