"""User text shown as text: escaping for Markdown renderers (no Streamlit here)."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: object) -> str:
    """``text`` with every Markdown (and HTML) special character backslash-escaped, so a
    Markdown renderer shows it literally: ``**bold**`` stays ``**bold**`` and
    ``<script>`` stays ``<script>``. Newlines become Markdown line breaks."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def format_seconds(seconds: float) -> str:
    """A countdown as ``m:ss`` (rounded up, never negative): 61.2 → ``1:02``."""
    total = max(0, int(-(-float(seconds) // 1)))
    return f"{total // 60}:{total % 60:02d}"
