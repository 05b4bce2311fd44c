"""Extraction on a Dask cluster: partitions of input paths in, a partitioned events table out.

Two passes, both run by the workers, which read and write the shared storage themselves; the client
only lists input paths and collects small summaries, so its memory stays flat however big the
archive:

1. *extract*: each task takes a partition of input paths (`partition_size`, 200 by default), runs
   the single-process `timeline.events.extract` on them (read, reference date, tag, events, merge
   within the partition) and writes the rows to `_staging/events-NNNNNN.parquet` and the articles
   to `_articles/part-NNNNNN.parquet`. It returns counts, the failed inputs and a sketch of the
   rows' `start` values.
2. *merge*: the same event reported in two partitions shares its interval, hence its `start`, so
   the staged rows are range-partitioned by `start` (cut points chosen from the sketches, about
   `rows_per_part` rows each, undated rows last) and each range is merged with
   `timeline.events.merge_events` into `part-NNNNN.parquet`. Parts follow each other in time.

`out.parquet` is a folder: `pandas.read_parquet("out.parquet")` reads the events back as one frame
(folders and files starting with `_` are skipped by pyarrow), `read_output` adds the articles,
errors and warnings as the frame's attrs. `out.csv` is one CSV file, written part by part.

Tasks are retried (`retries=2`) and a task lost with a worker is rerun elsewhere by the scheduler;
every file a task writes is written whole under its final name (temp file + rename), so a rerun
replaces, never duplicates.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .schema import ARTICLES, ERRORS, WARNINGS, conform

PARTITION_SIZE = 200  # input paths per extract task
ROWS_PER_PART = 200_000  # staged rows per merge task (bounds a merge task's memory)
SKETCH_SIZE = 64  # `start` values each extract task returns for choosing the merge ranges
RETRIES = 2
CONNECT_TIMEOUT = 60  # seconds to wait for a scheduler and its first worker

STAGING = "_staging"
ARTICLES_DIR = "_articles"
RUN_FILE = "_run.json"
ARTICLE_COLUMNS = [
    "doc_id",
    "title",
    "source",
    "url",
    "path",
    "dateline",
    "dateline_source",
    "text",
]


@dataclass(frozen=True)
class Layout:
    """Where one run writes: final parts, staged rows, articles (None for CSV output)."""

    parts: str
    staging: str
    articles: str | None


def extract_distributed(
    inputs: Any = None,
    output: str = "events.parquet",
    workers: int | None = None,
    scheduler: str | None = None,
    dateline: Any = None,
    text_column: str | None = None,
    date_column: str | None = None,
    quiet: bool = False,
    partition_size: int = PARTITION_SIZE,
    rows_per_part: int = ROWS_PER_PART,
) -> list[dict]:
    """Extract the events of `inputs` on Dask (`workers` local processes, or the cluster at
    `scheduler`) into `output` (.parquet folder or .csv); returns the inputs that failed."""
    if output == "-" or Path(output).suffix.lower() not in (".parquet", ".csv"):
        raise ValueError(f"{output}: a cluster run writes .parquet (a folder) or .csv")
    items = list_inputs(inputs, dateline)
    n_partitions = -(-sum(1 for _ in items()) // partition_size)
    options = {
        "per_input_dateline": isinstance(dateline, (list, tuple)),
        "dateline": None if isinstance(dateline, (list, tuple)) else dateline,
        "text_column": text_column,
        "date_column": date_column,
    }
    output_path = Path(output).absolute()
    layout = prepare_layout(output_path)
    errors: list[dict] = []
    warnings: list[dict] = []
    sketches: list[tuple[list[int], int]] = []
    documents = nulls = 0
    with connect(workers, scheduler) as client:
        batches = enumerate(_chunks(items(), partition_size))
        for result in _run_extract(client, batches, n_partitions, layout, options, quiet):
            errors += result["errors"]
            warnings += result["warnings"]
            documents += result["documents"]
            nulls += result["nulls"]
            sketches.append((result["sketch"], result["rows"] - result["nulls"]))
        ranges = start_ranges(sketches, rows_per_part, undated=nulls > 0)
        rows = sum(_run_merge(client, ranges, layout, quiet))
    for warning in warnings:
        print(f"timeline: warning: {warning['path']}: {warning['message']}", file=sys.stderr)
    if layout.articles is None:
        _concat_csv(layout.parts, output_path)
        shutil.rmtree(layout.parts, ignore_errors=True)
    else:
        shutil.rmtree(layout.staging, ignore_errors=True)
        summary = {"documents": documents, "rows": rows, ERRORS: errors, WARNINGS: warnings}
        _write_atomic(json.dumps(summary, indent=1, default=str).encode(), output_path / RUN_FILE)
    return errors


def read_output(path: str | os.PathLike) -> pd.DataFrame:
    """The events frame of a cluster run's .parquet folder, with its articles, errors and warnings."""
    folder = Path(path)
    parts = sorted(folder.glob("part-*.parquet"))
    frame = conform(pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True))
    if not parts:
        frame = conform(pd.DataFrame())
    summary = json.loads((folder / RUN_FILE).read_text()) if (folder / RUN_FILE).exists() else {}
    articles = pd.read_parquet(folder / ARTICLES_DIR) if (folder / ARTICLES_DIR).exists() else None
    frame.attrs[ARTICLES] = {} if articles is None else _articles_dict(articles)
    frame.attrs[ERRORS] = summary.get(ERRORS, [])
    frame.attrs[WARNINGS] = summary.get(WARNINGS, [])
    return frame


