"""Who is looking at a screen, decided from the address alone and checked against the store.

A screen's address carries ``code`` (the workshop), and either ``secret`` (the facilitator)
or ``token`` (a participant), plus ``view=projection`` for the projector and ``lang``.
Nothing else is trusted: a role is never read from the address or from a browser session,
it is proven on every run — the secret and the token with
:func:`selfdata.app.services.credential_check`, in one read. A wrong credential is reported
and ignored. No Streamlit. The viewer itself is :class:`selfdata.domain.viewer.Viewer`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfdata.app import services
from selfdata.app.read_models import ParticipantInfo, RoomState
from selfdata.domain.errors import Forbidden, SelfDataError, StoreUnavailable
from selfdata.domain.viewer import Role, Viewer
from selfdata.i18n import normalise_lang
from selfdata.store import Store

MAX_PARAM = 200


@dataclass(frozen=True)
class AddressProof:
    """What a screen's address proves: the viewer, and what the screen shows of it."""

    viewer: Viewer
    me: ParticipantInfo | None = None
    room: RoomState | None = None
    problem: SelfDataError | None = None
    """Why a code, secret or token in the address was refused (shown, then ignored)."""
    bad_secret: bool = False
    """The address carried a facilitator secret that is not this workshop's (the page says
    so gently and offers to join as a participant; nothing is granted)."""


def visitor(lang: str = "fr", problem: SelfDataError | None = None) -> AddressProof:
    """Nobody proven: the home page's visitor (with why the address opened nothing)."""
    return AddressProof(Viewer("visitor", lang=lang), problem=problem)


def _param(params: Mapping[str, object], name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, list):
        value = value[-1] if value else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:MAX_PARAM] if value else None


def resolve_viewer(store: Store, params: Mapping[str, object]) -> AddressProof:
    """The viewer for these query parameters (``code``, ``secret``, ``token``, ``view``,
    ``lang``)."""
    lang = normalise_lang(_param(params, "lang") or "fr")
    code = _param(params, "code")
    if code is None:
        return visitor(lang)
    secret = _param(params, "secret")
    token = _param(params, "token")
    try:
        state = services.credential_check(store, code, secret=secret, token=token)
    except StoreUnavailable:
        raise  # the database, not the address: the page says so and keeps the identity
    except SelfDataError as err:
        return visitor(lang, err)
    room = state.room
    if state.facilitator:
        return AddressProof(Viewer("facilitator", room.code, secret=secret, lang=lang), room=room)
    problem = state.secret_problem
    bad_secret = isinstance(problem, Forbidden)
    me = state.me
    if me is not None:
        seat = me.table.id if me.table is not None else None
        who = Viewer(
            "participant", room.code, token=token, participant=me.id, table=seat, lang=lang
        )
        return AddressProof(who, me, room, problem=problem, bad_secret=bad_secret)
    problem = problem or state.token_problem
    role: Role = "projection" if _param(params, "view") == "projection" else "visitor"
    return AddressProof(
        Viewer(role, room.code, lang=lang), room=room, problem=problem, bad_secret=bad_secret
    )
