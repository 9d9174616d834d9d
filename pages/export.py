"""Export page (work in progress: replaced by the full page as soon as selfdata.ui.context lands)."""

from __future__ import annotations

import streamlit as st

st.title("export")
