"""The preparation page's "to be qualified" section: the cards with fields nobody gave (a
register imported as it is, a proposal from a tablet), and a bulk edit: tick cards, choose
the values, apply them to all the ticked cards at once."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

import streamlit as st

from selfdata.app import services
from selfdata.domain.cards import (
    HOLDER_KINDS,
    DataSourceCard,
    NeedCard,
)
from selfdata.export.labels import vocab
from selfdata.files.inventory_columns import codes
from selfdata.i18n import t

if TYPE_CHECKING:
    from selfdata.ui.session import PageContext

_CHOICES: dict[str, tuple[str, ...]] = {
    "holder_kind": HOLDER_KINDS,
    "refresh": codes("refresh"),
    "access": codes("access"),
    "sensitivity": codes("sensitivity"),
    "usage_family": codes("usage_family"),
}
SOURCE_FIELDS = ("holder_kind", "themes", "categories", "refresh", "access", "ease")
SOURCE_FIELDS_2 = ("sensitivity", "portability")
NEED_FIELDS = ("themes", "categories", "usage_family")


def _label(item: services.CardToQualify, lang: str) -> str:
    """Plain text (a widget's option is never Markdown): the title, where the card is (the
    same register may be on the table and in the deck), what is to be qualified."""
    fields = ", ".join(t(f"qualify.field.{f}", lang) for f in item.missing)
    where = t(f"qualify.place.{item.place}", lang)
    return f"{item.card.title.get(lang)} ({where}) — {fields}"


def _picker(ctx: PageContext, kind: str, field: str) -> Any:
    key = f"qualify_{kind}_{field}"
    none = ctx.t("common.to_qualify")
    if field in ("themes", "categories"):
        deck = ctx.decks.themes if field == "themes" else ctx.decks.data_categories
        titles = {c.id: c.title.get(ctx.lang) for c in deck}
        return st.multiselect(
            ctx.t(f"qualify.label.{field}"),
            list(titles),
            format_func=lambda i: titles[i],
            key=key,
            placeholder=none,
            select_all=False,  # Streamlit's own "Select all" is English only
        )
    if field == "ease":
        options: list[Any] = [1, 2, 3]
        shown = {1: ctx.t("qualify.ease.1"), 2: ctx.t("qualify.ease.2"), 3: ctx.t("qualify.ease.3")}
        return st.selectbox(
            ctx.t("qualify.label.ease"),
            options,
            index=None,
            format_func=lambda i: shown[i],
            key=key,
            placeholder=none,
        )
    if field == "portability":
        yes_no = {True: ctx.t("qualify.yes"), False: ctx.t("qualify.no")}
        return st.selectbox(
            ctx.t("qualify.label.portability"),
            [True, False],
            index=None,
            format_func=lambda b: yes_no[b],
            key=key,
            placeholder=none,
        )
    return st.selectbox(
        ctx.t(f"qualify.label.{field}"),
        list(_CHOICES[field]),
        index=None,
        format_func=lambda c: vocab(field, c, ctx.lang),
        key=key,
        placeholder=none,
    )


def qualify_section(ctx: PageContext, code: str, secret: str) -> None:
    """For sources then needs: the cards to qualify and the bulk edit."""
    st.subheader(ctx.t("qualify.header"))
    st.caption(ctx.t("qualify.help"))
    result = st.session_state.pop("prepare_qualify_result", None)
    if result is not None:
        (st.success if result[0] == "ok" else st.error)(result[1])
    for kind in ("sources", "needs"):
        _qualify_kind(ctx, code, secret, kind)


def _qualify_kind(ctx: PageContext, code: str, secret: str, kind: str) -> None:
    items = services.cards_to_qualify(ctx.store, code, kind)  # type: ignore[arg-type]
    st.markdown(f"**{ctx.t(f'qualify.kind.{kind}', n=len(items))}**")
    if not items:
        return
    keys = {f"{i.place}:{i.card.id}": i for i in items}
    # a new list of cards (an import, a proposal) starts ticked again: the key says which
    picked = f"qualify_{kind}_cards_{zlib.crc32(' '.join(keys).encode())}"
    chosen = st.multiselect(
        ctx.t("qualify.cards"),
        list(keys),
        default=list(keys),
        format_func=lambda k: _label(keys[k], ctx.lang),
        key=picked,
        placeholder=ctx.t("common.choose"),
        select_all=False,  # Streamlit's own "Select all" is English only
    )
    fields = (*SOURCE_FIELDS, *SOURCE_FIELDS_2) if kind == "sources" else NEED_FIELDS
    columns = st.columns(3)
    for n, field in enumerate(fields):
        with columns[n % 3]:
            _picker(ctx, kind, field)
    st.button(
        ctx.t("qualify.apply", n=len(chosen)),
        key=f"qualify_{kind}_apply",
        type="primary",
        disabled=not chosen,
        on_click=_apply,
        args=(ctx, code, secret, kind, keys, fields, picked),
    )


def _has(card: DataSourceCard | NeedCard, field: str) -> bool:
    return field in type(card).model_fields


def _apply(
    ctx: PageContext,
    code: str,
    secret: str,
    kind: str,
    keys: dict[str, services.CardToQualify],
    fields: tuple[str, ...],
    picked: str,
) -> None:
    # read at the click, not when the button was drawn: the choices made since count
    items = [keys[k] for k in st.session_state.get(picked, []) if k in keys]
    values = {f: st.session_state.get(f"qualify_{kind}_{f}") for f in fields}
    given = {k: v for k, v in values.items() if v not in (None, [], "")}
    if not given:
        st.session_state["prepare_qualify_result"] = ("error", ctx.t("qualify.nothing"))
        return
    changes = [
        (item.place, item.card.id, {k: v for k, v in given.items() if _has(item.card, k)})
        for item in items
    ]
    done = ctx.act(services.qualify_cards, ctx.store, code, secret, kind, changes)
    if done is not None:
        st.session_state["prepare_qualify_result"] = ("ok", ctx.t("qualify.done", n=done))
        for field in values:
            st.session_state.pop(f"qualify_{kind}_{field}", None)
