"""Dates told by another date in the text ("that day", "on that day", "the next day") or by an
event the text does not date ("in the hours after the attack").

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3: an anaphoric DATE takes its value
from the time it refers back to (temporalFunction, anchorTimeID); where that time is coarser than
the unit ("that day" after "in 1987"), the unit's unknown part is X ("1987-XX-XX"). "that"
opening a clause ("said that day care ...") is no date. A stretch beside an undated event keeps
X at its unit's precision: XXXX-XX-XX for hours, XXXX-XX for days to months, XXXX for years.
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("He was arrested on Dec. 3. On that day he was freed.", "that day", "DATE",
         "2019-12-03", id="on-that-day-after-a-capital"),
    case("He was arrested on Dec. 3. He was freed that day.", "that day", "DATE", "2019-12-03",
         id="that-day-after-a-verb"),
    case("Prices crashed in 1987. Trades made that day lost money.", "that day", "DATE",
         "1987-XX-XX", id="that-day-of-a-year"),
    case("Prices crashed in March 1987. Trades made the next day lost money.", "the next day",
         "DATE", "1987-03-XX", id="the-next-day-of-a-month"),
    case("The talks collapsed on Dec. 20; that weekend, thousands protested.", "that weekend",
         "DATE", "2019-W51-WE", id="that-weekend-after-a-semicolon"),
    case("The company posted a loss in 2018 but returned to profit the next year.",
         "the next year", "DATE", "2019", id="the-next-year-after-a-year"),
    case("Protests erupted in October and spread the next month.", "the next month", "DATE",
         "2019-11", id="the-next-month-after-a-month"),
    case("Ghosn was arrested in November 2018 and released on bail the following April.",
         "the following April", "DATE", "2019-04", id="the-following-month-name"),
    case("Growth will slow in the next year, the IMF said.", "the next year", "DATE", "2021",
         id="the-next-year-with-no-date-before-is-the-datelines"),
    case("Police sealed the area in the hours after the attack.", "hours", "DATE", "XXXX-XX-XX",
         id="the-hours-after-an-event"),
    case("Tensions rose in the years before the war.", "years", "DATE", "XXXX",
         id="the-years-before-an-event"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_an_anaphoric_date_takes_the_time_it_refers_to(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("He said that day care centers would close on Friday.", "day",
                     id="that-opens-a-clause"),
        pytest.param("Officials knew that year-end figures were weak on Friday.", "that",
                     id="that-before-year-end"),
    ],
)  # fmt: skip
def test_that_opening_a_clause_is_no_date(sentence, word):
    assert_not_tagged(sentence, word)
