"""Periods named from the dateline without a number: "the last week", "the past year", "the end
of year", "recent", and periods post-modified into one expression ("the same month a year ago",
"the last week of March", "the year previous").

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, values of relative (anchored)
DATEs: "the past year" / "last year" are the calendar unit before the one holding the document
creation time, with the value of that unit (TimeBank annotates all four of its cases so);
"recent" is PAST_REF; boundary words give mod START / MID / END on the unit's value; the extent
takes in the post-modifier that places the period ("the same month a year ago"), so it is one
TIMEX3 whose value is the period itself.
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case, timex_of

CASES = [
    case("Prices have doubled over the past year.", "the past year", "DATE", "2019",
         id="the-past-year-is-last-calendar-year"),
    case("Oil has risen 4 percent in the past week.", "the past week", "DATE", "2020-W01",
         id="the-past-week"),
    case("He has been in hospital for the last month.", "the last month", "DATE", "2019-12",
         id="the-last-month"),
    case("Wages lost ground to inflation in the last decade.", "the last decade", "DATE", "201",
         id="the-last-decade"),
    case("The books close at the end of year.", "the end of year", "DATE", "2020",
         id="the-end-of-year-without-the"),
    case("The plant will be sold by end of year.", "end of year", "DATE", "2020",
         id="end-of-year-without-article"),
    case("Bonuses are paid at the end-of-year meeting.", "end-of-year", "DATE", "2020",
         id="end-of-year-adjective"),
    case("Results are due at the end of the quarter.", "the end of the quarter", "DATE",
         "2020-Q1", id="the-end-of-the-quarter"),
    case("The recent rally faded on Friday.", "recent", "DATE", "PAST_REF", id="recent"),
    case("The fine follows a recent SEC filing.", "recent", "DATE", "PAST_REF",
         id="recent-before-a-name"),
    case("Exports fell 4% from the same month a year ago.", "the same month a year ago", "DATE",
         "2019-01", id="the-same-month-a-year-ago"),
    case("Traffic rose from the same week last year.", "the same week last year", "DATE",
         "2019-W02", id="the-same-week-last-year"),
    case("Exports collapsed in the last week of March.", "the last week of March", "DATE",
         "2019-W13", id="the-last-week-of-march"),
    case("Shipments resume in the first week of May 2020.", "the first week of May 2020",
         "DATE", "2020-W19", id="the-first-week-of-a-month-and-year"),
    case("Profit fell in 1997 after a surge the year previous.", "the year previous", "DATE",
         "1996", id="the-year-previous"),
    case("Profit fell in 1997 after a surge the year before.", "the year before", "DATE",
         "1996", id="the-year-before"),
    # "financial" for "fiscal", as British and Wikinews English write it
    case("Mac sales rose 22 percent in the last financial quarter.",
         "the last financial quarter", "DATE", "2019-Q4", id="the-last-financial-quarter"),
    case("Results for the last financial year were strong.", "the last financial year", "DATE",
         "2019", id="the-last-financial-year"),
    # a plural unit with a direction and no number: a vague past or future
    case("It doesn't bode well for coming quarters.", "coming quarters", "DATE", "FUTURE_REF",
         id="coming-quarters"),
    case("Funds may have to sell in the weeks ahead.", "the weeks ahead", "DATE", "FUTURE_REF",
         id="the-weeks-ahead"),
    case("There were sell programs in past years, too.", "past years", "DATE", "PAST_REF",
         id="past-years"),
    case("Control Data, which just months ago was losing money, rose.", "months ago", "DATE",
         "PAST_REF", id="months-ago"),
    case("International Women's Day is this coming Sunday.", "this coming Sunday", "DATE",
         "2020-01-12", id="this-coming-weekday"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_period_named_from_the_dateline_has_the_value_of_that_period(
    sentence, text, type_, value, dct
):
    assert_case(sentence, text, type_, value, dct)


def test_the_end_of_year_ends_the_year():
    assert timex_of("The books close at the end of year.", "the end of year").mod == "END"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The current account deficit widened on Friday.", "current",
                     id="the-current-account"),
        pytest.param("It was the most recent.", "recent", id="recent-alone-at-the-end"),
    ],
)  # fmt: skip
def test_reference_words_that_are_no_time_here_are_not_tagged(sentence, word):
    assert_not_tagged(sentence, word)
