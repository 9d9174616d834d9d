"""The scenario ranking in plain words, and one participant's own ranking.

Pure functions over :class:`~selfdata.engines.ranking.Ranking` (no Streamlit): the sentences the
scenarios screen shows under the chart, and each participant's ranking next to the
group's, computed like :func:`selfdata.engines.ranking.participant_agreement` (their ratings, the
group's medians where they gave none).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from selfdata.domain.cards import Decks
from selfdata.domain.numbers import (
    format_margin,
    format_score,
    format_share,
    format_share_row,
    format_weight,
)
from selfdata.domain.workshop import Workshop
from selfdata.engines.ranking import (
    MAX_WEIGHT,
    Method,
    RankedScenario,
    Ranking,
    RatingTable,
    aggregate_ratings,
    criteria_in_use,
    rank_order,
    score,
    shared_positions,
)

NBSP = "\u00a0"
TEXT: dict[str, dict[str, str]] = {
    "single": {
        "fr": f"Un seul scénario{NBSP}: rien à départager.",
        "en": "A single scenario: nothing to decide between.",
    },
    "no_ratings": {
        "fr": f"Aucune note pour l’instant{NBSP}: aucun scénario n’est en tête, "
        "l’ordre affiché est celui de l’atelier.",
        "en": "No ratings yet: no scenario leads; the order shown is the workshop’s.",
    },
    "tie": {
        "fr": f"{{names}} sont à égalité en tête (score {{score}}){NBSP}: "
        "aucun n’est premier seul.",
        "en": "{names} are tied for first place (score {score}): none is first alone.",
    },
    "stability": {
        "fr": "« {title} » reste premier dans {pct} des pondérations essayées.",
        "en": "‘{title}’ stays first in {pct} of the weightings tried.",
    },
    "lead": {
        "fr": "« {first} » devance « {second} » de {margin} (score {a} contre {b}).",
        "en": "‘{first}’ leads ‘{second}’ by {margin} (score {a} against {b}).",
    },
    "lead_narrow": {
        "fr": "« {first} » devance « {second} » de {margin} seulement.",
        "en": "‘{first}’ leads ‘{second}’ by only {margin}.",
    },
    "swap": {
        "fr": "Si la part de « {criterion} » dans le total des poids passait de {old} "
        "à {new}{weights}, « {second} » passerait devant « {first} ».",
        "en": "If the share of ‘{criterion}’ in the total weight went from {old} to "
        "{new}{weights}, ‘{second}’ would overtake ‘{first}’.",
    },
    "swap_weights": {
        "fr": " (poids {old} → {new}, les autres inchangés)",
        "en": " (weight {old} → {new}, the others unchanged)",
    },
    "swap_ratio": {
        "fr": "Multiplier le poids de « {criterion} » par {ratio} (les autres inchangés) "
        "ferait passer « {second} » devant « {first} ».",
        "en": "Multiplying the weight of ‘{criterion}’ by {ratio} (the others unchanged) "
        "would put ‘{second}’ ahead of ‘{first}’.",
    },
    "no_swap": {
        "fr": "Aucun changement de la part d’un seul critère n’inverse les deux premiers.",
        "en": "No change in a single criterion’s share of the weights swaps the top two.",
    },
    "and": {"fr": "et", "en": "and"},
    "about": {"fr": "environ {n}", "en": "about {n}"},
    "tied_position": {"fr": "{ordinal} ex æquo", "en": "tied {ordinal}"},
}
"""Every sentence of this module, French and English. Kept here (not in the i18n catalogs)
so that the app, the CLI and the PDFs, which all call these functions, say the same."""


def text(key: str, lang: str, **values: object) -> str:
    """``TEXT[key]`` in ``lang`` (French unless ``lang == "en"``), filled with ``values``."""
    entry = TEXT[key]
    return entry["en" if lang == "en" else "fr"].format(**values)


def _quoted(title: str, lang: str) -> str:
    return f"‘{title}’" if lang == "en" else f"« {title} »"


def _names(titles: Sequence[str], lang: str) -> str:
    quoted = [_quoted(t, lang) for t in titles]
    if len(quoted) < 2:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {text('and', lang)} {quoted[-1]}"


def percent(value: float) -> int:
    """A probability as a whole percentage, rounded half up (0.875 → 88)."""
    return int(value * 100 + 0.5)


def ordinal(position: int, lang: str = "fr") -> str:
    """1 → "1er" / "1st", 2 → "2e" / "2nd", 11 → "11e" / "11th"."""
    if lang != "en":
        return "1er" if position == 1 else f"{position}e"
    suffix = "th"
    if position % 100 not in (11, 12, 13):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def position_label(scenario: RankedScenario, lang: str = "fr") -> str:
    """A scenario's place as the room reads it: "2e" / "2nd", "1er ex æquo" / "tied 1st"."""
    place = ordinal(scenario.place, lang)
    return text("tied_position", lang, ordinal=place) if scenario.tied else place


