"""The chronological list: the events in the chart's window, day by day (or by the unit of their
granularity), each with its headline, how it was dated and the articles reporting it, linked.

This is the view a reporter reads. It travels as plain data and the browser draws it, here and
in a dense marker's panel, with one renderer (`assets/timeline.js` renderList): as Dash
components, 100 entries took the page's main thread 0.6 s to render. Article text is untrusted:
the browser sets it as text (`textContent`), and a link is made only of an http(s) address.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..schema import sources_of

DATED_BY_BADGES = {
    "expression": None,  # the common case says nothing
    "event": "dated by another event",
    "reported": "reported that day",
}


def in_window(rows: pd.DataFrame, window: Sequence[float] | None) -> pd.DataFrame:
    """The first rows in time order whose interval meets the window [start, end) in ms (all
    dated rows without one): positions into `rows`, earliest first."""
    start = rows["start"].to_numpy("datetime64[us]")
    end = rows["end"].to_numpy("datetime64[us]")
    keep = ~np.isnat(start)
    if window:
        low, high = (np.datetime64(int(edge), "ms") for edge in window)  # any year, 1 to 9999
        keep &= (end > low) & (start < high)
    at = np.flatnonzero(keep)
    return at[np.lexsort((end[at], start[at]))]  # stable: ties keep the rows' order


def list_entries(rows: pd.DataFrame, articles: dict, size: int, order=None) -> tuple[list, int]:
    """The first `size` of `rows` taken in `order` (positions, as `in_window` gives; default: as
    they stand) as plain data, grouped under their date label; and how many rows are left out.
    Only the rows listed are read (a window can hold 100k). The browser draws them
    (`timeline.js` renderList, as text); `chronology` makes the same as components.

    A group: {"label", "count", "items"}; an item: {"row", "headline", "badges": [[text,
    class]], "sources": [{"source", "title", "url"}]}, `url` only an http(s) address."""
    order = np.arange(len(rows)) if order is None else order
    shown = rows.iloc[order[:size]]
    labels = shown["_date"].astype("string").fillna("undated").to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]]) if len(labels) else []
    bounds = [*starts, len(labels)]
    items = [_entry(row_id, row, articles) for row_id, row in shown.iterrows()]
    groups = [
        {"label": str(labels[a]), "count": _count(b - a), "items": items[a:b]}
        for a, b in zip(bounds[:-1], bounds[1:], strict=False)
    ]
    return groups, max(0, len(order) - size)


def _count(n: int) -> str:
    return f"{n} events" if n != 1 else "1 event"


def _entry(row_id: int, row: pd.Series, articles: dict) -> dict:
    """One event as data: its headline, badges, and each article reporting it."""
    badges = []
    if row["granularity"] not in (None, "day", "time") and pd.notna(row["granularity"]):
        badges.append([str(row["granularity"]), "badge"])
    how = _text(row["dated_by"])
    if DATED_BY_BADGES.get(how):
        badges.append([DATED_BY_BADGES[how], f"badge {how}"])
    if row["n_sources"] > 1:
        badges.append([f"{int(row['n_sources'])} sources", "badge merged"])
    sources = []
    for doc_id in sources_of(row["sources"]) or [str(row["doc_id"])]:
        article = articles.get(doc_id, {})
        url = str(article.get("url") or "")
        sources.append(
            {
                "source": str(article.get("source") or ""),
                "title": str(article.get("title") or doc_id),
                "url": url if url.startswith(("http://", "https://")) else "",
            }
        )
    return {
        "row": str(int(row_id)),
        "headline": _text(row["event"]) or _text(row["expression"]),
        "badges": badges,
        "sources": sources,
    }


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
