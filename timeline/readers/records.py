"""Records: one document per CSV row, JSON Lines line or JSON array item; columns named or guessed.

Record files stream: a million-row CSV is read row by row, and a bad row is an error for that row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..document import Document
from ..errors import InputError, Unreadable
from .common import Encoding, Options, Result, decoded, megabytes, text_encoding, text_value

TEXT_COLUMNS = ("text", "body", "content", "article", "story", "full_text", "fulltext")


DATE_COLUMNS = ("date", "published", "published_at", "pubdate", "dateline", "datetime", "dct")


TITLE_COLUMNS = ("title", "headline", "heading")


def read_csv(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per CSV row; the text, date and title columns are named or guessed."""
    encoding = stream_encoding(stream)
    lines = io.TextIOWrapper(stream, encoding=encoding.name, errors="replace", newline="")
    first = lines.readline()
    if not first.strip():
        raise Unreadable("empty file")
    lines.seek(0)
    delimiter = max(",;\t|", key=first.count)
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    rows = csv.DictReader(lines, delimiter=delimiter)
    numbered = enumerate(_checked_rows(rows), start=1)
    columns = rows.fieldnames or []
    yield from record_documents(name, "row", numbered, options, columns, encoding.note)


def _checked_rows(rows: csv.DictReader) -> Iterator[dict]:
    """The rows of a CSV reader; a malformed tail becomes `Unreadable`."""
    try:
        yield from rows
    except csv.Error as exc:
        raise Unreadable(f"malformed CSV at line {rows.line_num}: {exc}") from None


def read_jsonl(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per JSON Lines record; a bad line is an error for that line only."""
    encoding = stream_encoding(stream)
    lines = io.TextIOWrapper(stream, encoding=encoding.name, errors="replace")
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


def stream_encoding(stream: IO[bytes]) -> Encoding:
    """The encoding of a record file, judged from its first 64 KB (the stream is rewound)."""
    head = stream.read(65536)
    stream.seek(0)
    if len(head) == 65536 and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]  # no character cut in half
    return text_encoding(head)


def record_documents(
    name: str,
    unit: str,
    numbered: Iterable[tuple[int, dict | str]],
    options: Options,
    columns: list[str] | None = None,
    note: str = "",
) -> Iterator[Result]:
    """Documents from numbered records (a str record is the reason it could not be read).

    `columns` are the CSV header (else the first record's keys); `note` an encoding warning.
    """
    stem, chosen = Path(name).stem, None
    if columns is not None:
        chosen = chosen_columns(columns, options)
    for n, record in numbered:
        where = f"{unit} {n}"
        if isinstance(record, str):
            yield InputError(name, record, where)
            continue
        if chosen is None:
            chosen = chosen_columns(list(record), options)
        text = text_value(record.get(chosen["text"]))
        if not text:
            yield InputError(name, f"no text in column '{chosen['text']}'", where)
            continue
        if len(text.encode("utf-8")) > options.max_bytes:
            yield InputError(
                name, f"text too large (the limit is {megabytes(options.max_bytes)})", where
            )
            continue
        doc = Document(doc_id=f"{stem}-{n}", text=text.replace("\r\n", "\n"), path=name)
        doc.title = text_value(record.get(chosen["title"])) if chosen["title"] else ""
        doc.source = text_value(record.get(chosen["source"])) if chosen["source"] else ""
        doc.url = text_value(record.get(chosen["url"])) if chosen["url"] else ""
        doc.meta[unit] = n
        doc.warnings.extend([note] if note else [])
        doc.meta["record"] = {k: v for k, v in record.items() if k != chosen["text"]}
        raw_date = text_value(record.get(chosen["date"])) if chosen["date"] else ""
        if raw_date:
            doc.meta["published"] = raw_date
            field_name = "CSV column" if unit == "row" else "JSON field"
            doc.meta["published_from"] = f"{field_name} '{chosen['date']}'"
        yield doc


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
        "source": pick(None, ("source", "publisher", "outlet"), "source"),
        "url": pick(None, ("url", "link"), "url"),
    }
    if chosen["text"] is None:
        raise Unreadable(
            f"no text column found (columns: {', '.join(columns)}); name it with --text-column"
        )
    return chosen
