"""Who is looking, with what: the process's store, the address's language, the proven
viewer of this run, and :class:`PageContext`, the frozen bundle a page works with.

The role is proven on every run against the store (see :mod:`selfdata.app.viewer`); the
browser session only holds this tab's UI choices.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata.app import links
from selfdata.app.retention import keep_retention
from selfdata.app.viewer import UiRole, Viewer, resolve_viewer
from selfdata.app.views import ParticipantInfo, RoomState
from selfdata.domain.cards import Decks
from selfdata.domain.errors import LimitExceeded, NotFound, SelfDataError, StoreUnavailable
from selfdata.i18n import normalise_lang, t
from selfdata.store import Store, default_url
from selfdata.ui.flash import flash
from selfdata.ui.limits import check as rate_check
from selfdata.ui.limits import code_lockout, locked_out, wrong_code


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    store = Store(url)
    keep_retention(store)  # this server process erases expired workshops, now and hourly
    return store


def get_store() -> Store:
    """The process's one :class:`Store` for the configured database (engine only: workshop
    state is always read from the store, never cached)."""
    return _store_for(default_url())


def query_params() -> dict[str, str]:
    return {k: st.query_params.get(k, "") for k in st.query_params}


def current_lang() -> str:
    return normalise_lang(st.query_params.get("lang", "fr"))


def base_url() -> str:
    """Where tablets reach this server (``SELFDATA_PUBLIC_URL`` or the LAN address)."""
    port = st.get_option("server.port") or 8501
    return links.public_base_url(int(port))


_RUN_VIEWERS: weakref.WeakKeyDictionary[Any, tuple[tuple[tuple[str, str], ...], Viewer]] = (
    weakref.WeakKeyDictionary()
)


def viewer() -> Viewer:
    """Who is looking, proven against the store once per script run: the entry script (for
    the page set) and the page (for its context) share the one read. A run is told apart by
    the per-run object Streamlit creates at the start of every run (its fragment
    coordinator); without one (outside a run), every call reads the store."""
    params = query_params()
    key = tuple(sorted(params.items()))
    run = get_script_run_ctx()
    marker = getattr(run, "parallel_coordinator", None) if run is not None else None
    if marker is not None:
        seen = _RUN_VIEWERS.get(marker)
        if seen is not None and seen[0] == key:
            return seen[1]
    who = _capped(resolve_viewer(get_store(), params), params.get("code", ""))
    if marker is not None:
        _RUN_VIEWERS[marker] = (key, who)
    return who


_COUNTED_KEY = "ui_wrong_codes"
STORE_FAILED_KEY = "ui_store_failed"
"""Set in this tab's session when an action or a fragment met the database failing: the
next page run shows the outage screen (:mod:`selfdata.ui.outage`, which redraws the page
once the database answers) instead of drawing over a message that would stay."""


def _capped(who: Viewer, code: str) -> Viewer:
    """A code in the address that opens no workshop counts against this session's and
    address's cap (once per code); past it, or while locked out, an address code opens
    nothing for anyone not proven by their secret or token, and the page says why."""
    if not code.strip() or who.role in ("facilitator", "participant"):
        return who
    locked = code_lockout()
    unknown = who.code is None and isinstance(who.problem, NotFound)
    if not locked and unknown:
        counted = st.session_state.setdefault(_COUNTED_KEY, set())
        if code not in counted:
            counted.add(code)
            try:
                wrong_code()
            except LimitExceeded as err:
                return Viewer("visitor", None, None, None, None, None, problem=err)
    if locked:
        return Viewer("visitor", None, None, None, None, None, problem=locked_out(locked))
    return who


@dataclass(frozen=True)
class PageContext:
    """What a page needs, proven for this run.

    Fields:

    - ``page``: the page key (``home``, ``projection``, ``console`` or a step id);
    - ``store``: the store to pass to every :mod:`selfdata.app.services` call;
    - ``lang``: ``"fr"`` or ``"en"``;
    - ``role``: ``facilitator``, ``participant``, ``projection`` or ``visitor`` (not joined);
    - ``code``: the workshop's join code (``None`` when the address names no open workshop);
    - ``secret``: the verified facilitator secret, else ``None``;
    - ``token``: the verified participant token, else ``None``;
    - ``me``: the participant (pseudonym, id), else ``None``;
    - ``room``: :class:`~selfdata.app.views.RoomState` read at the start of this run (step, lock,
      timer, revealed steps, participant count, vote budget, ``version``), else ``None``;
    - ``decks``: the card decks;
    - ``base_url``: the address tablets can reach (for links and the QR code);
    - ``view``: ``"projection"`` on the projector's read-only link, else ``None``.

    Read models take ``ctx.token`` and ``secret=ctx.secret`` as they are: the facilitator, a
    participant and the projector each see what they may.
    """

    page: str
    store: Store
    lang: str
    role: UiRole
    code: str | None
    secret: str | None
    token: str | None
    me: ParticipantInfo | None
    room: RoomState | None
    decks: Decks
    base_url: str
    view: str | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.role == "facilitator"

    @property
    def is_participant(self) -> bool:
        return self.role == "participant"

    def t(self, key: str, /, **values: object) -> str:
        """The catalog message ``key`` in this page's language."""
        return t(key, self.lang, **values)

    @property
    def params(self) -> dict[str, str]:
        """The query parameters that carry this viewer to another page (identity + language)."""
        out: dict[str, str] = {}
        if self.code:
            out["code"] = self.code
        if self.secret:
            out["secret"] = self.secret
        elif self.token:
            out["token"] = self.token
        elif self.view == "projection":
            out["view"] = "projection"
        if self.lang != "fr":
            out["lang"] = self.lang
        return out

    def error(self, err: SelfDataError) -> None:
        st.error(err.message(self.lang))

    def act(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call a service; a refusal is shown to the user (as a flash message on the next
        render when called from a widget callback) and ``None`` returned."""
        try:
            if self.is_participant:  # per-client taps: a flood of clicks is refused
                rate_check("action")
            return fn(*args, **kwargs)
        except StoreUnavailable as err:
            if err.key == "store.replaced":  # it still reads: nothing to wait for, a refusal
                flash(err.message(self.lang))
            else:  # the next run says so, and waits for the database to answer again
                st.session_state[STORE_FAILED_KEY] = err.key
            return None
        except SelfDataError as err:
            flash(err.message(self.lang))
            return None
