"""How the room decides, on the scenarios screen: the facilitator's switches (participants'
weights, the two rating rounds, the consent round), a tablet's swing weighting and
objection, and the results (the ranking under each weight set, the resampled room).

Swing weighting in a few taps, no drag: one tap on the criterion that matters most (it
gets 100), one tap per other criterion on a row of buttons (0, 20 … 100), one tap to save:
6 criteria take 7 taps. Nothing is pre-set for the participant (no default stands in for
what they did not say): "save" waits until every criterion has a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from selfdata.app import services
from selfdata.app.group_decision import HIDDEN_WHILE_ROUND_OPEN, MyDecision
from selfdata.domain.limits import SWING_MAX
from selfdata.engines.decision_summary import (
    decision_sentences,
    resampled_sentence,
    whose_weights_sentence,
)
from selfdata.ui.charts import plotly_chart
from selfdata.ui.context import PageContext, flash
from selfdata.ui.figures.wall import on_wall
from selfdata.ui.outcome_data import RankingView, group_ranking
from selfdata.ui.widgets import action_button, safe

PREFIX = "decide_"
SWING_OPTIONS = (0, 20, 40, 60, 80, 100)
"""The buttons of a criterion's swing weight (the most important one is at 100)."""
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
TOUCH_CSS = """
<style>
[data-testid="stButtonGroup"] button { min-height: 48px; min-width: 52px; font-size: 1.1rem; }
</style>
"""


def _done(fn: Callable[..., object], *args: object) -> bool:
    """Run a service and say it went through (``ctx.act`` returns ``None`` on a refusal)."""
    fn(*args)
    return True


def my_decision(ctx: PageContext) -> MyDecision:
    assert ctx.code is not None
    return services.my_decision(ctx.store, ctx.code, ctx.token)


def reveal_waits_for_the_round(ctx: PageContext, step: str, revealed: bool) -> bool:
    """Whether revealing ``step`` now would be refused because a rating round is open; if
    so, says it before the button is pressed (the walk's R1: it was learnt by pressing
    « Révéler »)."""
    assert ctx.code is not None
    if revealed or step not in HIDDEN_WHILE_ROUND_OPEN:
        return False
    if not services.my_decision(ctx.store, ctx.code, None).room.silent:
        return False
    st.warning(ctx.t("error.decide.round_open"), icon=":material/hourglass_top:")
    return True


# --- facilitator ----------------------------------------------------------------------------


def _top(ctx: PageContext) -> str | None:
    """The scenario first alone in the facilitator's ranking (``None``: tie, no ratings)."""
    assert ctx.code is not None and ctx.room is not None
    group = group_ranking(
        ctx.store, ctx.code, ctx.room, ctx.room.projector.method, ctx.viewer, ctx.lang
    )
    if group is None or isinstance(group, str) or not group.ranking.has_winner:
        return None
    return group.ranking.winner.scenario


def facilitator_panel(ctx: PageContext, titles: dict[str, str]) -> None:
    """Participants' weights on/off, the rating rounds, the consent round on the top
    scenario."""
    assert ctx.code is not None and ctx.secret is not None
    room = my_decision(ctx).room
    top = _top(ctx)
    top_title = titles.get(top or "")
    code, secret = ctx.code, ctx.secret
    with st.container(border=True, key="sd-decide-panel"):
        st.markdown(f"**{safe(ctx.t('decide.panel'))}**")
        st.caption(ctx.t("decide.weights_on" if room.weights_on else "decide.weights_off"))
        action_button(
            ctx,
            ctx.t("decide.weights_stop" if room.weights_on else "decide.weights_ask"),
            f"{PREFIX}weights_switch",
            services.set_participant_weights_on,
            ctx.store,
            code,
            secret,
            not room.weights_on,
        )
        st.caption(_round_state(ctx, room.round, room.round_open))
        if room.round_open:
            action_button(
                ctx,
                ctx.t("decide.round_close", n=room.round),
                f"{PREFIX}round_close",
                services.close_rating_round,
                ctx.store,
                code,
                secret,
                primary=True,
            )
        elif room.round != 2:
            action_button(
                ctx,
                ctx.t("decide.round_open", n=1 if room.round is None else 2),
                f"{PREFIX}round_open",
                services.open_rating_round,
                ctx.store,
                code,
                secret,
            )
        if room.consent_open:
            action_button(
                ctx,
                ctx.t("decide.consent_close"),
                f"{PREFIX}consent_close",
                services.close_consent,
                ctx.store,
                code,
                secret,
            )
        elif top is not None and not room.silent:
            action_button(
                ctx,
                ctx.t("decide.consent_open", title=top_title or top),
                f"{PREFIX}consent_open",
                services.open_consent,
                ctx.store,
                code,
                secret,
                top,
            )


def _round_state(ctx: PageContext, number: int | None, is_open: bool) -> str:
    if number is None:
        return ctx.t("decide.round_none")
    return ctx.t("decide.round_is_open" if is_open else "decide.round_is_closed", n=number)


# --- participants ---------------------------------------------------------------------------


def _save_weights(ctx: PageContext, criteria: Sequence[str]) -> None:
    assert ctx.code is not None and ctx.token is not None
    top = str(st.session_state.get(f"{PREFIX}top") or "")
    weights = {c: st.session_state.get(f"{PREFIX}w_{c}") for c in criteria if c != top}
    if top not in criteria or any(v is None for v in weights.values()):
        flash(ctx.t("decide.weights_missing"))
        return
    weights[top] = SWING_MAX
    if ctx.act(_done, services.set_my_weights, ctx.store, ctx.code, ctx.token, weights):
        flash(ctx.t("decide.weights_saved"), "success")


