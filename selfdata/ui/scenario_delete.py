"""Deleting a scenario (issue 30): a tick to confirm, a message that says what went, and an
undo right there (the console's undo reverts it too)."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.domain.workshop import Scenario
from selfdata.ui.flash import flash
from selfdata.ui.session import PageContext

JUST_DELETED = "scenarios_just_deleted"


def _delete(ctx: PageContext, scenario: Scenario) -> None:
    assert ctx.code is not None and ctx.secret is not None
    ctx.act(services.delete_scenario, ctx.store, ctx.code, ctx.secret, scenario.id)
    remaining = {s.id for s in services.scenarios(ctx.store, ctx.code).scenarios}
    if scenario.id not in remaining:  # a refusal was already said by ctx.act
        flash(ctx.t("scenarios.deleted", title=scenario.title), "success")
        st.session_state[JUST_DELETED] = scenario.title


def _undo(ctx: PageContext, title: str) -> None:
    assert ctx.code is not None and ctx.secret is not None
    if ctx.act(services.undo_step, ctx.store, ctx.code, ctx.secret) is not None:
        flash(ctx.t("scenarios.restored", title=title), "success")


def undo_offer(ctx: PageContext) -> None:
    """Right after a deletion, one button brings the scenario and its ratings back."""
    title = st.session_state.pop(JUST_DELETED, None)
    if title is not None:
        st.button(
            ctx.t("scenarios.undo_delete", title=title),
            key="scenarios_undo_delete",
            icon=":material/undo:",
            on_click=_undo,
            args=(ctx, title),
        )


def delete_control(ctx: PageContext, scenario: Scenario, key_prefix: str) -> None:
    """A tick that names the scenario, then the delete button (off until ticked)."""
    sure = st.checkbox(
        ctx.t("scenarios.confirm_delete", title=scenario.title),
        key=f"{key_prefix}{scenario.id}_delete_sure",
    )
    st.button(
        ctx.t("scenarios.delete"),
        key=f"{key_prefix}{scenario.id}_delete",
        on_click=_delete,
        args=(ctx, scenario),
        disabled=not sure,
        icon=":material/delete:",
    )
