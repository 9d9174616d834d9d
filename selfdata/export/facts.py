"""What the exports need to know about a workshop, looked up once per document.

Resolves the workshop's ids to cards (a custom card proposed in the room wins over the
deck), and takes the results (ranking, network diagnostics, governance fits) from
:mod:`selfdata.app.outcomes`, as the screens do (a document is built by its operator or
the facilitator; who may download one is decided there too). Nothing here draws; nothing
here raises on a workshop that is incomplete or refers to unknown cards: the documents say
so instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selfdata.app import outcomes
from selfdata.domain.cards import DataSourceCard, Decks, GovernanceModelCard, NeedCard
from selfdata.domain.workshop import Scenario, UseCase, Workshop
from selfdata.engines.governance import ModelFit

if TYPE_CHECKING:
    from selfdata.engines.decision import DecisionOutcome
    from selfdata.engines.ranking import Ranking


@dataclass(frozen=True)
class Lookup:
    """Cards of one workshop by id: its sources and needs, custom or from the deck."""

    workshop: Workshop
    decks: Decks

    def source(self, source_id: str) -> DataSourceCard | None:
        for s in self.workshop.sources:
            if s.id == source_id and s.card is not None:
                return s.card
        return self.decks.source(source_id)

    def need(self, need_id: str) -> NeedCard | None:
        for n in self.workshop.needs:
            if n.id == need_id and n.card is not None:
                return n.card
        return self.decks.need(need_id)

    def model(self, model_id: str | None) -> GovernanceModelCard | None:
        return self.decks.model(model_id) if model_id else None

    def use_case(self, use_case_id: str) -> UseCase | None:
        return next((u for u in self.workshop.use_cases if u.id == use_case_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.workshop.scenarios if s.id == scenario_id), None)

    def source_title(self, source_id: str, lang: str) -> str:
        card = self.source(source_id)
        return card.title.get(lang) if card is not None else source_id

    def need_title(self, need_id: str, lang: str) -> str:
        card = self.need(need_id)
        return card.title.get(lang) if card is not None else need_id

    def model_title(self, model_id: str | None, lang: str) -> str:
        card = self.model(model_id)
        if card is not None:
            return card.title.get(lang)
        return model_id or "—"


def fits(use_case: UseCase, decks: Decks) -> tuple[ModelFit, ...] | None:
    """The five models' fit to the use case's answers; ``None`` when nothing usable was
    answered (no answers, or answers naming questions the deck no longer has)."""
    return outcomes.governance_fits_if_answered(use_case, decks)


# -- value network ----------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    x: float
    y: float
    """Layout coordinates, any scale: the drawing fits them to its frame."""


@dataclass(frozen=True)
class Edge:
    number: int
    source: str
    target: str
    type: str
    label: str


@dataclass(frozen=True)
class NetworkFacts:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    balance: tuple[tuple[str, str, str], ...]
    """(actor label, what it gives, what it receives), in words."""
    diagnostics: tuple[str, ...]


def network_facts(lookup: Lookup, scenario: Scenario, lang: str) -> NetworkFacts:
    """The scenario's network as the documents draw it, from :mod:`selfdata.engines.network`:
    the same graph, the same layout and the same diagnostics as on screen."""
    from selfdata.engines.network import imbalances, layout
    from selfdata.export.labels import t, vocab

    outcome = outcomes.network(scenario, lookup.decks)
    if isinstance(outcome, str):
        return NetworkFacts((), (), (), (t("network_error", lang, error=outcome),))
    graph, diagnostics = outcome.graph, outcome.diagnostics
    positions = layout(graph)
    labels = {node: graph.nodes[node]["label"].get(lang) for node in graph.nodes}
    nodes = tuple(
        Node(
            id=node,
            label=labels[node],
            kind=graph.nodes[node].get("kind") or "",
            x=positions[node][0],
            y=positions[node][1],
        )
        for node in graph.nodes
    )
    edges = tuple(
        Edge(i + 1, source, target, data["type"], data["label"].get(lang))
        for i, (source, target, data) in enumerate(graph.edges(data=True))
    )

    def words(counts: dict[str, int]) -> str:
        parts = [
            f"{vocab('flow', flow, lang)} ×{n}" if n > 1 else vocab("flow", flow, lang)
            for flow, n in counts.items()
            if n
        ]
        return ", ".join(parts) or "—"

    flagged = imbalances(diagnostics)
    balance = tuple(
        (
            labels.get(b.actor, b.actor) + (" ⚠" if b.actor in flagged else ""),
            words(b.gives),
            words(b.gets),
        )
        for b in diagnostics.balances
    )
    return NetworkFacts(
        nodes, edges, balance, tuple(f.text.get(lang) for f in diagnostics.findings)
    )


# -- ranking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionStat:
    criterion: str
    title: str
    weight: float
    cost: bool
    median: float | None
    spread: float | None
    raters: int


@dataclass(frozen=True)
class RankingFacts:
    """The ranking of a workshop's scenarios, as the documents print it."""

    order: tuple[str, ...] = ()
    """Ranked scenario ids, best first (only scenarios with ratings)."""
    scores: dict[str, float] = field(default_factory=dict)
    """Weighted-sum scores, 0..1."""
    topsis_rank: dict[str, int] = field(default_factory=dict)
    stability: dict[str, float] = field(default_factory=dict)
    """Scenario id -> share (0..1) of weight variations that keep its rank."""
    consensus: dict[str, float | None] = field(default_factory=dict)
    """Scenario id -> agreement between raters (0..1), ``None`` below two raters."""
    criteria: dict[str, tuple[CriterionStat, ...]] = field(default_factory=dict)
    """Scenario id -> per-criterion ratings."""
    ranking: Ranking | None = None
    """The engine's full result (sensitivity, weight swap, participants' agreement)."""
    decision: DecisionOutcome | None = None
    """Whose weights, two rounds, the resampled room, the consent round."""

    def rank(self, scenario_id: str) -> int | None:
        """The scenario's shared position (tied scenarios have the same: 1, 1, 3), or
        ``None`` when it is not ranked."""
        if scenario_id not in self.order:
            return None
        if self.ranking is not None:
            for s in self.ranking.scenarios:
                if s.scenario == scenario_id:
                    return s.place
        return self.order.index(scenario_id) + 1

    def rank_label(self, scenario_id: str, lang: str) -> str:
        """The position in words, ties said ("1er ex æquo" / "tied 1st"), with no-break
        spaces so that it never wraps; "—" when not ranked."""
        from selfdata.engines.ranking_summary import position_label

        if self.ranking is not None:
            for s in self.ranking.scenarios:
                if s.scenario == scenario_id:
                    return position_label(s, lang).replace(" ", "\u00a0")
        return "—"


