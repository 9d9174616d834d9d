"""The use-cases heatmap of a large workshop is cut to what a projector can show: the
most-voted needs and, for them, the best-matching sources, each in the workshop's order."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from engine_factories import shipped_decks

from selfdata.domain.cards import Card, DataSourceCard, Decks, I18nText, NeedCard
from selfdata.engines.matching import match_matrix
from selfdata.ui.figures.matching import MAX_NEEDS, MAX_SOURCES, match_heatmap, shown


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def _copies(cards: Sequence[Card], n: int, prefix: str, label: str) -> list[Any]:
    """``n`` cards made from the deck's ``cards`` in turn, each with its own id and title."""
    return [
        cards[i % len(cards)].model_copy(
            update={"id": f"{prefix}_{i}", "title": I18nText.same(f"{label} {i}")}
        )
        for i in range(n)
    ]


def _needs(decks: Decks, n: int) -> list[NeedCard]:
    return _copies(decks.needs, n, "need", "Besoin")


def _sources(decks: Decks, n: int) -> list[DataSourceCard]:
    return _copies(decks.data_sources, n, "source", "Source")


def test_a_small_workshop_is_drawn_whole(decks: Decks) -> None:
    needs, sources = _needs(decks, 5), _sources(decks, 8)
    heat = match_heatmap(needs, sources, decks, "fr")
    assert not heat.cut
    assert heat.need_ids == tuple(n.id for n in needs)
    assert heat.source_ids == tuple(s.id for s in sources)
    assert (heat.needs_total, heat.sources_total) == (5, 8)


def test_the_most_voted_needs_are_kept_in_the_workshop_s_order(decks: Decks) -> None:
    needs = _needs(decks, 8)
    votes = {"need_6": 9, "need_1": 3, "need_4": 3, "need_0": 1}
    kept, _ = shown(needs, _sources(decks, 3), votes, max_needs=3)
    # need_6 (9), then the tie need_1 / need_4 (3 each) both fit; need_0 (1) does not
    assert [n.id for n in kept] == ["need_1", "need_4", "need_6"]


def test_without_votes_the_first_needs_are_kept(decks: Decks) -> None:
    kept, _ = shown(_needs(decks, 8), _sources(decks, 3), {}, max_needs=4)
    assert [n.id for n in kept] == ["need_0", "need_1", "need_2", "need_3"]


def test_the_sources_kept_are_those_that_best_serve_the_needs_kept(decks: Decks) -> None:
    needs, sources = _needs(decks, 4), _sources(decks, 60)
    kept_needs, kept = shown(needs, sources, {}, max_sources=10)
    assert len(kept) == 10
    scores = match_matrix(kept_needs, sources).scores
    best = {s.id: max(row[j] for row in scores) for j, s in enumerate(sources)}
    weakest_kept = min(best[s.id] for s in kept)
    assert all(best[s.id] <= weakest_kept for s in sources if s not in kept)
    order = [s.id for s in sources]
    assert [s.id for s in kept] == sorted((s.id for s in kept), key=order.index)


def test_a_city_inventory_of_500_by_500_is_cut_to_the_caps(decks: Decks) -> None:
    needs, sources = _needs(decks, 500), _sources(decks, 500)
    heat = match_heatmap(needs, sources, decks, "en", {"need_499": 5})
    assert heat.cut
    assert len(heat.need_ids) == MAX_NEEDS and len(heat.source_ids) == MAX_SOURCES
    assert "need_499" in heat.need_ids, "the voted need is shown"
    assert (heat.needs_total, heat.sources_total) == (500, 500)
    z = heat.figure.data[0].z
    assert len(z) == MAX_NEEDS and all(len(row) == MAX_SOURCES for row in z)
    # the figure stays within what a page may send (the message-size test has the rest)
    assert len(heat.figure.to_json()) < 1_000_000


def test_the_readme_states_the_caps_and_the_frame_limit_as_they_are() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert f"shows the {MAX_NEEDS} most-voted needs" in readme
    assert f"the {MAX_SOURCES} best-matching sources" in readme
    frame_mb = config["server"]["maxMessageSize"]
    assert f"one over {frame_mb} MB (`server.maxMessageSize`)" in readme
    assert f"a quarter of those {frame_mb} MB" in readme
    assert f"over {config['server']['maxWidgetStateSize']} MB" in readme
