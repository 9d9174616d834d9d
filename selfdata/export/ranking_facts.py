"""The ranking as the documents print it (engine: :mod:`selfdata.ranking`)."""

from __future__ import annotations

from selfdata.export.facts import Lookup
from selfdata.export.sections import RankingFacts


def compute(lookup: Lookup, lang: str) -> RankingFacts:
    return RankingFacts()
