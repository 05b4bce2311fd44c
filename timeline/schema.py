"""The events frame: the one contract between extraction and every view (app, export, writers)."""

from __future__ import annotations

import pandas as pd

# column -> dtype. `start`/`end` are the interval the expression denotes, half-open
# (`end` is the first instant after it), so a day event runs 00:00 .. next day 00:00.
COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "title": "string",
    "source": "string",
    "dateline": "datetime64[us]",
    "dateline_source": "string",
    "expression": "string",
    "timex_type": "string",
    "timex_value": "string",
    "granularity": "string",
    "start": "datetime64[us]",
    "end": "datetime64[us]",
    "event": "string",
    "sentence": "string",
    "char_start": "int64",
    "char_end": "int64",
    "anchor": "string",
    "explanation": "string",
    "confidence": "float64",
    "sources": "string",  # every doc_id reporting this event, joined by SOURCES_SEP
    "n_sources": "int64",
}

SOURCES_SEP = "; "

# frame.attrs keys carried alongside the rows
ARTICLES = (
    "articles"  # {doc_id: {"title","source","url","path","dateline","dateline_source","text"}}
)
ERRORS = "errors"  # [{"path": ..., "reason": ...}]
WARNINGS = "warnings"  # [{"path": ..., "message": ...}]


class Articles(dict):
    """`attrs[ARTICLES]`: doc_id -> article fields. pandas deep-copies a frame's attrs on nearly
    every operation; article texts are large, so this table is shared instead of copied."""

    def __deepcopy__(self, memo: dict) -> Articles:
        return self


def empty_frame() -> pd.DataFrame:
    """An events frame with no rows and the contract's columns and dtypes."""
    return conform(pd.DataFrame({name: [] for name in COLUMNS}))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the contract's columns, in order, cast to their dtypes."""
    out = frame.reindex(columns=list(COLUMNS))
    for name, dtype in COLUMNS.items():
        if dtype.startswith("datetime"):
            out[name] = pd.to_datetime(out[name], errors="coerce", format="mixed").astype(dtype)
        elif dtype == "int64":
            out[name] = pd.to_numeric(out[name], errors="coerce").fillna(0).astype("int64")
        elif dtype == "float64":
            out[name] = pd.to_numeric(out[name], errors="coerce").astype("float64")
        else:
            out[name] = out[name].astype("string")
    out.attrs = dict(frame.attrs)
    if ARTICLES in out.attrs and not isinstance(out.attrs[ARTICLES], Articles):
        out.attrs[ARTICLES] = Articles(out.attrs[ARTICLES])
    return out


def write_frame(frame: pd.DataFrame, path: str) -> None:
    """Write the frame as CSV, Parquet or JSON by `path`'s extension; "-" is CSV on stdout."""
    import sys

    if path == "-":
        frame.to_csv(sys.stdout, index=False)
        return
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix == "parquet":
        frame.to_parquet(path, index=False)
    elif suffix == "json":
        frame.to_json(path, orient="records", date_format="iso", indent=1)
    elif suffix == "csv":
        frame.to_csv(path, index=False)
    else:
        raise ValueError(f"{path}: unknown output format '.{suffix}' (use .csv, .parquet or .json)")
