"""Ranges and coordinated expressions: "the 2004-05 season", "from 1991 to 1997", "April 24 and
25", "between 12 and 18 months".

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, extent: each end of a range is a
TIMEX3 of its own and the word between them ("to", "and", "-") is a SIGNAL, not part of either;
an end written short ("-05", "and 25") takes what it leaves out from the first end, and the two
ends lie in order within a year ("from Dec. 28 to Jan. 12" in January is the December gone by). A quantity
range before one unit ("two to three weeks") is one DURATION, as TimeBank writes it.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

MIDSUMMER = date(2021, 7, 15)  # a Thursday

CASES = [
    case("He starred for Arsenal in the 2004-05 season.", "2004", "DATE", "2004",
         id="season-range-first-year"),
    case("He starred for Arsenal in the 2004-05 season.", "05", "DATE", "2005",
         id="season-range-short-end-takes-the-century"),
    case("The budget for fiscal 1998-99 was cut.", "fiscal 1998", "DATE", "1998",
         id="fiscal-range"),
    case("The budget for fiscal 1998-99 was cut.", "99", "DATE", "1999", id="fiscal-range-end"),
    case("The league folded after the 1999-2000 season.", "2000", "DATE", "2000",
         id="range-across-the-century"),
    case("Output grew every year from 1991-97.", "97", "DATE", "1997", id="range-of-years"),
    case("He was arrested at least twice from 1991 to 1997.", "1991", "DATE", "1991",
         id="from-to-first"),
    case("He was arrested at least twice from 1991 to 1997.", "1997", "DATE", "1997",
         id="from-to-second"),
    case("Clinics were bombed between 1994 and 1997.", "1997", "DATE", "1997", id="between-and"),
    case("NATO leaders meet in Washington on April 24 and 25.", "April 24", "DATE", "2020-04-24",
         id="coordinated-days-first"),
    case("NATO leaders meet in Washington on April 24 and 25.", "25", "DATE", "2020-04-25",
         id="coordinated-days-second-takes-the-month"),
    case("The Fed meets on Jan. 28-29 to set rates.", "29", "DATE", "2020-01-29",
         id="day-range-second-day"),
    case("The plant will resume shipments within two to three weeks.", "two to three weeks",
         "DURATION", "P2W", id="quantity-range-is-one-duration"),
    case("The loan is repaid over 12 or 18 months.", "12 or 18 months", "DURATION", "P12M",
         id="quantity-alternatives-are-one-duration"),
    # the two ends in order, within a year: an end whose year was chosen moves to its other end
    case("The state of emergency runs from Dec. 28 to Jan. 12.", "Dec. 28", "DATE", "2019-12-28",
         id="a-start-before-its-end"),
    case("The ban applies from 1 August to 31 December.", "31 December", "DATE", "2021-12-31",
         id="an-end-after-its-start", dct=MIDSUMMER),
    case("The survey was conducted between June and August last year.", "June", "DATE", "2020-06",
         id="a-start-takes-the-year-of-its-end", dct=MIDSUMMER),
    case("The exhibition runs from Monday to Friday.", "Friday", "DATE", "2021-07-23",
         id="a-weekday-range-ahead", dct=MIDSUMMER),
    case("Protests ran from Monday to Friday.", "Monday", "DATE", "2021-07-05",
         id="a-weekday-range-gone-by", dct=MIDSUMMER),
    case("A frost warning is in effect from 2 a.m. to 9 a.m. Sunday.", "2 a.m.", "TIME",
         "2021-07-18T02:00", id="a-clock-range-takes-the-day-of-its-end", dct=MIDSUMMER),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_each_end_of_a_range_is_its_own_timex(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("Liverpool won the match 2-1 on Saturday.", "1", id="score"),
        pytest.param("Call 555-1998 or 2019-12 on Friday.", "1998", id="phone-number"),
        pytest.param("The unit fell 4% on March 3 and 4 others rose.", "4 others",
                     id="a-count-after-a-date-is-no-day"),
    ],
)  # fmt: skip
def test_numbers_beside_a_range_are_not_times(sentence, word):
    assert_not_tagged(sentence, word)
