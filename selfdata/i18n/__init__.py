"""French (default) and English strings of the app.

Each area of the app owns one catalog module (``catalog_<area>.py``) holding a ``MESSAGES``
dict ``key -> {"fr": …, "en": …}``; keys carry the area's prefix so catalogs never clash.
``t(key, lang, **values)`` formats a message; a missing key or language is a bug caught by
``tests/unit/test_i18n.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"


@cache
def catalog() -> dict[str, dict[str, str]]:
    """Every message of every area, merged (a key defined twice is an error)."""
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("catalog_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice ({info.name})")
            merged[key] = texts
    return merged


def normalise_lang(lang: object) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``{name}`` placeholders filled from values."""
    text = catalog()[key][normalise_lang(lang)]
    return text.format(**values) if values else text
