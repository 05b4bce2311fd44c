"""Comparison periods follow the story: "the same period last year" is the quarter in an
earnings story and the month in a monthly sales report; "a year ago" is the period reported on.

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, anchored DATEs (temporalFunction,
anchorTimeID): a comparison is anchored on the period under discussion, not on the document
creation time, and its value has that period's granularity (1988-Q3 for a quarter, 2018-12 for
a month).
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_corpus import CASE_FIELDS, assert_case, case

LATE_JANUARY = date(2020, 1, 20)  # a Monday, when fourth-quarter results come out

EARNINGS = (
    "Acme said third-quarter profit rose 12 percent. Sales climbed 5 percent from the same "
    "period last year."
)
MONTHLY = (
    "Retail sales rose 3 percent in December, the bureau said. Sales were up 5 percent from "
    "the same period last year."
)
MONTHLY_A_YEAR_AGO = "Car sales in November fell 4 percent from a year ago, dealers said."
MONTH_THEN_A_YEAR_AGO = (
    "Car sales in November fell 4 percent. Dealers had known of the problem as early as a year ago."
)
MONTH_THEN_QUARTER = (
    "In October the company cut 300 jobs. Fourth-quarter profit, reported on Monday, fell "
    "from a year ago."
)

CASES = [
    case(EARNINGS, "the same period last year", "DATE", "2018-Q3",
         id="earnings-story-compares-quarters"),
    case(MONTHLY, "the same period last year", "DATE", "2018-12",
         id="monthly-report-compares-months"),
    case(MONTHLY_A_YEAR_AGO, "a year ago", "DATE", "2018-11", id="a-year-ago-the-month"),
    case(MONTH_THEN_A_YEAR_AGO, "a year ago", "DATE", "2019",
         id="a-year-ago-that-compares-nothing-counts-from-the-dateline"),
    case(MONTH_THEN_QUARTER, "a year ago", "DATE", "2018-Q4",
         id="a-quarter-outranks-an-earlier-month", dct=LATE_JANUARY),
    case("Exports fell 4% from the same month a year ago.", "the same month a year ago", "DATE",
         "2019-01", id="the-same-month-is-the-datelines-without-a-story-month"),
    case("Profit rose 5% in the third quarter from the prior-year period.",
         "the prior-year period", "DATE", "2018-Q3", id="the-prior-year-period"),
    case("Fourth-quarter revenue rose 3% from the previous quarter.", "the previous quarter",
         "DATE", "2019-Q3", id="the-previous-quarter-is-before-the-one-reported"),
    case("JPMorgan will report fourth-quarter results on Jan. 14.", "fourth-quarter", "DATE",
         "2019-Q4", id="fourth-quarter-results-in-january-are-the-quarter-just-ended"),
    case("The STOXX 600 rose 0.9% this week and ended the quarter up 12%.", "the quarter", "DATE",
         "2019-Q1", id="the-quarter-ending-in-days-is-the-datelines", dct=date(2019, 3, 30)),
    case("Economists expect growth to pick up in the second half.", "the second half", "DATE",
         "2019-H2", id="a-half-ahead-in-march-is-this-years", dct=date(2019, 3, 30)),
    case("Treasurer Frydenberg said the June quarter showed strong growth.", "the June quarter",
         "DATE", "2019-Q2", id="the-quarter-ending-in-june"),
    case("Tata reported a 28.5% rise in net profit for the April-June quarter.",
         "the April-June quarter", "DATE", "2019-Q2", id="a-quarter-named-by-its-months"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_comparison_period_has_the_granularity_of_the_reported_period(
    sentence, text, type_, value, dct
):
    assert_case(sentence, text, type_, value, dct)
