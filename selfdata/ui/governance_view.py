"""The governance page's sections: the questionnaire (recorded by the facilitator), the five
models' fit with reasons and the territories that tried each, and the group's choice.
``pages/governance.py`` puts them in order."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from selfdata.app import services
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS
from selfdata.domain.workshop import UseCase
from selfdata.engines.governance import ModelFit
from selfdata.ui.charts import plotly_chart
from selfdata.ui.figures.governance import fit_bars
from selfdata.ui.figures.ready import NO_TOOLBAR
from selfdata.ui.flash import flash
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import safe

UNSET = "\x00unset"


def _key(case_id: str, question: str) -> str:
    return f"governance_q_{case_id}_{question}"


def _seen_key(case_id: str, question: str) -> str:
    return f"governance_seen_{case_id}_{question}"


def _sync_answers(ctx: PageContext, case: UseCase) -> None:
    """A radio shows the stored answer when it is first drawn and whenever the stored answer
    changes (another tab, undo); otherwise it keeps what the facilitator is choosing.
    Nothing is written until "Save the answers" is clicked, and then only the answers that
    differ from what the form showed: a value resent by the browser can never erase the
    group's answers."""
    state = st.session_state
    for q in ctx.decks.governance_questions:
        current = case.governance_answers.get(q.id)
        shown = state.get(_seen_key(case.id, q.id), UNSET)
        if not ctx.is_facilitator or _key(case.id, q.id) not in state or shown != current:
            state[_key(case.id, q.id)] = current
            state[_seen_key(case.id, q.id)] = current


def _save(ctx: PageContext, case_id: str, question_ids: tuple[str, ...]) -> None:
    state = st.session_state
    changed = {
        q: state.get(_key(case_id, q))
        for q in question_ids
        if state.get(_key(case_id, q)) != state.get(_seen_key(case_id, q))
    }
    if not changed:
        flash(ctx.t("governance.answers_unchanged"), "info")
        return
    saved = ctx.act(
        services.set_governance_answers, ctx.store, ctx.code, ctx.secret, case_id, changed
    )
    if saved is not None:
        flash(ctx.t("governance.answers_saved", n=saved), "success")


def _radios(ctx: PageContext, case: UseCase) -> None:
    lang = ctx.lang
    for q in ctx.decks.governance_questions:
        labels = {o.id: o.label.get(lang) for o in q.options}
        st.radio(
            q.title.get(lang),
            [None, *(o.id for o in q.options)],
            key=_key(case.id, q.id),
            horizontal=True,
            format_func=lambda o, labels=labels: labels.get(o, ctx.t("governance.no_answer")),
            disabled=not ctx.is_facilitator,
            help=q.help.get(lang) if q.help else None,
        )


def questionnaire(ctx: PageContext, case: UseCase) -> None:
    """The governance questions for ``case``: a form the facilitator saves, read-only for
    the participants."""
    st.subheader(ctx.t("governance.questions"))
    if not ctx.is_facilitator:
        st.caption(ctx.t("governance.facilitator_records"))
    _sync_answers(ctx, case)
    if not ctx.is_facilitator:
        _radios(ctx, case)
        return
    with st.form("governance_answers_form", border=False, enter_to_submit=False):
        _radios(ctx, case)
        st.form_submit_button(
            ctx.t("governance.save_answers"),
            type="primary",
            width="stretch",
            on_click=_save,
            args=(ctx, case.id, tuple(q.id for q in ctx.decks.governance_questions)),
        )


