"""Reusable widgets. Each takes a ``key_prefix`` (the page's) so keys never clash.

Every text that a user typed, or that comes from a card, goes through :func:`safe` (or
``st.text``) so it is shown literally: no Markdown, no HTML.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import segno
import streamlit as st
from pydantic import BaseModel

from selfdata.card_filters import paginate
from selfdata.cards import Card, DataSourceCard, I18nText, NeedCard
from selfdata.i18n import t
from selfdata.textsafe import format_seconds, md_escape

if TYPE_CHECKING:
    from selfdata.ui.context import PageContext
    from selfdata.workshop import Scenario

MAIN_TEXT = ("description", "summary", "purpose", "what", "help")
DECK_KINDS_SHOWN = (
    "data_sources",
    "needs",
    "governance_models",
    "cities",
    "actors",
    "criteria",
    "steps",
)


def safe(text: object) -> str:
    """User (or card) text made safe for ``st.markdown``: shown literally."""
    return md_escape(text)


def countdown(remaining: float, lang: str) -> None:
    """The visible countdown (inside the live-update fragment)."""
    if remaining > 0:
        st.markdown(f"### ⏱ {format_seconds(remaining)}")
    else:
        st.markdown(f"### ⏱ {safe(t('timer.over', lang))}")


def pick_scenario(
    ctx: PageContext,
    scenarios: Sequence[Scenario],
    key: str,
    label_key: str = "network.scenario",
) -> Scenario:
    """A scenario chooser (titles shown as typed); remembers the choice in this tab, and
    forgets it when that scenario is gone."""
    by_id = {s.id: s for s in scenarios}
    if st.session_state.get(key) not in by_id:
        st.session_state.pop(key, None)
    chosen = st.selectbox(
        ctx.t(label_key),
        list(by_id),
        format_func=lambda sid: by_id[sid].title,
        key=key,
    )
    return by_id[chosen or scenarios[0].id]


def action_button(
    ctx: PageContext,
    label: str,
    key: str,
    fn: Callable[..., Any],
    *args: Any,
    disabled: bool = False,
    primary: bool = False,
    help: str | None = None,
    **kwargs: Any,
) -> None:
    """A button that calls a service when pressed (before the page redraws, so the new state
    shows at once); a refusal appears as an error message at the top of the page."""
    st.button(
        label,
        key=key,
        on_click=ctx.act,
        args=(fn, *args),
        kwargs=kwargs,
        disabled=disabled,
        type="primary" if primary else "secondary",
        help=help,
        width="stretch",
    )


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of ``url`` as PNG bytes (drawn locally by segno: nothing is fetched)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def _value_text(value: object, lang: str) -> str | None:
    if value in (None, [], {}) or isinstance(value, BaseModel) and not isinstance(value, I18nText):
        return None
    if isinstance(value, I18nText):
        return value.get(lang)
    if isinstance(value, list):
        return ", ".join(v.get(lang) if isinstance(v, I18nText) else str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def card_box(
    card: Card,
    lang: str,
    *,
    details: bool = True,
    caption: str | None = None,
    extra: Sequence[str] = (),
) -> None:
    """A card as text in a bordered box: title, main text (a need's persona and the
    ``extra`` Markdown paragraphs after it), and its fields in an expander."""
    title = f"**{safe(card.title.get(lang))}**"
    main = next((getattr(card, f) for f in MAIN_TEXT if getattr(card, f, None)), None)
    text = safe(main.get(lang)) if isinstance(main, I18nText) else None
    persona = "👤 " + safe(card.persona.get(lang)) if isinstance(card, NeedCard) else None
    if caption:
        st.markdown(title)
        st.caption(safe(caption))
        if text is not None:
            st.markdown(text)
        if persona is not None:
            st.caption(persona)
        if extra:
            st.markdown("\n\n".join(extra))
    else:
        # title, text, persona and counts in one element: every element is a message the
        # server sends and wakes its event loop for (40 tablets: see docs/load.md)
        st.markdown("\n\n".join(p for p in (title, text, persona, *extra) if p))
    if isinstance(card, DataSourceCard):
        st.caption(
            safe(
                t(
                    "inventory.card_facts",
                    lang,
                    holder=card.holder.get(lang),
                    access=t(f"access.{card.access}", lang),
                    sensitivity=t(f"sensitivity.{card.sensitivity}", lang),
                )
            )
        )
    if details:
        with st.expander(t("cards.details", lang)):
            for name, value in card.__dict__.items():
                if name in ("title", "id", *MAIN_TEXT):
                    continue
                shown = _value_text(value, lang)
                if shown:
                    st.markdown(f"`{name}` — {safe(shown)}")


DECK_PAGE_SIZE = 12
"""Cards drawn at a time by :func:`deck_browser` (all 128 at once took seconds on a tablet)."""


def _turn_page(key: str, to: int) -> None:
    st.session_state[key] = to


def deck_browser(ctx: PageContext, key_prefix: str) -> None:
    """Browse the card decks on demand: closed by default (the page stays light for every
    tablet that opens it); once opened, one deck at a time, a words filter, and
    :data:`DECK_PAGE_SIZE` cards per page. Cards are shown as text."""
    total = sum(len(getattr(ctx.decks, kind)) for kind in DECK_KINDS_SHOWN)
    if not st.toggle(ctx.t("cards.browse"), key=f"{key_prefix}_deck_open"):
        st.caption(ctx.t("cards.browse_help", n=total))
        return
    kind = st.selectbox(
        ctx.t("cards.deck"),
        DECK_KINDS_SHOWN,
        format_func=lambda k: ctx.t(
            "cards.deck_option", deck=ctx.t(f"deck.{k}"), n=len(getattr(ctx.decks, k))
        ),
        key=f"{key_prefix}_deck_kind",
    )
    query = st.text_input(ctx.t("cards.filter"), key=f"{key_prefix}_deck_filter")
    words = query.strip().casefold()
    cards: list[Card] = list(getattr(ctx.decks, kind or DECK_KINDS_SHOWN[0]))
    shown = [c for c in cards if not words or words in _card_words(c, ctx.lang)]
    page_key, seen_key = f"{key_prefix}_deck_page", f"{key_prefix}_deck_seen"
    if st.session_state.get(seen_key) != (kind, words):  # another deck or filter: page 1
        st.session_state[seen_key] = (kind, words)
        st.session_state[page_key] = 0
    page = paginate(shown, int(st.session_state.get(page_key, 0)), DECK_PAGE_SIZE)
    st.caption(
        ctx.t("cards.range", first=page.first, last=page.last, n=page.total)
        if shown
        else ctx.t("cards.count", n=0)
    )
    for card in page.items:
        with st.container(border=True):
            card_box(card, ctx.lang)
    if page.count > 1:
        with st.container(horizontal=True, key=f"{key_prefix}_deck_pager"):
            st.button(
                "← " + ctx.t("cards.previous"),
                key=f"{key_prefix}_deck_previous",
                on_click=_turn_page,
                args=(page_key, page.number - 1),
                disabled=not page.has_previous,
            )
            st.markdown(ctx.t("cards.page", page=page.number + 1, pages=page.count))
            st.button(
                ctx.t("cards.next") + " →",
                key=f"{key_prefix}_deck_next",
                on_click=_turn_page,
                args=(page_key, page.number + 1),
                disabled=not page.has_next,
            )


def _card_words(card: Card, lang: str) -> str:
    parts = [card.id]
    for value in card.__dict__.values():
        shown = _value_text(value, lang)
        if shown:
            parts.append(shown)
    return " ".join(parts).casefold()
