"""Inputs that are Python objects, not files: a DataFrame of articles, an article's text, a Document.

A DataFrame is read as a CSV is (the same column guessing: text/body, date/published,
title/headline, source, url; or the columns named), one document per row, "row <index label>" in
errors. A string is an article's text, not a path, when it holds a line break, or names no file
and reads as words (three or more, no file suffix, not ending in a path separator).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import InputError, Unreadable
from .common import SUFFIXES, Options, Result
from .records import record_documents
from .text import read_text

TEXT_WORDS = 3  # a string of this many words that names no file is an article's text
LONGEST_PATH = 4096


def is_frame(item: Any) -> bool:
    """True for a pandas DataFrame (checked without importing pandas)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(item, pandas.DataFrame)


def is_object(item: Any) -> bool:
    """True for an input read by this module: a Document, a DataFrame, an article's text."""
    return isinstance(item, Document) or is_frame(item) or is_article_text(item)


def is_article_text(item: Any) -> bool:
    """True when a string given as an input is an article's text rather than a path."""
    if not isinstance(item, str):
        return False
    if "\n" in item or len(item) > LONGEST_PATH or not item.strip():  # "" is no path (not ".")
        return True
    try:
        if os.path.exists(item):
            return False
    except (OSError, ValueError):  # a NUL byte, a name too long: no path
        return True
    return (
        len(item.split()) >= TEXT_WORDS
        and Path(item).suffix.lower() not in SUFFIXES
        and not item.rstrip().endswith(("/", os.sep))
    )


def frame_documents(frame: Any, name: str, options: Options) -> Iterator[Result]:
    """One document per row of a DataFrame of articles (errors name the row's index label)."""
    columns = [str(c) for c in frame.columns]
    if len(set(columns)) < len(columns):
        raise Unreadable(f"the DataFrame has repeated column names ({', '.join(columns)})")
    rows = frame.itertuples(index=True, name=None)
    numbered = ((row[0], dict(zip(columns, row[1:], strict=True))) for row in rows)
    yield from record_documents(
        name, "row", numbered, options, columns, ids="row", field="DataFrame column"
    )


def text_document(text: str, name: str, options: Options) -> Iterator[Result]:
    """The document of an article's text given as a string (front matter and headline read as in
    a .txt file); its doc id is `name`."""
    for result in read_text(name, text.encode("utf-8", errors="surrogatepass"), options):
        if isinstance(result, Document):
            result.path = ""
        yield result


def object_documents(item: Any, index: int, alone: bool, options: Options) -> Iterator[Result]:
    """The documents of one input that is an object: a Document, a DataFrame or a text (the
    `index`-th input; `alone` when it is the only one)."""
    if isinstance(item, Document):
        if not item.text.strip():
            yield InputError(item.path or item.doc_id, "empty text")
        else:
            yield replace(item, meta=dict(item.meta), warnings=list(item.warnings))
        return
    framed = is_frame(item)
    name = ("DataFrame" if alone else f"DataFrame {index + 1}") if framed else f"text-{index + 1}"
    try:
        if framed:
            yield from frame_documents(item, name, options)
        else:
            yield from text_document(item, name, options)
    except Unreadable as exc:
        yield InputError(name, "empty text" if str(exc) == "empty file" else str(exc))
