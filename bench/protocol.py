"""A small asyncio client for Streamlit's websocket protocol, and a server launcher.

It drives the real server the way a browser tab does: one websocket on
``/_stcore/stream`` per session, protobuf ``BackMsg.rerun_script`` requests that carry
the widget states, ``ForwardMsg`` replies read until ``script_finished``.

    async with StreamlitSession(url, query_string="code=ABC&token=t") as s:
        await s.rerun()                      # first page load
        await s.click("inc")                 # button keyed "inc"
        await s.set_value("choice", "Yes")   # radio/selectbox by label, checkbox, slider…
        print(s.texts(), s.last.latency_s)

Widgets are found by their user key: a keyed widget's id is ``$$ID-<hash>-<key>``.
The client keeps every widget value it has set and sends them on every rerun, as the
browser does; a button's trigger is sent once. Fragments that asked to rerun on a timer
(``st.fragment(run_every=…)``) show up in :attr:`StreamlitSession.auto_reruns`; the
browser drives those timers, so a caller does too, with :meth:`rerun_fragment`.

The server may also start a run the client did not ask for (a *pushed* run: the app asks
Streamlit to rerun a live fragment when the workshop changed). Such runs are applied to the
page like any other; :meth:`StreamlitSession.next_push` waits for one, and a request's
answer is never taken from a run that had started before the request was sent, nor, for a
full rerun, from a fragment run (:attr:`StreamlitSession.pushed` counts the others).

Each session keeps its own cookies, as a browser tab does: behind a load balancer with
sticky sessions (``python -m selfdata serve --replicas N``: HAProxy's cookie), a session
stays on the replica that served its first request, also when it reconnects
(:meth:`StreamlitSession.reconnect`: the same server session, as a browser after a network
blip) or uploads a file (:meth:`StreamlitSession.upload`) or fetches a download
(:meth:`StreamlitSession.fetch`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Common_pb2 import FileURLsResponse
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

# script_finished statuses (ForwardMsg.ScriptFinishedStatus)
FINISHED_SUCCESSFULLY = ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_WITH_COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
FINISHED_EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_FRAGMENT_RUN_SUCCESSFULLY = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY

_TRIGGER_TYPES = {"button", "download_button"}
_STRING_TYPES = {"text_input", "text_area", "color_picker", "feedback"}
_TEXT_TYPES = ("markdown", "text", "heading", "alert", "code", "caption")


class ProtocolError(RuntimeError):
    """The server answered something a browser would not accept, or nothing in time."""


@dataclass
class RunResult:
    """One rerun as the client saw it."""

    latency_s: float
    status: int
    messages: list[ForwardMsg]
    exceptions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.exceptions and self.status in (
            FINISHED_SUCCESSFULLY,
            FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        )


@dataclass
class _Node:
    element: Element
    fragment_id: str


class StreamlitSession:
    """One browser tab: a websocket, its own server session, its widget states."""

    def __init__(
        self,
        url: str,
        *,
        query_string: str = "",
        page_name: str = "",
        timeout_s: float = 30.0,
        cookies: Mapping[str, str] | None = None,
        load_page: bool = False,
    ) -> None:
        self.http_url = url.rstrip("/")
        base = self.http_url
        if base.startswith("http"):
            base = "ws" + base[len("http") :]
        self.ws_url = base + "/_stcore/stream"
        self.cookies: dict[str, str] = dict(cookies or {})
        """This tab's cookies (a sticky load balancer's, Streamlit's XSRF token)."""
        self.load_page = load_page
        """Fetch the page and the health check before opening the websocket, as a browser
        does (their cookies)."""
        self.session_id = ""
        """The server session's id (every ``new_session`` message names it)."""
        self.query_string = query_string
        self.page_name = page_name
        self.page_script_hash = ""
        self.timeout_s = timeout_s
        self.session_pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.auto_reruns: dict[str, float] = {}  # fragment_id -> interval (s)
        self.last: RunResult | None = None
        self.runs = 0
        self._nodes: dict[tuple[int, ...], _Node] = {}
        self._values: dict[str, WidgetState] = {}
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._inbox: asyncio.Queue[ForwardMsg | None] = asyncio.Queue()
        self._lock = asyncio.Lock()
        self._last_fragment = ""
        self._earlier_runs: set[str] = set()  # runs started before the pending request
        self._push_started: dict[str, float] = {}  # run id -> when its first message came
        self.pushed = 0  # runs finished that the client did not ask for

    # -- connection ---------------------------------------------------------------
    async def connect(self, *, resume: bool = False) -> StreamlitSession:
        """Open the websocket. ``resume``: ask for the server session this client had (the
        browser's reconnection: the session's id in the third subprotocol entry)."""
        if self.load_page and not self.cookies:
            await self.fetch("/")  # the page, then the health check that gives the XSRF token
            await self.fetch("/_stcore/health")
        protocols = ["streamlit"]
        if resume and self.session_id:
            # the browser's second entry is its XSRF token (a placeholder when it has none)
            xsrf = self.cookies.get("_streamlit_xsrf", "") or "PLACEHOLDER_AUTH_TOKEN"
            protocols += [xsrf, self.session_id]
        headers = {"Cookie": self._cookie_header()} if self.cookies else None
        self._ws = await asyncio.wait_for(
            websockets.connect(
                self.ws_url,
                subprotocols=[websockets.Subprotocol(p) for p in protocols],
                additional_headers=headers,
                max_size=None,
                open_timeout=self.timeout_s,
            ),
            self.timeout_s,
        )
        response = getattr(self._ws, "response", None)
        if response is not None:
            self._remember_cookies(response.headers.get_all("Set-Cookie"))
        self._inbox = asyncio.Queue()
        self._reader = asyncio.create_task(self._read_loop())
        return self

    async def reconnect(self) -> StreamlitSession:
        """Drop the websocket and open a new one for the same server session (what a
        browser does after a network blip); its cookies go with it."""
        await self.close()
        return await self.connect(resume=True)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _remember_cookies(self, set_cookies: Sequence[str]) -> None:
        for line in set_cookies:
            name, sep, value = line.split(";", 1)[0].strip().partition("=")
            if sep and name:
                self.cookies[name] = value

    async def fetch(
        self,
        path: str,
        *,
        method: str = "GET",
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """An HTTP request of this tab (its cookies sent, the answer's kept): (status, body)."""
        url = path if path.startswith("http") else self.http_url + "/" + path.lstrip("/")

        def send() -> tuple[int, bytes]:
            request = urllib.request.Request(url, data=body, method=method)
            for k, v in {**(headers or {}), "Cookie": self._cookie_header()}.items():
                if v:
                    request.add_header(k, v)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as reply:
                    self._remember_cookies(reply.headers.get_all("Set-Cookie") or [])
                    return int(reply.status), reply.read()
            except urllib.error.HTTPError as err:
                self._remember_cookies(err.headers.get_all("Set-Cookie") or [])
                return int(err.code), err.read()

        return await asyncio.to_thread(send)

    async def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        self._ws = None
        self._reader = None

    async def __aenter__(self) -> StreamlitSession:
        return await self.connect()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _read_loop(self) -> None:
        try:
            async for data in self._ws:
                if isinstance(data, str):
                    continue
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._inbox.put_nowait(msg)
        except websockets.ConnectionClosed:
            pass
        finally:
            self._inbox.put_nowait(None)

    # -- reruns -------------------------------------------------------------------
    async def rerun(
        self,
        widget_states: Sequence[WidgetState] = (),
        *,
        query_string: str | None = None,
        page: str | None = None,
        fragment_id: str = "",
        is_auto_rerun: bool = False,
    ) -> RunResult:
        """Ask for a rerun and read until the script finished; return what happened.

        ``widget_states`` are sent on top of the values this client keeps; a
        trigger (button click) is sent once. ``page`` is a page's url path.
        """
        if self._ws is None:
            raise ProtocolError("not connected")
        async with self._lock:
            if query_string is not None:
                self.query_string = query_string
            if page is not None and page != self.page_name:
                self.page_name = page
                self.page_script_hash = self.session_pages.get(page, "")
            states = dict(self._values)
            for ws in widget_states:
                states[ws.id] = ws
            back = BackMsg()
            cs: ClientState = back.rerun_script
            cs.query_string = self.query_string
            cs.page_script_hash = self.page_script_hash
            cs.page_name = self.page_name
            cs.fragment_id = fragment_id
            cs.is_auto_rerun = is_auto_rerun
            cs.widget_states.widgets.extend(states.values())
            for ws in widget_states:
                if ws.WhichOneof("value") not in ("trigger_value", "string_trigger_value"):
                    self._values[ws.id] = ws
            # Anything left over (status messages after a run, pushed runs) belongs to no
            # request; a run already started is not this request's answer.
            while not self._inbox.empty():
                self._consume_unasked(self._inbox.get_nowait())
            self._last_fragment = fragment_id
            started = time.perf_counter()
            await self._ws.send(back.SerializeToString())
            result = await asyncio.wait_for(self._read_run(fragment_id, started), self.timeout_s)
            self.last = result
            self.runs += 1
            return result

    async def _read_run(self, fragment_id: str, started: float) -> RunResult:
        messages: list[ForwardMsg] = []
        exceptions: list[str] = []
        while True:
            msg = await self._inbox.get()
            if msg is None:
                raise ProtocolError("the server closed the connection during a run")
            messages.append(msg)
            status = self._consume(msg, fragment_id, messages, exceptions)
            if status is None or status == FINISHED_EARLY_FOR_RERUN:
                continue
            run = msg.metadata.run
            if run.script_run_id in self._earlier_runs or (
                not fragment_id and len(run.fragment_ids) > 0
            ):
                self.pushed += 1  # a pushed run that finished meanwhile: not the answer
                self._earlier_runs.discard(run.script_run_id)
                continue
            self._earlier_runs.clear()
            return RunResult(time.perf_counter() - started, status, messages, exceptions)

    def _consume_unasked(self, msg: ForwardMsg | None) -> int | None:
        """A message read while no request is pending."""
        if msg is not None and msg.WhichOneof("type") == "new_session":
            self._earlier_runs.add(msg.metadata.run.script_run_id)
        status = self._consume(msg, self._last_fragment, [], [])
        if status is not None and msg is not None:
            self._earlier_runs.discard(msg.metadata.run.script_run_id)
        return status

    async def next_push(self, timeout_s: float) -> tuple[float, float, int] | None:
        """Wait up to ``timeout_s`` for a run the client did not ask for to finish, applying
        what it draws; returns (when its first message came, when it finished, status), or
        None. Only between requests (it holds the request lock)."""
        if self._ws is None:
            raise ProtocolError("not connected")
        deadline = time.perf_counter() + timeout_s
        async with self._lock:
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                try:
                    msg = await asyncio.wait_for(self._inbox.get(), left)
                except TimeoutError:
                    return None
                if msg is None:
                    raise ProtocolError("the server closed the connection")
                now = time.perf_counter()
                if msg.WhichOneof("type") == "new_session":
                    self._push_started[msg.metadata.run.script_run_id] = now
                status = self._consume_unasked(msg)
                if status is None:
                    continue
                run_id = msg.metadata.run.script_run_id
                first = self._push_started.pop(run_id, now)
                if status == FINISHED_EARLY_FOR_RERUN:
                    continue  # a fragment that asked for a full run: wait for that one
                self.pushed += 1
                return first, now, status

    def _consume(
        self,
        msg: ForwardMsg | None,
        fragment_id: str,
        messages: list[ForwardMsg],
        exceptions: list[str],
    ) -> int | None:
        """Apply one message from the server, as the browser would; the run's status when
        it is a ``script_finished``, else None."""
        if msg is None:
            return None
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            if msg.script_finished in (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                self._forget_inactive_widgets()
            return msg.script_finished
        apply = _MESSAGE_HANDLERS.get(kind or "")
        if apply is not None:
            apply(self, msg, fragment_id, exceptions)
        return None

    def _on_new_session(self, msg: ForwardMsg, fragment_id: str, _: list[str]) -> None:
        if msg.new_session.initialize.session_id:
            self.session_id = msg.new_session.initialize.session_id
        if msg.new_session.page_script_hash:
            self._follow_page(msg.new_session.page_script_hash)
        # The run says what it is: a fragment run names its fragments; a full run
        # (also one a fragment asked for with st.rerun(scope="app")) names none.
        running = set(msg.metadata.run.fragment_ids)
        if not msg.metadata.HasField("run"):
            running = {fragment_id} if fragment_id else set()
        if running:
            self._nodes = {p: n for p, n in self._nodes.items() if n.fragment_id not in running}
        else:
            self._nodes = {}
            self.auto_reruns = {}

    def _on_page_info_changed(self, msg: ForwardMsg, _: str, __: list[str]) -> None:
        self.query_string = msg.page_info_changed.query_string

    def _on_navigation(self, msg: ForwardMsg, _: str, __: list[str]) -> None:
        for page in msg.navigation.app_pages:
            self.session_pages[page.url_pathname] = page.page_script_hash
        if msg.navigation.page_script_hash:
            self._follow_page(msg.navigation.page_script_hash)

    def _on_auto_rerun(self, msg: ForwardMsg, _: str, __: list[str]) -> None:
        self.auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval

    def _on_delta(self, msg: ForwardMsg, _: str, exceptions: list[str]) -> None:
        self._apply_delta(msg, exceptions)

    def _on_session_event(self, msg: ForwardMsg, _: str, exceptions: list[str]) -> None:
        if msg.session_event.HasField("script_compilation_exception"):
            exc = msg.session_event.script_compilation_exception
            exceptions.append(f"{exc.type}: {exc.message}")

    def _forget_inactive_widgets(self) -> None:
        """As the browser does after each run (``removeInactiveWidgetState``): the values
        of widgets no longer on the page are dropped, so they are not sent again. (Sent
        again, a widget with ``on_change`` that comes back on a later page would see them
        as a change and run its callback once more.)"""
        active = set()
        for node in self._nodes.values():
            kind = node.element.WhichOneof("type")
            widget_id = getattr(getattr(node.element, kind), "id", "") if kind else ""
            if widget_id:
                active.add(widget_id)
        self._values = {k: v for k, v in self._values.items() if k in active}

    def _follow_page(self, page_script_hash: str) -> None:
        """The server ran this page (a link, st.switch_page): the browser's address follows."""
        self.page_script_hash = page_script_hash
        for name, known in self.session_pages.items():
            if known == page_script_hash:
                self.page_name = name

    def _apply_delta(self, msg: ForwardMsg, exceptions: list[str]) -> None:
        delta = msg.delta
        path = tuple(msg.metadata.delta_path)
        if delta.WhichOneof("type") != "new_element" or not path:
            return
        element = delta.new_element
        self._nodes[path] = _Node(element, delta.fragment_id)
        kind = element.WhichOneof("type")
        if kind == "exception":
            exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind is not None:
            proto = getattr(element, kind)
            # A value set from the script (session_state) becomes the client's value.
            if getattr(proto, "set_value", False) and hasattr(proto, "id"):
                self._remember_server_value(kind, proto)

    def _remember_server_value(self, kind: str, proto: Any) -> None:
        ws = WidgetState(id=proto.id)
        if kind in ("radio", "selectbox") and proto.HasField("raw_value"):
            ws.string_value = proto.raw_value
        elif kind in ("checkbox",):
            ws.bool_value = proto.value
        elif kind in _STRING_TYPES and proto.HasField("value"):
            ws.string_value = proto.value
        else:
            return
        self._values[proto.id] = ws

    # -- the page as the browser would show it ------------------------------------
    def elements(self) -> Iterator[tuple[str, Any]]:
        """Yield (type, proto) for every element on the page, in page order."""
        for path in sorted(self._nodes):
            element = self._nodes[path].element
            kind = element.WhichOneof("type")
            if kind is not None:
                yield kind, getattr(element, kind)

    def texts(self) -> list[str]:
        """The text of every text-like element (markdown, headings, alerts, metrics…)."""
        out: list[str] = []
        for kind, proto in self.elements():
            if kind in _TEXT_TYPES:
                out.append(proto.body)
            elif kind == "metric":
                out.append(f"{proto.label}: {proto.body}")
            elif hasattr(proto, "label") and isinstance(proto.label, str):
                out.append(proto.label)
        return out

    def find_widget(self, key: str) -> tuple[str, Any]:
        """The widget whose user key is ``key``: (type, proto). KeyError if absent."""
        suffix = "-" + key
        for kind, proto in self.elements():
            wid = getattr(proto, "id", "")
            if isinstance(wid, str) and wid.startswith("$$ID-") and wid.endswith(suffix):
                if wid.split("-", 2)[-1] == key:
                    return kind, proto
        raise KeyError(f"no widget keyed {key!r} on the page")

    def widget_keys(self) -> list[tuple[str, str]]:
        """(user key, widget type) of every keyed widget on the page, in page order."""
        out: list[tuple[str, str]] = []
        for kind, proto in self.elements():
            wid = getattr(proto, "id", "")
            if isinstance(wid, str) and wid.startswith("$$ID-"):
                key = wid.split("-", 2)[-1]
                if key != "None":
                    out.append((key, kind))
        return out

    def has_widget(self, key: str) -> bool:
        try:
            self.find_widget(key)
        except KeyError:
            return False
        return True

    def widget_state(self, key: str, value: Any = True) -> WidgetState:
        """The WidgetState a browser would send for the widget keyed ``key``."""
        kind, proto = self.find_widget(key)
        ws = WidgetState(id=proto.id)
        if kind in _TRIGGER_TYPES:
            ws.trigger_value = bool(value)
        elif kind == "checkbox":
            ws.bool_value = bool(value)
        elif kind in ("radio", "selectbox"):
            options = list(proto.options)
            ws.string_value = options[value] if isinstance(value, int) else str(value)
            if ws.string_value not in options:
                raise ValueError(f"{value!r} is not an option of {key!r}: {options}")
        elif kind in _STRING_TYPES:
            ws.string_value = str(value)
        elif kind == "number_input":
            ws.double_value = float(value)
        elif kind == "slider":
            values = value if isinstance(value, list | tuple) else [value]
            ws.double_array_value.data.extend(float(v) for v in values)
        elif kind in ("multiselect", "button_group"):
            values = value if isinstance(value, list | tuple) else [value]
            ws.string_array_value.data.extend(str(v) for v in values)
        else:
            raise ValueError(f"widget {key!r} is a {kind}: not supported by this client")
        return ws

    async def click(self, key: str) -> RunResult:
        """Click the button keyed ``key`` (one trigger, as a browser sends it; a widget
        drawn by a fragment reruns that fragment, as in the browser)."""
        state = self.widget_state(key, True)
        return await self.rerun([state], fragment_id=self.widget_fragment(key))

    async def set_value(self, key: str, value: Any) -> RunResult:
        state = self.widget_state(key, value)
        return await self.rerun([state], fragment_id=self.widget_fragment(key))

    def widget_fragment(self, key: str) -> str:
        """The id of the fragment that drew the widget keyed ``key`` ("" for the page)."""
        suffix = "-" + key
        for node in self._nodes.values():
            kind = node.element.WhichOneof("type")
            wid = getattr(getattr(node.element, kind), "id", "") if kind else ""
            if isinstance(wid, str) and wid.startswith("$$ID-") and wid.endswith(suffix):
                if wid.split("-", 2)[-1] == key:
                    return str(node.fragment_id)
        raise KeyError(f"no widget keyed {key!r} on the page")

    async def upload(self, key: str, name: str, data: bytes, mime: str = "") -> RunResult:
        """Give the file uploader keyed ``key`` one file, as the browser does: ask the server
        for an upload URL (``file_urls_request``), PUT the file there (multipart, with the
        XSRF token of the page's cookie), then rerun with the uploader's new state."""
        kind, proto = self.find_widget(key)
        if kind != "file_uploader":
            raise ValueError(f"widget {key!r} is a {kind}, not a file uploader")
        urls = await self._file_urls(name)
        boundary = uuid.uuid4().hex
        part = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="UploadedFile"; '
            f'filename="{name}"\r\nContent-Type: {mime or "application/octet-stream"}\r\n\r\n'
        ).encode()
        body = part + data + f"\r\n--{boundary}--\r\n".encode()
        status, answer = await self.fetch(
            urls.upload_url,
            method="PUT",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "X-Xsrftoken": self.cookies.get("_streamlit_xsrf", ""),
            },
        )
        if status != 204:
            raise ProtocolError(f"upload refused: {status} {answer[:200]!r}")
        ws = WidgetState(id=proto.id)
        info = ws.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = name, len(data), urls.file_id
        info.file_urls.CopyFrom(urls)
        return await self.rerun([ws])

    async def _file_urls(self, name: str) -> Any:
        if self._ws is None:
            raise ProtocolError("not connected")
        async with self._lock:
            back = BackMsg()
            request_id = uuid.uuid4().hex
            back.file_urls_request.request_id = request_id
            back.file_urls_request.file_names.append(name)
            back.file_urls_request.session_id = self.session_id
            await self._ws.send(back.SerializeToString())
            deadline = time.perf_counter() + self.timeout_s
            while True:
                left = deadline - time.perf_counter()
                msg = await asyncio.wait_for(self._inbox.get(), max(0.01, left))
                if msg is None:
                    raise ProtocolError("the server closed the connection")
                if msg.WhichOneof("type") == "file_urls_response":
                    response: FileURLsResponse = msg.file_urls_response
                    if response.response_id != request_id:
                        continue
                    if response.error_msg or not response.file_urls:
                        raise ProtocolError(f"no upload URL: {response.error_msg}")
                    return response.file_urls[0]
                self._consume_unasked(msg)

    async def rerun_fragment(self, fragment_id: str | None = None) -> RunResult:
        """Rerun a fragment as the browser's run_every timer does (first one if None)."""
        if fragment_id is None:
            if not self.auto_reruns:
                raise ProtocolError("no fragment asked for an automatic rerun")
            fragment_id = next(iter(self.auto_reruns))
        return await self.rerun(fragment_id=fragment_id, is_auto_rerun=True)


