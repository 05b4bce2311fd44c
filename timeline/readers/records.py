"""Records: one document per CSV row, JSON Lines line, JSON array item or DataFrame row; columns
named or guessed.

Record files stream: a million-row CSV is read row by row, and a bad row is an error for that row.
A CSV record that runs across rows (an unclosed quote swallowing the rows after it) is an error
naming the row and its lines, and the lines after its first are read again as rows of their own.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..dates import DateColumn, DateError
from ..document import Document
from ..errors import InputError, Unreadable
from .common import Options, Result, decoded, megabytes, text_lines, text_value

TEXT_COLUMNS = ("text", "body", "content", "article", "story", "full_text", "fulltext")


DATE_COLUMNS = ("date", "published", "published_at", "pubdate", "dateline", "datetime", "dct")


TITLE_COLUMNS = ("title", "headline", "heading")


SOURCE_COLUMNS = ("source", "publisher", "outlet")


URL_COLUMNS = ("url", "link")


# --- CSV -----------------------------------------------------------------------------------------
def read_csv(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per CSV row; the text, date, title, source and url columns named or guessed."""
    lines, encoding = text_lines(stream)
    first = next(lines, "")
    if not first.strip():
        raise Unreadable("empty file")
    delimiter = max(",;\t|", key=first.count)
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    records = csv_records(_chained(first, lines), delimiter)
    header = next(records, None)
    if header is None or isinstance(header[2], str):
        raise Unreadable(f"no CSV header on line 1 ({header[2] if header else 'empty'})")
    columns = [c.strip() for c in header[2]]
    numbered = (
        (n, row_record(columns, first_line, last_line, fields))
        for n, (first_line, last_line, fields) in enumerate(records, start=1)
    )
    yield from record_documents(name, "row", numbered, options, columns, encoding.note)


