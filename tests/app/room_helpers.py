"""Helpers for the AppTest suite: a room made from an example, and readers of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


@dataclass(frozen=True)
class Room:
    store: Store
    code: str
    secret: str
    token: str
    """A participant who joined as « Testeur »."""

    def join(self, pseudonym: str) -> str:
        return services.join(self.store, self.code, pseudonym).token

    def at(self, step: str) -> None:
        """The facilitator moves the room to ``step``: a participant acts on the room's
        current step only (dots at the needs step, ratings at the scenarios step…)."""
        services.set_step(self.store, self.code, self.secret, step)


def open_room(store: Store, example: str = "la_rochelle") -> Room:
    created = services.create_workshop(store, example=example)
    token = services.join(store, created.code, "Testeur").token
    return Room(store, created.code, created.secret, token)


def texts(at: AppTest) -> str:
    """Every text the page shows (markdown, titles, captions, metrics…), one per line, as a
    reader sees it (Markdown escapes and the invisible word joiners that keep a bare address
    from becoming a link removed)."""
    return re.sub(r"\\(.)", r"\1", raw_texts(at)).replace("\u2060", "")


def raw_texts(at: AppTest) -> str:
    """Like :func:`texts`, with the Markdown source as sent to the browser."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "code"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label}: {m.value}" for m in at.metric]
    return "\n".join(parts)


def keys(at: AppTest) -> set[str]:
    """The keys of every widget on the page."""
    found: set[str] = set()
    for kind in ("button", "radio", "selectbox", "multiselect", "text_input", "number_input"):
        found |= {w.key for w in getattr(at, kind) if w.key}
    return found
