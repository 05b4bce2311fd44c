"""The tense of the clause around a mention: does "Friday" point back or ahead from the dateline?

Looks at the verbs nearest the mention within its sentence: a future marker ("will", "is
scheduled to") makes it future, a past form ("said", "was", "-ed") past. News defaults to past.
"""

from __future__ import annotations

import re

PAST, FUTURE, PRESENT = "past", "future", "present"
NEAR = 30  # characters: a verb this close to the date governs it beyond doubt
REACH = 300  # characters around the date, within its sentence, that may hold its verb


class Tense(str):
    """A tense ("past", "future", "present") that knows whether its verb is next to the date."""

    near: bool = False
    sure: bool = False  # the word before the date settles it: "the year ended March 31"

    def __new__(cls, value: str, near: bool = False, sure: bool = False) -> Tense:
        tense = super().__new__(cls, value)
        tense.near = near or sure
        tense.sure = sure
        return tense


_FUTURE = re.compile(
    r"\b(?:will|won['’]t|wo\s+n['’]t|shall|['’]ll|going\s+to|is\s+to|are\s+to|"
    r"(?:is|are|was|were)\s+(?:scheduled|expected|due|set|slated|planned|likely)\s+to|"
    r"(?:was|were)\s+(?:planning|preparing|hoping|expecting)\s+to|"
    r"(?:plans?|planning|intends?|hopes?|aims?|expects?|vows?|promised|agreed|threatens?)\s+to|"
    r"(?:expects?|expecting|anticipates?|forecasts?|predicts?)\b|"
    r"(?:planned|set|due|slated|ready|hoping|expecting|supposed)\s+to|as\s+soon\s+as|would|might|"
    r"could|must|should|until|tomorrow|scheduled|upcoming|"
    # what is set for a date has not happened yet: "a summit set for April", "payable Dec. 1"
    r"(?:set|planned|scheduled|slated|due|earmarked)\s+for|payable|expires?|of\s+record|"
    r"effective)\b",
    re.I,
)
_PRESENT_ING = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|came|went|made|took|gave|began|met|left|held|won|lost|"
    r"fell|rose|sold|bought|paid|struck|hit|killed|died|announced|reported|arrived|became|"
    r"saw|got|put|set|found|thought|brought|ran|led|spoke|wrote|sent|"
    r"(?-i:[a-z]\w+ed)(?<!need)(?<!indeed)(?<!hundred)(?<!speed)(?<!feed)(?<!expected)(?<!scheduled)"
    r"(?<!planned)(?<!slated)(?<!extended)(?<!delayed)(?<!postponed)(?<!preferred)(?<!limited)"
    r"(?<!united)(?<!based)(?<!related)(?<!proposed)(?<!alleged)(?<!concerned)(?<!interested)"
    r"(?<!armed)(?<!advanced)(?<!red)(?<!bed))\b",
    re.I,
)
# "the year ended March 31", "on patrol since March": the date lies behind the dateline
_PAST_JUST_BEFORE = re.compile(
    r"\b(?:ended|since)\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+)?$", re.I
)
_UNTIL = re.compile(r"until\b", re.I)
_UNTIL_IN_PAST = re.compile(r"\b(?:had|was\s+not\s+until|wasn['’]t\s+until)\b", re.I)
_BY_JUST_BEFORE = re.compile(r"\bby\s+$", re.I)
# "it had been due to expire Friday": a plan seen from a past that has since gone by
_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?been\s+(?:\w+\s+){0,2}$", re.I)
# "will be named", "to be held": a participle after a future or infinitive auxiliary is no past
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:will|would|shall|['’]ll|to|must|should)\s+(?:not\s+)?"
    r"(?:be|have\s+been)\s+(?:\w+ly\s+)?$",
    re.I,
)


def _window(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> tuple[int, int]:
    """The part of the mention's sentence the verbs are looked for in: at most REACH around it."""
    if sentence is None:
        from ..text import Text

        sentence = Text(text).sentence_at(start)
    return max(sentence[0], start - REACH), min(sentence[1], end + REACH)


def clause_tense(
    text: str,
    start: int,
    end: int,
    calendar_date: bool = False,
    sentence: tuple[int, int] | None = None,
) -> Tense:
    """PAST, FUTURE or PRESENT for the clause around text[start:end]; PAST when nothing says.

    `calendar_date` marks a month or month-day, which "by" sets as a deadline ahead: "conclude
    by May". Not so for weekdays: "had filed reports by Wednesday" is the Wednesday gone by.
    `sentence` is the span of the sentence holding the mention (found when not given)."""
    if text.startswith(("'s", "’s"), end):
        return Tense(PAST, near=True)  # "Wednesday's ruling": a possessive date has happened
    if _PAST_JUST_BEFORE.search(text, max(0, start - 30), start):
        return Tense(PAST, sure=True)
    if calendar_date and _BY_JUST_BEFORE.search(text, max(0, start - 8), start):
        return Tense(FUTURE)  # not near: a deadline long gone by stays in the past
    left, right = _window(text, start, end, sentence)
    best: tuple[int, str, int] | None = None
    for pattern, tense in ((_FUTURE, FUTURE), (_PRESENT_ING, FUTURE), (_PAST, PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            distance += 0 if m.end() <= start else 8  # a verb before the date governs it more often
            if best is None or distance < best[0]:
                best = (distance, tense, m.start())
    if best is None:
        return Tense(PAST)
    distance, tense, at = best
    if tense == FUTURE and _UNTIL.match(text, at) and _UNTIL_IN_PAST.search(text, left, right):
        return Tense(PAST, near=distance <= NEAR)  # "Until Thursday, they had not called him"
    if tense == FUTURE and _PAST_PERFECT_BEFORE.search(text[max(left, at - 25) : at]):
        return Tense(PAST, near=distance <= NEAR)  # "had been due to expire"
    if tense == PAST and _AUXILIARY_BEFORE.search(text[max(left, at - 30) : at]):
        return Tense(FUTURE, near=True)  # "will be held Friday": the participle is no past
    return Tense(tense, near=distance <= NEAR)
