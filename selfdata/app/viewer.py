"""Who is looking at a screen, decided from the address alone and checked against the store.

A screen's address carries ``code`` (the workshop), and either ``secret`` (the facilitator)
or ``token`` (a participant), plus ``view=projection`` for the projector. Nothing else is
trusted: a role is never read from the address or from a browser session, it is proven on
every run — the secret and the token with :func:`selfdata.app.services.viewer_state`, in one
read. A wrong credential is reported and ignored. No Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from selfdata.app import services
from selfdata.app.views import ParticipantInfo, RoomState
from selfdata.domain.errors import Forbidden, SelfDataError, StoreUnavailable
from selfdata.store import Store

UiRole = Literal["facilitator", "participant", "projection", "visitor"]
"""``visitor``: not joined (no code, or a code without credentials)."""

MAX_PARAM = 200


@dataclass(frozen=True)
class Viewer:
    role: UiRole
    code: str | None
    """The workshop's code as stored, when the address names an open workshop."""
    secret: str | None
    """The facilitator secret, only once verified."""
    token: str | None
    """The participant token, only once verified."""
    me: ParticipantInfo | None
    room: RoomState | None
    problem: SelfDataError | None = None
    """Why a code, secret or token in the address was refused (shown, then ignored)."""
    bad_secret: bool = False
    """The address carried a facilitator secret that is not this workshop's (the page says
    so gently and offers to join as a participant; nothing is granted)."""


def _param(params: Mapping[str, object], name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, list):
        value = value[-1] if value else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:MAX_PARAM] if value else None


def resolve_viewer(store: Store, params: Mapping[str, object]) -> Viewer:
    """The viewer for these query parameters (``code``, ``secret``, ``token``, ``view``)."""
    code = _param(params, "code")
    if code is None:
        return Viewer("visitor", None, None, None, None, None)
    secret = _param(params, "secret")
    token = _param(params, "token")
    try:
        state = services.viewer_state(store, code, secret=secret, token=token)
    except StoreUnavailable:
        raise  # the database, not the address: the page says so and keeps the identity
    except SelfDataError as err:
        return Viewer("visitor", None, None, None, None, None, problem=err)
    room = state.room
    if state.facilitator:
        return Viewer("facilitator", room.code, secret, None, None, room)
    problem = state.secret_problem
    bad_secret = isinstance(problem, Forbidden)
    if state.me is not None:
        return Viewer(
            "participant",
            room.code,
            None,
            token,
            state.me,
            room,
            problem=problem,
            bad_secret=bad_secret,
        )
    problem = problem or state.token_problem
    role: UiRole = "projection" if _param(params, "view") == "projection" else "visitor"
    return Viewer(role, room.code, None, None, None, room, problem=problem, bad_secret=bad_secret)