def ranking_facts(lookup: Lookup, lang: str) -> RankingFacts:
    """Rank the scenarios that have ratings (weighted sum, with TOPSIS beside it), with the
    one sensitivity configuration of the screen and the CLI (:data:`SENSITIVITY`).

    Scenarios nobody rated are left out rather than counted as neutral: a dossier says
    "not ranked" instead of a rank the room never gave. Every weight at 0 raises
    :class:`~selfdata.engines.ranking.ZeroWeightsError` (the documents refuse, rather than
    print "no ratings yet").
    """
    # Imported here: numpy, scipy and pymcdm take a while to load, and the card deck
    # needs none of them.
    from selfdata.engines.ranking import RankingError, ZeroWeightsError, criteria_in_use

    workshop = lookup.workshop
    try:
        criteria_in_use(workshop, lookup.decks)
    except ZeroWeightsError:
        raise
    except RankingError:
        return RankingFacts()
    if not any(r.scenario in {s.id for s in workshop.scenarios} for r in workshop.ratings):
        return RankingFacts()
    try:
        group = outcomes.rank(workshop, lookup.decks, "weighted-sum", rated_only=True)
        topsis = outcomes.rank(workshop, lookup.decks, "topsis", draws=1, rated_only=True).ranking
    except ZeroWeightsError:
        raise
    except RankingError:
        return RankingFacts()
    ranking, table = group.ranking, group.table
    stats: dict[str, tuple[CriterionStat, ...]] = {}
    for sid, row in zip(table.scenarios, table.cells, strict=True):
        stats[sid] = tuple(
            CriterionStat(
                criterion=c.id,
                title=c.title.get(lang),
                weight=c.weight,
                cost=c.direction == "cost",
                median=cell.median,
                spread=cell.spread,
                raters=cell.count,
            )
            for c, cell in zip(ranking.criteria, row, strict=True)
        )
    probabilities = ranking.sensitivity.rank_probabilities
    return RankingFacts(
        order=tuple(s.scenario for s in ranking.scenarios),
        scores={s.scenario: s.score for s in ranking.scenarios},
        topsis_rank={s.scenario: s.place for s in topsis.scenarios},
        stability={
            s.scenario: probabilities[s.scenario][s.place - 1]
            for s in ranking.scenarios
            if s.scenario in probabilities
        },
        consensus={s.scenario: s.consensus for s in ranking.scenarios},
        criteria=stats,
        ranking=ranking,
        decision=group.decision,
    )
