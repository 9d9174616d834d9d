"""Tables of a large room on screen: the console's section (create, list with progress,
seat someone), the table choice when joining, the table badge of a tablet, and the wall's
table screen (``view=projection&table=<id>``) and plenary view (``table=all``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from selfdata.app import links, services
from selfdata.app.read_models import TableInfo
from selfdata.domain.palette import TABLE_COLOURS
from selfdata.domain.visibility import pseudonyms_on_screen
from selfdata.ui.charts import plotly_chart
from selfdata.ui.figures.ready import NO_TOOLBAR, ReadyFigure, ready
from selfdata.ui.figures.tables import rank_grid, table_vote_bars
from selfdata.ui.figures.wall import on_wall
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, safe, table_badge
from selfdata.ui.wording import table_screen_label

PLENARY = "all"
"""``table=all`` on the projection: the plenary view comparing every table."""


def colour_name(ctx: PageContext, index: int) -> str:
    return ctx.t(f"tables.colour_{TABLE_COLOURS[index % len(TABLE_COLOURS)]}")


def badge(table: TableInfo) -> str:
    return table_badge(table.name, table.colour)


def screen_url(ctx: PageContext, code: str, table: str) -> str:
    lang = {"lang": "en"} if ctx.lang == "en" else {}
    return links.page_url(
        ctx.base_url, "projection", {"code": code, "view": "projection", "table": table, **lang}
    )


# --- the console -----------------------------------------------------------------------------


def console_section(ctx: PageContext, code: str, secret: str, named: bool) -> None:
    """Create a table, see each table's progress, seat a participant, open the screens."""
    st.subheader(ctx.t("tables.header"))
    st.caption(ctx.t("tables.intro"))
    with st.form("console_tables_form", clear_on_submit=True):
        c1, c2 = st.columns([3, 2])
        name = c1.text_input(ctx.t("tables.name"), max_chars=40, key="console_table_name")
        colour = c2.selectbox(
            ctx.t("tables.colour"),
            options=list(range(len(TABLE_COLOURS))),
            format_func=lambda i: colour_name(ctx, i),
            key="console_table_colour",
            index=None,
            placeholder=ctx.t("common.choose"),
        )
        if st.form_submit_button(ctx.t("tables.create"), icon=":material/table_restaurant:"):
            ctx.act(services.create_table, ctx.store, code, secret, name, colour)
            st.rerun()  # the refusal, if any, shows at the top of the page
    progress = services.tables_progress(ctx.store, code, secret)
    if not progress:
        st.caption(ctx.t("tables.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                ctx.t("tables.col_table"): [
                    p.table.name if p.table else ctx.t("tables.unseated") for p in progress
                ],
                ctx.t("tables.colour"): [
                    colour_name(ctx, p.table.colour) if p.table else "" for p in progress
                ],
                ctx.t("tables.col_participants"): [p.participants for p in progress],
                ctx.t("tables.col_dots"): [p.dots for p in progress],
                ctx.t("tables.col_ratings"): [p.ratings for p in progress],
            }
        ),
        hide_index=True,
        width="stretch",
        key="console_tables_progress",
    )
    tables = [p.table for p in progress if p.table is not None]
    with st.container(horizontal=True, gap="small", key="console_table_links"):
        st.link_button(
            ctx.t("tables.plenary_link"), screen_url(ctx, code, PLENARY), icon=":material/groups:"
        )
        for table in tables:
            st.link_button(
                table_screen_label(table.name, ctx.lang),
                screen_url(ctx, code, table.id),
                icon=":material/co_present:",
            )
    _seat_form(ctx, code, secret, progress, tables, named)
    with st.expander(ctx.t("tables.remove_header")):
        st.caption(ctx.t("tables.remove_help"))
        for table in tables:
            action_button(
                ctx,
                ctx.t("tables.remove", name=table.name),
                f"console_table_remove_{table.id}",
                services.remove_table,
                ctx.store,
                code,
                secret,
                table.id,
            )


