"""When: the date an event gets, and how it got it (its own expression, another event, or the day
the article reported it), with the interval, the words that say so and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..tagger.calendar import day_start

EXPRESSION, EVENT, REPORTED = "expression", "event", "reported"
_STRENGTH = {EXPRESSION: 2, EVENT: 1, REPORTED: 0}  # which date a row of several clauses keeps


@dataclass(frozen=True)
class When:
    """The date of an event: its interval (end exclusive), TIMEX3 type/value and granularity,
    how it was dated (`dated_by`), the expression's offsets (None when reported), the anchor a
    relative value came from, the explanation and the confidence."""

    start: datetime
    end: datetime
    granularity: str
    timex_type: str
    timex_value: str
    dated_by: str
    span: tuple[int, int] | None
    anchor: str
    explanation: str
    confidence: float
    lent: bool = False  # the date of the saying, lent to what was said

    @property
    def interval(self) -> tuple[datetime, datetime]:
        return self.start, self.end

    def stronger_than(self, other: When) -> bool:
        """Whether this date says more than `other` about the same interval (an expression over
        a report; then the more confident)."""
        return (_STRENGTH[self.dated_by], self.confidence) > (
            _STRENGTH[other.dated_by],
            other.confidence,
        )

    def said(self, confidence: float) -> When:
        """This date lent to what was said on it ("..., the board said on Monday")."""
        return replace(
            self,
            explanation=f"{self.explanation}; the day it was said",
            confidence=round(self.confidence * confidence, 3),
            lent=True,
        )


@lru_cache(maxsize=4096)
def reported_on(dct: date, confidence: float, own_date_elsewhere: bool) -> When:
    """The date of an event with no date of its own: the day the article reported it."""
    start = day_start(dct)
    where = "of its own" if own_date_elsewhere else "in the sentence"
    return When(
        start=start,
        end=start + timedelta(days=1),
        granularity="day",
        timex_type="DATE",
        timex_value=dct.isoformat(),
        dated_by=REPORTED,
        span=None,
        anchor="dateline",
        explanation=f"no date {where}: reported on {dct.isoformat()}",
        confidence=confidence,
    )
