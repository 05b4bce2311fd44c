"""The chronological list: the events in the chart's window, day by day (or by the unit of their
granularity), each with its headline, how it was dated and the articles reporting it, linked.

This is the view a reporter reads. Article text is untrusted: it only becomes text children of
Dash components (React escapes them), and a link is made only of an http(s) address.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from dash import html

from ..schema import sources_of

DATED_BY_BADGES = {
    "expression": None,  # the common case says nothing
    "event": "dated by another event",
    "reported": "reported that day",
}


def in_window(rows: pd.DataFrame, window: Sequence[float] | None) -> pd.DataFrame:
    """The rows whose interval meets the window [start, end) in ms (all dated rows without one),
    in time order."""
    dated = rows[rows["start"].notna()]
    if window:
        low, high = (np.datetime64(int(edge), "ms") for edge in window)  # any year, 1 to 9999
        start = dated["start"].to_numpy("datetime64[us]")
        end = dated["end"].to_numpy("datetime64[us]")
        dated = dated[(end > low) & (start < high)]
    return dated.sort_values(["start", "end"], kind="stable")


def chronology(rows: pd.DataFrame, articles: dict, size: int) -> tuple[list, int]:
    """The list's children for the first `size` of `rows` (in time order), grouped under their
    date label; and how many rows are left out."""
    shown = rows.iloc[:size]
    labels = shown["_date"].astype("string").fillna("undated").to_numpy(dtype=object)
    groups: list = []
    starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]]) if len(labels) else []
    bounds = [*starts, len(labels)]
    for a, b in zip(bounds[:-1], bounds[1:], strict=False):
        group = shown.iloc[a:b]
        groups.append(
            html.Section(
                [
                    html.H3(
                        [str(labels[a]), html.Span(_count(b - a), className="day-count")],
                        className="day-head",
                    ),
                    *[_item(row_id, row, articles) for row_id, row in group.iterrows()],
                ],
                className="day",
                role="listitem",
            )
        )
    return groups, max(0, len(rows) - size)


def _count(n: int) -> str:
    return f"{n} events" if n != 1 else "1 event"


def _item(row_id: int, row: pd.Series, articles: dict) -> html.Div:
    """One event: its headline, badges, and each article reporting it (linked)."""
    badges = [
        html.Span(str(row["granularity"]), className="badge")
        if row["granularity"] not in (None, "day", "time") and pd.notna(row["granularity"])
        else None,
        html.Span(DATED_BY_BADGES[_text(row["dated_by"])], className=f"badge {row['dated_by']}")
        if DATED_BY_BADGES.get(_text(row["dated_by"]))
        else None,
        html.Span(f"{int(row['n_sources'])} sources", className="badge merged")
        if row["n_sources"] > 1
        else None,
    ]
    return html.Div(
        [
            html.Div(
                [html.Span(_text(row["event"]) or _text(row["expression"]), className="headline")]
                + [b for b in badges if b is not None],
                className="item-head",
            ),
            html.Div(_sources(row, articles), className="item-sources"),
        ],
        className="event-item",
        role="button",
        tabIndex="0",
        **{"data-row": str(int(row_id))},  # timeline.js opens it in the panel
    )


def _sources(row: pd.Series, articles: dict) -> list:
    """Each article reporting the event: source · title, linked to its address when it has one."""
    out: list = []
    for n, doc_id in enumerate(sources_of(row["sources"]) or [str(row["doc_id"])]):
        article = articles.get(doc_id, {})
        title = article.get("title") or doc_id
        source = article.get("source") or ""
        url = article.get("url") or ""
        name = html.A(title, href=url, target="_blank", rel="noopener noreferrer")
        if not url.startswith(("http://", "https://")):
            name = html.Span(title)
        out += [html.Span(" · ") if n else None, html.Span(f"{source}: " if source else ""), name]
    return [part for part in out if part is not None]


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
