"""Days of the month in words, as broadcasts and quoted speech say them: "March eighth", "the
first of May, 2020", "the twenty-first of June".

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, DATE: the extent is the whole date
phrase ("the first of May, 2020"), the value the day (YYYY-MM-DD), a missing year chosen as for
"May 1". An ordinal not followed by "of" and a month is no day.
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("International Women's Day is this coming Sunday, March eighth.", "March eighth",
         "DATE", "2020-03-08", id="month-then-ordinal-word"),
    case("Troops left on the second of January.", "the second of January", "DATE",
         "2020-01-02", id="the-ordinal-of-month"),
    case("The vote is set for the first of May, 2020.", "the first of May, 2020", "DATE",
         "2020-05-01", id="with-year"),
    case("He was born on the twenty-first of June, 1960.", "the twenty-first of June, 1960",
         "DATE", "1960-06-21", id="hyphenated-ordinal"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_day_said_in_words_is_that_day(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The second of the three hearings was held on Friday.", "second",
                     id="ordinal-of-a-noun"),
        pytest.param("The first of the new jets landed on Friday.", "first",
                     id="the-first-of-a-noun"),
    ],
)  # fmt: skip
def test_an_ordinal_without_a_month_is_no_day(sentence, word):
    assert_not_tagged(sentence, word)
