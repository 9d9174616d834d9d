"""The value network screen's parts: the figure with its diagnostics beside it, the
gives/gets table, the facilitator's edit forms and the side-by-side comparison.

Used by ``pages/network.py`` and by the projection page (``show_network`` with
``large=True``). Every write goes through :mod:`selfdata.app.services` from a widget callback,
so the run that follows already shows the new network on this screen; other screens see it
on their next poll (the version moved).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from selfdata.app import services
from selfdata.app.network_subjects import network_subjects
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS, NetworkTemplate
from selfdata.domain.errors import SelfDataError
from selfdata.domain.workshop import NetworkEdits, Scenario
from selfdata.engines import network_edits as value_network
from selfdata.engines.network import FLOW_TYPES
from selfdata.ui.charts import plotly_chart
from selfdata.ui.context import PageContext, flash
from selfdata.ui.figures.network import LABELS_UP_TO, flow_name
from selfdata.ui.figures.network_wall import network_on_wall
from selfdata.ui.outcome_data import NetworkView, comparison_view, network_view
from selfdata.ui.projector_controls import compare_choice, shown_scenario
from selfdata.ui.widgets import safe

PREFIX = "network_"
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
"""No toolbar (zoom, pan, download) on the wall or on a tablet."""


def model_title(ctx: PageContext, model_id: str) -> str:
    model = ctx.decks.model(model_id)
    return model.title.get(ctx.lang) if model is not None else model_id


def load(ctx: PageContext, scenario: Scenario, large: bool) -> NetworkView | None:
    assert ctx.code is not None and ctx.room is not None
    view = network_view(ctx.store, ctx.code, ctx.room.version, scenario, ctx.lang, large)
    if isinstance(view, str):
        st.error(ctx.t("network.broken", problem=view))
        return None
    return view


def show_network(ctx: PageContext, view: NetworkView, *, large: bool, key: str) -> None:
    """The figure, the diagnostics beside it in plain words, the balance table below."""
    if not large:  # on the wall the model is named in the scenario's title line
        st.caption(safe(ctx.t("network.model_of", model=model_title(ctx, view.scenario.model))))
    # on the wall the network takes the full width, what to look at comes below it
    left, right = st.columns([2, 1], gap="medium") if not large else (st.container(),) * 2
    with left:
        figure = network_on_wall(view.figure) if large else view.figure
        plotly_chart(ctx.lang, figure, width="stretch", key=f"{key}_figure", config=CHART_CONFIG)
        if len(view.actors) > LABELS_UP_TO:
            st.caption(ctx.t("network.large", n=len(view.actors)))
    with right:
        show_findings(ctx, view.findings)
    st.subheader(ctx.t("network.balance"))
    table = pd.DataFrame(
        [[r.name, r.kind, r.gives, r.gets, r.flag] for r in view.balance],
        columns=[ctx.t(f"network.col.{c}") for c in ("actor", "kind", "gives", "gets", "flag")],
    )
    if large:  # on the wall: every cell as text at >= 24 px, wrapped, never cut (issue 30)
        with st.container(key="sd-wall-balance"):
            st.table(table.set_index(table.columns[0]))
    else:
        st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_balance")


def show_findings(ctx: PageContext, texts: Sequence[str]) -> None:
    st.subheader(ctx.t("network.diagnostics"))
    if not texts:
        st.success(ctx.t("network.all_clear"))
    for text in texts:
        st.warning(safe(text), icon=":material/warning:")


# --- facilitator edits -----------------------------------------------------------------


def _template(ctx: PageContext, scenario: Scenario) -> NetworkTemplate | None:
    model = ctx.decks.model(scenario.model)
    return model.network if model is not None else None


def _save(ctx: PageContext, scenario: Scenario, edits: NetworkEdits) -> None:
    assert ctx.code is not None and ctx.secret is not None
    try:
        services.set_network_edits(ctx.store, ctx.code, ctx.secret, scenario.id, edits)
    except SelfDataError as err:
        flash(err.message(ctx.lang))
        return
    flash(ctx.t("network.saved"), "success")


def _apply(ctx: PageContext, scenario: Scenario, change: str, names: Sequence[str] = ()) -> None:
    """Widget callback: read this form's fields and save the scenario's new edits."""
    template = _template(ctx, scenario)
    if template is None:
        return
    state = st.session_state
    edits = scenario.network_edits
    try:
        if change == "add_actor":
            card = ctx.decks.index("actors").get(state[f"{PREFIX}actor_card"])
            edits = value_network.add_actor(
                template,
                edits,
                state[f"{PREFIX}actor_card"],
                state.get(f"{PREFIX}actor_label"),
                taken_names=names,
                card_name=card.title.get(ctx.lang) if card is not None else "",
            )
        elif change == "remove_actor":
            edits = value_network.remove_actor(template, edits, state[f"{PREFIX}actor_out"])
        elif change == "add_flow":
            source, target = state[f"{PREFIX}flow_from"], state[f"{PREFIX}flow_to"]
            if source == target:
                flash(ctx.t("network.same_ends"))
                return
            edits = value_network.add_flow(
                template,
                edits,
                source,
                target,
                state[f"{PREFIX}flow_type"],
                state.get(f"{PREFIX}flow_label"),
            )
        elif change == "remove_flow":
            edits = value_network.remove_flow(template, edits, state[f"{PREFIX}flow_out"])
        elif change == "reset":
            edits = NetworkEdits()
    except value_network.DuplicateActorName as exc:
        flash(ctx.t("network.duplicate_name", name=exc.name))
        return
    except (value_network.EditError, ValueError, KeyError) as exc:
        flash(ctx.t("network.broken", problem=str(exc)[:300]))
        return
    _save(ctx, scenario, edits)


def edit_panel(ctx: PageContext, view: NetworkView) -> None:
    """Four small forms (add/remove an actor, add/remove a flow) and a reset button."""
    scenario = view.scenario
    names = dict(view.actors)
    nodes = list(names)
    node_name = names.__getitem__

    # keyed and tracked: the panel stays open after a form inside it reruns the page
    with st.expander(
        ctx.t("network.edit"), expanded=False, key=f"{PREFIX}edit_open", on_change="rerun"
    ):
        st.caption(ctx.t("network.edit.help"))
        add, remove = st.columns(2)
        with add, st.form(f"{PREFIX}add_actor_form", clear_on_submit=True, border=True):
            st.markdown(f"**{safe(ctx.t('network.add_actor'))}**")
            cards = {c.id: c for c in ctx.decks.actors}
            st.selectbox(
                ctx.t("network.actor_card"),
                list(cards),
                format_func=lambda cid: cards[cid].title.get(ctx.lang),
                key=f"{PREFIX}actor_card",
                placeholder=ctx.t("common.choose"),
            )
            st.text_input(ctx.t("network.actor_label"), key=f"{PREFIX}actor_label", max_chars=200)
            st.form_submit_button(
                ctx.t("network.submit_add"),
                on_click=_apply,
                args=(ctx, scenario, "add_actor", tuple(names.values())),
                key=f"{PREFIX}add_actor_submit",
            )
        with remove, st.form(f"{PREFIX}remove_actor_form", border=True):
            st.markdown(f"**{safe(ctx.t('network.remove_actor'))}**")
            st.selectbox(
                ctx.t("network.col.actor"),
                nodes,
                format_func=node_name,
                key=f"{PREFIX}actor_out",
                placeholder=ctx.t("common.choose"),
            )
            st.form_submit_button(
                ctx.t("network.submit_remove"),
                on_click=_apply,
                args=(ctx, scenario, "remove_actor"),
                key=f"{PREFIX}remove_actor_submit",
                disabled=not nodes,
            )
        add, remove = st.columns(2)
        with add, st.form(f"{PREFIX}add_flow_form", clear_on_submit=True, border=True):
            st.markdown(f"**{safe(ctx.t('network.add_flow'))}**")
            st.selectbox(
                ctx.t("network.flow_from"),
                nodes,
                format_func=node_name,
                key=f"{PREFIX}flow_from",
                placeholder=ctx.t("common.choose"),
            )
            st.selectbox(
                ctx.t("network.flow_to"),
                nodes,
                format_func=node_name,
                key=f"{PREFIX}flow_to",
                placeholder=ctx.t("common.choose"),
            )
            st.selectbox(
                ctx.t("network.flow_type"),
                list(FLOW_TYPES),
                format_func=lambda f: flow_name(f, ctx.lang),
                key=f"{PREFIX}flow_type",
                placeholder=ctx.t("common.choose"),
            )
            st.text_input(ctx.t("network.flow_label"), key=f"{PREFIX}flow_label", max_chars=200)
            st.form_submit_button(
                ctx.t("network.submit_add"),
                on_click=_apply,
                args=(ctx, scenario, "add_flow"),
                key=f"{PREFIX}add_flow_submit",
                disabled=len(nodes) < 2,
            )
        with remove, st.form(f"{PREFIX}remove_flow_form", border=True):
            st.markdown(f"**{safe(ctx.t('network.remove_flow'))}**")
            flows = {f.id: f.text for f in view.flows}
            st.selectbox(
                ctx.t("network.remove_flow"),
                list(flows),
                format_func=lambda fid: flows[fid],
                key=f"{PREFIX}flow_out",
                label_visibility="collapsed",
                placeholder=ctx.t("common.choose"),
            )
            st.form_submit_button(
                ctx.t("network.submit_remove"),
                on_click=_apply,
                args=(ctx, scenario, "remove_flow"),
                key=f"{PREFIX}remove_flow_submit",
                disabled=not flows,
            )
        st.button(
            ctx.t("network.reset"),
            key=f"{PREFIX}reset",
            on_click=_apply,
            args=(ctx, scenario, "reset"),
            disabled=scenario.network_edits == NetworkEdits(),
        )


# --- comparison ------------------------------------------------------------------------


def comparison(
    ctx: PageContext, view: NetworkView, scenarios: Sequence[Scenario], *, large: bool
) -> None:
    """This scenario's network beside the same use case under another governance model
    (a participant's own choice; the facilitator's choice is what the wall shows).
    ``scenarios``: the page's own read (a second read cost a rerun ~8 ms on a 300-actor
    network)."""
    scenario = view.scenario
    if ctx.is_facilitator:
        state = ctx.room.projector if ctx.room is not None else None
        if state is None:
            return
        compare_choice(ctx, state, scenarios, key="network_compare")
        if state.compare and state.compare != scenario.model:
            st.caption(ctx.t("network.compare.help"))
            compared(ctx, view, state.compare, large=large)
        return
    if not st.toggle(ctx.t("network.compare"), key=f"{PREFIX}compare"):
        return
    st.caption(ctx.t("network.compare.help"))
    others = [m for m in GOVERNANCE_MODEL_IDS if m != scenario.model and ctx.decks.model(m)]
    if not others:
        return
    other = st.selectbox(
        ctx.t("network.compare_with"),
        others,
        format_func=lambda m: model_title(ctx, m),
        key=f"{PREFIX}compare_model",
        placeholder=ctx.t("common.choose"),
    )
    compared(ctx, view, other or others[0], large=large)


def compared(ctx: PageContext, view: NetworkView, other: str, *, large: bool) -> None:
    """The two networks side by side: this scenario's, and ``other`` model's."""
    assert ctx.code is not None and ctx.room is not None
    scenario = view.scenario
    result = comparison_view(
        ctx.store, ctx.code, ctx.room.version, scenario.id, other, ctx.lang, large
    )
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{safe(model_title(ctx, scenario.model))}** · {ctx.t('network.current')}")
        plotly_chart(
            ctx.lang,
            network_on_wall(view.figure, side_by_side=True) if large else view.figure,
            width="stretch",
            key=f"{PREFIX}compare_left",
            config=CHART_CONFIG,
        )
        for finding in view.findings:
            st.caption(":material/warning: " + safe(finding))
    with right:
        if isinstance(result, str):
            st.error(ctx.t("network.broken", problem=result))
            return
        figure, source, findings = result
        where = (
            ctx.t("network.from_scenario", title=source)
            if source is not None
            else ctx.t("network.from_template")
        )
        st.markdown(f"**{safe(model_title(ctx, other))}** · {safe(where)}")
        plotly_chart(
            ctx.lang,
            network_on_wall(figure, side_by_side=True) if large else figure,
            width="stretch",
            key=f"{PREFIX}compare_right",
            config=CHART_CONFIG,
        )
        for text in findings:
            st.caption(":material/warning: " + safe(text))


def project_network(ctx: PageContext) -> None:
    """The projector's view of the network step: a scenario's network in large type, with
    what to look at beside it (no forms)."""
    assert ctx.code is not None
    subjects = network_subjects(services.scenarios(ctx.store, ctx.code))
    scenarios = subjects.subjects
    if not scenarios:
        st.markdown(f"### {safe(ctx.t('network.nothing_to_draw'))}")
        return
    assert ctx.room is not None
    state = ctx.room.projector
    scenario = shown_scenario(state, scenarios)
    with st.container(key="sd-wall-what"):
        st.markdown(f"### {safe(scenario.title)} · {safe(model_title(ctx, scenario.model))}")
    view = load(ctx, scenario, True)
    if view is None:
        return
    if state.compare and state.compare != scenario.model and not subjects.drafts:
        compared(ctx, view, state.compare, large=True)
    else:
        show_network(ctx, view, large=True, key="projection_network")
