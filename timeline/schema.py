"""The events frame: the one contract between extraction and every view (app, export, writers).

`conform` gives any frame the contract's columns and dtypes, whatever wrote it: strings of dates
(as CSV and JSON give them back), epoch milliseconds (pandas' own `to_json`), lists as Parquet or
JSON give them, empty cells. Every view calls it, so each takes a frame read back from any writer.

The writers: `write_frame` by extension. CSV cells that a spreadsheet would run as a formula
(starting with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading `'`, as OWASP
recommends for CSV exports; a list (`sources`) is a JSON list; the dateline is `YYYY-MM-DD`,
`start` and `end` `YYYY-MM-DD HH:MM:SS` (the same bytes however the rows are batched).
Parquet and JSON keep every value exact. A `.parquet` output is a folder (`part-*.parquet`, the
`_articles/` table, `_run.json` with the run's counts, errors and warnings), from one process
and from a cluster alike; `read_events` reads back every shape the writers make.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from .errors import InputError, InputWarning

# column -> dtype. `start`/`end` are the interval the event is dated to, half-open
# (`end` is the first instant after it), so a day event runs 00:00 .. next day 00:00.
COLUMNS: dict[str, str] = {
    "doc_id": "string",  # the article reporting the event (the one kept when merged)
    "title": "string",
    "source": "string",
    "url": "string",  # the article's address, when it has one
    "dateline": "datetime64[us]",
    "dateline_source": "string",  # explicit | metadata | dateline | filename | inferred
    "dated_by": "string",  # expression | event | reported: how the event got its date
    "expression": "string",  # the words that date it ("" when reported)
    "timex_type": "string",
    "timex_value": "string",
    "granularity": "string",
    "start": "datetime64[us]",
    "end": "datetime64[us]",
    "event": "string",  # the headline: the event's clauses, trimmed
    "trigger": "string",  # the event word ("killed", "vote")
    "trigger_start": "int64",  # its offsets in the article text
    "trigger_end": "int64",
    "clause": "string",  # the full clause of the trigger
    "sentence": "string",
    "sentence_index": "int64",  # the sentence's place in the article (0 = first)
    "char_start": "int64",  # offsets of `expression` (of the trigger when reported)
    "char_end": "int64",
    "anchor": "string",  # dateline | expression | event | none
    "explanation": "string",
    "confidence": "float64",
    "sources": "object",  # every doc_id reporting this event: a list of strings
    "n_sources": "int64",
}

SOURCES_SEP = "; "
LIST_COLUMNS = ("sources",)  # lists of strings: a JSON list in a CSV cell
DAY_COLUMNS = ("dateline",)  # dates without a time of day: `YYYY-MM-DD` in a CSV cell

# frame.attrs keys carried alongside the rows
ARTICLES = (
    "articles"  # {doc_id: {"title","source","url","path","dateline","dateline_source","text"}}
)
ERRORS = "errors"  # [InputError]: inputs that gave no document
WARNINGS = "warnings"  # [InputWarning]: documents read, with something to check
DUPLICATES = "duplicates"  # [InputWarning]: files and articles read once though given twice

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

# the parts of a .parquet output folder
PARTS = "part-*.parquet"
ARTICLES_DIR = "_articles"
RUN_FILE = "_run.json"


class Articles(dict):
    """`attrs[ARTICLES]`: doc_id -> article fields. pandas deep-copies a frame's attrs on nearly
    every operation; article texts are large, so this table is shared instead of copied."""

    def __deepcopy__(self, memo: dict) -> Articles:
        return self


def empty_frame() -> pd.DataFrame:
    """An events frame with no rows and the contract's columns and dtypes."""
    return conform(pd.DataFrame({name: [] for name in COLUMNS}))


