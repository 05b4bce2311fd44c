"""Years written with an apostrophe or after FY: "since '82", "the '96 election", "the class of
'05", "the FY20 budget".

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, DATE values of year granularity:
the value is the full four-digit year (YYYY), its century taken from the document creation time
(the dateline's century, unless that puts it more than ten years ahead, then the one before); an
apostrophe before two digits followed by "s" is a decade ("the '90s"), not a year.
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("Nothing like it has been seen since '82, officials said.", "'82", "DATE", "1982",
         id="since-82"),
    case("He voted for Perot in the '96 election.", "'96", "DATE", "1996", id="the-96-election"),
    case("She graduated with the class of '05.", "'05", "DATE", "2005", id="class-of-05"),
    case("Tickets for the '24 games sold out in minutes.", "'24", "DATE", "2024",
         id="a-few-years-ahead-is-this-century"),
    case("Prices were low in the '90s.", "the '90s", "DATE", "199", id="a-decade-is-no-year"),
    case("The agency's budget for FY20 was cut.", "FY20", "DATE", "2020", id="fy-and-two-digits"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_an_apostrophe_year_takes_its_century_from_the_dateline(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("He said '45 percent' on Friday.", "'45", id="quoted-percent"),
        pytest.param("'98 bottles,' she sang on Friday.", "'98", id="quote-mark-at-sentence-start"),
    ],
)  # fmt: skip
def test_an_apostrophe_before_digits_with_no_date_context_is_no_year(sentence, word):
    assert_not_tagged(sentence, word)
