"""Extraction on a Dask cluster: partitions of input paths in, a partitioned events table out.

The client lists input paths (it never opens a file) and keeps small summaries (the doc ids and
failed inputs: bytes per document); the workers read, tag and write on storage they share with the
client, and hold a partition or a merge range at a time. Two passes:

1. *extract*: each task takes `partition_size` input paths (200 by default), reads them, dates and
   tags the articles with `timeline.events.frame_from_documents` (as the single-process run does)
   and writes the rows to `_staging/events-NNNNNN.parquet` and the articles to
   `_articles/part-NNNNNN.parquet`. It returns its doc ids, failed inputs, warnings and a sketch of
   its rows' `start` values.
2. *merge*: two reports of one event share their interval, hence their `start`, so the staged rows
   are cut into `start` ranges of about `rows_per_part` rows (chosen from the sketches; undated
   rows last) and each range is merged with `timeline.events.merge_events` into
   `part-NNNNN.parquet`. The parts follow each other in time.

Doc ids are made unique across the whole run in input order, as the single-process run does: a
second `story.txt` in another partition becomes `story-2` in the rows and articles.

Tasks are retried (`retries=2`), and the scheduler reruns the tasks of a worker that died on
another worker; each file a task writes appears whole under its final name (temp file + rename),
so a rerun replaces its files, never duplicates them.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatch
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .document import Document
from .errors import InputError, InputWarning
from .readers import paths_of, read_inputs, sample_paths, unique_id
from .reference import explicit_datelines, one_per_item
from .schema import ARTICLES, COLUMNS, ERRORS, WARNINGS, conform, csv_ready, sources_of

PARTITION_SIZE = 200  # input paths per extract task
ROWS_PER_PART = 100_000  # staged rows per merge task (bounds a merge task's memory)
SKETCH_SIZE = 64  # `start` values each extract task returns to choose the merge ranges
RETRIES = 2
CONNECT_TIMEOUT = 15  # seconds to reach a scheduler
WORKER_TIMEOUT = 60  # seconds to wait for the scheduler's first worker

STAGING = "_staging"
ARTICLES_DIR = "_articles"
RUN_FILE = "_run.json"
PARTITION = "_partition"  # staged rows: the extract task they came from (for doc id renames)
ARTICLE_COLUMNS = "doc_id title source url path dateline dateline_source text".split()
TIME_UNIT = "us"  # of the date columns written: every part alike, and any year fits
CSV_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"  # one format for every part of a CSV


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
    about: tuple[str, ...] = ()  # keep the events naming these entities


@dataclass(frozen=True)
class RunReport:
    """What a cluster run did: documents read, rows written, the inputs that failed, warnings."""

    documents: int
    rows: int
    errors: list[InputError]
    warnings: list[InputWarning]


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
    partition_size: int = PARTITION_SIZE,
    rows_per_part: int = ROWS_PER_PART,
    about: str | Sequence[str] | None = None,
) -> RunReport:
    """Extract the events of `inputs` on Dask (`workers` local processes, or the cluster at
    `scheduler`) into `output`: a .parquet folder or one .csv. Returns what the run did."""
    if Path(output).suffix.lower() not in (".parquet", ".csv"):
        raise ValueError(f"{output}: a cluster run writes .parquet (a folder) or .csv")
    output = Path(output).absolute()
    per_input = one_per_item(dateline)
    entities = (about,) if isinstance(about, str) else tuple(about or ())
    options = Options(
        None if per_input else dateline, per_input, text_column, date_column, title_column, entities
    )
    items = input_items(inputs, dateline)
    errors, n_files = [], 0
    for item in items():
        if isinstance(item, tuple):
            n_files += 1
        else:
            errors.append(item)
    run = Run()
    with connect(workers, scheduler) as client:
        layout = prepare_layout(output)
        batches = enumerate(_chunks(_files(items()), partition_size))
        with _progress(n_files, "extract", "file", quiet) as bar:
            for index, summary in _extract_all(client, batches, layout, options):
                run.add(index, summary)
                bar.update(summary["files"])
        ranges = start_ranges(run.sketches, rows_per_part, undated=run.undated > 0)
        renames = run.renames()
        rows = _merge_all(client, ranges, renames, layout, quiet)
    report = RunReport(run.documents, rows, errors + run.errors(), run.warnings())
    _finish(layout, output, _summary(report))
    return report


def _summary(report: RunReport) -> dict:
    """The `_run.json` record of a run (counts, errors, warnings)."""
    return {
        "documents": report.documents,
        "rows": report.rows,
        ERRORS: [err.to_dict() for err in report.errors],
        WARNINGS: [w.to_dict() for w in report.warnings],
    }


def read_output(path: str | os.PathLike) -> pd.DataFrame:
    """The events frame of a cluster run's .parquet folder, with its articles, errors, warnings."""
    folder = Path(path)
    parts = sorted(folder.glob("part-*.parquet"))
    frames = [pd.read_parquet(part) for part in parts]
    frame = _in_microseconds(conform(pd.concat(frames) if frames else pd.DataFrame()))
    frame = frame.reset_index(drop=True)
    summary = json.loads((folder / RUN_FILE).read_text()) if (folder / RUN_FILE).exists() else {}
    articles = folder / ARTICLES_DIR
    frame.attrs = {
        ARTICLES: _articles_dict(pd.read_parquet(articles)) if articles.exists() else {},
        ERRORS: [InputError.from_dict(e) for e in summary.get(ERRORS, [])],
        WARNINGS: [InputWarning.from_dict(w) for w in summary.get(WARNINGS, [])],
    }
    return frame


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

    def items() -> Iterator:
        for source, line in pairs:
            for entry in paths_of(source):
                yield entry if not isinstance(entry, Path) else (str(entry.absolute()), line)

    return items


