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
from selfdata.app.read_models import ParticipantInfo, RoomState
from selfdata.app.retention import keep_retention
from selfdata.app.viewer import AddressProof, resolve_viewer, visitor
from selfdata.domain.cards import Decks
from selfdata.domain.errors import LimitExceeded, NotFound, SelfDataError, StoreUnavailable
from selfdata.domain.viewer import Role, Viewer
from selfdata.i18n import normalise_lang, t
from selfdata.store import Store, default_url
from selfdata.ui.flash import flash
from selfdata.ui.kept_secret import kept, with_kept_secret
from selfdata.ui.throttle import check as rate_check
from selfdata.ui.throttle import code_lockout, locked_out, wrong_code


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


_RUN_PROOFS: weakref.WeakKeyDictionary[Any, tuple[tuple[tuple[str, str], ...], AddressProof]] = (
    weakref.WeakKeyDictionary()
)


def run_viewer() -> AddressProof:
    """Who is looking, and what the address proves, read from the store once per script
    run: the entry script (for the page set) and the page (for its context) share the one
    read. A run is told apart by
    the per-run object Streamlit creates at the start of every run (its fragment
    coordinator); without one (outside a run), every call reads the store."""
    params = with_kept_secret(query_params())
    key = tuple(sorted(params.items()))
    run = get_script_run_ctx()
    marker = getattr(run, "parallel_coordinator", None) if run is not None else None
    if marker is not None:
        seen = _RUN_PROOFS.get(marker)
        if seen is not None and seen[0] == key:
            return seen[1]
    who = _capped(resolve_viewer(get_store(), params), params.get("code", ""))
    if marker is not None:
        _RUN_PROOFS[marker] = (key, who)
    return who


_COUNTED_KEY = "ui_wrong_codes"
STORE_FAILED_KEY = "ui_store_failed"
"""Set in this tab's session when an action or a fragment met the database failing: the
next page run shows the outage screen (:mod:`selfdata.ui.outage`, which redraws the page
once the database answers) instead of drawing over a message that would stay."""


def _capped(who: AddressProof, code: str) -> AddressProof:
    """A code in the address that opens no workshop counts against this session's and
    address's cap (once per code); past it, or while locked out, an address code opens
    nothing for anyone not proven by their secret or token, and the page says why."""
    if not code.strip() or who.viewer.role in ("facilitator", "participant"):
        return who
    locked = code_lockout()
    unknown = who.viewer.code is None and isinstance(who.problem, NotFound)
    if not locked and unknown:
        counted = st.session_state.setdefault(_COUNTED_KEY, set())
        if code not in counted:
            counted.add(code)
            try:
                wrong_code()
            except LimitExceeded as err:
                return visitor(who.viewer.lang, err)
    if locked:
        return visitor(who.viewer.lang, locked_out(locked))
    return who


@dataclass(frozen=True)
class PageContext:
    """What a page needs, proven for this run.

    Fields:

    - ``page``: the page key (``home``, ``projection``, ``console`` or a step id);
    - ``store``: the store to pass to every :mod:`selfdata.app.services` call;
    - ``viewer``: who is looking (:class:`~selfdata.domain.viewer.Viewer`), proven for this
      run; its parts read as ``ctx.role`` (``facilitator``, ``participant``, ``projection``
      or ``visitor``), ``ctx.code`` (``None`` when the address names no open workshop),
      ``ctx.secret`` and ``ctx.token`` (verified, else ``None``) and ``ctx.lang``;
    - ``me``: the participant (pseudonym, id, table), else ``None``;
    - ``room``: :class:`~selfdata.app.read_models.RoomState` read at the start of this run
      (step, lock, timer, revealed steps, participant count, vote budget, ``version``),
      else ``None``;
    - ``decks``: the card decks;
    - ``base_url``: the address tablets can reach (for links and the QR code);
    - ``view``: ``"projection"`` on the projector's read-only link, else ``None``.

    Read models take ``ctx.token`` and ``secret=ctx.secret`` as they are: the facilitator, a
    participant and the projector each see what they may.
    """

    page: str
    store: Store
    viewer: Viewer
    me: ParticipantInfo | None
    room: RoomState | None
    decks: Decks
    base_url: str
    view: str | None = None

    @property
    def role(self) -> Role:
        return self.viewer.role

    @property
    def code(self) -> str | None:
        return self.viewer.code

    @property
    def secret(self) -> str | None:
        return self.viewer.secret

    @property
    def token(self) -> str | None:
        return self.viewer.token

    @property
    def lang(self) -> str:
        return self.viewer.lang

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
        if self.secret:  # a tab that keeps it (selfdata.ui.kept_secret) needs no secret
            if not kept(self.code):
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
