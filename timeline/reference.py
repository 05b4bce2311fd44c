"""The reference date (dateline) of a document, and where it came from.

Sources, in order: an explicit date; the document's metadata (front matter, HTML, feed, TimeML
DCT, CSV column); the dateline line at the top of the text; a date in the file name; else the
latest full date the article itself mentions, with a warning that says so.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from .documents import Document, ReadError, as_list, location, read_inputs, sample_paths

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d\d"

# A date in words or ISO form; `year` is optional in the md/dm forms (datelines often omit it).
DATE_FORMS = (
    rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?!\d)(?:\s*,\s*|\s+)(?P<y1>{YEAR})(?!\d)",
    rf"(?<!\d)(?P<d2>{DAY})\s+(?P<m2>{MONTH})\s*,?\s+(?P<y2>{YEAR})(?!\d)",
    rf"(?<!\d)(?P<y3>{YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d)",
    rf"(?P<m4>{MONTH})\s+(?P<d4>{DAY})(?![\d:])",
    rf"(?<!\d)(?P<d5>{DAY})\s+(?P<m5>{MONTH})",
)
FULL_DATE_RE = re.compile(rf"\b(?:{'|'.join(DATE_FORMS[:3])})")
ANY_DATE = rf"(?P<date>(?:{WEEKDAY},?\s+)?(?:{'|'.join(DATE_FORMS)}))"
# "Monday, 6 January 2020" alone on its line (a time of day may follow)
DATE_LINE_RE = re.compile(
    rf"^[ \t]*{ANY_DATE}(?:,?\s+\d{{1,2}}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?[ \t]*$"
)
PLACE = (
    r"[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)*)?"
)
# "LONDON, March 22 (Reuters) -", "BEIJING, Jan. 6 (Xinhua) --", "WASHINGTON (AP) —"
PLACE_LINE_RE = re.compile(
    rf"^[ \t]*(?P<place>{PLACE})(?:[ \t]*,[ \t]*{ANY_DATE})?[ \t]*"
    rf"(?:\((?P<agency>[A-Za-z][\w .&'-]{{0,40}})\))?[ \t]*(?:-{{1,3}}|–|—|_)(?:[ \t]|$)",
    flags=re.M,
)
DATELINE_LINES = 5  # how many non-empty lines at the top may hold the dateline


class ReferenceDateError(ValueError):
    """A document whose reference date cannot be had (impossible or missing); one line."""


@dataclass(frozen=True)
class Dateline:
    """The dateline found at the top of a text: its place, and its date parts when it has one."""

    line: str  # the dateline as written, "LONDON, March 22 (Reuters) -"
    place: str = ""
    agency: str = ""  # "Reuters" in "(Reuters)"
    month: int | None = None
    day: int | None = None
    year: int | None = None
    span: tuple[int, int] | None = None  # of the date words in the text


# --- user-given and metadata dates -----------------------------------------------------------
def parse_date(value: Any) -> date:
    """A user-given dateline (date, datetime or 'YYYY-MM-DD'); ValueError says how to write it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
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
    match = re.fullmatch(rf"(?:{WEEKDAY},?\s+)?(?:{'|'.join(DATE_FORMS[:2])})", text)
    if match:
        found = _date_of(match)
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


# --- the dateline line -------------------------------------------------------------------------
def dateline_parts(text: str) -> Dateline | None:
    """The dateline among the first lines of `text` (a place line or a date line), or None."""
    offset, seen = 0, 0
    for line in text[:2000].split("\n"):
        if line.strip():
            found = _place_line(line, offset) or _date_line(line, offset)
            if found:
                return found
            seen += 1
            if seen >= DATELINE_LINES:
                return None
        offset += len(line) + 1
    return None


def _place_line(line: str, offset: int) -> Dateline | None:
    match = PLACE_LINE_RE.match(line)
    if not match:
        return None
    parts = _parts(match, offset) if match.group("date") else {}
    if match.group("date") and parts is None:
        return None
    place, agency = match.group("place").strip(), (match.group("agency") or "").strip()
    return Dateline(line=match.group(0).strip(), place=place, agency=agency, **(parts or {}))


def _date_line(line: str, offset: int) -> Dateline | None:
    match = DATE_LINE_RE.match(line)
    parts = _parts(match, offset) if match else None
    return Dateline(line=line.strip(), **parts) if parts else None


def _parts(match: re.Match, offset: int) -> dict | None:
    """month, day, year (or None) and span of a matched date; None when no such day exists."""
    month, day, year = _fields(match)
    if not 1 <= day <= 31 or (year and _valid(year, month, day) is None):
        return None
    start, end = match.span("date")
    return {"month": month, "day": day, "year": year, "span": (offset + start, offset + end)}


