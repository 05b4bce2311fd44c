"""Dates that people and metadata give (flags, front matter, HTML meta, feeds, CSV columns, DCT).

Interim: the parsers gathered from reference.py and the tagger; dateparser takes over next.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any


def parse_date(value: Any) -> date:
    """A user-given dateline (date, datetime or 'YYYY-MM-DD'); ValueError says how to write it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        return value.to_pydatetime().date()
    text = str(value).strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", text)
    if not match:
        raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD)")
    try:
        return date(*map(int, match.groups()))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date: {exc} (use YYYY-MM-DD)") from None


def metadata_date(value: Any) -> date:
    """The calendar date of a metadata value: ISO, RFC 822 (feeds), "January 6, 2020"…

    The local date as written is kept (no conversion to UTC). ValueError when impossible or partial.
    """
    from .document import DATE_FORMS, WEEKDAY_ANY_CASE, full_date

    if isinstance(value, (date, datetime)):
        return parse_date(value)
    text = " ".join(str(value).split())
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ]\d)", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if iso:
        return date(*map(int, iso.groups()))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = re.fullmatch(rf"(?:{WEEKDAY_ANY_CASE},?\s+)?(?:{'|'.join(DATE_FORMS[:2])})", text)
    if match:
        found = full_date(match)
        if found is None:
            raise ValueError("no such day")
        return found
    numeric = re.match(r"(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b", text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        raise ValueError("day and month could be either way round (write YYYY-MM-DD)")
    return _dateutil_date(text)


def _dateutil_date(text: str) -> date:
    """A full date by dateutil; ValueError when a part (year, month, day) is missing."""
    from dateutil import parser

    first = parser.parse(text, default=datetime(2001, 1, 1))
    second = parser.parse(text, default=datetime(2002, 2, 2))
    if first.date() != second.date():
        raise ValueError("not a full date (year, month and day)")
    return first.date()
