"""French typography: the space before ``:`` ``;`` ``?`` ``!`` and inside « » must not break.

The toolkit uses one character for it everywhere (decks, UI catalogs, PDFs): U+202F, the
narrow no-break space (espace fine insécable). :func:`fr_punctuation` turns an ordinary
space (or a U+00A0 no-break space) before those signs into it, and :func:`loose_punctuation`
finds the places a French string still has an ordinary one, for tests. Inside guillemets
the same space goes after « and before » (« comme ceci »); :func:`loose_guillemets` finds
a guillemet without it.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"
"""Narrow no-break space, put before ``: ; ? !`` in French text."""

FR_HIGH_PUNCTUATION = ":;?!"

_BEFORE = re.compile(r"(?<=\S)[ \u00a0]+([:;?!])")
_LOOSE = re.compile(r"(?<=\S) +[:;?!]")
_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING = re.compile(r"[ \u00a0\u202f]*»")
_LOOSE_GUILLEMET = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")


def fr_punctuation(text: str) -> str:
    """``text`` with a narrow no-break space (and only one) before each ``: ; ? !`` that
    followed a space: ``"Coût : 3 ?"`` → ``"Coût\u202f: 3\u202f?"``. Signs glued to the
    word (``https://``, ``10:30``) are left alone, as is a sign at the start of the text.
    After « and before », the one space is that narrow no-break space, added if missing:
    ``"« Oui »"`` → ``"«\u202fOui\u202f»"``.
    """
    text = _BEFORE.sub(lambda m: NNBSP + m.group(1), text)
    if "«" in text or "»" in text:
        text = _CLOSING.sub(NNBSP + "»", _OPENING.sub("«" + NNBSP, text))
    return text


def loose_punctuation(text: str) -> list[str]:
    """The bits of ``text`` where an ordinary space still precedes ``: ; ? !``."""
    return [text[max(0, m.start() - 12) : m.end()] for m in _LOOSE.finditer(text)]


_VOWELS = "aeiouyéèêh"
_FEMININE_BODIES = (
    "métropole",
    "communauté",
    "ville",
    "région",
    "agglomération",
    "commune",
    "eurométropole",
)
_MASCULINE_BODIES = ("grand ", "département", "pays ")


def fr_of(name: str) -> str:
    """``de`` + ``name`` with the article French wants before a territory's name: « de la
    Métropole de Lyon », « du Grand Lyon », « de Nantes Métropole », « de La Rochelle »."""
    low = name.casefold()
    if low.startswith(_FEMININE_BODIES):
        return f"de l’{name}" if low[:1] in _VOWELS else f"de la {name}"
    if low.startswith(_MASCULINE_BODIES):
        return f"du {name[0].lower()}{name[1:]}" if low.startswith("département") else f"du {name}"
    if low[:1] in _VOWELS:
        return f"d’{name}"
    return f"de {name}"


def fr_list(items: list[str], last: str = "et") -> str:
    """``a, b et c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def loose_guillemets(text: str) -> list[str]:
    """The bits of ``text`` where « is not followed, or » not preceded, by a no-break space
    (a breakable space, a line break, or none at all)."""
    return [text[max(0, m.start() - 12) : m.end() + 12] for m in _LOOSE_GUILLEMET.finditer(text)]