def _fields(match: re.Match) -> tuple[int, int, int | None]:
    """(month, day, year or None) from whichever DATE_FORMS alternative matched."""
    groups = {
        k[0]: v for k, v in match.groupdict().items() if v and k[0] in "mdy" and k[1:].isdigit()
    }
    month_text = groups["m"].rstrip(".").lower()
    month = (
        int(month_text)
        if month_text.isdigit()
        else MONTHS[month_text[:4] if month_text.startswith("sept") else month_text[:3]]
    )
    day = int(re.match(r"\d+", groups["d"]).group(0))
    return month, day, int(groups["y"]) if "y" in groups else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_of(match: re.Match) -> date | None:
    month, day, year = _fields(match)
    return _valid(year, month, day) if year else None


def dateline_date(text: str, hint_year: int | None = None) -> tuple[date, tuple[int, int]] | None:
    """(date, span of the date words) of the dateline at the top of `text`, or None.

    A dateline without a year ("LONDON, March 22 (Reuters) -") takes `hint_year`, else the most
    recent such day up to today.
    """
    found = dateline_parts(text)
    if found is None or found.month is None:
        return None
    if found.year:
        day = date(found.year, found.month, found.day)
    elif hint_year:
        day = _valid(hint_year, found.month, found.day)
    else:
        day = _most_recent(found.month, found.day, date.today())
    return (day, found.span) if day else None


def _most_recent(month: int, day: int, today: date) -> date | None:
    """The latest `month`/`day` on or before `today` (within the last few years)."""
    for year in range(today.year, today.year - 8, -1):
        candidate = _valid(year, month, day)
        if candidate and candidate <= today:
            return candidate
    return None


# --- file names ------------------------------------------------------------------------------
FILENAME_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)
# TimeBank style: agency letters, then YYMMDD: AP900815-0044, WSJ891025-0157
FILENAME_SHORT_RE = re.compile(
    r"^[A-Za-z]{2,4}_?(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[-_.])"
)


def filename_date(path: Any) -> date | None:
    """The date a file name carries: `AP_20130322.tml`, `2020-01-06-story.txt`, `APW19980807.0261`."""
    name = Path(str(path)).name
    match = FILENAME_DATE_RE.search(name)
    if match:
        return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = FILENAME_SHORT_RE.match(name)
    if match:
        yy, month, day = map(int, match.groups())
        return _valid(1900 + yy if yy >= 50 else 2000 + yy, month, day)
    return None


# --- inference from the text -------------------------------------------------------------------
def full_dates(text: str) -> list[tuple[date, str]]:
    """Every fully specified date (year, month, day) the text writes out, with its surface form."""
    found = []
    for match in FULL_DATE_RE.finditer(text):
        day = _date_of(match)
        if day:
            found.append((day, " ".join(match.group(0).replace(" ,", ",").split())))
    return found


def inferred_date(text: str) -> tuple[date, str] | None:
    """(date, note) from the article's own expressions: the latest full date it mentions."""
    dates = full_dates(text)
    if not dates:
        return None
    day, surface = max(dates, key=lambda pair: pair[0])
    note = (
        f"dateline inferred as {day.isoformat()}: the latest full date in the text ('{surface}'); "
        "give --dateline if the article was written later"
    )
    return day, note


def _year_for(found: Dateline, doc: Document) -> tuple[date, str] | None:
    """The date of a dateline without a year, and the sentence that says where the year came from."""
    year, how = _dateline_year(found, doc)
    day = _valid(year, found.month, found.day) if year else None
    return (day, how) if day else None


def _dateline_year(found: Dateline, doc: Document) -> tuple[int | None, str]:
    """The year for a year-less dateline: the file name's, the latest full date's, the latest year's."""
    from_name = filename_date(doc.path or doc.doc_id)
    if from_name:
        return from_name.year, f"its year {from_name.year} taken from the file name"
    dates = full_dates(doc.text)
    if dates:  # the first such day on or after the latest date the article reports
        latest, surface = max(dates, key=lambda pair: pair[0])
        after = (found.month, found.day) < (latest.month, latest.day)
        return (
            latest.year + after,
            f"its year taken from the latest full date in the text ('{surface}')",
        )
    this_year = date.today().year
    years = [int(y) for y in re.findall(rf"(?<![\d$£€.,]){YEAR}(?![\d%])", doc.text)]
    years = [y for y in years if y <= this_year]
    if years:
        return max(years), f"its year {max(years)} taken from the latest year the text mentions"
    recent = _most_recent(found.month, found.day, date.today())
    name = f"{calendar.month_name[found.month]} {found.day}"
    return (recent.year if recent else None), f"no year anywhere: assumed the most recent {name}"


