"""Durations without a number: bare plural units ("for weeks", "in minutes", "over the years"),
and units as adjectives ("decades-long", "a day-long meeting").

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, type DURATION and its value: a
duration is P (PT for clock units) + amount + unit, with X for an amount the text leaves
unspecified (PXW "weeks", PTXM "minutes", PXY "years"); the extent holds the whole adjective
("decades-long") and the determiner of "the years".
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("The talks dragged on for weeks.", "weeks", "DURATION", "PXW", id="for-weeks"),
    case("Tickets for the final sold out in minutes.", "minutes", "DURATION", "PTXM",
         id="in-minutes"),
    case("The refugees waited for months at the border.", "months", "DURATION", "PXM",
         id="for-months"),
    case("Ukraine was ruled from Moscow for centuries.", "centuries", "DURATION", "PXY",
         id="for-centuries"),
    case("The town has grown over the years.", "the years", "DURATION", "PXY",
         id="over-the-years"),
    case("Fighting flared throughout the decades, officials said.", "the decades", "DURATION",
         "PXY", id="throughout-the-decades"),
    case("The ruling ended a decades-long feud between the families.", "decades-long",
         "DURATION", "PXY", id="decades-long"),
    case("Negotiators emerged from a day-long meeting on Friday.", "day-long", "DURATION", "P1D",
         id="day-long"),
    case("Tourism hopes to end a years-old slump.", "years-old", "DURATION", "PXY",
         id="years-old"),
    case("The strike lasted several weeks.", "several weeks", "DURATION", "PXW",
         id="several-weeks"),
    case("The companies merged within days.", "days", "DURATION", "PXD", id="within-days"),
    case("He probably died within weeks or months of his capture.", "weeks or months",
         "DURATION", "PXW", id="weeks-or-months-one-span"),
    # a plural unit before a signal: the span is the unit's, the signal is TimeML's SIGNAL
    case("Police arrived hours later, witnesses said.", "hours", "DURATION", "PTXH",
         id="hours-later"),
    case("Hours after the blast, police sealed the street.", "Hours", "DURATION", "PTXH",
         id="hours-after-an-event"),
    case("The car crossed the border just days after the shooting.", "days", "DURATION", "PXD",
         id="just-days-after"),
    case("The two bombings happened only minutes apart.", "minutes", "DURATION", "PTXM",
         id="minutes-apart"),
    case("Years of war left the city in ruins on Friday.", "Years", "DURATION", "PXY",
         id="years-of-war"),
    case("After weeks of public sparring, the two sides met.", "weeks", "DURATION", "PXW",
         id="after-weeks-of"),
    case("Rockets hit the base on Dec. 29. Several days later, troops left.", "Several days",
         "DURATION", "PXD", id="several-days-later-is-a-span"),
    case("The ban will last six months.", "six months", "DURATION", "P6M",
         id="will-last-is-the-verb"),
    case("Lawmakers spent hours debating the bill.", "hours", "DURATION", "PTXH",
         id="spent-hours"),
    case("The monsoon reached Delhi on Tuesday, 16 days later than normal.", "16 days",
         "DURATION", "P16D", id="later-than-is-a-difference"),
    case("The club signed the striker to a multi-year deal.", "multi-year", "DURATION", "PXY",
         id="multi-year"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_duration_without_a_number_has_an_unspecified_amount(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The bakery sells day-old bread on Monday.", "day-old", id="day-old-bread"),
        pytest.param("Fighting flared throughout the decades of occupation.", "decades",
                     id="the-decades-of-an-occupation-names-them"),
        pytest.param("Adults over 18 years of age may vote on Friday.", "years",
                     id="years-of-age-after-a-number"),
        pytest.param("Fighting broke out in the days of the Soviet Union.", "days",
                     id="the-days-of-names-an-era"),
        pytest.param("Delegates stayed at the Days Inn on Friday.", "Days", id="days-inn"),
    ],
)  # fmt: skip
def test_plural_units_that_are_no_duration_are_not_tagged_as_one(sentence, word):
    assert_not_tagged(sentence, word)
