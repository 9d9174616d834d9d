"""Numbers and dates as a printed page writes them in French or English (narrow no-break
space between thousands and a decimal comma in French; « 1er décembre 2026 »)."""

from __future__ import annotations

from datetime import UTC, datetime


def fmt_int(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang != "en" else text


def fmt_float(value: float, lang: str, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang != "en" else text


def fmt_date(value: datetime | None, lang: str) -> str:
    value = value or datetime.now(UTC)
    if lang == "en":
        return value.strftime("%d %B %Y").lstrip("0")
    months = (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ).split()
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"
