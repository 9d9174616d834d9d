"""The scenario dossier: what an elected official or a partner reads to decide on a field
experiment. One scenario, French or English, a few pages, no browser needed.

Sections: cover and summary, the use case (need, persona, data sources), the governance
choice (five fits and their reasons), the value network (figure, balance, diagnostics),
ratings and rank with its stability, risks and next steps drawn from the cards, and the
data-protection pre-check (``selfdata/export/decision.py``).
"""

from __future__ import annotations

from datetime import datetime

from fpdf.enums import XPos, YPos

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Scenario, Workshop
from selfdata.export import decision, decision_section, sections, tables_section
from selfdata.export.facts import Lookup, RankingFacts, ranking_facts
from selfdata.export.labels import t
from selfdata.export.pdf_base import (
    ACCENT,
    FAMILY,
    INK,
    MODEL_COLORS,
    PALE,
    ExportPDF,
    clip,
    fmt_date,
)

COVER_TITLE_CHARS = sections.COVER_TITLE_CHARS
HEADING_CHARS = 300


class ScenarioNotFoundError(KeyError):
    """The workshop has no scenario with this id."""


def scenario_dossier(
    workshop: Workshop,
    decks: Decks,
    scenario_id: str,
    lang: str = "fr",
    *,
    created: datetime | None = None,
) -> bytes:
    """The dossier of one scenario, as PDF bytes.

    Raises :class:`ScenarioNotFoundError` when ``scenario_id`` is not in the workshop.
    An incomplete scenario (unknown use case, no answers, no ratings) still gets a dossier
    that says what is missing.
    """
    lookup = Lookup(workshop, decks)
    scenario = lookup.scenario(scenario_id)
    if scenario is None:
        raise ScenarioNotFoundError(scenario_id)
    pdf = ExportPDF(
        lang=lang,
        title=f"{scenario.title} — {t('dossier', lang)}",
        author=f"{workshop.title} ({workshop.territory})",
        subject=f"{t('dossier', lang)} · {workshop.territory}",
        running_head=f"{t('dossier', lang)} · {scenario.title} · {workshop.territory}",
        created=created,
        illustrative=workshop.illustrative,
    )
    pdf.set_keywords(["Self Data", workshop.territory, scenario.model])
    ctx = sections.Context(pdf=pdf, lookup=lookup, lang=lang)
    ranking = ranking_facts(lookup, lang)
    cover(ctx, scenario, ranking)
    pdf.add_page()
    pdf.heading(clip(scenario.title, HEADING_CHARS), 1)
    if len(scenario.title) > HEADING_CHARS:
        pdf.paragraph(scenario.title)
    pdf.paragraph(scenario.description)
    sections.use_case_section(ctx, scenario)
    sections.governance_section(ctx, scenario)
    sections.network_section(ctx, scenario)
    decision.city_roles_section(ctx, scenario)
    sections.rating_section(ctx, scenario, ranking)
    decision_section.dossier_section(ctx, scenario, ranking.decision)
    tables_section.dossier_section(ctx, scenario)  # a large room's tables (nothing without)
    sections.risks_section(ctx, scenario)
    decision.data_protection_section(ctx, scenario)
    decision.action_plan_section(ctx, scenario)
    decision_section.objection_conditions(ctx, scenario, ranking.decision)
    return bytes(pdf.output())


def cover(ctx: sections.Context, scenario: Scenario, ranking: RankingFacts) -> None:
    pdf, lang, workshop = ctx.pdf, ctx.lang, ctx.lookup.workshop
    color = MODEL_COLORS.get(scenario.model, ACCENT)
    sections.cover_header(ctx, color, "dossier", scenario.title)
    pdf.ln(3)
    with pdf.artifact():
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
    pdf.ln(6)

    when = workshop.created or ctx.pdf.creation_date
    rows = [
        (t("territory", lang), clip(workshop.territory, 200)),
        (t("workshop", lang), clip(workshop.title, 200)),
        (t("date", lang), fmt_date(when, lang)),
        (t("chosen_model", lang), ctx.lookup.model_title(scenario.model, lang)),
    ]
    rank_text = sections.rank_sentence(ranking, scenario.id, lang)
    if rank_text:
        rows.append((t("rank", lang), rank_text))
    pdf.key_values(rows, key_width=50)
    if workshop.illustrative:
        pdf.note(t("illustrative", lang))

    pdf.ln(6)
    pdf.set_font(FAMILY, "B", 12)
    pdf.set_text_color(*ACCENT)
    with pdf.leaf(pdf.heading_tag(1), title=t("summary", lang)):
        pdf.cell(0, 7, t("summary", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "", 10.5)
    with pdf.leaf("P"), pdf.local_context(fill_color=PALE):
        pdf.multi_cell(
            0,
            5.6,
            sections.summary_text(ctx, scenario, ranking),
            align="L",
            fill=True,
            padding=4,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
