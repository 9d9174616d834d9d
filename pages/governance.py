"""Step 4 — Governance: for a use case, the questionnaire, the five models' fit with reasons,
the territories that tried each model, and the group's choice (the facilitator confirms)."""

from __future__ import annotations

import streamlit as st

from selfdata import services
from selfdata.cards import GOVERNANCE_MODEL_IDS
from selfdata.ui import live_updates, page_context
from selfdata.ui.context import flash
from selfdata.ui.room_figures import fit_bars
from selfdata.ui.room_views import governance_fits
from selfdata.ui.widgets import safe

ctx = page_context("governance")
assert ctx.code is not None and ctx.room is not None
store, code, secret, lang = ctx.store, ctx.code, ctx.secret, ctx.lang
st.title(ctx.t("step.governance"))
st.caption(ctx.t("governance.lead"))
cases = {u.id: u for u in services.use_cases(store, code).use_cases}
if not cases:
    st.info(ctx.t("governance.no_use_case"))
    live_updates(ctx, follow_step=ctx.is_participant)
    st.stop()

case_id = st.selectbox(
    ctx.t("governance.pick_use_case"),
    list(cases),
    key="governance_case",
    format_func=lambda i: cases[i].title,
)
case = cases[case_id]
models = {m.id: m for m in ctx.decks.governance_models}

st.subheader(ctx.t("governance.questions"))
if not ctx.is_facilitator:
    st.caption(ctx.t("governance.facilitator_records"))
questions = ctx.decks.governance_questions
answers = case.governance_answers
UNSET = "\x00unset"


def _key(question: str) -> str:
    return f"governance_q_{case.id}_{question}"


def _seen_key(question: str) -> str:
    return f"governance_seen_{case.id}_{question}"


# A radio shows the stored answer when it is first drawn and whenever the stored answer
# changes (another tab, undo); otherwise it keeps what the facilitator is choosing. Nothing
# is written until "Save the answers" is clicked, and then only the answers that differ from
# what the form showed: a value resent by the browser can never erase the group's answers.
for q in questions:
    current = answers.get(q.id)
    shown = st.session_state.get(_seen_key(q.id), UNSET)
    if not ctx.is_facilitator or _key(q.id) not in st.session_state or shown != current:
        st.session_state[_key(q.id)] = current
        st.session_state[_seen_key(q.id)] = current


def _save(case_id: str, question_ids: tuple[str, ...]) -> None:
    state = st.session_state
    changed = {
        q: state.get(f"governance_q_{case_id}_{q}")
        for q in question_ids
        if state.get(f"governance_q_{case_id}_{q}") != state.get(f"governance_seen_{case_id}_{q}")
    }
    if not changed:
        flash(ctx.t("governance.answers_unchanged"), "info")
        return
    saved = ctx.act(services.set_governance_answers, store, code, secret, case_id, changed)
    if saved is not None:
        flash(ctx.t("governance.answers_saved", n=saved), "success")


def _questionnaire() -> None:
    for q in questions:
        labels = {o.id: o.label.get(lang) for o in q.options}
        st.radio(
            q.title.get(lang),
            [None, *(o.id for o in q.options)],
            key=_key(q.id),
            horizontal=True,
            format_func=lambda o, labels=labels: labels.get(o, ctx.t("governance.no_answer")),
            disabled=not ctx.is_facilitator,
            help=q.help.get(lang) if q.help else None,
        )


if ctx.is_facilitator:
    with st.form("governance_answers_form", border=False, enter_to_submit=False):
        _questionnaire()
        st.form_submit_button(
            ctx.t("governance.save_answers"),
            type="primary",
            width="stretch",
            on_click=_save,
            args=(case.id, tuple(q.id for q in questions)),
        )
else:
    _questionnaire()

fits = governance_fits(code, ctx.room.version, case.id)
st.subheader(ctx.t("governance.fit_header"))
st.plotly_chart(
    fit_bars(fits, lang, case.governance_choice), width="stretch", key="governance_fit_chart"
)
for fit in fits:
    with st.expander(ctx.t("governance.fit_line", model=fit.title.get(lang), fit=fit.fit)):
        card = models.get(fit.model)
        if card is not None:
            st.markdown(safe(card.summary.get(lang)))
        for reason in fit.reasons_for:
            st.markdown("✅ " + safe(reason.text.get(lang)))
        for reason in fit.reasons_against:
            st.markdown("⚠️ " + safe(reason.text.get(lang)))
        tried = [c for c in ctx.decks.cities if fit.model in c.models]
        if tried:
            st.markdown("**" + ctx.t("governance.tried") + "**")
        for city in tried:
            st.markdown(
                f"- **{safe(city.title.get(lang))}** ({safe(city.territory.get(lang))}, "
                f"{safe(city.years)}) — {safe(ctx.t(f'verdict.{city.verdict}'))}  \n"
                f"{safe(city.outcome.get(lang))}  \n_{safe(city.lesson.get(lang))}_"
            )

st.subheader(ctx.t("governance.choice"))
chosen = case.governance_choice
st.markdown(
    safe(
        ctx.t("governance.chosen", model=models[chosen].title.get(lang))
        if chosen in models
        else ctx.t("governance.not_chosen")
    )
)
if ctx.is_facilitator:
    with st.form("governance_choice_form"):
        order = [f.model for f in fits] or list(GOVERNANCE_MODEL_IDS)
        pick = st.selectbox(
            ctx.t("governance.pick_model"),
            order,
            key="governance_model",
            format_func=lambda m: models[m].title.get(lang) if m in models else m,
        )
        if st.form_submit_button(ctx.t("governance.confirm"), type="primary", width="stretch"):
            ctx.act(services.choose_governance, store, code, secret, case.id, pick)
            st.rerun()

live_updates(ctx, follow_step=ctx.is_participant)
