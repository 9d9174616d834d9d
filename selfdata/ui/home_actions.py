"""Home's actions: open a workshop (blank, from an example or from a file), join one. Each
ends by putting the new identity in the address (``secret`` or ``token``) and redrawing, so
a reload keeps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from selfdata.app import services
from selfdata.domain.credentials import normalise_code
from selfdata.domain.errors import LimitExceeded, NotFound, SelfDataError
from selfdata.ui import throttle

if TYPE_CHECKING:
    from selfdata.ui.session import PageContext


@st.cache_data(show_spinner=False)
def example_label(name: str) -> str:
    """An example workshop as people call it ("La Rochelle — Mobilité durable …"), never
    its file name (``la_rochelle``)."""
    from selfdata.files.loading import SCENARIOS_DIR, FileFormatError, load_workshop

    try:
        workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    except (FileFormatError, OSError):
        return name.replace("_", " ").title()
    return f"{workshop.territory} — {workshop.title}"


def _address(**params: str) -> None:
    st.query_params.from_dict({k: v for k, v in params.items() if v})


def creator_address() -> str:
    """The network address of the browser creating a workshop (the creation limits count per
    address). Behind ``selfdata serve``'s HAProxy (or another proxy on this machine), every
    request comes from the loopback address: the client's own is the last one the proxy
    added to ``X-Forwarded-For``."""
    try:
        address = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For", "")
    except Exception:  # no request context (a bare script run)
        return "unknown"
    if isinstance(address, str) and address.startswith(("127.", "::1")) and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or address
    return address if isinstance(address, str) and address else "unknown"


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
            client=creator_address(),
        )
    except SelfDataError as err:
        ctx.error(err)
        return
    _address(code=created.code, secret=created.secret, lang=ctx.lang if ctx.lang != "fr" else "")
    st.rerun()


def join(ctx: PageContext, code: str, pseudonym: str, table: str | None = None) -> None:
    """Join with a code and a pseudonym (at ``table`` in a room with tables; none: the
    least full); on success the address carries the token and the tablet goes to the
    current step."""
    norm = normalise_code(code) or code
    try:
        if wait := throttle.code_lockout():
            raise throttle.locked_out(wait)
        throttle.check("code")
        throttle.check("join")
        joined = services.join(ctx.store, norm, pseudonym, table)
    except SelfDataError as err:
        ctx.error(_counted(err))
        return
    st.session_state["home_just_joined"] = True
    st.session_state.pop("home_pseudonym", None)
    _address(code=norm, token=joined.token, lang=ctx.lang if ctx.lang != "fr" else "")
    st.rerun()


def _counted(err: SelfDataError) -> SelfDataError:
    """A typed code that opens no workshop counts toward the wrong-code cap (the lock-out
    refusal replaces the message once the cap is passed)."""
    if isinstance(err, NotFound) and err.key.startswith("workshop."):
        try:
            throttle.wrong_code()
        except LimitExceeded as locked:
            return locked
    return err


def import_file(ctx: PageContext, raw: bytes, filename: str) -> None:
    """Store an uploaded workshop file (already previewed) as a new workshop; on success the
    address carries its code and facilitator secret, as for :func:`create`."""
    try:
        created = services.import_workshop_file(
            ctx.store, raw, filename, creator_address(), ctx.lang
        )
    except SelfDataError as err:
        ctx.error(err)
        return
    _address(code=created.code, secret=created.secret, lang=ctx.lang if ctx.lang != "fr" else "")
    st.rerun()
