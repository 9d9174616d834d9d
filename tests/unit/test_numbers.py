"""One number formatter for the app, the CLI and the PDFs (issue 14)."""

from __future__ import annotations

import pytest

from selfdata.domain.numbers import (
    format_margin,
    format_score,
    format_share,
    format_share_row,
    format_signed,
    format_weight,
    largest_remainder_percentages,
)

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0.25, "0,25", "0.25"),  # printed "0,2" in the PDFs' criteria tables
        (0.15, "0,15", "0.15"),  # printed "0,1"
        (0.2, "0,2", "0.2"),
        (0.1, "0,1", "0.1"),
        (2, "2", "2"),
        (2.0, "2", "2"),
        (10.0, "10", "10"),
        (0.0, "0", "0"),
        (0.1 + 0.2, "0,3", "0.3"),  # 0.30000000000000004
        (1 / 3, "0,3333", "0.3333"),
        (0.12345, "0,1235", "0.1235"),
        (3.5, "3,5", "3.5"),
        (-0.0, "0", "0"),
    ],
)
def test_a_weight_reads_as_it_was_entered(value: float, fr: str, en: str) -> None:
    assert (format_weight(value, "fr"), format_weight(value, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("fraction", "fr", "en"),
    [
        (0.34, f"34{NNBSP}%", "34%"),
        (0.345, f"35{NNBSP}%", "35%"),  # half up
        (0.875, f"88{NNBSP}%", "88%"),
        (1.0, f"100{NNBSP}%", "100%"),
        (0.0, f"0{NNBSP}%", "0%"),
        (0.999, f">{NBSP}99{NNBSP}%", "> 99%"),  # never "100 %" short of everything
        (0.9951, f">{NBSP}99{NNBSP}%", "> 99%"),
        (0.004, f"<{NBSP}1{NNBSP}%", "< 1%"),  # never "0 %" for something
        (0.0005, f"<{NBSP}1{NNBSP}%", "< 1%"),
        (0.005, f"1{NNBSP}%", "1%"),
        (0.29, f"29{NNBSP}%", "29%"),  # 0.29 * 100 = 28.999999999999996
    ],
)
def test_a_share_is_a_whole_percentage_that_never_says_all_or_nothing_wrongly(
    fraction: float, fr: str, en: str
) -> None:
    assert (format_share(fraction, "fr"), format_share(fraction, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("fraction", "decimals", "fr", "en"),
    [
        (0.3125, 1, f"31,3{NNBSP}%", "31.3%"),
        (0.31234, 2, f"31,23{NNBSP}%", "31.23%"),
        (0.9999, 2, f"99,99{NNBSP}%", "99.99%"),
        (0.99999, 2, f">{NBSP}99,99{NNBSP}%", "> 99.99%"),
    ],
)
def test_a_share_can_carry_decimals(fraction: float, decimals: int, fr: str, en: str) -> None:
    assert format_share(fraction, "fr", decimals=decimals) == fr
    assert format_share(fraction, "en", decimals=decimals) == en


@pytest.mark.parametrize(
    ("fraction", "fr", "en"),
    [
        (0.999, f"plus de 99{NNBSP}%", "more than 99%"),
        (0.001, f"moins de 1{NNBSP}%", "less than 1%"),
        (0.64, f"64{NNBSP}%", "64%"),
    ],
)
def test_a_share_in_a_sentence_says_more_or_less_in_words(
    fraction: float, fr: str, en: str
) -> None:
    assert format_share(fraction, "fr", in_words=True) == fr
    assert format_share(fraction, "en", in_words=True) == en


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0.6666, "0,67", "0.67"),
        (0.5, "0,50", "0.50"),
        (1.0, "1,00", "1.00"),
        (0.0, "0,00", "0.00"),
        (-0.001, "0,00", "0.00"),
        (0.125, "0,12", "0.12"),  # banker's rounding of the binary value, like f"{:.2f}"
    ],
)
def test_a_score_has_two_decimals(value: float, fr: str, en: str) -> None:
    assert (format_score(value, "fr"), format_score(value, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (-0.025, "\u22120,025", "\u22120.025"),  # the CLI printed "(-0.03)"
        (0.025, "+0,025", "+0.025"),
        (1 / 3, "+0,33", "+0.33"),
        (-1.0, "\u22121,00", "\u22121.00"),
        (2.5, "+2,50", "+2.50"),
        (-0.0004, "\u22120,0004", "\u22120.0004"),
        (0.0, "0,00", "0.00"),
        (12.345, "+12,35", "+12.35"),
    ],
)
def test_a_change_carries_its_sign_and_two_significant_digits(
    value: float, fr: str, en: str
) -> None:
    assert (format_signed(value, "fr"), format_signed(value, "en")) == (fr, en)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.04, "0.04"),
        (0.0004, "0.0004"),
        (0.00123, "0.0012"),
        (-0.3, "0.30"),
        (1.5, "1.50"),
        (0.1, "0.10"),
    ],
)
def test_a_margin_never_reads_as_zero(value: float, expected: str) -> None:
    assert format_margin(value, "en") == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([0.995, 0.005], [99, 1]),  # rounded one by one: 100 % + 1 %
        ([1 / 3, 1 / 3, 1 / 3], [34, 33, 33]),
        ([0.125, 0.125, 0.25, 0.5], [13, 12, 25, 50]),
        ([0.6405, 0.2545, 0.105], [64, 25, 11]),
        ([1.0, 0.0, 0.0], [100, 0, 0]),
        ([0.0, 0.0], [0, 0]),
        ([0.29, 0.71], [29, 71]),
    ],
)
def test_a_row_of_shares_adds_up_to_its_rounded_total(
    row: list[float], expected: list[int]
) -> None:
    assert largest_remainder_percentages(row) == expected


def test_a_heatmap_row_never_reads_100_plus_1() -> None:
    assert format_share_row([0.995, 0.005], "en") == ["99%", "1%"]
    assert format_share_row([0.9995, 0.0005], "en") == ["> 99%", "< 1%"]
    assert format_share_row([0.5, 0.3, 0.2], "fr") == [f"50{NNBSP}%", f"30{NNBSP}%", f"20{NNBSP}%"]


def test_a_score_reads_the_same_whatever_the_float_noise() -> None:
    from selfdata.domain.numbers import format_score

    assert format_score(0.675, "en") == format_score(0.67499999999999, "en")
