"""The workshop report: every scenario, the ranking and its sensitivity, the inventory, the
needs and their votes, and participation figures (pseudonyms only if the facilitator
turned the workshop's anonymous mode off: ``settings.show_pseudonyms``).
"""

from __future__ import annotations

from datetime import datetime

from selfdata.domain.cards import DataSourceCard, Decks, NeedCard
from selfdata.domain.numbers import format_score, format_share, format_weight
from selfdata.domain.visibility import documents_name_pseudonyms
from selfdata.domain.workshop import Scenario, Workshop
from selfdata.export import decision_section, network_drawing, sections, tables_section
from selfdata.export.facts import Lookup, RankingFacts, ranking_facts
from selfdata.export.labels import origin_words, t, vocab
from selfdata.export.pdf_base import (
    ACCENT,
    FAMILY,
    ExportPDF,
    clip,
    fmt_date,
    fmt_int,
)


def workshop_report(
    workshop: Workshop,
    decks: Decks,
    lang: str = "fr",
    *,
    show_pseudonyms: bool | None = None,
    created: datetime | None = None,
) -> bytes:
    """The whole workshop's report, as PDF bytes. Pseudonyms are listed when
    ``show_pseudonyms`` is true; ``None`` follows the workshop's own setting
    (``settings.show_pseudonyms``, off by default: anonymous)."""
    if show_pseudonyms is None:
        show_pseudonyms = documents_name_pseudonyms("operator", workshop.settings.show_pseudonyms)
    lookup = Lookup(workshop, decks)
    pdf = ExportPDF(
        lang=lang,
        title=f"{workshop.title} — {t('report', lang)}",
        author=f"{workshop.title} ({workshop.territory})",
        subject=f"{t('report', lang)} · {workshop.territory}",
        running_head=f"{t('report', lang)} · {workshop.title} · {workshop.territory}",
        created=created,
        illustrative=workshop.illustrative,
    )
    pdf.set_keywords(["Self Data", workshop.territory])
    ctx = sections.Context(pdf=pdf, lookup=lookup, lang=lang)
    ranking = ranking_facts(lookup, lang)
    _cover(ctx)
    pdf.add_page()
    _ranking_overview(ctx, ranking)
    decision_section.report_section(ctx, ranking)  # whose weights, rounds, objections
    _inventory(ctx)
    _needs(ctx)
    tables_section.report_section(ctx)  # a large room's tables (nothing without)
    _participation(ctx, show_pseudonyms)
    ordered = sorted(
        workshop.scenarios,
        key=lambda s: (ranking.rank(s.id) is None, ranking.rank(s.id) or 0),
    )
    for scenario in ordered:
        _scenario(ctx, scenario, ranking)
    return bytes(pdf.output())


def _cover(ctx: sections.Context) -> None:
    pdf, lang, workshop = ctx.pdf, ctx.lang, ctx.lookup.workshop
    sections.cover_header(ctx, ACCENT, "report", workshop.title)
    pdf.ln(6)
    theme = ctx.lookup.decks.index("themes").get(workshop.theme)
    rows = [
        (t("territory", lang), workshop.territory),
        (t("date", lang), fmt_date(workshop.created or pdf.creation_date, lang)),
    ]
    if theme is not None:
        rows.append((t("themes", lang), theme.title.get(lang)))
    rows.append((t("figures", lang), _counts(ctx)))
    pdf.key_values(rows, key_width=40)
    if workshop.illustrative:
        pdf.note(t("illustrative", lang))
    if workshop.description.strip():
        pdf.ln(4)
        pdf.paragraph(workshop.description)


def _overview_widths(pdf: ExportPDF, ranks: list[str]) -> tuple[float, ...]:
    """Column widths in mm: the rank column as wide as its longest label ("2e ex æquo"
    stays on one line), the others sharing the rest as before."""
    pdf.set_font(FAMILY, "B", 8)
    rank = max(max(pdf.get_string_width(label) for label in ranks) + 3.6, 12.0)
    rest = (37, 22, 14, 10, 15, 12)
    return (rank, *(w * (pdf.epw - rank) / sum(rest) for w in rest))


