"""The largest message a page sends stays far below the WebSocket frame limit
(``server.maxMessageSize`` in .streamlit/config.toml), even for a workshop at the limits:
500 sources and 500 needs whose descriptions are 2,000 characters in both languages, and a
300-actor value network. The limit is low on purpose (it is also how large a frame a client
may send before it is refused unread: tests/integration/test_oversized_messages.py), so a
page that outgrew it would show Streamlit's "message size exceeded" error instead of itself."""

from __future__ import annotations

import random
import tomllib
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from bench.engines import synthetic_network
from selfdata.app import services
from selfdata.domain.cards import I18nText
from selfdata.domain.limits import MAX_ITEMS, MAX_TEXT
from selfdata.domain.workshop import NetworkEdits, WorkshopNeed, WorkshopSource
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.ui.figures.matching import MAX_NEEDS, MAX_SOURCES
from tests.app.room_helpers import ROOT

PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
HEADROOM = 4  # the largest message is at most a quarter of the limit


def _limit_bytes() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config["server"]["maxMessageSize"] * 1_000_000)


def _long(text: str) -> I18nText:
    body = (text + " — données de consommation, échéances, œuvres. ") * 60
    return I18nText(fr=body[:MAX_TEXT], en=body[:MAX_TEXT])


def _filled(kind: Any, card: Any, prefix: str, label: str, have: int) -> list[Any]:
    """Items of ``kind`` (a workshop source or need) made from ``card`` up to MAX_ITEMS."""
    return [
        kind(
            id=f"{prefix}_{i}",
            card=card.model_copy(
                update={
                    "id": f"{prefix}_{i}",
                    "title": I18nText.same(f"{label} {i}"),
                    "description": _long(f"{label} {i}"),
                }
            ),
        )
        for i in range(MAX_ITEMS - have)
    ]


def _at_the_limits() -> Any:
    """La Rochelle filled up to MAX_ITEMS sources and needs with the longest descriptions."""
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    decks = default_decks()
    sources = list(workshop.sources) + _filled(
        WorkshopSource, decks.data_sources[0], "big_source", "Source", len(workshop.sources)
    )
    needs = list(workshop.needs) + _filled(
        WorkshopNeed, decks.needs[0], "big_need", "Besoin", len(workshop.needs)
    )
    return workshop.model_copy(update={"sources": sources, "needs": needs})


def _largest_element(at: AppTest) -> int:
    largest = 0
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            largest = max(largest, proto.ByteSize())
    return largest


@pytest.mark.slow
def test_every_page_of_a_workshop_at_the_limits_sends_messages_far_below_the_frame_limit(
    app_store: Store,
) -> None:
    created = services.import_workshop(app_store, _at_the_limits())
    first = services.scenarios(app_store, created.code).scenarios[0]
    network = synthetic_network(300, random.Random(2))
    edits = NetworkEdits(
        add_actors=[a for a in network.actors if a.id != "resident"],
        add_flows=list(network.flows),
    )
    services.set_network_edits(app_store, created.code, created.secret, first.id, edits)
    sizes = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
        at.query_params.update({"code": created.code, "secret": created.secret})
        at.run()
        assert not at.exception, (page, at.exception)
        sizes[page] = _largest_element(at)
    print({page: f"{size / 1e6:.2f} MB" for page, size in sizes.items()})
    assert max(sizes.values()) * HEADROOM < _limit_bytes(), sizes
    assert sizes["network"] > 100_000, "the 300-actor network was drawn"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_use_cases_matrix_of_a_workshop_at_the_limits_says_what_it_left_out(
    app_store: Store, lang: str
) -> None:
    created = services.import_workshop(app_store, _at_the_limits())
    at = AppTest.from_file(str(ROOT / "pages" / "use_cases.py"), default_timeout=120)
    at.query_params.update({"code": created.code, "secret": created.secret})
    if lang == "en":
        at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    snapshot = services.workshop_snapshot(app_store, created.code)
    needs = snapshot.needs
    in_play = [s for s in snapshot.sources if s.selected and not s.hidden]
    expected = t(
        "use_cases.matrix_cut",
        lang,
        needs=MAX_NEEDS,
        needs_total=MAX_ITEMS,
        sources=MAX_SOURCES,
        sources_total=len(in_play),
    )
    assert expected in [c.value for c in at.caption]
    # what the caption promises: the form's suggestions are drawn from every need and source
    picker = at.selectbox(key="use_cases_need")
    assert len(picker.options) == len(needs) == MAX_ITEMS
    last = needs[-1].id
    picker.set_value(last).run()
    sources = at.multiselect(key=f"use_cases_sources_{last}")
    assert len(sources.options) == len(in_play) > MAX_SOURCES
    prefix = t("use_cases.suggested", lang, sources="")
    suggested = [c.value.removeprefix(prefix) for c in at.caption if c.value.startswith(prefix)]
    assert suggested and suggested[0] != "—", "a need left out of the matrix gets suggestions"
