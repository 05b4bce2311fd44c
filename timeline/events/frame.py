"""The frame of a batch: read, date, tag and merge many documents into one events frame."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd

from ..document import Document, failed, record_in_file
from ..errors import TIME_BUDGET, InputError, InputWarning, OverBudget, ReferenceDateError
from ..progress import progress_bar, shown
from ..readers import Reading, as_list, input_size, read_inputs, sample_paths, unique_id
from ..reference import explicit_datelines, one_per_item, reference_date
from ..schema import ARTICLES, DUPLICATES, ERRORS, WARNINGS, Articles, conform, empty_frame
from .about import about as about_rows
from .dating import document_rows
from .merge import merge_events

FEW_DOCUMENTS = 3  # no progress bar for this many documents or fewer


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


@dataclass
class _Batch:
    """What a batch collects besides rows: articles, bad files and warnings."""

    rows: list[dict]
    articles: dict
    errors: list[InputError]
    warnings: list[InputWarning]
    seen: set[str]
    budget: float | None = TIME_BUDGET  # seconds per document (None: no limit)
    parts: list[pd.DataFrame] = field(default_factory=list)  # rows framed so far

    def add(self, rows: list[dict]) -> None:
        """Keep a document's rows; every ROWS_PER_FRAME rows become a frame (its columns hold
        strings far more compactly than row dicts do)."""
        self.rows += rows
        if len(self.rows) >= ROWS_PER_FRAME:
            self.parts.append(_framed(self.rows))
            self.rows = []

    def frame(self, merge: bool = True, entities: Sequence[str] = ()) -> pd.DataFrame:
        parts = [*self.parts, _framed(self.rows)] if self.rows else self.parts
        if not parts:
            frame = empty_frame()
        else:
            frame = parts[0] if len(parts) == 1 else conform(pd.concat(parts, ignore_index=True))
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


ROWS_PER_FRAME = 20_000


def _framed(rows: list[dict]) -> pd.DataFrame:
    """Rows as a conformed frame (every row has the same fields: `dating._group_row`)."""
    return conform(pd.DataFrame({name: [row[name] for row in rows] for name in rows[0]}))


def _add_document(batch: _Batch, doc: Document, explicit: date | None) -> None:
    """Date, tag and add one document; a document that fails becomes an error record."""
    try:
        doc = reference_date(doc, explicit)
    except ReferenceDateError as exc:
        batch.errors.append(failed(doc, str(exc)))
        return
    doc = replace(doc, doc_id=unique_id(doc.doc_id, batch.seen))
    try:
        rows = document_rows(doc, batch.budget)
    except OverBudget:
        why = f"took longer than {batch.budget:g} s, the time budget of a document: left out"
        batch.errors.append(failed(doc, why))
        return
    except Exception as exc:  # a bug on one article must not lose the batch
        batch.errors.append(failed(doc, f"could not extract events: {exc}"))
        return
    where = doc.path or doc.doc_id
    batch.warnings += [InputWarning(where, note, record_in_file(doc)) for note in doc.warnings]
    batch.articles[doc.doc_id] = _article(doc)
    batch.add(rows)


def _run(
    items: Iterable[Document | InputError],
    dateline_of: Callable[[Document, int], date | None],
    total: int | None,
    quiet: bool,
    progress: bool | None,
    merge: bool = True,
    reading: Reading | None = None,
    size: int | None = None,
    entities: Sequence[str] = (),
    budget: float | None = TIME_BUDGET,
) -> pd.DataFrame:
    """The frame of a batch; `dateline_of(doc, n)` gives the n-th document's explicit dateline;
    `merge=False` keeps every report as its own row (a cluster run merges once, by ranges).

    The progress bar counts bytes of `size` when the input files are known (`reading` follows
    them), else the `total` documents; it says when the rows are being merged. attrs[DUPLICATES]
    holds what `reading` read once though given twice.
    """
    batch = _Batch([], {}, [], [], set(), budget)
    few = size is None and total is not None and total <= FEW_DOCUMENTS
    bar = progress_bar(
        size if size is not None else total,
        "timeline",
        "B" if size is not None else "doc",
        quiet=quiet or few,
        progress=progress,
    )
    with bar, _fewer_collections():
        n = 0
        for item in items:
            if isinstance(item, InputError):
                batch.errors.append(item)
            else:
                failures = len(batch.errors)
                _add_document(batch, item, dateline_of(item, n))
                if len(batch.errors) > failures:  # its notes still count ("does not hold dates")
                    batch.warnings += _notes(item)
                n += 1
            if size is not None and reading is not None:
                bar.update(reading.bytes_read - bar.n)
                bar.set_postfix_str(f"{n:,} docs", refresh=False)
            else:
                bar.update()
        if merge:
            bar.set_postfix_str(f"{n:,} docs, merging their events")
        frame = batch.frame(merge, entities)
        bar.set_postfix_str(f"{n:,} docs, {len(frame):,} events")
    frame.attrs[DUPLICATES] = list(reading.duplicates) if reading is not None else []
    return frame


YOUNG_OBJECTS = 20_000  # allocations between collections of the youngest objects (Python: 700)
_collecting = {"runs": 0, "threshold": gc.get_threshold()}
_collecting_lock = threading.Lock()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cycle collector run less often while batches build their rows (plain records,
    no cycles; it otherwise walks the young objects every 700 allocations, ~4% of a run). The
    process's own threshold is put back when the last batch running ends."""
    with _collecting_lock:
        if _collecting["runs"] == 0:
            _collecting["threshold"] = gc.get_threshold()
            young, *older = _collecting["threshold"]
            gc.set_threshold(max(young, YOUNG_OBJECTS), *older)
        _collecting["runs"] += 1
    try:
        yield
    finally:
        with _collecting_lock:
            _collecting["runs"] -= 1
            if _collecting["runs"] == 0:
                gc.set_threshold(*_collecting["threshold"])


