"""Every chart of the app goes through :func:`plotly_chart`: ``st.plotly_chart`` with the
screen's decimal separator (:mod:`selfdata.ui.figures.locale`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from selfdata.ui.figures.locale import localized


def plotly_chart(lang: str, figure: Any, **kwargs: Any) -> Any:
    """``st.plotly_chart(figure, **kwargs)`` in ``lang``'s number format."""
    return st.plotly_chart(localized(figure, lang), **kwargs)
