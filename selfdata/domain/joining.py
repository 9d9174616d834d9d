"""Who joined when, for the facilitator's view of the arrivals (pure; times are the ISO UTC
strings the store keeps, which sort as text in time order)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MINUTE = 16
"""Characters of an ISO time up to its minute: ``2026-12-07T14:02``."""


def joins_by_minute(joined: Iterable[str | None]) -> list[tuple[str, int]]:
    """``[(minute, joins)]`` in time order, ``minute`` as ``YYYY-MM-DDTHH:MM`` (UTC): a
    string that also serves as "from the start of that minute" when compared with a join
    time."""
    counts = Counter(j[:MINUTE] for j in joined if j)
    return sorted(counts.items())


def joins_since(joined: Iterable[str | None], since: str) -> int:
    """How many joined at ``since`` or later."""
    return sum(1 for j in joined if j and j >= since)
