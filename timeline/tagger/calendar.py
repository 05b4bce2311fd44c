"""Calendar arithmetic: moving a day by calendar units, the TIMEX3 value of the unit holding a day,
and the interval a TIMEX3 value denotes. One implementation for the tagger and the events stage."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import TypeVar

from .lexicon import SEASON_START_MONTH

GRANULARITY_ORDER = ["time", "day", "week", "month", "quarter", "half", "year", "decade", "century"]
# how many days or months one calendar unit spans
DAYS_IN = {"day": 1, "night": 1, "week": 7, "weekend": 7, "fortnight": 14}
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
# the calendar unit of an ISO 8601 duration letter: P3D, P2W, P1M, P5Y, P1DE, P1CE
DURATION_UNITS = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}

Day = TypeVar("Day", date, datetime)


def add_months(day: Day, months: int) -> Day:
    """`day` moved by whole months, clamped to the month's length (a datetime keeps its time)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


def shift(day: Day, amount: float, unit: str) -> Day:
    """`day` moved by `amount` calendar units (day, week, fortnight, month, quarter, half, year,
    decade, century); a fraction of a month-based unit rounds to whole months."""
    if unit in DAYS_IN:
        return day + timedelta(days=amount * DAYS_IN[unit])
    if unit in MONTHS_IN:
        return add_months(day, round(amount * MONTHS_IN[unit]))
    raise ValueError(unit)


def day_start(day: date) -> datetime:
    """Midnight at the start of `day`."""
    return datetime(day.year, day.month, day.day)


def coarser(a: str, b: str) -> str | None:
    """The coarser of two granularities (None when either is not a calendar unit)."""
    if a not in GRANULARITY_ORDER or b not in GRANULARITY_ORDER:
        return None
    return max(a, b, key=GRANULARITY_ORDER.index)


def value_of(day: date, granularity: str) -> str:
    """The TIMEX3 value of the `granularity` unit holding `day`: 2020-01-03, 2020-W01, 2020-Q1."""
    if granularity == "day":
        return date(day.year, day.month, day.day).isoformat()  # a datetime's day, no time
    if granularity == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if granularity == "weekend":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year}-H{(day.month - 1) // 6 + 1}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(granularity)


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?P<time>[\d:]+|[A-Z]{2}))?)?"
    r"|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
    r"|^(?P<dec>\d{3})$|^(?P<cen>\d{2})$"
)
_POD_HOURS = {"MO": (6, 12), "MI": (11, 14), "AF": (12, 18), "EV": (18, 22), "NI": (20, 30),
              "DT": (8, 18)}  # fmt: skip


def interval_of(value: str) -> tuple[datetime | None, datetime | None]:
    """The half-open interval a TIMEX3 date/time value denotes; (None, None) when it is not one."""
    m = _VALUE.match(value)
    if not m:
        return None, None
    try:
        if m["dec"]:
            y = int(m["dec"]) * 10
            return datetime(y, 1, 1), datetime(y + 10, 1, 1)
        if m["cen"]:
            y = int(m["cen"]) * 100
            return datetime(max(1, y), 1, 1), datetime(y + 100, 1, 1)
        y = int(m["y"])
        if m["d"]:
            start = datetime(y, int(m["m"]), int(m["d"]))
            time = m["time"]
            if not time:
                return start, start + timedelta(days=1)
            if time in _POD_HOURS:
                a, b = _POD_HOURS[time]
                return start + timedelta(hours=a), start + timedelta(hours=b)
            hh, mm, ss = (time.split(":") + ["", ""])[:3]
            at = start + timedelta(hours=int(hh), minutes=int(mm or 0), seconds=int(ss or 0))
            step = (
                timedelta(seconds=1) if ss else timedelta(minutes=1) if mm else timedelta(hours=1)
            )
            return at, at + step
        if m["m"]:
            start = datetime(y, int(m["m"]), 1)
            return start, add_months(start, 1)
        if m["w"]:
            start = datetime.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1)
            return start, start + timedelta(days=2 if m["we"] else 7)
        if m["q"]:
            start = datetime(y, 3 * int(m["q"]) - 2, 1)
            return start, add_months(start, 3)
        if m["h"]:
            start = datetime(y, 6 * int(m["h"]) - 5, 1)
            return start, add_months(start, 6)
        if m["s"]:
            start = datetime(y, SEASON_START_MONTH[m["s"]], 1)
            return start, add_months(start, 3)
        return datetime(y, 1, 1), datetime(y + 1, 1, 1)
    except (ValueError, OverflowError):  # past the calendar's edge: 9999-12-31 has no next day
        return None, None


def interval_at(day: date, granularity: str) -> tuple[datetime, datetime, str]:
    """The `granularity` unit holding `day`: its start, its end (exclusive) and TIMEX3 value."""
    value = value_of(day, "day" if granularity == "time" else granularity)
    start, end = interval_of(value)
    return start, end, value


def dates_in_years(month: int, day: int, years: tuple[int, ...]) -> list[date]:
    """The day `month`/`day` in each of `years` that has it (no Feb. 29 in 2019)."""
    out = []
    for year in years:
        try:
            out.append(date(year, month, day))
        except ValueError:
            pass
    return out
