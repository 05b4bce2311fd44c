"""What the words of a mention mean: numbers, durations and years said in words."""

from __future__ import annotations

import pytest

from timeline.tagger.words import duration_value, parse_number, spelled_year


# --- numbers, durations, spelled years ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("three", 3), ("twenty-four", 24), ("twenty four", 24), ("1,000", 1000), ("48", 48),
        ("2.5", 2.5), ("a couple of", 2), ("a dozen", 12), ("two hundred", 200),
        ("five thousand", 5000), ("half a", 0.5), ("an", 1), ("  Three ", 3),
    ],
)  # fmt: skip
def test_parse_number_reads_digits_and_number_words(words, number):
    assert parse_number(words) == number


@pytest.mark.parametrize("words", ["several", "a few", "many", "some", "banana", "twenty-lots"])
def test_parse_number_is_none_for_vague_or_unknown_amounts(words):
    assert parse_number(words) is None


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "year", "P3Y"), (5, "month", "P5M"), (2, "week", "P2W"), (3, "day", "P3D"),
        (48, "hour", "PT48H"), (90, "minute", "PT90M"), (1, "decade", "P10Y"),
        (1, "century", "P100Y"), (1, "fortnight", "P2W"), (1, "quarter", "P3M"),
        (2, "weekend", "P4D"), (1.5, "year", "P1Y6M"), (0.5, "day", "PT12H"),
        (2.5, "year", "P2Y6M"), (5.5, "hour", "PT5H30M"), (1.5, "minute", "PT1M30S"),
        (1.5, "day", "P1DT12H"), (0.5, "year", "P6M"),
        (None, "day", "PXD"), (None, "year", "PXY"), (None, "decade", "PXY"),
    ],
)  # fmt: skip
def test_duration_value_is_an_iso_period(amount, unit, value):
    assert duration_value(amount, unit) == value


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen ninety-six", 1996), ("nineteen ninety six", 1996), ("nineteen oh five", 1905),
        ("eighteen twelve", 1812), ("two thousand", 2000), ("two thousand one", 2001),
        ("two thousand and one", 2001), ("twenty twenty", 2020), ("Nineteen Eighty-Four", 1984),
    ],
)  # fmt: skip
def test_spelled_year_reads_years_said_in_words(words, year):
    assert spelled_year(words) == year


@pytest.mark.parametrize("words", ["nineteen", "hello world", "nineteen hundred thousand"])
def test_spelled_year_is_none_for_words_that_are_not_a_year(words):
    assert spelled_year(words) is None
