"""The scenarios screen's parts: defining scenarios (facilitator), rating them on a tablet
(participants, a tap-friendly 1–5 per criterion), the weights and the reveal (facilitator),
and the results: ranked bars, consensus, rank probabilities, the winner's stability, the
weight change that would swap the top two, and a participant's own ranking.

Writes go through :mod:`selfdata.app.services` in widget callbacks; a refusal shows as a
message on the next render (``ctx.act``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from selfdata.app import services
from selfdata.app.read_models import RoomState, ScenarioRatings, ScenariosView
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS
from selfdata.domain.errors import SelfDataError
from selfdata.domain.visibility import in_table_scope, viewer_sees_results
from selfdata.domain.workshop import Scenario, UseCase
from selfdata.engines.ranking import METHODS, Method
from selfdata.engines.ranking_summary import ranking_sentences
from selfdata.ui import group_decision_view
from selfdata.ui.charts import plotly_chart
from selfdata.ui.context import PageContext, flash
from selfdata.ui.figures.ready import ReadyFigure
from selfdata.ui.figures.wall import WALL_CHART_PX, on_wall, untitled
from selfdata.ui.fragment_run import fresh
from selfdata.ui.outcome_data import own_ranking_rows, ranking_view
from selfdata.ui.scenario_delete import delete_control, undo_offer
from selfdata.ui.widgets import pick_scenario, safe
from selfdata.ui.wording import plural_key

PREFIX = "scenarios_"
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
"""No toolbar (zoom, pan, download) on the wall or on a tablet."""
TOUCH_CSS = """
<style>
[data-testid="stButtonGroup"] button { min-height: 48px; min-width: 52px; font-size: 1.1rem; }
</style>
"""


@dataclass(frozen=True)
class CriterionRow:
    id: str
    title: str
    description: str
    cost: bool
    weight: float


def criteria(ctx: PageContext, ratings: ScenarioRatings) -> list[CriterionRow]:
    """Criteria in use (the workshop's, else the deck's defaults), in order."""
    cards = {c.id: c for c in ctx.decks.criteria}
    chosen = [(w.criterion, w.weight) for w in ratings.criteria] or [
        (c.id, c.default_weight) for c in ctx.decks.criteria
    ]
    return [
        CriterionRow(
            cid,
            cards[cid].title.get(ctx.lang),
            cards[cid].description.get(ctx.lang),
            cards[cid].direction == "cost",
            weight,
        )
        for cid, weight in chosen
        if cid in cards
    ]


def model_title(ctx: PageContext, model_id: str) -> str:
    model = ctx.decks.model(model_id)
    return model.title.get(ctx.lang) if model is not None else model_id


def summary(ctx: PageContext, scenario: Scenario, use_cases: dict[str, UseCase]) -> None:
    """Title, use case, scope and partners of a scenario (all user text as text)."""
    st.markdown(f"#### {safe(scenario.title)}")
    use_case = use_cases.get(scenario.use_case)
    if use_case is not None:
        st.markdown(f"*{safe(use_case.title)}*")
    st.caption(
        ctx.t(
            "scenarios.scope",
            residents=f"{scenario.scope.residents:,}".replace(",", "\u202f"),
            months=scenario.scope.duration_months,
            model=safe(model_title(ctx, scenario.model)),
        )
    )
    if scenario.scope.partners:
        st.caption(safe(ctx.t("scenarios.partners", names=", ".join(scenario.scope.partners))))
    if scenario.description:
        st.markdown(safe(scenario.description))


# --- participants: rating --------------------------------------------------------------


def _rate(ctx: PageContext, scenario_id: str, criterion: str) -> None:
    assert ctx.code is not None and ctx.token is not None
    value = st.session_state.get(f"{PREFIX}rate_{scenario_id}_{criterion}")
    ctx.act(services.rate, ctx.store, ctx.code, ctx.token, scenario_id, criterion, value)


def rating_panel(ctx: PageContext, view: ScenariosView, ratings: ScenarioRatings) -> None:
    """One scenario at a time, each criterion a row of five large buttons."""
    st.html(TOUCH_CSS)
    rows = [c for c in criteria(ctx, ratings) if c.weight > 0]
    use_cases = {u.id: u for u in view.use_cases}
    seat = ctx.viewer.table  # the participant's table (None: seated at none)
    scenarios = [  # in a room with tables: the whole room's and one's own table's
        s
        for s in view.scenarios
        if in_table_scope(getattr(use_cases.get(s.use_case), "table", None), seat)
    ]
    if not scenarios:
        st.info(ctx.t("scenarios.none"))
        return
    done = {s.id: sum((s.id, c.id) in ratings.mine for c in rows) for s in scenarios}
    total = len(rows) * len(scenarios)
    st.progress(
        sum(done.values()) / total if total else 0.0,
        text=ctx.t(
            plural_key("scenarios.rated", sum(done.values())), done=sum(done.values()), total=total
        ),
    )
    if ratings.locked:
        st.info(ctx.t("scenarios.locked"))
    # Titles alone: with the count in the option labels, the browser kept showing the count
    # from before the tap (seen in the e2e screenshots); the count is a caption.
    scenario = pick_scenario(ctx, scenarios, f"{PREFIX}pick", "scenarios.pick")
    st.caption(
        ctx.t("scenarios.rated_this", done=done[scenario.id], total=len(rows))
        + (" :material/check_circle:" if rows and done[scenario.id] == len(rows) else "")
    )
    with st.container(border=True):
        summary(ctx, scenario, use_cases)
        st.caption(ctx.t("scenarios.rate.help"))
        for row in rows:
            label = row.title + (f" — {ctx.t('scenarios.cost')}" if row.cost else "")
            st.segmented_control(  # no default but the participant's own rating
                safe(label),
                [1, 2, 3, 4, 5],
                default=ratings.mine.get((scenario.id, row.id)),
                key=f"{PREFIX}rate_{scenario.id}_{row.id}",
                on_change=_rate,
                args=(ctx, scenario.id, row.id),
                disabled=ratings.locked,
                width="stretch",
            )
            if row.description:  # readable as it is, not behind a 16 px "?" icon
                st.caption(safe(row.description))
    position = scenarios.index(scenario)
    if position + 1 < len(scenarios):
        st.button(
            ctx.t("scenarios.next", title=scenarios[position + 1].title),
            key=f"{PREFIX}next",
            on_click=_next_scenario,
            args=(scenarios[position + 1].id,),
            icon=":material/arrow_forward:",
            type="primary",
            width="stretch",
        )


@st.fragment
def rating_form(ctx: PageContext, view: ScenariosView, first: ScenarioRatings) -> None:
    """:func:`rating_panel` in a fragment, for a tablet that does not show the results: a
    rating (or the next scenario) reruns the form, not the page (docs/load.md, §9). Its own
    runs read the participant's ratings and the lock again (one light read); a step, lock,
    timer or reveal redraws the whole page (the page's live fragment)."""
    assert ctx.code is not None
    code = ctx.code
    ratings = fresh(
        ctx, first, lambda: services.scenario_ratings(ctx.store, code, ctx.token, light=True)
    )
    if ratings is not None:
        rating_panel(ctx, view, ratings)


def _next_scenario(scenario_id: str) -> None:
    st.session_state[f"{PREFIX}pick"] = scenario_id


# --- facilitator: scenarios, weights, reveal -------------------------------------------


def _draft(slot: str, use_cases: dict[str, UseCase]) -> services.ScenarioDraft:
    state = st.session_state
    use_case = str(state.get(f"{PREFIX}{slot}_use_case") or "")
    model = str(state.get(f"{PREFIX}{slot}_model") or "")
    if not model:
        chosen = use_cases.get(use_case)
        # the group's choice, or nothing: the service refuses a scenario without a model
        model = (chosen.governance_choice if chosen else None) or ""
    partners = str(state.get(f"{PREFIX}{slot}_partners") or "").splitlines()
    return services.ScenarioDraft(
        title=str(state.get(f"{PREFIX}{slot}_title") or ""),
        use_case=use_case,
        model=model,
        residents=int(state.get(f"{PREFIX}{slot}_residents") or 0),
        duration_months=int(state.get(f"{PREFIX}{slot}_duration") or 0),
        partners=[p.strip() for p in partners if p.strip()],
        description=str(state.get(f"{PREFIX}{slot}_description") or ""),
    )


def _create(ctx: PageContext, use_cases: dict[str, UseCase]) -> None:
    assert ctx.code is not None and ctx.secret is not None
    draft = _draft("new", use_cases)
    if ctx.act(services.create_scenario, ctx.store, ctx.code, ctx.secret, draft):
        flash(ctx.t("scenarios.created"), "success")


def _update(ctx: PageContext, scenario: Scenario, use_cases: dict[str, UseCase]) -> None:
    assert ctx.code is not None and ctx.secret is not None
    draft = _draft(scenario.id, use_cases)
    # the form does not touch the network: keep the scenario's edits
    draft = services.ScenarioDraft(**{**draft.__dict__, "network_edits": scenario.network_edits})
    ctx.act(services.update_scenario, ctx.store, ctx.code, ctx.secret, scenario.id, draft)


def scenario_form(
    ctx: PageContext, use_cases: dict[str, UseCase], scenario: Scenario | None = None
) -> None:
    """Create (``scenario`` is None) or edit a scenario: use case + model + scope."""
    slot = "new" if scenario is None else scenario.id
    ids = list(use_cases)
    models = ["", *GOVERNANCE_MODEL_IDS]
    with st.form(f"{PREFIX}{slot}_form", clear_on_submit=scenario is None, border=False):
        st.text_input(
            ctx.t("scenarios.field.title"),
            value=scenario.title if scenario else "",
            max_chars=200,
            key=f"{PREFIX}{slot}_title",
        )
        st.selectbox(
            ctx.t("scenarios.field.use_case"),
            ids,
            index=ids.index(scenario.use_case) if scenario and scenario.use_case in ids else 0,
            format_func=lambda uid: use_cases[uid].title,
            key=f"{PREFIX}{slot}_use_case",
            placeholder=ctx.t("common.choose"),
        )
        st.selectbox(
            ctx.t("scenarios.field.model"),
            models,
            index=models.index(scenario.model) if scenario and scenario.model in models else 0,
            format_func=lambda m: model_title(ctx, m) if m else "— " + ctx.t("scenarios.chosen"),
            key=f"{PREFIX}{slot}_model",
            placeholder=ctx.t("common.choose"),
        )
        left, right = st.columns(2)
        left.number_input(
            ctx.t("scenarios.field.residents"),
            min_value=0,
            max_value=10_000_000,
            value=scenario.scope.residents if scenario else 100,
            step=50,
            key=f"{PREFIX}{slot}_residents",
        )
        right.number_input(
            ctx.t("scenarios.field.duration"),
            min_value=0,
            max_value=120,
            value=scenario.scope.duration_months if scenario else 6,
            key=f"{PREFIX}{slot}_duration",
        )
        st.text_area(
            ctx.t("scenarios.field.partners"),
            value="\n".join(scenario.scope.partners) if scenario else "",
            max_chars=2000,
            key=f"{PREFIX}{slot}_partners",
        )
        st.text_area(
            ctx.t("scenarios.field.description"),
            value=scenario.description if scenario else "",
            max_chars=2000,
            key=f"{PREFIX}{slot}_description",
        )
        if scenario is None:
            st.form_submit_button(
                ctx.t("scenarios.create"),
                type="primary",
                on_click=_create,
                args=(ctx, use_cases),
                key=f"{PREFIX}new_submit",
            )
        else:
            st.form_submit_button(
                ctx.t("scenarios.save"),
                on_click=_update,
                args=(ctx, scenario, use_cases),
                key=f"{PREFIX}{slot}_submit",
            )


def manage_panel(ctx: PageContext, view: ScenariosView) -> None:
    """Define a new scenario; edit or delete one chosen from the list (one form at a time,
    so fifty scenarios cost one form, not fifty)."""
    use_cases = {u.id: u for u in view.use_cases}
    with st.expander(ctx.t("scenarios.define"), expanded=not view.scenarios):
        if not use_cases:
            st.info(ctx.t("scenarios.no_use_case"))
        else:
            scenario_form(ctx, use_cases)
    undo_offer(ctx)
    if not view.scenarios:
        return
    with st.expander(ctx.t("scenarios.manage")):
        scenario = pick_scenario(ctx, view.scenarios, f"{PREFIX}manage_pick")
        summary(ctx, scenario, use_cases)
        if use_cases:
            scenario_form(ctx, use_cases, scenario)
        delete_control(ctx, scenario, PREFIX)


def _save_weights(ctx: PageContext, ids: Sequence[str]) -> None:
    assert ctx.code is not None and ctx.secret is not None
    weights = {cid: float(st.session_state.get(f"{PREFIX}weight_{cid}") or 0.0) for cid in ids}
    try:
        services.set_weights(ctx.store, ctx.code, ctx.secret, weights)
    except SelfDataError as err:
        flash(err.message(ctx.lang))
        return
    flash(ctx.t("scenarios.weights.saved"), "success")


def _default_weights(ctx: PageContext) -> None:
    assert ctx.code is not None and ctx.secret is not None
    for c in ctx.decks.criteria:
        st.session_state.pop(f"{PREFIX}weight_{c.id}", None)
    ctx.act(services.set_weights, ctx.store, ctx.code, ctx.secret, {})


def weights_panel(ctx: PageContext, ratings: ScenarioRatings) -> None:
    """Every criterion of the deck with its weight (0 leaves it out of the ranking)."""
    in_use = {c.id: c for c in criteria(ctx, ratings)}
    cards = {c.id: c for c in ctx.decks.criteria}
    order = [*in_use, *(cid for cid in cards if cid not in in_use)]
    with st.expander(ctx.t("scenarios.weights")):
        st.caption(ctx.t("scenarios.weights.help"))
        with st.form(f"{PREFIX}weights_form", border=False):
            columns = st.columns(2)
            for i, cid in enumerate(order):
                card = cards[cid]
                label = card.title.get(ctx.lang) + (
                    f" ({ctx.t('scenarios.cost')})" if card.direction == "cost" else ""
                )
                columns[i % 2].number_input(
                    safe(label),
                    min_value=0.0,
                    max_value=10.0,
                    step=0.5,
                    format="%g",  # "5" and "2.5", never "5.00" (issue 30)
                    value=float(in_use[cid].weight) if cid in in_use else 0.0,
                    key=f"{PREFIX}weight_{cid}",
                )
            st.form_submit_button(
                ctx.t("scenarios.weights.save"),
                type="primary",
                on_click=_save_weights,
                args=(ctx, order),
                key=f"{PREFIX}weights_submit",
            )
        st.button(
            ctx.t("scenarios.weights.defaults"),
            key=f"{PREFIX}weights_defaults",
            on_click=_default_weights,
            args=(ctx,),
        )


def _reveal(ctx: PageContext, revealed: bool) -> None:
    assert ctx.code is not None and ctx.secret is not None
    ctx.act(services.set_revealed, ctx.store, ctx.code, ctx.secret, "scenarios", revealed)


def reveal_control(ctx: PageContext, revealed: bool) -> None:
    st.caption(ctx.t("scenarios.revealed" if revealed else "scenarios.not_revealed"))
    waits = group_decision_view.reveal_waits_for_the_round(ctx, "scenarios", revealed)
    st.button(
        ctx.t("scenarios.hide" if revealed else "scenarios.reveal"),
        key=f"{PREFIX}reveal",
        type="secondary" if revealed else "primary",
        on_click=_reveal,
        args=(ctx, not revealed),
        disabled=waits,
    )


# --- results ---------------------------------------------------------------------------


def pick_method(ctx: PageContext, key: str = f"{PREFIX}method") -> Method:
    chosen = st.segmented_control(
        ctx.t("scenarios.method"),
        list(METHODS),
        default=METHODS[0],
        format_func=lambda m: ctx.t(f"scenarios.method.{m}"),
        key=key,
        required=True,
    )
    return chosen or METHODS[0]


def results_shown(ctx: PageContext, *, large: bool) -> bool:
    """Whether this screen shows the group's results (the reveal rule)."""
    assert ctx.room is not None
    return viewer_sees_results(ctx.viewer.on_wall(large), ctx.room.revealed, "scenarios")


COUNTDOWN_PX = 80
"""What the wall's countdown takes above the result at 1280×720 (measured: 56 px, and the
space around it)."""


def wall_chart_height(room: RoomState) -> int:
    """The projected chart's height: less while the countdown shows above it, so that the
    chart and the sentence under it end above the fold at 1280×720 (read back: the stability
    sentence was cut)."""
    return WALL_CHART_PX - (COUNTDOWN_PX if room.timer_end is not None else 0)


def _on_wall(chart: ReadyFigure, only: str, height: int) -> ReadyFigure:
    """A chart restyled for the wall: the ratings per criterion at the height their names
    need; the ranking without its title (the method is said above it)."""
    if only == "heatmap":
        return on_wall(chart, height=None)
    shown = on_wall(chart, height=height)
    return untitled(shown) if only == "bars" else shown


def results(ctx: PageContext, method: Method, *, large: bool, only: str | None = None) -> None:
    """The group's ranking: bars and consensus, the two sentences, the heatmap (nothing but
    a notice while they are hidden from this screen). ``only`` (the wall): that one chart,
    above the fold."""
    assert ctx.code is not None and ctx.room is not None
    view = ranking_view(
        ctx.store, ctx.code, ctx.room, method, ctx.lang, large, ctx.viewer.on_wall(large)
    )
    if view is None:
        st.info(ctx.t("scenarios.hidden"))
        return
    if isinstance(view, str):
        st.info(ctx.t("scenarios.cannot_rank", problem=view))
        return
    ranking = view.ranking
    if only == "weights":
        group_decision_view.wall(ctx, view, only)
        return
    if not ranking.has_ratings:  # every score would be the neutral 0.5: a score from nothing
        st.info(ctx.t("scenarios.no_ratings_yet"))
        return
    if only == "resampled":
        group_decision_view.wall(ctx, view, only)
        return
    if only is not None:
        # "Ratings by criterion": the ratings, names whole, at the height they need
        criteria = view.criteria or view.heatmap
        chart = {"bars": view.bars, "consensus": view.consensus, "heatmap": criteria}[only]
        plotly_chart(
            ctx.lang,
            _on_wall(chart, only, wall_chart_height(ctx.room)),
            width="stretch",
            key=f"{PREFIX}wall_{only}",
            config=CHART_CONFIG,
        )
        st.markdown(f"**{safe(ranking_sentences(ranking, ctx.lang)[0])}**")
        group_decision_view.whose_weights_line(ctx, view)
        return
    first, *others = ranking_sentences(ranking, ctx.lang)
    st.markdown(f"**{safe(first)}**")
    for sentence in others:
        st.markdown(safe(sentence))
    # the words of the charts in plain words, on every screen (tablets included)
    st.caption(ctx.t("scenarios.words_help"))
    # side by side on a laptop; stacked on the wall, where each needs the full width
    bars, agreement = (
        st.columns([3, 2], gap="medium") if not large else (st.container(), st.container())
    )
    bars.plotly_chart(view.bars, width="stretch", key=f"{PREFIX}bars", config=CHART_CONFIG)
    agreement.plotly_chart(
        view.consensus, width="stretch", key=f"{PREFIX}consensus", config=CHART_CONFIG
    )
    agreement.caption(ctx.t("scenarios.consensus.help"))
    missing = sum(len(s.missing) for s in ranking.scenarios)
    if missing:
        st.caption(ctx.t("scenarios.missing", n=missing))
    if len(ranking.scenarios) > 1:
        plotly_chart(
            ctx.lang, view.heatmap, width="stretch", key=f"{PREFIX}heatmap", config=CHART_CONFIG
        )
    group_decision_view.results(ctx, view, large=large)


def own_ranking_panel(ctx: PageContext, method: Method) -> None:
    """The participant's ranking next to the group's (this tablet only)."""
    assert ctx.code is not None and ctx.room is not None and ctx.me is not None
    st.subheader(ctx.t("scenarios.yours"))
    st.caption(ctx.t("scenarios.yours.help"))
    rows = own_ranking_rows(ctx.store, ctx.code, ctx.room, method, ctx.viewer, ctx.lang)
    if not rows:
        st.info(ctx.t("scenarios.not_rated_yet"))
        return
    table = pd.DataFrame(
        [[r.group_label or r.group_rank, r.title, r.own_label or r.own_rank] for r in rows],
        columns=[
            ctx.t("scenarios.col.group"),
            ctx.t("scenarios.col.scenario"),
            ctx.t("scenarios.col.you"),
        ],
    )
    st.dataframe(table, hide_index=True, width="stretch", key=f"{PREFIX}own")


def project_scenarios(ctx: PageContext) -> None:
    """The projector's view of the scenarios step: the group's results in large type (once
    the facilitator revealed them): the method and the chart the facilitator chose."""
    assert ctx.room is not None
    state = ctx.room.projector
    with st.container(key="sd-wall-what"):
        st.markdown(
            safe(ctx.t("wall.shown_method", method=ctx.t(f"scenarios.method.{state.method}")))
        )
    results(ctx, state.method, large=True, only=state.chart)