def _seat_form(
    ctx: PageContext,
    code: str,
    secret: str,
    progress: tuple[services.TableProgress, ...],
    tables: list[TableInfo],
    named: bool,
) -> None:
    people = [m for p in progress for m in p.members]
    if not people:
        return
    label = {
        pid: name if pseudonyms_on_screen(named) else ctx.t("console.anonymous", n=n)
        for n, (pid, name) in enumerate(people, 1)
    }
    with st.form("console_seat_form"):
        st.markdown(f"**{safe(ctx.t('tables.seat_header'))}**")
        c1, c2 = st.columns(2)
        who = c1.selectbox(
            ctx.t("tables.seat_who"),
            [pid for pid, _ in people],
            format_func=label.__getitem__,
            placeholder=ctx.t("common.choose"),
        )
        where = c2.selectbox(
            ctx.t("tables.seat_where"),
            [x.id for x in tables],
            format_func=lambda x: next(t.name for t in tables if t.id == x),
            placeholder=ctx.t("common.choose"),
        )
        if st.form_submit_button(ctx.t("tables.seat")) and who and where:
            ctx.act(services.assign_table, ctx.store, code, secret, who, where)
            st.rerun()


# --- joining and tablets ---------------------------------------------------------------------


def pick_table(ctx: PageContext, code: str | None) -> str | None:
    """Inside the join form: a radio of the room's tables (large targets), or nothing in a
    room without tables. No choice: the least full table."""
    if code is None:
        return None
    try:
        tables = services.tables(ctx.store, code)
    except services.SelfDataError:
        return None
    if not tables:
        return None
    names = {x.id: x.name for x in tables}
    with st.container(key="sd-pick-table"):
        choice: str | None = st.radio(
            ctx.t("tables.pick"),
            list(names),
            format_func=names.__getitem__,
            index=None,
            key="home_table",
        )
    st.caption(ctx.t("tables.pick_help"))
    return choice


# --- the wall ----------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def _plenary_needs(
    code: str, version: int, lang: str
) -> tuple[services.TableResults, ReadyFigure | None]:
    """The plenary's votes, once per workshop version for every screen showing them (the
    projector's view: the reveal rule applies)."""
    from selfdata.files.loading import default_decks
    from selfdata.ui.session import get_store

    results = services.table_results(get_store(), code, default_decks(), scenarios=False)
    votes = None
    if results.needs:
        votes = on_wall(ready(table_vote_bars(results.needs, results.tables, lang)), height=None)
    return results, votes


@st.cache_data(show_spinner=False, max_entries=32)
def _plenary_scenarios(
    code: str, ranking_version: int, lang: str
) -> tuple[services.TableResults, ReadyFigure | None]:
    """The plenary's rankings, once per ranking version (dots do not move them)."""
    from selfdata.files.loading import default_decks
    from selfdata.ui.session import get_store

    results = services.table_results(get_store(), code, default_decks(), needs=False)
    ranks = None
    if results.scenarios and any(s.overall for s in results.scenarios):
        ranks = on_wall(ready(rank_grid(results.scenarios, results.tables, lang)), height=None)
    return results, ranks


def table_from_address() -> str | None:
    """``table=`` of the projection's address (an id, or ``all`` for the plenary)."""
    value = st.query_params.get("table")
    return str(value)[:64] if value else None


def table_screen_title(ctx: PageContext, code: str, table: str) -> TableInfo | None:
    """The table screen's heading (name on its colour); ``None`` with a clear message when
    the address names no table of this workshop."""
    found = next((x for x in services.tables(ctx.store, code) if x.id == table), None)
    if found is None:
        st.warning(ctx.t("tables.unknown_screen"))
        return None
    st.html(f'<h2 class="sd-table-title">{badge(found)}</h2>')
    return found


def table_needs(ctx: PageContext, code: str, table: TableInfo) -> None:
    """A table screen on the needs step: that table's dots only."""
    from selfdata.ui.room_views import need_totals, vote_figure

    board = services.needs_board(ctx.store, code, table=table.id)
    totals = need_totals(board, ctx.lang)
    if totals:
        plotly_chart(
            ctx.lang,
            on_wall(vote_figure(totals, ctx.lang)),
            width="stretch",
            key="projection_table_votes",
            config=NO_TOOLBAR,
        )


def table_ranking(ctx: PageContext, code: str, table: TableInfo) -> None:
    """A table screen on the scenarios step: that table's ranking."""
    assert ctx.room is not None
    results, _ = _plenary_scenarios(code, ctx.room.ranking_version, ctx.lang)
    rows = [
        (s.per_table[table.id].position, s.title)
        for s in results.scenarios or ()
        if table.id in s.per_table
    ]
    if not rows:
        st.markdown(f"### {safe(ctx.t('tables.nothing_yet'))}")
    for position, title in sorted(rows):
        st.markdown(f"### {position}. {safe(title)}")


