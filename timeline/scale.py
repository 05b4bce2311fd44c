"""Extraction on a Dask cluster: partitions of input paths in, a partitioned events table out.

The client lists input paths (it never opens a file; a path given twice is listed once) and keeps
small summaries (the doc ids, a digest of each article and the failed inputs: bytes per
document); the workers read, tag and write on storage they share with the client, and hold a
partition or a merge range at a time. Two passes:

1. *extract*: each task takes `partition_size` input paths (200 by default), reads them, dates and
   tags the articles with `timeline.events.frame_from_documents` (as the single-process run does,
   unmerged) and writes the rows to `_staging/events-NNNNNN.parquet` and the articles to
   `_articles/part-NNNNNN.parquet`. It returns its doc ids and digests, failed inputs, warnings,
   duplicates and a sketch of its rows' `start` values.
2. *merge*: two reports of one event share their interval, hence their `start`, so the staged rows
   are cut into `start` ranges of about `rows_per_part` rows (chosen from the sketches; undated
   rows last) and each range is merged with `timeline.events.merge_events` into
   `part-NNNNN.parquet`. The parts follow each other in time.

Doc ids are made unique across the whole run in input order, as the single-process run does: a
second `story.txt` in another partition becomes `story-2` in the rows and articles. An article
read in an earlier partition (the same digest) is left out of the merge, its rows, article,
errors and warnings with it, and becomes a duplicate warning, as in one process. The output is
what one process writes (`schema.write_frame`): the same CSV bytes, the same Parquet folder.

Tasks are retried (`retries=2`), and the scheduler reruns the tasks of a worker that died on
another worker; each file a task writes appears whole under its final name (temp file + rename),
so a rerun replaces its files, never duplicates them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .document import Document, record_in_file
from .errors import TIME_BUDGET, InputError, InputWarning
from .progress import progress_bar, shown
from .readers import (
    Reading,
    article_digest,
    as_list,
    input_size,
    paths_of,
    read_inputs,
    sample_paths,
    unique_id,
)
from .reference import explicit_datelines, one_per_item
from .schema import (
    ARTICLES,
    ARTICLES_DIR,
    ERRORS,
    WARNINGS,
    articles_table,
    conform,
    prepare_parquet_folder,
    run_summary,
    sources_of,
    temp_name,
    write_csv,
    write_run_file,
    write_whole,
)

PARTITION_SIZE = 200  # input paths per extract task
DOCUMENTS_PER_PART = 2_000  # documents staged at a time by a run in one process
ROWS_PER_PART = 100_000  # staged rows per merge task (bounds a merge task's memory)
SKETCH_SIZE = 64  # `start` values each extract task returns to choose the merge ranges
RETRIES = 2
CONNECT_TIMEOUT = 15  # seconds to reach a scheduler
WORKER_TIMEOUT = 60  # seconds to wait for the scheduler's first worker

STAGING = "_staging"
PARTITION = "_partition"  # staged rows: the extract task they came from (for doc id renames)
TIME_UNIT = "us"  # of the date columns written: every part alike, and any year fits


@dataclass(frozen=True)
class Layout:
    """The folders one run writes: final parts, staged rows, articles (None for a CSV)."""

    parts: str
    staging: str
    articles: str | None


@dataclass(frozen=True)
class Options:
    """How the extract tasks read their inputs (the single-process `extract` options)."""

    dateline: Any = None  # one date for all, when not one per input
    per_input_dateline: bool = False
    text_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    url_column: str | None = None
    source_column: str | None = None
    about: tuple[str, ...] = ()  # keep the events naming these entities
    time_budget: float | None = TIME_BUDGET  # seconds per document

    def reader_options(self) -> dict:
        """The column options as `read_inputs` takes them."""
        names = ("text_column", "date_column", "title_column", "url_column", "source_column")
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True)
class RunReport:
    """What a cluster run did: documents read, rows written, the inputs that failed, warnings,
    and the files and articles given twice (read once)."""

    documents: int
    rows: int
    errors: list[InputError]
    warnings: list[InputWarning]
    duplicates: list[InputWarning] = field(default_factory=list)


def extract_distributed(
    inputs: Any = None,
    output: str | os.PathLike = "events.parquet",
    workers: int | None = None,
    scheduler: str | None = None,
    dateline: Any = None,
    text_column: str | None = None,
    date_column: str | None = None,
    quiet: bool = False,
    *,
    title_column: str | None = None,
    url_column: str | None = None,
    source_column: str | None = None,
    partition_size: int = PARTITION_SIZE,
    rows_per_part: int = ROWS_PER_PART,
    about: str | Sequence[str] | None = None,
    time_budget: float | None = TIME_BUDGET,
) -> RunReport:
    """Extract the events of `inputs` on Dask (`workers` local processes, or the cluster at
    `scheduler`) into `output`: a .parquet folder or one .csv. Returns what the run did.

    Read it back with `timeline.read_events(output)`. The rows are those of `timeline.extract` in
    one process, and a CSV has the same bytes.
    """
    if Path(output).suffix.lower() not in (".parquet", ".csv"):
        raise ValueError(f"{output}: a cluster run writes .parquet (a folder) or .csv")
    output = Path(output).absolute()
    per_input = one_per_item(dateline)
    columns = (text_column, date_column, title_column, url_column, source_column)
    entities = (about,) if isinstance(about, str) else tuple(about or ())
    options = Options(None if per_input else dateline, per_input, *columns, entities, time_budget)
    items = input_items(inputs, dateline)
    errors, n_files, repeated = [], 0, Reading()
    for item in items(repeated):
        if isinstance(item, tuple):
            n_files += 1
        else:
            errors.append(item)
    run = Run()
    with connect(workers, scheduler) as client:
        layout = prepare_layout(output)
        batches = enumerate(_chunks(_files(items()), partition_size))
        with progress_bar(n_files, "extract", "file", quiet) as bar:
            for index, summary in _extract_all(client, batches, layout, options):
                run.add(index, summary)
                bar.update(summary["files"])
        ranges = start_ranges(run.sketches, rows_per_part, undated=run.undated > 0)
        drops, duplicates = run.duplicates()
        renames = run.renames(drops)
        rows = _merge_all(client, ranges, renames, drops, layout, quiet)
    report = RunReport(
        run.documents - run.dropped_dated,
        rows,
        errors + run.errors(),
        run.warnings(),
        repeated.duplicates + duplicates,
    )
    _finish(layout, output, _summary(report))
    return report


def extract_streaming(
    inputs: Any = None,
    output: str | os.PathLike = "events.csv",
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
    documents_per_part: int = DOCUMENTS_PER_PART,
    rows_per_part: int = ROWS_PER_PART,
    on_error: Callable[[InputError], None] | None = None,
    time_budget: float | None = TIME_BUDGET,
) -> RunReport:
    """Extract the events of `inputs` in this process into `output` (a .csv or a .parquet
    folder) in bounded memory: documents are read one at a time and staged `documents_per_part`
    at a time, then merged range by range, as a cluster run does. The output is what
    `extract` and `write_events` write, byte for byte; `on_error` hears of each input that
    fails as its part is done, not at the end."""
    if Path(output).suffix.lower() not in (".parquet", ".csv"):
        raise ValueError(f"{output}: a streamed run writes .parquet (a folder) or .csv")
    output = Path(output).absolute()
    columns = (text_column, date_column, title_column, url_column, source_column)
    entities = (about,) if isinstance(about, str) else tuple(about or ())
    options = Options(dateline, False, *columns, entities, time_budget)
    items = sample_paths() if inputs is None else as_list(inputs)
    explicit_for = explicit_datelines(dateline, len(items))
    reading = Reading()
    results = read_inputs(items, reading=reading, **options.reader_options())
    size = input_size(items) if shown(quiet, progress) else None
    layout = prepare_layout(output)
    run = Run()
    with progress_bar(size, "timeline", "B", quiet=quiet or size is None, progress=progress) as bar:
        for index, chunk in enumerate(_chunks(results, documents_per_part)):
            docs = [r for r in chunk if isinstance(r, Document)]
            ids = [(d.doc_id, d.doc_id, "", *_place(d)) for d in docs]  # read once already
            datelines = [explicit_for(d.meta.get("input_index", 0)) for d in docs]
            summary = stage_documents(index, chunk, ids, datelines, layout, options)
            run.add(index, {**summary, "duplicates": []})
            for error in summary["errors"] if on_error else ():
                on_error(error)
            bar.update(reading.bytes_read - bar.n)
        bar.set_postfix_str(f"{run.documents:,} docs, merging their events")
        ranges = start_ranges(run.sketches, rows_per_part, undated=run.undated > 0)
        undated = undated_range(ranges)
        no_renames = Ids({}, {})
        rows = sum(
            merge_part(i, bounds, i == undated, no_renames, layout)
            for i, bounds in enumerate(ranges)
        )
        bar.set_postfix_str(f"{run.documents:,} docs, {rows:,} events")
    report = RunReport(run.documents, rows, run.errors(), run.warnings(), reading.duplicates)
    _finish(layout, output, _summary(report))
    return report


def _summary(report: RunReport) -> dict:
    """The `_run.json` record of a run (counts, errors, warnings, duplicates)."""
    return run_summary(
        report.documents, report.rows, report.errors, report.warnings, report.duplicates
    )


# --- the client ------------------------------------------------------------------------------
def input_items(inputs: Any, dateline: Any = None) -> Callable[[], Iterator]:
    """A re-iterable of (absolute path, dateline) per input file, and InputErrors for inputs that
    name no file; only folders are listed, no file is opened."""
    sources = sample_paths() if inputs is None else inputs
    sources = [sources] if isinstance(sources, (str, os.PathLike)) else list(sources)
    explicit_for = explicit_datelines(dateline, len(sources))  # a bad date fails here, in one line
    per_input = one_per_item(dateline)
    pairs = [
        (source, explicit_for(i).isoformat() if per_input else None)
        for i, source in enumerate(sources)
    ]

    def items(reading: Reading | None = None) -> Iterator:
        """The items, each file once (`reading` keeps the files given twice)."""
        reading = Reading() if reading is None else reading
        for source, line in pairs:
            for entry in paths_of(source):
                if not isinstance(entry, Path):
                    yield entry
                elif reading.first_opening(entry):
                    yield (str(entry.absolute()), line)

    return items


def prepare_layout(output: Path) -> Layout:
    """The folders a run writing `output` uses, cleared of a previous run's files (only those)."""
    if output.suffix.lower() == ".csv":
        work = output.parent / f".{output.name}.parts"
        shutil.rmtree(work, ignore_errors=True)
        layout = Layout(str(work), str(work / STAGING), None)
    else:
        prepare_parquet_folder(output)
        layout = Layout(str(output), str(output / STAGING), str(output / ARTICLES_DIR))
    for folder in (layout.parts, layout.staging, layout.articles):
        if folder:
            os.makedirs(folder, exist_ok=True)
    return layout


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client on the cluster at `scheduler`, or on `workers` new local worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise OSError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
            except TimeoutError:
                raise OSError(f"no Dask worker joined {scheduler} in {WORKER_TIMEOUT} s") from None
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # a free port (None is the default 8787, taken by a second run)
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