def _counts(ctx: sections.Context) -> str:
    w = ctx.lookup.workshop
    return t(
        "counts_line",
        ctx.lang,
        sources=len([s for s in w.sources if s.selected and not s.hidden]),
        needs=len([n for n in w.needs if not n.hidden]),
        use_cases=len(w.use_cases),
        scenarios=len(w.scenarios),
        votes=sum(v.dots for v in w.votes),
        ratings=len(w.ratings),
    )


def _ranking_overview(ctx: sections.Context, ranking: RankingFacts) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("ranking", lang), 1)
    workshop = lookup.workshop
    if not workshop.scenarios:
        pdf.note(t("no_scenarios", lang))
        return
    if not ranking.order:
        pdf.note(t("no_ratings_at_all", lang))
    rows = []
    for sid in ranking.order:
        scenario = lookup.scenario(sid)
        if scenario is None:
            continue
        agreement = ranking.consensus.get(sid)
        stability = ranking.stability.get(sid)
        rows.append(
            [
                ranking.rank_label(sid, lang),
                clip(scenario.title, sections.CELL_CHARS),
                lookup.model_title(scenario.model, lang),
                format_score(ranking.scores.get(sid, 0.0), lang),
                str(ranking.topsis_rank.get(sid, "—")),
                format_share(agreement, lang) if agreement is not None else "—",
                format_share(stability, lang) if stability is not None else "—",
            ]
        )
    for scenario in workshop.scenarios:
        if ranking.rank(scenario.id) is None:
            rows.append(
                [
                    "—",
                    clip(scenario.title, sections.CELL_CHARS),
                    lookup.model_title(scenario.model, lang),
                    t("not_rated", lang),
                    "—",
                    "—",
                    "—",
                ]
            )
    pdf.data_table(
        [
            t("rank", lang),
            t("scenario", lang),
            t("model", lang),
            t("weighted_sum", lang),
            t("topsis", lang),
            t("consensus", lang),
            t("stability", lang),
        ],
        rows,
        widths=_overview_widths(pdf, [t("rank", lang), *(row[0] for row in rows)]),
        size=8,
        align=("CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
    )
    engine = ranking.ranking
    if engine is None:
        return
    # Imported here, like the engine: the card deck needs neither numpy nor the sentences.
    from selfdata.engines.ranking_summary import ranking_sentences

    pdf.heading(t("sensitivity_title", lang), 2)
    for sentence in ranking_sentences(engine, lang):
        pdf.paragraph(sentence)
    sensitivity = engine.sensitivity
    pdf.note(
        t(
            "sensitivity_method",
            lang,
            spread=round(sensitivity.spread * 100),
            draws=fmt_int(sensitivity.draws, lang),
        )
    )
    pdf.heading(t("criteria_weights", lang), 3)
    pdf.data_table(
        [t("criterion", lang), t("weight", lang), t("share", lang)],
        [
            [
                c.title.get(lang)
                + (" " + t("cost_criterion", lang) if c.direction == "cost" else ""),
                format_weight(c.weight, lang),
                format_share(c.share, lang),
            ]
            for c in engine.criteria
        ],
        widths=(60, 20, 20),
        align=("LEFT", "CENTER", "CENTER"),
    )
    sections.method_words_box(ctx)


def _origin(
    card: DataSourceCard | NeedCard | None, proposer: str | None, lang: str, *, need: bool = False
) -> str:
    """Where a card of the workshop came from, said after its title: the city's file, the
    room (agreeing with « un besoin » or « une source »), or nothing for a deck card."""
    origin = card.origin if card is not None else None
    words = origin_words("room" if origin is None and proposer else origin, lang, need=need)
    return f" ({words})" if words else ""


def _inventory(ctx: sections.Context) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("inventory", lang), 1)
    sources = [s for s in lookup.workshop.sources if s.selected and not s.hidden]
    if not sources:
        pdf.note(t("no_sources", lang))
        return
    rows = sections.source_rows(ctx, [s.id for s in sources])
    for row, s in zip(rows, sources, strict=True):
        row[0] += _origin(s.card, s.proposed_by, lang)
    pdf.data_table(
        [
            t("source", lang),
            t("holder", lang),
            t("access", lang),
            t("sensitivity", lang),
            t("portability", lang),
        ],
        rows,
        widths=(32, 30, 12, 14, 16),
    )


