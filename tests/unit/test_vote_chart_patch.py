"""The vote chart patched, not rebuilt (issue 25): a template per bar count and language
(and wall or not) with the totals put in gives the very figure a full build gives."""

from __future__ import annotations

import copy
import json
import random
import string

import pytest

from selfdata.ui.figures.ready import ready
from selfdata.ui.figures.votes import patch_vote_bars, vote_bars
from selfdata.ui.figures.wall import on_wall

ALPHABET = string.ascii_letters + " éàç<>&'\"’…" + "\u202f"


def _totals(rng: random.Random) -> list[tuple[str, int]]:
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 20])
    top = rng.choice([0, 1, 3, 40, 250])
    return [
        ("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))), rng.randint(0, top))
        for _ in range(n)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("wall", [False, True])
def test_the_patched_chart_is_the_full_build_on_many_random_totals(lang: str, wall: bool) -> None:
    rng = random.Random(f"{lang}{wall}")
    templates: dict[int, dict[str, object]] = {}
    for _ in range(200):
        totals = _totals(rng)
        full = ready(vote_bars(totals, lang))
        if wall:
            full = on_wall(full)
        if len(totals) not in templates:
            template = ready(vote_bars([("", 0)] * len(totals), lang))
            templates[len(totals)] = (on_wall(template) if wall else template).spec
        template = templates[len(totals)]
        kept = copy.deepcopy(template)
        patched = patch_vote_bars(template, totals)
        assert json.dumps(patched) == json.dumps(full.spec), totals
        assert template == kept, "the shared template was changed"


def test_the_app_draws_the_patched_chart_from_its_cached_template() -> None:
    from selfdata.ui.room_views import vote_figure

    first = (("Savoir quand passe le bus", 7), ("Mes trajets", 0), ("<b>x</b>", 7))
    second = (("Autre chose", 2), ("Mes trajets", 9), ("y", 1))
    for lang in ("fr", "en"):
        for totals in (first, second, first):
            assert vote_figure(totals, lang).spec == ready(vote_bars(totals, lang)).spec
            wall = vote_figure(totals, lang, wall=True).spec
            assert wall == on_wall(ready(vote_bars(totals, lang))).spec