class Run:
    """What the client keeps of the extract tasks' summaries: counts, sketches, doc ids, records."""

    def __init__(self) -> None:
        self.documents = 0
        self.undated = 0
        self.sketches: list[tuple[list[int], int]] = []
        self.summaries: dict[int, dict] = {}  # ids, errors, warnings, duplicates by partition
        self.dropped: set[tuple[str, str]] = set()  # (path, where) of the duplicates left out
        self.dropped_dated = 0  # of those, the ones that had been dated (counted in documents)

    def add(self, index: int, summary: dict) -> None:
        self.documents += summary["documents"]
        self.undated += summary["undated"]
        self.sketches.append((summary["sketch"], summary["rows"] - summary["undated"]))
        keys = ("ids", "errors", "warnings", "duplicates")
        self.summaries[index] = {k: summary[k] for k in keys}

    def duplicates(self) -> tuple[dict[int, set[str]], list[InputWarning]]:
        """The documents to leave out ({partition: its doc ids}) because an earlier one in input
        order is the same article, and a warning for every repeat, as one process gives them."""
        first: dict[str, str] = {}  # digest -> where the article was first read
        self.dropped, self.dropped_dated = set(), 0
        drops: dict[int, set[str]] = {}
        warnings: list[InputWarning] = []
        for index in sorted(self.summaries):
            warnings += self.summaries[index]["duplicates"]
            for _, local, digest, path, where, dated in self.summaries[index]["ids"]:
                if digest not in first:
                    first[digest] = f"{path} {where}" if where else path
                    continue
                drops.setdefault(index, set()).add(local)
                self.dropped.add((path, where))
                self.dropped_dated += dated
                note = f"the same article as {first[digest]}: read once"
                warnings.append(InputWarning(path, note, where))
        return drops, warnings

    def renames(self, drops: dict[int, set[str]]) -> dict[int, dict[str, str]]:
        """{partition: {its doc id: the run's doc id}} where they differ: ids made unique in
        input order over the whole run (left-out duplicates take none), as `read_inputs` does
        in a single process."""
        seen: set[str] = set()
        renames: dict[int, dict[str, str]] = {}
        for index in sorted(self.summaries):
            dropped = drops.get(index, set())
            for raw, local, *_ in self.summaries[index]["ids"]:
                if local in dropped:
                    continue
                final = unique_id(raw, seen)
                if final != local:
                    renames.setdefault(index, {})[local] = final
        return renames

    def errors(self) -> list[InputError]:
        """The failed inputs, in input order, but for the duplicates left out."""
        return self._records("errors")

    def warnings(self) -> list[InputWarning]:
        """The warnings, in input order, but for the duplicates left out."""
        return self._records("warnings")

    def _records(self, kind: str) -> list:
        dropped = self.dropped
        return [
            record
            for i in sorted(self.summaries)
            for record in self.summaries[i][kind]
            if (record.path, record.where) not in dropped
        ]


