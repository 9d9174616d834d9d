"""Step 1 — Inventory: the territory's personal-data sources; browse and filter the deck,
select sources (facilitator), propose missing ones (participants)."""

from __future__ import annotations

import streamlit as st

from selfdata import services
from selfdata.card_filters import filter_sources
from selfdata.ui import live_updates, page_context
from selfdata.ui.widgets import action_button, card_box, safe

SHOWN_AT_MOST = 20
ctx = page_context("inventory")
assert ctx.code is not None
view = services.inventory(ctx.store, ctx.code, ctx.token, secret=ctx.secret)
st.title(ctx.t("step.inventory"))
st.caption(ctx.t("inventory.lead"))
st.metric(ctx.t("counts.sources"), view.selected)
if view.locked:
    st.info(ctx.t("needs.locked"))

tab_table, tab_deck, tab_new = st.tabs(
    [
        ctx.t("inventory.on_table", n=len(view.sources)),
        ctx.t("inventory.deck"),
        ctx.t("inventory.propose_header"),
    ]
)
with tab_table:
    for item in view.sources:
        with st.container(border=True):
            if item.card is not None:
                card_box(
                    item.card,
                    ctx.lang,
                    caption=ctx.t("inventory.proposed_by", name=item.proposed_by_pseudonym)
                    if item.proposed_by_pseudonym
                    else None,
                )
            st.caption(
                ctx.t("inventory.selected" if item.selected else "inventory.set_aside")
                + (" · " + ctx.t("needs.hidden") if item.hidden else "")
            )
            if ctx.is_facilitator:
                c1, c2 = st.columns(2)
                with c1:
                    action_button(
                        ctx,
                        ctx.t("inventory.unselect" if item.selected else "inventory.select"),
                        f"inventory_select_{item.id}",
                        services.select_source,
                        ctx.store,
                        ctx.code,
                        ctx.secret,
                        item.id,
                        not item.selected,
                    )
                with c2:
                    action_button(
                        ctx,
                        ctx.t("console.show" if item.hidden else "console.hide_item"),
                        f"inventory_hide_{item.id}",
                        services.hide_contribution,
                        ctx.store,
                        ctx.code,
                        ctx.secret,
                        "source",
                        item.id,
                        not item.hidden,
                    )
            elif item.mine:
                action_button(
                    ctx,
                    ctx.t("inventory.withdraw"),
                    f"inventory_withdraw_{item.id}",
                    services.withdraw_proposal,
                    ctx.store,
                    ctx.code,
                    ctx.token,
                    "source",
                    item.id,
                    disabled=view.locked,
                )

with tab_deck:
    f1, f2, f3, f4 = st.columns(4)
    themes = f1.multiselect(
        ctx.t("inventory.theme"),
        [t.id for t in ctx.decks.themes],
        format_func=lambda i: next(t.title.get(ctx.lang) for t in ctx.decks.themes if t.id == i),
        key="inventory_f_theme",
    )
    kinds = f2.multiselect(
        ctx.t("inventory.holder_kind"),
        ["city", "public_utility", "delegated_operator", "private_operator", "state_agency"],
        format_func=lambda k: ctx.t(f"holder.{k}"),
        key="inventory_f_holder",
    )
    sens = f3.multiselect(
        ctx.t("inventory.sensitivity"),
        ["low", "medium", "high", "special"],
        format_func=lambda k: ctx.t(f"sensitivity.{k}"),
        key="inventory_f_sens",
    )
    acc = f4.multiselect(
        ctx.t("inventory.access"),
        ["api", "open_data", "portal", "paper", "not_available"],
        format_func=lambda k: ctx.t(f"access.{k}"),
        key="inventory_f_access",
    )
    words = st.text_input(ctx.t("cards.filter"), key="inventory_f_words")
    on_table = {s.id for s in view.sources}
    shown = filter_sources(
        ctx.decks.data_sources,
        themes=themes,
        holder_kinds=kinds,
        sensitivities=sens,
        accesses=acc,
        text=words,
        lang=ctx.lang,
    )
    st.caption(ctx.t("cards.count", n=len(shown)))
    add = services.add_source if ctx.is_facilitator else services.propose_source
    who = ctx.secret if ctx.is_facilitator else ctx.token
    if len(shown) > SHOWN_AT_MOST:
        st.caption(ctx.t("inventory.refine", n=SHOWN_AT_MOST))
    for card in shown[:SHOWN_AT_MOST]:
        with st.container(border=True):
            card_box(card, ctx.lang)
            if card.id in on_table:
                st.caption(ctx.t("inventory.already"))
            else:
                action_button(
                    ctx,
                    ctx.t("inventory.add"),
                    f"inventory_add_{card.id}",
                    add,
                    ctx.store,
                    ctx.code,
                    who,
                    card_id=card.id,
                    disabled=view.locked and not ctx.is_facilitator,
                )

with tab_new, st.form("inventory_propose_form", clear_on_submit=True):
    title = st.text_input(ctx.t("inventory.new_title"), key="inventory_new_title", max_chars=200)
    holder = st.text_input(ctx.t("inventory.new_holder"), key="inventory_new_holder")
    description = st.text_area(ctx.t("needs.description"), key="inventory_new_description")
    if st.form_submit_button(ctx.t("needs.propose"), width="stretch"):
        draft = services.SourceDraft(title=title, holder=holder, description=description)
        if ctx.is_facilitator:
            ctx.act(services.add_source, ctx.store, ctx.code, ctx.secret, draft=draft)
        else:
            ctx.act(services.propose_source, ctx.store, ctx.code, ctx.token, draft=draft)
        st.rerun()

st.caption(safe(ctx.t("inventory.footer")))
live_updates(ctx, follow_step=ctx.is_participant)
