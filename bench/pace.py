"""Page reruns timed without the room protection's pace.

``selfdata.ui.throttle.throttle_reruns`` holds a browser session that runs its page more than
4 times a second for half a second (issue 15): a benchmark rerunning one page flat out in
AppTest is exactly such a session, and some of its runs measured the pause instead of the
page (the scenarios page's median: 0.05 s → 0.23 s). Inside :func:`unpaced` the pace's
clock moves on by a minute at every look, so no run is held; the pause itself is measured
by the load harness (``bench/load.py``, the flooding client).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

STEP_S = 60.0


@contextmanager
def unpaced() -> Iterator[None]:
    """Within this block, no page run is held by the rerun pace (a checkout without the
    pace is left as it is)."""
    try:
        from selfdata.ui import throttle
    except ImportError:  # an earlier commit, before the pace
        yield
        return
    ticks = itertools.count(step=STEP_S)
    before = throttle.clock
    throttle.clock = lambda: float(next(ticks))
    try:
        yield
    finally:
        throttle.clock = before
