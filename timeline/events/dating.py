"""Dating the events of one document: every clause with a predicate is an event, and each gets a
date and the reason for it.

Per sentence: the clauses (`clauses`), the dates attached to them, the relations to other events
(`relations`); what has no date of its own is reported on the article's day (`when`). The clauses
of a sentence that fall on one date make one row, whose headline carries them (`headline`).

"since 2003" runs from 2003 to the dateline; "over the past three years" ends at the dateline;
durations, sets and vague references give no row unless they bound an event.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..document import Document
from ..errors import OverBudget
from ..schema import conform, empty_frame
from ..tagger.calendar import DURATION_UNITS, day_start, shift
from ..tagger.lexicon import events as lex
from ..tagger.tagging import tag_text
from ..tagger.timex import Timex
from ..text import Text, Token
from .clauses import Parts, content_words, is_verb, lacks, sentence_parts, verb_group
from .confidence import REPORTED_CONFIDENCE, SAID_TRUST, STORY_TRUST, row_confidence
from .headline import attribution_after, group_words, headline_of, readable
from .merge import participants
from .relations import relation_date, relations_in, usable_relations
from .when import EVENT, EXPRESSION, When, reported_on

STORY_REACH = 7  # days before the dateline a past story day may lie
RESTATED_SHARE = 0.6  # of a title row's content words found in a body row: the same event


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


# --- one sentence ------------------------------------------------------------------------------
def _timex_when(doc: Document, timex: Timex, interval: Interval) -> When:
    """The date a tagged expression gives the clause it is attached to."""
    explanation = timex.explanation or f"{timex.text} → {timex.value}"
    if interval.note:
        explanation += f"; a range {interval.note}"
    return When(
        start=interval.start,
        end=interval.end,
        granularity=interval.granularity,
        timex_type=timex.type,
        timex_value=timex.value,
        dated_by=EXPRESSION,
        span=(interval.expression_start, timex.end),
        anchor=timex.anchor,
        explanation=explanation,
        confidence=row_confidence(timex.confidence, timex.anchor, doc.dct_source),
    )


def _words_back(tokens: Sequence[Token], i: int, n: int) -> list[str]:
    """The lower-cased words of the `n` tokens before token `i`, nearest first."""
    return [tokens[j].low for j in range(i - 1, max(-1, i - 1 - n), -1)]


_COMPARISON_WORDS = {o for o in lex.COMPARISON_OPENERS if " " not in o}
_COMPARISON_PAIRS = {tuple(o.split()) for o in lex.COMPARISON_OPENERS if " " in o}
_CHANGE_BEFORE_FROM = re.compile(r"^(?:[\d.,]+%?|percent|up|down|rose|fell|rise|fall|risen|fallen|"
                                 r"increased?|decreased?|declined?|gained?|dropped|climbed|jumped|"
                                 r"slipped|higher|lower|more|less|change[sd]?)$")  # fmt: skip
_LEADING_FILLERS = frozenset({"the", "a", "an", "in", "on", "during", "same", "its", "their",
                              "of", "for", "at"})  # fmt: skip


def is_comparison(tokens: Sequence[Token], first: int) -> bool:
    """Whether the date starting at token `first` is a point of comparison ("fell 35% from a year
    earlier", "than in 2019", "compared with the same period last year", "the highest since
    1998"), which dates no event."""
    i = first
    while i > 0 and tokens[i - 1].low in _LEADING_FILLERS and first - i < 4:
        i -= 1
    back = _words_back(tokens, i, 6)
    if not back:
        return False
    if len(back) > 1 and (back[1], back[0]) in _COMPARISON_PAIRS:
        return True
    word = back[0]
    if word in ("than", "versus", "vs", "vs.", "against") or (word == "compared"):
        return True
    if word in ("from", "over"):
        return any(_CHANGE_BEFORE_FROM.match(w) for w in back[1:5])
    if word == "since":
        return any(w in lex.SINCE_COMPARISONS for w in back[1:6])
    return False


def _perfect_or_state(tokens: Sequence[Token], clause: range) -> bool:
    """Whether a clause's verb group is a perfect or a state ("has been fighting", "is"), which a
    "since" range dates; a simple past ("posted its first win since 2019") it does not."""
    group = verb_group(tokens, clause)
    lows = [tokens[i].low for i in group]
    return bool(lows) and (
        lows[0] in lex.PERFECT_AUXILIARIES or all(w in lex.STATE_VERBS for w in lows)
    )


def _attribution_tokens(tokens: Sequence[Token]) -> set[int]:
    """The tokens of trailing or inserted attributions (", the agency said Thursday", "according
    to figures released April 3"), whose date is the day of the saying, not of what was said."""
    found: set[int] = set()
    if lacks(tokens, _ATTRIBUTION_WORDS):
        return found
    words = list(range(len(tokens)))
    for p in words:
        if tokens[p].text == ",":
            end = attribution_after(tokens, words, p)
            if end is not None:
                found.update(range(p, min(end + 1, len(tokens))))
        elif tokens[p].low == "according" and p + 1 < len(tokens) and tokens[p + 1].low == "to":
            end = next((q for q in range(p + 2, len(tokens)) if tokens[q].text == ","), len(tokens))
            found.update(range(p, end))  # "according to figures released April 3 by NPD"
    return found


_ATTRIBUTION_WORDS = lex.ATTRIBUTION_VERBS | {"according"}


def _clause_dates(
    doc: Document, parts: Parts, timexes: Sequence[Timex]
) -> tuple[dict[int, list[When]], list[When], set[int]]:
    """The dates attached to each clause of a sentence, the dates of its trailing attributions
    (lent to what was said when it has no date of its own), and the tokens of the dates that
    are points of comparison (which stay in the headline)."""
    tokens = parts.tokens
    said = _attribution_tokens(tokens)
    own: dict[int, list[When]] = {k: [] for k in range(len(parts.clauses))}
    attributed: list[When] = []
    compared: set[int] = set()
    for timex in timexes:
        interval = row_interval(doc.text, timex, doc.dct)
        words = parts.covered([(timex.start, timex.end)])
        if interval is None or not words:
            continue
        first = min(words)
        k = parts.clause_at(first)
        if is_comparison(tokens, first):
            compared |= words
            continue
        if interval.note == "until the dateline" and not _perfect_or_state(
            tokens, parts.clauses[k]
        ):
            continue  # "posted its first win since 2019": the win is not in 2019
        when = _timex_when(doc, timex, interval)
        (attributed if first in said else own[k]).append(when)
    return own, attributed, compared


def _events_of(parts: Parts, own: dict[int, list[When]]) -> list[int]:
    """The clauses that are events: those with a predicate; a clause without one joins the
    event clause after it (or before it, at the end) and lends it its dates."""
    events = [k for k, trigger in enumerate(parts.triggers) if trigger is not None]
    if not events:
        return []
    for k in range(len(parts.clauses)):
        if parts.triggers[k] is None and own[k]:
            host = next((e for e in events if e > k), events[-1])
            own[host] = own[host] + own[k]
            own[k] = []
    return events


def _is_participle(parts: Parts, k: int) -> bool:
    """Whether clause `k` is non-finite — a participle, a "while/when/as" + participle, an
    infinitive — and so happens at the time of the clause it belongs to ("While introducing
    iPhone 4, Jobs started ...", ", overwhelming Apple and AT&T", "made an appearance | to
    unveil the iPad 2")."""
    clause, tokens = parts.clauses[k], parts.tokens
    first = clause.start + (tokens[clause.start].low in lex.SIMULTANEOUS)
    if first + 1 < clause.stop and tokens[first].low == "to" and is_verb(tokens, first + 1):
        return True
    if first >= clause.stop or not is_verb(tokens, first):
        return False
    low = tokens[first].low
    after_comma = clause.start > 0 and tokens[clause.start - 1].text == ","
    return low.endswith("ing") or (after_comma and (low.endswith("ed") or low.endswith("en")))


def _share_dates(parts: Parts, events: list[int], own: dict[int, list[When]]) -> None:
    """A "while", "when" or "as" clause with a date lends it to the clause it hangs on (the one
    before, or after when it opens the sentence) when that has none ("Milley is seen as Esper
    speaks ..., December 29, 2019"); the content of a leading attribution takes its date."""
    for n, k in enumerate(events):
        host = events[n - 1] if n else (events[1] if len(events) > 1 else None)
        if host is None:
            continue
        first = parts.tokens[parts.clauses[k].start].low
        if own[k] and not own[host] and first in lex.SIMULTANEOUS:
            own[host] = list(own[k])
        elif n and not own[k] and own[host] and _reports(parts, host) and first == "that":
            own[k] = list(own[host])  # "announced Friday | that it will give owners ..."


def _reports(parts: Parts, k: int) -> bool:
    """Whether clause `k`'s event word is an attribution verb ("announced", "told")."""
    trigger = parts.triggers[k]
    return trigger is not None and parts.tokens[trigger].low in lex.ATTRIBUTION_VERBS


def _host_of(k: int, events: list[int]) -> int:
    """The event clause a clause without a predicate belongs to (the next one, else the last)."""
    return next((e for e in events if e >= k), events[-1])


@dataclass
class _Group:
    """The clauses of a sentence on one date: the date kept and the clauses' words."""

    when: When
    clauses: list[int] = field(default_factory=list)
    words: set[int] = field(default_factory=set)


def sentence_rows(
    doc: Document,
    index: int,
    sentence: tuple[int, int],
    timexes: Sequence[Timex],
    earlier: Sequence[dict],
    story: When | None = None,
) -> list[dict]:
    """The rows of one sentence: its clauses' events, one row per date. `story` is the day the
    article's narrative is at (see `story_of`): a past-tense clause without a date of its own
    continues it."""
    relations = usable_relations(relations_in(doc.text, sentence), timexes, doc.text)
    spans = [(t.start, t.end) for t in timexes if _dates_something(t)]
    spans += [(r.start, r.end) for r in relations]
    spans += [_bounding(doc.text, t) for t in timexes if t.type == "DURATION"]
    parts = sentence_parts(doc.text, sentence, spans)
    if not parts.tokens:
        return []
    overlaps = lambda t: any(r.start < t.end and t.start < r.end for r in relations)  # noqa: E731
    plain = [t for t in timexes if not overlaps(t)] if relations else list(timexes)
    own, attributed, compared = _clause_dates(doc, parts, plain)
    if compared:  # "fell 35% from a year earlier": the comparison stays in the headline
        parts = replace(parts, dates=parts.dates - compared)
    events = _events_of(parts, own)
    if not events:
        return []
    phrases: list[
        tuple[When, list[int]]
    ] = []  # dated noun phrases: "five years after | its launch"
    for relation in relations:
        dated = relation_date(doc, parts, relation, plain, earlier)
        if dated:
            when, target = dated
            k = _host_of(parts.clause_at(min(target)), events)
            if parts.triggers[k] in target:
                own[k].append(when)
            else:
                phrases.append((when, target))
    _share_dates(parts, events, own)
    has_own = any(own[k] for k in events)
    lent = attributed[0].said(SAID_TRUST) if attributed else None
    reported = reported_on(doc.dct, REPORTED_CONFIDENCE * _trust(doc), has_own)
    groups: dict[tuple, _Group] = {}
    rows: list[tuple[_Group, int]] = []
    final = {k: own[k] or [lent or _continued(parts, k, story) or reported] for k in events}
    for n, k in enumerate(events):  # a participle without a date of its own: its host's
        host = events[n - 1] if n else (events[1] if len(events) > 1 else k)
        if not own[k] and _is_participle(parts, k):
            final[k] = final[host]
    for k in events:
        for when in final[k]:
            group = groups.setdefault(when.interval, _Group(when))
            if when.stronger_than(group.when):
                group.when = when
            group.clauses.append(k)
    if len(groups) == 1:  # one date for the whole sentence (most sentences): all its words
        (group,) = groups.values()
        group.words = set(range(len(parts.tokens)))
    else:
        for group in groups.values():  # clauses without a predicate go with their host's words
            members = group.clauses + [
                k
                for k, t in enumerate(parts.triggers)
                if t is None and _host_of(k, events) in group.clauses
            ]
            group.words = set(group_words(parts.tokens, parts.clauses, members, parts.dates))
    for when, target in phrases:  # an event named by a noun phrase: a row of its own words
        noun = next((i for i in target if parts.tokens[i].low in lex.EVENT_NOUNS), target[-1])
        phrase = _Group(when, words=set(target))
        rows.append((phrase, noun))
    return [
        row
        for group, trigger in [(g, None) for g in groups.values()] + rows
        if (row := _group_row(doc, index, sentence, parts, group, trigger)) is not None
    ]


_NOT_PAST = frozenset({"will", "would", "shall", "can", "may", "might", "must", "should", "is",
                       "are", "am", "has", "have", "'s", "’s", "'re", "’re", "'ll", "’ll",
                       "'ve", "’ve", "do", "does", "to"})  # fmt: skip
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})


