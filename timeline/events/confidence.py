"""How sure a row's date is: the tagger's confidence, times the trust in what it was resolved from."""

from __future__ import annotations

# How far a relative expression is trusted, by where the dateline it was resolved against came
# from; absolute dates ("December 29, 2019") do not depend on it.
DATELINE_TRUST: dict[str, float] = {
    "explicit": 1.0,
    "metadata": 1.0,
    "dateline": 1.0,
    "filename": 0.9,
    "inferred": 0.6,
}


# An event dated from another event ("a day after ...") is less sure than its anchor.
EVENT_RELATIVE_TRUST = 0.8
# A past-tense event dated by the story it continues ("Yesterday ... Jobs unveiled ...").
STORY_TRUST = 0.7
# A fact dated by when it was said (", the board said on Monday") may have happened before.
SAID_TRUST = 0.8
# An event with no date of its own is put on the day the article reported it; measured on the
# SemEval-2015 trial timelines, that is the gold date for 60 of 95 such events.
REPORTED_CONFIDENCE = 0.63


def row_confidence(timex_confidence: float, anchor: str, dct_source: str) -> float:
    """The tagger's confidence, times the dateline's trust when the value was resolved from it."""
    trust = DATELINE_TRUST.get(dct_source, 0.8) if anchor not in ("none", "") else 1.0
    return round(timex_confidence * trust, 3)
