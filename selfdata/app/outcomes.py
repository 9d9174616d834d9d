"""Outcomes: every result of a workshop, computed for a viewer.

The one home of the ranking (weighted sum and TOPSIS, with consensus, the sensitivity of
the ranking to the weights, and each participant's agreement), the value network's
diagnostics and the governance fits. The screens (:mod:`selfdata.ui.outcome_data`), the
command line (``rank``, ``export``) and the PDFs (:mod:`selfdata.export.facts`) call it.

**The reveal rule** is :mod:`selfdata.domain.visibility`'s (:func:`~selfdata.domain.
visibility.may_see_results`, :func:`~selfdata.domain.visibility.may_download_report`): the
reads here apply it to the viewer they prove.

Reads that take credentials (``token`` / ``secret``) prove the viewer in the same read
transaction as the data, so a cached screen may check :func:`may_see_results` first and a
computation that misses the cache is checked again here (:class:`ResultsHidden`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from selfdata.app import access
from selfdata.domain.cards import Decks, I18nText
from selfdata.domain.errors import SelfDataError
from selfdata.domain.viewer import Role
from selfdata.domain.visibility import may_download_report, may_see_results
from selfdata.domain.workshop import Scenario, UseCase, Workshop
from selfdata.engines.governance import GovernanceAnswerError, ModelFit, use_case_fit
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries.workshops import WorkshopRow

if TYPE_CHECKING:  # numpy, scipy and networkx load slowly: the engines are imported on use
    import networkx as nx

    from selfdata.engines.decision import DecisionOutcome
    from selfdata.engines.network import NetworkDiagnostics
    from selfdata.engines.network_edits import Comparison
    from selfdata.engines.ranking import Method, Ranking, RatingTable

DEFAULT_DRAWS = 2000
"""As :data:`selfdata.engines.ranking.DEFAULT_DRAWS` (checked by a test)."""
DEFAULT_SPREAD = 0.3
"""As :data:`selfdata.engines.ranking.DEFAULT_SPREAD` (checked by a test)."""


class ResultsHidden(SelfDataError):
    """A result asked for before the facilitator revealed it to this viewer."""

    def __init__(self) -> None:
        super().__init__("results.hidden")


def proven_role(
    conn: Tx, w: WorkshopRow, token: str | None, secret: str | None
) -> tuple[Role, int | None]:
    """The viewer behind the credentials, proven in ``conn``'s transaction: ``secret``
    (checked: a wrong one is refused) makes the facilitator, ``token`` a participant
    (with their row id), neither the projector."""
    if secret is not None:
        access.require_facilitator(w, secret)
        return "facilitator", None
    if token is not None:
        return "participant", access.participant_row(conn, w, token).id
    return "projection", None


# --- the ranking -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRanking:
    ranking: Ranking
    table: RatingTable
    """The group's ratings aggregated (each participant's own ranking starts from it)."""
    decision: DecisionOutcome | None = None
    """Whose weights, the resampled room, the two rounds, the consent round."""


def rank(
    workshop: Workshop,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    draws: int = DEFAULT_DRAWS,
    spread: float = DEFAULT_SPREAD,
    seed: int = 0,
    rated_only: bool = False,
) -> GroupRanking:
    """Rank the workshop's scenarios (consensus, sensitivity, agreement) with the group's
    ratings table. ``rated_only``: leave out the scenarios nobody rated (the documents say
    "not ranked" rather than print a rank the room never gave). Raises
    :class:`RankingError` when there is nothing to rank."""
    if rated_only:
        rated = {r.scenario for r in workshop.ratings}
        workshop = workshop.model_copy(
            update={"scenarios": [s for s in workshop.scenarios if s.id in rated]}
        )
    from selfdata.engines.decision import decide
    from selfdata.engines.ranking import rank_with_table

    ranking, table = rank_with_table(workshop, decks, method, draws=draws, spread=spread, seed=seed)
    return GroupRanking(ranking, table, decide(workshop, decks, table, method))


def group_ranking(
    store: Store,
    code: str,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    token: str | None = None,
    secret: str | None = None,
    lang: str = "fr",
) -> GroupRanking | str:
    """The group's ranking as this viewer may see it, or why there is none yet (in words,
    in ``lang``).
    Raises :class:`ResultsHidden` before the ``scenarios`` reveal for anyone but the
    facilitator (the ratings are not even read then)."""
    group = group_ranking_or_reason(store, code, decks, method, token=token, secret=secret)
    return group.get(lang) if isinstance(group, I18nText) else group


def group_ranking_or_reason(
    store: Store,
    code: str,
    decks: Decks,
    method: Method = "weighted-sum",
    *,
    token: str | None = None,
    secret: str | None = None,
) -> GroupRanking | I18nText:
    """:func:`group_ranking` with the reason in both languages: what a cache shared by a
    bilingual room keeps (one ranking per version, whatever each screen's language)."""

    def fn(conn: Tx) -> Workshop:
        w = access.workshop_row(conn, code)
        role, _ = proven_role(conn, w, token, secret)
        if not may_see_results(role, w.revealed, "scenarios"):
            raise ResultsHidden()
        return transfer.read_ranking_inputs(conn, w.id)

    from selfdata.engines.ranking import RankingError

    workshop = store.read(fn)
    try:
        return rank(workshop, decks, method)
    except RankingError as exc:
        return I18nText(fr=exc.message("fr"), en=exc.message("en"))


def report_workshop(
    store: Store, code: str, *, token: str | None = None, secret: str | None = None
) -> Workshop:
    """The workshop as its report reads it: the facilitator's, or a participant's once
    :func:`may_download_report` allows it (:class:`ResultsHidden` before). The caller
    builds the PDF (which names no pseudonym for a participant): the workshop itself never
    leaves the server."""

    def fn(conn: Tx) -> Workshop:
        w = access.workshop_row(conn, code)
        role, _ = proven_role(conn, w, token, secret)
        if not may_download_report(role, w.revealed):
            raise ResultsHidden()
        return transfer.read_workshop(conn, w.id)

    return store.read(fn)


# --- value network and governance ------------------------------------------------------


@dataclass(frozen=True)
class NetworkOutcome:
    graph: nx.MultiDiGraph
    diagnostics: NetworkDiagnostics


def network(scenario: Scenario, decks: Decks) -> NetworkOutcome | str:
    """The scenario's value network and its diagnostics, or the problem in words."""
    from selfdata.engines.network import NetworkError, diagnose, scenario_network

    try:
        graph = scenario_network(scenario, decks)
    except NetworkError as exc:
        return str(exc)
    return NetworkOutcome(graph, diagnose(graph))


def network_comparison(
    scenario: Scenario, model: str, workshop: Workshop, decks: Decks
) -> tuple[Comparison, NetworkDiagnostics] | str:
    """The scenario's network set against ``model`` (see
    :func:`~selfdata.engines.network_edits.compare_network`) and its diagnostics, or the
    problem in words."""
    from selfdata.engines.network import NetworkError, diagnose
    from selfdata.engines.network_edits import compare_network

    try:
        comparison = compare_network(scenario, model, workshop, decks)
    except NetworkError as exc:
        return str(exc)
    return comparison, diagnose(comparison.graph)


def governance_fits(use_case: UseCase, decks: Decks) -> tuple[ModelFit, ...]:
    """The five models' fit to the use case's recorded answers."""
    return use_case_fit(use_case, decks)


def governance_fits_if_answered(use_case: UseCase, decks: Decks) -> tuple[ModelFit, ...] | None:
    """:func:`governance_fits`, or ``None`` when nothing usable was answered (no answers,
    or answers naming questions the deck no longer has)."""
    if not use_case.governance_answers:
        return None
    try:
        return governance_fits(use_case, decks)
    except GovernanceAnswerError:
        return None
