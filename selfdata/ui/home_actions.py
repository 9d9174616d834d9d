"""Home's two actions: open a workshop, join one. Both end by putting the new identity in
the address (``secret`` or ``token``) and redrawing, so a reload keeps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from selfdata import services
from selfdata.credentials import normalise_code
from selfdata.errors import SelfDataError

if TYPE_CHECKING:
    from selfdata.ui.context import PageContext


def _address(**params: str) -> None:
    st.query_params.from_dict({k: v for k, v in params.items() if v})


def create(
    ctx: PageContext,
    *,
    example: str | None = None,
    title: str = "",
    territory: str = "",
    theme: str | None = None,
) -> None:
    """Create a workshop; on success the address carries its code and facilitator secret."""
    try:
        created = services.create_workshop(
            ctx.store,
            example=example,
            title=title.strip() or None,
            territory=territory.strip() or None,
            theme=None if example else theme,
            language="en" if ctx.lang == "en" else "fr",
        )
    except SelfDataError as err:
        ctx.error(err)
        return
    _address(code=created.code, secret=created.secret, lang=ctx.lang if ctx.lang != "fr" else "")
    st.rerun()


def join(ctx: PageContext, code: str, pseudonym: str) -> None:
    """Join with a code and a pseudonym; on success the address carries the token and the
    tablet goes to the current step."""
    norm = normalise_code(code) or code
    try:
        joined = services.join(ctx.store, norm, pseudonym)
    except SelfDataError as err:
        ctx.error(err)
        return
    st.session_state["home_just_joined"] = True
    st.session_state.pop("home_pseudonym", None)
    _address(code=norm, token=joined.token, lang=ctx.lang if ctx.lang != "fr" else "")
    st.rerun()
