"""The plenary's read model: each table's votes and ranking, the whole room's, and where the
tables converge or split (:mod:`selfdata.engines.tables`).

Votes and ratings are per participant; a table's are its participants'. A table sees the
whole room's needs and scenarios and its own (a need or a use case may belong to a table),
so its ranking covers those. The reveal rule holds (:func:`selfdata.domain.
visibility.may_see_results`): the needs part is ``None`` until the ``needs`` step is revealed, the
scenarios part until ``scenarios`` is, except for the facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selfdata.app import access, outcomes
from selfdata.app.read_models import TableInfo
from selfdata.domain import visibility
from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.engines.tables import (
    ItemVerdict,
    NeedTally,
    PairAgreement,
    ScenarioPlace,
    ScenarioTally,
    item_verdicts,
    mean_agreement,
    pairwise_agreement,
)
from selfdata.store import Store, Tx, transfer


@dataclass(frozen=True)
class Agreement:
    pairs: tuple[PairAgreement, ...]
    mean: float | None
    verdicts: dict[str, ItemVerdict] = field(default_factory=dict)


@dataclass(frozen=True)
class TableResults:
    tables: tuple[TableInfo, ...]
    needs: tuple[NeedTally, ...] | None
    """Best first (the whole room's dots); ``None`` until the needs step is revealed."""
    needs_agreement: Agreement | None
    scenarios: tuple[ScenarioTally, ...] | None
    """In the whole room's order; ``None`` until the scenarios step is revealed."""
    scenarios_agreement: Agreement | None


def _agreement(scores: dict[str, dict[str, float]]) -> Agreement:
    pairs = pairwise_agreement(scores)
    return Agreement(pairs, mean_agreement(pairs), {v.item: v for v in item_verdicts(scores)})


def _needs(workshop: Workshop, decks: Decks | None) -> tuple[NeedTally, ...]:
    seat = {p.id: p.table for p in workshop.participants}
    table_ids = [x.id for x in workshop.tables or ()]
    cards = {c.id: c for c in (workshop.cards.needs if workshop.cards else [])}
    tallies = []
    for need in workshop.needs:
        if need.hidden:
            continue
        seen_by = visibility.tables_seeing(need.table, table_ids)
        per_table = dict.fromkeys(seen_by, 0)
        total = 0
        for v in workshop.votes:
            if v.need != need.id:
                continue
            total += v.dots
            at = seat.get(v.participant)
            if at in per_table:
                per_table[at] += v.dots
        card = need.card or cards.get(need.id) or (decks.need(need.id) if decks else None)
        tallies.append(NeedTally(need.id, card, need.table, total, per_table))
    tallies.sort(key=lambda n: -n.total)
    return tuple(tallies)


def _table_workshop(workshop: Workshop, table: str) -> Workshop:
    """The workshop as one table ranks it: its participants' ratings of the scenarios it
    sees (the whole room's and its own use cases')."""
    members = {p.id for p in workshop.participants if visibility.counts_at(table, p.table)}
    cases = {u.id for u in workshop.use_cases if visibility.in_table_scope(u.table, table)}
    scenarios = [s for s in workshop.scenarios if s.use_case in cases]
    return workshop.model_copy(
        update={
            "scenarios": scenarios,
            "ratings": [r for r in workshop.ratings if r.participant in members],
        }
    )


def _places(workshop: Workshop, decks: Decks) -> dict[str, ScenarioPlace]:
    from selfdata.engines.ranking import RankingError, scenario_places

    try:
        places = scenario_places(workshop, decks)
    except RankingError:
        return {}
    return {sid: ScenarioPlace(position, score) for sid, (position, score) in places.items()}


def _scenarios(workshop: Workshop, decks: Decks) -> tuple[ScenarioTally, ...]:
    overall = _places(workshop, decks)
    per_table = {
        x.id: _places(_table_workshop(workshop, x.id), decks) for x in workshop.tables or ()
    }
    tallies = [
        ScenarioTally(
            s.id,
            s.title,
            overall.get(s.id),
            {table: places[s.id] for table, places in per_table.items() if s.id in places},
        )
        for s in workshop.scenarios
    ]
    tallies.sort(key=lambda x: (x.overall is None, x.overall.position if x.overall else 0))
    return tuple(tallies)


def compute(
    workshop: Workshop, decks: Decks, *, needs: bool = True, scenarios: bool = True
) -> TableResults:
    """The plenary's figures from a whole workshop (also used by the PDFs)."""
    infos = tuple(TableInfo(x.id, x.name, x.colour) for x in workshop.tables or ())
    need_part = _needs(workshop, decks) if needs else None
    need_agreement = None
    if need_part is not None:
        need_agreement = _agreement(
            {
                x.id: {n.id: float(n.per_table[x.id]) for n in need_part if x.id in n.per_table}
                for x in infos
            }
        )
    scenario_part = _scenarios(workshop, decks) if scenarios else None
    scenario_agreement = None
    if scenario_part is not None:
        scenario_agreement = _agreement(
            {
                x.id: {s.id: s.per_table[x.id].score for s in scenario_part if x.id in s.per_table}
                for x in infos
            }
        )
    return TableResults(infos, need_part, need_agreement, scenario_part, scenario_agreement)


def table_results(
    store: Store,
    code: str,
    decks: Decks,
    *,
    secret: str | None = None,
    token: str | None = None,
    needs: bool = True,
    scenarios: bool = True,
) -> TableResults:
    """The plenary's figures as this viewer may see them (see the module); ``needs`` /
    ``scenarios`` false leaves that part out (a screen caching each part on its own
    version)."""

    def fn(conn: Tx) -> tuple[Workshop, bool, bool]:
        w = access.workshop_row(conn, code)
        role, _ = outcomes.proven_role(conn, w, token, secret)
        return (
            transfer.read_workshop(conn, w.id),
            visibility.may_see_results(role, w.revealed, "needs"),
            visibility.may_see_results(role, w.revealed, "scenarios"),
        )

    workshop, see_needs, see_scenarios = store.read(fn)
    return compute(
        workshop, decks, needs=needs and see_needs, scenarios=scenarios and see_scenarios
    )
