"""A participant's pseudonym: cleaned before it is stored, and compared by its look.

Two names that look alike on a tablet must not both enter a room: "Alice", "alice",
"A\\u200blice" (a zero-width space), Cyrillic "Аlice", fullwidth "Ａｌｉｃｅ", and "Alicé"
composed or decomposed would be five people nobody can tell apart. So:

- :func:`clean_pseudonym` is what is stored and shown: Unicode NFKC, invisible characters
  and bidirectional controls removed, whitespace collapsed, length bounded; a name that
  shows nothing, or that claims the facilitator's role, is refused with a translated error.
- :func:`pseudonym_key` is what is compared (the store keeps it in ``participants.
  pseudonym_key``, unique per workshop): the cleaned name case-folded, its diacritics
  removed, and each character replaced by a representative of its Unicode confusable class
  (UTS #39 data, ``confusables.txt``, as shipped by the pinned ``confusable_homoglyphs``
  package; read from the installed package, never fetched).

The key is a *skeleton*, not a name: it is never shown. Known limit: the confusable data is
case-sensitive (capital "I" looks like small "l") while the key folds case first, so that
"ALICE" and "Alice" collide; "AIice" with a capital i therefore does not collide with
"Alice". Case-folding first catches far more real duplicates than it lets through.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

from selfdata.domain.errors import InvalidInput, LimitExceeded

MAX_PSEUDONYM = 40
"""Characters in a cleaned pseudonym (fits a tablet's header and a PDF table cell)."""

MAX_RAW_PSEUDONYM = 200
"""Characters accepted before cleaning (invisible padding included): more is refused without
normalising it, so a huge form value costs nothing."""

RESERVED_PSEUDONYMS = (
    "Animateur",
    "Animatrice",
    "Animateur·rice",
    "Animateur·ice",
    "Animation",
    "Facilitateur",
    "Facilitatrice",
    "Facilitateur·rice",
    "Facilitateur·ice",
    "Facilitation",
    "Facilitator",
)
"""Names that would pass a participant off as the person running the room. Compared by
their letters' skeleton, so "ANIMATEUR", "Animateur 2", "Facilitateur.rice" and a Cyrillic
"Аnimateur" are reserved too."""

ROLE_WORDS = (
    "animateur",
    "animatrice",
    "animation",
    "facilitateur",
    "facilitatrice",
    "facilitation",
    "facilitator",
    "admin",
    "administrateur",
    "administratrice",
    "administrator",
    "moderateur",
    "moderatrice",
    "moderator",
    "organisateur",
    "organisatrice",
    "organizer",
    "organiser",
    "superviseur",
    "supervisor",
    "sysadmin",
)
"""Words (French and English, without accents) that claim a role in the room: a pseudonym
with a word *starting* with one of them is refused ("L'animateur", "Animateur du jour",
"Admin", "Administratrice", "4dmin"), after :data:`_LEET` folding."""

_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "l": "i",
        "3": "e",
        "4": "a",
        "@": "a",
        "5": "s",
        "$": "s",
        "7": "t",
        "|": "i",
        "!": "i",
    }
)
"""Leetspeak, folded before the role words are looked for ("4dm1n" is "admin"; "l" and "i"
are one letter there, in the name and in the role words alike)."""

_LOOK_ALIKE_SEQUENCES = (("rn", "m"), ("vv", "w"), ("0", "o"))
"""Sequences a glance reads as one letter, folded in the key after the confusable skeleton
(which maps single characters only): "Carnille" looks like "Camille", "B0b" like "Bob"."""

# Invisible characters that are not in the "format" category (Cf, stripped as a whole):
# fillers that render as nothing, and marks that only select a glyph's variant.
_INVISIBLE_RANGES = (
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),  # HANGUL CHOSEONG / JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ / AA
    (0x180B, 0x180F),  # MONGOLIAN FREE VARIATION SELECTORS, VOWEL SEPARATOR
    (0x2800, 0x2800),  # BRAILLE PATTERN BLANK
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTORS 1-16
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xE0100, 0xE01EF),  # VARIATION SELECTORS SUPPLEMENT
)

# Diacritics that sit on Latin, Greek or Cyrillic letters: removed from the key so that
# "Alicé" and "Alice" collide. Marks that belong to a script (Devanagari vowel signs, Arabic
# harakat...) are kept: removing them would merge names a reader of that script tells apart.
_DIACRITIC_RANGES = (
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1DC0, 0x1DFF),  # Combining Diacritical Marks Supplement
    (0x20D0, 0x20FF),  # Combining Diacritical Marks for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
)

_WHITESPACE = re.compile(r"\s+")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")


