"""The preparation page's sections (facilitator only, before the room): import the city's
inventory from a spreadsheet, with a preview before anything is added."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from selfdata.app import services
from selfdata.domain.errors import SelfDataError
from selfdata.files.documents import MAX_FILE_BYTES
from selfdata.ui.upload_text import uploader_words
from selfdata.ui.widgets import safe

if TYPE_CHECKING:
    from selfdata.ui.session import PageContext

SHEET_TYPES = ("csv", "tsv", "xlsx")
SHEET_LIMIT_MB = 6
"""The browser refuses larger sheets before sending them (the reader's own limit words the
refusal of anything between)."""
_CACHE = "prepare_inventory_preview"


def _preview(ctx: PageContext, upload: object, kind: str) -> services.InventoryPreview:
    marker = (getattr(upload, "file_id", None), kind, ctx.lang)
    cached = st.session_state.get(_CACHE)
    if cached is not None and cached[0] == marker:
        return cached[1]  # type: ignore[no-any-return]
    raw = upload.getvalue()  # type: ignore[attr-defined]
    preview = services.preview_inventory_file(raw, getattr(upload, "name", ""), kind, ctx.lang)
    st.session_state[_CACHE] = (marker, preview)
    return preview


def _add(
    ctx: PageContext, code: str, secret: str, raw: bytes, name: str, kind: str, target: str
) -> None:
    try:
        added = services.import_inventory_file(
            ctx.store, code, secret, raw, name, kind, ctx.lang, target=target
        )
    except SelfDataError as err:
        st.session_state["prepare_inventory_result"] = ("error", err.message(ctx.lang))
        return
    st.session_state["prepare_inventory_result"] = ("ok", ctx.t("prepare.inventory_done", n=added))
    st.session_state.pop(_CACHE, None)
    st.session_state["prepare_inventory_round"] = (
        st.session_state.get("prepare_inventory_round", 0) + 1
    )  # a fresh uploader: the same sheet is not added twice by a second click


def inventory_import(ctx: PageContext, code: str, secret: str) -> None:
    st.subheader(ctx.t("prepare.inventory_header"))
    st.caption(ctx.t("prepare.inventory_help"))
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
    limit = MAX_FILE_BYTES // (1024 * 1024)  # what the reader accepts
    uploader_words(f"prepare_inventory_file_{round_}", ctx.lang, limit, SHEET_TYPES)
    upload = st.file_uploader(
        ctx.t("prepare.inventory_file"),
        type=list(SHEET_TYPES),
        key=f"prepare_inventory_file_{round_}",
        max_upload_size=SHEET_LIMIT_MB,
    )
    if upload is None:
        return
    preview = _preview(ctx, upload, kind)
    if preview.problems:
        st.error(ctx.t("prepare.refused", n=len(preview.problems)))
        st.code("\n".join(preview.problems), language=None, wrap_lines=True)
        return
    if not preview.titles:
        st.warning(ctx.t("prepare.inventory_empty"))
        return
    st.markdown(ctx.t("prepare.inventory_preview", n=len(preview.titles)))
    st.markdown("\n".join(f"- {safe(title)}" for title in preview.titles))
    st.button(
        ctx.t("prepare.inventory_button", n=len(preview.titles)),
        key="prepare_inventory_go",
        type="primary",
        on_click=_add,
        args=(ctx, code, secret, upload.getvalue(), upload.name, kind, target),
    )