# --- dtypes --------------------------------------------------------------------------------------
def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the contract's columns, in order, cast to their dtypes, whatever
    wrote it (see the module); a column already of its dtype is kept as it is."""
    out = frame.reindex(columns=list(COLUMNS))
    for name, dtype in COLUMNS.items():
        column = out[name]
        if name in LIST_COLUMNS:
            if dtype == "object" and all(type(v) is list and v for v in column):
                continue  # lists already, none empty (the events stage's own rows)
            out[name] = _list_column(column, dtype)
            if name == "sources":  # an event with no sources listed is its own article's
                ids = out["doc_id"].astype("string").fillna("")
                out[name] = [v or ([d] if d else []) for v, d in zip(out[name], ids, strict=True)]
        elif str(column.dtype) == dtype:
            continue
        elif dtype.startswith("datetime"):
            out[name] = datetimes(column).astype(dtype)
        elif dtype == "int64":
            out[name] = pd.to_numeric(column, errors="coerce").fillna(0).astype("int64")
        elif dtype == "float64":
            out[name] = pd.to_numeric(column, errors="coerce").astype("float64")
        else:
            out[name] = column.astype("string")
    out.attrs = dict(frame.attrs)
    if ARTICLES in out.attrs and not isinstance(out.attrs[ARTICLES], Articles):
        out.attrs[ARTICLES] = Articles(out.attrs[ARTICLES])
    return out


def datetimes(column: pd.Series) -> pd.Series:
    """A column of dates as naive datetimes, from datetimes (a zone dropped, the wall time kept),
    ISO strings of any precision, or epoch milliseconds; what is none of these is NaT."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        return column.dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(column.dtype):
        return column
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column):
        return pd.to_datetime(column, unit="ms", errors="coerce")
    text = column.astype("string").str.strip()
    text = text.mask(text.eq(""))
    zoned = text.str.contains(r"(?:Z|[+-]\d\d:?\d\d)$", regex=True, na=False)
    if zoned.any():  # the date and time as written, never converted to another zone
        text = text.where(~zoned, text.str.replace(r"(?:Z|[+-]\d\d:?\d\d)$", "", regex=True))
    parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
    missed = parsed.isna() & text.notna()
    if missed.any():
        parsed = parsed.astype("datetime64[us]")
        parsed[missed] = pd.to_datetime(text[missed], errors="coerce", format="mixed")
    return parsed


def sources_of(value: Any) -> list[str]:
    """A `sources` cell as a list of doc ids, however it was written: a list (or the array
    Parquet gives back), a JSON list (a CSV cell) or a Python one (pandas' own `to_csv`), ids
    joined by SOURCES_SEP (older files), an empty cell."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, np.ndarray):
        return [str(v) for v in value.tolist()]
    if _missing(value):
        return []
    text = str(value)
    if text.startswith("["):
        listed = _listed(text)
        if isinstance(listed, list):
            return [str(v) for v in listed]
    return [part for part in text.split(SOURCES_SEP) if part]


def _listed(text: str) -> Any:
    """A list written as JSON, or as Python writes one (`frame.to_csv` of a list column)."""
    import ast

    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None


def _list_column(column: pd.Series, dtype: str) -> pd.Series:
    """A list column in the representation the contract says: lists (object), else joined."""
    if dtype == "object":
        return pd.Series([sources_of(v) for v in column], index=column.index, dtype="object")
    if str(column.dtype) == dtype and not column.str.startswith("[").any():
        return column
    joined = [pd.NA if _missing(v) else SOURCES_SEP.join(sources_of(v)) for v in column]
    return pd.Series(joined, index=column.index, dtype=dtype)


def _missing(value: Any) -> bool:
    """True for an empty cell: None, NaN, pandas' NA."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


# --- CSV -----------------------------------------------------------------------------------------
FORMULA_STARTS = "=+-@\t\r"  # OWASP: what a spreadsheet may run when a cell starts with it
_STARTS = "[" + re.escape(FORMULA_STARTS) + "]"


def neutralized(text: pd.Series) -> pd.Series:
    """Text cells a spreadsheet would run as a formula, with a leading `'` (as OWASP recommends);
    a cell already starting with `'` before such a character gets one more, so that
    `unneutralized` gives back every cell exactly."""
    risky = text.str.contains("^'*" + _STARTS, regex=True, na=False)
    return text.where(~risky, "'" + text)


def unneutralized(text: pd.Series) -> pd.Series:
    """The cells `neutralized` changed, as they were."""
    risky = text.str.contains("^'+" + _STARTS, regex=True, na=False)
    return text.where(~risky, text.str.slice(1))


def csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """The events frame as the cells of its CSV: dates in one format per column, lists as JSON,
    text neutralized for spreadsheets, numbers as they are."""
    out = conform(frame)
    cells = pd.DataFrame(index=out.index)
    for name, dtype in COLUMNS.items():
        column = out[name]
        if name in LIST_COLUMNS:  # from the frame as given: lists stay the lists they were
            given = frame[name] if name in frame else column
            cells[name] = [json.dumps(sources_of(v), ensure_ascii=False) for v in given]
        elif dtype.startswith("datetime"):
            cells[name] = _date_cells(column, name)
        elif dtype in ("int64", "float64"):
            cells[name] = column
        else:
            cells[name] = neutralized(column.astype("string"))
    return cells


def _date_cells(column: pd.Series, name: str) -> pd.Series:
    """One format per column, whatever the batch: `YYYY-MM-DD` for a day column (the dateline),
    `YYYY-MM-DD HH:MM:SS` for the others (pandas reads either back without being told)."""
    return column.dt.strftime("%Y-%m-%d" if name in DAY_COLUMNS else "%Y-%m-%d %H:%M:%S")


