"""Static styling: touch targets of at least 44 px, and large high-contrast type on the
projector. No user text ever goes into these blocks."""

from __future__ import annotations

import streamlit as st

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",
)
"""Colour-blind-safe qualitative palette (Okabe & Ito, 2008)."""

_TOUCH_CSS = """
<style>
.stButton button, .stDownloadButton button, .stFormSubmitButton button,
[data-testid="stPageLink"] a, [data-testid="stPageLink-NavLink"] {
  min-height: 44px; min-width: 44px;
}
.stTextInput input, .stNumberInput input, .stTextArea textarea,
div[data-baseweb="select"] > div { min-height: 44px; }
.stRadio label, .stCheckbox label { min-height: 44px; display: flex; align-items: center; }
[data-testid="stExpander"] summary { min-height: 44px; }
.sd-code { font-family: ui-monospace, monospace; letter-spacing: .15em; font-weight: 700; }
.st-key-console_steps [data-testid="stBaseButton-primary"]:disabled {
  background: #0072B2; border-color: #0072B2; color: #ffffff; opacity: 1;
}
</style>
"""

_PROJECTION_CSS = """
<style>
.stApp { background: #ffffff; color: #000000; }
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
  font-size: 4.2rem !important; letter-spacing: .12em; white-space: nowrap; color: #000000;
  line-height: 1.1; }
.stApp [data-testid="stCaptionContainer"] { font-size: 1.3rem; color: #222222; }
.stApp [data-testid="stTable"] td, .stApp [data-testid="stTable"] th { font-size: 1.5rem; }
</style>
"""


def apply_style(*, projection: bool = False) -> None:
    """Inject the app's static CSS (touch targets; large type for the projector)."""
    st.html(_TOUCH_CSS + (_PROJECTION_CSS if projection else ""))
