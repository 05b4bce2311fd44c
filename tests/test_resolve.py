"""The resolver's pure functions: calendar arithmetic, value shapes and their intervals, numbers,
holidays, clock times, and the per-kind resolvers against a dateline or an earlier date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.recognize import recognize
from timeline.resolve import (
    Context,
    clock_value,
    duration_value,
    holiday_date,
    interval_of,
    nearest,
    parse_number,
    ref_of,
    resolve,
    resolve_ago,
    resolve_anaphoric,
    resolve_month,
    resolve_ordinal_day,
    resolve_weekday,
    shift,
    spelled_year,
    value_of,
    weekday_date,
)
from timeline.tense import FUTURE, PAST, Tense

DATELINE = date(2020, 1, 6)  # a Monday


# --- shift --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "amount", "unit", "expected"),
    [
        pytest.param(date(2019, 12, 31), 1, "day", date(2020, 1, 1), id="day-across-year-end"),
        pytest.param(date(2020, 3, 1), -1, "day", date(2020, 2, 29), id="day-back-into-leap-day"),
        pytest.param(date(2020, 1, 6), -1, "week", date(2019, 12, 30), id="week-back"),
        pytest.param(date(2020, 1, 6), 1, "fortnight", date(2020, 1, 20), id="fortnight"),
        pytest.param(date(2020, 1, 31), 1, "month", date(2020, 2, 29), id="month-end-leap-year"),
        pytest.param(date(2019, 1, 31), 1, "month", date(2019, 2, 28), id="month-end-common-year"),
        pytest.param(date(2020, 3, 31), -1, "month", date(2020, 2, 29), id="month-back-clamped"),
        pytest.param(date(2019, 12, 15), 1, "month", date(2020, 1, 15), id="month-across-year"),
        pytest.param(date(2019, 11, 30), 1, "quarter", date(2020, 2, 29), id="quarter-clamped"),
        pytest.param(date(2020, 2, 29), 1, "year", date(2021, 2, 28), id="leap-day-plus-year"),
        pytest.param(date(2020, 2, 29), -4, "year", date(2016, 2, 29), id="leap-day-to-leap-day"),
        pytest.param(date(2020, 1, 6), -1, "decade", date(2010, 1, 6), id="decade"),
        pytest.param(date(2020, 1, 6), -1, "century", date(1920, 1, 6), id="century"),
    ],
)
def test_shift_moves_by_calendar_units_clamping_to_month_length(day, amount, unit, expected):
    assert shift(day, amount, unit) == expected


def test_shift_refuses_a_unit_it_does_not_know():
    with pytest.raises(ValueError):
        shift(DATELINE, 1, "fortnite")


# --- value_of -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "granularity", "value"),
    [
        pytest.param(date(2020, 1, 3), "day", "2020-01-03", id="day"),
        pytest.param(date(2020, 1, 6), "week", "2020-W02", id="week"),
        pytest.param(date(2020, 12, 31), "week", "2020-W53", id="dec-31-2020-is-w53"),
        pytest.param(date(2021, 1, 3), "week", "2020-W53", id="jan-3-2021-is-still-2020-w53"),
        pytest.param(date(2019, 12, 30), "week", "2020-W01", id="dec-30-2019-is-2020-w01"),
        pytest.param(date(2020, 1, 11), "weekend", "2020-W02-WE", id="weekend"),
        pytest.param(date(2020, 1, 31), "month", "2020-01", id="month"),
        pytest.param(date(2020, 8, 15), "quarter", "2020-Q3", id="quarter"),
        pytest.param(date(2020, 12, 31), "quarter", "2020-Q4", id="last-day-of-q4"),
        pytest.param(date(2020, 7, 1), "half", "2020-H2", id="half"),
        pytest.param(date(2020, 6, 30), "half", "2020-H1", id="last-day-of-h1"),
        pytest.param(date(2020, 1, 6), "year", "2020", id="year"),
        pytest.param(date(1995, 6, 1), "decade", "199", id="decade"),
        pytest.param(date(1995, 6, 1), "century", "19", id="century"),
        pytest.param(date(776, 1, 1), "year", "0776", id="year-padded-to-four-digits"),
    ],
)
def test_value_of_is_the_timex3_value_of_the_unit_holding_the_day(day, granularity, value):
    assert value_of(day, granularity) == value


# --- interval_of ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        pytest.param("2020-01-03", datetime(2020, 1, 3), datetime(2020, 1, 4), id="day"),
        pytest.param("2020-02-28", datetime(2020, 2, 28), datetime(2020, 2, 29), id="leap-feb"),
        pytest.param("2020-01", datetime(2020, 1, 1), datetime(2020, 2, 1), id="month"),
        pytest.param("2019-12", datetime(2019, 12, 1), datetime(2020, 1, 1), id="december"),
        pytest.param("2020-W02", datetime(2020, 1, 6), datetime(2020, 1, 13), id="week"),
        pytest.param("2020-W53", datetime(2020, 12, 28), datetime(2021, 1, 4), id="week-53"),
        pytest.param("2020-W02-WE", datetime(2020, 1, 11), datetime(2020, 1, 13), id="weekend"),
        pytest.param("2020-Q3", datetime(2020, 7, 1), datetime(2020, 10, 1), id="quarter"),
        pytest.param("2020-Q4", datetime(2020, 10, 1), datetime(2021, 1, 1), id="q4"),
        pytest.param("2020-H1", datetime(2020, 1, 1), datetime(2020, 7, 1), id="half"),
        pytest.param("2019-SU", datetime(2019, 6, 1), datetime(2019, 9, 1), id="summer"),
        pytest.param("2019-WI", datetime(2019, 12, 1), datetime(2020, 3, 1), id="winter"),
        pytest.param("2020", datetime(2020, 1, 1), datetime(2021, 1, 1), id="year"),
        pytest.param("199", datetime(1990, 1, 1), datetime(2000, 1, 1), id="decade"),
        pytest.param("19", datetime(1900, 1, 1), datetime(2000, 1, 1), id="century"),
        pytest.param("2020-01-03TNI", datetime(2020, 1, 3, 20), datetime(2020, 1, 4, 6),
                     id="night-runs-past-midnight"),
        pytest.param("2020-01-03TMO", datetime(2020, 1, 3, 6), datetime(2020, 1, 3, 12),
                     id="morning"),
        pytest.param("2020-01-03T15:30", datetime(2020, 1, 3, 15, 30),
                     datetime(2020, 1, 3, 15, 31), id="minute"),
        pytest.param("2020-01-03T20", datetime(2020, 1, 3, 20), datetime(2020, 1, 3, 21),
                     id="hour"),
    ],
)  # fmt: skip
def test_interval_of_is_the_half_open_span_of_each_value_shape(value, start, end):
    assert interval_of(value) == (start, end)


@pytest.mark.parametrize(
    "value",
    ["P3D", "PXY", "PAST_REF", "PRESENT_REF", "XXXX-WXX-1", "XXXX-12", "2020-13", "2019-02-30", ""],
)
def test_interval_of_is_none_for_durations_sets_vague_and_impossible_values(value):
    assert interval_of(value) == (None, None)


# --- numbers, durations, spelled years ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("three", 3), ("twenty-four", 24), ("twenty four", 24), ("1,000", 1000), ("48", 48),
        ("2.5", 2.5), ("a couple of", 2), ("a dozen", 12), ("two hundred", 200),
        ("five thousand", 5000), ("half a", 0.5), ("an", 1), ("  Three ", 3),
    ],
)  # fmt: skip
def test_parse_number_reads_digits_and_number_words(words, number):
    assert parse_number(words) == number


@pytest.mark.parametrize("words", ["several", "a few", "many", "some", "banana", "twenty-lots"])
def test_parse_number_is_none_for_vague_or_unknown_amounts(words):
    assert parse_number(words) is None


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "year", "P3Y"), (5, "month", "P5M"), (2, "week", "P2W"), (3, "day", "P3D"),
        (48, "hour", "PT48H"), (90, "minute", "PT90M"), (1, "decade", "P10Y"),
        (1, "century", "P100Y"), (1, "fortnight", "P2W"), (1, "quarter", "P3M"),
        (2, "weekend", "P4D"), (1.5, "year", "P1Y6M"), (0.5, "day", "PT12H"),
        (2.5, "year", "P2Y6M"), (5.5, "hour", "PT5H30M"), (1.5, "minute", "PT1M30S"),
        (1.5, "day", "P1DT12H"), (0.5, "year", "P6M"),
        (None, "day", "PXD"), (None, "year", "PXY"), (None, "decade", "PXY"),
    ],
)  # fmt: skip
def test_duration_value_is_an_iso_period(amount, unit, value):
    assert duration_value(amount, unit) == value


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen ninety-six", 1996), ("nineteen ninety six", 1996), ("nineteen oh five", 1905),
        ("eighteen twelve", 1812), ("two thousand", 2000), ("two thousand one", 2001),
        ("two thousand and one", 2001), ("twenty twenty", 2020), ("Nineteen Eighty-Four", 1984),
    ],
)  # fmt: skip
def test_spelled_year_reads_years_said_in_words(words, year):
    assert spelled_year(words) == year


@pytest.mark.parametrize("words", ["nineteen", "hello world", "nineteen hundred thousand"])
def test_spelled_year_is_none_for_words_that_are_not_a_year(words):
    assert spelled_year(words) is None


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
        pytest.param(5, None, PAST, date(2020, 1, 3), id="past-friday-is-the-one-before"),
        pytest.param(5, None, FUTURE, date(2020, 1, 10), id="future-friday-is-the-one-after"),
        pytest.param(1, None, PAST, date(2020, 1, 6), id="past-monday-is-the-dateline"),
        pytest.param(7, None, PAST, date(2020, 1, 5), id="past-sunday-is-yesterday"),
        pytest.param(2, None, FUTURE, date(2020, 1, 7), id="future-tuesday-is-tomorrow"),
        pytest.param(1, -1, PAST, date(2019, 12, 30), id="last-monday-is-a-week-back"),
        pytest.param(1, 1, FUTURE, date(2020, 1, 13), id="next-monday-is-a-week-ahead"),
        pytest.param(5, 0, PAST, date(2020, 1, 10), id="this-friday-is-in-the-dateline-week"),
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
        pytest.param(MARCHES, FUTURE, date(2020, 3, 1), id="future-march-is-this-years"),
        pytest.param(MARCHES, PAST, date(2020, 3, 1),
                     id="past-march-beyond-reach-falls-back-to-the-closest"),
        pytest.param(NOVEMBERS, PAST, date(2019, 11, 1), id="past-november-is-two-months-back"),
        pytest.param(NOVEMBERS, FUTURE, date(2019, 11, 1),
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
    past = resolve_weekday(friday, Context(DATELINE), PAST)
    future = resolve_weekday(friday, Context(DATELINE), FUTURE)
    assert (past.value, past.anchor, past.anchor_value) == ("2020-01-03", "dateline", "2020-01-06")
    assert future.value == "2020-01-10"


def test_resolve_weekday_without_a_dateline_is_any_such_weekday():
    r = resolve_weekday(mention("Friday morning"), Context(None), PAST)
    assert (r.type, r.value, r.anchor) == ("TIME", "XXXX-WXX-5TMO", "none")


def test_resolve_anaphoric_counts_from_the_last_date_not_the_dateline():
    r = resolve_anaphoric(mention("the next day"), Context(DATELINE, STORY_DAY), PAST)
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
    assert resolve_anaphoric(mention(text), Context(DATELINE, STORY_DAY), PAST).value == value


def test_resolve_anaphoric_with_nothing_to_point_to_is_none():
    assert resolve_anaphoric(mention("the next day"), Context(None), PAST) is None


def test_resolve_ago_counts_ago_from_the_dateline_even_inside_a_story():
    r = resolve_ago(mention("two days ago"), Context(DATELINE, STORY_DAY), PAST)
    assert (r.value, r.anchor) == ("2020-01-04", "dateline")


def test_resolve_ago_counts_later_from_the_story():
    r = resolve_ago(mention("two days later"), Context(DATELINE, STORY_DAY), PAST)
    assert (r.value, r.anchor, r.anchor_value) == ("2019-03-05", "expression", "2019-03-03")


def test_resolve_ago_with_a_vague_amount_is_a_past_reference():
    assert resolve_ago(mention("several years ago"), Context(DATELINE), PAST).value == "PAST_REF"


def test_resolve_month_without_a_dateline_keeps_the_month_only():
    r = resolve_month(mention("in December"), Context(None), PAST)
    assert (r.value, r.anchor) == ("XXXX-12", "none")


def test_resolve_ordinal_day_takes_month_and_year_from_the_story():
    story_month = ref_of(date(2019, 3, 1), "month")
    r = resolve_ordinal_day(mention("the 29th"), Context(DATELINE, story_month), PAST)
    assert (r.value, r.anchor) == ("2019-03-29", "expression")


def test_resolve_ordinal_day_in_the_past_before_its_day_is_last_month():
    r = resolve_ordinal_day(mention("the 29th"), Context(DATELINE), PAST)
    assert (r.value, r.anchor) == ("2019-12-29", "dateline")


def test_resolve_dispatches_on_the_mention_kind():
    r = resolve(mention("the third quarter of 2018"), Context(DATELINE), PAST)
    assert (r.type, r.value, r.granularity) == ("DATE", "2018-Q3", "quarter")
