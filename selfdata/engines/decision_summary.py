"""How the room decided, in plain words (French and English), for the screens, the CLI and
the PDFs alike. Pure functions over :class:`~selfdata.engines.decision.DecisionOutcome`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from selfdata.domain.numbers import format_score, format_share
from selfdata.engines.decision import DecisionOutcome
from selfdata.engines.ranking_summary import _names, _quoted
from selfdata.engines.weight_sets import FACILITATOR, GROUP, TABLE_PREFIX, WeightSet

NBSP = "\u00a0"
NNBSP = "\u202f"
TEXT: dict[str, dict[str, str]] = {
    "depends": {
        "fr": f"Le gagnant dépend des poids retenus{NNBSP}: {{parts}}.",
        "en": "The winner depends on whose weights: {parts}.",
    },
    "same": {
        "fr": f"Même gagnant quels que soient les poids retenus{NNBSP}: {{names}}.",
        "en": "The same winner whoever’s weights: {names}.",
    },
    "with": {"fr": "{names} avec {whose}", "en": "{names} with {whose}"},
    "facilitator": {"fr": "les poids de l’animation", "en": "the facilitator’s weights"},
    "group": {"fr": "ceux du groupe", "en": "the group’s"},
    "table": {"fr": "ceux de la table {name}", "en": "table {name}’s"},
    "undefined": {
        "fr": "pas de poids communs (chacun a tout mis ailleurs)",
        "en": "no shared weights (each put all of theirs elsewhere)",
    },
    "set_facilitator": {"fr": "Poids de l’animation", "en": "Facilitator’s weights"},
    "set_group": {"fr": "Poids du groupe ({n})", "en": "Group’s weights ({n})"},
    "set_table": {"fr": "Table {name} ({n})", "en": "Table {name} ({n})"},
    "resampled": {
        "fr": "Si d’autres personnes étaient venues ({draws} tirages parmi les {n} "
        "personnes participantes), {name} resterait premier dans {pct} des cas.",
        "en": "Had other people come ({draws} draws among the {n} participants), {name} "
        "would stay first in {pct} of cases.",
    },
    "resampled_tie": {
        "fr": f"Aucun scénario n’est premier seul{NNBSP}: pas de gagnant à rééchantillonner.",
        "en": "No scenario is first alone: no winner to resample.",
    },
    "rounds": {
        "fr": "Entre les deux tours, l’écart moyen des notes est passé de {before} à {after}"
        f"{NNBSP}; {{changed}} des notes ont changé{NNBSP}; {{winner}}",
        "en": "Between the two rounds, the ratings’ average spread went from {before} to "
        "{after}; {changed} of the ratings changed; {winner}",
    },
    "winner_changed": {
        "fr": f"le gagnant a changé{NNBSP}: {{before}} puis {{after}}.",
        "en": "the winner changed: {before} then {after}.",
    },
    "winner_kept": {
        "fr": "le gagnant n’a pas changé ({names}).",
        "en": "the winner did not change ({names}).",
    },
    "no_objection": {"fr": "Aucune objection bloquante.", "en": "No blocking objection."},
    "objections": {
        "fr": f"Objections bloquantes sur {{name}}{NNBSP}: {{n}}.",
        "en": "Blocking objections to {name}: {n}.",
    },
    "none": {"fr": "—", "en": "—"},
}


def text(key: str, lang: str, **values: object) -> str:
    return TEXT[key]["en" if lang == "en" else "fr"].format(**values)


def set_label(s: WeightSet, tables: Mapping[str, str], lang: str) -> str:
    """A weight set's name for a column or a line: "Group's weights (12)"."""
    if s.source == FACILITATOR:
        return text("set_facilitator", lang)
    if s.source == GROUP:
        return text("set_group", lang, n=s.participants)
    table = s.source.removeprefix(TABLE_PREFIX)
    return text("set_table", lang, name=tables.get(table, table), n=s.participants)


def _whose(s: WeightSet, tables: Mapping[str, str], lang: str) -> str:
    if s.source == FACILITATOR:
        return text("facilitator", lang)
    if s.source == GROUP:
        return text("group", lang)
    table = s.source.removeprefix(TABLE_PREFIX)
    return text("table", lang, name=tables.get(table, table))


def whose_weights_sentence(
    outcome: DecisionOutcome, titles: Mapping[str, str], tables: Mapping[str, str], lang: str
) -> str | None:
    """ "The winner depends on whose weights: 'A' with the facilitator's weights, 'B' with
    the group's…", or "The same winner whoever's weights: 'A'"; ``None`` with the
    facilitator's weights only (nothing to compare)."""
    ranked = [s for s in outcome.weight_sets if s.places]
    if len(outcome.weight_sets) < 2 or not ranked:
        return None
    if not outcome.depends_on_weights:
        return text("same", lang, names=_names([titles.get(x, x) for x in ranked[0].leaders], lang))
    parts = []
    for s in outcome.weight_sets:
        names = (
            _names([titles.get(x, x) for x in s.leaders], lang)
            if s.places
            else text("undefined", lang)
        )
        parts.append(text("with", lang, names=names, whose=_whose(s, tables, lang)))
    return text("depends", lang, parts=", ".join(parts))


def resampled_sentence(
    outcome: DecisionOutcome, titles: Mapping[str, str], lang: str
) -> str | None:
    r = outcome.resampled
    if r is None:
        return None
    if r.winner is None or r.winner_first_share is None:
        return text("resampled_tie", lang)
    draws = f"{r.draws:,}".replace(",", NNBSP if lang != "en" else ",")
    return text(
        "resampled",
        lang,
        draws=draws,
        n=r.participants,
        name=_quoted(titles.get(r.winner, r.winner), lang),
        pct=format_share(r.winner_first_share, lang),
    )


def rounds_sentence(outcome: DecisionOutcome, titles: Mapping[str, str], lang: str) -> str | None:
    stats = outcome.rounds
    if stats is None:
        return None

    def names(ids: Sequence[str]) -> str:
        return _names([titles.get(x, x) for x in ids], lang) if ids else text("none", lang)

    if stats.winner_changed:
        winner = text(
            "winner_changed",
            lang,
            before=names(stats.leaders_before),
            after=names(stats.leaders_after),
        )
    else:
        winner = text("winner_kept", lang, names=names(stats.leaders_after))
    return text(
        "rounds",
        lang,
        before="—" if stats.spread_before is None else format_score(stats.spread_before, lang),
        after="—" if stats.spread_after is None else format_score(stats.spread_after, lang),
        changed="—" if stats.share_changed is None else format_share(stats.share_changed, lang),
        winner=winner,
    )


def consent_sentence(outcome: DecisionOutcome, titles: Mapping[str, str], lang: str) -> str | None:
    """ "No blocking objection." or "2 blocking objection(s) to 'A'."; ``None`` without a
    consent round."""
    consent = outcome.consent
    if consent is None:
        return None
    if not consent.objections:
        return text("no_objection", lang)
    name = _quoted(titles.get(consent.scenario, consent.scenario), lang)
    return text("objections", lang, n=len(consent.objections), name=name)


def decision_sentences(
    outcome: DecisionOutcome, titles: Mapping[str, str], tables: Mapping[str, str], lang: str
) -> list[str]:
    """Every sentence that applies, in the order the room met them."""
    found = [
        whose_weights_sentence(outcome, titles, tables, lang),
        rounds_sentence(outcome, titles, lang),
        resampled_sentence(outcome, titles, lang),
        consent_sentence(outcome, titles, lang),
    ]
    return [s for s in found if s]
