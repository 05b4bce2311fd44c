"""The reference date (dateline) of a document, and where it came from.

Sources, in order: an explicit date; the document's metadata (front matter, HTML, feed, TimeML
DCT, CSV column); the dateline line at the top of the text; a date in the file name; else the
latest full date the article itself mentions, with a warning that says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .dates import parse_date, user_date
from .document import (
    FULL_DATE_RE,
    Dateline,
    Document,
    dateline_parts,
    full_date,
    valid_date,
)
from .errors import DateError, ReferenceDateError


def dateline_date(text: str, hint_year: int | None = None) -> tuple[date, tuple[int, int]] | None:
    """(date, span of the date words) of the dateline at the top of `text`, or None.

    A dateline without a year ("LONDON, March 22 (Reuters) -") takes `hint_year`; without one it
    gives None (a year is never taken from the clock).
    """
    found = dateline_parts(text)
    if found is None or found.month is None:
        return None
    if found.year:
        day = date(found.year, found.month, found.day)
    elif hint_year:
        day = valid_date(hint_year, found.month, found.day)
    else:
        day = None
    return (day, found.span) if day else None


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
        return valid_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = FILENAME_SHORT_RE.match(name)
    if match:
        yy, month, day = map(int, match.groups())
        return valid_date(1900 + yy if yy >= 50 else 2000 + yy, month, day)
    return None


# --- inference from the text -------------------------------------------------------------------
def full_dates(text: str) -> list[tuple[date, str]]:
    """Every fully specified date (year, month, day) the text writes out, with its surface form."""
    found = []
    for match in FULL_DATE_RE.finditer(text):
        day = full_date(match)
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
    day = valid_date(year, found.month, found.day) if year else None
    return (day, how) if day else None


def _dateline_year(found: Dateline, doc: Document) -> tuple[int | None, str]:
    """The year for a year-less dateline: the file name's, else the one after the latest full date.

    Never the clock's, and never merely the latest year the text mentions (on TBAQ that was the
    article's year for 8 of 90 documents): without either, the document has no reference date.
    """
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
    return None, ""


# --- the stage -----------------------------------------------------------------------------------
def reference_date(doc: Document, explicit: Any = None) -> Document:
    """A copy of `doc` with dct, dct_source and dct_note set; ReferenceDateError when it has none.

    Order: explicit > metadata > the dateline line > the file name > inferred from the text;
    but a dateline line that contradicts the metadata wins, with a warning: it is what the text's
    "yesterday" was written against.
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
            day = user_date(explicit)
        except ValueError as exc:
            raise ReferenceDateError(str(exc)) from None
        return _dated(doc, day, "explicit", f"dateline {day.isoformat()} given explicitly")
    raw = doc.meta.get("published")
    if raw not in (None, ""):
        where = doc.meta.get("published_from", "metadata")
        try:
            day = _published_date(doc, raw)
        except (ValueError, OverflowError) as exc:
            raise ReferenceDateError(f"impossible date in the {where}: '{raw}' ({exc})") from None
        note = f"dateline {day.isoformat()} from the {where} ('{raw}')"
        written = _written_dateline(found, day)
        if written is not None and written != day:
            note = (
                f"dateline {written.isoformat()} from the dateline line '{found.line}', which "
                f"the {where} contradicts ('{raw}', {day.isoformat()}): the text's "
                f"'yesterday' was written against its own dateline"
            )
            doc.warnings.append(note)
            return _dated(doc, written, "dateline", note)
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
    raise ReferenceDateError(_no_date_reason(doc, found))


def _no_date_reason(doc: Document, found: Dateline | None) -> str:
    """Why a document has no reference date, naming what it lacks (one line)."""
    hint = "give --dateline YYYY-MM-DD"
    if found and found.month and not found.year:
        return (
            f"no reference date: the dateline '{found.line}' has no year, and neither the file "
            f"name nor a full date in the text gives one ({hint})"
        )
    missing = doc.meta.get("published_missing")
    where = (
        f"{missing}, and none in its dateline, file name or text"
        if missing
        else ("no date in its metadata, dateline, file name or text")
    )
    return f"no reference date: {where} ({hint})"


def _published_date(doc: Document, raw: Any) -> date:
    """The metadata date: as its reader already read it (a record's date column), else parsed."""
    if "published_refused" in doc.meta:
        raise DateError(doc.meta["published_refused"])
    return doc.meta.get("published_date") or parse_date(raw)


def _written_dateline(found: Dateline | None, published: date) -> date | None:
    """The date the dateline line writes ("LONDON, March 5 (Reuters) -"), a missing year taken
    so that it lies nearest the metadata's date; None when the line gives no day."""
    if found is None or found.month is None or found.day is None:
        return None
    if found.year:
        return valid_date(found.year, found.month, found.day)
    candidates = [
        d
        for year in (published.year - 1, published.year, published.year + 1)
        if (d := valid_date(year, found.month, found.day))
    ]
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


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


def one_per_item(dateline: Any) -> bool:
    """True when `dateline` is a list of dates (one per input or document), not one date."""
    return not (dateline is None or isinstance(dateline, (str, date)))


def _unset(value: Any) -> bool:
    """True for no dateline in a list of one per input (None, "", NaN): that input's own."""
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def explicit_datelines(
    dateline: Any, n_items: int, noun: str = "input"
) -> Callable[[int], date | None]:
    """item index -> its explicit dateline, from None, one date, or a list of one date per item
    (None in the list: that item's own dateline; `noun` names the items in the error for a list
    of the wrong length)."""
    if dateline is None or (isinstance(dateline, str) and not dateline.strip()):
        return lambda index: None
    if not one_per_item(dateline):
        day = user_date(dateline)
        return lambda index: day
    days = [None if _unset(value) else user_date(value) for value in dateline]
    if len(days) != n_items:
        items = f"{n_items} {noun}" + ("" if n_items == 1 else "s")
        raise ValueError(f"{len(days)} datelines for {items} (give one, or one per {noun})")
    return lambda index: days[index]
