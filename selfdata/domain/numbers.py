"""Numbers as the room and the readers of the PDFs read them, in French and in English.

One formatter for the app, the CLI and the PDFs, so that the three print the same thing:

* :func:`format_weight`: a criterion's weight as it was entered (0.25 → "0,25" in French,
  "0.25" in English; 2 → "2"), up to four decimals, no float noise.
* :func:`format_share`: a fraction as a whole percentage ("34 %" with a narrow no-break
  space in French, "34%" in English) that never says "100 %" for less than everything nor
  "0 %" for more than nothing (then "> 99 %", "< 1 %").
* :func:`format_score`: a 0–1 score to two decimals.
* :func:`format_signed`: a change with its sign and enough digits to be read (−0.025 →
  "−0.025", never "−0.03"): two significant digits, at least two decimals.
* :func:`format_margin`: a difference without sign, with the same precision rule.
* :func:`largest_remainder_percentages` / :func:`format_share_row`: a row of shares rounded
  so that it adds up to 100 (a heat-map row never reads "100 % + 1 %").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

PERCENT_SPACE = "\u202f"
"""Narrow no-break space: French typography puts one between a number and %."""
MINUS = "\u2212"
"""The minus sign (not the hyphen) in front of a negative change."""
WEIGHT_DECIMALS = 4
"""A weight is shown as entered, up to this many decimals (the rest is float noise)."""


def _separator(text: str, lang: str) -> str:
    return text if lang == "en" else text.replace(".", ",")


def _plain(value: float, decimals: int) -> str:
    """``value`` with at most ``decimals`` decimals, trailing zeros dropped, no "-0"."""
    text = f"{round(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_weight(value: float, lang: str = "fr") -> str:
    """A weight as it was entered: 0.25 → "0,25" (fr) / "0.25" (en), 2 → "2"."""
    return _separator(_plain(value, WEIGHT_DECIMALS), lang)


def _percent_text(number: str, lang: str) -> str:
    number = _separator(number, lang)
    return f"{number}%" if lang == "en" else f"{number}{PERCENT_SPACE}%"


def format_share(
    fraction: float, lang: str = "fr", *, decimals: int = 0, in_words: bool = False
) -> str:
    """A fraction (0..1) as a percentage: 0.34 → "34 %" (fr) / "34%" (en).

    Rounded half up to ``decimals`` decimals, except that a value strictly between 0 and 1
    never shows as "0 %" or "100 %": it reads "< 1 %" or "> 99 %" (``in_words``: "moins de
    1 %", "plus de 99 %" / "less than 1%", "more than 99%", for a sentence).
    """
    step = 10.0**-decimals
    hundred = fraction * 100
    shown = math.floor(round(hundred / step, 9) + 0.5) * step
    limit = None
    if 0 < fraction < 1 and shown <= 0:
        limit, shown = "<", step
    elif 0 < fraction < 1 and shown >= 100:
        limit, shown = ">", 100 - step
    text = _percent_text(f"{shown:.{decimals}f}", lang)
    if limit is None:
        return text
    if not in_words:
        return f"{limit} {text}" if lang == "en" else f"{limit}\u00a0{text}"
    words = {
        ("<", "fr"): "moins de",
        (">", "fr"): "plus de",
        ("<", "en"): "less than",
        (">", "en"): "more than",
    }
    return f"{words[(limit, 'en' if lang == 'en' else 'fr')]} {text}"


def format_score(value: float, lang: str = "fr") -> str:
    """A score to two decimals: 0.6666 → "0,67" (fr) / "0.67" (en). Float noise below
    1e-9 does not change the digits (weights ×0.1 give the same text)."""
    text = f"{round(value, 9):.2f}"
    return _separator("0.00" if text == "-0.00" else text, lang)


def _significant_decimals(value: float) -> int:
    """Decimals that show two significant digits of ``value``, at least two, at most six."""
    size = abs(value)
    if size == 0 or size >= 1:
        return 2
    return min(6, max(2, 1 - math.floor(math.log10(size))))


def format_margin(value: float, lang: str = "fr") -> str:
    """A difference without its sign, like a score (two decimals) but precise enough not
    to read as zero: 0.1 → "0,10", 0.0004 → "0,0004", 0.00123 → "0,0012"."""
    size = abs(value)
    text = _plain(size, _significant_decimals(size))
    whole, _, decimals = text.partition(".")
    return _separator(f"{whole}.{decimals.ljust(2, '0')}", lang)


def format_signed(value: float, lang: str = "fr") -> str:
    """A change with its sign: −0.025 → "−0,025" (not "−0,03"), 0.3333 → "+0,33",
    2 → "+2,00", 0 → "0,00"."""
    text = format_margin(value, lang)
    if not any(c in "123456789" for c in text):
        return text
    return (MINUS if value < 0 else "+") + text


def largest_remainder_percentages(fractions: Sequence[float]) -> list[int]:
    """Whole percentages that add up to the rounded total (100 for a row of probabilities).

    Each value is rounded down, then the points still missing go to the largest
    remainders; between equal remainders the smaller value wins (so 0.995 / 0.005 read
    99 / 1, not 100 / 0), then the first: ``[1/3, 1/3, 1/3]`` → ``[34, 33, 33]``.
    """
    hundreds = [round(f * 100, 9) for f in fractions]
    floors = [math.floor(h) for h in hundreds]
    missing = int(round(sum(hundreds))) - sum(floors)
    by_remainder = sorted(
        range(len(hundreds)),
        key=lambda i: (-round(hundreds[i] - floors[i], 9), hundreds[i], i),
    )
    for i in by_remainder[: max(0, missing)]:
        floors[i] += 1
    return floors


def format_share_row(fractions: Sequence[float], lang: str = "fr") -> list[str]:
    """A row of shares as labels that add up: largest-remainder percentages, where a
    positive share rounded to 0 reads "< 1 %" and a share short of 1 rounded to 100 reads
    "> 99 %" (as :func:`format_share` does)."""
    labels = []
    for fraction, whole in zip(fractions, largest_remainder_percentages(fractions), strict=True):
        if 0 < fraction < 1 and whole in (0, 100):
            labels.append(format_share(fraction, lang))
        else:
            labels.append(_percent_text(str(whole), lang))
    return labels