def stability_sentence(ranking: Ranking, lang: str = "fr") -> str:
    """What the room may say about the first place: "'A' stays first in 64 % of the
    weightings tried", or that the top is tied (and by whom), or that nobody rated yet, or
    that a single scenario has nothing to decide between."""
    if len(ranking.scenarios) < 2:
        return text("single", lang)
    if ranking.outcome == "no-ratings":
        return text("no_ratings", lang)
    if ranking.outcome == "tie":
        leaders = ranking.leaders
        return text(
            "tie",
            lang,
            names=_names([s.title for s in leaders], lang),
            score=format_score(leaders[0].score, lang),
        )
    return text(
        "stability",
        lang,
        title=ranking.winner.title,
        pct=format_share(ranking.sensitivity.winner_stability, lang, in_words=True),
    )


def lead_sentence(ranking: Ranking, lang: str = "fr") -> str | None:
    """By how much the winner leads the runner-up (never "by 0.00"); ``None`` without a
    winner (tie, no ratings) or with a single scenario."""
    if ranking.outcome != "winner" or ranking.lead is None:
        return None
    first, second = ranking.scenarios[0], ranking.scenarios[1]
    a, b = format_score(first.score, lang), format_score(second.score, lang)
    margin = format_margin(ranking.lead, lang)
    if a == b:
        return text("lead_narrow", lang, first=first.title, second=second.title, margin=margin)
    return text("lead", lang, first=first.title, second=second.title, margin=margin, a=a, b=b)


def _distinct_shares(old: float, new: float, lang: str) -> tuple[str, str] | None:
    """The two shares as percentages with the fewest decimals (0 to 3) that tell them
    apart; ``None`` when even three decimals cannot."""
    for decimals in range(4):
        pair = (
            format_share(old, lang, decimals=decimals),
            format_share(new, lang, decimals=decimals),
        )
        if pair[0] != pair[1]:
            return pair
    return None


def _ratio(value: float, lang: str) -> str:
    """A multiplier with enough decimals not to read as 1."""
    for decimals in range(2, 10):
        shown = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
        if shown != "1":
            return shown if lang == "en" else shown.replace(".", ",")
    return format_margin(value, lang)


def _about(weight: float, lang: str) -> str:
    """A computed weight as a facilitator would type it (issue 30: "2 → 2,4014"): one
    decimal from 1 up, two below, "about" when that rounds."""
    shown = round(weight, 1 if weight >= 1 else 2)
    text_ = format_weight(shown, lang)
    return text_ if math.isclose(shown, weight, abs_tol=1e-9) else text("about", lang, n=text_)


def swap_sentence(ranking: Ranking, lang: str = "fr") -> str | None:
    """The smallest change of one criterion's share of the weights that swaps the top two,
    in words, never "from X to X"; ``None`` when there is no leader to overtake (a single
    scenario, a tie at the top, no ratings: :func:`stability_sentence` says which)."""
    if len(ranking.scenarios) < 2 or ranking.outcome != "winner":
        return None
    swap = ranking.swap
    if swap is None:
        return text("no_swap", lang)
    titles = {c.id: c.title.get(lang) for c in ranking.criteria}
    names = {
        "criterion": titles.get(swap.criterion, swap.criterion),
        "first": ranking.scenarios[0].title,
        "second": ranking.scenarios[1].title,
    }
    shares = _distinct_shares(swap.share, swap.new_share, lang)
    if shares is None:
        ratio = swap.ratio
        if ratio is None:  # a weight of 0 today cannot move by a ratio: say the weights
            return text(
                "swap",
                lang,
                old=format_share(swap.share, lang, decimals=3),
                new=format_share(swap.new_share, lang, decimals=3),
                weights="",
                **names,
            )
        return text("swap_ratio", lang, ratio=_ratio(ratio, lang), **names)
    old_weight, new_weight = format_weight(swap.weight, lang), _about(swap.new_weight, lang)
    weights = (
        text("swap_weights", lang, old=old_weight, new=new_weight)
        if old_weight != new_weight and swap.new_weight <= MAX_WEIGHT
        else ""
    )
    return text("swap", lang, old=shares[0], new=shares[1], weights=weights, **names)


