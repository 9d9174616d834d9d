"""The errors a user may meet, each with a clear message in French and in English.

Services raise these and nothing else for a user's mistake (a wrong code, a locked step, a
text too long, a participant trying a facilitator action). The UI catches
:class:`SelfDataError` and shows ``err.message(lang)``; ``err.key`` is stable for tests and
logs. Any other exception is a bug.

The texts live in the i18n catalogue (``selfdata/i18n/catalog_errors.py``) under
``error.<key>`` (or ``error.<text>`` when one refusal has several wordings), with
``{name}`` placeholders filled from the error's values. The domain imports nothing of
selfdata, so the catalogue is plugged in by the package (``selfdata/__init__.py`` calls
:func:`use_catalogue` with :func:`selfdata.i18n.t`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Catalogue = Callable[..., str]
"""``lookup(key, lang, **values)``: the text of ``key`` in ``lang`` with its values filled."""

_CATALOGUE: list[Catalogue] = []


def use_catalogue(lookup: Catalogue) -> None:
    """Where the errors' messages are looked up (the package sets it once, at import)."""
    _CATALOGUE[:] = [lookup]


def field_label(field: str, lang: str) -> str:
    """The name a form shows for an internal field (``field.<name>`` in the catalogue, e.g.
    « Titre » for ``title``), else the field as given: a refusal never names a column."""
    try:
        return _CATALOGUE[0](f"field.{field}", lang)
    except KeyError:
        return field


def step_label(step: str, lang: str) -> str:
    """A step's name in ``lang`` (``step.<id>`` in the catalogue), else the step as given."""
    try:
        return _CATALOGUE[0](f"step.{step}", lang)
    except KeyError:
        return step


_STEP_VALUES = ("step", "current")
"""The values of a refusal that name a step (worded by :func:`step_label`)."""


class SelfDataError(Exception):
    """Base class: a refusal the user can understand and act on."""

    key: str = "error"

    def __init__(
        self,
        key: str,
        /,
        *,
        text: str | None = None,
        problems: Sequence[str] = (),
        **values: object,
    ) -> None:
        self.key = key
        self.text_key = f"error.{text or key}"
        """The message's key in the i18n catalogue."""
        self.values = values
        self.problems: tuple[str, ...] = tuple(problems)
        """Details, one per line (e.g. every problem found in an imported file)."""
        super().__init__(self.message("en"))

    def head(self, lang: str = "fr") -> str:
        """The message in ``lang`` without its problems (an error given as a value is
        worded in the same language)."""
        values = {
            name: value.head(lang) if isinstance(value, SelfDataError) else value
            for name, value in self.values.items()
        }
        if isinstance(values.get("field"), str):
            values["field"] = field_label(str(values["field"]), lang)
        for name in _STEP_VALUES:
            if isinstance(values.get(name), str):
                values[name] = step_label(str(values[name]), lang)
        return _CATALOGUE[0](self.text_key, lang, **values)

    @property
    def fr(self) -> str:
        return self.head("fr")

    @property
    def en(self) -> str:
        return self.head("en")

    def message(self, lang: str = "fr") -> str:
        """The message in ``lang`` (French unless ``lang == "en"``), problems included (a
        problem that can be worded again, a file reader's ``Msg``, is worded in ``lang``)."""
        head = self.head(lang)
        lines = [p.in_lang(lang) if hasattr(p, "in_lang") else p for p in self.problems]
        return head if not lines else head + "\n" + "\n".join(lines)


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


class StoreUnavailable(SelfDataError):
    """The database cannot be reached or written (PostgreSQL down, a read-only or full
    SQLite file, an unwritable directory): nothing of the last action was saved. Raised by
    the store in place of the driver's error, so no path or address reaches a screen."""