def prepare_layout(output: Path) -> Layout:
    """The folders a run writing `output` uses, cleared of a previous run's files (only those)."""
    if output.suffix.lower() == ".csv":
        work = output.parent / f".{output.name}.parts"
        shutil.rmtree(work, ignore_errors=True)
        layout = Layout(str(work), str(work / STAGING), None)
    else:
        if output.is_file():
            output.unlink()
        for entry in sorted(output.iterdir()) if output.is_dir() else []:
            if entry.name in (STAGING, ARTICLES_DIR):
                shutil.rmtree(entry)
            elif entry.name == RUN_FILE or any(
                fnmatch(entry.name, pattern) for pattern in ("part-*.parquet", ".*.tmp")
            ):
                entry.unlink()
            elif not entry.name.startswith("."):
                raise ValueError(f"{output}: the folder holds {entry.name}, not a timeline output")
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
            dashboard_address=None,
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
        self.summaries: dict[int, dict] = {}  # ids, errors, warnings by partition index

    def add(self, index: int, summary: dict) -> None:
        self.documents += summary["documents"]
        self.undated += summary["undated"]
        self.sketches.append((summary["sketch"], summary["rows"] - summary["undated"]))
        self.summaries[index] = {k: summary[k] for k in ("ids", "errors", "warnings")}

    def renames(self) -> dict[int, dict[str, str]]:
        """{partition: {its doc id: the run's doc id}} where they differ: ids made unique in
        input order over the whole run, as `read_inputs` does in a single process."""
        seen: set[str] = set()
        renames: dict[int, dict[str, str]] = {}
        for index in sorted(self.summaries):
            for raw, local in self.summaries[index]["ids"]:
                final = unique_id(raw, seen)
                if final != local:
                    renames.setdefault(index, {})[local] = final
        return renames

    def errors(self) -> list[InputError]:
        return [err for i in sorted(self.summaries) for err in self.summaries[i]["errors"]]

    def warnings(self) -> list[InputWarning]:
        return [w for i in sorted(self.summaries) for w in self.summaries[i]["warnings"]]