def _files(items: Iterable) -> Iterator[tuple[str, Any]]:
    """The (path, dateline) items, without the InputErrors."""
    return (item for item in items if isinstance(item, tuple))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _extract_all(
    client: Any, batches: Iterator[tuple[int, list]], layout: Layout, options: Options
) -> Iterator[tuple[int, dict]]:
    """Submit extract tasks a few at a time (the client holds no more) and yield each summary as
    its task ends; a task that failed for good reports every one of its inputs as failed."""
    from distributed import as_completed

    tag = uuid.uuid4().hex[:8]
    paths: dict[str, tuple[int, list[str]]] = {}  # inputs of the tasks in flight, by task key
    pending = as_completed()

    def top_up() -> None:
        """Keep two tasks per worker thread in flight (counted anew: workers come and go)."""
        wanted = 2 * sum(client.nthreads().values()) + 2
        for index, items in islice(batches, max(0, wanted - len(paths))):
            key = f"timeline-extract-{tag}-{index}"
            paths[key] = (index, [path for path, _ in items])
            pending.add(
                client.submit(
                    extract_partition, index, items, layout, options, key=key, retries=RETRIES
                )
            )

    top_up()
    for future in pending:
        index, files = paths.pop(future.key)
        try:
            summary = future.result()
        except Exception as exc:  # retries spent, or its workers kept dying (KilledWorker)
            summary = _failed_summary(files, exc)
        future.release()
        top_up()
        yield index, summary


