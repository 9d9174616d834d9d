"""Reusable widgets. Each takes a ``key_prefix`` (the page's) so keys never clash.

Every text that a user typed, or that comes from a card, goes through :func:`safe` (or
``st.text``) so it is shown literally: no Markdown, no HTML.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import segno
import streamlit as st
from pydantic import BaseModel

from selfdata.domain.cards import (
    BROWSABLE_DECKS,
    Card,
    DataSourceCard,
    I18nText,
    NeedCard,
    deck_counts,
)
from selfdata.domain.textsafe import format_seconds, md_escape
from selfdata.engines.card_filters import paginate
from selfdata.i18n import t
from selfdata.ui.flash import flash

if TYPE_CHECKING:
    from selfdata.domain.workshop import Scenario
    from selfdata.ui.session import PageContext

MAIN_TEXT = ("description", "summary", "purpose", "what", "help")
DECK_KINDS_SHOWN = BROWSABLE_DECKS


def safe(text: object) -> str:
    """User (or card) text made safe for ``st.markdown``: shown literally."""
    return md_escape(text)


def table_badge(name: str, colour: int) -> str:
    """A table's name on its colour (text black or white, whichever reads), as HTML for
    ``st.html``: the tablet's header, the table screen, the console."""
    from selfdata.domain import palette

    fill = palette.table_colour(colour)
    ink = palette.readable_on(fill)
    return (
        f'<span class="sd-table-badge" style="background:{fill};color:{ink};'
        f'padding:0.1em 0.6em;border-radius:0.4em;font-weight:600">{html_text(name)}</span>'
    )


def html_text(text: object) -> str:
    """User text made safe inside HTML."""
    import html

    return html.escape(str(text), quote=True)


