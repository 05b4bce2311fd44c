"""Event-relative dates: "a day after parliament voted" dates one event from another.

The dated side is a date in the sentence, or an earlier row of the article about the sentence's
subject ("The leaked letter came a day after ..."); the other side is moved by the offset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import pandas as pd

from ..document import Document
from ..tagger.calendar import DURATION_UNITS, coarser, day_start, interval_at, shift
from ..tagger.lexicon import UNIT_MULTIPLIER, UNIT_PLURALS
from ..tagger.lexicon.patterns import NUMBER, UNIT
from ..tagger.timex import Timex
from ..tagger.words import parse_number
from ..text import Token
from .clauses import Parts, content_words, stretch_end
from .confidence import EVENT_RELATIVE_TRUST, row_confidence
from .headline import headline_of, joined, readable, words_before_verb
from .when import EVENT, REPORTED, When


class Relation(NamedTuple):
    """ "a day after <clause>": an offset between the sentence's event and the clause's event."""

    start: int
    end: int
    amount: float
    unit: str  # D, W, M, Y
    sign: int  # +1: the main event comes after the other one ("came a day after"), -1: before


_RELATION = re.compile(
    r"\b(?:the\s+)?(?P<n>" + NUMBER + r")?\s*(?P<unit>" + UNIT + r")\s+(?P<dir>after|before)\b",
    re.I,
)


_SPACE = re.compile(r"\s*")


_RELATION_UNITS = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y"}


def relations_in(text: str, sentence: tuple[int, int]) -> list[Relation]:
    """The "a day after" / "two weeks before" phrases of a sentence that are followed by a clause."""
    found = []
    words = text[sentence[0] : sentence[1]].lower()
    if "after" not in words and "before" not in words:
        return found  # most sentences: no search
    for m in _RELATION.finditer(text, *sentence):
        word = m.group("unit").lower()
        unit = UNIT_PLURALS.get(word, word)
        number = (m.group("n") or "").lower()
        if unit not in _RELATION_UNITS or not (number or m.group().lower().startswith("the")):
            continue
        if not number and word != unit:
            continue  # "the days before the slaying": how many days is not said
        amount = parse_number(number) if number else 1
        if amount is None:
            continue
        amount *= UNIT_MULTIPLIER.get(unit, 1)
        sign = 1 if m.group("dir").lower() == "after" else -1
        found.append(Relation(m.start(), m.end(), amount, _RELATION_UNITS[unit], sign))
    return found


def dated_subject(subject: str, earlier: Sequence[dict]) -> dict | None:
    """The latest earlier row with a date of its own whose event mentions every content word of
    `subject`, or None.

    "The leaked letter came a day after ..." is dated by an earlier row about the "leaked letter".
    """
    wanted = content_words(subject)
    if not wanted:
        return None
    for row in reversed(earlier):
        if row["dated_by"] != REPORTED and wanted <= content_words(row["event"]):
            return row
    return None


_UNIT_GRANULARITY = {"D": "day", "W": "day", "M": "month", "Y": "year"}


@dataclass(frozen=True)
class _Anchor:
    """The dated side of a relation: its day, granularity, event text and confidence."""

    day: datetime
    granularity: str
    event: str
    confidence: float


def _relation_sides(
    tokens: Sequence[Token], clauses: list[range], phrase: set[int]
) -> tuple[list[int], list[int]]:
    """The sentence's own event (the words before the phrase in its clause, or the clause after
    a fronted phrase) and the other event (the clause, or noun phrase, after the phrase)."""
    first, after = min(phrase), max(phrase) + 1
    main_clause = next(c for c in clauses if first in c)
    other_clause = next(c for c in clauses if after in c)
    stop = other_clause.stop if other_clause != main_clause else stretch_end(tokens, after)
    main = [i for i in main_clause if i < first]
    if not main:  # "Five years after its launch, the service passed Wal-Mart"
        main = [i for i in main_clause if i > stop]
    return main, list(range(after, stop))


def _timex_anchor(doc: Document, timexes: Sequence[Timex], event: str) -> _Anchor | None:
    """The last dated timex of `timexes` as an anchor for `event`."""
    dated = [t for t in timexes if t.interval_start is not None and t.type in ("DATE", "TIME")]
    if not dated:
        return None
    t = dated[-1]
    granularity = "day" if t.granularity == "time" else t.granularity
    confidence = row_confidence(t.confidence, t.anchor, doc.dct_source)
    return _Anchor(t.interval_start, granularity, event, confidence)


def _subject_anchor(
    tokens: Sequence[Token], main: list[int], earlier: Sequence[dict]
) -> _Anchor | None:
    """The date of an earlier row about the main clause's subject ("The leaked letter came")."""
    subject = words_before_verb(tokens, range(main[0], main[-1] + 1)) if main else []
    row = dated_subject(joined(tokens, subject), earlier)
    if row is None:
        return None
    day = pd.Timestamp(row["start"]).to_pydatetime()
    return _Anchor(day, row["granularity"], row["event"], row["confidence"])


