"""The errors a user may meet, each with a clear message in French and in English.

Services raise these and nothing else for a user's mistake (a wrong code, a locked step, a
text too long, a participant trying a facilitator action). The UI catches
:class:`SelfDataError` and shows ``err.message(lang)``; ``err.key`` is stable for tests and
logs. Any other exception is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence


class SelfDataError(Exception):
    """Base class: a refusal the user can understand and act on."""

    key: str = "error"

    def __init__(self, key: str, fr: str, en: str, *, problems: Sequence[str] = ()) -> None:
        self.key = key
        self.fr = fr
        self.en = en
        self.problems: tuple[str, ...] = tuple(problems)
        """Details, one per line (e.g. every problem found in an imported file)."""
        super().__init__(en if not problems else en + "\n" + "\n".join(problems))

    def message(self, lang: str = "fr") -> str:
        """The message in ``lang`` (French unless ``lang == "en"``), problems included."""
        head = self.en if lang == "en" else self.fr
        return head if not self.problems else head + "\n" + "\n".join(self.problems)


class NotFound(SelfDataError):
    """A code, token or item that does not exist (or no longer exists)."""


class Expired(NotFound):
    """A workshop past its retention date: its code no longer opens anything."""


class Forbidden(SelfDataError):
    """Wrong secret, or an action that belongs to someone else (the facilitator, another
    participant)."""


class Locked(SelfDataError):
    """Input is locked by the facilitator, or the timer ran out."""


class LimitExceeded(SelfDataError):
    """Budget, cap, text length or number of contributions exceeded."""


class InvalidInput(SelfDataError):
    """A value that is not acceptable (unknown id, empty title, malformed file…)."""


class Conflict(SelfDataError):
    """The action clashes with the current state (pseudonym taken, item in use…)."""
