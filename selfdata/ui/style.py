"""Static styling: touch targets of at least 44 px, and large high-contrast type on the
projector. No user text ever goes into these blocks."""

from __future__ import annotations

import streamlit as st

from selfdata.domain.palette import ACCENT, BLACK, CAPTION, DISABLED, INK, LINK, WHITE

_TOUCH_CSS = """
<style>
.stButton button, .stDownloadButton button, .stFormSubmitButton button,
[data-testid="stPageLink"] a, [data-testid="stPageLink-NavLink"] {
  min-height: 44px; min-width: 44px;
}
.stTextInput input, .stNumberInput input, .stTextArea textarea,
div[data-baseweb="select"] > div { min-height: 44px; }
/* Streamlit 1.67 draws drop-downs with react-aria (38 px), no longer baseweb's select */
.stSelectbox input, .stSelectbox button, .stMultiSelect input, .stMultiSelect button,
.stSelectbox .react-aria-ComboBox > div, .stMultiSelect .react-aria-ComboBox > div,
.stNumberInput button, [role="tab"] { min-height: 44px; }
.stRadio label, .stCheckbox label { min-height: 44px; display: flex; align-items: center; }
[data-testid="stExpander"] summary { min-height: 44px; }
[data-testid="stHeaderActionElements"], [data-testid="stHeadingWithActionElements"] a[href^="#"] {
  display: none !important; }
/* contrast (WCAG AA, axe-core): captions, links in captions, labels of disabled inputs */
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: CAPTION; }
[data-testid="stCaptionContainer"] a { color: LINK; }
.stElementContainer:has(input:disabled) p, .stElementContainer:has(input:disabled) label,
.stElementContainer:has(textarea:disabled) p { color: DISABLED !important; }
.sd-code { font-family: ui-monospace, monospace; letter-spacing: .15em; font-weight: 700; }
.st-key-console_steps [data-testid="stBaseButton-primary"]:disabled,
[class*="st-key-wall_"] [data-testid="stBaseButton-primary"]:disabled {
  background: ACCENT; border-color: ACCENT; color: WHITE; opacity: 1;
}
</style>
"""

_PROJECTION_CSS = """
<style>
:root { --sd-projection: 1; }
.stApp { background: WHITE; color: BLACK; }
.stApp [data-testid="stMarkdownContainer"] p,
.stApp [data-testid="stMarkdownContainer"] li { font-size: 1.7rem; line-height: 1.35; }
.stApp h1 { font-size: 3.4rem !important; }
.stApp h2 { font-size: 2.6rem !important; }
.stApp h3 { font-size: 2.1rem !important; }
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] * {
  font-size: 4.5rem !important; font-weight: 700; line-height: 1.1;
}
.stApp [data-testid="stMetricLabel"], .stApp [data-testid="stMetricLabel"] * {
  font-size: 1.6rem !important;
}
.stApp .st-key-sd-bigcode p { font-family: ui-monospace, monospace; font-weight: 800;
  font-size: 4.2rem !important; letter-spacing: .12em; white-space: nowrap; color: BLACK;
  line-height: 1.1; }
.stApp .st-key-sd-smallcode p { font-family: ui-monospace, monospace; font-weight: 800;
  font-size: 1.6rem !important; letter-spacing: .08em; white-space: nowrap; color: BLACK;
  text-align: center; }
.stApp .sd-qr { display: block; width: 100%; height: auto; image-rendering: pixelated; }
.stApp .st-key-sd-join-large .sd-qr { max-width: min(100%, 60vh); margin: 0 auto; }
.stApp .st-key-sd-join-corner .sd-qr { max-width: 160px; margin-left: auto; }
.stApp .block-container { padding-top: 1rem; padding-bottom: 1rem; }
.stApp header[data-testid="stHeader"] { display: none; }
.stApp .st-key-sd-wall-head h2 { font-size: clamp(1.6rem, 2.5vw, 2.2rem) !important;
  padding: 0; line-height: 1.2; }
.stApp .st-key-sd-wall-inventory ul { columns: 2; column-gap: 3rem; }
.stApp .st-key-sd-wall-balance th, .stApp .st-key-sd-wall-balance td {
  font-size: 1.5rem !important; white-space: normal !important; }
.stApp .st-key-sd-wall-inventory li { break-inside: avoid;
  font-size: clamp(1.5rem, 1.7vw, 2rem) !important; line-height: 1.35; }
.stApp .st-key-sd-wall-result [data-testid="stMarkdownContainer"] p,
.stApp .st-key-sd-wall-result [data-testid="stMarkdownContainer"] li { font-size: 2rem; }
.stApp .st-key-sd-wall-what h3 { font-size: 2rem !important; padding: 0; }
.stApp .st-key-sd-countdown h3 { font-size: clamp(3rem, 9vh, 6rem) !important;
  font-weight: 800; line-height: 1.1; color: BLACK; padding: 0; }
.stApp .st-key-sd-countdown [data-testid="stIconMaterial"] {
  font-size: clamp(3rem, 9vh, 6rem) !important; }
.stApp .st-key-sd-wall-counts-small [data-testid="stMetric"] > div { display: flex;
  flex-direction: row; justify-content: flex-start; align-items: baseline; gap: .5rem; }
.stApp .st-key-sd-wall-counts-small [data-testid="stMetricValue"],
.stApp .st-key-sd-wall-counts-small [data-testid="stMetricValue"] * {
  font-size: 1.8rem !important; line-height: 1.2; }
.stApp .st-key-sd-wall-counts-small [data-testid="stMetricLabel"],
.stApp .st-key-sd-wall-counts-small [data-testid="stMetricLabel"] * {
  font-size: 1.5rem !important; }
.stApp .st-key-sd-wall-counts [data-testid="stMetricValue"],
.stApp .st-key-sd-wall-counts [data-testid="stMetricValue"] * {
  font-size: 3rem !important; }
.stApp [data-testid="stCaptionContainer"] { font-size: 1.6rem; color: INK; }
.stApp [data-testid="stTable"] td, .stApp [data-testid="stTable"] th { font-size: 1.5rem; }
</style>
"""


def _coloured(css: str) -> str:
    """The CSS with the palette's colours in place of their names (no f-string: CSS braces)."""
    for name, value in (
        ("ACCENT", ACCENT),
        ("WHITE", WHITE),
        ("BLACK", BLACK),
        ("INK", INK),
        ("CAPTION", CAPTION),
        ("LINK", LINK),
        ("DISABLED", DISABLED),
    ):
        css = css.replace(f": {name}", f": {value}")
    return css


_TABLET_CSS = """
<style>
[data-testid="stElementToolbar"] { display: none !important; }
</style>
"""
"""A table's toolbar (24 px buttons, download, search) is not for the room's tablets."""

_TOUCH_CSS, _PROJECTION_CSS = _coloured(_TOUCH_CSS), _coloured(_PROJECTION_CSS)


def apply_style(*, projection: bool = False, tablet: bool = False) -> None:
    """Inject the app's static CSS (touch targets; large type for the projector; no table
    toolbars on tablets)."""
    st.html(_TOUCH_CSS + (_PROJECTION_CSS if projection else "") + (_TABLET_CSS if tablet else ""))
