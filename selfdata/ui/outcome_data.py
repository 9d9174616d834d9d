"""Cached builders for the value network, scenarios and export screens.

Each is keyed by the workshop's ``code`` and ``version`` (bumped on every write), so a
rerun with nothing new costs a cache lookup, and any write — a new rating, a network edit —
gives fresh figures on every screen. The ranking and the viewer's ratings are keyed by
``ranking_version`` instead, which every write bumps except dots and proposals (which a
ranking does not read): a room voting on needs does not recompute it on every screen. The
store argument (``_store``) is not part of the key. ``st.cache_data`` returns a copy, so
callers may not mutate shared state by accident.

Who may see a result is decided by :mod:`selfdata.domain.visibility` (the reveal rule): the
group's ranking is shared by every screen through one cache entry, so each public builder
asks :func:`~selfdata.domain.visibility.viewer_sees_results` before the cache is even
looked up (``room`` is read on every run), and a computation that misses the cache reads
through :func:`selfdata.app.outcomes.group_ranking`, which proves the viewer again.

What is cached is kept light, because every rerun unpickles it: figures as
:class:`~selfdata.ui.figures.ready.ReadyFigure` (plain data, not a plotly object rebuilt and
validated on every copy), the network as the names and texts the screen shows (not the
graph and its cards). ``bench/figures.py`` measures the difference.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from selfdata.app import outcomes, services
from selfdata.app.network_subjects import network_subjects
from selfdata.app.outcomes import GroupRanking
from selfdata.app.read_models import RoomState, ScenarioRatings
from selfdata.domain.cards import Decks, I18nText
from selfdata.domain.errors import SelfDataError
from selfdata.domain.viewer import Viewer
from selfdata.domain.visibility import viewer_sees_results
from selfdata.domain.workshop import Scenario
from selfdata.engines.decision import DecisionOutcome
from selfdata.engines.network_edits import FlowChoice, flow_choices
from selfdata.engines.ranking import Method, Ranking
from selfdata.engines.ranking_summary import OwnRankRow, own_ranking_from
from selfdata.files.loading import default_decks
from selfdata.store import Store
from selfdata.ui.figures.criteria import criterion_ratings_figure
from selfdata.ui.figures.decision import resampled_figure, weight_sets_figure
from selfdata.ui.figures.network import BalanceRow, balance_rows, network_figure
from selfdata.ui.figures.ranking import consensus_figure, rank_probability_figure, ranking_figure
from selfdata.ui.figures.ready import ReadyFigure, ready

CACHE_ENTRIES = 64


@dataclass(frozen=True)
class NetworkView:
    """A scenario's network as the screen shows it."""

    scenario: Scenario
    figure: ReadyFigure
    actors: tuple[tuple[str, str], ...]
    """(node id, name in the screen's language), in the graph's order."""
    findings: tuple[str, ...]
    """The diagnostics' findings, in words, in the screen's language."""
    balance: list[BalanceRow]
    flows: list[FlowChoice]


@dataclass(frozen=True)
class _NetworkParts:
    figure: ReadyFigure
    actors: tuple[tuple[str, str], ...]
    findings: tuple[str, ...]
    balance: list[BalanceRow]
    flows: list[FlowChoice]


def _decks() -> Decks:
    return default_decks()


def _scenario(store: Store, code: str, scenario_id: str) -> Scenario | None:
    subjects = network_subjects(services.scenarios(store, code)).subjects
    return next((s for s in subjects if s.id == scenario_id), None)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _network_parts(
    _store: Store, code: str, version: int, scenario_id: str, lang: str, large: bool
) -> _NetworkParts | str:
    scenario = _scenario(_store, code, scenario_id)
    if scenario is None:
        return "?"
    outcome = outcomes.network(scenario, _decks())
    if isinstance(outcome, str):
        return outcome
    graph, diagnostics = outcome.graph, outcome.diagnostics
    names = []
    for node in graph.nodes:
        label = graph.nodes[node].get("label")
        names.append((node, label.get(lang) if label is not None else node))
    return _NetworkParts(
        figure=ready(network_figure(graph, lang, diagnostics=diagnostics, large=large)),
        actors=tuple(names),
        findings=tuple(f.text.get(lang) for f in diagnostics.findings),
        balance=balance_rows(graph, diagnostics, lang),
        flows=flow_choices(graph, lang),
    )


def network_view(
    store: Store, code: str, version: int, scenario: Scenario, lang: str, large: bool
) -> NetworkView | str:
    """The scenario's network: figure, actors, findings and tables (built once per workshop
    version); a plain-words problem (``str``) when the scenario is gone or its network
    cannot be built."""
    parts = _network_parts(store, code, version, scenario.id, lang, large)
    if isinstance(parts, str):
        return parts
    return NetworkView(
        scenario=scenario,
        figure=parts.figure,
        actors=parts.actors,
        findings=parts.findings,
        balance=parts.balance,
        flows=parts.flows,
    )


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def comparison_view(
    _store: Store, code: str, version: int, scenario_id: str, model: str, lang: str, large: bool
) -> tuple[ReadyFigure, str | None, list[str]] | str:
    """(figure, title of the scenario it comes from or None for the template, finding
    texts), or a problem in words."""
    workshop = services.workshop_snapshot(_store, code)
    scenario = next((s for s in workshop.scenarios if s.id == scenario_id), None)
    if scenario is None:
        return "?"
    outcome = outcomes.network_comparison(scenario, model, workshop, _decks())
    if isinstance(outcome, str):
        return outcome
    comparison, diagnostics = outcome
    figure = ready(network_figure(comparison.graph, lang, diagnostics=diagnostics, large=large))
    source = comparison.scenario.title if comparison.scenario is not None else None
    return figure, source, [f.text.get(lang) for f in diagnostics.findings]


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _group_ranking(
    _store: Store,
    code: str,
    ranking_version: int,
    method: Method,
    _viewer: Viewer,
) -> GroupRanking | I18nText:
    # one entry per ranking version for every viewer and both languages (the reason for no
    # ranking comes in both): the callers check the reveal rule before the lookup; a miss
    # proves the viewer again (ResultsHidden is never cached)
    return outcomes.group_ranking_or_reason(
        _store, code, _decks(), method, token=_viewer.token, secret=_viewer.secret
    )