# --- the client side -------------------------------------------------------------------------
def list_inputs(inputs: Any, dateline: Any = None):
    """A re-iterable of (absolute path, dateline) for every input file; no file is opened."""
    from .documents import expand_inputs

    sources = [inputs] if isinstance(inputs, (str, os.PathLike)) else inputs
    if isinstance(dateline, (list, tuple)):
        if sources is None or len(dateline) != len(sources):
            raise ValueError(f"{len(dateline)} datelines for {len(sources or [])} inputs")
        pairs = list(zip(sources, dateline))
    else:
        pairs = [(source, None) for source in sources] if sources is not None else [(None, None)]

    def items() -> Iterator[tuple[str, Any]]:
        for source, line in pairs:
            for path in expand_inputs(source):
                yield os.path.abspath(path), line

    return items


def prepare_layout(output: Path) -> Layout:
    """The folders of a run writing `output`, emptied of a previous run's files (and only those)."""
    if output.suffix.lower() == ".csv":
        work = output.parent / f".{output.name}.parts"
        shutil.rmtree(work, ignore_errors=True)
        layout = Layout(str(work), str(work / STAGING), None)
    else:
        if output.is_file():
            output.unlink()
        ours = {STAGING, ARTICLES_DIR, RUN_FILE}
        for entry in output.iterdir() if output.is_dir() else []:
            if entry.name in ours:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            elif glob.fnmatch.fnmatch(entry.name, "part-*.parquet"):
                entry.unlink()
            else:
                raise ValueError(f"{output}: folder holds {entry.name}, not a timeline output")
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
            _wait_for_a_worker(client, scheduler)
            yield client
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _wait_for_a_worker(client: Any, scheduler: str) -> None:
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        raise OSError(f"no Dask worker joined {scheduler} in {CONNECT_TIMEOUT} s") from None


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _progress(total: int, label: str, quiet: bool):
    from tqdm.auto import tqdm

    # disable=None: hidden when stderr is not a terminal
    return tqdm(total=total, desc=label, unit="part", disable=True if quiet else None)


def _run_extract(
    client: Any, batches: Iterator, total: int, layout: Layout, options: dict, quiet: bool
) -> Iterator[dict]:
    """Submit extract tasks a few at a time (flat memory) and yield their summaries as they end."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    in_flight = 2 * sum(client.nthreads().values()) + 2

    def submit(batch: tuple[int, list]) -> Any:
        index, items = batch
        future = client.submit(
            extract_partition,
            index,
            items,
            layout,
            options,
            key=f"timeline-extract-{run}-{index}",
            retries=RETRIES,
        )
        future.paths = [path for path, _ in items]
        return future

    pending = as_completed([submit(batch) for batch in islice(batches, in_flight)])
    with _progress(total, "extract", quiet) as bar:
        for future in pending:
            yield _summary(future)
            future.release()
            bar.update()
            batch = next(batches, None)
            if batch is not None:
                pending.add(submit(batch))


def _summary(future: Any) -> dict:
    """A finished extract task's summary; a task that kept failing reports each of its inputs."""
    if future.status == "finished":
        return future.result()
    reason = f"extraction failed on the cluster: {future.exception()!r}"
    errors = [{"path": path, "reason": reason} for path in future.paths]
    return {"documents": 0, "rows": 0, "nulls": 0, "sketch": [], "errors": errors, "warnings": []}


def start_ranges(
    sketches: list[tuple[list[int], int]], rows_per_part: int, undated: bool = False
) -> list[tuple[int | None, int | None]]:
    """Half-open `start` ranges (ns; None = unbounded) of about `rows_per_part` rows each, from
    each partition's sketch and dated-row count; (None, None) last selects the undated rows."""
    weighted = sorted(
        (value, rows / len(sample)) for sample, rows in sketches if sample for value in sample
    )
    cuts: list[int] = []
    filled = 0.0
    for value, weight in weighted:
        if filled >= rows_per_part and (not cuts or value > cuts[-1]):
            cuts.append(value)
            filled = 0.0
        filled += weight
    edges: list[int | None] = [None, *cuts, None]
    ranges = list(zip(edges[:-1], edges[1:]))
    return [*ranges, (None, None)] if undated else ranges


