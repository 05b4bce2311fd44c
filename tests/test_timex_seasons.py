"""Seasons without a year: "in spring", "in the fall", "this winter", "during the summer".

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, DATE values with a season: YYYY-SP,
-SU, -FA, -WI, the year being the one the clause's tense points to from the document creation
time (winter YYYY-WI runs from December YYYY); "fall" is a season only where it cannot be the
noun or verb ("in the fall", "this fall", "fall 2019"), never in "the fall of the Wall".
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("Crops failed in spring, farmers said.", "spring", "DATE", "2019-SP",
         id="bare-spring-past"),
    case("The troops will return in spring.", "spring", "DATE", "2020-SP",
         id="bare-spring-future"),
    case("Prices rose in the fall, the ministry said.", "the fall", "DATE", "2019-FA",
         id="in-the-fall-past"),
    case("The school will open in the fall.", "the fall", "DATE", "2020-FA",
         id="in-the-fall-future"),
    case("Snow closed the pass during the summer.", "the summer", "DATE", "2019-SU",
         id="during-the-summer"),
    case("The harvest will be late this autumn.", "late this autumn", "DATE", "2020-FA",
         id="late-this-autumn"),
    case("The election campaign starts in fall 2020.", "fall 2020", "DATE", "2020-FA",
         id="fall-and-year"),
    case("It was the summer of '69, the song says.", "the summer of '69", "DATE", "1969-SU",
         id="season-of-a-short-year"),
    case("Talks began in the spring of last year.", "the spring of last year", "DATE",
         "2019-SP", id="season-of-last-year"),
    case("The Queen will spend the summer at Balmoral.", "the summer", "DATE", "2021-SU",
         id="a-season-under-way-with-a-future-verb", dct=date(2021, 7, 15)),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_season_takes_the_year_its_clause_points_to(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The fall of the Berlin Wall changed Europe.", "fall", id="the-fall-of"),
        pytest.param("The fall in prices hurt farmers on Friday.", "fall", id="a-fall-in-prices"),
        pytest.param("Shares may fall further, traders said.", "fall", id="fall-the-verb"),
        pytest.param("Leaders met during the Arab Spring protests.", "Spring", id="arab-spring"),
        pytest.param("Tourists visited the Summer Palace in Beijing.", "Summer",
                     id="summer-palace"),
    ],
)  # fmt: skip
def test_season_words_that_are_no_season_are_not_tagged(sentence, word):
    assert_not_tagged(sentence, word)
