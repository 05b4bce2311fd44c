"""The tense of the clause around a mention: does "Friday" point back or ahead from the dateline?

Looks at the verbs nearest the mention within its sentence: a future marker ("will", "is
scheduled to") makes it future, a past form ("said", "was", "-ed") past. News defaults to past.
The words are data in `lexicon/tense.py`; this module only builds patterns and weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import MONTHS, WEEKDAYS
from .lexicon import tense as words
from .lexicon.patterns import phrases

PAST, FUTURE, PRESENT = "past", "future", "present"
NEAR = 30  # characters: a verb this close to the date governs it beyond doubt
BESIDE = 4  # characters: a verb this close is the date's own ("began on Jan. 9")
REACH = 300  # characters around the date, within its sentence, that may hold its verb
AFTER_PENALTY = 8  # characters added to a verb after the date: one before it governs it more often


@dataclass(frozen=True)
class Tense:
    """The tense a clause gives a date: its direction, the cue that decided it, how far that cue
    is from the date, whether it is beside the date (`near`) or settles it (`sure`), whether
    a cue pointing the other way comes nearly as close (`contested`), and whether a
    to-infinitive or "through" between a past verb and the date may carry it ahead (`deferred`)."""

    direction: str = PAST
    cue: str = "default"  # one of CUES
    distance: int = REACH
    near: bool = False
    sure: bool = False
    contested: bool = False  # a cue pointing the other way is nearly as close
    deferred: bool = False  # a to-infinitive or "through" between a past verb and the date
    from_past: bool = False  # a future seen from a past time: "would appear in court on Monday"

    @property
    def future(self) -> bool:
        return self.direction == FUTURE

    @property
    def past(self) -> bool:
        return self.direction == PAST

    @property
    def phrase(self) -> str:
        """ "past tense", "future tense" or "present tense", for explanations."""
        return f"{self.direction} tense"


# What can decide a tense, weakest evidence last: the confidence model reads these names.
CUES = (
    "possessive",  # "Wednesday's ruling"
    "ended_since",  # "the year ended March 31", "since March"
    "by_deadline",  # "conclude by May"
    "participle_before_date",  # "first proposed in January"
    "past_perfect",  # "had been due to expire Friday", "had forecast ... in October"
    "until_past_perfect",  # "Until Thursday, they had not ..."
    "auxiliary_participle",  # "will be held Friday"
    "future_verb",  # "will", "is expected to", "set for"
    "progressive",  # "is flying to Moscow on Wednesday"
    "scheduled_present",  # "the summit opens Thursday"
    "past_verb",  # "said", "rose", "-ed"
    "default",  # no verb in reach: news tells of the past
    "none",  # the mention's kind takes no tense
)
NO_TENSE = Tense(PRESENT, "none")


def _ed_verb() -> str:
    """A word in -ed that is a past verb: any but the adjectives and nouns of NOT_PAST_ED."""
    not_verbs = "|".join(sorted(words.NOT_PAST_ED, key=len, reverse=True))
    return rf"(?-i:(?!(?:{not_verbs})\b)[a-z]\w+ed)"


_FUTURE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            phrases(words.FUTURE_WORDS),
            phrases(words.PLANNED_OBJECT),
            rf"(?:is|are|was|were)\s+{phrases(words.PLAN_PARTICIPLES)}\s+to",
            rf"(?:is|are)\s+(?:\w+ly\s+)?{phrases(words.PLAN_PARTICIPLES_BEFORE_DATE)}"
            r"(?=\s+(?:in|on|for|by|at|next|this|early|late|around)\b)",
            rf"(?:was|were)\s+{phrases(words.PLAN_PROGRESSIVES)}\s+to",
            rf"{phrases(words.PLAN_VERBS)}\s+to",
            phrases(words.PREDICTION_VERBS),
            # "analysts forecast growth in May", not "raised its full-year forecast on Tuesday"
            r"(?<!\bits\s)(?<!\bthe\s)(?<!\ba\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)"
            r"(?<!\bour\s)(?<!year\s)(?<!'s\s)(?<!’s\s)forecast",
            rf"{phrases(words.READY_WORDS)}\s+to",
            # "a summit set for April", "the judge set sentencing for March 11"
            rf"{phrases(words.SET_FOR_WORDS)}\s+for",
            rf"{phrases(words.SET_FOR_WORDS)}\s+(?:[a-z]+\s+){{1,3}}?for"
            r"(?=\s+(?:(?-i:[A-Z])|\d|next|early|late|mid|the\s+end))",
        ]
    )
    + r")\b",
    re.I,
)
_PRESENT_ING = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.I)
_SCHEDULED_PRESENT = re.compile(
    r"\b(?:"
    + phrases(words.SCHEDULED_PRESENT)
    # "the hearing is Tuesday", "the election is in November", "the deadline is 5 p.m. Friday"
    + rf"|(?:is|are)\s+(?:(?:on|in)\s+)?(?=(?:{phrases(WEEKDAYS)}|{phrases(MONTHS)})\b"
    + r"|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b)"
    # not after "to", a modal or a determiner ("to meet demand", "Sunday's return", "the return")
    + r"|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bhis\s)(?<!\bher\s)"
    + rf"(?<!\bits\s)(?<!'s\s)(?<!’s\s){phrases(words.SCHEDULED_PRESENT_PLURAL)}"
    + r")\b",
    re.I,
)
# every cue pointing ahead, in one pattern: one scan of the window instead of three
_AHEAD = re.compile("|".join(p.pattern for p in (_FUTURE, _PRESENT_ING, _SCHEDULED_PRESENT)), re.I)
_PAST = re.compile(rf"\b(?<!\bto\s)(?:{phrases(words.PAST_VERBS)}|{_ed_verb()})\b", re.I)
# "the year ended March 31", "on patrol since March": the date lies behind the dateline
_PAST_JUST_BEFORE = re.compile(
    rf"\b{phrases(words.PAST_BEFORE_DATE)}\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+)?$", re.I
)
_UNTIL = re.compile(r"until\b", re.I)
_UNTIL_IN_PAST = re.compile(rf"\b{phrases(words.UNTIL_IN_PAST)}\b", re.I)
_BY_JUST_BEFORE = re.compile(r"\bby\s+$", re.I)
# "it had been due to expire Friday", "had forecast": a plan seen from a past since gone by
_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+(?:\w+\s+){0,2})?$", re.I)
# "will be named", "to be held": a participle after a future or infinitive auxiliary is no past
_AUXILIARY_BEFORE = re.compile(
    rf"\b{phrases(words.FUTURE_AUXILIARIES_BEFORE_PARTICIPLE)}\s+"
    rf"(?:(?:not|{phrases(words.ADVERBS_IN_VERB_GROUP)}|\w+ly)\s+)?"
    r"(?:be|have\s+been)\s+(?:\w+ly\s+)?$",
    re.I,
)
# "the budget, first proposed in January, would ...": a participle governing the date is past
_PARTICIPLE_JUST_BEFORE = re.compile(
    rf"\b(?!{phrases(words.PLAN_PARTICIPLES_AHEAD)}\b)(?-i:[a-z]\w+ed)\s+"
    rf"(?:{phrases(words.PARTICIPLE_PREPOSITIONS)}[\s-]+)?(?:the\s+)?$",
    re.I,
)
# a coordinated clause after the date: ", and will", "; but"
_CLAUSE_VERB = rf"(?={phrases(words.FUTURE_WORDS)}\b|{phrases(words.PAST_VERBS)}\b)"
# ", and he will", " and will", "; ": not "police and FBI agents said" (one subject, two nouns)
_NEXT_CLAUSE = re.compile(
    rf",\s*{phrases(words.CLAUSE_CONJUNCTIONS)}\s+(?:\w+\s+){{0,2}}?{_CLAUSE_VERB}"
    rf"|\s+{phrases(words.CLAUSE_CONJUNCTIONS)}\s+{_CLAUSE_VERB}|;",
    re.I,
)
_NOT_A_VERB = phrases(words.DETERMINERS)
_DEFERRING = re.compile(
    rf"\bto\s+(?!{_NOT_A_VERB}\b|\d)[a-z]+\b|\b{phrases(words.DEFERRING_WORDS)}\b", re.I
)
# "ahead of Tuesday's vote", "awaits Friday's report": what is awaited lies ahead
_AHEAD_JUST_BEFORE = re.compile(rf"\b{phrases(words.AWAITING_BEFORE_POSSESSIVE)}\s+$", re.I)
# a headline's "to" + verb, the clause having no verb of its own: what is to come
_ED_WORD = re.compile(r"[a-z]ed\b")
_HEADLINE_INFINITIVE = re.compile(rf"\bto\s+(?!{_NOT_A_VERB}\b|be\b)[a-z]{{3,}}\b")
_SCHEDULING_PAST = re.compile(rf"{phrases(words.SCHEDULING_PAST)}\b", re.I)
_RELATIVE_OPENING = re.compile(rf",\s*{phrases(words.RELATIVE_PRONOUNS)}\b", re.I)
_ATTRIBUTION_AFTER = re.compile(
    rf",\s*(?:[\w.'’-]+\s+){{0,4}}?{phrases(words.ATTRIBUTION_AFTER)}\b", re.I
)
_FUTURE_IN_PAST = re.compile(rf"{phrases(words.FUTURE_IN_PAST)}\b", re.I)
_CLOSING_QUOTE = re.compile(r"[”\"»]|''|’’")
_POSSESSIVE = tuple(p.replace("'", q) for p in words.POSSESSIVE for q in "'’")


def _window(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> tuple[int, int]:
    """The part of the mention's sentence the verbs are looked for in: at most REACH around it."""
    if sentence is None:
        from ..text import Text

        sentence = Text(text).sentence_at(start)
    return max(sentence[0], start - REACH), min(sentence[1], end + REACH)


