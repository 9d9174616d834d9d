"""Needs × data sources: which sources could serve a need, how well, and why.

The score (0–100) adds up points a facilitator can recompute by hand:

* **data categories** — up to 55: the share of the need's categories the source carries;
* **themes** — up to 15: the share of the need's themes the source shares;
* **ease of access** — up to 15: 0, 7.5 or 15 for ease 1, 2, 3;
* **channel** — up to 10: API or open data 10, portal 5, paper 0, not available 0;
* **portability** — 5 when the GDPR portability right (art. 20) applies;
* **sensitivity** — minus 0, 5, 10 or 15 for low, medium, high, special-category data.

A source is *related* to a need when it shares a category or a theme (otherwise 0 and not
listed); it is *usable* when it shares a category, may legally be reused and can be
obtained today. Legally bound data (civil registry, electoral roll) scores 0. Equal scores
keep the inventory's order.

Nothing is scored from a default: when a field the score reads was never given (a source
proposed from a tablet with a title and a holder, a register entry not yet qualified), the
cell has no score (``None``), is not usable, and its one reason says what is to be
qualified. Only two cards whose categories and themes are all known and share none are
said to be unrelated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from selfdata.domain.cards import DataSourceCard, Decks, I18nText, NeedCard
from selfdata.domain.workshop import Workshop
from selfdata.i18n import t as _t

CATEGORY_POINTS = 55.0
THEME_POINTS = 15.0
EASE_POINTS = 15.0
ACCESS_POINTS = {
    "api": 10.0,
    "open_data": 10.0,
    "portal": 5.0,
    "paper": 0.0,
    "on_request": 0.0,
    "not_available": 0.0,
}
SCORED_SOURCE_FIELDS = ("themes", "categories", "access", "ease", "sensitivity", "portability")
"""A source's fields the score reads: without one of them, no score."""
SCORED_NEED_FIELDS = ("themes", "categories")
PORTABILITY_POINTS = 5.0
SENSITIVITY_PENALTY = {"low": 0.0, "medium": 5.0, "high": 10.0, "special": 15.0}

_ACCESS_TEXT = {
    "api": I18nText(fr="Accessible par une API", en="Available through an API"),
    "open_data": I18nText(fr="Disponible en données ouvertes", en="Available as open data"),
    "portal": I18nText(
        fr="Téléchargeable depuis un espace client", en="Downloadable from a customer portal"
    ),
    "paper": I18nText(
        fr="Seulement sur papier\u202f: à numériser", en="Only on paper: to be digitised"
    ),
    "on_request": I18nText(
        fr="Sur demande ou au guichet : une copie à demander",
        en="On request or at the desk: a copy to ask for",
    ),
    "not_available": I18nText(fr="Pas accessible aujourd’hui", en="Not available today"),
}
_SENSITIVITY_TEXT = {
    "low": I18nText(fr="Données peu sensibles", en="Low-sensitivity data"),
    "medium": I18nText(fr="Données moyennement sensibles", en="Moderately sensitive data"),
    "high": I18nText(
        fr="Données sensibles\u202f: protections renforcées nécessaires",
        en="Sensitive data: strong safeguards needed",
    ),
    "special": I18nText(
        fr="Catégorie particulière (RGPD art. 9)\u202f: conditions strictes",
        en="Special-category data (GDPR art. 9): strict conditions",
    ),
}


def _half_up(x: float) -> int:
    """Round as people do (72.5 → 73), not to the even neighbour."""
    return int(math.floor(float(x) + 0.5))


class MatchingError(ValueError):
    """A workshop names a need or a source that no card describes."""


@dataclass(frozen=True)
class MatchReason:
    kind: str
    """``categories``, ``themes``, ``access``, ``portability``, ``sensitivity``,
    ``not_reusable`` or ``to_qualify``."""
    points: float
    text: I18nText


@dataclass(frozen=True)
class SourceMatch:
    source: str
    title: I18nText
    score: int | None
    """None: a field the score reads is to be qualified (see ``reasons``)."""
    usable: bool
    shared_categories: tuple[str, ...]
    shared_themes: tuple[str, ...]
    reasons: tuple[MatchReason, ...]


