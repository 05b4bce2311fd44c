"""The resolver's pure functions: holidays, clock times, and the per-kind resolvers against a
dateline or an earlier date."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.tagger.recognize import recognize
from timeline.tagger.resolve import (
    Context,
    clock_value,
    holiday_date,
    nearest,
    ref_of,
    resolve,
    resolve_ago,
    resolve_anaphoric,
    resolve_month,
    resolve_ordinal_day,
    resolve_weekday,
    weekday_date,
)
from timeline.tagger.tense import FUTURE, PAST, Tense

PAST_TENSE, FUTURE_TENSE = Tense(PAST), Tense(FUTURE)

DATELINE = date(2020, 1, 6)  # a Monday


# --- holidays and clock times ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("Thanksgiving", 2019, date(2019, 11, 28)), ("thanksgiving", 2020, date(2020, 11, 26)),
        ("Memorial Day", 2019, date(2019, 5, 27)), ("Memorial Day", 2020, date(2020, 5, 25)),
        ("Labor Day", 2020, date(2020, 9, 7)), ("Martin Luther King Day", 2020, date(2020, 1, 20)),
        ("Christmas", 2020, date(2020, 12, 25)), ("New Year's Eve", 2019, date(2019, 12, 31)),
        ("Election Day", 2020, date(2020, 11, 3)), ("Election Day", 2016, date(2016, 11, 8)),
    ],
)  # fmt: skip
def test_holiday_date_is_the_holiday_in_that_year(name, year, day):
    assert holiday_date(name, year) == day


def test_holiday_date_is_none_for_an_unknown_holiday():
    assert holiday_date("Festivus Eve", 2020) is None


@pytest.mark.parametrize(
    ("clock", "hhmm"),
    [
        ("8 p.m.", "20:00"), ("8 pm", "20:00"), ("3:30 pm", "15:30"), ("10:15 a.m.", "10:15"),
        ("12 a.m.", "00:00"), ("12 p.m.", "12:00"), ("7 o'clock", "07:00"), ("20:45", "20:45"),
        ("noon", "12:00"), ("midnight", "24:00"), ("Midday", "12:00"),
    ],
)  # fmt: skip
def test_clock_value_is_24_hour_hh_mm(clock, hhmm):
    assert clock_value(clock) == hhmm


@pytest.mark.parametrize("clock", ["25:00", "12:75", "banana", "p.m."])
def test_clock_value_is_none_for_what_is_not_a_clock_time(clock):
    assert clock_value(clock) is None


# --- choosing an occurrence: weekdays and year-less dates ------------------------------------------------
@pytest.mark.parametrize(
    ("weekday", "direction", "tense", "day"),
    [
        pytest.param(5, None, PAST_TENSE, date(2020, 1, 3), id="past-friday-is-the-one-before"),
        pytest.param(5, None, FUTURE_TENSE, date(2020, 1, 10), id="future-friday-is-the-one-after"),
        pytest.param(1, None, PAST_TENSE, date(2020, 1, 6), id="past-monday-is-the-dateline"),
        pytest.param(7, None, PAST_TENSE, date(2020, 1, 5), id="past-sunday-is-yesterday"),
        pytest.param(2, None, FUTURE_TENSE, date(2020, 1, 7), id="future-tuesday-is-tomorrow"),
        pytest.param(1, -1, PAST_TENSE, date(2019, 12, 30), id="last-monday-is-a-week-back"),
        pytest.param(1, 1, FUTURE_TENSE, date(2020, 1, 13), id="next-monday-is-a-week-ahead"),
        pytest.param(5, 0, PAST_TENSE, date(2020, 1, 10), id="this-friday-is-in-the-dateline-week"),
    ],
)
def test_weekday_date_counts_from_the_dateline_by_direction_or_tense(
    weekday, direction, tense, day
):
    assert weekday_date(DATELINE, weekday, direction, tense) == day


MARCHES = [date(2019, 3, 1), date(2020, 3, 1), date(2021, 3, 1)]
NOVEMBERS = [date(2019, 11, 1), date(2020, 11, 1), date(2021, 11, 1)]


@pytest.mark.parametrize(
    ("candidates", "tense", "day"),
    [
        pytest.param(MARCHES, FUTURE_TENSE, date(2020, 3, 1), id="future-march-is-this-years"),
        pytest.param(MARCHES, PAST_TENSE, date(2020, 3, 1),
                     id="past-march-beyond-reach-falls-back-to-the-closest"),
        pytest.param(NOVEMBERS, PAST_TENSE, date(2019, 11, 1), id="past-november-is-two-months-back"),
        pytest.param(NOVEMBERS, FUTURE_TENSE, date(2019, 11, 1),
                     id="future-november-beyond-reach-falls-back-to-the-closest"),
    ],
)  # fmt: skip
def test_nearest_follows_tense_within_reach_else_takes_the_closest(candidates, tense, day):
    assert nearest(candidates, date(2020, 1, 1), tense) == day


def test_nearest_trusts_a_verb_next_to_the_date_beyond_reach():
    assert nearest(MARCHES, date(2020, 1, 1), Tense(PAST, near=True), trust_near=True) == date(
        2019, 3, 1
    )


# --- resolvers: one recognized mention against a context ---------------------------------------------
def mention(text: str):
    """The single mention recognized in `text`."""
    (m,) = list(recognize(text))
    return m


STORY_DAY = ref_of(date(2019, 3, 3), "day")


def test_resolve_weekday_uses_tense_from_the_dateline():
    friday = mention("Friday")
    past = resolve_weekday(friday, Context(DATELINE), PAST_TENSE)
    future = resolve_weekday(friday, Context(DATELINE), FUTURE_TENSE)
    assert (past.value, past.anchor, past.anchor_value) == ("2020-01-03", "dateline", "2020-01-06")
    assert future.value == "2020-01-10"


def test_resolve_weekday_without_a_dateline_is_any_such_weekday():
    r = resolve_weekday(mention("Friday morning"), Context(None), PAST_TENSE)
    assert (r.type, r.value, r.anchor) == ("TIME", "XXXX-WXX-5TMO", "none")


def test_resolve_anaphoric_counts_from_the_last_date_not_the_dateline():
    r = resolve_anaphoric(mention("the next day"), Context(DATELINE, STORY_DAY), PAST_TENSE)
    assert (r.value, r.anchor, r.anchor_value) == ("2019-03-04", "expression", "2019-03-03")
    assert r.ref == ref_of(date(2019, 3, 4), "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the following year", "2020"), ("that month", "2019-03"), ("the same day", "2019-03-03"),
        ("the previous week", "2019-W08"), ("the day before", "2019-03-02"),
    ],
)  # fmt: skip
def test_resolve_anaphoric_units_around_the_story_date(text, value):
    assert resolve_anaphoric(mention(text), Context(DATELINE, STORY_DAY), PAST_TENSE).value == value


def test_resolve_anaphoric_with_nothing_to_point_to_is_none():
    assert resolve_anaphoric(mention("the next day"), Context(None), PAST_TENSE) is None


def test_resolve_ago_counts_ago_from_the_dateline_even_inside_a_story():
    r = resolve_ago(mention("two days ago"), Context(DATELINE, STORY_DAY), PAST_TENSE)
    assert (r.value, r.anchor) == ("2020-01-04", "dateline")


def test_resolve_ago_counts_later_from_the_story():
    r = resolve_ago(mention("two days later"), Context(DATELINE, STORY_DAY), PAST_TENSE)
    assert (r.value, r.anchor, r.anchor_value) == ("2019-03-05", "expression", "2019-03-03")


def test_resolve_ago_with_a_vague_amount_is_a_past_reference():
    assert (
        resolve_ago(mention("several years ago"), Context(DATELINE), PAST_TENSE).value == "PAST_REF"
    )


def test_resolve_month_without_a_dateline_keeps_the_month_only():
    r = resolve_month(mention("in December"), Context(None), PAST_TENSE)
    assert (r.value, r.anchor) == ("XXXX-12", "none")


def test_resolve_ordinal_day_takes_month_and_year_from_the_story():
    story_month = ref_of(date(2019, 3, 1), "month")
    r = resolve_ordinal_day(mention("the 29th"), Context(DATELINE, story_month), PAST_TENSE)
    assert (r.value, r.anchor) == ("2019-03-29", "expression")


def test_resolve_ordinal_day_in_the_past_before_its_day_is_last_month():
    r = resolve_ordinal_day(mention("the 29th"), Context(DATELINE), PAST_TENSE)
    assert (r.value, r.anchor) == ("2019-12-29", "dateline")


def test_resolve_dispatches_on_the_mention_kind():
    r = resolve(mention("the third quarter of 2018"), Context(DATELINE), PAST_TENSE)
    assert (r.type, r.value, r.granularity) == ("DATE", "2018-Q3", "quarter")