def nearest_cue(
    text: str, start: int, end: int, left: int, right: int
) -> tuple[int, str, int, int]:
    """(distance, direction, position) of the tense cue nearest text[start:end] in left..right,
    and the distance of the nearest cue pointing the other way (REACH when none); a verb after
    the date counts AFTER_PENALTY characters farther, one past the quotation the date is in not
    at all. Past by default."""
    nearest = {PAST: (REACH, -1), FUTURE: (REACH, -1)}
    quote = _CLOSING_QUOTE.search(text, end, right)
    if quote:  # '"... will leave Thursday," he said': the verb after the quote is not its verb
        right = quote.start()
    clause = _NEXT_CLAUSE.search(text, end, right)
    if clause:  # "ended on Saturday, and will resume Wednesday": the next clause has its own verb
        right = clause.start()
    relative = _RELATIVE_OPENING.search(text, max(left, start - 120), start)
    if relative and "," not in text[relative.end() : start]:
        # "Bennett, who was sworn in on June 13, will travel ...": the clause ends at its comma
        comma = text.find(",", end, right)
        right = comma if comma >= 0 else right
    said = _ATTRIBUTION_AFTER.search(text, end, right)
    if said and (_AHEAD.search(text, left, start) or _PAST.search(text, left, start)):
        # "will hold a meeting on Friday, diplomats said": the report is not the meeting (but
        # "On Sunday, police said ..." has no other verb: the report is the date's)
        right = said.start()
    for pattern, direction in ((_AHEAD, FUTURE), (_PAST, PAST)):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            after = m.end() > start
            distance = m.start() - end + AFTER_PENALTY if after else start - m.end()
            if nearest[direction][1] < 0 or distance < nearest[direction][0]:
                nearest[direction] = (distance, m.start())
    (past, at_past), (future, at_future) = nearest[PAST], nearest[FUTURE]
    if at_future >= 0 and (at_past < 0 or future <= past):  # a tie goes to the future cue
        return future, FUTURE, at_future, past
    return past, PAST, at_past, future


