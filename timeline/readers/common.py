"""What every reader shares: the caller's options and limits, and bytes to text.

Bytes become text once, here: UTF-8 when it is, else (line by line: a file may mix encodings) the
encoding charset_normalizer finds, with one warning per file; empty, binary and undecodable bytes
raise `Unreadable` with the reason.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..document import Document
from ..errors import InputError, Unreadable

Result = Document | InputError  # what a reader yields: a document, or why one could not be had
SUFFIXES = (  # the files a folder walk reads
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".csv",
    ".jsonl",
    ".json",
    ".tml",
)
MAX_BYTES = 20 * 1024 * 1024  # per text document (a whole file, or one CSV/JSONL record)


UNREADABLE_SHARE = 0.1  # above this share of control/replacement characters, text is garbage


@dataclass(frozen=True)
class Options:
    """What the caller chose: column names for CSV/JSONL/DataFrame records and the size limit."""

    text_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    max_bytes: int = MAX_BYTES
    url_column: str | None = None
    source_column: str | None = None


SAMPLE_BYTES = 1_000_000  # of the lines that are not UTF-8, handed to charset_normalizer


@dataclass(frozen=True)
class Encoding:
    """How a file's lines become text: UTF-8 where they are, `fallback` for the lines that are not
    (None: their few bad bytes replaced), and the warning to give once for the file."""

    name: str = "utf-8"  # what the file is said to be read as ("utf-8", "cp1252", "utf-16")
    fallback: str | None = None
    note: str = ""

    def line(self, raw: bytes) -> str:
        """One line's text: UTF-8 when it is, mostly-UTF-8 with bad bytes replaced, else fallback."""
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        as_utf8 = raw.decode("utf-8", errors="replace")
        if self.fallback is None or _mostly_utf8(as_utf8):
            return as_utf8
        return raw.decode(self.fallback, errors="replace")


def _mostly_utf8(as_utf8: str) -> bool:
    """True when real UTF-8 characters outnumber the bytes that did not decode (a stray byte)."""
    bad = as_utf8.count("\ufffd")
    return sum(ord(ch) > 127 for ch in as_utf8) - bad > bad


def check_head(head: bytes) -> str | None:
    """ "utf-16" for a UTF-16 byte-order mark, else None; `Unreadable` for empty or binary bytes."""
    if not head.strip():
        raise Unreadable("empty file")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise Unreadable("binary file (contains NUL bytes), not text")
    return None


def encoding_of(lines: Iterable[bytes]) -> Encoding:
    """How to decode the lines of a file, judged from every one of them (one pass, linear).

    A file that is UTF-8 except for some lines (ASCII for 64 KB, cp1252 after; two exports
    pasted together) reads each of those lines in the encoding charset_normalizer finds for them,
    with one warning; a stray bad byte in a UTF-8 line is replaced. `Unreadable` when the lines
    that are not UTF-8 are in no known encoding.
    """
    offset, first_bad, first_line = 0, None, 0
    stray, foreign, foreign_lines, sample, utf8_seen = 0, 0, 0, [], False
    for number, raw in enumerate(lines, start=1):
        try:
            raw.decode("utf-8")
            utf8_seen = utf8_seen or not raw.isascii()
        except UnicodeDecodeError as exc:
            if first_bad is None:
                first_bad, first_line = offset + exc.start, number
            as_utf8 = raw.decode("utf-8", errors="replace")
            if _mostly_utf8(as_utf8):
                stray += as_utf8.count("\ufffd")
                utf8_seen = True
            else:
                foreign_lines += 1
                if foreign < SAMPLE_BYTES:
                    sample.append(raw)
                    foreign += len(raw)
        offset += len(raw)
    if first_bad is None:
        return Encoding()
    if not foreign_lines:
        return Encoding(note=f"{stray} undecodable byte(s) replaced; the rest is UTF-8")
    guess = guessed_encoding(b"".join(sample))
    if guess is None:
        raise Unreadable(
            f"undecodable bytes: not UTF-8 (bad byte at offset {first_bad}) nor any known encoding"
        )
    if not utf8_seen:
        return Encoding(guess, guess, f"not UTF-8: read as {guess}")
    return Encoding(
        guess,
        guess,
        f"mixed encodings: {foreign_lines} line(s) are not UTF-8 and were read as {guess} "
        f"(the first is line {first_line})",
    )


def byte_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a binary stream, ends kept, split at \\n, \\r\\n and a lone \\r."""
    for raw in stream:
        if b"\r" in raw[:-2]:
            yield from raw.splitlines(keepends=True)
        else:
            yield raw


def text_lines(stream: IO[bytes]) -> tuple[Iterator[str], Encoding]:
    """The lines of a record file as text, and how they were decoded (judged from the whole
    stream, which is read twice: once to judge, once to decode)."""
    head = stream.read(4096)
    stream.seek(0)
    if check_head(head) == "utf-16":
        data = stream.read().decode("utf-16", errors="replace")
        return iter(data.splitlines(keepends=True)), Encoding("utf-16", note="read as UTF-16")
    encoding = encoding_of(byte_lines(stream))
    stream.seek(0)
    lines = (encoding.line(raw) for raw in byte_lines(stream))
    return _without_bom(lines), encoding


def _without_bom(lines: Iterator[str]) -> Iterator[str]:
    first = next(lines, None)
    if first is not None:
        yield first.removeprefix("\ufeff")
        yield from lines


def decoded(data: bytes) -> tuple[str, Encoding]:
    """The text of a file's bytes and how it was decoded; `Unreadable` when it is not text."""
    if check_head(data) == "utf-16":
        return readable(data.decode("utf-16", errors="replace")), Encoding("utf-16")
    try:
        return readable(data.decode("utf-8-sig")), Encoding()
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    encoding = encoding_of(lines)
    text = "".join(encoding.line(raw) for raw in lines).removeprefix("\ufeff")
    return readable(text), encoding


def guessed_encoding(data: bytes) -> str | None:
    """The encoding charset_normalizer finds plausible for non-UTF-8 bytes, or None."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:SAMPLE_BYTES])
    best = matches.best()
    if best is None:
        return None
    # short Western texts fit several code pages equally well (cp775 reads "Müller" as well as
    # cp1252 does); cp1252 is the usual one, so it wins whenever it reads them as well as the best
    tied = {name for m in matches if m.chaos <= best.chaos for name in m.could_be_from_charset}
    return "cp1252" if "cp1252" in tied else best.encoding


def readable(text: str) -> str:
    """`text` with newlines normalized; `Unreadable` when it is mostly control/replacement chars."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:100_000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\f")
    )
    if sample and bad / len(sample) > UNREADABLE_SHARE:
        raise Unreadable(
            f"unreadable: {bad / len(sample):.0%} of the characters are control or undecodable bytes"
        )
    return text


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def one_line(text: str, limit: int = 160) -> str:
    """`text` on one line, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def text_value(value: Any) -> str:
    """A front-matter or record value as a stripped string ("" for None, NaN and pandas' NA)."""
    if value is None or is_missing(value):
        return ""
    return str(value).strip()


def is_missing(value: Any) -> bool:
    """True for NaN, NaT and pandas' NA: an empty cell of a DataFrame."""
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")