@dataclass(frozen=True)
class MatchMatrix:
    needs: tuple[str, ...]
    sources: tuple[str, ...]
    scores: tuple[tuple[int | None, ...], ...]
    """``scores[need][source]``, 0–100; None: to be qualified."""
    usable: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class Coverage:
    uncovered_needs: tuple[str, ...]
    """Needs that no usable source serves."""
    unused_sources: tuple[str, ...]
    """Sources usable for no need."""


# --- the vectorised core --------------------------------------------------------------


def _incidence(items: Sequence[Sequence[str]], vocabulary: dict[str, int]) -> NDArray[np.float64]:
    m = np.zeros((len(items), len(vocabulary)))
    for i, ids in enumerate(items):
        for x in ids:
            m[i, vocabulary[x]] = 1.0
    return m


def missing_fields(need: NeedCard, source: DataSourceCard) -> tuple[str, ...]:
    """The fields of the pair the score would read and nobody gave (need's first)."""
    need_side = tuple(f for f in SCORED_NEED_FIELDS if not getattr(need, f))
    source_side = tuple(f for f in SCORED_SOURCE_FIELDS if getattr(source, f) in (None, []))
    return need_side + tuple(f for f in source_side if f not in need_side)


def _quality(s: DataSourceCard) -> float:
    return (
        EASE_POINTS * ((s.ease or 1) - 1) / 2
        + ACCESS_POINTS.get(s.access or "", 0.0)
        + (PORTABILITY_POINTS if s.portability else 0.0)
        - SENSITIVITY_PENALTY.get(s.sensitivity or "", 0.0)
    )