def _run_merge(
    client: Any, ranges: list[tuple[int | None, int | None]], layout: Layout, quiet: bool
) -> Iterator[int]:
    """Merge each `start` range on the cluster; yields the rows each part holds."""
    from distributed import as_completed

    undated = len(ranges) - 1 if ranges[-1] == (None, None) and len(ranges) > 1 else None
    futures = [
        client.submit(
            merge_part, index, bounds, index == undated, layout, retries=RETRIES, pure=False
        )
        for index, bounds in enumerate(ranges)
    ]
    with _progress(len(futures), "merge", quiet) as bar:
        for future in as_completed(futures):
            yield future.result()
            bar.update()


def _concat_csv(folder: str, output: Path) -> None:
    """Append the parts of `folder`, in order, to one CSV file at `output`."""
    tmp = output.parent / f".{output.name}.{uuid.uuid4().hex[:8]}.tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as out:
        parts = sorted(Path(folder).glob("part-*.parquet"))
        for number, part in enumerate(parts):
            pd.read_parquet(part).to_csv(out, index=False, header=number == 0)
    os.replace(tmp, output)


# --- the worker side -------------------------------------------------------------------------
def extract_partition(index: int, items: list, layout: Layout, options: dict) -> dict:
    """Read, date, tag and extract one partition of inputs; stage its rows and articles; return
    its summary (counts, failed inputs, warnings, a sketch of `start`)."""
    from .events import extract

    paths = [path for path, _ in items]
    dateline = [line for _, line in items] if options["per_input_dateline"] else options["dateline"]
    frame = extract(
        paths,
        dateline=dateline,
        text_column=options["text_column"],
        date_column=options["date_column"],
        quiet=True,
    )
    articles = frame.attrs.get(ARTICLES, {})
    rows = conform(frame)
    rows.attrs = {}
    _write_frame(rows, Path(layout.staging) / f"events-{index:06d}.parquet")
    if layout.articles:
        _write_frame(_articles_frame(articles), Path(layout.articles) / f"part-{index:06d}.parquet")
    starts = rows["start"].dropna().sort_values().to_numpy(dtype="int64")
    return {
        "documents": len(articles),
        "rows": len(rows),
        "nulls": int(rows["start"].isna().sum()),
        "sketch": _sample(starts, SKETCH_SIZE),
        "errors": [_record(err) for err in frame.attrs.get(ERRORS, [])],
        "warnings": list(frame.attrs.get(WARNINGS, [])),
    }


def merge_part(index: int, bounds: tuple, undated: bool, layout: Layout) -> int:
    """Merge the staged rows whose `start` lies in `bounds` (or that have none, when `undated`)
    into `part-NNNNN.parquet`; returns its row count."""
    import pyarrow.dataset as ds

    from .events import merge_events

    table = ds.dataset(layout.staging, format="parquet").to_table(
        filter=_range_filter(bounds, undated)
    )
    merged = conform(merge_events(conform(table.to_pandas())))
    merged.attrs = {}
    _write_frame(merged.reset_index(drop=True), Path(layout.parts) / f"part-{index:05d}.parquet")
    return len(merged)


def _range_filter(bounds: tuple, undated: bool) -> Any:
    import pyarrow as pa
    import pyarrow.dataset as ds

    start = ds.field("start")
    if undated:
        return start.is_null()
    low, high = bounds
    condition = start.is_valid()
    if low is not None:
        condition = condition & (start >= pa.scalar(low, pa.timestamp("ns")))
    if high is not None:
        condition = condition & (start < pa.scalar(high, pa.timestamp("ns")))
    return condition


def _sample(values: np.ndarray, size: int) -> list[int]:
    """Up to `size` evenly spaced values of a sorted array (all of them when fewer)."""
    if len(values) <= size:
        return values.tolist()
    return values[np.linspace(0, len(values) - 1, size).astype(int)].tolist()


def _record(error: Any) -> dict:
    if isinstance(error, dict):
        return {"path": str(error["path"]), "reason": str(error["reason"])}
    return {"path": str(error.path), "reason": str(error.reason)}


def _articles_frame(articles: dict) -> pd.DataFrame:
    """One row per article (attrs[ARTICLES] flattened), with stable column types."""
    frame = pd.DataFrame(
        [{**fields, "doc_id": doc_id} for doc_id, fields in articles.items()],
        columns=ARTICLE_COLUMNS,
    )
    for name in ARTICLE_COLUMNS:
        if name == "dateline":
            frame[name] = pd.to_datetime(frame[name], errors="coerce")
        else:
            frame[name] = frame[name].astype("string")
    return frame


def _articles_dict(frame: pd.DataFrame) -> dict:
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return {record.pop("doc_id"): record for record in records}


def _write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write Parquet whole under `path` (temp file, then rename), so a rerun task just replaces it."""
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _write_atomic(data: bytes, path: Path) -> None:
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, path)