def is_past(parts: Parts, k: int) -> bool:
    """Whether clause `k` is told in the simple past ("Jobs demoed", "was praised"), not the
    present, a perfect or a future."""
    group = verb_group(parts.tokens, parts.clauses[k])
    lows = [parts.tokens[i].low for i in group]
    if not lows or lows[0] in _NOT_PAST:
        return False
    return (
        lows[0] in _PAST_AUXILIARIES
        or lows[0].endswith("ed")
        or (lows[0] in lex.COMMON_VERBS and not lows[0].endswith("s"))
    )


def _continued(parts: Parts, k: int, story: When | None) -> When | None:
    """The story's day for a past-tense clause without a date of its own, or None."""
    if story is None or not is_past(parts, k):
        return None
    return story


def story_of(rows: Sequence[dict], dct: date, current: When | None) -> When | None:
    """The day the narrative is at after a sentence's rows: the day a main clause of the sentence
    is dated to by an expression, when it lies within STORY_REACH days before the dateline
    ("Yesterday, ... Jobs unveiled iPhone 4." — the keynote's later sentences are told on that
    day). A main clause on the dateline's own day ends the story; older dates, subordinate
    clauses ("since a U.S. drone strike killed ... on Friday") and coarser dates leave it."""
    for row in reversed(rows):
        if not row["_main"] or row["dated_by"] != EXPRESSION:
            continue
        if row["granularity"] not in ("day", "time"):
            continue
        start = row["start"]
        days = (dct - start.date()).days
        if days == 0:
            return None
        if not 0 < days <= STORY_REACH:
            continue
        day = day_start(start.date())
        return When(
            start=day,
            end=day + timedelta(days=1),
            granularity="day",
            timex_type="DATE",
            timex_value=day.date().isoformat(),
            dated_by=EVENT,
            span=None,
            anchor="event",
            explanation=(
                f"no date of its own, told in the past after “{row['event']}” "
                f"({day.date().isoformat()}, sentence {row['sentence_index'] + 1}): the story's day"
            ),
            confidence=round(row["confidence"] * STORY_TRUST, 3),
        )
    return current


