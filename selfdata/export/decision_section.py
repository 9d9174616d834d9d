"""How the room decided, on paper: the report's section (whose weights, two rounds, the
resampled room, the consent round) and the dossier's conditions from the objections.

The figures come from :class:`~selfdata.engines.decision.DecisionOutcome` (computed once by
:func:`selfdata.app.outcomes.rank`, kept in :class:`~selfdata.export.facts.RankingFacts`);
the sentences from :mod:`selfdata.engines.decision_summary`, as on screen and in ``rank``.
"""

from __future__ import annotations

from selfdata.domain.numbers import format_score, format_share
from selfdata.domain.workshop import Scenario
from selfdata.engines.decision import DecisionOutcome
from selfdata.engines.decision_summary import (
    consent_sentence,
    decision_sentences,
    rounds_sentence,
    set_label,
    whose_weights_sentence,
)
from selfdata.export.facts import RankingFacts
from selfdata.export.labels import t
from selfdata.export.pdf_base import clip
from selfdata.export.sections import Context

RANKS_SHOWN = 3
"""The resampling table gives each scenario's chance of the first three ranks."""


def _names(ctx: Context) -> tuple[dict[str, str], dict[str, str]]:
    workshop = ctx.lookup.workshop
    titles = {s.id: s.title for s in workshop.scenarios}
    tables = {x.id: x.name for x in workshop.tables or ()}
    return titles, tables


def report_section(ctx: Context, ranking: RankingFacts) -> None:
    """The report's "How the room decided": nothing without a ranking."""
    decision = ranking.decision
    if decision is None:
        return
    pdf, lang = ctx.pdf, ctx.lang
    titles, tables = _names(ctx)
    pdf.heading(t("decide_title", lang), 1)
    pdf.bullets(decision_sentences(decision, titles, tables, lang))
    _weight_sets(ctx, decision, titles, tables)
    _rounds(ctx, decision)
    _resampled(ctx, decision, titles)
    if decision.consent is not None and decision.consent.objections:
        pdf.heading(t("decide_objections", lang), 2)
        pdf.bullets(clip(o.reason, 600) for o in decision.consent.objections)


def _weight_sets(
    ctx: Context, decision: DecisionOutcome, titles: dict[str, str], tables: dict[str, str]
) -> None:
    if len(decision.weight_sets) < 2:
        return
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(t("decide_weight_sets", lang), 2)
    rows = []
    for s in decision.weight_sets:
        first = ", ".join(clip(titles.get(x, x), 60) for x in s.leaders) or t("decide_none", lang)
        rows.append([clip(set_label(s, tables, lang), 80), first])
    pdf.data_table([t("decide_whose", lang), t("decide_first", lang)], rows, widths=(40, 60))


def _rounds(ctx: Context, decision: DecisionOutcome) -> None:
    stats = decision.rounds
    if stats is None:
        return
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(t("decide_rounds", lang), 2)

    def score(value: float | None) -> str:
        return "—" if value is None else format_score(value, lang)

    changed = "—"
    if stats.share_changed is not None:
        changed = f"{format_share(stats.share_changed, lang)} ({stats.changed}/{stats.compared})"
    pdf.key_values(
        [
            (t("decide_spread_before", lang), score(stats.spread_before)),
            (t("decide_spread_after", lang), score(stats.spread_after)),
            (t("decide_changed", lang), changed),
            (
                t("decide_winner_changed", lang),
                t("decide_yes" if stats.winner_changed else "decide_no", lang),
            ),
        ],
        key_width=70,
    )


def _resampled(ctx: Context, decision: DecisionOutcome, titles: dict[str, str]) -> None:
    r = decision.resampled
    if r is None:
        return
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(t("decide_resampled", lang), 2)
    pdf.note(t("decide_resampled_how", lang, draws=r.draws, seed=r.seed, n=r.participants))
    shown = min(RANKS_SHOWN, len(r.rank_probabilities))
    headers = [t("decide_scenario", lang)] + [
        t("decide_rank_n", lang, n=k + 1) for k in range(shown)
    ]
    ordered = sorted(r.rank_probabilities.items(), key=lambda kv: -kv[1][0])
    rows = [
        [clip(titles.get(sid, sid), 80)] + [format_share(p, lang) for p in probs[:shown]]
        for sid, probs in ordered
    ]
    pdf.data_table(headers, rows, widths=(52,) + (16,) * shown)


def dossier_section(ctx: Context, scenario: Scenario, decision: DecisionOutcome | None) -> None:
    """In a dossier: the scenario's place under each weight set, its chance of first place
    with the participants resampled, and the rounds' verdict."""
    if decision is None:
        return
    pdf, lang = ctx.pdf, ctx.lang
    titles, tables = _names(ctx)
    rows: list[tuple[str, str]] = []
    if len(decision.weight_sets) > 1:
        for s in decision.weight_sets:
            place = next((p.position for p in s.places if p.scenario == scenario.id), None)
            rows.append(
                (
                    clip(set_label(s, tables, lang), 80),
                    "—" if place is None else t("decide_place", lang, n=place),
                )
            )
    r = decision.resampled
    if r is not None and scenario.id in r.rank_probabilities:
        first = r.rank_probabilities[scenario.id][0]
        rows.append((t("decide_first_resampled", lang), format_share(first, lang)))
    if not rows:
        return
    pdf.heading(t("decide_title", lang), 2)
    pdf.key_values(rows, key_width=60)
    sentences = [
        s
        for s in (
            whose_weights_sentence(decision, titles, tables, lang),
            rounds_sentence(decision, titles, lang),
        )
        if s
    ]
    pdf.bullets(sentences)


def objection_conditions(
    ctx: Context, scenario: Scenario, decision: DecisionOutcome | None
) -> None:
    """In the dossier's action plan: the consent round's verdict on this scenario ("no
    blocking objection" or how many) and each objection as a condition line."""
    if decision is None or decision.consent is None or decision.consent.scenario != scenario.id:
        return
    pdf, lang = ctx.pdf, ctx.lang
    titles, _ = _names(ctx)
    pdf.heading(t("decide_conditions", lang), 2)
    pdf.paragraph(consent_sentence(decision, titles, lang) or "", style="B")
    pdf.bullets(
        t("decide_condition", lang, reason=clip(o.reason, 600)) for o in decision.consent.objections
    )
