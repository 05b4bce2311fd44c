"""The side panel: one event, the whole article with its expression marked, and who else reports it.

Article text is untrusted, so it only ever becomes text children of Dash components (React escapes
them); the highlight is three children, [before, Mark(expression), after], never parsed HTML.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from . import ids
from .state import Events, dateline_text, other_reports

EMPTY_PANEL = [
    html.P(
        "Click an event on the timeline or in the table to read it in its article.",
        className="empty",
    ),
]


def highlighted(text: str, start: int, end: int, mark_id: str | None = None) -> list:
    """The text as [before, Mark(text[start:end]), after]; the plain text if the span is off."""
    text = text or ""
    if not 0 <= start < end <= len(text):
        return [text]
    mark = html.Mark(text[start:end], className="expression")
    if mark_id:
        mark.id = mark_id
    return [text[:start], mark, text[end:]]


def dated_by_text(row: pd.Series) -> str:
    """How the event got its date, in words: its own expression, another event's date, or the
    day its article reported it (it says no date of its own)."""
    value = _text(row["timex_value"])
    how = _text(row.get("dated_by")) or "expression"
    if how == "reported":
        return f"the day it was reported, {value}: the sentence gives it no date of its own"
    if how == "event":
        return f"another event: “{_text(row['expression'])}” → {value}"
    return f"its own words: “{_text(row['expression'])}” → {value}"


DAY_PANEL_SIZE = 100  # events a dense marker's panel lists (a year's marker can hold thousands)


def day_panel(rows: pd.DataFrame, articles: dict) -> tuple[list, dict]:
    """The events of one dense day's marker, as the chronological list shows them (click one to
    read it): the panel's heading, and the list as data for timeline.js to draw."""
    from .chronology import in_window, list_entries

    groups, left = list_entries(rows, articles, DAY_PANEL_SIZE, in_window(rows, None))
    hint = "Click one to read it in its article."
    if left:
        hint += f" The first {DAY_PANEL_SIZE:,} are listed: zoom in for the other {left:,}."
    heading = [
        html.H2(f"{len(rows):,} events", className="panel-headline"),
        html.P(hint, className="hint"),
    ]
    return heading, listed_in(ids.PANEL_LIST, groups, "")


def listed_in(target: str, groups: list, empty: str) -> dict:
    """What timeline.js renderList draws into the element `target`: the days and their events,
    or `empty` when there are none."""
    return {"target": target, "groups": groups, "empty": empty}


def event_panel(events: Events, row: pd.Series) -> list:
    """Everything about one event: what, when, how it was resolved, the article, other reports."""
    article = events.articles.get(str(row["doc_id"]), {})
    return [
        html.Div(
            [
                html.Span(str(row["_date"]), className="panel-date"),
                _badge(str(row["granularity"] or "")),
                _badge(f"{int(row['n_sources'])} sources", "merged")
                if row["n_sources"] > 1
                else None,
            ],
            className="panel-meta",
        ),
        html.H2(str(_text(row["event"]) or _text(row["expression"])), className="panel-headline"),
        html.Dl(
            [
                *_item("Dated by", dated_by_text(row)),
                *_item(
                    "How it was resolved", _text(row["explanation"]) or "no explanation recorded"
                ),
                *_item(
                    "Confidence",
                    f"{float(row['confidence']):.2f}" if pd.notna(row["confidence"]) else "—",
                ),
            ],
            className="panel-facts",
        ),
        _article(article, row),
        _dateline_editor(article, row),
        _other_reports(events, row),
    ]


def _article(article: dict, row: pd.Series) -> html.Section:
    title = article.get("title") or _text(row["title"]) or str(row["doc_id"])
    byline = " · ".join(
        part
        for part in (
            article.get("source") or _text(row["source"]),
            dateline_text(article) and f"dated {dateline_text(article)}",
            article.get("dateline_source") and f"({article.get('dateline_source')})",
        )
        if part
    )
    url = article.get("url") or _text(row.get("url"))
    link = (
        html.A("Open the article ↗", href=url, target="_blank", rel="noopener noreferrer")
        if url.startswith(("http://", "https://"))
        else None
    )
    text = article.get("text")
    body = (
        highlighted(text, int(row["char_start"]), int(row["char_end"]), ids.MARK)
        if text
        else [html.Span("The article's text is not loaded; the sentence: "), _text(row["sentence"])]
    )
    return html.Section(
        [
            html.H3(title, className="article-title"),
            html.P(byline, className="article-byline"),
            html.P(link, className="article-link") if link else None,
            html.Div(body, className="article-text"),
        ],
        className="panel-article",
    )


def _dateline_editor(article: dict, row: pd.Series) -> html.Section:
    return html.Section(
        [
            html.Label("Dateline of this article", htmlFor=ids.DATELINE),
            html.Div(
                [
                    dcc.Input(
                        id=ids.DATELINE,
                        type="text",
                        value=dateline_text(article)
                        or dateline_text({"dateline": row["dateline"]}),
                        placeholder="YYYY-MM-DD",
                        debounce=False,
                        className="text-input",
                    ),
                    html.Button(
                        "Re-resolve article", id=ids.REDATE, n_clicks=0, className="button"
                    ),
                ],
                className="inline-form",
            ),
            html.P(
                "Every date in the article is resolved again against the new dateline.",
                className="hint",
            ),
        ],
        className="panel-dateline",
    )


def _other_reports(events: Events, row: pd.Series) -> html.Section:
    reports = other_reports(events, row)
    if not reports:
        items = [html.P("No other article reports this event.", className="empty")]
    else:
        items = [
            html.Li(
                [
                    html.Div(
                        [
                            html.Strong(report.get("source") or report["doc_id"]),
                            " · ",
                            report.get("title") or report["doc_id"],
                            f" · dated {dateline_text(report)}" if dateline_text(report) else "",
                        ],
                        className="report-head",
                    ),
                    html.Blockquote(report["sentence"]),
                ]
            )
            for report in reports
        ]
    return html.Section(
        [
            html.H3("Also reported by", className="section-title"),
            html.Ul(items, className="reports"),
        ],
        className="panel-reports",
    )


def _item(term: str, value: str) -> list:
    return [html.Dt(term), html.Dd(value)]


def _badge(text: str, kind: str = "") -> html.Span | None:
    return html.Span(text, className=f"badge {kind}".strip()) if text else None


def _text(value) -> str:
    return (
        ""
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
        else str(value)
    )
