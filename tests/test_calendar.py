"""Calendar arithmetic: moving by calendar units, the TIMEX3 value of the unit holding a day, and
the interval each value shape denotes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.tagger.calendar import interval_of, shift, value_of

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