def clause_tense(
    text: str,
    start: int,
    end: int,
    calendar_date: bool = False,
    sentence: tuple[int, int] | None = None,
) -> Tense:
    """The tense of the clause around text[start:end]; past when nothing says.

    `calendar_date` marks a month or month-day, which "by" sets as a deadline ahead: "conclude
    by May". Not so for weekdays: "had filed reports by Wednesday" is the Wednesday gone by.
    `sentence` is the span of the sentence holding the mention (found when not given)."""
    if text.startswith(_POSSESSIVE, end):
        if _AHEAD_JUST_BEFORE.search(text, max(0, start - 24), start):
            return Tense(FUTURE, "possessive", 0, near=True)  # "ahead of Tuesday's vote"
        left, right = _window(text, start, end, sentence)
        distance, direction, at, _ = nearest_cue(text, start, end, left, right)
        if direction == FUTURE and at > end and distance <= NEAR:  # "Friday's report is expected"
            return Tense(FUTURE, "possessive", 0, near=True)
        return Tense(PAST, "possessive", 0, near=True)  # "Wednesday's ruling"
    if _PAST_JUST_BEFORE.search(text, max(0, start - 30), start):
        return Tense(PAST, "ended_since", 0, near=True, sure=True)
    if calendar_date and _BY_JUST_BEFORE.search(text, max(0, start - 8), start):
        return Tense(FUTURE, "by_deadline", 0)  # not near: a deadline long gone by stays past
    left, right = _window(text, start, end, sentence)
    before = text[max(left, start - 40) : start]
    participle = _PARTICIPLE_JUST_BEFORE.search(before)
    if participle and not _AUXILIARY_BEFORE.search(before[: participle.start()]):
        return Tense(PAST, "participle_before_date", 0, near=True)  # not "will be held in May"
    distance, direction, at, other = nearest_cue(text, start, end, left, right)
    near = distance <= NEAR
    if at < 0:
        infinitive = _HEADLINE_INFINITIVE.search(text, max(left, start - 60), start)
        if infinitive and not _ED_WORD.search(text, left, infinitive.start()):
            # "Ghosn to speak to media on Wednesday" (not "extended their offers to acquire")
            return Tense(FUTURE, "future_verb", REACH)
        return Tense(PAST, "default", REACH)
    contested = other - distance <= NEAR  # a verb pointing the other way nearly as close
    if direction == FUTURE and _UNTIL.match(text, at) and _UNTIL_IN_PAST.search(text, left, right):
        return Tense(PAST, "until_past_perfect", distance, near, contested=contested)
    if direction == FUTURE and _PAST_PERFECT_BEFORE.search(text[max(left, at - 25) : at]):
        return Tense(PAST, "past_perfect", distance, near, contested=contested)
    if direction == PAST and _AUXILIARY_BEFORE.search(text[max(left, at - 30) : at]):
        return Tense(FUTURE, "auxiliary_participle", distance, near=True, contested=contested)
    progressive = direction == FUTURE and _PRESENT_ING.match(text, at) is not None
    scheduled = direction == FUTURE and _SCHEDULED_PRESENT.match(text, at) is not None
    cue = (
        "past_verb" if direction == PAST else "progressive" if progressive
        else "scheduled_present" if scheduled else "future_verb"
    )  # fmt: skip
    # "agreed to purchase the line in February": the date may be the infinitive's, ahead
    deferred = direction == PAST and at < start and bool(_DEFERRING.search(text, at, start))
    # "the strike began on Jan. 9": a past act right before its date settles it, even a few
    # days past the dateline (not a plan set in the past: "has set Nov. 10", "extended to")
    sure = (
        direction == PAST and at < start and distance <= BESIDE
        and not _SCHEDULING_PAST.match(text, at) and not contested
    )  # fmt: skip
    from_past = direction == FUTURE and at < start and bool(_FUTURE_IN_PAST.match(text, at))
    return Tense(direction, cue, distance, near, sure, contested, deferred, from_past)
