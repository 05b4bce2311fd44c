"""What every export reads from an events frame: its rows and articles, in chronological order.

Shared by the HTML page, TimelineJS and TimeML exports (one copy of each helper).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..schema import ARTICLES


def _text(value: Any) -> str:
    """A frame cell as text, "" for missing values (the exports never write "nan" or "None")."""
    return "" if value is None or pd.isna(value) else str(value)


def rows_and_articles(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """The frame's rows indexed 0..n-1 (the event ids page, chart and list share) and its articles.

    The rows come without `attrs`: pandas deep-copies attrs in nearly every operation, and with
    every article's text in there, per-row work would copy the whole corpus per row.
    """
    articles = frame.attrs.get(ARTICLES) or {}
    rows = frame.copy(deep=False)
    rows.attrs = {}
    return rows.reset_index(drop=True), articles


def chronological_order(frame: pd.DataFrame) -> list[int]:
    """Row positions by start date (undated last), then document and position in it."""
    keys = pd.DataFrame(
        {
            "undated": frame["start"].isna(),
            "start": frame["start"],
            "doc": frame["doc_id"].astype("string").fillna(""),
            "at": frame["char_start"],
        }
    )
    return list(keys.sort_values(["undated", "start", "doc", "at"], kind="stable").index)


def span_in_sentence(
    sentence: str, article: str, char_start: int, char_end: int, expression: str
) -> list[int] | None:
    """Where the expression sits inside its sentence, as [start, end), or None if not found."""
    if not sentence:
        return None
    if article and 0 <= char_start < char_end <= len(article):
        at = article.find(sentence, max(0, char_end - len(sentence)), char_start + len(sentence))
        if at != -1 and at <= char_start and char_end <= at + len(sentence):
            return [char_start - at, char_end - at]
    at = sentence.find(expression) if expression else -1
    return [at, at + len(expression)] if at >= 0 else None


def page_summary(frame: pd.DataFrame) -> str:
    """One line under the title: how many events, from how many articles, over which dates."""
    n_docs = frame["doc_id"].nunique()
    line = f"{len(frame)} events from {n_docs} article{'s' if n_docs != 1 else ''}"
    if frame["start"].notna().any():
        first = frame["start"].min()
        last = max(frame["start"].max(), frame["end"].max() - pd.Timedelta(microseconds=1))
        line += f", {first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    return line
