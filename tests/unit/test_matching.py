from __future__ import annotations

from typing import Any

import pytest
from engine_factories import shipped_decks, workshop

from selfdata.domain.cards import DataSourceCard, Decks, NeedCard
from selfdata.engines.matching import (
    MatchingError,
    coverage,
    match_matrix,
    match_sources,
    workshop_coverage,
    workshop_sources,
)


@pytest.fixture(scope="module")
def decks() -> Decks:
    return shipped_decks()


def source(sid: str, **fields: Any) -> DataSourceCard:
    data: dict[str, Any] = {
        "id": sid,
        "title": {"fr": sid, "en": sid},
        "description": {"fr": "d", "en": "d"},
        "holder": {"fr": "h", "en": "h"},
        "holder_kind": "public_utility",
        "themes": ["water"],
        "categories": ["water_consumption"],
        "refresh": "daily",
        "access": "api",
        "ease": 3,
        "sensitivity": "low",
        "portability": True,
    }
    data.update(fields)
    return DataSourceCard.model_validate(data)


def need(nid: str = "water_bill", **fields: Any) -> NeedCard:
    data: dict[str, Any] = {
        "id": nid,
        "title": {"fr": nid, "en": nid},
        "description": {"fr": "d", "en": "d"},
        "persona": {"fr": "p", "en": "p"},
        "themes": ["water"],
        "usage_family": "self_knowledge",
        "categories": ["water_consumption", "utility_contract"],
    }
    data.update(fields)
    return NeedCard.model_validate(data)


# --- the score, rule by rule ----------------------------------------------------------

SCORES = [
    # case, source fields, expected score, usable
    (
        "all categories, same theme, easy API, portable, low",
        {"categories": ["water_consumption", "utility_contract"]},
        100,
        True,
    ),
    ("half the categories", {}, 73, True),  # 27.5 + 15 + 15 + 10 + 5
    ("medium ease", {"ease": 2}, 65, True),
    ("hard, on paper", {"ease": 1, "access": "paper"}, 48, True),
    ("portal instead of API", {"access": "portal"}, 68, True),
    ("no portability right", {"portability": False}, 68, True),
    ("medium sensitivity", {"sensitivity": "medium"}, 68, True),
    ("special category", {"sensitivity": "special"}, 58, True),
    ("theme only, no category", {"categories": ["income"]}, 45, False),
    ("category only, other theme", {"themes": ["energy"]}, 58, True),
    ("not available today", {"access": "not_available"}, 63, False),
    ("legally bound", {"reusable": False}, 0, False),
]


@pytest.mark.parametrize(("case", "fields", "score", "usable"), SCORES, ids=[s[0] for s in SCORES])
def test_the_score_adds_up_points_a_facilitator_can_check(
    case: str, fields: dict[str, Any], score: int, usable: bool
) -> None:
    (match,) = match_sources(need(), [source("s", **fields)])
    assert (match.score, match.usable) == (score, usable)


def test_unrelated_sources_are_not_suggested() -> None:
    unrelated = source("traffic", themes=["mobility"], categories=["public_space_sensors"])
    assert match_sources(need(), [unrelated]) == ()


def test_sources_come_best_first_usable_before_unusable() -> None:
    sources = [
        source("paper", ease=1, access="paper"),
        source("theme_only", categories=["income"]),
        source("api"),
        source("bound", reusable=False),
    ]
    ranked = [m.source for m in match_sources(need(), sources)]
    assert ranked == ["api", "paper", "theme_only", "bound"]


def test_reasons_name_the_shared_categories_in_both_languages(decks: Decks) -> None:
    (match,) = match_sources(need(), [source("s")], decks)
    kinds = [r.kind for r in match.reasons]
    assert kinds == ["categories", "themes", "access", "portability", "sensitivity"]
    categories = match.reasons[0]
    assert "1 of the 2" in categories.text.en and "1 des 2" in categories.text.fr
    water = next(c for c in decks.data_categories if c.id == "water_consumption")
    assert water.title.en in categories.text.en and water.title.fr in categories.text.fr
    assert match.shared_categories == ("water_consumption",)


def test_legally_bound_data_says_why_it_scores_nothing() -> None:
    (match,) = match_sources(need(), [source("registry", reusable=False)])
    assert match.reasons[0].kind == "not_reusable"
    assert "reused" in match.reasons[0].text.en


# --- matrix and coverage --------------------------------------------------------------


def test_the_matrix_agrees_with_the_ranked_list() -> None:
    needs = [need("a"), need("b", themes=["energy"], categories=["energy_consumption"])]
    sources = [
        source("water"),
        source("energy", themes=["energy"], categories=["energy_consumption"]),
    ]
    matrix = match_matrix(needs, sources)
    assert matrix.needs == ("a", "b") and matrix.sources == ("water", "energy")
    for i, n in enumerate(needs):
        listed = {m.source: m.score for m in match_sources(n, sources)}
        for j, s in enumerate(sources):
            assert matrix.scores[i][j] == listed.get(s.id, 0)
    assert matrix.usable == ((True, False), (False, True))


def test_coverage_names_needs_without_a_usable_source_and_idle_sources() -> None:
    needs = [need("water"), need("health", themes=["health"], categories=["health"])]
    sources = [
        source("meter"),
        source("registry", themes=["administration"], categories=["identity"]),
    ]
    report = coverage(needs, sources)
    assert report.uncovered_needs == ("health",)
    assert report.unused_sources == ("registry",)


def test_an_empty_inventory_leaves_every_need_uncovered() -> None:
    report = coverage([need("a"), need("b")], [])
    assert report.uncovered_needs == ("a", "b")
    assert report.unused_sources == ()


def test_unselected_and_hidden_sources_are_left_out_of_a_workshop(decks: Decks) -> None:
    w = workshop(
        sources=[
            {"id": "water_daily_consumption"},
            {"id": "bin_lifts", "selected": False},
            {"id": "library_loans", "hidden": True},
        ]
    )
    assert [s.id for s in workshop_sources(w, decks)] == ["water_daily_consumption"]


def test_a_workshop_source_with_no_card_is_reported(decks: Decks) -> None:
    w = workshop(sources=[{"id": "mystery_source"}])
    with pytest.raises(MatchingError, match="mystery_source"):
        workshop_coverage(w, decks)