def _failed_summary(paths: list[str], exc: BaseException) -> dict:
    """The summary of an extract task that failed for good: each of its inputs failed."""
    reason = f"extraction failed on the cluster: {type(exc).__name__}: {exc}"
    errors = [InputError(path, reason) for path in paths]
    counts = {"files": len(paths), "documents": 0, "rows": 0, "undated": 0}
    return {**counts, "sketch": [], "ids": [], "errors": errors, "warnings": [], "duplicates": []}


def start_ranges(
    sketches: list[tuple[list[int], int]], rows_per_part: int, undated: bool = False
) -> list[tuple[int | None, int | None]]:
    """Half-open `start` ranges (µs; None = open) of about `rows_per_part` rows, from each
    partition's sketch and dated-row count; a last (None, None) when there are undated rows.
    Ranges begin on a new year: reports of one event may be a day and its year
    (`events.merge`), so a year is never cut."""
    weighted = sorted(
        (value, rows / len(sample)) for sample, rows in sketches if sample for value in sample
    )
    cuts: list[int] = []
    filled = 0.0
    for value, weight in weighted:
        cut = _year_start(value)
        if filled >= rows_per_part and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
            filled = 0.0
        filled += weight
    edges: list[int | None] = [None, *cuts, None]
    ranges = list(zip(edges[:-1], edges[1:], strict=True))
    return [*ranges, (None, None)] if undated else ranges


def undated_range(ranges: list[tuple[int | None, int | None]]) -> int | None:
    """The index of the range of undated rows `start_ranges` adds last, or None (a lone open
    range is every dated row)."""
    return len(ranges) - 1 if len(ranges) > 1 and ranges[-1] == (None, None) else None


