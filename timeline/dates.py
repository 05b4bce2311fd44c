"""The one parser of a date that a person or metadata gives: a dateline flag, front matter, an HTML
meta tag, a feed entry, a CSV or JSON column, a TimeML DCT, the `dct` of `timeline.tag`.

`parse_date(value)` gives the calendar date that `value` writes, or raises `DateError` (a
ValueError) whose message is the reason in one line, without the value: the caller puts the context
before it ("impossible date in the CSV column 'date': '2020-13-45' (month must be in 1..12)").
`user_date(value)` is the same for a value a person typed in a flag: its message names the value
and ends with the hint, "'yesterday' is not a date: relative to ... (use YYYY-MM-DD)".

What is read, the common forms by regular expressions first (a few µs a value):
- `date`, `datetime` and pandas `Timestamp` objects (a datetime gives its own calendar date);
- ISO 8601: `2020-01-06`, with an optional time and zone, `2020/1/6`, `2020.01.06`, the week
  date `2020-W02-1`, TimeML's parts of day (`1998-01-08TEV`); compact `20200106` (`T1200`);
- English dates in words, RFC 822 among them: "January 6, 2020", "Jan. 6th, 2020 3:04PM EST",
  "Monday, 6 January 2020", "6-Jan-2020", "Mon, 06 Jan 2020 14:03:00 GMT";
- numeric day and month: `13/02/2020` and `02/13/2020` (a number above 12 is the day);
  `06.01.2020` is day.month.year (the dotted form is that of every language that writes it, and
  never the US order); `01/02/2020` is refused as ambiguous unless the caller knows the order of
  its source (`day_first=True` or `False`; a TimeML DCT text "1/8/98" is month first);
- anything else (other languages, odd forms: "6 janvier 2020", "6. Januar 2020", "2020年1月6日")
  by dateparser, imported on first use, its parsers built once, its answers cached per value.

A weekday written with an English date must be that date's weekday. The time of day and the zone
are read only to be checked: the date is the local calendar date as written, never converted
("2020-01-06T23:30:00-05:00" is January 6). Two-digit years follow the POSIX rule (69-99 are
1969-1999, 00-68 are 2000-2068). Nothing comes from the clock: a value without a written year,
month and day, or a relative one ("yesterday", "2 days ago", "now"), is refused.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from .errors import DateError
from .tagger.lexicon import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = ["DateError", "DateColumn", "parse_date", "user_date", "HINT", "AMBIGUOUS"]

HINT = "use YYYY-MM-DD"
AMBIGUOUS = "day and month could be either way round (write YYYY-MM-DD)"
NOT_A_DATE = "not a date"
RELATIVE = "relative to the day it was written, not a calendar date"
EMPTY = "no date (empty)"
YEAR_IN_FULL = "the year is not written in full (four digits)"
_EMPTY_WORDS = frozenset({"nan", "nat", "none", "null"})  # an empty cell, written by pandas or JSON
MAX_LENGTH = 100  # longer than any date; not handed to dateparser (a story in the date column)

_MONTHS = MONTHS  # "jan", "sept", "december" -> 1..12
_WEEKDAYS = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}  # "mon", "thurs", "friday" -> ISO 1..7

_MONTH = "(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY = (
    "(?:(?P<weekday>(?i:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r"))\.?,?\s+)?"
)
_DAY = r"(?P<day>[0-9]{1,2})(?i:st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9:])"
# a time of day: 14:03, 14:03:00.123, 14h03, 3:04PM, 3 p.m.; then a zone: Z, EST, +0500, GMT-5
_TIME = (
    r"(?P<hour>[0-9]{1,2})(?:(?:[:.]|(?i:h))(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?\s*(?P<ampm>(?i:[ap]\.?m\.?))?"
    r"|\s*(?P<ampm2>(?i:[ap]\.?m\.?)))"
)
_ZONE = r"(?:Z|[A-Z]{2,5}|(?:UTC|GMT)?\s?[+-][0-9]{1,2}(?::?[0-9]{2})?)(?:\s*\([^()]{1,40}\))?"
_TAIL = rf"(?:(?:\s*,\s*|\s+(?i:at)\s+|\s*[-–—|@]\s*|\s+|T){_TIME}(?:\s*{_ZONE})?)?"

_ISO = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
_ISO_TAIL = re.compile(rf"{_TAIL}(?:\s*{_ZONE})?")
# a time follows (or a TimeML part of day, "1998-01-08TEV"): what comes after it is not read
_ISO_TIMED = re.compile(r"T[0-9]{2}|[T ][0-9]{2}:[0-9]{2}|T(?:MO|AF|EV|NI|DT)\b")
_ISO_WEEK = re.compile(r"(?P<year>[0-9]{4})-?W(?P<week>[0-9]{2})-?(?P<day>[1-7])")  # 2020-W02-1
_COMPACT = re.compile(
    r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
    r"(?:T[0-9]{2}(?::?[0-9]{2}){0,2}(?:[.,][0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_MONTH_FIRST = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}")
_DAY_FIRST = re.compile(rf"{_WEEKDAY}{_DAY}(?:\s+(?i:of))?\s+{_MONTH},?\s+{_YEAR}{_TAIL}")
_DAY_MON_YEAR = re.compile(
    rf"{_WEEKDAY}{_DAY}(?P<sep>[-/]){_MONTH}(?P=sep){_YEAR}{_TAIL}"
)  # 6-Jan-2020
_NUMERIC = re.compile(
    r"(?P<first>[0-9]{1,2})(?P<sep>[./-])(?P<second>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4}|[0-9]{2})"
    r"(?![0-9])"
)
_NUMERIC_IN = re.compile(rf"(?<![0-9]){_NUMERIC.pattern}")
_YEAR_FIRST_IN = re.compile(r"(?<![0-9])[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}(?![0-9])")
_NO_DAY = re.compile(r"[0-9]{4}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{4}")
_NO_YEAR = re.compile(r"[0-9]{1,2}[-/.][0-9]{1,2}\.?")
_FOUR_DIGITS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_DAY_NUMBER = re.compile(r"(?<![0-9:.])(?:29|3[0-9]|[4-9][0-9]|0?0)(?![0-9:])")


def parse_date(value: Any, *, day_first: bool | None = None, long_tail: bool = True) -> date:
    """The calendar date `value` writes, or DateError with the one-line reason (see the module).

    `long_tail=False` reads the common forms only (a few µs a value, never dateparser).
    """
    if isinstance(value, datetime):  # pandas.Timestamp too
        if value != value:  # NaT
            raise DateError(EMPTY)
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, float) and value != value):
        raise DateError(EMPTY)
    if not isinstance(value, (str, int, float)) and callable(getattr(value, "date", None)):
        try:
            day = value.date()  # another datetime-like object (arrow, pendulum...)
        except (TypeError, ValueError):
            day = None
        if isinstance(day, date):
            return day
    text = " ".join(str(value).split())
    if not text.isascii():  # full-width digits and letters: "２０２０-０１-０６"
        text = unicodedata.normalize("NFKC", text)
    if not text or text.lower() in _EMPTY_WORDS:
        raise DateError(EMPTY)
    return _text_date(text, day_first, long_tail)


def user_date(value: Any, *, day_first: bool | None = None) -> date:
    """`parse_date` for a flag: the error names the value and says how to write a date."""
    try:
        return parse_date(value, day_first=day_first)
    except DateError as exc:
        reason = str(exc)
        shown = f"'{str(value).strip()}' is not a date"
        shown += "" if reason == NOT_A_DATE else f": {reason}"
        hint = "" if "YYYY-MM-DD" in reason else f" ({HINT})"
        raise DateError(shown + hint) from None


# --- the fast paths ------------------------------------------------------------------------------
def _text_date(text: str, day_first: bool | None, long_tail: bool = True) -> date:
    """The date of a non-empty, whitespace-normalized string; the common forms without dateparser."""
    match = _ISO.match(text)
    if match:
        tail = text[match.end() :]
        timed = _ISO_TAIL.fullmatch(tail)
        if timed or _ISO_TIMED.match(tail):
            _check_time(timed)
            return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _COMPACT.fullmatch(text)
    if match:
        return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _ISO_WEEK.fullmatch(text)
    if match:
        try:
            return date.fromisocalendar(int(match["year"]), int(match["week"]), int(match["day"]))
        except ValueError:
            weeks = date(int(match["year"]), 12, 28).isocalendar()[1]
            raise DateError(f"week must be in 1..{weeks}") from None
    match = (
        _MONTH_FIRST.fullmatch(text) or _DAY_FIRST.fullmatch(text) or _DAY_MON_YEAR.fullmatch(text)
    )
    if match:
        _check_time(match)
        month = _MONTHS[match["month"].lower()]
        found = _day(_full_year(match["year"]), month, int(match["day"]))
        return _same_weekday(found, match["weekday"])
    match = _NUMERIC.match(text)
    if match:
        first, second = int(match["first"]), int(match["second"])
        day_is_first = _day_first(first, second, match["sep"], day_first)
        timed = _ISO_TAIL.fullmatch(text[match.end() :])
        if timed:
            _check_time(timed)
            day, month = (first, second) if day_is_first else (second, first)
            return _day(_full_year(match["year"]), month, day)
    if not any(ch.isalpha() for ch in text):
        raise DateError(_numbers_only(text))
    if len(text) > MAX_LENGTH:
        raise DateError(f"{NOT_A_DATE} (too long: {len(text)} characters)")
    if not long_tail:
        raise DateError(NOT_A_DATE)
    found, reason = _long_tail(text, _order(text, day_first))
    if found is None:
        raise DateError(reason)
    return found


def _day(year: int, month: int, day: int) -> date:
    """date(year, month, day), or DateError saying which part is impossible."""
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if not 1 <= year <= 9999:
        raise DateError("year must be in 1..9999")
    if not 1 <= month <= 12:
        raise DateError("month must be in 1..12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise DateError(f"day is out of range for month ({name} {year} has {days} days)")
    raise DateError(NOT_A_DATE)  # not reached: date() accepts every other (year, month, day)


def _full_year(text: str) -> int:
    """The year of a 2- or 4-digit year, by the POSIX rule for two digits (never from the clock)."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _check_time(match: re.Match | None) -> None:
    """DateError when the time of day written after the date cannot be (25:00, 13 p.m.)."""
    if match is None or match["hour"] is None:
        return
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    second = int(match["second"] or 0)
    twelve = match["ampm"] or match["ampm2"]
    if (twelve and not 1 <= hour <= 12) or hour > 24 or minute > 59 or second > 60:
        written = match.string[match.start("hour") : match.end()].strip()
        raise DateError(f"impossible time of day ({written})")


