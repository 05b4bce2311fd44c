"""Uploaded files → the events of their articles: the work of an upload job (see `jobs`).

`extract_uploads` runs in a child process held to the job's limits; it returns plain values (the
fresh frame and the notes for the user), which the job then merges into the session's latest
events. Notes are (text, kind) pairs, kind one of "ok", "warning", "error".
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from datetime import date

import pandas as pd

from .jobs import LimitExceeded
from .state import extracted

Note = tuple[str, str]
PROGRESS_EVERY = 0.5  # seconds between two progress messages while extracting

# what the readers tell a command-line user to do, said for someone in the browser
BROWSER_WORDS = (
    ("name it with --text-column", "rename the column holding the article text to 'text'"),
    ("(name one with --date-column)", "(rename the date column to 'date', or give a dateline)"),
    ("give --dateline YYYY-MM-DD", "give the dateline in the field beside the drop zone"),
    ("give --dateline if", "give the dateline in the field beside the drop zone if"),
)


def for_the_browser(text: str) -> str:
    """A reader's message without command-line flags: what to do in the page instead."""
    for flag, words in BROWSER_WORDS:
        text = text.replace(flag, words)
    return text


def read_uploads(names: list, contents: list, max_articles: int | None = None) -> tuple[list, list]:
    """Documents from uploaded files (data: URLs), and one note per file that could not be read.

    More than `max_articles` documents in all is a `LimitExceeded` naming the file that passed it.
    """
    from ..errors import InputError
    from ..readers import read_bytes

    docs, notes = [], []
    for name, content in zip(names, contents, strict=False):
        try:
            data = base64.b64decode(content.split(",", 1)[1])
        except (IndexError, ValueError):
            notes.append((f"{name}: the upload arrived damaged; try again", "error"))
            continue
        for item in read_bytes(name, data):
            if isinstance(item, InputError):
                notes.append((for_the_browser(str(item)), "error"))
            else:
                docs.append(item)
        if max_articles is not None and len(docs) > max_articles:
            raise LimitExceeded(
                f"{name}: {len(docs):,} articles in this upload, more than the {max_articles:,} "
                "one upload may add: split the file, or have the dashboard started on it"
            )
    return docs, notes


def extract_uploads(
    names: list,
    contents: list,
    dateline: date | None,
    taken: set[str],
    max_articles: int,
    progress: Callable[[str], None],
) -> tuple[pd.DataFrame | None, list[Note]]:
    """The events frame of the uploaded articles (None when none could be read) and the notes
    on them; doc_ids are made unique against `taken`."""
    progress(f"Reading {len(names)} file(s)…")
    docs, notes = read_uploads(names, contents, max_articles)
    if not docs:
        return None, notes or [("No article could be read.", "error")]
    total = len(docs)
    last = [0.0]

    def counted(n: int) -> None:
        if time.monotonic() - last[0] >= PROGRESS_EVERY:
            last[0] = time.monotonic()
            progress(f"Extracting events: article {n:,} of {total:,}…")

    fresh = extracted(docs, taken, dateline, counted)
    progress("Merging with the events already loaded…")
    return fresh, notes


def outcome_notes(before: int, after: int, fresh: pd.DataFrame, read: list[Note]) -> list[Note]:
    """What the user is told once an upload is merged: how much it added, then each file that
    could not be read or dated, and each warning."""
    from ..schema import ARTICLES, ERRORS, WARNINGS

    added = f"Added {len(fresh.attrs.get(ARTICLES, {}))} article(s) with {after - before} event(s)."
    return [
        (added, "ok"),
        *read,
        *((for_the_browser(str(e)), "error") for e in fresh.attrs.get(ERRORS, [])),
        *((for_the_browser(str(w)), "warning") for w in fresh.attrs.get(WARNINGS, [])),
    ]
