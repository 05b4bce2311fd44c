"""The tense of the clause around a date: it decides whether "Friday" points back or ahead."""

from __future__ import annotations

import pytest

from timeline.tense import FUTURE, PAST, clause_tense


def tense_at(sentence: str, word: str) -> str:
    start = sentence.index(word)
    return clause_tense(sentence, start, start + len(word))


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
    ],
)  # fmt: skip
def test_clause_tense_reads_the_verbs_around_the_date(sentence, word, tense):
    assert tense_at(sentence, word) == tense