def _chained(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


class _Lines:
    """Physical lines for the csv module, numbered from 1; the lines of the record being read are
    kept (`taken`) so that a record running across rows can be read again from its second line."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._again: list[tuple[int, str]] = []  # lines to read again, last first
        self._count = 0
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._again:
            number, line = self._again.pop()
        else:
            line = next(self._lines)
            self._count += 1
            number = self._count
        self.taken.append((number, line))
        return line

    def read_again(self, taken: list[tuple[int, str]]) -> None:
        self._again.extend(reversed(taken))


def csv_records(lines: Iterator[str], delimiter: str) -> Iterator[tuple[int, int, list[str] | str]]:
    """(first line, last line, fields) per non-blank CSV record; fields is the reason (a str) for a
    record the csv module cannot read, whose later lines are then read again as records."""
    source = _Lines(lines)
    while True:
        source.taken = []
        reader = csv.reader(source, delimiter=delimiter, strict=True)
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            taken = source.taken
            yield taken[0][0], taken[-1][0], str(exc)
            source.read_again(taken[1:])
            continue
        if fields:
            yield source.taken[0][0], source.taken[-1][0], fields


def row_record(columns: list[str], first: int, last: int, fields: list[str] | str) -> dict | str:
    """A CSV row as {column: value}, or why it is not one (naming its lines)."""
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    if isinstance(fields, str) or (first != last and len(fields) != len(columns)):
        problem = fields if isinstance(fields, str) else f"{len(fields)} fields"
        if first == last:
            return f"malformed CSV ({lines}): {problem}"
        again = f"line {last} is" if last == first + 1 else f"lines {first + 1}–{last} are"
        return (
            f"a record that runs across rows ({lines}: {problem}; an unclosed quote?); "
            f"{again} read again as rows"
        )
    if len(fields) > len(columns):
        return f"{len(fields)} fields where the header has {len(columns)} ({lines})"
    return dict(zip(columns, fields, strict=False))


# --- JSON ----------------------------------------------------------------------------------------
def read_jsonl(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per JSON Lines record; a bad line is an error for that line only."""
    lines, encoding = text_lines(stream)
    records = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    numbered = (_json_record(n, line) for n, line in records)
    yield from record_documents(name, "line", numbered, options, note=encoding.note)


def _json_record(n: int, line: str) -> tuple[int, dict | str]:
    """(line number, the record) or (line number, why it is not one)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return n, f"not valid JSON: {exc.msg} (column {exc.colno})"
    return n, record if isinstance(record, dict) else "not a JSON object"


def read_json(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """Documents from a .json file: an array of records, {"articles": [...]}, or one record."""
    text, encoding = decoded(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines under a .json name
            yield from read_jsonl(name, io.BytesIO(text.encode()), options)
            return
        raise Unreadable(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        value = lists[0] if len(lists) == 1 else [value]
    if not isinstance(value, list):
        raise Unreadable("JSON is neither a list of records nor a record")
    numbered = (
        (n, r if isinstance(r, dict) else "not a JSON object") for n, r in enumerate(value, 1)
    )
    yield from record_documents(name, "record", numbered, options, note=encoding.note)


# --- records to documents ------------------------------------------------------------------------
def record_documents(
    name: str,
    unit: str,
    numbered: Iterable[tuple[Any, dict | str]],
    options: Options,
    columns: list[str] | None = None,
    note: str = "",
    *,
    ids: str | None = None,
    field: str | None = None,
) -> Iterator[Result]:
    """Documents from numbered records (a str record is the reason it could not be read).

    `columns` are the header (else the first record's keys); `note` a warning about the whole
    file, given once (with its first document); doc ids are `{ids}-{n}` (default: the file's
    stem); `field` names a column in messages ("CSV column", "JSON field").
    """
    stem = Path(name).stem if ids is None else ids
    field = field or ("CSV column" if unit == "row" else "JSON field")
    chosen = chosen_columns(columns, options) if columns is not None else None
    dates: DateColumn | None = None
    pending = [f"{note} (the whole file)"] if note else []  # file notes not given yet
    date_noted = False
    for n, record in numbered:
        where = f"{unit} {n}"
        if isinstance(record, str):
            yield InputError(name, record, where)
            continue
        if chosen is None:
            chosen = chosen_columns([str(k) for k in record], options)
        if dates is None and chosen["date"]:
            dates = DateColumn(chosen["date"])
        text = text_value(record.get(chosen["text"]))
        if not text:
            yield InputError(name, f"no text in column '{chosen['text']}'", where)
            continue
        if len(text.encode("utf-8", errors="replace")) > options.max_bytes:
            yield InputError(
                name, f"text too large (the limit is {megabytes(options.max_bytes)})", where
            )
            continue
        doc = Document(doc_id=f"{stem}-{n}", text=text.replace("\r\n", "\n"), path=name)
        for role in ("title", "source", "url"):
            setattr(doc, role, text_value(record.get(chosen[role])) if chosen[role] else "")
        doc.meta[unit] = n
        doc.meta["record"] = {k: v for k, v in record.items() if k != chosen["text"]}
        set_record_date(doc, record.get(chosen["date"]) if chosen["date"] else None, dates, field)
        if dates is not None and dates.note and not date_noted:
            pending.append(dates.note)
            date_noted = True
        doc.warnings.extend(pending)
        pending = []
        yield doc


def set_record_date(doc: Document, value: Any, dates: DateColumn | None, field: str) -> None:
    """A record's date cell in `doc.meta`: as written, and as read (or why it is no date)."""
    if dates is None:
        doc.meta["published_missing"] = f"no date {field.split()[-1]} (name one with --date-column)"
        return
    raw = text_value(value)
    if not raw:
        doc.meta["published_missing"] = f"no date in {field} '{dates.name}'"
        return
    doc.meta["published"] = raw
    doc.meta["published_from"] = f"{field} '{dates.name}'"
    try:
        doc.meta["published_date"] = dates.parse(value)
    except (DateError, OverflowError) as exc:
        doc.meta["published_refused"] = str(exc)


def chosen_columns(columns: list[str], options: Options) -> dict[str, str | None]:
    """Which column holds text, date, title, source and url: as named, else guessed by name."""

    def pick(given: str | None, guesses: tuple[str, ...], role: str) -> str | None:
        if given:
            if given not in columns:
                raise Unreadable(f"no {role} column '{given}' (columns: {', '.join(columns)})")
            return given
        lowered = {c.strip().lower(): c for c in columns}
        return next((lowered[g] for g in guesses if g in lowered), None)

    chosen = {
        "text": pick(options.text_column, TEXT_COLUMNS, "text"),
        "date": pick(options.date_column, DATE_COLUMNS, "date"),
        "title": pick(options.title_column, TITLE_COLUMNS, "title"),
        "source": pick(options.source_column, SOURCE_COLUMNS, "source"),
        "url": pick(options.url_column, URL_COLUMNS, "url"),
    }
    if chosen["text"] is None:
        raise Unreadable(
            f"no text column found (columns: {', '.join(columns)}); name it with --text-column"
        )
    return chosen