def write_csv(frame: pd.DataFrame, out: str | os.PathLike | IO[str] | None, header: bool = True):
    """Write the frame as CSV (see `csv_cells`) to a path or a text stream; None returns the text.

    The same rows give the same bytes however they are batched: a cluster run writes its parts
    one after the other with `header=False` after the first.
    """
    return csv_cells(frame).to_csv(out, index=False, header=header, lineterminator="\n")


# --- every writer --------------------------------------------------------------------------------
def write_frame(frame: pd.DataFrame, path: str | os.PathLike, run: dict | None = None) -> None:
    """Write the frame as CSV, a Parquet folder or JSON by `path`'s extension; "-" is CSV on
    stdout. `run` adds counts to a Parquet folder's `_run.json`."""
    import sys

    path = str(path)
    if path == "-":
        write_csv(frame, sys.stdout)
        return
    suffix = path.rsplit(".", 1)[-1].lower() if "." in Path(path).name else ""
    if suffix == "parquet":
        write_parquet_folder(frame, Path(path), run)
    elif suffix == "json":
        write_json(frame, path)
    elif suffix == "csv":
        write_csv(frame, path)
    else:
        raise ValueError(f"{path}: unknown output format '.{suffix}' (use .csv, .parquet or .json)")


def write_json(frame: pd.DataFrame, path: str | os.PathLike) -> None:
    """The rows as a JSON array of records: ISO dates, lists as lists, every value exact."""
    out = conform(frame)
    out[list(LIST_COLUMNS)] = out[list(LIST_COLUMNS)].map(sources_of)
    out.attrs = {}
    out.to_json(path, orient="records", date_format="iso", date_unit="us", indent=1)


def write_parquet_folder(frame: pd.DataFrame, folder: Path, run: dict | None = None) -> None:
    """A .parquet output folder of one process's frame: the same shape as a cluster run's."""
    prepare_parquet_folder(folder)
    rows = conform(frame)
    rows.attrs = {}
    write_whole(rows, folder / "part-00000.parquet")
    articles = frame.attrs.get(ARTICLES, {})
    write_whole(articles_table(articles), folder / ARTICLES_DIR / "part-000000.parquet")
    summary = run_summary(
        len(articles),
        len(rows),
        frame.attrs.get(ERRORS, []),
        frame.attrs.get(WARNINGS, []),
        frame.attrs.get(DUPLICATES, []),
    )
    write_run_file({**summary, **(run or {})}, folder)


def prepare_parquet_folder(folder: Path) -> None:
    """`folder` made ready for an output: a file of that name removed; a previous output's parts,
    articles, run file, staging and temp files cleared. A folder holding anything else is not
    ours to clear: ValueError naming what it holds."""
    import shutil
    from fnmatch import fnmatch

    if folder.is_file():
        folder.unlink()
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if entry.is_dir() and entry.name in (ARTICLES_DIR, "_staging"):
            shutil.rmtree(entry)
        elif entry.name == RUN_FILE or any(fnmatch(entry.name, p) for p in (PARTS, ".*.tmp")):
            entry.unlink()
        elif not entry.name.startswith("."):
            raise ValueError(f"{folder}: the folder holds {entry.name}, not a timeline output")
    (folder / ARTICLES_DIR).mkdir(parents=True, exist_ok=True)


def run_summary(
    documents: int,
    rows: int,
    errors: Iterable[InputError],
    warnings: Iterable[InputWarning],
    duplicates: Iterable[InputWarning] = (),
) -> dict:
    """The `_run.json` record of a run: counts, and the errors, warnings and duplicates."""
    return {
        "documents": documents,
        "rows": rows,
        ERRORS: [err.to_dict() for err in errors],
        WARNINGS: [w.to_dict() for w in warnings],
        DUPLICATES: [d.to_dict() for d in duplicates],
    }


def write_run_file(summary: dict, folder: Path) -> None:
    write_whole(json.dumps(summary, indent=1, default=str).encode(), folder / RUN_FILE)


def temp_name(path: Path) -> Path:
    """A hidden name beside `path` (skipped by pyarrow and by folder listings)."""
    return path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"


def write_whole(content: pd.DataFrame | bytes, path: Path) -> None:
    """Write a frame (as Parquet) or bytes whole under `path`: a temp file, then a rename, so a
    reader (or a rerun task) never sees half a file."""
    tmp = temp_name(path)
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        content.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def articles_table(articles: dict) -> pd.DataFrame:
    """attrs[ARTICLES] as one row per article (the `_articles` table), every column a string."""
    records = [{**fields, "doc_id": doc_id} for doc_id, fields in articles.items()]
    return pd.DataFrame(records, columns=ARTICLE_COLUMNS).astype("string")