def _notes(doc: Document) -> list[InputWarning]:
    """The warnings a document carries, as records naming it."""
    return [
        InputWarning(doc.path or doc.doc_id, note, record_in_file(doc)) for note in doc.warnings
    ]


def frame_from_documents(
    docs: Iterable[Document | InputError],
    dateline: Any = None,
    quiet: bool = True,
    progress: bool | None = None,
    merge: bool = True,
    about: Sequence[str] = (),
    time_budget: float | None = TIME_BUDGET,
) -> pd.DataFrame:
    """The events frame of documents already read (uploads, a re-dated article).

    `dateline` is one date for all, or a list with one date per document in order (read errors
    take none); a list of the wrong length is a ValueError. `merge=False` keeps every report
    as its own row.
    """
    items = list(docs) if one_per_item(dateline) else docs
    count = sum(isinstance(item, Document) for item in items) if items is not docs else None
    explicit_for = explicit_datelines(dateline, count or 0, noun="document")
    return _run(
        items,
        lambda doc, n: explicit_for(n),
        count,
        quiet,
        progress,
        merge,
        entities=about,
        budget=time_budget,
    )


def extract(
    inputs: Any = None,
    dateline: Any = None,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    source_column: str | None = None,
    quiet: bool = False,
    progress: bool | None = None,
    about: str | Sequence[str] | None = None,
    time_budget: float | None = TIME_BUDGET,
) -> pd.DataFrame:
    """One merged events frame from inputs (None: the bundled samples): files, folders, globs; a
    DataFrame of articles; articles' texts; `Document`s; or a list of any of these.

    `dateline` is one date for every document, or a list with one date per input (every
    document read from the i-th input gets the i-th date); a list of the wrong length is a
    ValueError. Columns of CSV/JSON/DataFrame records are named by the `*_column` options, else
    guessed. Bad inputs become attrs[ERRORS], notes such as an inferred dateline
    attrs[WARNINGS], files and articles given twice (read once) attrs[DUPLICATES]. `about`
    keeps the events whose clause mentions one of these entities (see `events.about`). A
    document taking longer than `time_budget` seconds is left out, an error naming it.
    """
    items = sample_paths() if inputs is None else as_list(inputs)
    explicit_for = explicit_datelines(dateline, len(items))
    reading = Reading()
    results = read_inputs(
        items,
        text_column=text_column,
        date_column=date_column,
        title_column=title_column,
        url_column=url_column,
        source_column=source_column,
        reading=reading,
    )
    size = input_size(items) if shown(quiet, progress) else None
    return _run(
        results,
        lambda doc, n: explicit_for(doc.meta.get("input_index", 0)),
        None,
        quiet,
        progress,
        reading=reading,
        size=size,
        entities=[about] if isinstance(about, str) else list(about or ()),
        budget=time_budget,
    )
