"""Small wording rules of the second newcomer walk (issue 30): counts in words and names
that already say what they are."""

from __future__ import annotations

from selfdata.i18n import t


def plural_key(key: str, n: int) -> str:
    """``key.none`` for 0, ``key.one`` for 1, else ``key`` (never "0 notes")."""
    return {0: f"{key}.none", 1: f"{key}.one"}.get(n, key)


def table_screen_label(name: str, lang: str) -> str:
    """The link to a table's screen: "Table Bleue's screen", but "Screen: Blue table" when
    the name already says table (never "Table Blue table's screen")."""
    says_table = "table" in name.casefold().split()
    return t("tables.screen_named" if says_table else "tables.screen_link", lang, name=name)