def fit_section(ctx: PageContext, case: UseCase, fits: Sequence[ModelFit]) -> None:
    """The fit of every model (chart), then per model its reasons and the territories that
    tried it."""
    lang = ctx.lang
    models = {m.id: m for m in ctx.decks.governance_models}
    st.subheader(ctx.t("governance.fit_header"))
    plotly_chart(
        lang,
        fit_bars(fits, lang, case.governance_choice),
        width="stretch",
        key="governance_fit_chart",
        config=NO_TOOLBAR,
    )
    for fit in fits:
        with st.expander(ctx.t("governance.fit_line", model=fit.title.get(lang), fit=fit.fit)):
            card = models.get(fit.model)
            if card is not None:
                st.markdown(safe(card.summary.get(lang)))
                if card.legal_framework:
                    st.markdown("**" + ctx.t("governance.legal_framework") + "**")
                    st.markdown(
                        "\n".join("- " + safe(law.get(lang)) for law in card.legal_framework)
                    )
            for reason in fit.reasons_for:
                st.markdown(":material/check_circle: " + safe(reason.text.get(lang)))
            for reason in fit.reasons_against:
                st.markdown(":material/warning: " + safe(reason.text.get(lang)))
            tried = [c for c in ctx.decks.cities if fit.model in c.models]
            if tried:
                st.markdown("**" + ctx.t("governance.tried") + "**")
            for city in tried:
                st.markdown(
                    f"- **{safe(city.title.get(lang))}** ({safe(city.territory.get(lang))}, "
                    f"{safe(city.years)}) — {safe(ctx.t(f'verdict.{city.verdict}'))}  \n"
                    f"{safe(city.outcome.get(lang))}  \n_{safe(city.lesson.get(lang))}_"
                )


def model_pick_key(case_id: str) -> str:
    """One drop-down per use case: picking another use case never shows the previous one's
    model (issue 30, M1)."""
    return f"governance_model_{case_id}"


def _sync_model_pick(key: str, order: Sequence[str], chosen: str | None, best: str | None) -> None:
    """The drop-down shows the model already chosen for this use case, else the best fit
    (``best``; ``None`` while the answers do not tell the models apart: the drop-down then
    says "Choisir…", ask, don't invent); it is set again whenever the stored choice changes
    (another tab, undo), what it held is no longer offered, or, nothing being chosen yet,
    the best fit changes (the questionnaire's answers: walk 2026-12-07, G1)."""
    state = st.session_state
    seen, shown = key + "_seen", key + "_best"
    moved = chosen is None and state.get(shown, UNSET) != best  # answers changed the fit
    held = state.get(key)
    if key not in state or (held is not None and held not in order):
        moved = True
    if moved or state.get(seen, UNSET) != chosen:
        state[key] = chosen if chosen in order else best
        state[seen] = chosen
    state[shown] = best


def best_fit(fits: Sequence[ModelFit]) -> str | None:
    """The model that fits best, or ``None`` when the first two tie (nothing answered: every
    model at 50/100), so that nobody confirms a model the room did not pick."""
    if not fits:
        return None
    if len(fits) > 1 and abs(fits[0].score - fits[1].score) < 1e-9:
        return None
    return fits[0].model


def choice(ctx: PageContext, case: UseCase, fits: Sequence[ModelFit]) -> None:
    """The group's chosen model; the facilitator confirms one (best fit first)."""
    lang = ctx.lang
    models = {m.id: m for m in ctx.decks.governance_models}
    st.subheader(ctx.t("governance.choice"))
    chosen = case.governance_choice
    st.markdown(
        safe(
            ctx.t("governance.chosen", model=models[chosen].title.get(lang))
            if chosen in models
            else ctx.t("governance.not_chosen")
        )
    )
    if not ctx.is_facilitator:
        return
    order = [f.model for f in fits] or list(GOVERNANCE_MODEL_IDS)
    key = model_pick_key(case.id)
    _sync_model_pick(key, order, chosen, best_fit(fits))
    with st.form("governance_choice_form"):
        pick = st.selectbox(
            ctx.t("governance.pick_model"),
            order,
            key=key,
            format_func=lambda m: models[m].title.get(lang) if m in models else m,
            placeholder=ctx.t("common.choose"),
        )
        if st.form_submit_button(ctx.t("governance.confirm"), type="primary", width="stretch"):
            if pick is None:  # a tie nobody broke: said, nothing saved
                st.warning(ctx.t("governance.pick_first"))
                return
            ctx.act(services.choose_governance, ctx.store, ctx.code, ctx.secret, case.id, pick)
            st.rerun()
