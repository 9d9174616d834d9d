"""The file uploader's own words in the page's language (issue 30: "Upload" and "6MB per
file" on a French page that refuses files over 5 MB).

Streamlit 1.67 has no locale option and its uploader takes no texts but its label. So the
built-in button text and size line are hidden with CSS scoped to the widget's key, and the
app's own words are drawn in their place with CSS ``content`` (the size the app accepts,
not the browser's cut-off, which sits one megabyte above so that the app's own refusal,
in words, answers a file between the two)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import streamlit as st

from selfdata.i18n import t


def _css_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def uploader_words(key: str, lang: str, limit_mb: int, types: Sequence[str]) -> None:
    """Put the app's words on the uploader keyed ``key`` (call it before the uploader)."""
    scope = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    button = _css_text(t("upload.button", lang))
    limit = _css_text(
        t("upload.limit", lang, limit=limit_mb, types=", ".join(x.upper() for x in types))
    )
    st.html(
        "<style>"
        # not display:none: the button keeps Streamlit's word as its accessible name (axe:
        # a button needs one; CSS content is not one), drawn at size 0 under the app's words
        f"{scope} button [data-testid='stMarkdownContainer'] p {{ font-size: 0; }}"
        f"{scope} button [data-testid='stMarkdownContainer']::after {{ content: {button}; }}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{ display: none; }}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] > div::after"
        f" {{ content: {limit}; font-size: 0.875rem; }}"
        "</style>"
    )