def swing_panel(ctx: PageContext, criteria: Sequence[tuple[str, str]], mine: MyDecision) -> None:
    """The tablet's swing weighting (``criteria``: id and title of those in use)."""
    if not mine.room.weights_on or not criteria:
        return
    ids = [c for c, _ in criteria]
    titles = dict(criteria)
    saved_top = next((c for c, v in mine.weights.items() if v == SWING_MAX), None)
    st.html(TOUCH_CSS)  # the buttons at 48 px, as the rating's
    with st.container(border=True, key="sd-swing"):
        st.markdown(f"#### {safe(ctx.t('decide.swing_title'))}")
        st.caption(ctx.t("decide.swing_help"))
        top = st.segmented_control(
            ctx.t("decide.swing_top"),
            ids,
            default=saved_top,
            format_func=lambda c: titles[c],
            key=f"{PREFIX}top",
            width="stretch",
        )
        if top is None:
            return
        for cid in ids:
            if cid == top:
                continue
            st.segmented_control(
                ctx.t("decide.swing_other", criterion=titles[cid], top=titles[top]),
                list(SWING_OPTIONS),
                default=mine.weights.get(cid) if saved_top == top else None,
                key=f"{PREFIX}w_{cid}",
                width="stretch",
            )
        st.button(
            ctx.t("decide.weights_save"),
            key=f"{PREFIX}save",
            on_click=_save_weights,
            args=(ctx, ids),
            type="primary",
            icon=":material/check:",
            width="stretch",
        )
        if mine.weights:
            st.caption(ctx.t("decide.weights_given"))


def _object(ctx: PageContext) -> None:
    assert ctx.code is not None and ctx.token is not None
    reason = str(st.session_state.get(f"{PREFIX}reason") or "")
    if ctx.act(_done, services.object_to_top, ctx.store, ctx.code, ctx.token, reason):
        flash(ctx.t("decide.objection_saved"), "success")


def objection_panel(ctx: PageContext, mine: MyDecision, titles: dict[str, str]) -> None:
    """The consent round on a tablet: the scenario, "I have a blocking objection" with its
    reason (required), or one's objection and a way to withdraw it."""
    room = mine.room
    if not room.consent_open or room.consent_scenario is None:
        return
    assert ctx.code is not None and ctx.token is not None
    title = titles.get(room.consent_scenario, room.consent_scenario)
    with st.container(border=True, key="sd-consent"):
        st.markdown(f"#### {safe(ctx.t('decide.consent_title', title=title))}")
        st.caption(ctx.t("decide.consent_help"))
        if mine.objection is not None:
            st.markdown(safe(ctx.t("decide.your_objection", reason=mine.objection)))
            action_button(
                ctx,
                ctx.t("decide.withdraw"),
                f"{PREFIX}withdraw",
                services.withdraw_objection,
                ctx.store,
                ctx.code,
                ctx.token,
            )
            return
        with st.form(f"{PREFIX}objection_form", border=False):
            st.text_area(ctx.t("decide.reason"), max_chars=2000, key=f"{PREFIX}reason")
            st.form_submit_button(
                ctx.t("decide.object"), on_click=_object, args=(ctx,), type="primary"
            )


def round_notice(ctx: PageContext, mine: MyDecision) -> None:
    """A tablet's line about the round: silent while open."""
    room = mine.room
    if room.round is not None and room.round_open:
        st.info(ctx.t("decide.round_silent", n=room.round), icon=":material/visibility_off:")


# --- results --------------------------------------------------------------------------------


def results(ctx: PageContext, view: RankingView, *, large: bool) -> None:
    """The sentences and the two figures, under the ranking (scenarios page)."""
    decision = view.decision
    if decision is None:
        return
    with st.container(key="sd-decision"):
        st.subheader(ctx.t("decide.results"))
        for sentence in decision_sentences(
            decision, decision.titles, decision.table_names, ctx.lang
        ):
            st.markdown(f"**{safe(sentence)}**")
        for name, figure in (("weights", view.weights), ("resampled", view.resampled)):
            if figure is not None:
                shown = on_wall(figure) if large else figure
                plotly_chart(
                    ctx.lang, shown, width="stretch", key=f"{PREFIX}{name}", config=CHART_CONFIG
                )


def whose_weights_line(ctx: PageContext, view: RankingView) -> None:
    """On the wall under any ranking chart: whether the winner depends on whose weights
    (said only once participants gave weights)."""
    decision = view.decision
    if decision is None:
        return
    line = whose_weights_sentence(decision, decision.titles, decision.table_names, ctx.lang)
    if line:
        with st.container(key="sd-wall-whose"):
            st.markdown(f"**{safe(line)}**")


def wall(ctx: PageContext, view: RankingView, only: str) -> None:
    """The wall's "whose weights" or "another room?" chart, and its sentence."""
    decision = view.decision
    figure = view.weights if only == "weights" else view.resampled
    if decision is None or figure is None:
        st.markdown(f"### {safe(ctx.t('decide.nothing_on_wall'))}")
        return
    plotly_chart(
        ctx.lang, on_wall(figure), width="stretch", key=f"{PREFIX}wall_{only}", config=CHART_CONFIG
    )
    if only == "weights":
        line = whose_weights_sentence(decision, decision.titles, decision.table_names, ctx.lang)
    else:
        line = resampled_sentence(decision, decision.titles, ctx.lang)
    if line:
        st.markdown(f"**{safe(line)}**")