def _same_weekday(found: date, weekday: str | None) -> date:
    """`found`, or DateError when the weekday written with it is another day."""
    if weekday and _WEEKDAYS[weekday.lower()] != found.isoweekday():
        written = calendar.day_name[_WEEKDAYS[weekday.lower()] - 1]
        actual = calendar.day_name[found.weekday()]
        raise DateError(
            f"the weekday does not match: {found.isoformat()} is a {actual}, not a {written}"
        )
    return found


def _day_first(first: int, second: int, sep: str, day_first: bool | None) -> bool:
    """Whether the day comes first in first/second/year; DateError when it could be either."""
    if day_first is not None:
        return day_first
    if sep == "." or first == second or (first > 12 and second <= 12):
        return True
    if second > 12 and first <= 12:
        return False
    if first > 12:
        raise DateError("month must be in 1..12")
    raise DateError(AMBIGUOUS)


def _numbers_only(text: str) -> str:
    """Why a string of numbers that no fast path read is not a full date."""
    if re.fullmatch(r"[0-9]{4}", text):
        return "not a full date: no day or month"
    if _NO_DAY.fullmatch(text):
        return "not a full date: no day"
    if _NO_YEAR.fullmatch(text):
        return "not a full date: no year"
    return NOT_A_DATE


def _order(text: str, day_first: bool | None) -> str:
    """The DATE_ORDER for dateparser: that of a numeric date inside `text`, decided here."""
    if day_first is not None:
        return "DMY" if day_first else "MDY"
    if _YEAR_FIRST_IN.search(text):
        return "YMD"
    match = _NUMERIC_IN.search(text)
    if match:
        first, second = int(match["first"]), int(match["second"])
        return "DMY" if _day_first(first, second, match["sep"], None) else "MDY"
    return ""


