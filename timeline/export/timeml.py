"""TimeML files of an events frame: one per article, the unchanged text with its rows' expressions
as TIMEX3 tags, their event words as EVENT tags, and a TLINK dating each event."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..tagger.timex import Timex
from .rows import _text, rows_and_articles


def timeml_name(doc_id: str, taken: set[str]) -> str:
    """A file name for a document's TimeML: its id made path-safe, unique in the folder."""
    base = re.sub(r"[^\w.-]+", "_", doc_id).strip("._") or "document"
    name, n = base + ".tml", 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}.tml"
    taken.add(name.lower())
    return name


def document_timexes(rows: list[dict], text: str) -> list[Timex]:
    """A document's rows dated by an expression, as TIMEX3 spans over its text (the writer drops
    invalid or overlapping ones); rows reported on the dateline have none."""
    return [_row_timex(row, text) for row in rows if _text(row["expression"])]


def _row_timex(row: dict, text: str) -> Timex:
    """The TIMEX3 of a row's expression."""
    return Timex(
        start=int(row["char_start"]),
        end=int(row["char_end"]),
        text=text[int(row["char_start"]) : int(row["char_end"])],
        type=_text(row["timex_type"]) or "DATE",
        value=_text(row["timex_value"]),
        granularity=_text(row["granularity"]),
    )


def document_event_tags(rows: list[dict], text: str) -> list:
    """A document's rows as EVENT tags at their triggers, each linked to its row's TIMEX3 (or to
    the DCT when it was reported)."""
    from ..timeml import EventTag

    return [
        EventTag(
            int(row["trigger_start"]),
            int(row["trigger_end"]),
            _row_timex(row, text) if _text(row["expression"]) else None,
        )
        for row in rows
        if int(row["trigger_start"]) >= 0
    ]


def to_timeml(frame: pd.DataFrame, out_dir: str | Path) -> list[Path]:
    """One TimeML file per article in `out_dir`, its rows as TIMEX3 tags in the unchanged text."""
    from ..timeml import write_timeml

    rows, articles = rows_and_articles(frame)
    if len(rows) and not articles:
        raise ValueError(f"{out_dir}: the frame carries no article texts to write TimeML from")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out_dir}: TimeML export writes a folder, and this is a file")
    out.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, list[dict]] = {}
    for row in rows.to_dict("records"):
        by_doc.setdefault(_text(row["doc_id"]), []).append(row)
    taken: set[str] = set()
    written = []
    for doc, meta in articles.items():
        text = _text(meta.get("text"))
        dateline = pd.Timestamp(meta["dateline"]) if meta.get("dateline") else pd.NaT
        path = out / timeml_name(doc, taken)
        write_timeml(
            text,
            document_timexes(by_doc.get(doc, []), text),
            dct=None if pd.isna(dateline) else dateline.to_pydatetime(),
            out_path=path,
            doc_id=doc,
            events=document_event_tags(by_doc.get(doc, []), text),
        )
        written.append(path)
    return written