def group_ranking(
    store: Store, code: str, room: RoomState, method: Method, viewer: Viewer, lang: str
) -> GroupRanking | str | None:
    """The group's ranking at the room's ``ranking_version`` (see :class:`RoomState`), why
    there is none yet (in words), or ``None`` while it is hidden from ``viewer``: computed
    once for the figures and every participant's own ranking, and not again when the room
    only places dots or proposes cards."""
    if not viewer_sees_results(viewer, room.revealed, "scenarios"):
        return None
    try:
        # every argument positional, as in _ranking_view: the cache keys a call by the
        # arguments given, so a keyword would be a second entry (and a second ranking
        # computed) for the same version (docs/load.md, "Tuning log")
        group = _group_ranking(store, code, room.ranking_version, method, viewer)
    except SelfDataError:  # hidden (ResultsHidden), or a viewer gone since the run began
        return None
    return group.get(lang) if isinstance(group, I18nText) else group


@dataclass(frozen=True)
class RankingView:
    ranking: Ranking
    bars: ReadyFigure
    consensus: ReadyFigure
    heatmap: ReadyFigure
    decision: DecisionOutcome | None = None
    weights: ReadyFigure | None = None
    """The ranking under each weight set (with participants' weights only)."""
    resampled: ReadyFigure | None = None
    criteria: ReadyFigure | None = None
    """The median rating per scenario and criterion (the wall's "Ratings by criterion")."""


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _ranking_view(
    _store: Store,
    code: str,
    ranking_version: int,
    method: Method,
    lang: str,
    large: bool,
    _viewer: Viewer,
) -> RankingView | str:
    group = _group_ranking(_store, code, ranking_version, method, _viewer)
    if isinstance(group, I18nText):
        return group.get(lang)
    ranking, decision = group.ranking, group.decision
    weights = resampled = None
    if decision is not None:
        titles, tables = decision.titles, decision.table_names
        if len(decision.weight_sets) > 1:
            weights = ready(weight_sets_figure(decision, titles, tables, lang, large=large))
        if decision.resampled is not None:
            resampled = ready(resampled_figure(decision, titles, lang, large=large))
    return RankingView(
        ranking=ranking,
        bars=ready(ranking_figure(ranking, lang, large=large)),
        consensus=ready(consensus_figure(ranking, lang, large=large)),
        heatmap=ready(rank_probability_figure(ranking, lang, large=large)),
        decision=decision,
        weights=weights,
        resampled=resampled,
        criteria=ready(criterion_ratings_figure(ranking, group.table, lang, large=large)),
    )


def ranking_view(
    store: Store,
    code: str,
    room: RoomState,
    method: Method,
    lang: str,
    large: bool,
    viewer: Viewer,
) -> RankingView | str | None:
    """The group's ranking and its three figures, why there is none yet (in words), or
    ``None`` while it is hidden from ``viewer`` (the reveal rule, checked before the
    cache)."""
    if not viewer_sees_results(viewer, room.revealed, "scenarios"):
        return None
    try:
        return _ranking_view(store, code, room.ranking_version, method, lang, large, viewer)
    except SelfDataError:  # hidden (ResultsHidden), or a viewer gone since the run began
        return None


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _rating_state(
    _store: Store, code: str, ranking_version: int, token: str | None, secret: str | None
) -> ScenarioRatings:
    # everyone's ratings and the scenarios stay out: the screen needs neither, and a light
    # value is cheap to read and to copy out of the cache on every rerun
    return services.scenario_ratings(_store, code, token, secret=secret, light=True)


def rating_state(
    store: Store, code: str, room: RoomState, token: str | None, secret: str | None
) -> ScenarioRatings:
    """The viewer's ratings, the criteria in use and the raters count, cached by the
    ranking's version (a rating, a weight, a scenario or a participant changes it; dots do
    not); the lock and the reveal come from ``room`` (read on every run: a timer that runs
    out locks input without a new version)."""
    light = _rating_state(store, code, room.ranking_version, token, secret)
    return replace(light, locked=room.locked, revealed="scenarios" in room.revealed)


def own_ranking_rows(
    store: Store, code: str, room: RoomState, method: Method, viewer: Viewer, lang: str
) -> list[OwnRankRow]:
    """The participant's own ranking beside the group's (once revealed to them), from the
    group's cached ranking and the participant's cached ratings (nothing read again: see
    docs/load.md)."""
    group = group_ranking(store, code, room, method, viewer, lang)
    if group is None or isinstance(group, str) or viewer.token is None:
        return []
    mine = rating_state(store, code, room, viewer.token, None).mine
    return own_ranking_from(group.table, mine, group.ranking)