def _is_main(parts: Parts, k: int) -> bool:
    """Whether clause `k` is a main clause: not a relative, subordinate or participle clause."""
    first = parts.tokens[parts.clauses[k].start].low
    return first not in _SUBORDINATE_OPENERS and not _is_participle(parts, k)


_SUBORDINATE_OPENERS = (
    lex.RELATIVE_PRONOUNS | lex.SUBORDINATORS | lex.CLAUSE_OR_PREPOSITION | lex.SIMULTANEOUS
)


def _dates_something(timex: Timex) -> bool:
    """Whether a timex is a date phrase a headline leaves out: a date or time with an interval;
    not a duration ("for more than a week" stays), "recently", "now", "every year"."""
    return timex.type in ("DATE", "TIME") and timex.interval_start is not None


def _bounding(text: str, timex: Timex) -> tuple[int, int]:
    """The span a duration leaves the headline with, when it bounds a range ("over the past three
    years"); an empty span when it bounds nothing ("for three hours" stays)."""
    interval = row_interval(text, timex, date(2000, 1, 1))
    return (interval.expression_start, timex.end) if interval else (timex.start, timex.start)


@lru_cache(maxsize=4096)
def _timestamp(day: date) -> pd.Timestamp:
    """A dateline as the frame's timestamp (one per article, asked for by each of its rows)."""
    return pd.Timestamp(day)