def ranking_sentences(ranking: Ranking, lang: str = "fr") -> list[str]:
    """Every sentence for the room, in reading order: first place (or tie, or no ratings),
    the lead, the weight swap. The app, the CLI and the PDFs print these."""
    sentences = [stability_sentence(ranking, lang), lead_sentence(ranking, lang)]
    sentences.append(swap_sentence(ranking, lang))
    return [s for s in sentences if s]


# --- chart helpers (pure: the figures call them) ----------------------------------------

SCORE_AXIS_RANGE = (0.0, 1.0)
"""Scores (weighted mean, TOPSIS closeness, consensus) live in 0–1: the axis too."""


def score_axis_range(values: Sequence[float]) -> tuple[float, float]:
    """The axis range for 0–1 scores: exactly [0, 1] (not the 1.2 an automatic range
    gives), widened only if a value falls outside it."""
    low, high = SCORE_AXIS_RANGE
    return (min([low, *values]), max([high, *values]))


def rank_axis_labels(count: int, lang: str = "fr") -> list[str]:
    """Categorical labels for the ranks of the rank-probability heatmap: "#1", "#2", …
    (en) / "1er", "2e", … (fr), never a numeric axis reading 0.5, 1, 1.5."""
    return [f"#{r}" if lang == "en" else ordinal(r, lang) for r in range(1, count + 1)]


def rank_probability_labels(ranking: Ranking, lang: str = "fr") -> list[list[str]]:
    """The heatmap's cell texts, one row per scenario in the ranking's order: whole
    percentages that add up to 100 % per row (largest remainder), "< 1 %" for a
    probability rounded to nothing."""
    n = len(ranking.scenarios)
    rows = []
    for s in ranking.scenarios:
        row = list(ranking.sensitivity.rank_probabilities.get(s.scenario, (0.0,) * n))[:n]
        rows.append(format_share_row(row, lang))
    return rows


@dataclass(frozen=True)
class OwnRankRow:
    scenario: str
    title: str
    group_rank: int
    own_rank: int
    group_label: str = ""
    """The group's place in words, ties said ("1er ex æquo" / "tied 1st")."""
    own_label: str = ""
    """The participant's own place in words, ties said."""


def own_ranking(
    workshop: Workshop,
    decks: Decks,
    participant: str,
    ranking: Ranking,
    method: Method | None = None,
    lang: str = "fr",
) -> list[OwnRankRow]:
    """``participant``'s own ranking beside the group's, in the group's order. Empty when
    the participant rated nothing (or no longer exists in the ratings)."""
    table = aggregate_ratings(workshop, criteria_in_use(workshop, decks))
    mine = {
        (r.scenario, r.criterion): r.value for r in workshop.ratings if r.participant == participant
    }
    return own_ranking_from(table, mine, ranking, method, lang)


def own_ranking_from(
    table: RatingTable,
    mine: Mapping[tuple[str, str], int],
    ranking: Ranking,
    method: Method | None = None,
    lang: str = "fr",
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
    order = rank_order(scores)
    own = {table.scenarios[i]: place + 1 for place, i in enumerate(order)}
    positions = shared_positions([float(scores[i]) for i in order])
    own_labels = {}
    for place, i in enumerate(order):
        shared = positions.count(positions[place]) > 1
        label = ordinal(positions[place], lang)
        own_labels[table.scenarios[i]] = (
            text("tied_position", lang, ordinal=label) if shared else label
        )
    return [
        OwnRankRow(
            s.scenario,
            s.title,
            s.rank,
            own[s.scenario],
            group_label=position_label(s, lang),
            own_label=own_labels[s.scenario],
        )
        for s in ranking.scenarios
    ]
