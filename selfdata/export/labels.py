"""The words printed in the PDFs, read from the one i18n catalogue.

They live in ``selfdata/i18n/catalog_pdf.py`` under ``pdf.<key>`` (a printed dossier needs
fuller phrasing than a button), closed-vocabulary values under ``pdf.vocab.<kind>.<value>``;
every entry is checked for both languages by the tests.
"""

from __future__ import annotations

from functools import cache

from selfdata import i18n

_PREFIX = "pdf."
_VOCAB_PREFIX = "pdf.vocab."


def t(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (French unless ``en``), with ``{name}`` filled in."""
    return i18n.t(_PREFIX + key, lang, **values)


def vocab(kind: str, value: str | None, lang: str) -> str:
    """A closed-vocabulary value in words; the raw value when unknown to the catalogue;
    "to be qualified" when nobody gave it (``None``)."""
    if value is None:
        return i18n.t("pdf.to_qualify", lang)
    key = f"{_VOCAB_PREFIX}{kind}.{value}"
    if key not in i18n.catalog():
        return value.replace("_", " ")
    return i18n.t(key, lang)


def yes_no(value: bool | None, lang: str) -> str:
    """Yes, no, or "to be qualified" when nobody said."""
    if value is None:
        return t("to_qualify", lang)
    return t("yes" if value else "no", lang)


def label_keys() -> list[str]:
    return [
        k.removeprefix(_PREFIX)
        for k in i18n.catalog()
        if k.startswith(_PREFIX) and not k.startswith(_VOCAB_PREFIX)
    ]


def vocabularies() -> dict[str, list[str]]:
    """Each closed vocabulary's values (kind -> values), in catalogue order."""
    return {kind: list(values) for kind, values in _vocabularies().items()}


def is_vocabulary(kind: str) -> bool:
    """Whether ``kind`` (a card field's name) is a closed vocabulary."""
    return kind in _vocabularies()


@cache
def _vocabularies() -> dict[str, tuple[str, ...]]:
    # read once: the catalogue is built once too (i18n.catalog is cached), and a card box
    # asks this for each of its fields (400 cards: 5,200 asks a rerun, ~80 ms rebuilding it)
    kinds: dict[str, list[str]] = {}
    for k in i18n.catalog():
        if k.startswith(_VOCAB_PREFIX):
            kind, value = k.removeprefix(_VOCAB_PREFIX).split(".", 1)
            kinds.setdefault(kind, []).append(value)
    return {kind: tuple(values) for kind, values in kinds.items()}


def origin_words(origin: str | None, lang: str, *, need: bool = False) -> str | None:
    """Where a workshop's own card came from (``city_file`` or ``room``) in words, agreeing
    with « un besoin » (masculine) or « une source » (feminine); None for a deck card."""
    if origin is None:
        return None
    return t(f"origin.{'room_need' if origin == 'room' and need else origin}", lang)