def _year_start(microseconds: int) -> int:
    """The start of the year holding a `start` value, in µs since the epoch."""
    moment = pd.Timestamp(microseconds, unit="us")
    return int(pd.Timestamp(moment.year, 1, 1).value // 1000)


def _merge_all(
    client: Any,
    ranges: list[tuple[int | None, int | None]],
    renames: dict[int, dict[str, str]],
    drops: dict[int, set[str]],
    layout: Layout,
    quiet: bool,
) -> int:
    """Merge every `start` range into its part (with the run's doc ids, duplicates left out;
    the same in the articles); total rows."""
    from distributed import as_completed

    undated = undated_range(ranges)
    ids = Ids(renames, drops)
    futures = [
        client.submit(merge_part, index, bounds, index == undated, ids, layout, retries=RETRIES)
        for index, bounds in enumerate(ranges)
    ]
    if layout.articles:
        futures += [
            client.submit(rename_articles, index, ids.of(index), layout, retries=RETRIES)
            for index in sorted(set(renames) | set(drops))
        ]
    rows = 0
    with progress_bar(len(futures), "merge", "part", quiet) as bar:
        for future in as_completed(futures):
            rows += future.result()
            bar.update()
    return rows


def _finish(layout: Layout, output: Path, summary: dict) -> None:
    """Put the parts in place: one CSV from them, or the run summary beside them."""
    if layout.articles is None:
        _write_csv(sorted(Path(layout.parts).glob("part-*.parquet")), output)
        shutil.rmtree(layout.parts, ignore_errors=True)
        return
    shutil.rmtree(layout.staging, ignore_errors=True)
    for folder in (output, Path(layout.articles)):
        for tmp in folder.glob(".*.tmp"):  # left by tasks that died while writing
            tmp.unlink(missing_ok=True)
    write_run_file(summary, output)


def _write_csv(parts: list[Path], output: Path, batch_rows: int = 10_000) -> None:
    """One CSV of the parts' rows, in order, read a batch of rows at a time (the same bytes as
    one process writes: `schema.write_csv` formats every value alike in any batch)."""
    import pyarrow.parquet as pq

    tmp = temp_name(output)
    with open(tmp, "w", newline="", encoding="utf-8") as out:
        header = True
        for part in parts:
            for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_rows):
                write_csv(batch.to_pandas(), out, header=header)
                header = False
        if header:  # no rows at all
            write_csv(pd.DataFrame(), out)
    os.replace(tmp, output)


# --- the workers -----------------------------------------------------------------------------
def extract_partition(index: int, items: list, layout: Layout, options: Options) -> dict:
    """Read, date and tag one partition of (path, dateline) inputs; stage its rows (unmerged:
    the second pass merges them) and articles; return its summary (doc ids with a digest of each
    article, failed inputs, warnings, duplicates, a sketch of `start`)."""
    results: list = []
    ids: list[tuple] = []  # (id as read, id unique in this partition, digest, path, where)
    datelines: list = []
    reading = Reading()
    for path, dateline in items:
        for result in read_inputs(path, reading=reading, **options.reader_options()):
            if isinstance(result, Document):
                digest = article_digest(result).hex()
                ids.append((result.meta["read_as"], result.doc_id, digest, *_place(result)))
                datelines.append(dateline)
            results.append(result)
    dateline = datelines if options.per_input_dateline else options.dateline
    return {
        "files": len(items),
        **stage_documents(index, results, ids, dateline, layout, options),
        "duplicates": reading.duplicates,
    }


def stage_documents(
    index: int, results: list, ids: list[tuple], dateline: Any, layout: Layout, options: Options
) -> dict:
    """Date and tag documents already read; stage their rows (unmerged: the second pass merges
    them) and articles as part `index`; return the summary the second pass needs."""
    from .events import frame_from_documents

    frame = frame_from_documents(
        results,
        dateline=dateline,
        merge=False,
        about=options.about,
        time_budget=options.time_budget,
    )
    articles = frame.attrs.get(ARTICLES, {})
    rows = conform(frame).assign(**{PARTITION: np.int64(index)})
    rows.attrs = {}
    write_whole(rows, Path(layout.staging) / f"events-{index:06d}.parquet")
    if layout.articles:
        write_whole(articles_table(articles), Path(layout.articles) / f"part-{index:06d}.parquet")
    starts = np.sort(rows["start"].dropna().to_numpy(dtype="int64"))
    return {
        "documents": len(articles),
        "rows": len(rows),
        "undated": int(rows["start"].isna().sum()),
        "sketch": _spread(starts, SKETCH_SIZE),
        "ids": [(*entry, entry[1] in articles) for entry in ids],
        "errors": list(frame.attrs.get(ERRORS, [])),
        "warnings": list(frame.attrs.get(WARNINGS, [])),
    }


