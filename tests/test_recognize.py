"""Recognition: which stretches of text are temporal mentions, their TimeBank spans and kinds,
before any resolution. Spans leave out prepositions ("on Friday" → "Friday")."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.tagger.lexicon.rules import RULES as RULE_RECORDS
from timeline.tagger.recognize import GUARDS, recognize

DATELINE = date(2020, 1, 6)  # a Monday


def spans(text: str) -> list[tuple[str, str]]:
    """(surface, kind) of every mention in `text`, in order."""
    return [(m.text, m.kind) for m in recognize(text)]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        pytest.param("Soleimani was killed on Friday.", "Friday", "weekday",
                     id="weekday-without-its-preposition"),
        pytest.param("The strike was ordered on December 29, 2019, officials said.",
                     "December 29, 2019", "date", id="month-day-year-is-one-mention"),
        pytest.param("The talks resume on Tuesday, Jan. 7.", "Tuesday, Jan. 7", "date",
                     id="weekday-and-date-are-one-mention"),
        pytest.param("Rockets hit the base in March.", "March", "month", id="month-after-in"),
        pytest.param("Iraq was isolated in the 1990s.", "the 1990s", "decade", id="decade"),
        pytest.param("Prices were low in the '90s.", "the '90s", "decade", id="short-decade"),
        pytest.param("Revenue fell in Q3.", "Q3", "quarter", id="q3"),
        pytest.param("Profit rose in the third quarter.", "the third quarter", "quarter",
                     id="the-third-quarter"),
        pytest.param("Apple reported the third-quarter results.", "third-quarter", "quarter",
                     id="adjectival-quarter-leaves-out-the"),
        pytest.param("Protests raged for the past five months.", "the past five months",
                     "duration", id="the-past-n-units-keeps-the-past"),
        pytest.param("The embassy was stormed two days ago.", "two days ago", "ago",
                     id="ago-keeps-its-signal"),
        pytest.param("On March 3 the ship was seized. The next day, it sailed.", "The next day",
                     "anaphoric", id="anaphoric-day"),
        pytest.param("The council meets every Monday.", "every Monday", "set", id="every-weekday"),
        pytest.param("The market closed at 3:30 p.m. EST.", "3:30 p.m. EST", "clock",
                     id="clock-keeps-its-zone"),
        pytest.param("Shops close early on Christmas Eve.", "Christmas Eve", "holiday",
                     id="holiday"),
        pytest.param("Shares closed lower on the 29th.", "the 29th", "ordinal_day",
                     id="ordinal-day"),
        pytest.param("Tensions have risen recently.", "recently", "reference", id="reference"),
        pytest.param("Sales rose in fiscal 2020.", "fiscal 2020", "year", id="fiscal-year"),
        pytest.param("Tensions rose in mid-2019.", "mid-2019", "year", id="mid-year"),
        pytest.param("Oil prices jumped last week.", "last week", "relative_unit",
                     id="last-week"),
        pytest.param("Today's vote split the parliament.", "Today", "relative_day",
                     id="relative-day-before-possessive"),
    ],
)  # fmt: skip
def test_mention_has_the_timebank_span_and_kind(text, surface, kind):
    assert (surface, kind) in spans(text)


def test_mention_offsets_index_the_text():
    text = "Iraq's parliament voted on Monday, two days after the strike of Jan. 3."
    mentions = list(recognize(text))
    assert [m.text for m in mentions] == ["Monday", "two days", "Jan. 3"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_mentions_come_in_order_and_never_overlap():
    text = (
        "On Dec. 29, 2019, at 8 p.m., U.S. jets struck. Two days later, on Dec. 31, crowds "
        "stormed the embassy; the next day they left. Talks are due in the first half of 2020."
    )
    mentions = list(recognize(text))
    assert len(mentions) >= 5
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start


def test_date_fields_are_parsed_from_the_words():
    (m,) = recognize("The strike was ordered on Dec. 29, 2019.")
    assert (m.fields.month, m.fields.day, m.fields.year) == ("Dec.", "29", "2019")
    assert m.rule == "month_day_year"


def test_quantity_before_an_event_is_a_duration_cut_before_the_signal():
    (m,) = recognize("The troops left two days before the vote.")
    assert (m.text, m.kind, m.rule) == ("two days", "duration", "event_relative")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Officials may respond with sanctions.", id="may-modal"),
        pytest.param("Theresa May spoke to parliament.", id="may-surname"),
        pytest.param("Ministers will march on the capital.", id="march-verb"),
        pytest.param("The 11th Circuit upheld the ruling.", id="ordinal-court"),
        pytest.param("The 82nd Airborne was deployed.", id="ordinal-division"),
        pytest.param("Prices rose 2019 percent.", id="number-before-percent"),
        pytest.param("The fund lost $2019 in fees.", id="dollar-amount"),
        pytest.param("Jan Koum founded WhatsApp.", id="jan-first-name"),
        pytest.param("The Sun reported it.", id="sun-newspaper"),
    ],
)
def test_words_that_only_look_like_times_are_not_mentions(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Maybe the Decemberists played Augustine with the Marching band.",
                     id="month-names-inside-longer-words"),
        pytest.param("The noonday heat was nowhere near its peak.", id="clock-words-inside-words"),
        pytest.param("A2020-01-06B", id="iso-date-glued-to-letters"),
    ],
)  # fmt: skip
def test_time_words_inside_longer_words_are_not_mentions(text):
    assert spans(text) == []


def test_recognize_is_lazy_and_handles_empty_text():
    assert list(recognize("")) == []
    assert next(recognize("It happened yesterday.")).text == "yesterday"


# --- every rule's example: the rule finds it, and it resolves to the example's value ----------------
RULE_EXAMPLES = [pytest.param(r, id=r.name) for r in RULE_RECORDS]


@pytest.mark.parametrize("record", RULE_EXAMPLES)
def test_each_rule_finds_its_example_and_it_resolves_to_the_example_value(record):
    example = record.example
    at = example.sentence.index(example.text)
    timexes = [t for t in timeline.tag(example.sentence, DATELINE) if t.start == at]
    assert timexes, f"{example.text!r} not tagged in {example.sentence!r}"
    (t,) = timexes
    assert (t.text, t.rule, t.type, t.value) == (
        example.text, record.name, example.type, example.value,
    )  # fmt: skip


def test_every_rule_has_a_guard_and_a_unique_name():
    assert len({r.name for r in RULE_RECORDS}) == len(RULE_RECORDS)
    assert {r.guard for r in RULE_RECORDS} <= set(GUARDS)


def test_a_mentions_parts_built_fast_equal_the_dataclass_and_refuse_unknown_parts():
    from timeline.tagger.said import Said, said_of

    parts = {"month": "Dec.", "day": "29", "year": "2019", "vague": True}
    assert said_of(parts) == Said(**parts) and hash(said_of(parts)) == hash(Said(**parts))
    assert said_of(parts).weekday is None  # a part not given is the class's default
    with pytest.raises(TypeError, match="no part colour"):
        said_of({"colour": "red"})