# --- the long tail: dateparser ------------------------------------------------------------------
# Never from the clock: every part must be written (REQUIRE_PARTS, STRICT_PARSING), only the
# absolute-time parser runs (not relative-time: "yesterday"; not timestamp: "1578268800"; not
# no-spaces-time: digit runs read in any order), and RELATIVE_BASE is a fixed day so that nothing
# dateparser does can depend on today. TIMEZONE stays "local" (the default; a named TIMEZONE would
# convert a time that has its own zone) and RETURN_AS_TIMEZONE_AWARE is False: the date is the one
# written, in its own zone. DATE_ORDER is set only when this module decided the order.
_FIXED_BASE = datetime(1900, 1, 1)
SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": _FIXED_BASE,
}


@cache
def _parser(order: str, kind: str = "strict") -> Any:
    """One dateparser DateDataParser per date order and use, built once (imported only here)."""
    from dateparser.date import DateDataParser

    settings = dict(SETTINGS)
    if order:
        settings.update(DATE_ORDER=order, PREFER_LOCALE_DATE_ORDER=False)
    if kind == "relative":  # to say why a value failed: is it "yesterday"?
        settings = {"PARSERS": ["relative-time"], "RELATIVE_BASE": _FIXED_BASE}
    elif kind in ("base1", "base2"):  # which parts are missing: those that follow the base
        base = datetime(2001, 1, 1) if kind == "base1" else datetime(2002, 2, 2)
        settings.update(REQUIRE_PARTS=[], STRICT_PARSING=False, RELATIVE_BASE=base)
    return DateDataParser(settings=settings, try_previous_locales=False)


