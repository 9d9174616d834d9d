"""Helpers for the AppTest tests of the value network, scenarios and export pages: a workshop
made from an example on a throwaway SQLite file (``SELFDATA_DB`` points the app at it), a
page opened as the facilitator, a participant or the projector, and the plotly figures the
page drew, decoded from their JSON spec (plotly 7 packs arrays as base64 ``bdata``)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from selfdata.app import services
from selfdata.store import Store
from selfdata.store.engine import sqlite_url

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@dataclass(frozen=True)
class Room:
    store: Store
    code: str
    secret: str
    token: str
    participant: str


def open_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example: str) -> Room:
    db = tmp_path / "app.db"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SELFDATA_DEMO", raising=False)
    monkeypatch.setenv("SELFDATA_DB", str(db))
    store = Store(sqlite_url(db))
    created = services.create_workshop(store, example=example)
    joined = services.join(store, created.code, "Camille")
    return Room(store, created.code, created.secret, joined.token, joined.participant_id)


def page(room: Room, name: str, role: str, lang: str = "fr") -> AppTest:
    """The page script, opened by ``role`` (facilitator, participant or projection), run."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=TIMEOUT)
    at.query_params["code"] = room.code
    if role == "facilitator":
        at.query_params["secret"] = room.secret
    elif role == "participant":
        at.query_params["token"] = room.token
    else:
        at.query_params["view"] = "projection"
    if lang != "fr":
        at.query_params["lang"] = lang
    return at.run()


def decode(value: Any) -> Any:
    """A plotly JSON value with every ``{"dtype", "bdata"}`` array turned into a list."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if "shape" in value:
                shape = [int(n) for n in str(value["shape"]).split(",")]
                array = array.reshape(shape)
            return array.tolist()
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def figures(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly figure on the page, in order, as decoded JSON."""
    return [decode(json.loads(el.proto.spec)) for el in at.get("plotly_chart")]


def traces(fig: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [tr for tr in fig["data"] if (tr.get("meta") or {}).get("role") == role]


def actor_ids(fig: dict[str, Any]) -> list[str]:
    return [a for tr in traces(fig, "actor") for a in tr["customdata"]]


def flow_count(fig: dict[str, Any]) -> int:
    return sum(len(tr["x"]) for tr in traces(fig, "flow-hover"))


def legend(fig: dict[str, Any]) -> list[str]:
    return [tr["name"] for tr in fig["data"] if tr.get("showlegend") is not False and "name" in tr]


def texts(at: AppTest) -> str:
    """All the words of the page's markdown, captions, alerts and titles."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        parts += [str(el.value) for el in at.get(kind)]
    parts += [str(el.value) for el in at.get("success")]
    parts += [str(el.value) for el in at.get("error")]
    return "\n".join(parts).replace("\\", "")