def _dated_side(
    doc: Document,
    parts: Parts,
    relation: Relation,
    sides: tuple[list[int], list[int]],
    timexes: Sequence[Timex],
    earlier: Sequence[dict],
    headline: Callable[[list[int]], str],
) -> tuple[_Anchor, list[int], int] | None:
    """The anchor, the words of the event it dates, and the offset's sign for that event."""
    tokens, (main, other) = parts.tokens, sides
    in_other = [t for t in timexes if parts.covered([(t.start, t.end)]) & set(other)]
    anchor = _timex_anchor(doc, in_other, headline(other))
    if anchor:
        return anchor, main, relation.sign
    rest = [t for t in timexes if t not in in_other]
    anchor = _timex_anchor(doc, rest, headline(main)) or _subject_anchor(tokens, main, earlier)
    return (anchor, other, -relation.sign) if anchor else None


def relation_date(
    doc: Document,
    parts: Parts,
    relation: Relation,
    timexes: Sequence[Timex],
    earlier: Sequence[dict],
) -> tuple[When, list[int]] | None:
    """The date an event-relative phrase ("a day after <clause>") gives, and the words of the
    event it dates; None if neither side is dated.

    The dated side is, in order: a date in the clause after the phrase (then the sentence's own
    event is dated); a date elsewhere in the sentence; or the latest earlier dated row of the
    article whose event mentions the sentence's subject ("The leaked letter came a day after ...").
    """
    tokens = parts.tokens
    phrase = parts.covered([(relation.start, relation.end)])
    if not phrase or max(phrase) + 1 >= len(tokens):
        return None
    sides = _relation_sides(tokens, parts.clauses, phrase)
    headline = lambda words: headline_of(tokens, words, set(), parts.dates)  # noqa: E731
    found = _dated_side(doc, parts, relation, sides, timexes, earlier, headline)
    if found is None:
        return None
    anchor, target, sign = found
    granularity = coarser(anchor.granularity, _UNIT_GRANULARITY[relation.unit])
    if granularity is None or not readable(headline(target)):
        return None
    day = shift(day_start(anchor.day), sign * relation.amount, DURATION_UNITS[relation.unit])
    start, end, value = interval_at(day, granularity)
    if start is None:
        return None
    direction = "after" if sign > 0 else "before"
    when = When(
        start=start,
        end=end,
        granularity=granularity,
        timex_type="DATE",
        timex_value=value,
        dated_by=EVENT,
        span=(relation.start, relation.end),
        anchor="event",
        explanation=(
            f"{doc.text[relation.start : relation.end]} → {value}: {_amount(relation)} "
            f"{direction} the event dated {anchor.day.date().isoformat()} (“{anchor.event}”)"
        ),
        confidence=round(anchor.confidence * EVENT_RELATIVE_TRUST, 3),
    )
    return when, target


def _amount(relation: Relation) -> str:
    """ "1 day", "14 days", "5 years": the relation's offset in words."""
    n = relation.amount * (7 if relation.unit == "W" else 1)
    name = _UNIT_GRANULARITY[relation.unit]
    return f"{n:g} {name}" + ("" if n == 1 else "s")


def usable_relations(
    relations: list[Relation], timexes: Sequence[Timex], text: str
) -> list[Relation]:
    """Relations not followed by a date ("the day after tomorrow" is the tagger's)."""
    starts = {t.start for t in timexes}
    return [r for r in relations if _SPACE.match(text, r.end).end() not in starts]
