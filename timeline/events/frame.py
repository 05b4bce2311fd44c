"""The frame of a batch: read, date, tag and merge many documents into one events frame."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..document import Document, failed, record_in_file
from ..errors import InputError, InputWarning, ReferenceDateError
from ..readers import read_inputs, sample_paths, unique_id
from ..reference import explicit_datelines, one_per_item, reference_date
from ..schema import ARTICLES, ERRORS, WARNINGS, Articles, conform, empty_frame
from .about import about as about_rows
from .dating import document_rows
from .merge import merge_events

FEW_DOCUMENTS = 3  # no progress bar for this many documents or fewer
AUTO_PROGRESS_DELAY = 0.5  # seconds before an unasked-for bar appears (quick runs show none)


def _article(doc: Document) -> dict:
    """The attrs[ARTICLES] entry of a document."""
    return {
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "path": doc.path,
        "dateline": doc.dct.isoformat() if doc.dct else "",
        "dateline_source": doc.dct_source,
        "text": doc.text,
    }


def _progress(items: Iterable, total: int | None, quiet: bool, progress: bool | None) -> Iterable:
    """`items` behind a tqdm bar on stderr: always when `progress` is True; by default only in a
    terminal, not `quiet`, for more than a few documents, and once the batch has run a moment."""
    if progress is False or (progress is None and (quiet or not sys.stderr.isatty())):
        return items
    if progress is None and total is not None and total <= FEW_DOCUMENTS:
        return items
    from tqdm import tqdm

    delay = 0 if progress else AUTO_PROGRESS_DELAY
    return tqdm(items, total=total, desc="timeline", unit="doc", file=sys.stderr, delay=delay)


@dataclass
class _Batch:
    """What a batch collects besides rows: articles, bad files and warnings."""

    rows: list[dict]
    articles: dict
    errors: list[InputError]
    warnings: list[InputWarning]
    seen: set[str]

    def frame(self, merge: bool = True, entities: Sequence[str] = ()) -> pd.DataFrame:
        if not self.rows:
            frame = empty_frame()
        else:
            frame = conform(pd.DataFrame(self.rows))
            if entities:
                texts = {doc_id: a["text"] for doc_id, a in self.articles.items()}
                frame = about_rows(frame, entities, texts)
            frame = merge_events(frame) if merge else frame
        frame.attrs = {
            ARTICLES: Articles(self.articles),
            ERRORS: self.errors,
            WARNINGS: self.warnings,
        }
        return frame


def _add_document(batch: _Batch, doc: Document, explicit: date | None) -> None:
    """Date, tag and add one document; a document that fails becomes an error record."""
    try:
        doc = reference_date(doc, explicit)
    except ReferenceDateError as exc:
        batch.errors.append(failed(doc, str(exc)))
        return
    doc = replace(doc, doc_id=unique_id(doc.doc_id, batch.seen))
    try:
        rows = document_rows(doc)
    except Exception as exc:  # a bug on one article must not lose the batch
        batch.errors.append(failed(doc, f"could not extract events: {exc}"))
        return
    where = doc.path or doc.doc_id
    batch.warnings += [InputWarning(where, note, record_in_file(doc)) for note in doc.warnings]
    batch.articles[doc.doc_id] = _article(doc)
    batch.rows += rows


def _run(
    items: Iterable[Document | InputError],
    dateline_of: Callable[[Document, int], date | None],
    total: int | None,
    quiet: bool,
    progress: bool | None,
    merge: bool = True,
    entities: Sequence[str] = (),
) -> pd.DataFrame:
    """The frame of a batch; `dateline_of(doc, n)` gives the n-th document's explicit dateline;
    `merge=False` keeps every report as its own row (a cluster run merges once, by ranges)."""
    batch = _Batch([], {}, [], [], set())
    n = 0
    for item in _progress(items, total, quiet, progress):
        if isinstance(item, InputError):
            batch.errors.append(item)
            continue
        _add_document(batch, item, dateline_of(item, n))
        n += 1
    return batch.frame(merge, entities)


def frame_from_documents(
    docs: Iterable[Document | InputError],
    dateline: Any = None,
    quiet: bool = True,
    progress: bool | None = None,
    merge: bool = True,
    about: Sequence[str] = (),
) -> pd.DataFrame:
    """The events frame of documents already read (uploads, a re-dated article).

    `dateline` is one date for all, or a list with one date per document in order (read errors
    take none); a list of the wrong length is a ValueError.
    """
    items = list(docs) if one_per_item(dateline) else docs
    count = sum(isinstance(item, Document) for item in items) if items is not docs else None
    explicit_for = explicit_datelines(dateline, count or 0, noun="document")
    return _run(items, lambda doc, n: explicit_for(n), count, quiet, progress, merge, about)


def extract(
    inputs: Any = None,
    dateline: Any = None,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    quiet: bool = False,
    progress: bool | None = None,
    about: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """One merged events frame from files, folders or globs (None: the bundled samples).

    `dateline` is one date for every document, or a list with one date per input (every
    document read from the i-th input gets the i-th date); a list of the wrong length is a
    ValueError. Bad files become attrs[ERRORS], notes such as an inferred dateline attrs[WARNINGS].
    `about` keeps the events whose clause mentions one of these entities (see `events.about`).
    """
    paths = sample_paths() if inputs is None else inputs
    if isinstance(paths, (str, bytes)) or not isinstance(paths, Iterable):
        paths = [paths]
    paths = list(paths)
    explicit_for = explicit_datelines(dateline, len(paths))
    items = read_inputs(
        paths, text_column=text_column, date_column=date_column, title_column=title_column
    )
    total = len(paths) if all(_is_file(p) for p in paths) else None
    entities = [about] if isinstance(about, str) else list(about or ())
    return _run(
        items,
        lambda doc, n: explicit_for(doc.meta.get("input_index", 0)),
        total,
        quiet,
        progress,
        entities=entities,
    )


def _is_file(path: Any) -> bool:
    try:
        return Path(path).is_file()
    except (TypeError, OSError):
        return False
