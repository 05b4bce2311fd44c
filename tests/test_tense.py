"""The tense of the clause around a date: it decides whether "Friday" points back or ahead."""

from __future__ import annotations

import pytest

from timeline.tagger.tense import FUTURE, PAST, clause_tense


def tense_at(sentence: str, word: str) -> str:
    """The direction the clause gives `word` (its first occurrence in `sentence`)."""
    start = sentence.index(word)
    return clause_tense(sentence, start, start + len(word)).direction


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        pytest.param("Soleimani was killed in a U.S. strike on Friday.", "Friday", PAST,
                     id="was-killed"),
        pytest.param("The ministry said on Friday that it would respond.", "Friday", PAST,
                     id="said-before-would"),
        pytest.param("Oil prices surged on Thursday.", "Thursday", PAST, id="regular-ed-verb"),
        pytest.param("Wednesday's ruling surprised lawyers.", "Wednesday", PAST,
                     id="possessive-date-has-happened"),
        pytest.param("Mourners in Baghdad on Saturday.", "Saturday", PAST,
                     id="no-verb-defaults-to-past"),
        pytest.param("NATO ambassadors will meet on Friday.", "Friday", FUTURE, id="will"),
        pytest.param("The council is scheduled to meet Thursday.", "Thursday", FUTURE,
                     id="scheduled-to"),
        pytest.param("The funeral is expected to take place on Tuesday.", "Tuesday", FUTURE,
                     id="expected-to"),
        pytest.param("The minister is flying to Moscow on Wednesday.", "Wednesday", FUTURE,
                     id="present-progressive"),
        pytest.param("Iran plans to resume enrichment in March.", "March", FUTURE,
                     id="plans-to"),
        pytest.param("Iran's parliamentary elections will be held in February.", "February",
                     FUTURE, id="will-be-held"),
        pytest.param("Analysts expect margins to improve in the second quarter.",
                     "the second quarter", FUTURE, id="expect-someone-to"),
        pytest.param("The strike killed 12 people. Talks will resume on Friday.", "Friday",
                     FUTURE, id="past-verb-in-the-previous-sentence-does-not-count"),
        pytest.param("Talks will resume soon. The strike killed 12 people on Friday.", "Friday",
                     PAST, id="future-verb-in-the-previous-sentence-does-not-count"),
        pytest.param("Collins will be named commander of the shuttle for a mission in December.",
                     "December", FUTURE, id="participle-after-will-be-is-future"),
        pytest.param("The issue will dominate a NATO summit set for Washington in April.",
                     "April", FUTURE, id="set-for"),
        pytest.param("The multi-party talks are supposed to conclude by May.", "May", FUTURE,
                     id="supposed-to"),
        pytest.param("The dividend is payable Jan. 2 to stock of record Dec. 15.", "Jan. 2", FUTURE,
                     id="payable"),
        pytest.param("Neither he nor his family could be located Wednesday.", "Wednesday", PAST,
                     id="could-be-located-is-past-ability"),
        pytest.param("It had been due to expire Friday evening.", "Friday", PAST,
                     id="had-been-due-to-is-a-plan-gone-by"),
        pytest.param("Hudson's Bay will redeem its preferred shares on Oct. 31.", "Oct. 31", FUTURE,
                     id="adjective-in-ed-is-no-past-verb"),
        pytest.param("Until Thursday, the police had not called him a suspect.", "Thursday", PAST,
                     id="until-with-past-perfect"),
        pytest.param("Revenue was $76 million for the year ended March 31.", "March 31", PAST,
                     id="ended-before-the-date"),
        pytest.param("The carrier has been on patrol since March.", "March", PAST,
                     id="since-before-the-date"),
        pytest.param("Exiles planned a rally on Saturday and were planning to drive to the port.",
                     "Saturday", FUTURE, id="were-planning-to"),
    ],
)  # fmt: skip
def test_clause_tense_reads_the_verbs_around_the_date(sentence, word, tense):
    assert tense_at(sentence, word) == tense