_MESSAGE_HANDLERS: dict[str, Callable[[StreamlitSession, ForwardMsg, str, list[str]], None]] = {
    "new_session": StreamlitSession._on_new_session,
    "page_info_changed": StreamlitSession._on_page_info_changed,
    "navigation": StreamlitSession._on_navigation,
    "auto_rerun": StreamlitSession._on_auto_rerun,
    "delta": StreamlitSession._on_delta,
    "session_event": StreamlitSession._on_session_event,
}
"""What a session does with each kind of message from the server (``script_finished``
aside: it ends the run); other kinds change nothing."""


# -- a real server in a subprocess ------------------------------------------------
def free_port() -> int:
    """A free loopback port. Under pytest-xdist (``make test`` runs the browser tests and the
    servers of the integration tests on several workers at once) each port belongs to one
    worker (``port // 2`` modulo the number of workers: Linux hands ``bind`` odd ports first,
    so not the parity itself), and a worker only takes its own: a port one worker found free
    and has not bound yet (its server is starting) is never handed to another. Elsewhere,
    any free port."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    mine = int(worker) % workers if worker.isdigit() else 0
    for _ in range(1000):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port // 2 % workers == mine:
            return port
    raise RuntimeError(f"no free port for worker {worker} of {workers}")


class StreamlitServer:
    """``streamlit run APP`` on 127.0.0.1:PORT in a subprocess, until stopped."""

    def __init__(
        self,
        app: str | Path,
        *,
        cwd: str | Path | None = None,
        env: dict[str, str] | None = None,
        options: dict[str, str] | None = None,
        port: int | None = None,
        log_path: str | Path | None = None,
    ) -> None:
        self.app = str(app)
        self.cwd = str(cwd) if cwd else None
        self.env = {**os.environ, **(env or {})}
        self.options = {"server.headless": "true", "browser.gatherUsageStats": "false"}
        self.options.update(options or {})
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    def start(self, timeout_s: float = 30.0) -> StreamlitServer:
        cmd = [sys.executable, "-m", "streamlit", "run", self.app]
        cmd += [f"--server.port={self.port}", "--server.address=127.0.0.1"]
        cmd += [f"--{k}={v}" for k, v in self.options.items()]
        self._log = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd, cwd=self.cwd, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ProtocolError(f"streamlit exited with {self.proc.returncode}: {cmd}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise ProtocolError(f"streamlit not healthy after {timeout_s}s on {self.url}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self._log not in (None, subprocess.DEVNULL):
            self._log.close()
        self._log = None

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
