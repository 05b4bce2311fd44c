"""Property tests: `timeline.tag` never raises and only returns well-formed timexes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.tagger.lexicon.rules import RULES

DCT = date(2020, 1, 6)  # Monday
TYPES = {"DATE", "TIME", "DURATION", "SET"}

# Pieces of temporal language, so that generated texts reach deep into the recognizer.
PIECES = (
    "Monday|friday|next|last|this|week|weeks|month|year|years|ago|later|earlier|in|on|at|since|"
    "until|between|and|from|to|the|of|a|two|twenty-one|first|3rd|31|29|0|12|1999|2020|'90s|"
    "1990s|Jan.|January|Feb|February|Sept.|March|Q3|third quarter|H1|spring|Christmas|Easter|"
    "noon|midnight|morning|tonight|today|yesterday|tomorrow|now|recently|century|decade|every|"
    "daily|per|hours|minutes|3:45|p.m.|a.m.|GMT|2020-01-06|6/1/2020|06.01.2020|T12:00|W02|-|/|"
    ".|,|:|'|(|)|’|—|late|early|mid-|about|nearly|1st|May|may|march|the 1800s|AD|BC|fiscal|1,000"
).split("|") + [" ", "  ", "\n", "\t"]


def assert_valid(text: str, timexes: list) -> None:
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), (t, len(text))
        assert text[t.start : t.end] == t.text
        assert t.value, t
        assert t.type in TYPES, t


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tag_never_raises_on_any_unicode_and_returns_valid_spans(text):
    assert_valid(text, timeline.tag(text, DCT))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join))
def test_tag_never_raises_on_temporal_word_salad_and_returns_valid_spans(text):
    assert_valid(text, timeline.tag(text, DCT))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=25).map("".join))
def test_tag_spans_stay_valid_when_words_run_together_with_random_characters(text):
    assert_valid(text, timeline.tag(text, DCT))


# Datelines at both ends of the calendar: whatever cannot be placed stays unresolved, no raise.
EDGE_DATELINES = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(12, 12, 31)),
    st.dates(min_value=date(9988, 1, 1), max_value=date(9999, 12, 31)),
)
EXAMPLES = [r.example.sentence for r in RULES]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("It ends tomorrow.", date(9999, 12, 31), "XXXX-XX-XX"),
        ("It was yesterday.", date(1, 1, 1), "XXXX-XX-XX"),
        ("It will last into the next century.", date(9999, 1, 1), "XXXX"),
        ("The town was founded a decade ago.", date(5, 6, 1), "PAST_REF"),
        ("Rockets hit the base on Friday.", date(1, 1, 1), "XXXX-WXX-5"),
    ],
)
def test_an_expression_past_the_calendar_edge_keeps_what_its_words_say(text, dct, value):
    (t,) = timeline.tag(text, dct)
    assert (t.value, t.interval_start, t.anchor) == (value, None, "none")
    assert "calendar" in t.explanation


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXAMPLES), EDGE_DATELINES)
def test_every_rule_example_tags_without_raising_against_edge_datelines(text, dct):
    assert_valid(text, timeline.tag(text, dct))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join), EDGE_DATELINES)
def test_tag_never_raises_against_datelines_at_the_calendar_edges(text, dct):
    assert_valid(text, timeline.tag(text, dct))
