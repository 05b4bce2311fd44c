"""Dating the events of one document: each dated expression's interval, and the rows it gives.

"since 2003" runs from 2003 to the dateline; "over the past three years" ends at the dateline;
durations, sets and vague references give no row unless they bound an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

import pandas as pd

from ..document import Document
from ..schema import conform, empty_frame
from ..tagger.calendar import DURATION_UNITS, day_start, shift
from ..tagger.lexicon import events as lex
from ..tagger.tagging import tag_text
from ..tagger.timex import Timex
from ..text import Text
from .clauses import body_start
from .confidence import row_confidence
from .headline import event_headline
from .relations import relation_row, relations_in, usable_relations


class Interval(NamedTuple):
    """The interval a row stands for, with the extent of its expression in the text."""

    start: datetime
    end: datetime
    granularity: str
    expression_start: int
    note: str = ""


_SINCE = re.compile(r"\b(?:" + "|".join(lex.SINCE_WORDS).replace(" ", r"\s+") + r")\s+$", re.I)


_PAST_SPAN = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in lex.PAST_SPAN_OPENERS) + r")\s+$", re.I
)


_FUTURE_SPAN = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in lex.FUTURE_SPAN_OPENERS) + r")\s+$", re.I
)


_SPAN_PREPOSITION = re.compile(r"\b(?:over|in|during|for|within)\s+$", re.I)


_RELATIVE_TO_EVENT = re.compile(
    r"\s+(?:of|after|before|from|since|following|ago|later|earlier|prior)\b", re.I
)


_DURATION = re.compile(r"P(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)")


def _opener(text: str, timex: Timex, pattern: re.Pattern, inside: str) -> int | None:
    """Where the opener of a span starts: before the timex ("over the past") or inside it."""
    m = pattern.search(text, max(0, timex.start - 40), timex.start)
    if m:
        return m.start()
    if not re.match(inside, timex.text, re.I):
        return None
    lead = _SPAN_PREPOSITION.search(text, max(0, timex.start - 12), timex.start)
    return lead.start() if lead else timex.start  # "over | the past three years"


def _duration_span(text: str, timex: Timex, dct: date) -> Interval | None:
    """The range a bounding duration denotes: "over the past three years" ends at the dateline,
    "within the next six months" starts there; other durations bound nothing."""
    m = _DURATION.fullmatch(timex.value)
    if not m or _RELATIVE_TO_EVENT.match(text, timex.end):  # "within one month of the event"
        return None
    amount, unit = float(m.group(1)), DURATION_UNITS[m.group(2)]
    today = day_start(dct)
    tomorrow = today + timedelta(days=1)
    past = _opener(text, timex, _PAST_SPAN, r"(?:the\s+)?(?:past|last)\s")
    if past is not None:
        return Interval(shift(today, -amount, unit), tomorrow, "range", past, "to the dateline")
    future = _opener(text, timex, _FUTURE_SPAN, r"(?:the\s+)?(?:next|coming)\s")
    if future is not None:
        return Interval(today, shift(tomorrow, amount, unit), "range", future, "from the dateline")
    return None


def row_interval(text: str, timex: Timex, dct: date) -> Interval | None:
    """The interval a timex gives a row, or None: durations, sets, vague references make none.

    "since 2003" runs from 2003 to the dateline; "over the past three years" ends at the
    dateline and "within the next six months" starts there; other dates are their own interval.
    """
    if timex.type == "SET" or timex.value.endswith("_REF"):
        return None
    if timex.type == "DURATION" or timex.interval_start is None:
        return _duration_span(text, timex, dct) if timex.type == "DURATION" else None
    start, end = timex.interval_start, timex.interval_end or timex.interval_start
    since = _SINCE.search(text, max(0, timex.start - 20), timex.start)
    tomorrow = day_start(dct) + timedelta(days=1)
    if since and start < tomorrow:
        return Interval(start, max(end, tomorrow), "range", since.start(), "until the dateline")
    return Interval(start, end, timex.granularity, timex.start)


def _row(doc: Document, sentence: tuple[int, int], span: tuple[int, int], **fields: Any) -> dict:
    """One events-frame row of `doc` for the expression at `span` in `sentence`."""
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "dateline": pd.Timestamp(doc.dct),
        "dateline_source": doc.dct_source,
        "expression": doc.text[span[0] : span[1]],
        "sentence": doc.text[sentence[0] : sentence[1]],
        "char_start": span[0],
        "char_end": span[1],
        "sources": doc.doc_id,
        "n_sources": 1,
        **fields,
    }


def _timex_row(
    doc: Document, sentence: tuple[int, int], timex: Timex, dates: list[tuple[int, int]]
) -> dict | None:
    """The row for a dated expression, or None (no interval, in the dateline, no event)."""
    interval = row_interval(doc.text, timex, doc.dct)
    if interval is None or timex.start < body_start(doc.text, *sentence):
        return None
    event = event_headline(doc.text, sentence, (timex.start, timex.end), dates)
    if not re.search(r"[a-z]", event):
        return None
    explanation = timex.explanation or f"{timex.text} → {timex.value}"
    if interval.note:
        explanation += f"; a range {interval.note}"
    return _row(
        doc,
        sentence,
        (interval.expression_start, timex.end),
        timex_type=timex.type,
        timex_value=timex.value,
        granularity=interval.granularity,
        start=interval.start,
        end=interval.end,
        event=event,
        anchor=timex.anchor,
        explanation=explanation,
        confidence=row_confidence(timex.confidence, timex.anchor, doc.dct_source),
    )


def sentence_rows(
    doc: Document, sentence: tuple[int, int], timexes: Sequence[Timex], earlier: Sequence[dict]
) -> list[dict]:
    """The rows of one sentence: its dated expressions, then its event-relative phrases."""
    relations = usable_relations(relations_in(doc.text, sentence), timexes, doc.text)
    overlaps = lambda t: any(r.start < t.end and t.start < r.end for r in relations)  # noqa: E731
    plain = [t for t in timexes if not overlaps(t)]
    dates = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")]
    dates += [(r.start, r.end) for r in relations]
    rows = [row for t in plain if (row := _timex_row(doc, sentence, t, dates))]
    for relation in relations:
        dated = relation_row(doc, sentence, relation, plain, [*earlier, *rows])
        if dated:
            span, fields = dated
            rows.append(_row(doc, sentence, span, **fields))
    return rows


def document_events(doc: Document) -> pd.DataFrame:
    """The unmerged rows of one document (its reference date already set): pure, per document."""
    if doc.dct is None:
        raise ValueError(f"{doc.path or doc.doc_id}: no reference date (resolve it first)")
    text = Text(doc.text)
    timexes = sorted(tag_text(text, doc.dct), key=lambda t: (t.start, t.end))
    rows: list[dict] = []
    first = 0  # timexes and sentences are both in text order: one pass over each
    for sentence in text.sentences:
        while first < len(timexes) and timexes[first].start < sentence[0]:
            first += 1
        last = first
        while last < len(timexes) and timexes[last].start < sentence[1]:
            last += 1
        rows += sentence_rows(doc, sentence, timexes[first:last], rows)
        first = last
    if not rows:
        return empty_frame()
    return conform(pd.DataFrame(rows))
