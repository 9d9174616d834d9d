"""Every page's starting point: :func:`page_context` reads the address, proves who is looking,
draws the shared chrome and returns a frozen :class:`PageContext`.

A page script gets everything from that one call — never from variables set by the entry
script — so each page also runs alone (``AppTest.from_file("pages/needs.py")``)::

    ctx = page_context("needs")
    board = services.needs_board(ctx.store, ctx.code, ctx.token, secret=ctx.secret)

Address (query parameters): ``code`` (workshop), ``secret`` (facilitator) or ``token``
(participant), ``view=projection`` (projector), ``lang=en`` (English; French by default).
The role is proven on every run against the store (see :mod:`selfdata.viewer`); the browser
session only holds this tab's UI choices.
"""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from selfdata import links, services
from selfdata.cards import STEP_IDS, Decks
from selfdata.errors import SelfDataError
from selfdata.i18n import normalise_lang, t
from selfdata.loading import default_decks
from selfdata.store import Store, default_url
from selfdata.viewer import UiRole, Viewer, resolve_viewer
from selfdata.views import ParticipantInfo, RoomPulse, RoomState

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES_DIR = ROOT / "pages"
PAGE_ORDER: tuple[str, ...] = ("home", "projection", "console", *STEP_IDS)
"""Every page key, in the order of the workshop."""
POLL_SECONDS = 1.0
"""How often the projector and the facilitator's screens ask the store whether the workshop
changed."""
TABLET_POLL_SECONDS = 2.0
"""How often a participant's tablet asks. Each ask is a fragment rerun that costs the server
~5.6 ms of CPU whatever it finds (most of it Streamlit's own message handling): 40 tablets
asking every second kept a fifth of the server's one core busy. Measured by bench/load.py
(docs/load.md)."""
FLASH_KEY = "ui_flash"

PAGE_ACCESS: dict[str, frozenset[str]] = {
    "home": frozenset({"facilitator", "participant", "projection", "visitor"}),
    "projection": frozenset({"facilitator", "participant", "projection", "visitor"}),
    "console": frozenset({"facilitator"}),
    **{step: frozenset({"facilitator", "participant"}) for step in STEP_IDS},
}
"""Who may see each page; others get a clear message and nothing else."""


def page_file(page: str) -> Path:
    return PAGES_DIR / f"{page}.py"


def page_title_key(page: str) -> str:
    return f"step.{page}" if page in STEP_IDS else f"page.{page}"


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return Store(url)


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


@dataclass(frozen=True)
class PageContext:
    """What a page needs, proven for this run.

    Fields:

    - ``page``: the page key (``home``, ``projection``, ``console`` or a step id);
    - ``store``: the store to pass to every :mod:`selfdata.services` call;
    - ``lang``: ``"fr"`` or ``"en"``;
    - ``role``: ``facilitator``, ``participant``, ``projection`` or ``visitor`` (not joined);
    - ``code``: the workshop's join code (``None`` when the address names no open workshop);
    - ``secret``: the verified facilitator secret, else ``None``;
    - ``token``: the verified participant token, else ``None``;
    - ``me``: the participant (pseudonym, id), else ``None``;
    - ``room``: :class:`~selfdata.views.RoomState` read at the start of this run (step, lock,
      timer, revealed steps, participant count, vote budget, ``version``), else ``None``;
    - ``decks``: the card decks;
    - ``base_url``: the address tablets can reach (for links and the QR code).

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
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_facilitator(self) -> bool:
        return self.role == "facilitator"

    @property
    def is_participant(self) -> bool:
        return self.role == "participant"

    @property
    def can_contribute(self) -> bool:
        """A participant while input is open (services enforce it too)."""
        return self.is_participant and self.room is not None and not self.room.locked

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

    def revealed(self, step: str) -> bool:
        return self.room is not None and step in self.room.revealed

    def error(self, err: SelfDataError) -> None:
        st.error(err.message(self.lang))

    def act(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call a service; a refusal is shown to the user (as a flash message on the next
        render when called from a widget callback) and ``None`` returned."""
        try:
            return fn(*args, **kwargs)
        except SelfDataError as err:
            flash(err.message(self.lang))
            return None


def flash(message: str, kind: str = "error") -> None:
    """Queue a message for the top of the next render of this tab (``kind``: ``error``,
    ``success`` or ``info``)."""
    queue = list(st.session_state.get(FLASH_KEY, []))
    queue.append((kind, message))
    st.session_state[FLASH_KEY] = queue


def _show_flash() -> None:
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        {"success": st.success, "info": st.info}.get(kind, st.error)(message)


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
    who = resolve_viewer(get_store(), params)
    if marker is not None:
        _RUN_VIEWERS[marker] = (key, who)
    return who


