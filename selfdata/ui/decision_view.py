"""The export page's decision sections (facilitator): the data-protection pre-check of the
chosen scenario, each item with its rule, as the dossier prints it, the city's roles and the
action plan. The page reads the workshop once (without its ratings) for all three."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from selfdata.app import services
from selfdata.domain.workshop import CITY_ROLES, ActionStep, Workshop
from selfdata.engines.action_plan import schedule, seed_plan
from selfdata.engines.data_protection import pre_check
from selfdata.engines.network import NetworkError, city_role_conflict, diagnose, scenario_network
from selfdata.ui.flash import flash
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import safe

VERDICT_ICONS = {
    "required": ":material/error:",
    "recommended": ":material/info:",
    "not_required": ":material/check_circle:",
}


def pre_check_panel(
    ctx: PageContext, code: str, secret: str, workshop: Workshop, scenario_id: str
) -> None:
    scenario = next((s for s in workshop.scenarios if s.id == scenario_id), None)
    if scenario is None:
        return
    lang = ctx.lang
    check = pre_check(workshop, scenario, ctx.decks)
    st.subheader(ctx.t("dp.title"))
    st.caption(ctx.t("dp.caption"))
    st.markdown(
        f"{VERDICT_ICONS[check.dpia]} **{ctx.t(f'dp.verdict.{check.dpia}')}** — "
        + safe(check.dpia_reason.get(lang))
    )
    if check.questions:
        st.markdown("**" + ctx.t("dpia.questions") + "**")
        st.markdown(
            "\n".join(f"- {safe(q.question.get(lang))}" for q in check.questions if q.question)
        )
    for title, items in (("dpia.criteria", check.criteria), ("dpia.cnil", check.cnil_items)):
        with st.expander(ctx.t(title)):
            for c in items:
                st.markdown(
                    f"{STATE_ICONS[c.state]} **{ctx.t(f'dpia.{c.id}')}** "
                    f"({ctx.t(f'dpia.state.{c.state}')}) — {safe(c.why.get(lang))}  \n"
                    + safe(ctx.t("dp.rule", rule=c.rule.get(lang)))
                )
    with st.expander(ctx.t("law.title")):
        for p in check.processings:
            lines = [
                f"**{ctx.t(f'law.processing.{p.id}')}**",
                f"- {ctx.t('law.controller')} — {safe(p.controller.get(lang))}",
                f"- {ctx.t('law.basis')} — {safe(p.basis.get(lang))}",
            ]
            if p.special is not None:
                lines.append(f"- {ctx.t('law.special')} — {safe(p.special.get(lang))}")
            st.markdown("\n".join(lines))
    with st.expander(ctx.t("dp.register")):
        st.markdown(
            "\n".join(
                f"- **{safe(f.label.get(lang))}** — {safe(f.value.get(lang))} "
                f"({safe(f.rule.get(lang))})"
                for f in check.register
            )
        )
    st.markdown("**" + ctx.t("dp.steps") + "**")
    for step in check.steps:
        status = ctx.t(f"dp.status.{step.status}")
        st.markdown(
            f"- **{ctx.t(f'dp.step.{step.id}')}** ({status}) — {safe(step.text.get(lang))}  \n"
            + safe(ctx.t("dp.rule", rule=step.rule.get(lang)))
        )


STATE_ICONS = {
    "met": ":material/check_box:",
    "not_met": ":material/check_box_outline_blank:",
    "unknown": ":material/help:",
}


PLAN_KEY = "decision_plan_editor"


def _plan_rows(steps: list[ActionStep]) -> list[dict[str, object]]:
    return [
        {
            "task": s.task,
            "owner": s.owner,
            "weeks": s.weeks,
            "due": s.due,
            "budget": s.budget,
            "kind": s.kind or "",
        }
        for s in steps
    ]


def _day(value: object) -> date | None:
    """A table cell as a date (pandas hands out Timestamps, NaT or None)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _weeks(value: object) -> int | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return None


def _save_plan(
    ctx: PageContext, code: str, secret: str, scenario_id: str, key: str, start_key: str
) -> None:
    edited = st.session_state.get(key)
    rows = edited if isinstance(edited, list) else []
    steps = [
        {
            "task": str(r.get("task") or "").strip(),
            "owner": str(r.get("owner") or "").strip(),
            "weeks": _weeks(r.get("weeks")),
            "due": _day(r.get("due")),
            "budget": str(r.get("budget") or "").strip(),
            "kind": str(r.get("kind") or "").strip() or None,
        }
        for r in rows
        if isinstance(r, dict) and str(r.get("task") or "").strip()
    ]
    start = _day(st.session_state.get(start_key))
    try:
        services.set_action_plan(ctx.store, code, secret, scenario_id, steps, start)  # type: ignore[arg-type]
    except services.SelfDataError as exc:
        flash(exc.message(ctx.lang), "error")
        return
    flash(ctx.t("plan.saved"), "success")