def _trust(doc: Document) -> float:
    """How far the article's own day is trusted (an inferred dateline less)."""
    return row_confidence(1.0, "dateline", doc.dct_source)


def _group_row(
    doc: Document,
    index: int,
    sentence: tuple[int, int],
    parts: Parts,
    group: _Group,
    trigger: int | None = None,
) -> dict | None:
    """The row of one date's clauses (or of a dated noun phrase, with its `trigger`), or None
    when no readable headline is left."""
    tokens, when = parts.tokens, group.when
    if trigger is None:
        trigger = parts.triggers[group.clauses[0]]
    target = {parts.triggers[k] for k in group.clauses} - {None}  # every clause's event stays
    if when.span and not when.lent:  # an attribution lending its date still leaves the headline
        target |= parts.covered([when.span])
    event = headline_of(tokens, sorted(group.words), target, parts.dates)
    if not readable(event):
        return None
    clause = parts.clauses[group.clauses[0] if group.clauses else parts.clause_at(trigger)]
    span = when.span or (tokens[trigger].start, tokens[trigger].end)
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "dateline": _timestamp(doc.dct),
        "dateline_source": doc.dct_source,
        "expression": doc.text[span[0] : span[1]] if when.span else "",
        "timex_type": when.timex_type,
        "timex_value": when.timex_value,
        "granularity": when.granularity,
        "start": when.start,
        "end": when.end,
        "event": event,
        "trigger": tokens[trigger].text,
        "trigger_start": tokens[trigger].start,
        "trigger_end": tokens[trigger].end,
        "clause": doc.text[tokens[clause.start].start : tokens[clause.stop - 1].end],
        "sentence": doc.text[sentence[0] : sentence[1]],
        "sentence_index": index,
        "char_start": span[0],
        "char_end": span[1],
        "dated_by": when.dated_by,
        "anchor": when.anchor,
        "explanation": when.explanation,
        "confidence": when.confidence,
        "sources": [doc.doc_id],
        "n_sources": 1,
        "_main": any(_is_main(parts, k) for k in group.clauses),  # for `story_of`
    }