def page_context(page_key: str) -> PageContext:
    """Read the address, prove the role, draw the shared chrome; stop with a clear message
    when this viewer may not see ``page_key``. Returns the page's frozen context."""
    from selfdata.ui.chrome import configure_page, render_chrome
    from selfdata.ui.style import apply_style

    store = get_store()
    lang = current_lang()
    who = viewer()
    ctx = PageContext(
        page=page_key,
        store=store,
        lang=lang,
        role=who.role,
        code=who.code,
        secret=who.secret,
        token=who.token,
        me=who.me,
        room=who.room,
        decks=default_decks(),
        base_url=base_url(),
        view=st.query_params.get("view") or None,
    )
    configure_page(ctx.role, lang)
    apply_style(projection=page_key == "projection")
    render_chrome(ctx)
    if who.bad_secret:
        _bad_secret_notice(ctx)
    elif who.problem is not None:
        ctx.error(who.problem)
    _show_flash()
    allowed = PAGE_ACCESS.get(page_key, PAGE_ACCESS["home"])
    if ctx.role not in allowed or (page_key == "projection" and ctx.code is None):
        if not who.bad_secret:  # else the notice above already says what to do
            st.warning(
                ctx.t("access.denied_facilitator" if page_key == "console" else "access.join")
            )
            nav_link(ctx, "home", ctx.t("page.home"))
        st.stop()
    return ctx


def _bad_secret_notice(ctx: PageContext) -> None:
    """A facilitator link with a wrong secret: said gently, with the way to join as a
    participant (the address then carries the code only). Nothing is granted."""
    st.warning(ctx.t("access.bad_secret"), icon="🔑")
    if ctx.role != "participant" and ctx.code is not None:
        params = {"code": ctx.code, **({"lang": ctx.lang} if ctx.lang != "fr" else {})}
        nav_link(ctx, "home", "👋 " + ctx.t("access.join_as_participant"), params=params)


def nav_link(
    ctx: PageContext, page: str, label: str, *, params: dict[str, str] | None = None
) -> None:
    """A link to another page that keeps the viewer's identity and language. Falls back to a
    plain link when the page is not registered (a page script run alone in a test)."""
    from streamlit.errors import StreamlitAPIException

    carried = ctx.params if params is None else params
    run = get_script_run_ctx()
    main_dir = Path(run.main_script_path).parent if run is not None else ROOT
    try:
        st.page_link(os.path.relpath(page_file(page), main_dir), label=label, query_params=carried)
    except StreamlitAPIException:
        st.markdown(f"[{_escape_label(label)}]({links.page_url('', page, carried)})")


def _escape_label(label: str) -> str:
    return label.replace("[", "\\[").replace("]", "\\]")


def switch_to(page: str, params: dict[str, str]) -> None:
    """Go to another page of the app (keeps ``params`` in the address). No-op when the page is
    not registered in this run (a page script run alone in a test)."""
    from streamlit.errors import StreamlitAPIException

    try:
        st.switch_page(str(page_file(page).relative_to(ROOT)), query_params=params)
    except StreamlitAPIException:
        return


def live_updates(ctx: PageContext, *, follow_step: bool = False) -> None:
    """A small fragment that asks the store every second (every 2 s on a participant's
    tablet) whether the workshop moved and redraws the page when it did. With
    ``follow_step`` (participants' step pages), a change of step by the facilitator takes
    the tablet to the new step's page. Also shows the running countdown and redraws once
    when it ends (input locks)."""
    if ctx.code is None or ctx.room is None:
        return
    watch = _watch_tablet if ctx.is_participant else _watch
    watch(
        ctx.code,
        ctx.room.version,
        ctx.room.step,
        ctx.room.timer_end,
        ctx.room.locked,
        follow_step,
        ctx.params,
        ctx.lang,
        _room_key(ctx.room),
        time.time(),
    )


PARTICIPANT_REFRESH_SECONDS = 10.0
"""A tablet redraws for other people's contributions at most this often; its own actions
and a change of step, lock, timer or reveal redraw it at once. Measured by bench/load.py
(docs/load.md): redrawing 40 tablets on every vote saturated the server (40 tablets: p50
3.9 s, 8.6 reruns/s); with this, p50 0.11 s, 30 reruns/s. The projector stays live."""


def _room_key(room: RoomState | RoomPulse) -> tuple[object, ...]:
    """What makes a tablet redraw at once when it changes."""
    return (room.step, room.locked, room.timer_end, room.revealed)


@st.fragment(run_every=POLL_SECONDS)
def _watch(*args: Any) -> None:
    _check_room(*args)


@st.fragment(run_every=TABLET_POLL_SECONDS)
def _watch_tablet(*args: Any) -> None:
    _check_room(*args)


def _check_room(
    code: str,
    seen_version: int,
    seen_step: str,
    timer_end: float | None,
    seen_locked: bool,
    follow_step: bool,
    params: dict[str, str],
    lang: str,
    room_key: tuple[object, ...] = (),
    drawn_at: float = 0.0,
) -> None:
    store = get_store()
    try:
        pulse = services.room_pulse(store, code)
    except SelfDataError:
        return
    if timer_end is not None:
        remaining = max(0.0, timer_end - time.time())
        if remaining <= 0 and not seen_locked:
            st.rerun(scope="app")
        from selfdata.ui.widgets import countdown

        countdown(remaining, lang)
    if pulse.version == seen_version:
        return
    if follow_step:
        if pulse.step != seen_step and page_file(pulse.step).exists():
            switch_to(pulse.step, params)
        if _room_key(pulse) == room_key and time.time() - drawn_at < PARTICIPANT_REFRESH_SECONDS:
            return
    st.rerun(scope="app")