def _dateparser_date(text: str, order: str, kind: str = "strict") -> tuple[datetime | None, str]:
    """dateparser's reading of `text` and its period ("day", "month"...), or None."""
    try:
        data = _parser(order, kind).get_date_data(text)
    except Exception:  # dateparser fails on some odd strings: they are no date
        return None, ""
    return data.date_obj, data.period or ""


@lru_cache(maxsize=65536)
def _long_tail(text: str, order: str) -> tuple[date | None, str]:
    """(the date, "") by dateparser, or (None, why not); cached, as a column repeats its dates."""
    if not any(ch.isnumeric() for ch in text):  # no year can be written: "soon", "yesterday"
        relative = _dateparser_date(text, order, "relative")[0] is not None
        return None, RELATIVE if relative else NOT_A_DATE
    found, _ = _dateparser_date(text, order)
    if found is not None:
        if found.year not in _numbers(text, 4):  # "20 Jan 6": dateparser took 20 for 2020
            return None, YEAR_IN_FULL
        return found.date(), ""
    return None, _why_not(text, order)


def _numbers(text: str, digits: int) -> set[int]:
    """The numbers of `digits` digits written in `text`, in any script's digits ("٢٠٢٠")."""
    return {int(run) for run in re.findall(r"(?<!\d)\d+(?!\d)", text) if len(run) == digits}


def _why_not(text: str, order: str) -> str:
    """Why dateparser read no full date: relative, a part missing, no such day, or no date."""
    # each question is a dateparser call (5-10 ms on a value it cannot read): ask only those that
    # can be answered yes (a relative date writes no 4-digit year)
    if not _FOUR_DIGITS.search(text) and _dateparser_date(text, order, "relative")[0] is not None:
        return RELATIVE
    one, period = _dateparser_date(text, order, "base1")
    two = _dateparser_date(text, order, "base2")[0] if one is not None else None
    if one is not None and two is not None:
        missing = [
            part
            for part, differs in (
                ("day", one.day != two.day or period in ("month", "quarter", "year")),
                ("month", one.month != two.month or period == "year"),
                ("year", one.year != two.year),
            )
            if differs
        ]
        if missing:
            listed = " or ".join(missing) if len(missing) < 3 else "day, month or year"
            return f"not a full date: no {listed}"
    return _impossible_day(text, order) or NOT_A_DATE


def _impossible_day(text: str, order: str) -> str:
    """The reason when `text` reads as a date once its day number is 1 ("30 février 2020")."""
    for match in _DAY_NUMBER.finditer(text):
        first = text[: match.start()] + "1" + text[match.end() :]
        found, _ = _dateparser_date(first, order)
        if found is not None and found.day == 1:
            try:
                _day(found.year, found.month, int(match.group(0)))
            except DateError as exc:
                return str(exc)
    return ""


# --- a column of dates ---------------------------------------------------------------------------
REFUSALS_IN_A_ROW = 20  # values in a row that are not dates, before a column is taken for text


class DateColumn:
    """The dates of one column (CSV, JSON field): after REFUSALS_IN_A_ROW values in a row that
    are not dates, in a column where hardly any was (under 1 in 20), the column is taken for
    text: its other values are read in the common forms only, so a title or story column named
    as the date column costs microseconds a row, not dateparser's 5-30 ms; `note` then says so.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.read = 0
        self.refused = 0
        self.in_a_row = 0
        self.note = ""

    def parse(self, value: Any) -> date:
        """The date `value` writes (as `parse_date`), or DateError."""
        try:
            day = parse_date(value, long_tail=not self.note)
        except DateError as exc:
            if str(exc) != EMPTY:
                self._refused(value, str(exc))
            raise
        self.read += 1
        self.in_a_row = 0
        return day

    def _refused(self, value: Any, reason: str) -> None:
        self.refused += 1
        self.in_a_row += 1
        if not self.note and self.in_a_row >= REFUSALS_IN_A_ROW and self.read * 20 < self.refused:
            shown = " ".join(str(value).split())[:40].rstrip()
            self.note = (
                f"column '{self.name}' does not hold dates ({self.in_a_row} values in a row are "
                f"not, e.g. '{shown}': {reason}); its other values are read only in the common "
                "forms (ISO 8601, RFC 822, English)"
            )