def plenary_part(step: str, chosen: str, has_needs: bool, has_scenarios: bool) -> str | None:
    """What the plenary shows: the facilitator's choice from the console, else (``auto``)
    the rankings from the scenarios step on and the votes before; the other part when the
    chosen one is not revealed; ``None`` when neither is."""
    wanted = (
        chosen
        if chosen != "auto"
        else ("scenarios" if step in ("scenarios", "export") else "needs")
    )
    shown = {"needs": has_needs, "scenarios": has_scenarios}
    if shown[wanted]:
        return wanted
    other = "scenarios" if wanted == "needs" else "needs"
    return other if shown[other] else None


def plenary(ctx: PageContext, code: str) -> None:
    """The plenary view: the part the facilitator steers (votes or rankings per table and
    overall), its comparison in plain words first (above the fold), then the chart and the
    pairwise agreement."""
    assert ctx.room is not None
    st.markdown(f"## {safe(ctx.t('tables.plenary_title'))}")
    voted, votes = _plenary_needs(code, ctx.room.version, ctx.lang)
    rated, ranks = _plenary_scenarios(code, ctx.room.ranking_version, ctx.lang)
    if not voted.tables:
        st.markdown(f"### {safe(ctx.t('tables.no_tables'))}")
        return
    part = plenary_part(
        ctx.room.step,
        ctx.room.projector.plenary,
        voted.needs is not None,
        rated.scenarios is not None,
    )
    if part is None:
        st.markdown(f"### {safe(ctx.t('tables.not_revealed'))}")
        return
    if part == "needs" and voted.needs is not None:
        titles = {n.id: n.card.title.get(ctx.lang) if n.card else n.id for n in voted.needs}
        st.markdown(f"### {safe(ctx.t('tables.votes_header'))}")
        _plain_words(ctx, voted.needs_agreement, titles, "needs")
        st.caption(ctx.t("tables.votes_caption"))
        if votes is not None:
            plotly_chart(ctx.lang, votes, width="stretch", key="plenary_votes", config=NO_TOOLBAR)
        _agreement(ctx, voted.needs_agreement, titles, voted.tables, "needs")
    elif rated.scenarios is not None:
        titles = {s.id: s.title for s in rated.scenarios}
        st.markdown(f"### {safe(ctx.t('tables.ranking_header'))}")
        _plain_words(ctx, rated.scenarios_agreement, titles, "scenarios")
        st.caption(ctx.t("tables.ranking_caption"))
        if ranks is not None:
            plotly_chart(ctx.lang, ranks, width="stretch", key="plenary_ranks", config=NO_TOOLBAR)
        _agreement(ctx, rated.scenarios_agreement, titles, rated.tables, "scenarios")


def _plain_words(ctx: PageContext, agreement: object, titles: dict[str, str], part: str) -> None:
    """Which items the tables agree on and which split them, in large words."""
    from selfdata.app.table_results import Agreement

    if not isinstance(agreement, Agreement):
        return
    lines = []
    for verdict, key in (("converge", "agree"), ("split", "split")):
        items = [titles.get(i, i) for i, v in agreement.verdicts.items() if v.verdict == verdict]
        if items:
            lines.append(ctx.t(f"decide.plenary_{key}_{part}", items=", ".join(items)))
    with st.container(key=f"sd-plenary-words-{part}"):
        for line in lines or [ctx.t("decide.plenary_no_verdict")]:
            st.markdown(f"#### {safe(line)}")


def _agreement(
    ctx: PageContext,
    agreement: object,
    titles: dict[str, str],
    tables: tuple[TableInfo, ...],
    part: str,
) -> None:
    from selfdata.app.table_results import Agreement

    if not isinstance(agreement, Agreement):
        return
    names = {x.id: x.name for x in tables}
    with st.container(key=f"sd-agreement-{part}"):
        st.markdown(f"#### {safe(ctx.t('tables.agreement_header'))}")
        lines = []
        for pair in agreement.pairs:
            first, second = names[pair.first], names[pair.second]
            if pair.too_few:
                lines.append(ctx.t(f"decide.tau_few_{part}", first=first, second=second))
            elif pair.tau is None:
                lines.append(ctx.t("tables.tau_none", first=first, second=second))
            else:
                tau = f"{pair.tau:+.2f}".replace(".", "," if ctx.lang == "fr" else ".")
                lines.append(ctx.t("tables.tau", first=first, second=second, tau=tau))
        st.markdown("\n".join(f"- {safe(line)}" for line in lines))


def table_step(ctx: PageContext, code: str, table: TableInfo) -> None:
    """A table screen's result for the room's step (needs or scenarios)."""
    assert ctx.room is not None
    if ctx.room.step == "needs":
        table_needs(ctx, code, table)
    else:
        table_ranking(ctx, code, table)
