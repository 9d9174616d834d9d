"""The dossier's decision pages: the data-protection pre-check of the scenario (impact
assessment, register entry, DPO, Data Governance Act, council decision), each item with its
rule, then the action plan (who does what by when)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from selfdata import i18n
from selfdata.domain.workshop import Scenario
from selfdata.engines.action_plan import schedule, seed_plan
from selfdata.engines.data_protection import Criterion, pre_check
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


def _items(ctx: Context, items: Sequence[Criterion]) -> list[str]:
    lang = ctx.lang
    return [
        f"{_t(f'dpia.{c.id}', lang)} ({_t(f'dpia.state.{c.state}', lang)}) — "
        f"{clip(c.why.get(lang), 400)} {_t('dp.rule', lang, rule=c.rule.get(lang))}"
        for c in items
    ]


def data_protection_section(ctx: Context, scenario: Scenario) -> None:
    """The DPO's checklist: the verdict and why, the nine criteria, the CNIL list's items,
    the questions, the legal basis per processing, the register entry and the steps."""
    pdf, lang = ctx.pdf, ctx.lang
    check = pre_check(ctx.lookup.workshop, scenario, ctx.lookup.decks)
    pdf.heading(_t("dp.title", lang), 1)
    pdf.note(_t("dp.caption", lang))
    pdf.heading(f"{_t('dp.dpia', lang)} — {_t(f'dp.verdict.{check.dpia}', lang)}", 2)
    pdf.paragraph(check.dpia_reason.get(lang), size=9.5, style="B")
    if check.questions:
        pdf.heading(_t("dpia.questions", lang), 3)
        pdf.bullets((q.question.get(lang) for q in check.questions if q.question), size=9)
    pdf.heading(_t("dpia.criteria", lang), 3)
    pdf.bullets(_items(ctx, check.criteria), size=8.5)
    pdf.heading(_t("dpia.cnil", lang), 3)
    pdf.bullets(_items(ctx, check.cnil_items), size=8.5)
    pdf.heading(_t("law.title", lang), 2)
    for p in check.processings:
        rows = [
            (_t("law.controller", lang), p.controller.get(lang)),
            (_t("law.basis", lang), p.basis.get(lang)),
        ]
        if p.special is not None:
            rows.append((_t("law.special", lang), p.special.get(lang)))
        pdf.heading(_t(f"law.processing.{p.id}", lang), 3)
        pdf.key_values(rows)
    pdf.heading(_t("dp.register", lang), 2)
    pdf.key_values(
        [
            (
                f.label.get(lang),
                f"{clip(f.value.get(lang), 900)} ({f.rule.get(lang)})",
            )
            for f in check.register
        ]
    )
    pdf.heading(_t("dp.steps", lang), 2)
    pdf.bullets(
        (
            f"{_t(f'dp.step.{s.id}', lang)} ({_t(f'dp.status.{s.status}', lang)})"
            f" — {s.text.get(lang)} {_t('dp.rule', lang, rule=s.rule.get(lang))}"
            for s in check.steps
        ),
        size=9,
    )


def action_plan_section(ctx: Context, scenario: Scenario) -> None:
    """The saved plan as a table (step, who, how long, by when, budget); without one, the
    proposal drawn from the scenario, said to be a proposal. Durations, dates and budgets
    nobody set are printed "to set" / "to cost"."""
    pdf, lang = ctx.pdf, ctx.lang
    pdf.heading(_t("plan.title", lang), 1)
    steps = scenario.action_plan
    if steps is None:
        steps = seed_plan(ctx.lookup.workshop, scenario, ctx.lookup.decks, lang)
        pdf.note(_t("plan.proposed", lang))
    if not steps:
        pdf.note(_t("plan.empty", lang))
        return
    start = scenario.plan_start
    pdf.note(
        _t("plan.start_on", lang, day=_day(start, lang)) if start else _t("plan.start_none", lang)
    )
    pdf.data_table(
        [
            _t("plan.task", lang),
            _t("plan.owner", lang),
            _t("plan.weeks", lang),
            _t("plan.due", lang),
            _t("plan.budget", lang),
        ],
        [
            [
                clip(s.task, 200),
                clip(s.owner, 120) or "—",
                "—" if s.weeks is None else str(s.weeks),
                _day(s.due, lang) if s.due else _t("plan.no_date", lang),
                clip(s.budget, 60) or _t("plan.budget_blank", lang),
            ]
            for s in schedule(steps, start)
        ],
        widths=(40, 24, 10, 13, 13),
    )


def _day(day: date | None, lang: str) -> str:
    return "" if day is None else fmt_date(datetime(day.year, day.month, day.day), lang)
