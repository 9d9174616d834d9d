"""The inventory page's sections: the sources on the table (select, hide, withdraw), the
deck with its filters (add or propose a card), and the form proposing a missing source.
``pages/inventory.py`` puts them in tabs."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.app.read_models import InventoryView, SourceItem
from selfdata.domain.cards import HOLDER_KINDS
from selfdata.engines.card_filters import filter_sources
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, card_box, proposal_form

SHOWN_AT_MOST = 20
"""Deck cards listed at once (the filters narrow the rest)."""
SENSITIVITIES = ("low", "medium", "high", "special")
ACCESSES = ("api", "open_data", "portal", "paper", "not_available")


def proposer(ctx: PageContext, item: SourceItem) -> str | None:
    """Who proposed a source, as this screen may say it: "you" to its author, the pseudonym
    when the workshop names participants, else only that a participant proposed it
    (anonymous mode); ``None`` for a source from the deck or the facilitator."""
    if item.proposed_by is None:
        return None
    if item.mine:
        return ctx.t("inventory.proposed_by_you")
    if item.proposed_by_pseudonym is not None:
        return ctx.t("inventory.proposed_by", name=item.proposed_by_pseudonym)
    return ctx.t("inventory.proposed_in_room")


def on_table(ctx: PageContext, view: InventoryView, code: str) -> None:
    """The sources on the table; the facilitator selects or hides them, their author may
    withdraw a proposal."""
    for item in view.sources:
        with st.container(border=True):
            if item.card is not None:
                card_box(item.card, ctx.lang, caption=proposer(ctx, item))
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
                        code,
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
                        code,
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
                    code,
                    ctx.token,
                    "source",
                    item.id,
                    disabled=view.locked,
                )


def deck(ctx: PageContext, view: InventoryView, code: str) -> None:
    """The data-source deck, filtered by theme, holder, sensitivity, access and words; each
    card not yet on the table can be added (facilitator) or proposed (participant)."""
    f1, f2, f3, f4 = st.columns(4)
    themes = f1.multiselect(
        ctx.t("inventory.theme"),
        [t.id for t in ctx.decks.themes],
        format_func=lambda i: next(t.title.get(ctx.lang) for t in ctx.decks.themes if t.id == i),
        key="inventory_f_theme",
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    kinds = f2.multiselect(
        ctx.t("inventory.holder_kind"),
        list(HOLDER_KINDS),
        format_func=lambda k: ctx.t(f"holder.{k}"),
        key="inventory_f_holder",
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    sens = f3.multiselect(
        ctx.t("inventory.sensitivity"),
        list(SENSITIVITIES),
        format_func=lambda k: ctx.t(f"sensitivity.{k}"),
        key="inventory_f_sens",
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    acc = f4.multiselect(
        ctx.t("inventory.access"),
        list(ACCESSES),
        format_func=lambda k: ctx.t(f"access.{k}"),
        key="inventory_f_access",
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    words = st.text_input(ctx.t("cards.filter"), key="inventory_f_words", max_chars=100)
    on_table = {s.id for s in view.sources}
    shown = filter_sources(
        services.room_deck(ctx.store, code, "data_sources"),
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
                    code,
                    who,
                    card_id=card.id,
                    disabled=view.locked and not ctx.is_facilitator,
                )


def propose_form(ctx: PageContext, code: str) -> None:
    """A source missing from the deck: added by the facilitator, proposed by a participant."""
    proposal_form(
        ctx,
        code,
        form_key="inventory_propose_form",
        key_prefix="inventory_new_",
        fields=(
            ("title", "inventory.new_title"),
            ("holder", "inventory.new_holder"),
            ("description", "needs.description"),
        ),
        make_draft=services.SourceDraft,
        add=services.add_source,
        propose=services.propose_source,
        pickers=(
            ("themes", "proposal.theme", {x.id: x.title.get(ctx.lang) for x in ctx.decks.themes}),
            (
                "categories",
                "proposal.category",
                {x.id: x.title.get(ctx.lang) for x in ctx.decks.data_categories},
            ),
        ),
    )