def document_rows(doc: Document, budget: float | None = None) -> list[dict]:
    """The unmerged rows of one document (its reference date already set): pure, per document.
    Its title's events are rows too, unless they restate an event of the article's body.
    Raises OverBudget when it takes longer than `budget` seconds (checked sentence by sentence)."""
    if doc.dct is None:
        raise ValueError(f"{doc.path or doc.doc_id}: no reference date (resolve it first)")
    deadline = None if budget is None else time.monotonic() + budget
    text = Text(doc.text)
    rows = _text_rows(doc, text, deadline)
    if not doc.title:
        return rows
    title = " ".join(doc.title.split())
    heading = bool(text.sentences) and _same_line(doc.text, text.sentences[0], title)
    if heading:  # the title is the article's first line: its rows are the title's
        title_rows = [r for r in rows if r["sentence_index"] == 0]
        body = [r for r in rows if r["sentence_index"] != 0]
    else:
        titled = replace(doc, text=doc.title)
        title_rows = [_off_text(r, doc.title) for r in _text_rows(titled, deadline=deadline)]
        body = rows
    kept = [r for r in title_rows if not _restates(r, body)]
    if not heading:
        return kept + body
    kept_ids = {id(r) for r in kept}  # by identity: comparing rows would be quadratic
    return [r for r in rows if r["sentence_index"] != 0 or id(r) in kept_ids]


def _same_line(text: str, span: tuple[int, int], title: str) -> bool:
    """Whether the sentence at `span` is the title (spacing aside)."""
    return " ".join(text[span[0] : span[1]].split()) == title


def _off_text(row: dict, title: str) -> dict:
    """A row of a title that is not in the article's text: no offsets into it (-1)."""
    return dict(
        row,
        sentence=title,
        sentence_index=-1,
        char_start=-1,
        char_end=-1,
        trigger_start=-1,
        trigger_end=-1,
    )


def _restates(row: dict, body: Sequence[dict]) -> bool:
    """Whether a title's row tells an event of the body again: most of its content words and a
    name are in one body row ("Leaked U.S. letter to Iraq was a poorly worded draft")."""
    words = content_words(row["event"])
    if not words:
        return True
    for other in body:
        shared = words & content_words(other["event"])
        if len(shared) >= RESTATED_SHARE * len(words) and shared & participants(row["event"]):
            return True
    return False


def _text_rows(
    doc: Document, text: Text | None = None, deadline: float | None = None
) -> list[dict]:
    """The rows of `doc`'s text, sentence by sentence (OverBudget once past `deadline`)."""
    text = Text(doc.text) if text is None else text
    timexes = sorted(tag_text(text, doc.dct), key=lambda t: (t.start, t.end))
    rows: list[dict] = []
    story: When | None = None
    first = 0  # timexes and sentences are both in text order: one pass over each
    for index, sentence in enumerate(text.sentences):
        if deadline is not None and time.monotonic() > deadline:
            raise OverBudget("over its time budget")
        while first < len(timexes) and timexes[first].start < sentence[0]:
            first += 1
        last = first
        while last < len(timexes) and timexes[last].start < sentence[1]:
            last += 1
        found = sentence_rows(doc, index, sentence, timexes[first:last], rows, story)
        story = story_of(found, doc.dct, story)
        rows += found
        first = last
    return rows


def document_events(doc: Document) -> pd.DataFrame:
    """The unmerged rows of one document as an events frame."""
    rows = document_rows(doc)
    return conform(pd.DataFrame(rows)) if rows else empty_frame()
