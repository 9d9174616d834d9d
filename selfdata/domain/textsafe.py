"""User text shown as text: escaping for Markdown renderers (no Streamlit here)."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
"""The bidirectional embeddings, overrides, isolates and marks: typed into a title, U+202E
would turn the rest of the text round on the wall and in the PDFs ("evil.exe" shown as
"exe.live"). A user text loses them at input (:func:`strip_bidi_controls`); the renderer's own
bidi algorithm still lays out Arabic or Hebrew words correctly without them."""
_NO_BIDI = str.maketrans("", "", BIDI_CONTROLS)


def strip_bidi_controls(text: str) -> str:
    """``text`` without :data:`BIDI_CONTROLS`."""
    return text.translate(_NO_BIDI)


_AUTOLINK_START = re.compile(r"(://|@)|(?<=www)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"
"""Invisible and zero-width: put after ``://``, between ``www`` and its dot and after ``@``,
it stops GitHub-flavoured Markdown from turning a bare address or e-mail into a link
(Streamlit's renderer finds them in the text *after* the backslash escapes are read)."""


def md_escape(text: object) -> str:
    """``text`` with every Markdown (and HTML) special character backslash-escaped, so a
    Markdown renderer shows it literally: ``**bold**`` stays ``**bold**`` and
    ``<script>`` stays ``<script>``; a bare ``https://…``, ``www.…`` or e-mail address stays
    text, not a link (:data:`WORD_JOINER`). Newlines become Markdown line breaks."""
    unlinked = _AUTOLINK_START.sub(lambda m: (m.group(1) or "") + WORD_JOINER, str(text))
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked)
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def format_seconds(seconds: float) -> str:
    """A countdown as ``m:ss`` (rounded up, never negative): 61.2 → ``1:02``."""
    total = max(0, int(-(-float(seconds) // 1)))
    return f"{total // 60}:{total % 60:02d}"
