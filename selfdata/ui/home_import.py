"""Home's upload: a workshop file is read (as the command line reads it), previewed, then
imported on confirmation, its uploader becoming the new workshop's facilitator.

The preview is kept in this tab's ``session_state`` under the upload's id, so a rerun does
not read the file again; nothing reaches the store before "Import".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from selfdata.app import services
from selfdata.files.documents import MAX_FILE_BYTES
from selfdata.ui.home_actions import import_file
from selfdata.ui.upload_text import uploader_words
from selfdata.ui.uploads import permit_uploads, release_others, release_upload
from selfdata.ui.widgets import safe

if TYPE_CHECKING:
    from selfdata.ui.session import PageContext

UPLOAD_TYPES = ("yaml", "yml", "json")
LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024)
UPLOAD_LIMIT_MB = LIMIT_MB + 1
"""The browser refuses files over this size before sending them; files between the reader's
limit and this one reach the reader, which refuses them with its own (translated) line."""
_CACHE = "home_import_preview"


def _preview(upload: object, lang: str) -> services.WorkshopPreview:
    """The file's preview, its problems in ``lang`` (kept for the session, per language)."""
    file_id = (getattr(upload, "file_id", None), lang)
    cached = st.session_state.get(_CACHE)
    if cached is not None and cached[0] == file_id:
        return cached[1]  # type: ignore[no-any-return]
    raw = upload.getvalue()  # type: ignore[attr-defined]
    preview = services.preview_workshop_file(raw, getattr(upload, "name", ""), lang)
    st.session_state[_CACHE] = (file_id, preview)
    return preview


def import_section(ctx: PageContext) -> None:
    """The "import a workshop file" expander of the home page."""
    with st.expander(ctx.t("prepare.import_header"), icon=":material/upload_file:"):
        st.caption(ctx.t("prepare.import_help", limit=LIMIT_MB))
        permit_uploads()
        uploader_words("home_import_file", ctx.lang, LIMIT_MB, UPLOAD_TYPES)
        upload = st.file_uploader(
            ctx.t("prepare.import_file"),
            type=list(UPLOAD_TYPES),
            key="home_import_file",
            max_upload_size=UPLOAD_LIMIT_MB,
        )
        release_others(upload)
        if upload is None:
            st.session_state.pop(_CACHE, None)
            return
        preview = _preview(upload, ctx.lang)
        if not preview.importable:
            st.error(ctx.t("prepare.refused", n=len(preview.problems)))
            st.code("\n".join(preview.problems), language=None, wrap_lines=True)
            return
        st.subheader(ctx.t("prepare.preview_header"))
        st.markdown(
            ctx.t(
                "prepare.preview_title",
                title=safe(preview.title),
                territory=safe(preview.territory),
            )
        )
        lines = [
            "- " + ctx.t("prepare.count_line", label=ctx.t(f"prepare.count.{k}"), n=n)
            for k, n in preview.counts
        ]
        st.markdown("\n".join(lines))
        if dict(preview.counts).get("participants"):
            st.caption(ctx.t("prepare.participants_note"))
        if st.button(ctx.t("prepare.import_button"), key="home_import_go", type="primary"):
            raw = upload.getvalue()
            release_upload(upload)  # its bytes are freed now, not when the tab closes
            import_file(ctx, raw, upload.name)
