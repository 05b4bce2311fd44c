"""What every reader shares: the caller's options and limits, and bytes to text.

Bytes become text once, here: UTF-8 when it is, else the encoding charset_normalizer finds, with a
warning; empty, binary and undecodable bytes raise `Unreadable` with the reason.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..document import Document
from ..errors import InputError, Unreadable

Result = Document | InputError  # what a reader yields: a document, or why one could not be had
MAX_BYTES = 20 * 1024 * 1024  # per text document (a whole file, or one CSV/JSONL record)


UNREADABLE_SHARE = 0.1  # above this share of control/replacement characters, text is garbage


@dataclass(frozen=True)
class Options:
    """What the caller chose: column names for CSV/JSONL and the size limit."""

    text_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class Encoding:
    """How to decode a file's bytes, and a warning when they were not clean UTF-8."""

    name: str
    errors: str = "strict"
    note: str = ""


def text_encoding(data: bytes) -> Encoding:
    """UTF-8; mostly-UTF-8 with its few bad bytes replaced; else what charset_normalizer finds.

    Raises `Unreadable` for empty, binary (NUL bytes) and undecodable bytes.
    """
    if not data.strip():
        raise Unreadable("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16", "replace")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        data.decode("utf-8-sig")
        return Encoding("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    if (
        sum(ord(ch) > 127 for ch in as_utf8) - bad > bad
    ):  # real UTF-8 characters outnumber bad bytes
        return Encoding(
            "utf-8-sig", "replace", f"{bad} undecodable byte(s) replaced; the rest is UTF-8"
        )
    guess = guessed_encoding(data)
    if guess is None:
        raise Unreadable(
            f"undecodable bytes: not UTF-8 (bad byte at offset {bad_at}) nor any known encoding"
        )
    return Encoding(guess, "replace", f"not UTF-8: read as {guess}")


def decoded(data: bytes) -> tuple[str, Encoding]:
    """The text of a file's bytes and how it was decoded; `Unreadable` when it is not text."""
    encoding = text_encoding(data)
    return readable(data.decode(encoding.name, encoding.errors)), encoding


def guessed_encoding(data: bytes) -> str | None:
    """The encoding charset_normalizer finds plausible for non-UTF-8 bytes, or None."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None:
        return None
    # short Western texts fit several code pages equally well; cp1252 is the usual one
    tied = [m.encoding for m in matches if m.chaos <= best.chaos]
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
    """A front-matter or record value as a stripped string ("" for None)."""
    return "" if value is None else str(value).strip()