def _files(items: Iterable) -> Iterator[tuple[str, Any]]:
    """The (path, dateline) items, without the InputErrors."""
    return (item for item in items if isinstance(item, tuple))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _progress(total: int, label: str, unit: str, quiet: bool) -> Any:
    """A tqdm bar on stderr; hidden when quiet or when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(
        total=total, desc=label, unit=unit, file=sys.stderr, disable=True if quiet else None
    )


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
    return {**counts, "sketch": [], "ids": [], "errors": errors, "warnings": []}


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


def _year_start(microseconds: int) -> int:
    """The start of the year holding a `start` value, in µs since the epoch."""
    moment = pd.Timestamp(microseconds, unit="us")
    return int(pd.Timestamp(moment.year, 1, 1).value // 1000)


def _merge_all(
    client: Any,
    ranges: list[tuple[int | None, int | None]],
    renames: dict[int, dict[str, str]],
    layout: Layout,
    quiet: bool,
) -> int:
    """Merge every `start` range into its part (and rename ids in the articles); total rows."""
    from distributed import as_completed

    undated = len(ranges) - 1 if len(ranges) > 1 and ranges[-1] == (None, None) else None
    futures = [
        client.submit(merge_part, index, bounds, index == undated, renames, layout, retries=RETRIES)
        for index, bounds in enumerate(ranges)
    ]
    if layout.articles:
        futures += [
            client.submit(rename_articles, index, mapping, layout, retries=RETRIES)
            for index, mapping in renames.items()
        ]
    rows = 0
    with _progress(len(futures), "merge", "part", quiet) as bar:
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
    _write_bytes(json.dumps(summary, indent=1, default=str).encode(), output / RUN_FILE)


def _write_csv(parts: list[Path], output: Path, batch_rows: int = 10_000) -> None:
    """One CSV of the parts' rows, in order, read a batch of rows at a time."""
    import pyarrow.parquet as pq

    tmp = _temp_name(output)
    with open(tmp, "w", newline="", encoding="utf-8") as out:
        header = True
        for part in parts:
            for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_rows):
                frame = csv_ready(batch.to_pandas())
                frame.to_csv(out, index=False, header=header, date_format=CSV_DATE_FORMAT)
                header = False
        if header:  # no rows at all
            conform(pd.DataFrame()).to_csv(out, index=False)
    os.replace(tmp, output)


# --- the workers -----------------------------------------------------------------------------
def extract_partition(index: int, items: list, layout: Layout, options: Options) -> dict:
    """Read, date, tag and extract one partition of (path, dateline) inputs; stage its rows and
    articles; return its summary (doc ids, failed inputs, warnings, a sketch of `start`)."""
    from .events import frame_from_documents

    results: list = []
    ids: list[tuple[str, str]] = []  # (id as read from its file, id unique in this partition)
    datelines: list = []
    seen: set[str] = set()
    for path, dateline in items:
        for result in read_inputs(
            path,
            text_column=options.text_column,
            date_column=options.date_column,
            title_column=options.title_column,
        ):
            if isinstance(result, Document):
                raw, result.doc_id = result.doc_id, unique_id(result.doc_id, seen)
                ids.append((raw, result.doc_id))
                datelines.append(dateline)
            results.append(result)
    frame = frame_from_documents(  # merged once, range by range, in the second pass
        results,
        dateline=datelines if options.per_input_dateline else options.dateline,
        merge=False,
        about=options.about,
    )
    articles = frame.attrs.get(ARTICLES, {})
    rows = _in_microseconds(conform(frame)).assign(**{PARTITION: np.int64(index)})
    rows.attrs = {}
    _write_parquet(rows, Path(layout.staging) / f"events-{index:06d}.parquet")
    if layout.articles:
        _write_parquet(
            _articles_frame(articles), Path(layout.articles) / f"part-{index:06d}.parquet"
        )
    starts = np.sort(rows["start"].dropna().to_numpy(dtype="int64"))
    return {
        "files": len(items),
        "documents": len(articles),
        "rows": len(rows),
        "undated": int(rows["start"].isna().sum()),
        "sketch": _spread(starts, SKETCH_SIZE),
        "ids": ids,
        "errors": list(frame.attrs.get(ERRORS, [])),
        "warnings": list(frame.attrs.get(WARNINGS, [])),
    }