def articles_dict(table: pd.DataFrame) -> Articles:
    """The `_articles` table back to attrs[ARTICLES] ({doc_id: fields})."""
    records = table.astype(object).where(table.notna(), "").to_dict("records")
    return Articles({record.pop("doc_id"): record for record in records})


def articles(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per article of an events frame: doc_id, title, source, url, path, dateline,
    dateline_source, text. From attrs when the frame has them; else (attrs lost in a merge or a
    join) what its rows tell, without the texts."""
    if frame.attrs.get(ARTICLES):
        return articles_table(frame.attrs[ARTICLES])
    rows = conform(frame).drop_duplicates("doc_id")
    table = pd.DataFrame({"doc_id": rows["doc_id"]})
    for name in ARTICLE_COLUMNS[1:]:
        table[name] = rows[name] if name in rows else pd.NA
    table["dateline"] = rows["dateline"].dt.strftime("%Y-%m-%d")
    return table.reset_index(drop=True).astype("string")


# --- reading back ----------------------------------------------------------------------------
def read_events(path: str | os.PathLike) -> pd.DataFrame:
    """The events frame a writer wrote, with the contract's dtypes and what attrs it kept: a
    .parquet folder (from one process or a cluster: rows, articles, errors, warnings), a Parquet
    file, a CSV or a JSON file (rows; the articles as the rows tell them, without texts).

    Raises ValueError (one line, naming the file) for a file that is no events table.
    """
    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    try:
        if path.is_dir():
            frame, attrs = _parquet_folder(path)
        elif suffix == ".parquet":
            frame, attrs = _parquet_file(path)
        elif suffix == ".json":
            frame, attrs = _json_file(path), {}
        elif suffix in (".csv", ".tsv", ".txt"):
            frame, attrs = _csv_file(path), {}
        else:
            raise ValueError("not an events file (read: a .parquet folder or file, .csv, .json)")
    except (ValueError, OSError, ImportError) as exc:
        raise ValueError(f"{path}: {_one_line(exc)}") from None
    missing = [name for name in ("start", "end", "doc_id") if name not in frame.columns]
    if missing:
        raise ValueError(f"{path}: not an events table (no column {', '.join(missing)})")
    out = conform(frame.reset_index(drop=True))
    out.attrs = {
        ARTICLES: attrs.get(ARTICLES) or Articles(articles_dict(articles(out))),
        ERRORS: attrs.get(ERRORS, []),
        WARNINGS: attrs.get(WARNINGS, []),
        DUPLICATES: attrs.get(DUPLICATES, []),
    }
    return out


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _parquet_folder(folder: Path) -> tuple[pd.DataFrame, dict]:
    parts = sorted(folder.glob(PARTS))
    if not parts:
        raise ValueError("no part-*.parquet files: not an events folder")
    frame = pd.concat([pd.read_parquet(part) for part in parts], ignore_index=True)
    summary = json.loads((folder / RUN_FILE).read_text()) if (folder / RUN_FILE).exists() else {}
    table = folder / ARTICLES_DIR
    attrs = {
        ARTICLES: articles_dict(pd.read_parquet(table)) if table.exists() else None,
        ERRORS: [InputError.from_dict(e) for e in summary.get(ERRORS, [])],
        WARNINGS: [InputWarning.from_dict(w) for w in summary.get(WARNINGS, [])],
        DUPLICATES: [InputWarning.from_dict(w) for w in summary.get(DUPLICATES, [])],
    }
    return frame, attrs


def _parquet_file(path: Path) -> tuple[pd.DataFrame, dict]:
    """A single Parquet file (written by pandas from an events frame, attrs in its metadata)."""
    frame = pd.read_parquet(path)
    kept = frame.attrs
    attrs = {
        ARTICLES: Articles(kept[ARTICLES]) if isinstance(kept.get(ARTICLES), dict) else None,
        ERRORS: [InputError.from_dict(e) for e in kept.get(ERRORS, []) if isinstance(e, dict)],
        WARNINGS: [
            InputWarning.from_dict(w) for w in kept.get(WARNINGS, []) if isinstance(w, dict)
        ],
    }
    return frame, attrs


def _json_file(path: Path) -> pd.DataFrame:
    value = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
        value = pd.DataFrame(value).to_dict("records")  # pandas' default orient ("columns")
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise ValueError("not a JSON list of events")
    return pd.DataFrame(value)


def _csv_file(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, sep=None, engine="python")
    for name, dtype in COLUMNS.items():
        if name in frame and dtype == "string" and name not in LIST_COLUMNS:
            frame[name] = unneutralized(frame[name].astype("string"))
    return frame