def _needs(ctx: sections.Context) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("needs_votes", lang), 1)
    needs = [n for n in lookup.workshop.needs if not n.hidden]
    if not needs:
        pdf.note(t("no_needs", lang))
        return
    votes = lookup.workshop.dots_per_need()
    needs.sort(key=lambda n: -votes.get(n.id, 0))
    rows = []
    for n in needs:
        card = lookup.need(n.id)
        title = card.title.get(lang) if card else n.id
        title += _origin(n.card, n.proposed_by, lang, need=True)
        rows.append(
            [
                clip(title, sections.CELL_CHARS),
                clip(card.persona.get(lang), sections.CELL_CHARS) if card else "—",
                vocab("usage_family", card.usage_family, lang) if card else "—",
                str(votes.get(n.id, 0)),
            ]
        )
    pdf.data_table(
        [t("need", lang), t("persona", lang), t("usage_family", lang), t("votes", lang)],
        rows,
        widths=(34, 40, 18, 8),
        align=("LEFT", "LEFT", "LEFT", "CENTER"),
    )


def _participation(ctx: sections.Context, show_pseudonyms: bool) -> None:
    pdf, lang, workshop = ctx.pdf, ctx.lang, ctx.lookup.workshop
    pdf.heading(t("participation", lang), 1)
    voters = {v.participant for v in workshop.votes}
    raters = {r.participant for r in workshop.ratings}
    proposals: dict[str, int] = {}
    proposers = [s.proposed_by for s in workshop.sources] + [n.proposed_by for n in workshop.needs]
    for pid in proposers:
        if pid:
            proposals[pid] = proposals.get(pid, 0) + 1
    pdf.key_values(
        [
            (t("participants", lang), str(len(workshop.participants))),
            (t("voters", lang), str(len(voters))),
            (t("rated", lang), str(len(raters))),
            (t("proposed", lang), str(sum(proposals.values()))),
        ],
        key_width=40,
    )
    if not show_pseudonyms:
        pdf.note(t("pseudonyms_hidden", lang))
        return
    dots: dict[str, int] = {}
    for v in workshop.votes:
        dots[v.participant] = dots.get(v.participant, 0) + v.dots
    ratings: dict[str, int] = {}
    for r in workshop.ratings:
        ratings[r.participant] = ratings.get(r.participant, 0) + 1
    pdf.data_table(
        [t("pseudonym", lang), t("proposed", lang), t("dots_col", lang), t("rated", lang)],
        [
            [
                clip(p.pseudonym, 80),
                str(proposals.get(p.id, 0)),
                str(dots.get(p.id, 0)),
                str(ratings.get(p.id, 0)),
            ]
            for p in workshop.participants
        ],
        widths=(40, 20, 20, 20),
        align=("LEFT", "CENTER", "CENTER", "CENTER"),
    )


def _scenario(ctx: sections.Context, scenario: Scenario, ranking: RankingFacts) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.add_page()
    pdf.heading(f"{t('scenario', lang)} · {scenario.title}", 1)
    pdf.paragraph(sections.summary_text(ctx, scenario, ranking))
    pdf.paragraph(scenario.description)
    use_case = lookup.use_case(scenario.use_case)
    if use_case is None:
        pdf.note(t("no_use_case", lang))
    else:
        pdf.heading(t("data_sources", lang), 3)
        sections.source_table(ctx, use_case.sources)
    pdf.heading(t("network", lang), 2)
    network_drawing.network_block(pdf, lookup, scenario, lang)
    pdf.heading(t("ratings", lang), 2)
    stats = ranking.criteria.get(scenario.id, ())
    if ranking.rank(scenario.id) is None or not stats:
        pdf.note(t("no_ratings", lang))
        return
    pdf.data_table(
        [
            t("criterion", lang),
            t("weight", lang),
            t("median", lang),
            t("spread", lang),
            t("raters", lang),
        ],
        sections.criterion_rows(stats, lang),
        widths=(50, 12, 12, 12, 14),
        align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
    )
