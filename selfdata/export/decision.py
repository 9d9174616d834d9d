"""The dossier's decision pages: the data-protection pre-check of the scenario (impact
assessment, register entry, DPO, Data Governance Act, council decision), each item with its
rule, then the action plan (who does what by when)."""

from __future__ import annotations

from datetime import date, datetime

from selfdata import i18n
from selfdata.domain.workshop import Scenario
from selfdata.engines.action_plan import seed_plan
from selfdata.engines.data_protection import pre_check
from selfdata.export.pdf_base import clip, fmt_date
from selfdata.export.sections import Context


def _t(key: str, lang: str, **values: object) -> str:
    return i18n.t(key, lang, **values)


def city_roles_section(ctx: Context, scenario: Scenario) -> None:
    """The city's roles in the scenario (the kit's three), or that they are not recorded."""
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(_t("city.roles", lang), 3)
    roles = scenario.city_roles
    if roles:
        pdf.bullets(_t(f"city.role.{r}", lang) for r in roles)
    else:
        pdf.note(_t("city.none", lang))


def data_protection_section(ctx: Context, scenario: Scenario) -> None:
    pdf, lang = ctx.pdf, ctx.lang
    check = pre_check(ctx.lookup.workshop, scenario, ctx.lookup.decks)
    pdf.heading(_t("dp.title", lang), 1)
    pdf.note(_t("dp.caption", lang))
    pdf.heading(f"{_t('dp.dpia', lang)} — {_t(f'dp.verdict.{check.dpia}', lang)}", 2)
    pdf.paragraph(check.dpia_reason.get(lang), size=9.5, style="B")
    pdf.heading(_t("dp.criteria", lang), 3)
    pdf.bullets(
        (
            f"{_t(f'dp.criterion.{c.id}', lang)} ({_t('dp.met' if c.met else 'dp.not_met', lang)})"
            f" — {clip(c.why.get(lang), 400)} {_t('dp.rule', lang, rule=c.rule.get(lang))}"
            for c in check.criteria
        ),
        size=9,
    )
    pdf.heading(_t("dp.register", lang), 2)
    pdf.key_values(
        [
            (
                f.label.get(lang),
                f"{clip(f.value.get(lang), 600)} ({f.rule.get(lang)})",
            )
            for f in check.register
        ]
    )
    pdf.heading(_t("dp.steps", lang), 2)
    pdf.bullets(
        (
            f"{_t(f'dp.step.{s.id}', lang)} "
            f"({_t('dp.needed' if s.needed else 'dp.not_needed', lang)})"
            f" — {s.text.get(lang)} {_t('dp.rule', lang, rule=s.rule.get(lang))}"
            for s in check.steps
        ),
        size=9,
    )


def action_plan_section(ctx: Context, scenario: Scenario, start: date) -> None:
    """The saved plan as a table (step, who, by when); without one, the proposal drawn
    from the scenario, said to be a proposal."""
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(_t("plan.title", lang), 1)
    steps = scenario.action_plan
    if steps is None:
        steps = seed_plan(ctx.lookup.workshop, scenario, ctx.lookup.decks, lang, start)
        pdf.note(_t("plan.proposed", lang))
    if not steps:
        pdf.note(_t("plan.empty", lang))
        return
    pdf.data_table(
        [_t("plan.task", lang), _t("plan.owner", lang), _t("plan.due", lang)],
        [
            [
                clip(s.task, 200),
                clip(s.owner, 120) or "—",
                fmt_date(datetime(s.due.year, s.due.month, s.due.day), lang)
                if s.due
                else _t("plan.no_date", lang),
            ]
            for s in steps
        ],
        widths=(58, 24, 18),
    )
