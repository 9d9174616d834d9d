"""The sections shared by the scenario dossier and the workshop report.

Each section takes a :class:`Context` (the PDF being written, the workshop's cards and the
language) and writes itself; an incomplete workshop gets a sentence saying what is
missing, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass

from fpdf.enums import XPos, YPos

from selfdata.domain.cards import DataSourceCard, GovernanceModelCard
from selfdata.domain.numbers import format_score, format_share, format_weight
from selfdata.domain.typography import fr_list, fr_of
from selfdata.domain.workshop import Scenario
from selfdata.engines.data_protection import pre_check
from selfdata.export import network_drawing, next_steps
from selfdata.export.facts import CriterionStat, Lookup, RankingFacts, fits
from selfdata.export.labels import t, vocab, yes_no
from selfdata.export.pdf_base import (
    FAMILY,
    INK,
    MUTED,
    ExportPDF,
    clip,
    fmt_float,
    fmt_int,
)

COVER_TITLE_CHARS = 160
"""The cover shows at most this many characters of the title; the body prints it whole."""
CELL_CHARS = 160
"""Longest text printed in a table cell (the full text is printed elsewhere)."""


@dataclass
class Context:
    pdf: ExportPDF
    lookup: Lookup
    lang: str


def cover_header(ctx: Context, color: tuple[int, int, int], kind: str, title: str) -> None:
    """Open a cover page: a colour band, the document kind in small capitals, the title."""
    pdf = ctx.pdf
    pdf.add_page()
    with pdf.artifact():
        pdf.set_fill_color(*color)
        pdf.rect(0, 0, pdf.w, 10, style="F")
    pdf.set_y(34)
    pdf.set_font(FAMILY, "B", 9)
    pdf.set_text_color(*MUTED)
    with pdf.leaf("P"):
        pdf.cell(0, 5, f"{t('app', ctx.lang)} · {t(kind, ctx.lang)}".upper())
    pdf.ln(9)
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 22)
    with pdf.leaf(pdf.heading_tag(0), title=clip(title, COVER_TITLE_CHARS)):
        pdf.multi_cell(
            0, 10, clip(title, COVER_TITLE_CHARS), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


# -- summary ------------------------------------------------------------------------------


def rank_sentence(ranking: RankingFacts, scenario_id: str, lang: str) -> str:
    rank = ranking.rank(scenario_id)
    if rank is None:
        return ""
    text = t(
        "rank_line", lang, rank=ranking.rank_label(scenario_id, lang), total=len(ranking.order)
    )
    stability = ranking.stability.get(scenario_id)
    if stability is not None:
        text += " · " + t("stability", lang).lower() + " " + format_share(stability, lang)
    return text


def summary_text(ctx: Context, scenario: Scenario, ranking: RankingFacts) -> str:
    """The one-page summary for an elected official, in sentences: what the experiment is,
    for whom, on which data, who controls it, how the group ranked it, what the data
    protection asks and what the council is asked to decide."""
    lang, lookup = ctx.lang, ctx.lookup
    use_case = lookup.use_case(scenario.use_case)
    cards = [] if use_case is None else [lookup.source(sid) for sid in use_case.sources]
    titles = [clip(c.title.get(lang), 80) for c in cards if c is not None]
    need = clip(lookup.need_title(use_case.need, lang), 120) if use_case is not None else ""
    check = pre_check(lookup.workshop, scenario, lookup.decks)
    values = {
        "title": clip(scenario.title, 120),
        "months": scenario.scope.duration_months,
        "residents": fmt_int(scenario.scope.residents, lang),
        "territory": clip(lookup.workshop.territory, 120),
        "of_territory": fr_of(clip(lookup.workshop.territory, 120))
        if lang == "fr"
        else f"of {clip(lookup.workshop.territory, 120)}",
        "need": need,
        "n": len(titles),
        "sources": fr_list(titles) if lang == "fr" else _en_list(titles),
        "model": lookup.model_title(scenario.model, lang),
        "controller": _lower_first(check.processings[0].controller.get(lang).rstrip(".")),
        "dpia": t(f"summary.dpia.{check.dpia}", lang),
    }
    sentences = [t("summary.what", lang, **values)]
    if need:
        sentences.append(t("summary.need", lang, **values))
    if titles:
        sentences.append(t("summary.sources", lang, **values))
    sentences.append(t("summary.model", lang, **values))
    rank = ranking.rank(scenario.id)
    if rank is None:
        sentences.append(t("no_ratings", lang))
    else:
        sentences.append(
            t(
                "summary.rank",
                lang,
                rank=ranking.rank_label(scenario.id, lang),
                total=len(ranking.order),
            )
        )
    sentences.append(t("summary.protection", lang, **values))
    sentences.append(t("summary.council", lang))
    return " ".join(sentences)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _en_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# -- use case -----------------------------------------------------------------------------


def source_rows(ctx: Context, source_ids: list[str]) -> list[list[str]]:
    lang = ctx.lang
    rows = []
    for sid in source_ids:
        card = ctx.lookup.source(sid)
        if card is None:
            rows.append([sid, t("unknown_card", lang), "—", "—", "—"])
            continue
        rows.append(
            [
                clip(card.title.get(lang), CELL_CHARS),
                clip(card.holder.get(lang), CELL_CHARS),
                vocab("access", card.access, lang),
                vocab("sensitivity", card.sensitivity, lang),
                yes_no(card.portability, lang),
            ]
        )
    return rows


def source_table(ctx: Context, source_ids: list[str]) -> None:
    lang = ctx.lang
    ctx.pdf.data_table(
        [
            t("source", lang),
            t("holder", lang),
            t("access", lang),
            t("sensitivity", lang),
            t("portability", lang),
        ],
        source_rows(ctx, source_ids),
        widths=(32, 30, 12, 14, 16),
    )


def use_case_section(ctx: Context, scenario: Scenario) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("use_case", lang), 1)
    use_case = lookup.use_case(scenario.use_case)
    if use_case is None:
        pdf.note(t("no_use_case", lang))
        return
    pdf.heading(use_case.title, 2)
    pdf.paragraph(use_case.description)
    need = lookup.need(use_case.need)
    rows = [(t("need", lang), lookup.need_title(use_case.need, lang))]
    if need is not None:
        rows += [
            (t("persona", lang), need.persona.get(lang)),
            (t("description", lang), need.description.get(lang)),
            (t("usage_family", lang), vocab("usage_family", need.usage_family, lang)),
        ]
    scope = scenario.scope
    scope_text = (
        f"{fmt_int(scope.residents, lang)} {t('residents', lang)} · "
        f"{scope.duration_months} {t('months', lang)}"
    )
    rows.append((t("scope", lang), scope_text))
    if scope.partners:
        rows.append((t("partners", lang), ", ".join(scope.partners)))
    pdf.key_values(rows)
    pdf.heading(t("data_sources", lang), 3)
    source_table(ctx, use_case.sources)


# -- governance ---------------------------------------------------------------------------


def governance_section(ctx: Context, scenario: Scenario) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("governance", lang), 1)
    model = lookup.model(scenario.model)
    rows = [(t("chosen_model", lang), lookup.model_title(scenario.model, lang))]
    use_case = lookup.use_case(scenario.use_case)
    if use_case is not None and use_case.governance_choice != scenario.model:
        rows.append(
            (
                t("group_choice", lang),
                lookup.model_title(use_case.governance_choice, lang)
                if use_case.governance_choice
                else t("no_choice", lang),
            )
        )
    if model is not None:
        rows += model_rows(model, lang)
    pdf.key_values(rows)
    if use_case is None:
        return
    pdf.heading(t("fits_title", lang), 3)
    model_fits = fits(use_case, lookup.decks)
    if model_fits is None:
        pdf.note(t("no_answers", lang))
        return
    table_rows = []
    for f in model_fits:
        marker = " ✓" if f.model == scenario.model else ""
        reasons = [f"+ {r.text.get(lang)}" for r in f.reasons_for] + [
            f"− {r.text.get(lang)}" for r in f.reasons_against
        ]
        table_rows.append([f.title.get(lang) + marker, f"{f.fit} / 100", "\n".join(reasons) or "—"])
    pdf.data_table(
        [t("model", lang), t("fit", lang), t("reasons", lang)],
        table_rows,
        widths=(26, 14, 60),
        align=("LEFT", "CENTER", "LEFT"),
    )
    answers = answer_lines(ctx, use_case.governance_answers)
    if answers:
        pdf.heading(t("answers", lang), 3)
        pdf.bullets(answers, size=9)


def model_rows(model: GovernanceModelCard, lang: str) -> list[tuple[str, str]]:
    return [
        (t("principle", lang), model.summary.get(lang)),
        (t("where_data_lives", lang), model.where_data_lives.get(lang)),
        (t("who_decides", lang), model.who_decides.get(lang)),
        (t("consent", lang), model.consent.get(lang)),
        (t("city_role", lang), model.city_role.get(lang)),
        (t("maturity", lang), vocab("maturity", model.maturity, lang)),
        (t("cost", lang), model.cost.get(lang)),
    ]


def answer_lines(ctx: Context, answers: dict[str, str]) -> list[str]:
    questions = {q.id: q for q in ctx.lookup.decks.governance_questions}
    lines = []
    for qid, oid in answers.items():
        q = questions.get(qid)
        if q is None:
            continue
        option = next((o for o in q.options if o.id == oid), None)
        if option is None:
            continue
        lines.append(f"{q.title.get(ctx.lang)} → {option.label.get(ctx.lang)}")
    return lines


# -- value network ------------------------------------------------------------------------


def network_section(ctx: Context, scenario: Scenario) -> None:
    pdf, lang = ctx.pdf, ctx.lang
    pdf.ensure_space(network_drawing.FIGURE_H + 45)
    pdf.heading(t("network", lang), 1)
    pdf.paragraph(t("network_intro", lang), size=9)
    network_drawing.network_block(ctx.pdf, ctx.lookup, scenario, lang)


# -- ratings ------------------------------------------------------------------------------


def rating_section(ctx: Context, scenario: Scenario, ranking: RankingFacts) -> None:
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(t("ratings", lang), 1)
    stats = ranking.criteria.get(scenario.id, ())
    rank = ranking.rank(scenario.id)
    if rank is None or not any(s.raters for s in stats):
        pdf.note(t("no_ratings", lang))
        return
    pdf.paragraph(rank_sentence(ranking, scenario.id, lang), style="B")
    rows = [
        (t("weighted_sum", lang), format_score(ranking.scores.get(scenario.id, 0.0), lang)),
        (
            t("topsis", lang),
            t(
                "rank_line",
                lang,
                rank=ranking.topsis_rank.get(scenario.id, 0),
                total=len(ranking.order),
            ),
        ),
    ]
    agreement = ranking.consensus.get(scenario.id)
    rows.append(
        (t("consensus", lang), format_share(agreement, lang) if agreement is not None else "—")
    )
    stability = ranking.stability.get(scenario.id)
    if stability is not None:
        rows.append(
            (t("stability", lang), t("stability_line", lang, pct=format_share(stability, lang)))
        )
    pdf.key_values(rows, key_width=40)
    pdf.data_table(
        [
            t("criterion", lang),
            t("weight", lang),
            t("median", lang),
            t("spread", lang),
            t("raters", lang),
        ],
        criterion_rows(stats, lang),
        widths=(50, 12, 12, 12, 14),
        align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
    )
    method_words_box(ctx, ("weighted_sum", "topsis", "consensus", "stability", "median", "spread"))


METHOD_WORDS: tuple[str, ...] = (
    "weighted_sum",
    "topsis",
    "consensus",
    "stability",
    "sensitivity",
    "median",
    "spread",
)
"""The method words the ranking pages use; each has a plain definition in the box."""


def method_words_box(ctx: Context, words: tuple[str, ...] = METHOD_WORDS) -> None:
    """A glossary box: each method word the page used, in plain words."""
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(t("method_words", lang), 3)
    pdf.key_values(
        [(t(f"method.{word}.term", lang), t(f"method.{word}", lang)) for word in words],
        key_width=40,
    )


def criterion_rows(stats: tuple[CriterionStat, ...], lang: str) -> list[list[str]]:
    rows = []
    for s in stats:
        title = s.title + (" " + t("cost_criterion", lang) if s.cost else "")
        rows.append(
            [
                clip(title, CELL_CHARS),
                format_weight(s.weight, lang),
                fmt_float(s.median, lang, 1) if s.median is not None else "—",
                fmt_float(s.spread, lang, 1) if s.spread is not None else "—",
                str(s.raters),
            ]
        )
    return rows


def pct(value: float, lang: str) -> str:
    """A share as a percentage (the one formatter: :func:`format_share`)."""
    return format_share(value, lang)


# -- risks and next steps -----------------------------------------------------------------


def source_risks(card: DataSourceCard, lang: str) -> list[str]:
    """What a source's card says may go wrong: not reusable, special data, no portability,
    hard to reach, the card's legal notes."""
    name = clip(card.title.get(lang), 120)
    sep = "\u202f: " if lang != "en" else ": "
    risks: list[str] = []
    if not card.reusable:
        risks.append(f"{name}{sep}{t('not_reusable', lang)}")
    if card.sensitivity == "special":
        risks.append(t("special_data", lang, source=name))
    if card.portability is False:
        holder = clip(card.holder.get(lang), 120)
        risks.append(t("no_portability", lang, source=name, holder=holder))
    if card.ease == 1:
        risks.append(t("hard_access", lang, source=name, access=vocab("access", card.access, lang)))
    if card.legal_notes is not None:
        risks.append(f"{name}{sep}{card.legal_notes.get(lang)}")
    return risks


def risks_section(ctx: Context, scenario: Scenario) -> None:
    pdf, lang, lookup = ctx.pdf, ctx.lang, ctx.lookup
    pdf.heading(t("risks", lang), 1)
    use_case = lookup.use_case(scenario.use_case)
    risks: list[str] = []
    for sid in use_case.sources if use_case is not None else []:
        card = lookup.source(sid)
        if card is not None:
            risks += source_risks(card, lang)
    model = lookup.model(scenario.model)
    mediation: str | None = None
    if model is not None:
        risks += [t("weakness_of_model", lang, text=w.get(lang)) for w in model.weaknesses]
        mediation = next_steps.mediation_paragraph(lookup, scenario, model, lang)
    pdf.heading(t("risks_only", lang), 3)
    if risks:
        pdf.bullets(risks, size=9.5)
    else:
        pdf.note(t("nothing_to_flag", lang))
    if mediation:
        pdf.heading(t("mediation", lang), 3)
        pdf.paragraph(mediation, size=9.5)
    pdf.heading(t("next_steps", lang), 3)
    steps = next_steps.next_steps(lookup, scenario, lang)
    pdf.bullets(steps, size=9.5)