def _in(ranges: tuple[tuple[int, int], ...], char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def _is_invisible(char: str) -> bool:
    """A character that shows nothing by itself (whitespace is handled apart): format
    controls (zero-width space and joiners, soft hyphen, BOM, the bidi embeddings,
    overrides and isolates U+202A-E and U+2066-9, LRM/RLM, the Arabic letter mark, tags),
    other controls, surrogates, fillers and variation selectors."""
    if char.isspace():
        return False
    category = unicodedata.category(char)
    return category in ("Cf", "Cc", "Cs") or _in(_INVISIBLE_RANGES, char)


def _strip_invisible(text: str) -> str:
    return "".join(ch for ch in text if not _is_invisible(ch))


def _normalised(text: str) -> str:
    """NFKC, invisible characters out, recomposed, whitespace collapsed, ends trimmed."""
    text = _strip_invisible(unicodedata.normalize("NFKC", text))
    text = unicodedata.normalize("NFC", text)
    return _WHITESPACE.sub(" ", text).strip()


def _shows_something(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LNS" for ch in text)


def clean_pseudonym(raw: object) -> str:
    """The pseudonym to store and show, from what a participant typed.

    Raises :class:`InvalidInput` (``pseudonym.invalid``, ``pseudonym.blank``,
    ``pseudonym.reserved``) or :class:`LimitExceeded` (``pseudonym.too_long``), each with a
    French and an English message."""
    if not isinstance(raw, str):
        raise InvalidInput("pseudonym.invalid")
    if len(raw) > MAX_RAW_PSEUDONYM:
        raise _too_long()
    name = _normalised(raw)
    if not _shows_something(name):
        raise InvalidInput("pseudonym.blank")
    if len(name) > MAX_PSEUDONYM:
        raise _too_long()
    if _letters(pseudonym_key(name)) in _reserved_keys() or _claims_a_role(name):
        raise InvalidInput("pseudonym.reserved", name=name)
    return name


def _claims_a_role(name: str) -> bool:
    """A word of ``name`` (its skeleton, leetspeak folded) starts with a role word."""
    folded = pseudonym_key(name).translate(_LEET)
    words = re.findall(r"[^\W\d_]+", folded)
    return any(word.startswith(role) for word in words for role in _role_words())


@cache
def _role_words() -> tuple[str, ...]:
    return tuple(pseudonym_key(word).translate(_LEET) for word in ROLE_WORDS)


def _too_long() -> LimitExceeded:
    return LimitExceeded("pseudonym.too_long", limit=MAX_PSEUDONYM)


def pseudonym_key(name: str) -> str:
    """The skeleton two look-alike names share: compare keys, never names.

    Total (never raises) and applied to any text, cleaned or not: NFKC, invisible characters
    out, whitespace collapsed, case-folded, Latin/Greek/Cyrillic diacritics removed
    (composed or decomposed alike), then every character mapped to its confusable class's
    representative."""
    folded = unicodedata.normalize("NFD", _normalised(name).casefold())
    bare = "".join(ch for ch in folded if not _in(_DIACRITIC_RANGES, ch))
    table = _skeleton_table()
    key = "".join(table.get(ch, ch) for ch in bare)
    for sequence, letter in _LOOK_ALIKE_SEQUENCES:
        key = key.replace(sequence, letter)
    return key


def _letters(key: str) -> str:
    return "".join(ch for ch in key if ch.isalpha())


@cache
def _reserved_keys() -> frozenset[str]:
    return frozenset(_letters(pseudonym_key(name)) for name in RESERVED_PSEUDONYMS)


@cache
def _skeleton_table() -> dict[str, str]:
    """Character -> representative of its confusable class.

    ``confusable_homoglyphs`` stores each line ``source -> prototype`` of Unicode's
    confusables.txt in both directions; the classes are the connected components of those
    pairs (a prototype and every character that maps to it). The representative is a
    lowercase ASCII letter when the class has one, else an ASCII character, else the lowest
    code point: any fixed choice works, since keys are only compared. Sequences (a character
    confusable with two) are left to NFKC. Loaded once (about 20 ms, 9,600 entries)."""
    data = json.loads(
        resources.files("confusable_homoglyphs")
        .joinpath("confusables.json")
        .read_text(encoding="utf-8")
    )
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for source, entries in data.items():
        source = source.translate(_BIDI_MARKS)
        for entry in entries:
            target = str(entry["c"]).translate(_BIDI_MARKS)
            if len(source) == 1 and len(target) == 1:
                a, b = root(source), root(target)
                if a != b:
                    parent[a] = b
    classes: dict[str, list[str]] = {}
    for char in list(parent):
        classes.setdefault(root(char), []).append(char)
    table: dict[str, str] = {}
    for members in classes.values():
        best = min(members, key=lambda c: (not (c.isascii() and c.islower()), not c.isascii(), c))
        table.update((char, best) for char in members if char != best)
    return table
