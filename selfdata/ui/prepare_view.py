"""The preparation page's sections (facilitator only, before the room): the templates to
download, then import the city's inventory or processing register from a spreadsheet, with
a preview (the cards, the column mapping to fix, the warnings, the room left) before
anything is added."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from selfdata.app import services
from selfdata.domain.errors import SelfDataError
from selfdata.domain.limits import MAX_ITEMS
from selfdata.files.documents import MAX_FILE_BYTES
from selfdata.files.inventory import target_label, write_template
from selfdata.files.spreadsheets import MAX_ROWS
from selfdata.ui.upload_text import uploader_words
from selfdata.ui.uploads import permit_uploads, release_others
from selfdata.ui.widgets import safe

if TYPE_CHECKING:
    from selfdata.ui.session import PageContext

SHEET_TYPES = ("csv", "tsv", "xlsx")
SHEET_LIMIT_MB = 6
"""The browser refuses larger sheets before sending them (the reader's own limit words the
refusal of anything between)."""
_CACHE = "prepare_inventory_preview"
_MAPPING = "prepare_inventory_mapping"


def _preview(
    ctx: PageContext, upload: object, kind: str, mapping: dict[int, str]
) -> services.InventoryPreview:
    marker = (getattr(upload, "file_id", None), kind, ctx.lang, tuple(sorted(mapping.items())))
    cached = st.session_state.get(_CACHE)
    if cached is not None and cached[0] == marker:
        return cached[1]  # type: ignore[no-any-return]
    raw = upload.getvalue()  # type: ignore[attr-defined]
    preview = services.preview_inventory_file(
        raw, getattr(upload, "name", ""), kind, ctx.lang, mapping
    )
    st.session_state[_CACHE] = (marker, preview)
    return preview


def templates(ctx: PageContext) -> None:
    """The two templates to fill, in the page's language (XLSX, with drop-down lists)."""
    st.caption(ctx.t("prepare.templates_help"))
    left, right = st.columns(2)
    for column, kind in ((left, "sources"), (right, "needs")):
        name = ctx.t(f"prepare.template_name.{kind}")
        column.download_button(
            ctx.t(f"prepare.template.{kind}"),
            data=lambda kind=kind: write_template(kind, ctx.lang, "xlsx"),  # type: ignore[misc]
            file_name=f"{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"prepare_template_{kind}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )


def _mapping_editor(ctx: PageContext, preview: services.InventoryPreview) -> dict[int, str]:
    """One choice per column: what it feeds (the facilitator fixes what the headers said)."""
    chosen: dict[int, str] = dict(st.session_state.get(_MAPPING, {}))
    with st.expander(ctx.t("prepare.mapping_header"), expanded=True):
        st.caption(ctx.t("prepare.mapping_help"))
        for use in preview.mapping:
            options = list(preview.targets)
            current = chosen.get(use.index, use.target)
            picked = st.selectbox(
                f"{use.letter} «\u202f{use.header}\u202f»"
                if ctx.lang != "en"
                else f"{use.letter} '{use.header}'",
                options,
                index=options.index(current) if current in options else 0,
                format_func=lambda x: target_label(preview.kind, x, ctx.lang),
                key=f"prepare_map_{use.index}",
                placeholder=ctx.t("common.choose"),
            )
            if picked != use.target or use.index in chosen:
                chosen[use.index] = picked
    return chosen


def _add(
    ctx: PageContext,
    code: str,
    secret: str,
    raw: bytes,
    name: str,
    kind: str,
    target: str,
    mapping: dict[int, str],
) -> None:
    try:
        added = services.import_inventory_file(
            ctx.store, code, secret, raw, name, kind, ctx.lang, target=target, mapping=mapping
        )
    except SelfDataError as err:
        st.session_state["prepare_inventory_result"] = ("error", err.message(ctx.lang))
        return
    st.session_state["prepare_inventory_result"] = ("ok", ctx.t("prepare.inventory_done", n=added))
    st.session_state.pop(_CACHE, None)
    st.session_state.pop(_MAPPING, None)
    st.session_state["prepare_inventory_round"] = (
        st.session_state.get("prepare_inventory_round", 0) + 1
    )  # a fresh uploader: the same sheet is not added twice by a second click