def countdown(remaining: float, lang: str) -> None:
    """The visible countdown (inside the live-update fragment)."""
    with st.container(key="sd-countdown"):  # big on the wall (selfdata/ui/style.py)
        if remaining > 0:
            st.markdown(f"### :material/timer: {format_seconds(remaining)}")
        else:
            st.markdown(f"### :material/timer_off: {safe(t('timer.over', lang))}")


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
        placeholder=ctx.t("common.choose"),
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
    shows at once); a refusal appears as an error message at the top of the page.

    A press that reaches a session whose previous run did not draw this button (the first
    tap after a server restart: the browser reconnected to a new session, which knows no
    callback yet) is still a press: the service is called here and the page redrawn. It was
    silently dropped before (issue 29)."""
    done = f"ui_acted_{key}"
    pressed = st.button(
        label,
        key=key,
        on_click=_act_once,
        args=(ctx, done, fn, *args),
        kwargs=kwargs,
        disabled=disabled,
        type="primary" if primary else "secondary",
        help=help,
        width="stretch",
    )
    if st.session_state.pop(done, False) or not pressed:
        return
    ctx.act(fn, *args, **kwargs)
    st.rerun()


def _act_once(
    ctx: PageContext, done: str, fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> None:
    st.session_state[done] = True  # the callback ran: the press is not acted on again
    ctx.act(fn, *args, **kwargs)


def proposal_form(
    ctx: PageContext,
    code: str,
    *,
    form_key: str,
    key_prefix: str,
    fields: Sequence[tuple[str, str]],
    make_draft: Callable[..., Any],
    add: Callable[..., Any],
    propose: Callable[..., Any],
    pickers: Sequence[tuple[str, str, Mapping[str, str]]] = (),
) -> None:
    """A proposal form (a source or a need): added by the facilitator, proposed by a
    participant. ``fields`` are ``(name, label key)``, the last one a text area; each widget
    is keyed ``key_prefix + name``. ``pickers`` are optional simple choices ``(name, label
    key, id -> title)`` (a theme, a data category): left on "to be qualified", the draft
    carries nothing for them. A refused proposal (too long, locked, time up, cap reached)
    keeps what was typed; an accepted one empties the form."""
    keys = [key_prefix + name for name, _ in fields]
    picked = [key_prefix + name for name, _, _ in pickers]

    def submit() -> None:
        typed: dict[str, Any] = {
            name: str(st.session_state.get(key, ""))
            for (name, _), key in zip(fields, keys, strict=True)
        }
        for (name, _, options), key in zip(pickers, picked, strict=True):
            choice = st.session_state.get(key)
            typed[name] = (choice,) if choice in options else ()
        draft = make_draft(**typed)
        if ctx.is_facilitator:
            done = ctx.act(add, ctx.store, code, ctx.secret, draft=draft)
        else:
            done = ctx.act(propose, ctx.store, code, ctx.token, draft=draft)
        if done is not None:
            for key in keys:
                st.session_state[key] = ""
            for key in picked:
                st.session_state[key] = None
            flash(ctx.t("proposal.on_table", title=typed[fields[0][0]].strip()), "success")

    with st.form(form_key, clear_on_submit=False):
        for (_, label, options), key in zip(pickers, picked, strict=True):
            st.selectbox(
                ctx.t(label),
                list(options),
                index=None,
                key=key,
                format_func=lambda i, o=options: o.get(i, i),  # type: ignore[misc]
                placeholder=ctx.t("common.to_qualify"),
            )
        for i, ((_, label), key) in enumerate(zip(fields, keys, strict=True)):
            if i == len(fields) - 1:
                st.text_area(ctx.t(label), key=key, max_chars=2000)
            else:
                st.text_input(ctx.t(label), key=key, max_chars=200)
        st.form_submit_button(ctx.t("needs.propose"), width="stretch", on_click=submit)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of ``url`` as PNG bytes (drawn locally by segno: nothing is fetched)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def field_label(name: str, lang: str) -> str | None:
    """A card field's name in words (the card deck PDF's labels), ``None`` for a field
    without one: it is not shown (never a raw ``holder_kind``)."""
    from selfdata.i18n import catalog

    for key in (f"cards.field.{name}", f"pdf.{name}"):
        if key in catalog():
            return t(key, lang)
    return None


def _value_text(name: str, value: object, lang: str) -> str | None:
    """A card field's value in words: closed vocabularies translated, yes / no for a
    boolean, ``None`` for what a participant could not read (ids, nested records)."""
    from selfdata.export.labels import is_vocabulary, vocab

    if value in (None, [], {}) or isinstance(value, BaseModel) and not isinstance(value, I18nText):
        return None
    if isinstance(value, I18nText):
        return value.get(lang)
    if isinstance(value, bool):
        return t("pdf.yes" if value else "pdf.no", lang)
    if isinstance(value, str) and is_vocabulary(name):
        return vocab(name, value, lang)
    if isinstance(value, list) and all(isinstance(v, I18nText) for v in value):
        return ", ".join(v.get(lang) for v in value if isinstance(v, I18nText))
    if name == "ease" and isinstance(value, int):
        return f"{value}/3"
    return None


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
    if isinstance(main, I18nText) and main.get(lang).strip() == card.title.get(lang).strip():
        text = None  # a need proposed without a description has its title as text: once
    # "Persona" is workshop jargon: say who the need is for, in plain words (no emoji)
    persona = (
        safe(t("cards.persona", lang, who=card.persona.get(lang)))
        if isinstance(card, NeedCard)
        else None
    )
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
                    access=t(f"access.{card.access or 'none'}", lang),
                    sensitivity=t(f"sensitivity.{card.sensitivity or 'none'}", lang),
                )
            )
        )
    if details:
        _card_details(card, lang)


def _card_details(card: Card, lang: str) -> None:
    """A card's other fields in an expander; a field nobody gave says so ("to be
    qualified"), never guessed."""
    unknown = card.to_qualify() if isinstance(card, (DataSourceCard, NeedCard)) else ()
    colon = NBSP_COLON if lang != "en" else ":"
    with st.expander(t("cards.details", lang)):
        for name, value in card.__dict__.items():
            if name in ("title", "id", *MAIN_TEXT):
                continue
            label, shown = field_label(name, lang), _value_text(name, value, lang)
            if name in unknown:
                shown = t("common.to_qualify", lang)
            if label and shown:
                st.markdown(f"**{safe(label)}**{colon} {safe(shown)}")


NBSP_COLON = "\u00a0:"
"""French typography: a no-break space before the colon."""

DECK_PAGE_SIZE = 12
"""Cards drawn at a time by :func:`deck_browser` (all 128 at once took seconds on a tablet)."""


def _turn_page(key: str, to: int) -> None:
    st.session_state[key] = to


def deck_browser(ctx: PageContext, key_prefix: str) -> None:
    """Browse the card decks on demand: closed by default (the page stays light for every
    tablet that opens it); once opened, one deck at a time, a words filter, and
    :data:`DECK_PAGE_SIZE` cards per page. Cards are shown as text."""
    printed, total = deck_counts(ctx.decks)
    if not st.toggle(ctx.t("cards.browse"), key=f"{key_prefix}_deck_open"):
        st.caption(ctx.t("cards.browse_help", n=total, printed=printed))
        return
    kind = st.selectbox(
        ctx.t("cards.deck"),
        DECK_KINDS_SHOWN,
        format_func=lambda k: ctx.t(
            "cards.deck_option", deck=ctx.t(f"deck.{k}"), n=len(getattr(ctx.decks, k))
        ),
        key=f"{key_prefix}_deck_kind",
        placeholder=ctx.t("common.choose"),
    )
    query = st.text_input(ctx.t("cards.filter"), key=f"{key_prefix}_deck_filter", max_chars=100)
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
    for name, value in card.__dict__.items():
        shown = _value_text(name, value, lang)
        if shown:
            parts.append(shown)
    return " ".join(parts).casefold()
