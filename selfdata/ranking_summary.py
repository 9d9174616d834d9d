"""The scenario ranking in plain words, and one participant's own ranking.

Pure functions over :class:`~selfdata.ranking.Ranking` (no Streamlit): the sentences the
scenarios screen shows under the chart, and each participant's ranking next to the
group's, computed like :func:`selfdata.ranking.participant_agreement` (their ratings, the
group's medians where they gave none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfdata.cards import Decks
from selfdata.i18n import t
from selfdata.ranking import (
    Method,
    Ranking,
    RatingTable,
    aggregate_ratings,
    criteria_in_use,
    rank_order,
    score,
)
from selfdata.workshop import Workshop


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def percent(value: float) -> int:
    """A probability as a whole percentage, rounded half up (0.875 → 88)."""
    return int(value * 100 + 0.5)


def stability_sentence(ranking: Ranking, lang: str = "fr") -> str:
    """``"'A' stays first in 87% of the weightings tried."`` (or, with one scenario, that
    there is nothing to decide between)."""
    if len(ranking.scenarios) < 2:
        return t("scenarios.single", lang)
    return t(
        "scenarios.stability",
        lang,
        title=ranking.winner.title,
        pct=percent(ranking.sensitivity.winner_stability),
    )


def swap_sentence(ranking: Ranking, lang: str = "fr") -> str | None:
    """The smallest change of one weight that swaps the top two, in words; ``None`` with a
    single scenario."""
    if len(ranking.scenarios) < 2:
        return None
    if ranking.swap is None:
        return t("scenarios.no_swap", lang)
    titles = {c.id: c.title.get(lang) for c in ranking.criteria}
    return t(
        "scenarios.swap",
        lang,
        criterion=titles.get(ranking.swap.criterion, ranking.swap.criterion),
        old=_number(ranking.swap.weight, lang),
        new=_number(ranking.swap.new_weight, lang),
        first=ranking.scenarios[0].title,
        second=ranking.scenarios[1].title,
    )


@dataclass(frozen=True)
class OwnRankRow:
    scenario: str
    title: str
    group_rank: int
    own_rank: int


def own_ranking(
    workshop: Workshop,
    decks: Decks,
    participant: str,
    ranking: Ranking,
    method: Method | None = None,
) -> list[OwnRankRow]:
    """``participant``'s own ranking beside the group's, in the group's order. Empty when
    the participant rated nothing (or no longer exists in the ratings)."""
    table = aggregate_ratings(workshop, criteria_in_use(workshop, decks))
    mine = {
        (r.scenario, r.criterion): r.value for r in workshop.ratings if r.participant == participant
    }
    return own_ranking_from(table, mine, ranking, method)


def own_ranking_from(
    table: RatingTable,
    mine: Mapping[tuple[str, str], int],
    ranking: Ranking,
    method: Method | None = None,
) -> list[OwnRankRow]:
    """:func:`own_ranking` from the group's rating table and the participant's ratings
    (``(scenario, criterion) -> value``), for a screen that already holds both: no workshop
    to read again."""
    s_index = {s: i for i, s in enumerate(table.scenarios)}
    c_index = {c.id: j for j, c in enumerate(table.criteria)}
    matrix = table.matrix()
    rated = 0
    for (scenario, criterion), value in mine.items():
        if scenario in s_index and criterion in c_index:
            matrix[s_index[scenario], c_index[criterion]] = value
            rated += 1
    if not rated:
        return []
    scores = score(
        method or ranking.method,
        matrix,
        [c.weight for c in table.criteria],
        [c.direction for c in table.criteria],
    )
    own = {table.scenarios[i]: position + 1 for position, i in enumerate(rank_order(scores))}
    return [OwnRankRow(s.scenario, s.title, s.rank, own[s.scenario]) for s in ranking.scenarios]