def _score_arrays(
    needs: Sequence[NeedCard], sources: Sequence[DataSourceCard]
) -> tuple[NDArray[np.float64], NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
    """Scores (needs × sources, unrounded, NaN: to be qualified), usable mask, shared
    categories and themes counts."""
    categories: dict[str, int] = {}
    themes: dict[str, int] = {}
    tagged: list[NeedCard | DataSourceCard] = [*needs, *sources]
    for card in tagged:
        for c in card.categories:
            categories.setdefault(c, len(categories))
        for t in card.themes:
            themes.setdefault(t, len(themes))
    need_cat = _incidence([n.categories for n in needs], categories)
    need_theme = _incidence([n.themes for n in needs], themes)
    shared_cat = need_cat @ _incidence([s.categories for s in sources], categories).T
    shared_theme = need_theme @ _incidence([s.themes for s in sources], themes).T
    quality = np.array([_quality(s) for s in sources])
    reusable = np.array([s.reusable for s in sources], dtype=bool)
    available = np.array(
        [s.access is not None and s.access != "not_available" for s in sources], dtype=bool
    )
    need_tagged = np.array([bool(n.categories and n.themes) for n in needs], dtype=bool)
    source_tagged = np.array([bool(s.categories and s.themes) for s in sources], dtype=bool)
    source_known = np.array(
        [all(getattr(s, f) not in (None, []) for f in SCORED_SOURCE_FIELDS) for s in sources],
        dtype=bool,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        cat_share = np.nan_to_num(shared_cat / need_cat.sum(axis=1, keepdims=True))
        theme_share = np.nan_to_num(shared_theme / need_theme.sum(axis=1, keepdims=True))
    related = (shared_cat > 0) | (shared_theme > 0)
    # unrelated is a fact only when both cards say all their categories and themes
    unrelated = ~related & need_tagged[:, None] & source_tagged[None, :]
    unknown = ~unrelated & ~(need_tagged[:, None] & source_known[None, :]) & reusable[None, :]
    raw = CATEGORY_POINTS * cat_share + THEME_POINTS * theme_share + quality[None, :]
    scores = np.where(related & reusable[None, :], np.clip(raw, 0.0, 100.0), 0.0)
    scores = np.where(unknown, np.nan, scores)
    usable = (shared_cat > 0) & reusable[None, :] & available[None, :] & ~unknown
    return scores, usable, shared_cat, shared_theme


def _rounded(x: float) -> int | None:
    return None if math.isnan(x) else _half_up(x)


def match_matrix(needs: Sequence[NeedCard], sources: Sequence[DataSourceCard]) -> MatchMatrix:
    """The needs × sources table of scores and usability, as plain data."""
    if not needs or not sources:
        return MatchMatrix(
            tuple(n.id for n in needs),
            tuple(s.id for s in sources),
            tuple(tuple(0 for _ in sources) for _ in needs),
            tuple(tuple(False for _ in sources) for _ in needs),
        )
    scores, usable, _, _ = _score_arrays(needs, sources)
    return MatchMatrix(
        needs=tuple(n.id for n in needs),
        sources=tuple(s.id for s in sources),
        scores=tuple(tuple(_rounded(x) for x in row) for row in scores),
        usable=tuple(tuple(bool(x) for x in row) for row in usable),
    )


def coverage(needs: Sequence[NeedCard], sources: Sequence[DataSourceCard]) -> Coverage:
    matrix = match_matrix(needs, sources)
    return coverage_of(matrix)


def coverage_of(matrix: MatchMatrix) -> Coverage:
    usable = np.array(matrix.usable, dtype=bool).reshape(len(matrix.needs), len(matrix.sources))
    return Coverage(
        uncovered_needs=tuple(
            n for n, row in zip(matrix.needs, usable, strict=True) if not row.any()
        ),
        unused_sources=tuple(
            s for s, col in zip(matrix.sources, usable.T, strict=True) if not col.any()
        ),
    )


# --- one need, with reasons -----------------------------------------------------------


def _titles(ids: Sequence[str], cards: dict[str, I18nText], lang: str) -> str:
    return ", ".join(cards[i].get(lang) if i in cards else i for i in ids)


_NOT_REUSABLE = MatchReason(
    "not_reusable",
    0.0,
    I18nText(
        fr="Données encadrées par la loi\u202f: elles ne peuvent pas être réutilisées",
        en="Legally bound data: it may not be reused",
    ),
)
_PORTABLE = MatchReason(
    "portability",
    PORTABILITY_POINTS,
    I18nText(
        fr="Le droit à la portabilité (RGPD art. 20) s’applique",
        en="The GDPR portability right (art. 20) applies",
    ),
)


def _sharing_reasons(
    need: NeedCard,
    shared_cats: tuple[str, ...],
    shared_themes: tuple[str, ...],
    cat_titles: dict[str, I18nText],
    theme_titles: dict[str, I18nText],
) -> list[MatchReason]:
    """What the source shares with the need: data categories, themes."""
    reasons = []
    if shared_cats:
        n, m = len(shared_cats), len(need.categories)
        text = I18nText(
            fr=f"Porte {n} des {m} catégories de données utiles\u202f: "
            f"{_titles(shared_cats, cat_titles, 'fr')}",
            en=f"Carries {n} of the {m} data categories needed: "
            f"{_titles(shared_cats, cat_titles, 'en')}",
        )
        reasons.append(MatchReason("categories", CATEGORY_POINTS * n / m, text))
    if shared_themes:
        text = I18nText(
            fr=f"Même thème\u202f: {_titles(shared_themes, theme_titles, 'fr')}",
            en=f"Same theme: {_titles(shared_themes, theme_titles, 'en')}",
        )
        points = THEME_POINTS * len(shared_themes) / len(need.themes)
        reasons.append(MatchReason("themes", points, text))
    return reasons


def _source_reasons(source: DataSourceCard) -> list[MatchReason]:
    """What the source itself brings or costs: access and ease, portability, sensitivity
    (a field nobody gave brings no reason)."""
    reasons = []
    if source.access is not None and source.ease is not None:
        text = I18nText(
            fr=f"{_ACCESS_TEXT[source.access].fr} (facilité {source.ease}/3)",
            en=f"{_ACCESS_TEXT[source.access].en} (ease {source.ease}/3)",
        )
        points = EASE_POINTS * (source.ease - 1) / 2 + ACCESS_POINTS[source.access]
        reasons.append(MatchReason("access", points, text))
    if source.portability:
        reasons.append(_PORTABLE)
    if source.sensitivity is not None:
        penalty = -SENSITIVITY_PENALTY[source.sensitivity]
        reasons.append(MatchReason("sensitivity", penalty, _SENSITIVITY_TEXT[source.sensitivity]))
    return reasons


def match_sources(
    need: NeedCard, sources: Sequence[DataSourceCard], decks: Decks | None = None
) -> tuple[SourceMatch, ...]:
    """The sources related to ``need``, best first, each with its score and reasons.

    ``decks`` (optional) lends category and theme titles to the reasons.
    """
    if not sources:
        return ()
    scores, usable, _, _ = _score_arrays([need], sources)
    cat_titles = {c.id: c.title for c in decks.data_categories} if decks else {}
    theme_titles = {t.id: t.title for t in decks.themes} if decks else {}
    matches = []
    for j, source in enumerate(sources):
        shared_cats = tuple(c for c in need.categories if c in source.categories)
        shared_themes = tuple(t for t in need.themes if t in source.themes)
        if math.isnan(scores[0, j]):
            matches.append(_to_qualify(need, source, shared_cats, shared_themes))
            continue
        if not shared_cats and not shared_themes:
            continue
        reasons = [
            *_sharing_reasons(need, shared_cats, shared_themes, cat_titles, theme_titles),
            *_source_reasons(source),
        ]
        if not source.reusable:
            reasons.insert(0, _NOT_REUSABLE)
        matches.append(
            SourceMatch(
                source=source.id,
                title=source.title,
                score=_half_up(scores[0, j]),
                usable=bool(usable[0, j]),
                shared_categories=shared_cats,
                shared_themes=shared_themes,
                reasons=tuple(reasons),
            )
        )
    # Stable sort: equal scores keep the inventory's order; usable sources first, the
    # cells to be qualified last.
    return tuple(sorted(matches, key=lambda m: (m.score is None, not m.usable, -(m.score or 0))))


def to_qualify_text(fields: Sequence[str]) -> I18nText:
    """ "No score: to be qualified (access, sensitivity…)", in both languages."""

    def words(lang: str) -> str:
        return ", ".join(_t(f"qualify.field.{f}", lang) for f in fields)

    return I18nText(
        fr=_t("use_cases.to_qualify", "fr", fields=words("fr")),
        en=_t("use_cases.to_qualify", "en", fields=words("en")),
    )


def _to_qualify(
    need: NeedCard,
    source: DataSourceCard,
    shared_cats: tuple[str, ...],
    shared_themes: tuple[str, ...],
) -> SourceMatch:
    """A cell without a score: what is to be qualified, never a score from a default."""
    reason = MatchReason("to_qualify", 0.0, to_qualify_text(missing_fields(need, source)))
    return SourceMatch(
        source=source.id,
        title=source.title,
        score=None,
        usable=False,
        shared_categories=shared_cats,
        shared_themes=shared_themes,
        reasons=(reason,),
    )


# --- a workshop's cards ---------------------------------------------------------------


def workshop_sources(workshop: Workshop, decks: Decks) -> list[DataSourceCard]:
    """The inventory's selected, visible sources as cards (deck cards or custom ones)."""
    out = []
    for ws in workshop.sources:
        if ws.hidden or not ws.selected:
            continue
        card = ws.card or decks.source(ws.id)
        if card is None:
            raise MatchingError(f"data source '{ws.id}' is neither a deck card nor a custom card")
        out.append(card)
    return out


def workshop_needs(workshop: Workshop, decks: Decks) -> list[NeedCard]:
    """The workshop's visible needs as cards (deck cards or custom ones)."""
    out = []
    for wn in workshop.needs:
        if wn.hidden:
            continue
        card = wn.card or decks.need(wn.id)
        if card is None:
            raise MatchingError(f"need '{wn.id}' is neither a deck card nor a custom card")
        out.append(card)
    return out


def workshop_matrix(workshop: Workshop, decks: Decks) -> MatchMatrix:
    return match_matrix(workshop_needs(workshop, decks), workshop_sources(workshop, decks))


def workshop_coverage(workshop: Workshop, decks: Decks) -> Coverage:
    return coverage_of(workshop_matrix(workshop, decks))
