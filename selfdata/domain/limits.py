"""Every limit of a workshop, defined once (documented in ``docs/store.md``).

The services, the workshop file format (pydantic models), the file checks before an import
and the facilitator's console all read their numbers from here.
"""

from __future__ import annotations

# --- texts --------------------------------------------------------------------------------
MAX_TITLE = 200
"""Characters in a title (workshop, card, use case, scenario, partner)."""
MAX_TEXT = 2000
"""Characters in a longer text (description, persona)."""
MAX_PSEUDONYM = 40
"""Characters in a participant's pseudonym."""
MAX_TOKEN = 200
"""Characters a participant token may have before it is refused unread."""

# --- dots ---------------------------------------------------------------------------------
DOTS_MIN = 1
DOTS_MAX = 50
"""The dot budget (per participant) and cap (per need) each go from DOTS_MIN to DOTS_MAX;
so no participant may ever hold more than DOTS_MAX dots on one need."""
DEFAULT_VOTE_BUDGET = 5
DEFAULT_VOTE_CAP = 3
MAX_DOTS_PER_CALL = 50
"""Dots one vote call may add or withdraw."""

# --- ratings and weights ------------------------------------------------------------------
RATING_MIN = 1
RATING_MAX = 5
WEIGHT_MIN = 0
WEIGHT_MAX = 10
SWING_MIN = 0
SWING_MAX = 100
"""A participant's swing weight for a criterion: the most important at SWING_MAX."""
"""A criterion's weight goes from WEIGHT_MIN to WEIGHT_MAX."""

# --- counts per workshop ------------------------------------------------------------------
MAX_PARTICIPANTS = 300
MAX_ITEMS = 500
"""Sources, needs, use cases or scenarios per workshop (each)."""
MAX_CRITERIA = 50
MAX_VOTES = 50_000
"""Vote rows in one workshop file."""
MAX_RATINGS = 200_000
"""Rating rows in one workshop file."""
MAX_TABLES = 40
"""Tables one workshop may be split into (a room of 300 at tables of 8)."""
MAX_PROPOSALS_PER_PARTICIPANT = 20
"""Sources and needs one participant may propose in one workshop (together)."""
ITEMS_RESERVED_FOR_OTHERS = 100
"""The last places of the sources' and the needs' lists (each :data:`MAX_ITEMS`) are kept
for people who have not proposed there yet: once fewer than this many are free, a
participant who already proposed :data:`PROPOSALS_WHEN_NEARLY_FULL` items on that list is
refused, so a few scripted participants cannot fill it for everyone."""
PROPOSALS_WHEN_NEARLY_FULL = 2

# --- joining ------------------------------------------------------------------------------
ROOM_JOINS_PER_MINUTE = 60
"""Joins one workshop accepts in any 60 s, whatever the sessions, replicas or processes
(counted in the store): a room of 150 fills in under three minutes, a script's thousand
joins fill 60 places a minute and leave the others (and the console's view of the burst)."""
JOIN_BURST_WARNING = 20
"""Joins in the last minute from which the console warns of a burst."""

# --- time ---------------------------------------------------------------------------------
MAX_TIMER_SECONDS = 4 * 3600
RETENTION_DAYS_DEFAULT = 90
"""Days a workshop is kept unless ``SELFDATA_RETENTION_DAYS`` says otherwise."""

# --- scenario scope -----------------------------------------------------------------------
MAX_RESIDENTS = 10_000_000
MAX_DURATION_MONTHS = 120
