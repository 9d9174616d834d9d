"""How the room decided, in one result: whose weights, another room, two rounds, consent.

Pure: :func:`decide` reads a :class:`~selfdata.domain.workshop.Workshop` (ratings,
participants' weights, rounds, consent round) and the ranking's aggregated table, and calls
:mod:`selfdata.engines.weight_sets`, :mod:`selfdata.engines.resampling` and
:mod:`selfdata.engines.rounds`. The sentences that say it are in
:mod:`selfdata.engines.decision_summary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import ConsentRound, Workshop
from selfdata.engines.ranking import Method, RatingTable
from selfdata.engines.resampling import (
    RESAMPLING,
    ParticipantsResampled,
    ratings_tensor,
    resample_participants,
)
from selfdata.engines.rounds import TwoRoundStats, two_round_stats
from selfdata.engines.weight_sets import (
    SwingWeights,
    WeightSet,
    weight_sets,
    winner_depends_on_weights,
)


@dataclass(frozen=True)
class DecisionOutcome:
    weight_sets: tuple[WeightSet, ...]
    """The facilitator's first, then the group's and each table's when participants gave
    weights."""
    resampled: ParticipantsResampled | None
    rounds: TwoRoundStats | None
    """Round 1 against round 2, once round 2 opened; ``None`` with a single round."""
    consent: ConsentRound | None
    table_names: dict[str, str] = field(default_factory=dict)
    """Table id -> its name (for ``table:<id>`` sets)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Scenario id -> its title."""

    @property
    def depends_on_weights(self) -> bool:
        return winner_depends_on_weights(self.weight_sets)

    @property
    def objections(self) -> int | None:
        """Blocking objections raised (``None``: no consent round held)."""
        return None if self.consent is None else len(self.consent.objections)

    def as_dict(self) -> dict[str, Any]:
        return {
            "weight_sets": [s.as_dict() for s in self.weight_sets],
            "winner_depends_on_weights": self.depends_on_weights,
            "participants_resampled": None if self.resampled is None else self.resampled.as_dict(),
            "rounds": None if self.rounds is None else self.rounds.as_dict(),
            "consent": None
            if self.consent is None
            else {
                "scenario": self.consent.scenario,
                "open": self.consent.open,
                "objections": [o.reason for o in self.consent.objections],
            },
        }


def decide(
    workshop: Workshop,
    decks: Decks,
    table: RatingTable,
    method: Method = "weighted-sum",
    *,
    draws: int = RESAMPLING.draws,
    seed: int = RESAMPLING.seed,
) -> DecisionOutcome:
    criteria = [c.id for c in table.criteria]
    directions = [c.direction for c in table.criteria]
    seats = {p.id: p.table for p in workshop.participants}
    # participants weigh the criteria in the ranking; one the facilitator set at 0 is out
    out = {c.id: 0 for c in table.criteria if c.weight <= 0}
    swings = [
        SwingWeights(
            pw.participant,
            {**{s.criterion: s.value for s in pw.weights}, **out},
            seats.get(pw.participant),
        )
        for pw in workshop.participant_weights or ()
    ]
    sets = weight_sets(
        table.matrix(),
        directions,
        table.scenarios,
        criteria,
        {c.id: c.weight for c in table.criteria},
        swings,
        [x.id for x in workshop.tables or ()],
        method,
    )
    _, tensor = ratings_tensor(
        [(r.participant, r.scenario, r.criterion, r.value) for r in workshop.ratings],
        table.scenarios,
        criteria,
    )
    resampled = resample_participants(
        tensor,
        [c.weight for c in table.criteria],
        directions,
        table.scenarios,
        method,
        draws=draws,
        seed=seed,
    )
    rounds = workshop.rounds
    stats = None
    if rounds is not None and rounds.current == 2:
        stats = two_round_stats(workshop, decks, rounds.first or [], workshop.ratings, method)
    return DecisionOutcome(
        sets,
        resampled,
        stats,
        workshop.consent,
        {x.id: x.name for x in workshop.tables or ()},
        {s.id: s.title for s in workshop.scenarios},
    )
