"""Addresses the room's tablets can reach: join, participant, facilitator and projection links.

The laptop that runs the app is rarely reachable as ``localhost`` from a tablet, so links
carry the laptop's address on the local network (found with a UDP socket that is connected
but never sends anything) or ``SELFDATA_PUBLIC_URL`` when the app sits behind a proxy.
Pure standard library: no Streamlit here.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from urllib.parse import urlencode

PUBLIC_URL_ENV = "SELFDATA_PUBLIC_URL"
_PROBE_ADDRESS = ("192.0.2.1", 9)
"""TEST-NET-1 (RFC 5737): never routed; ``connect`` on UDP only picks the outgoing interface."""

PAGE_PATHS: dict[str, str] = {
    "home": "",
    "projection": "projection",
    "console": "console",
    "prepare": "prepare",
    "inventory": "inventory",
    "needs": "needs",
    "use_cases": "use_cases",
    "governance": "governance",
    "network": "network",
    "scenarios": "scenarios",
    "export": "export",
}
"""Page key -> URL path of that page in the app (``""`` is the home page)."""


def lan_address() -> str:
    """The IPv4 address this machine uses on its local network, or its host name when it has
    no route at all (never ``127.0.0.1``: a tablet could not use it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(_PROBE_ADDRESS)  # UDP connect: no packet leaves the machine
        address = str(probe.getsockname()[0])
    except OSError:
        address = ""
    finally:
        probe.close()
    if not address or address.startswith("127.") or address == "0.0.0.0":
        return socket.gethostname() or "localhost"
    return address


def public_base_url(port: int, env: Mapping[str, str] | None = None) -> str:
    """``SELFDATA_PUBLIC_URL`` (without a trailing slash) when set, else
    ``http://<LAN address>:<port>``."""
    environ = os.environ if env is None else env
    configured = environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    return f"http://{lan_address()}:{int(port)}"


def page_url(base: str, page: str, params: Mapping[str, str | None]) -> str:
    """``base/<page path>?params`` with empty parameters left out."""
    path = PAGE_PATHS[page]
    query = urlencode({k: v for k, v in params.items() if v})
    url = f"{base.rstrip('/')}/{path}"
    return f"{url}?{query}" if query else url


def join_url(base: str, code: str, lang: str = "fr") -> str:
    """What the QR code carries: the home page with the join code filled in."""
    return page_url(base, "home", {"code": code, "lang": lang if lang != "fr" else None})


def projection_url(base: str, code: str, lang: str = "fr") -> str:
    """The read-only projector view: the code only, never the secret."""
    return page_url(
        base,
        "home",
        {"code": code, "view": "projection", "lang": lang if lang != "fr" else None},
    )


def facilitator_url(base: str, code: str, secret: str, lang: str = "fr") -> str:
    """The facilitator's console; the secret is in it, so it is shown only to its holder."""
    return page_url(
        base, "console", {"code": code, "secret": secret, "lang": lang if lang != "fr" else None}
    )