def _place(doc: Document) -> tuple[str, str]:
    """(path, record) of a document, as its errors and warnings name it."""
    return doc.path or doc.doc_id, record_in_file(doc)


@dataclass(frozen=True)
class Ids:
    """The run's doc ids for the staged ones: renamed ({partition: {local: final}}), or left
    out as duplicates ({partition: {local ids}})."""

    renames: dict[int, dict[str, str]]
    drops: dict[int, set[str]]

    def of(self, index: int) -> dict[str, str | None]:
        """{local id: final id, or None when left out} of one partition."""
        mapping: dict[str, str | None] = dict(self.renames.get(index, {}))
        mapping.update(dict.fromkeys(self.drops.get(index, ()), None))
        return mapping


def merge_part(index: int, bounds: tuple, undated: bool, ids: Ids, layout: Layout) -> int:
    """Merge the staged rows whose `start` lies in `bounds` (or is missing, when `undated`) into
    `part-NNNNN.parquet`, with the run's doc ids; returns its row count."""
    import pyarrow.dataset as ds

    from .events import merge_events

    staged = ds.dataset(layout.staging, format="parquet")
    if not staged.files:  # every extract task failed
        merged = conform(pd.DataFrame())
    else:
        rows = staged.to_table(filter=_range_filter(bounds, undated)).to_pandas()
        merged = merge_events(conform(_renamed_rows(rows, ids)))
    merged.attrs = {}
    write_whole(merged, Path(layout.parts) / f"part-{index:05d}.parquet")
    return len(merged)


def rename_articles(index: int, mapping: dict[str, str | None], layout: Layout) -> int:
    """Rewrite one partition's articles with the run's doc ids (None: left out); no rows."""
    path = Path(layout.articles) / f"part-{index:06d}.parquet"
    articles = pd.read_parquet(path)
    articles = articles[articles["doc_id"].map(lambda d: mapping.get(d, d) is not None)]
    articles["doc_id"] = articles["doc_id"].map(lambda d: mapping.get(d, d)).astype("string")
    write_whole(articles, path)
    return 0


def _renamed_rows(rows: pd.DataFrame, ids: Ids) -> pd.DataFrame:
    """Staged rows with their partition's doc ids replaced by the run's (in `sources` too), the
    rows of left-out duplicates dropped (staged rows are unmerged: one source each)."""
    keep = np.ones(len(rows), dtype=bool)
    rows["sources"] = rows["sources"].astype(object)  # lists here; `conform` gives them its form
    for index in set(ids.renames) | set(ids.drops):
        mine = (rows[PARTITION] == index).to_numpy()
        if not mine.any():
            continue
        mapping = ids.of(index)
        final = rows.loc[mine, "doc_id"].map(lambda d, m=mapping: m.get(d, d))
        keep[mine] = final.notna().to_numpy()
        rows.loc[mine, "doc_id"] = final
        rows.loc[mine, "sources"] = rows.loc[mine, "sources"].map(
            lambda s, m=mapping: [m.get(d, d) for d in sources_of(s)]
        )
    return rows[keep].drop(columns=[PARTITION])


def _range_filter(bounds: tuple, undated: bool) -> Any:
    """The pyarrow filter of the rows whose `start` lies in `bounds` (or is null when `undated`)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    start = ds.field("start")
    if undated:
        return start.is_null()
    condition = start.is_valid()
    low, high = bounds
    if low is not None:
        condition &= start >= pa.scalar(low, pa.timestamp(TIME_UNIT))
    if high is not None:
        condition &= start < pa.scalar(high, pa.timestamp(TIME_UNIT))
    return condition


def _spread(values: np.ndarray, size: int) -> list[int]:
    """Up to `size` evenly spaced values of a sorted array (all of them when there are fewer)."""
    if len(values) <= size:
        return values.tolist()
    return values[np.linspace(0, len(values) - 1, size).astype(int)].tolist()
