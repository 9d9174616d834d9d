"""Figures restyled for the wall (issue 18): every text at least 24 px, a height that ends
above the fold, the shared cached figure left untouched."""

from __future__ import annotations

import copy
from typing import Any

from selfdata.ui.figures.ready import ready
from selfdata.ui.figures.votes import vote_bars
from selfdata.ui.figures.wall import WALL_CHART_PX, WALL_TEXT_PX, on_wall, wall_figure


def _sizes(node: Any, path: str = "") -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and path.endswith("font") and value is not None:
                for one in value if isinstance(value, list) else [value]:
                    found.append((path, float(one)))
            else:
                found += _sizes(value, f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            found += _sizes(item, path)
    return found


def _small_figure() -> dict[str, Any]:
    return {
        "data": [
            {"type": "bar", "text": ["1"], "textfont": {"size": 11}},
            {"type": "heatmap", "z": [[1]], "colorbar": {"tickfont": {"size": 9}}},
        ],
        "layout": {
            "font": {"size": 12},
            "xaxis": {"tickfont": {"size": 10}, "title": {"text": "x", "font": {"size": 13}}},
            "yaxis2": {"tickfont": {"size": [8, 30]}},
            "legend": {"font": {"size": 10}},
            "annotations": [{"text": "a", "font": {"size": 9}}],
            "height": 900,
        },
    }


def test_every_text_of_a_projected_figure_is_at_least_24_px_and_the_chart_fits():
    spec = _small_figure()
    before = copy.deepcopy(spec)
    wall = wall_figure(spec)
    sizes = _sizes(wall)
    assert len(sizes) >= 8 and min(size for _, size in sizes) >= WALL_TEXT_PX, sizes
    assert wall["layout"]["height"] == WALL_CHART_PX
    assert wall["layout"]["yaxis2"]["tickfont"]["size"] == [WALL_TEXT_PX, 30]
    assert spec == before, "the cached figure is shared: never changed"


def test_a_figure_not_projected_is_returned_as_it_is():
    spec = _small_figure()
    assert wall_figure(spec, projected=False) is spec


def test_the_vote_bars_on_the_wall():
    figure = ready(vote_bars((("Savoir quand passe le bus", 7), ("Mes trajets", 0)), "fr"))
    wall = on_wall(figure)
    assert min(size for _, size in _sizes(wall.to_dict())) >= WALL_TEXT_PX
    assert figure.to_dict() != wall.to_dict()
