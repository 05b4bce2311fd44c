"""Static exports of an events frame: an offline HTML page, TimelineJS3 JSON, TimeML files.

One module per output: `page` (the HTML page), `timelinejs`, `timeml`; `rows` holds what they all
read from the frame. This module picks the format and writes the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from ..schema import write_frame
from .page import (
    LIST_PAGE,
    chart_points,
    content_security_policy,
    json_for_script,
    page_articles,
    page_events,
    script_hash,
    to_html,
)
from .rows import chronological_order, page_summary, rows_and_articles, span_in_sentence
from .timelinejs import date_parts, slide_dates, slide_text, to_timelinejs, unique_slide_id
from .timeml import document_timexes, timeml_name, to_timeml

__all__ = [
    "FORMATS",
    "FRAME_FORMATS",
    "LIST_PAGE",
    "chart_points",
    "chronological_order",
    "content_security_policy",
    "date_parts",
    "document_timexes",
    "export",
    "export_format",
    "json_for_script",
    "page_articles",
    "page_events",
    "page_summary",
    "rows_and_articles",
    "script_hash",
    "slide_dates",
    "slide_text",
    "span_in_sentence",
    "timeml_name",
    "to_html",
    "to_timelinejs",
    "to_timeml",
    "unique_slide_id",
]

FORMATS = ("html", "timelinejs", "timeml", "csv", "parquet", "json")
FRAME_FORMATS = ("csv", "parquet", "json")  # written by `timeline.schema.write_frame`
_SUFFIX_FORMATS = {
    "htm": "html",
    "html": "html",
    "csv": "csv",
    "parquet": "parquet",
    "json": "json",
}


def export(frame: pd.DataFrame, path: str | Path, fmt: str | None = None) -> None:
    """Write `frame` to `path` as html, timelinejs, timeml (a folder), csv, parquet or json.

    Without `fmt` the format follows the extension (.html, .csv, .parquet, .json = the frame's
    records); TimelineJS and TimeML are only written when asked for by name.
    """
    path = str(path)
    fmt = export_format(path, fmt)
    if fmt == "html":
        _write_text(path, to_html(frame))
    elif fmt == "timelinejs":
        _write_text(path, json.dumps(to_timelinejs(frame), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "timeml":
        to_timeml(frame, path)
    else:
        write_frame(frame, path)


def export_format(path: str, fmt: str | None) -> str:
    """The format to write `path` in: `fmt` when given (checked against the path), else its suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"{path}: unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    if fmt is None:
        if path == "-":
            return "csv"
        if suffix not in _SUFFIX_FORMATS:
            raise ValueError(
                f"{path}: cannot tell the format from '.{suffix}' "
                "(use .html, .csv, .parquet, .json, or --format timelinejs / timeml)"
            )
        return _SUFFIX_FORMATS[suffix]
    if fmt in FRAME_FORMATS and path != "-" and suffix != fmt:
        raise ValueError(f"{path}: --format {fmt} writes a .{fmt} file")
    if fmt in ("parquet", "json", "timeml") and path == "-":
        raise ValueError(f"-: --format {fmt} cannot be written to stdout")
    return fmt


def _write_text(path: str, text: str) -> None:
    """Write `text` to the file `path` as UTF-8, or to stdout for "-" (the CLI's pipe)."""
    if path == "-":
        sys.stdout.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")
