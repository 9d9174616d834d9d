"""The use-cases page's sections: the needs × sources matrix with its coverage warnings,
the list of use cases, and the facilitator's form turning a need and sources into one (with
the matching engine's suggestions). ``pages/use_cases.py`` puts them in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from selfdata.app import services
from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.workshop import UseCase
from selfdata.engines.matching import match_sources
from selfdata.ui.charts import plotly_chart
from selfdata.ui.figures.ready import NO_TOOLBAR
from selfdata.ui.room_views import heatmap
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, safe


def matrix(
    ctx: PageContext, code: str, version: int, titles: tuple[Mapping[str, str], Mapping[str, str]]
) -> None:
    """The heatmap, then a warning per uncovered need and the sources no need uses."""
    need_title, source_title = titles
    figure, uncovered, unused = heatmap(code, version, ctx.lang)
    plotly_chart(
        ctx.lang, figure.figure, width="stretch", key="use_cases_heatmap", config=NO_TOOLBAR
    )
    if figure.unknown:
        st.caption(ctx.t("use_cases.matrix_unknown"))
    if figure.cut:
        st.caption(
            ctx.t(
                "use_cases.matrix_cut",
                needs=len(figure.need_ids),
                needs_total=figure.needs_total,
                sources=len(figure.source_ids),
                sources_total=figure.sources_total,
            )
        )
    for need_id in uncovered:
        st.warning(ctx.t("use_cases.uncovered", need=need_title.get(need_id, need_id)))
    if unused:
        names = ", ".join(source_title.get(s, s) for s in unused)
        st.info(ctx.t("use_cases.unused", sources=names))


def case_list(
    ctx: PageContext,
    cases: Sequence[UseCase],
    code: str,
    titles: tuple[Mapping[str, str], Mapping[str, str]],
) -> None:
    """Every use case: title, need, sources, description; the facilitator may delete it."""
    need_title, source_title = titles
    st.subheader(ctx.t("use_cases.list", n=len(cases)))
    at = {x.id: x.name for x in services.tables(ctx.store, code)} if cases else {}
    for case in cases:
        with st.container(border=True):
            st.markdown(f"**{safe(case.title)}**")
            st.markdown(safe(ctx.t("use_cases.need", need=need_title.get(case.need, case.need))))
            st.markdown(
                safe(
                    ctx.t(
                        "use_cases.sources",
                        sources=", ".join(source_title.get(s, s) for s in case.sources),
                    )
                )
            )
            if case.table is not None:
                st.caption(safe(ctx.t("tables.you_sit", name=at.get(case.table, case.table))))
            if case.description:
                st.caption(safe(case.description))
            if ctx.is_facilitator:
                action_button(
                    ctx,
                    ctx.t("use_cases.delete"),
                    f"use_cases_delete_{case.id}",
                    services.delete_use_case,
                    ctx.store,
                    code,
                    ctx.secret,
                    case.id,
                )


def create_form(
    ctx: PageContext,
    needs: Sequence[NeedCard],
    sources: Sequence[DataSourceCard],
    code: str,
) -> None:
    """Pick a need; the best usable sources are suggested (and the first two preselected);
    name the use case and create it."""
    need_title = {n.id: n.title.get(ctx.lang) for n in needs}
    source_title = {s.id: s.title.get(ctx.lang) for s in sources}
    st.subheader(ctx.t("use_cases.create_header"))
    need = st.selectbox(
        ctx.t("use_cases.pick_need"),
        list(need_title),
        key="use_cases_need",
        format_func=lambda i: need_title[i],
        placeholder=ctx.t("common.choose"),
    )
    card = next(n for n in needs if n.id == need)
    suggested = [m for m in match_sources(card, sources, ctx.decks) if m.usable]
    st.caption(_suggestions(ctx, card, [(source_title[m.source], m.score) for m in suggested]))
    with st.form("use_cases_create_form", clear_on_submit=True):
        chosen = st.multiselect(
            ctx.t("use_cases.pick_sources"),
            list(source_title),
            default=[m.source for m in suggested[:2]],
            format_func=lambda i: source_title[i],
            # one widget per need: picking another need pre-fills its own suggestions
            # (a single key kept the previous need's sources, issue 14)
            key=f"use_cases_sources_{need}",
            placeholder=ctx.t("common.choose"),
            select_all=False,  # Streamlit's own "Select all" is English only
        )
        title = st.text_input(ctx.t("use_cases.title"), key="use_cases_title", max_chars=200)
        description = st.text_area(
            ctx.t("needs.description"), key="use_cases_description", max_chars=2000
        )
        table = _pick_table(ctx, code)
        if st.form_submit_button(ctx.t("use_cases.create"), type="primary", width="stretch"):
            ctx.act(
                services.create_use_case,
                ctx.store,
                code,
                ctx.secret,
                title=title,
                need=need,
                sources=chosen,
                description=description,
                table=table,
            )
            st.rerun()


def _suggestions(ctx: PageContext, need: NeedCard, best: Sequence[tuple[str, object]]) -> str:
    """The three best sources for the need, or why there is none: what the need still has to
    be qualified (a need proposed from a tablet has no theme yet), else that nothing fits."""
    if best:
        shown = ", ".join(f"{title} ({score})" for title, score in best[:3])
        return ctx.t("use_cases.suggested", sources=shown)
    missing = need.to_qualify()
    if missing:
        fields = ", ".join(ctx.t(f"qualify.field.{f}") for f in missing)
        return ctx.t("use_cases.no_suggestion_to_qualify", fields=fields)
    return ctx.t("use_cases.no_suggestion")


def _pick_table(ctx: PageContext, code: str) -> str | None:
    """In a room with tables: which table builds the use case (none: the whole room)."""
    names = {x.id: x.name for x in services.tables(ctx.store, code)}
    if not names:
        return None
    choice: str | None = st.selectbox(
        ctx.t("tables.use_case_table"),
        [None, *names],
        format_func=lambda i: names[i] if i else ctx.t("tables.whole_room"),
        key="use_cases_table",
        placeholder=ctx.t("common.choose"),
    )
    return choice