def merge_part(index: int, bounds: tuple, undated: bool, renames: dict, layout: Layout) -> int:
    """Merge the staged rows whose `start` lies in `bounds` (or is missing, when `undated`) into
    `part-NNNNN.parquet`, with the run's doc ids; returns its row count."""
    import pyarrow.dataset as ds

    from .events import merge_events

    staged = ds.dataset(layout.staging, format="parquet")
    if not staged.files:  # every extract task failed
        merged = conform(pd.DataFrame())
    else:
        rows = staged.to_table(filter=_range_filter(bounds, undated)).to_pandas()
        merged = merge_events(conform(_renamed_rows(rows, renames)))
    merged = _in_microseconds(merged)
    merged.attrs = {}
    _write_parquet(merged, Path(layout.parts) / f"part-{index:05d}.parquet")
    return len(merged)


def rename_articles(index: int, mapping: dict[str, str], layout: Layout) -> int:
    """Rewrite one partition's articles with the run's doc ids; no rows (for `_merge_all`)."""
    path = Path(layout.articles) / f"part-{index:06d}.parquet"
    articles = pd.read_parquet(path)
    articles["doc_id"] = articles["doc_id"].map(lambda d: mapping.get(d, d)).astype("string")
    _write_parquet(articles, path)
    return 0


def _renamed_rows(rows: pd.DataFrame, renames: dict[int, dict[str, str]]) -> pd.DataFrame:
    """Staged rows with their partition's doc ids replaced by the run's (in `sources` too)."""
    for index, mapping in renames.items():
        mine = rows[PARTITION] == index
        if mine.any():
            rows.loc[mine, "doc_id"] = rows.loc[mine, "doc_id"].map(
                lambda d, m=mapping: m.get(d, d)
            )
            rows.loc[mine, "sources"] = rows.loc[mine, "sources"].map(
                lambda s, m=mapping: _renamed_sources(s, m)
            )
    return rows.drop(columns=[PARTITION])


def _renamed_sources(sources: Any, mapping: dict[str, str]) -> Any:
    """A `sources` value with each doc id replaced by its new one."""
    return [mapping.get(d, d) for d in sources_of(sources)]


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


def _in_microseconds(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its date columns in one unit that holds any year (`ns` stops at 1677..2262)."""
    for name, dtype in COLUMNS.items():
        if dtype.startswith("datetime"):
            frame[name] = frame[name].astype(f"datetime64[{TIME_UNIT}]")
    return frame


def _spread(values: np.ndarray, size: int) -> list[int]:
    """Up to `size` evenly spaced values of a sorted array (all of them when there are fewer)."""
    if len(values) <= size:
        return values.tolist()
    return values[np.linspace(0, len(values) - 1, size).astype(int)].tolist()


def _articles_frame(articles: dict) -> pd.DataFrame:
    """attrs[ARTICLES] as one row per article, with the same column types in every partition."""
    records = [{**fields, "doc_id": doc_id} for doc_id, fields in articles.items()]
    return pd.DataFrame(records, columns=ARTICLE_COLUMNS).astype("string")


def _articles_dict(frame: pd.DataFrame) -> dict:
    """One row per article back to attrs[ARTICLES] ({doc_id: fields})."""
    records = frame.astype(object).where(frame.notna(), "").to_dict("records")
    return {record.pop("doc_id"): record for record in records}


def _temp_name(path: Path) -> Path:
    """A hidden name beside `path` (skipped by pyarrow and by folder listings)."""
    return path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write `frame` whole under `path` (a temp file, then a rename): a rerun task replaces it."""
    tmp = _temp_name(path)
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _write_bytes(data: bytes, path: Path) -> None:
    tmp = _temp_name(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)
