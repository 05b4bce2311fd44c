"""TimelineJS3 JSON of an events frame (https://timeline.knightlab.com/docs/json-format.html)."""

from __future__ import annotations

import html
import re

import pandas as pd

from ..document import unique_id
from .rows import _text, chronological_order, page_summary, rows_and_articles, span_in_sentence

# TimelineJS3 date parts, per granularity
_DAY_PARTS = ("year", "month", "day")
_DATE_PARTS = {
    "time": ("year", "month", "day", "hour", "minute"),
    "day": _DAY_PARTS,
    "week": _DAY_PARTS,
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
    "century": ("year",),
}


def date_parts(moment: pd.Timestamp, granularity: str) -> dict[str, int]:
    """A TimelineJS3 date object for `moment`, as precise as `granularity` (year only, ...)."""
    parts = _DATE_PARTS.get(granularity, _DAY_PARTS)
    return {part: int(getattr(moment, part)) for part in parts}


def slide_dates(start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> dict[str, dict]:
    """`start_date`, plus `end_date` (inclusive, at the same precision) when it is a range."""
    out = {"start_date": date_parts(start, granularity)}
    if pd.notna(end):
        last = date_parts(end - pd.Timedelta(microseconds=1), granularity)
        if last != out["start_date"] and granularity != "time":
            out["end_date"] = last
    return out


def slide_text(row: dict, article: str) -> str:
    """The slide's HTML body: the sentence with the expression in bold, then source and reason.

    Everything from the article is escaped (TimelineJS renders this field as HTML).
    """
    sentence, expression = _text(row["sentence"]), _text(row["expression"])
    start, end = int(row["char_start"]), int(row["char_end"])
    span = span_in_sentence(sentence, article, start, end, expression)
    if span:
        quote = (
            html.escape(sentence[: span[0]])
            + "<strong>"
            + html.escape(sentence[span[0] : span[1]])
            + "</strong>"
            + html.escape(sentence[span[1] :])
        )
    else:
        quote = html.escape(sentence or expression)
    about = " · ".join(
        html.escape(part)
        for part in (_text(row["source"]), _text(row["title"]), _text(row["timex_value"]))
        if part
    )
    body = f"<p>{quote}</p>"
    if about:
        body += f"<p><small>{about}</small></p>"
    how = _DATED_BY.get(_text(row.get("dated_by")), "")
    explanation = _text(row["explanation"])
    if how or explanation:
        body += (
            f"<p><small>{html.escape(' — '.join(p for p in (how, explanation) if p))}</small></p>"
        )
    url = _text(row.get("url"))
    if url.startswith(("http://", "https://")):
        body += f'<p><small><a href="{html.escape(url)}" rel="noopener noreferrer">source</a></small></p>'
    return body


# how a row got its date, as a reader reads it
_DATED_BY = {
    "expression": "dated by its own words",
    "event": "dated from another event",
    "reported": "reported on the article's day (no date of its own)",
}


def _media(row: dict) -> dict:
    """The slide's `media`: a link to the article, when it has a web address."""
    url = _text(row.get("url"))
    if not url.startswith(("http://", "https://")):
        return {}
    return {"media": {"url": url, "link": url, "caption": html.escape(_text(row["title"]))}}


def unique_slide_id(doc_id: str, char_start: int, taken: set[str]) -> str:
    """A slide id TimelineJS can use in the URL hash: [A-Za-z0-9_-] only, unique in the file."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{doc_id}-{char_start}").strip("-") or "event"
    return unique_id(base, taken)


def to_timelinejs(frame: pd.DataFrame, *, title: str = "Timeline") -> dict:
    """The dated events as TimelineJS3 JSON (title slide + events; group = source).

    Rows without an interval (durations, sets, vague references) cannot be placed and are left out.
    """
    rows, articles = rows_and_articles(frame)
    records = rows.to_dict("records")
    taken: set[str] = set()
    slides = []
    for i in chronological_order(rows):
        row = records[i]
        if pd.isna(row["start"]):
            continue
        doc = _text(row["doc_id"])
        headline = _text(row["event"]) or _text(row["expression"])
        slides.append(
            {
                **slide_dates(row["start"], row["end"], _text(row["granularity"])),
                "text": {
                    "headline": html.escape(headline),
                    "text": slide_text(row, _text((articles.get(doc) or {}).get("text"))),
                },
                "group": html.escape(_text(row["source"]) or doc),  # shown as HTML too
                "unique_id": unique_slide_id(doc, int(row["char_start"]), taken),
                **_media(row),
            }
        )
    return {
        "title": {
            "text": {"headline": html.escape(title), "text": html.escape(page_summary(rows))}
        },
        "events": slides,
    }
