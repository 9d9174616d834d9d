"""A figure kept ready to draw (selfdata.ui.figures.ready) reaches the browser exactly as the
plotly figure it was made from, and survives the cache's copy."""

from __future__ import annotations

import json
import pickle

from streamlit.testing.v1 import AppTest


def _app() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from selfdata.ui.figures.ready import ready

    figure = go.Figure(
        go.Bar(x=["Cloud personnel", "Tiers de confiance"], y=[3.5, 2.25], meta={"role": "x"})
    )
    figure.update_layout(title="Classement <b>", font={"size": 18}, height=420)
    st.plotly_chart(figure, key="plain", config={"displaylogo": False})
    st.plotly_chart(ready(figure), key="ready", config={"displaylogo": False})


def test_a_ready_figure_sends_the_same_chart_as_the_plotly_figure() -> None:
    at = AppTest.from_function(_app).run()
    assert not at.exception
    plain, kept = at.get("plotly_chart")
    assert json.loads(kept.proto.spec) == json.loads(plain.proto.spec)
    assert kept.proto.config == plain.proto.config
    assert json.loads(kept.proto.spec)["layout"]["title"]["text"] == "Classement <b>"


def test_a_ready_figure_survives_the_cache_copy_and_rebuilds_a_full_figure() -> None:
    import plotly.graph_objects as go

    from selfdata.ui.figures.ready import ready

    figure = go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 1, 3], name="flux"))
    kept = ready(figure)
    copy = pickle.loads(pickle.dumps(kept))
    assert copy == kept and copy.spec is not kept.spec
    assert copy.figure().data[0].name == "flux"
    assert list(copy.figure().data[0].x) == [1, 2, 3]