# --- the stage -----------------------------------------------------------------------------------
def reference_date(doc: Document, explicit: Any = None) -> Document:
    """A copy of `doc` with dct, dct_source and dct_note set; ReferenceDateError when it has none.

    Order: explicit > metadata > the dateline line > the file name > inferred from the text.
    """
    doc = replace(doc, meta=dict(doc.meta), warnings=list(doc.warnings))
    found = dateline_parts(doc.text)
    if found:
        doc.place = doc.place or found.place
        doc.source = doc.source or found.agency
        if found.span:
            doc.meta["dateline_span"] = found.span
    if explicit is not None and str(explicit).strip():
        try:
            day = parse_date(explicit)
        except ValueError as exc:
            raise ReferenceDateError(str(exc)) from None
        return _dated(doc, day, "explicit", f"dateline {day.isoformat()} given explicitly")
    raw = doc.meta.get("published")
    if raw not in (None, ""):
        where = doc.meta.get("published_from", "metadata")
        try:
            day = metadata_date(raw)
        except (ValueError, OverflowError) as exc:
            raise ReferenceDateError(f"impossible date in the {where}: '{raw}' ({exc})") from None
        note = f"dateline {day.isoformat()} from the {where} ('{raw}')"
        return _dated(doc, day, "metadata", note)
    if found and found.month:
        dated = _from_dateline(doc, found)
        if dated:
            return dated
    from_name = filename_date(doc.path or doc.doc_id)
    if from_name:
        note = f"dateline {from_name.isoformat()} from the file name '{Path(doc.path or doc.doc_id).name}'"
        return _dated(doc, from_name, "filename", note)
    inferred = inferred_date(doc.text)
    if inferred:
        doc.warnings.append(inferred[1])
        return _dated(doc, inferred[0], "inferred", inferred[1])
    raise ReferenceDateError(
        "no reference date: no date in its metadata, dateline, file name or text (give --dateline YYYY-MM-DD)"
    )


def _from_dateline(doc: Document, found: Dateline) -> Document | None:
    """The doc dated by its dateline line; a year-less dateline notes (and warns) where the year came from."""
    if found.year:
        day = date(found.year, found.month, found.day)
        note = f"dateline {day.isoformat()} from the dateline line '{found.line}'"
        return _dated(doc, day, "dateline", note)
    dated = _year_for(found, doc)
    if dated is None:
        return None
    day, how = dated
    note = f"dateline {day.isoformat()} from the dateline line '{found.line}'; {how}"
    doc.warnings.append(note)
    return _dated(doc, day, "dateline", note)


def _dated(doc: Document, day: date, source: str, note: str) -> Document:
    doc.dct, doc.dct_source, doc.dct_note = day, source, note
    return doc


def dated_documents(
    inputs: Any = None, dateline: Any = None, **read_options: Any
) -> Iterator[Document | ReadError]:
    """Read `inputs` (None = the samples) and date each document; an undatable one is a ReadError.

    `dateline` is None, one date for every document, or a list with one date per input. A bad
    `dateline` raises ValueError at once, before anything is read.
    """
    items = sample_paths() if inputs is None else as_list(inputs)
    explicit_for = explicit_datelines(dateline, len(items))
    return _dated_results(items, explicit_for, read_options)


def _dated_results(
    items: list, explicit_for: Callable[[int], date | None], read_options: dict
) -> Iterator:
    for result in read_inputs(items, **read_options):
        if isinstance(result, ReadError):
            yield result
            continue
        try:
            yield reference_date(result, explicit_for(result.meta.get("input_index", 0)))
        except ReferenceDateError as exc:
            yield ReadError(location(result), str(exc))


def one_per_item(dateline: Any) -> bool:
    """True when `dateline` is a list of dates (one per input or document), not one date."""
    return not (dateline is None or isinstance(dateline, (str, date)))


def explicit_datelines(
    dateline: Any, n_items: int, noun: str = "input"
) -> Callable[[int], date | None]:
    """item index -> its explicit dateline, from None, one date, or a list of one date per item
    (`noun` names the items in the error for a list of the wrong length)."""
    if dateline is None or (isinstance(dateline, str) and not dateline.strip()):
        return lambda index: None
    if not one_per_item(dateline):
        day = parse_date(dateline)
        return lambda index: day
    days = [parse_date(value) for value in dateline]
    if len(days) != n_items:
        items = f"{n_items} {noun}" + ("" if n_items == 1 else "s")
        raise ValueError(f"{len(days)} datelines for {items} (give one, or one per {noun})")
    return lambda index: days[index]
