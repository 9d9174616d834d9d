"""The tables of a large room on paper: in the report, each table's people and progress,
its votes and its ranking next to the whole room's, and the agreement between tables; in a
scenario's dossier, the scenario's place at each table. Nothing is printed for a workshop
without tables."""

from __future__ import annotations

from collections.abc import Sequence

from selfdata.app.read_models import TableInfo
from selfdata.app.table_results import Agreement, TableResults, compute
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.domain.workshop import Scenario
from selfdata.export import sections
from selfdata.export.labels import t
from selfdata.export.pdf_base import clip

TABLES_PER_GRID = 6
"""Tables printed side by side in one grid (more tables: several grids)."""


def _chunks(tables: Sequence[TableInfo]) -> list[Sequence[TableInfo]]:
    return [tables[i : i + TABLES_PER_GRID] for i in range(0, len(tables), TABLES_PER_GRID)]


def results_of(ctx: sections.Context) -> TableResults | None:
    workshop = ctx.lookup.workshop
    if not workshop.tables:
        return None
    return compute(workshop, ctx.lookup.decks)


def _widths(count: int) -> tuple[float, ...]:
    return (40.0, 12.0, *([48.0 / max(1, count)] * count))


def report_section(ctx: sections.Context) -> None:
    """The report's "Tables" chapter (nothing without tables)."""
    results = results_of(ctx)
    if results is None:
        return
    pdf, lang, workshop = ctx.pdf, ctx.lang, ctx.lookup.workshop
    pdf.heading(t("tables", lang), 1)
    pdf.paragraph(t("tables_intro", lang, count=len(results.tables)))
    seat = {p.id: p.table for p in workshop.participants}
    dots = {x.id: 0 for x in results.tables}
    rated = {x.id: 0 for x in results.tables}
    for v in workshop.votes:
        if seat.get(v.participant) in dots:
            dots[seat[v.participant] or ""] += v.dots
    for r in workshop.ratings:
        if seat.get(r.participant) in rated:
            rated[seat[r.participant] or ""] += 1
    pdf.data_table(
        [
            t("table", lang),
            t("table_colour", lang),
            t("participants", lang),
            t("votes", lang),
            t("ratings", lang),
        ],
        [
            [
                clip(x.name, 60),
                t(f"table_colour_{TABLE_COLOURS[x.colour % len(TABLE_COLOURS)]}", lang),
                str(sum(1 for p in workshop.participants if p.table == x.id)),
                str(dots[x.id]),
                str(rated[x.id]),
            ]
            for x in results.tables
        ],
        widths=(36, 16, 16, 16, 16),
        align=("LEFT", "LEFT", "CENTER", "CENTER", "CENTER"),
    )
    if results.needs:
        pdf.heading(t("tables_votes", lang), 2)
        for group in _chunks(results.tables):
            rows = [
                [
                    clip(n.card.title.get(lang) if n.card else n.id, sections.CELL_CHARS),
                    str(n.total),
                    *[str(n.per_table[x.id]) if x.id in n.per_table else "—" for x in group],
                ]
                for n in results.needs
            ]
            pdf.data_table(
                [t("need", lang), t("tables_whole_room", lang), *[clip(x.name, 30) for x in group]],
                rows,
                widths=_widths(len(group)),
                align=("LEFT", *["CENTER"] * (len(group) + 1)),
            )
        titles = {n.id: n.card.title.get(lang) if n.card else n.id for n in results.needs}
        _agreement(ctx, results.needs_agreement, titles, results.tables, "needs")
    if results.scenarios and any(s.overall for s in results.scenarios):
        pdf.heading(t("tables_ranking", lang), 2)
        for group in _chunks(results.tables):
            rows = [
                [
                    clip(s.title, sections.CELL_CHARS),
                    str(s.overall.position) if s.overall else "—",
                    *[
                        str(s.per_table[x.id].position) if x.id in s.per_table else "—"
                        for x in group
                    ],
                ]
                for s in results.scenarios
            ]
            pdf.data_table(
                [
                    t("scenario", lang),
                    t("tables_whole_room", lang),
                    *[clip(x.name, 30) for x in group],
                ],
                rows,
                widths=_widths(len(group)),
                align=("LEFT", *["CENTER"] * (len(group) + 1)),
            )
        titles = {s.id: s.title for s in results.scenarios}
        _agreement(ctx, results.scenarios_agreement, titles, results.tables, "scenarios")


def _agreement(
    ctx: sections.Context,
    agreement: Agreement | None,
    titles: dict[str, str],
    tables: Sequence[TableInfo],
    part: str,
) -> None:
    if agreement is None:
        return
    lang = ctx.lang
    names = {x.id: x.name for x in tables}
    lines = []
    for pair in agreement.pairs:
        first, second = names[pair.first], names[pair.second]
        if pair.too_few:
            lines.append(t(f"decide_tau_few_{part}", lang, first=first, second=second))
        elif pair.tau is None:
            lines.append(t("tables_tau_none", lang, first=first, second=second))
        else:
            tau = _signed(pair.tau, lang)
            lines.append(t("tables_tau", lang, first=first, second=second, tau=tau))
    for verdict in ("converge", "split"):
        items = [titles.get(i, i) for i, v in agreement.verdicts.items() if v.verdict == verdict]
        if items:
            lines.append(t(f"tables_{verdict}", lang, items=", ".join(items)))
    ctx.pdf.bullets(lines)


def _signed(value: float, lang: str) -> str:
    text = f"{value:+.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def dossier_section(ctx: sections.Context, scenario: Scenario) -> None:
    """The scenario's place at each table and whether the tables converge or split on it
    (nothing without tables, or before anyone rated it)."""
    results = results_of(ctx)
    if results is None or not results.scenarios:
        return
    tally = next((s for s in results.scenarios if s.id == scenario.id), None)
    if tally is None or (tally.overall is None and not tally.per_table):
        return
    lang = ctx.lang
    ctx.pdf.heading(t("tables_scenario", lang), 2)
    rows = [
        [
            t("tables_whole_room", lang),
            str(tally.overall.position) if tally.overall else "—",
        ]
    ] + [
        [clip(x.name, 60), str(tally.per_table[x.id].position) if x.id in tally.per_table else "—"]
        for x in results.tables
    ]
    ctx.pdf.data_table(
        [t("table", lang), t("tables_place", lang)],
        rows,
        widths=(70, 30),
        align=("LEFT", "CENTER"),
    )
    agreement = results.scenarios_agreement
    verdict = agreement.verdicts.get(scenario.id) if agreement else None
    if verdict is not None and verdict.verdict in ("converge", "split", "mixed"):
        ctx.pdf.paragraph(t(f"tables_scenario_{verdict.verdict}", lang))
