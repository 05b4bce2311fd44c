"""What the TIMEX3 corpus modules (`tests/test_timex_*.py`) share: the pinned dateline, a case
written as surface + dateline → value, and the checks. Each module follows one class of the
TimeML Annotation Guidelines 1.2.1 (§2.2, TIMEX3) and names it in its docstring."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.tagger.timex import Timex

DATELINE = date(2020, 1, 6)  # a Monday


def case(sentence: str, text: str, type_: str, value: str, id: str, dct: date = DATELINE):
    """One corpus case: in `sentence` filed on `dct`, `text` is a TIMEX3 of `type_` and `value`."""
    return pytest.param(sentence, text, type_, value, dct, id=id)


def found(sentence: str, dct: date = DATELINE) -> list[tuple[str, str, str]]:
    """(text, type, value) of every timex in `sentence`, for assertion messages."""
    return [(t.text, t.type, t.value) for t in timeline.tag(sentence, dct)]


def timex_of(sentence: str, text: str, dct: date = DATELINE) -> Timex:
    """The first timex whose span is exactly `text` (spans are exact: "Friday", not "on Friday")."""
    matches = [t for t in timeline.tag(sentence, dct) if t.text == text]
    assert matches, f"{text!r} not tagged in {sentence!r}; got {found(sentence, dct)}"
    assert sentence[matches[0].start : matches[0].end] == text
    return matches[0]


def assert_case(sentence: str, text: str, type_: str, value: str, dct: date) -> None:
    t = timex_of(sentence, text, dct)
    assert (t.type, t.value) == (type_, value), f"{text!r}: got {(t.type, t.value)}"


def assert_not_tagged(sentence: str, word: str, dct: date = DATELINE) -> None:
    """No timex overlaps `word` (its first occurrence in `sentence`)."""
    at = sentence.index(word)
    overlapping = [
        t for t in timeline.tag(sentence, dct) if t.start < at + len(word) and at < t.end
    ]
    assert not overlapping, found(sentence, dct)


CASE_FIELDS = ("sentence", "text", "type_", "value", "dct")
