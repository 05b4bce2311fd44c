"""RSS and Atom feeds: one document per entry, dated by the entry's published (or updated) date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import InputError, Unreadable
from .common import Options, Result, one_line
from .html import fragment_text


def read_feed(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """One document per feed entry, with the entry's published (or updated) date."""
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not a feed")
    import feedparser

    parsed = feedparser.parse(data)  # bytes: never a URL
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = (
            f"not a readable feed: {one_line(str(problem))}" if problem else "feed has no entries"
        )
        raise Unreadable(reason)
    stem, source = Path(name).stem, parsed.feed.get("title", "").strip()
    for n, entry in enumerate(parsed.entries, start=1):
        text = fragment_text(entry_html(entry))
        if not text:
            yield InputError(name, "entry has no text", f"entry {n}")
            continue
        doc = Document(doc_id=f"{stem}-{n}", text=text, path=name, source=source)
        doc.title = fragment_text(entry.get("title", ""))
        doc.url = entry.get("link", "")
        doc.meta.update(entry=n, entry_id=entry.get("id", ""))
        for key in ("published", "updated", "created"):
            if entry.get(key):
                doc.meta["published"] = entry[key]
                doc.meta["published_from"] = f"feed entry's {key} date"
                break
        yield doc


def entry_html(entry: Any) -> str:
    """The fullest body a feed entry has: its longest content, else its summary."""
    longest = max((c.get("value", "") for c in entry.get("content", [])), key=len, default="")
    return longest or entry.get("summary", "")
