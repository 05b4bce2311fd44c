"""The events frame: the one contract between extraction and every view (app, export, writers)."""

from __future__ import annotations

import pandas as pd

# column -> dtype. `start`/`end` are the interval the event is dated to, half-open (`end` is the
# first instant after it), so a day event runs 00:00 .. next day 00:00.
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


def sources_of(value: object) -> list[str]:
    """A `sources` cell as a list of doc ids: a list (or array) as it is; a frame read back from
    CSV writes it as a JSON list; an empty cell has none."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if hasattr(value, "tolist"):  # a numpy array, as Parquet gives lists back
        return [str(v) for v in value.tolist()]
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return []
    text = str(value)
    if text.startswith("["):
        import json

        try:
            return [str(v) for v in json.loads(text)]
        except ValueError:
            pass
    return [text] if text else []


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
        elif name == "sources":
            ids = out["doc_id"].fillna("")
            out[name] = [
                sources_of(v) or ([d] if d else []) for v, d in zip(out[name], ids, strict=True)
            ]
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
        csv_ready(frame).to_csv(sys.stdout, index=False)
        return
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix == "parquet":
        frame.to_parquet(path, index=False)
    elif suffix == "json":
        frame.to_json(path, orient="records", date_format="iso", indent=1)
    elif suffix == "csv":
        csv_ready(frame).to_csv(path, index=False)
    else:
        raise ValueError(f"{path}: unknown output format '.{suffix}' (use .csv, .parquet or .json)")


def csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its list column written as JSON lists (`sources_of` reads them back)."""
    import json

    if "sources" not in frame or frame.empty:
        return frame
    out = frame.copy()
    out["sources"] = [json.dumps(sources_of(v), ensure_ascii=False) for v in frame["sources"]]
    return out
