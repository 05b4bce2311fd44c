"""The tagger's output type: one resolved temporal expression (a TIMEX3 with its interval)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text and resolved against its reference date.

    `start`/`end` are character offsets into the text (end exclusive). `interval_start` and
    `interval_end` are the absolute interval the value denotes, half-open (the end is the first
    instant after it: "December 2019" is 2019-12-01 .. 2020-01-01); both are None for durations,
    sets and vague references (PAST_REF, ...).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # ISO-TimeML value: 2020-01-03, 2020-W02, P3D, XXXX-WXX-1, PAST_REF ...
    granularity: str  # time|day|week|month|quarter|half|season|year|decade|century|duration|set|ref
    interval_start: datetime | None = None
    interval_end: datetime | None = None
    mod: str = ""  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ... or ""
    anchor: str = "none"  # dateline | expression | none  (events may add "event")
    anchor_value: str = ""  # the value it was resolved from, when anchor != none
    explanation: str = ""
    rule: str = ""
    confidence: float = 1.0  # the chance the value is right, the dateline assumed right
    evidence: tuple[str, ...] = ()  # what the confidence was computed from ("rule=weekday", ...)

    def to_dict(self) -> dict:
        return asdict(self)
