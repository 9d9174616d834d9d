"""The preparation page's card sections (facilitator only): which cards of the workshop's
deck are in play, and a card's wording for this workshop."""

from __future__ import annotations

from typing import Any

import streamlit as st

from selfdata.app import services
from selfdata.domain.limits import MAX_TEXT, MAX_TITLE
from selfdata.ui.flash import flash
from selfdata.ui.session import PageContext

PLAY_KINDS = ("data_sources", "needs")


def _play_key(kind: str, card_id: str) -> str:
    return f"prepare_play_{kind}_{card_id}"


def _save_in_play(ctx: PageContext, code: str, secret: str, kind: str, ids: list[str]) -> None:
    chosen = [i for i in ids if st.session_state.get(_play_key(kind, i), False)]
    done = ctx.act(services.set_cards_in_play, ctx.store, code, secret, kind, chosen)
    if done is not None:
        flash(ctx.t("prepare.cards_saved", n=done), "success")


def _all_in_play(ctx: PageContext, code: str, secret: str, kind: str, ids: list[str]) -> None:
    done = ctx.act(services.set_cards_in_play, ctx.store, code, secret, kind, None)
    if done is not None:
        for card_id in ids:  # the boxes show the stored choice again
            st.session_state.pop(_play_key(kind, card_id), None)
        flash(ctx.t("prepare.cards_saved", n=done), "success")


def _kind_radio(ctx: PageContext, key: str) -> str:
    kind: str = st.radio(
        ctx.t("prepare.deck_kind"),
        PLAY_KINDS,
        format_func=lambda k: ctx.t(f"prepare.deck.{k}"),
        horizontal=True,
        key=key,
    )
    return kind


def cards_in_play(ctx: PageContext, code: str, secret: str) -> None:
    """One box per card of the workshop's deck (its own, else the bundled one); the
    inventory and needs steps offer only the ticked ones."""
    st.subheader(ctx.t("prepare.cards_header"))
    st.caption(ctx.t("prepare.cards_help"))
    kind = _kind_radio(ctx, "prepare_play_kind")
    deck = services.prepared_deck(ctx.store, code, kind)
    st.caption(ctx.t("prepare.deck_own" if deck.own else "prepare.deck_bundled", n=len(deck.cards)))
    st.markdown(ctx.t("prepare.cards_count", n=len(deck.in_play), total=len(deck.cards)))
    ids = [card.id for card in deck.cards]
    with st.form(f"prepare_play_form_{kind}"):
        columns = st.columns(2)
        for i, card in enumerate(deck.cards):
            columns[i % 2].checkbox(
                card.title.get(ctx.lang),
                value=card.id in deck.in_play,
                key=_play_key(kind, card.id),
            )
        st.form_submit_button(
            ctx.t("prepare.cards_save"),
            type="primary",
            on_click=_save_in_play,
            args=(ctx, code, secret, kind, ids),
        )
    st.button(
        ctx.t("prepare.cards_all"),
        key=f"prepare_play_all_{kind}",
        on_click=_all_in_play,
        args=(ctx, code, secret, kind, ids),
        disabled=not deck.chosen,
    )


def _wording_key(kind: str, card_id: str, part: str) -> str:
    return f"prepare_wording_{kind}_{card_id}_{part}"


def _save_wording(ctx: PageContext, code: str, secret: str, kind: str, card_id: str) -> None:
    def value(part: str) -> Any:
        return st.session_state.get(_wording_key(kind, card_id, part), "")

    done = ctx.act(
        services.edit_card_wording,
        ctx.store,
        code,
        secret,
        kind,
        card_id,
        title={"fr": value("title_fr"), "en": value("title_en")},
        text={"fr": value("text_fr"), "en": value("text_en")},
    )
    if done is not None:
        flash(ctx.t("prepare.wording_saved", title=done.title.get(ctx.lang)), "success")


def card_wording(ctx: PageContext, code: str, secret: str) -> None:
    """A card's title and text, in French and English, for this workshop."""
    st.subheader(ctx.t("prepare.wording_header"))
    st.caption(ctx.t("prepare.wording_help"))
    kind = _kind_radio(ctx, "prepare_wording_kind")
    deck = services.prepared_deck(ctx.store, code, kind)
    if not deck.cards:
        return
    cards = {card.id: card for card in deck.cards}
    pick = st.selectbox(
        ctx.t("prepare.wording_card"),
        list(cards),
        format_func=lambda i: cards[i].title.get(ctx.lang),
        key=f"prepare_wording_pick_{kind}",
        placeholder=ctx.t("common.choose"),
    )
    card = cards[pick]
    with st.form(f"prepare_wording_form_{kind}_{card.id}"):
        for lang in ("fr", "en"):
            st.text_input(
                ctx.t(f"prepare.wording_title_{lang}"),
                value=card.title.get(lang),
                max_chars=MAX_TITLE,
                key=_wording_key(kind, card.id, f"title_{lang}"),
            )
        for lang in ("fr", "en"):
            st.text_area(
                ctx.t(f"prepare.wording_text_{lang}"),
                value=card.description.get(lang),
                max_chars=MAX_TEXT,
                key=_wording_key(kind, card.id, f"text_{lang}"),
            )
        st.form_submit_button(
            ctx.t("prepare.wording_save"),
            on_click=_save_wording,
            args=(ctx, code, secret, kind, card.id),
        )
