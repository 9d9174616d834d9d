"""Figures kept ready to draw: built and validated once, then cheap to copy and to send.

``st.cache_data`` hands every rerun a copy of the cached value by unpickling it. A
``plotly.graph_objects.Figure`` unpickles by being rebuilt and validated property by
property (for a 300-actor network about 25 ms of CPU, most of it in the layout template),
and ``st.plotly_chart`` then deep-copies it again to get its JSON. A :class:`ReadyFigure`
holds the figure's plain ``to_dict()`` data instead: it unpickles as plain data (well under
a millisecond) and ``st.plotly_chart`` takes that data as it is — the JSON sent to the
browser is the same, byte for byte (tested in ``tests/unit/test_charts.py``).

Measured with ``bench/figures.py`` and ``bench/pages.py``; see docs/load.md, "Tuning log".
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure


class ReadyFigure(BaseFigure):  # type: ignore[misc]
    """A finished figure as plain data, drawn by ``st.plotly_chart`` like the figure itself.

    Only what ``st.plotly_chart`` uses is supported (``to_dict``); use :meth:`figure` for a
    full ``go.Figure``. Never mutate :attr:`spec`: it may be shared by every screen.
    """

    def __init__(self, spec: dict[str, Any]) -> None:  # no BaseFigure.__init__: no validation
        self._spec = spec

    @property
    def spec(self) -> dict[str, Any]:
        """The figure's plain data (``go.Figure.to_dict()``)."""
        return self._spec

    def to_dict(self) -> dict[str, Any]:
        """The figure's data, already validated when it was built (not copied)."""
        return self._spec

    def to_plotly_json(self) -> dict[str, Any]:
        return self.spec

    def figure(self) -> go.Figure:
        """A full (validated) plotly figure with the same content."""
        return go.Figure(self.spec)

    def __reduce__(self) -> tuple[type[ReadyFigure], tuple[dict[str, Any]]]:
        return (ReadyFigure, (self.spec,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReadyFigure) and other.spec == self.spec

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        traces = len(self.spec.get("data", ()))
        return f"ReadyFigure({traces} traces)"


def ready(figure: go.Figure) -> ReadyFigure:
    """``figure`` built once, kept as plain data for the cache and for ``st.plotly_chart``."""
    return ReadyFigure(figure.to_dict())


NO_TOOLBAR = {"displayModeBar": False, "displaylogo": False}
"""Plotly's config for every chart: no toolbar (zoom, pan, download) on the wall or a tablet."""
