"""The document every stage shares, and the one part of its layout every stage reads: the dateline.

Readers fill a `Document`; the reference stage sets its date; the tagger and events read its text.
The dateline line at the top ("LONDON, March 22 (Reuters) -") is read here once: the readers know
it is no headline, the reference stage takes its date, the events stage starts the body after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .errors import InputError
from .tagger.lexicon import MONTHS
from .tagger.lexicon.patterns import ANY_WEEKDAY, DAY, MONTH, RECENT_YEAR


@dataclass
class Document:
    """One article: its text, metadata and (once known) its reference date."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    path: str = ""
    place: str = ""  # the dateline's place, "WASHINGTON"
    dct: date | None = None  # reference date (the dateline's date)
    dct_source: str = ""  # explicit | metadata | dateline | filename | inferred
    dct_note: str = ""  # how the reference date was found (the warning text when inferred)
    meta: dict = field(default_factory=dict)  # reader-specific raw values (e.g. metadata date)
    warnings: list[str] = field(default_factory=list)  # one-line notes worth showing the user


def record_in_file(doc: Document) -> str:
    """Which record of its file a document is ("row 17", "entry 2"); "" for a whole file."""
    for unit in ("row", "line", "record", "entry"):
        if unit in doc.meta:
            return f"{unit} {doc.meta[unit]}"
    return ""


def failed(doc: Document, reason: str) -> InputError:
    """The error record of a document that was read but could not be dated or tagged."""
    return InputError(doc.path or doc.doc_id, reason, record_in_file(doc))


# --- the dateline line ---------------------------------------------------------------------------
# the lexicon's months and weekdays, in any case: "Jan.", "JANUARY", "Mon."
MONTH_ANY_CASE = rf"(?i:{MONTH})"
WEEKDAY_ANY_CASE = rf"(?i:{ANY_WEEKDAY})"
# A date in words or ISO form; `year` is optional in the md/dm forms (datelines often omit it).
DATE_FORMS = (
    rf"(?P<m1>{MONTH_ANY_CASE})\s+(?P<d1>{DAY})(?!\d)(?:\s*,\s*|\s+)(?P<y1>{RECENT_YEAR})(?!\d)",
    rf"(?<!\d)(?P<d2>{DAY})\s+(?P<m2>{MONTH_ANY_CASE})\s*,?\s+(?P<y2>{RECENT_YEAR})(?!\d)",
    rf"(?<!\d)(?P<y3>{RECENT_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d)",
    rf"(?P<m4>{MONTH_ANY_CASE})\s+(?P<d4>{DAY})(?![\d:])",
    rf"(?<!\d)(?P<d5>{DAY})\s+(?P<m5>{MONTH_ANY_CASE})",
)
FULL_DATE_RE = re.compile(rf"\b(?:{'|'.join(DATE_FORMS[:3])})")
ANY_DATE = rf"(?P<date>(?:{WEEKDAY_ANY_CASE},?\s+)?(?:{'|'.join(DATE_FORMS)}))"
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
    if not 1 <= day <= 31 or (year and valid_date(year, month, day) is None):
        return None
    start, end = match.span("date")
    return {"month": month, "day": day, "year": year, "span": (offset + start, offset + end)}


def _fields(match: re.Match) -> tuple[int, int, int | None]:
    """(month, day, year or None) from whichever DATE_FORMS alternative matched."""
    groups = {
        k[0]: v for k, v in match.groupdict().items() if v and k[0] in "mdy" and k[1:].isdigit()
    }
    month_text = groups["m"].rstrip(".").lower()
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    day = int(re.match(r"\d+", groups["d"]).group(0))
    return month, day, int(groups["y"]) if "y" in groups else None


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date(match: re.Match) -> date | None:
    """The date a DATE_FORMS match writes, when it has a year and the day exists."""
    month, day, year = _fields(match)
    return valid_date(year, month, day) if year else None


def unique_id(name: str, seen: set[str]) -> str:
    """`name`, or `name-2`, `-3`… when `seen` already has it (doc ids in a batch, slide ids in a
    file); remembers the result."""
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        candidate = f"{name}-{n}"
    seen.add(candidate)
    return candidate