def inventory_import(ctx: PageContext, code: str, secret: str) -> None:
    st.subheader(ctx.t("prepare.inventory_header"))
    st.caption(ctx.t("prepare.inventory_help"))
    templates(ctx)
    st.caption(
        ctx.t(
            "prepare.limits",
            rows=f"{MAX_ROWS:,}".replace(",", "\u202f" if ctx.lang != "en" else ","),
            items=MAX_ITEMS,
        )
    )
    result = st.session_state.pop("prepare_inventory_result", None)
    if result is not None:
        (st.success if result[0] == "ok" else st.error)(result[1])
    kind = st.radio(
        ctx.t("prepare.inventory_kind"),
        ("sources", "needs"),
        format_func=lambda k: ctx.t(f"prepare.kind.{k}"),
        horizontal=True,
        key="prepare_inventory_kind",
    )
    target = st.radio(
        ctx.t("prepare.inventory_target"),
        ("board", "deck"),
        format_func=lambda k: ctx.t(f"prepare.target.{k}"),
        key="prepare_inventory_target",
    )
    round_ = st.session_state.get("prepare_inventory_round", 0)
    permit_uploads()
    limit = MAX_FILE_BYTES // (1024 * 1024)  # what the reader accepts
    uploader_words(f"prepare_inventory_file_{round_}", ctx.lang, limit, SHEET_TYPES)
    upload = st.file_uploader(
        ctx.t("prepare.inventory_file"),
        type=list(SHEET_TYPES),
        key=f"prepare_inventory_file_{round_}",
        max_upload_size=SHEET_LIMIT_MB,
    )
    release_others(upload)  # an imported sheet's bytes are freed once its uploader is reset
    if upload is None:
        st.session_state.pop(_MAPPING, None)
        return
    mapping = dict(st.session_state.get(_MAPPING, {}))
    preview = _preview(ctx, upload, kind, mapping)
    if preview.mapping:
        mapping = _mapping_editor(ctx, preview)
        if mapping != st.session_state.get(_MAPPING, {}):
            st.session_state[_MAPPING] = mapping
            preview = _preview(ctx, upload, kind, mapping)
    if preview.warnings:
        st.warning(ctx.t("prepare.warnings", n=len(preview.warnings)))
        st.code("\n".join(preview.warnings), language=None, wrap_lines=True)
    if preview.problems:
        st.error(ctx.t("prepare.refused", n=len(preview.problems)))
        st.code("\n".join(preview.problems), language=None, wrap_lines=True)
        return
    if not preview.titles:
        st.warning(ctx.t("prepare.inventory_empty"))
        return
    _offer(ctx, code, secret, upload, preview, target, mapping)


def _offer(
    ctx: PageContext,
    code: str,
    secret: str,
    upload: object,
    preview: services.InventoryPreview,
    target: str,
    mapping: dict[int, str],
) -> None:
    """The cards to add, what is to be qualified, and the add, never beyond the room left."""
    n = len(preview.titles)
    st.markdown(ctx.t("prepare.inventory_preview", n=n))
    st.markdown("\n".join(f"- {safe(title)}" for title in preview.titles))
    if preview.to_qualify:
        st.info(ctx.t("prepare.to_qualify_after", n=preview.to_qualify))
    room = services.inventory_room(ctx.store, code, preview.kind, target)
    if n > room:
        st.error(ctx.t("prepare.too_many", n=n, room=room, limit=MAX_ITEMS))
        return
    st.caption(ctx.t("prepare.room_left", room=room, limit=MAX_ITEMS))
    st.button(
        ctx.t("prepare.inventory_button", n=n),
        key="prepare_inventory_go",
        type="primary",
        on_click=_add,
        args=(
            ctx,
            code,
            secret,
            upload.getvalue(),  # type: ignore[attr-defined]
            upload.name,  # type: ignore[attr-defined]
            preview.kind,
            target,
            mapping,
        ),
    )