def plan_panel(
    ctx: PageContext, code: str, secret: str, workshop: Workshop, scenario_id: str
) -> None:
    """The scenario's action plan: the saved one, or the proposal drawn from the scenario;
    the facilitator sets the start, each step's duration and budget, and saves it (dates are
    counted from the start; undo in the console)."""
    scenario = next((s for s in workshop.scenarios if s.id == scenario_id), None)
    if scenario is None:
        return
    st.subheader(ctx.t("plan.title"))
    st.caption(ctx.t("plan.caption"))
    saved = scenario.action_plan
    reseed = st.session_state.pop(f"{PLAN_KEY}_reseed_{scenario_id}", False)
    if saved is None or reseed:
        steps = seed_plan(workshop, scenario, ctx.decks, ctx.lang)
        st.info(ctx.t("plan.proposed"))
    else:
        steps = schedule(saved, scenario.plan_start)
    version = len(saved or []) if saved is not None else -1
    key = f"{PLAN_KEY}_{scenario_id}_{version}_{int(reseed)}"
    start_key = f"decision_plan_start_{scenario_id}"
    st.date_input(
        ctx.t("plan.start"),
        value=scenario.plan_start,
        key=start_key,
        help=ctx.t("plan.start_help"),
        format="YYYY-MM-DD",
    )
    frame = pd.DataFrame(
        _plan_rows(steps), columns=["task", "owner", "weeks", "due", "budget", "kind"]
    )
    frame["due"] = pd.to_datetime(frame["due"]).dt.date
    frame["weeks"] = pd.to_numeric(frame["weeks"]).astype("Int64")
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        width="stretch",
        hide_index=True,
        key=key,
        column_order=["task", "owner", "weeks", "due", "budget"],
        column_config={
            "task": st.column_config.TextColumn(ctx.t("plan.task"), max_chars=200, required=True),
            "owner": st.column_config.TextColumn(ctx.t("plan.owner"), max_chars=200),
            "weeks": st.column_config.NumberColumn(
                ctx.t("plan.weeks"), min_value=0, max_value=520, step=1
            ),
            "due": st.column_config.DateColumn(ctx.t("plan.due"), format="YYYY-MM-DD"),
            "budget": st.column_config.TextColumn(ctx.t("plan.budget"), max_chars=200),
        },
    )
    st.session_state[f"{key}_rows"] = edited.to_dict("records")
    c1, c2 = st.columns(2)
    c1.button(
        ctx.t("plan.save"),
        key=f"decision_plan_save_{scenario_id}",
        type="primary",
        on_click=_save_plan,
        args=(ctx, code, secret, scenario_id, f"{key}_rows", start_key),
    )
    if c2.button(ctx.t("plan.reseed"), key=f"decision_plan_reseed_{scenario_id}"):
        st.session_state[f"{PLAN_KEY}_reseed_{scenario_id}"] = True
        st.rerun()


def _save_roles(ctx: PageContext, code: str, secret: str, scenario_id: str) -> None:
    state = st.session_state
    roles = list(state.get(f"decision_city_roles_{scenario_id}") or [])
    actors = list(state.get(f"decision_city_actors_{scenario_id}") or [])
    try:
        services.set_city_roles(ctx.store, code, secret, scenario_id, roles, actors)
    except services.SelfDataError as exc:
        flash(exc.message(ctx.lang), "error")
        return
    flash(ctx.t("city.saved"), "success")


def city_roles_panel(
    ctx: PageContext, code: str, secret: str, workshop: Workshop, scenario_id: str
) -> None:
    """Which of the kit's three roles the city takes in the scenario, and which actors of
    its value network are the city too (the network diagnostics flag the conflict)."""
    scenario = next((s for s in workshop.scenarios if s.id == scenario_id), None)
    if scenario is None:
        return
    st.subheader(ctx.t("city.title"))
    st.caption(ctx.t("city.caption"))
    try:
        graph = scenario_network(scenario, ctx.decks)
    except NetworkError:
        graph = None
    labels = (
        {n: d["label"].get(ctx.lang) for n, d in graph.nodes(data=True)}
        if graph is not None
        else {}
    )
    roles_key = f"decision_city_roles_{scenario_id}"
    actors_key = f"decision_city_actors_{scenario_id}"
    if roles_key not in st.session_state:
        st.session_state[roles_key] = list(scenario.city_roles or [])
    if actors_key not in st.session_state:
        st.session_state[actors_key] = [a for a in scenario.city_actors or [] if a in labels]
    st.multiselect(
        ctx.t("city.roles"),
        list(CITY_ROLES),
        format_func=lambda r: ctx.t(f"city.role.{r}"),
        key=roles_key,
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    st.multiselect(
        ctx.t("city.actors"),
        list(labels),
        format_func=lambda a: labels.get(a, a),
        key=actors_key,
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    st.button(
        ctx.t("city.save"),
        key=f"decision_city_save_{scenario_id}",
        on_click=_save_roles,
        args=(ctx, code, secret, scenario_id),
    )
    if graph is not None:
        conflict = city_role_conflict(graph)
        if conflict:
            finding = next(f for f in diagnose(graph).findings if f.kind == "city_role_conflict")
            st.warning(safe(finding.text.get(ctx.lang)), icon=":material/warning:")
