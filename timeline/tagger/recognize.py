"""Find temporal expressions in text: patterns from the lexicon, tried at the tokens that can start
them, longest match first, with a negative check per rule. Produces unresolved `Mention`s.

Only tokens listed as a rule's starters trigger it, which keeps recognition a single cheap pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..text import WORD_RUN, continues_word
from .lexicon import (
    AMBIGUOUS_MONTHS,
    APPROX_MODS,
    CLOCK_WORDS,
    DECADE_WORDS,
    DIRECTION_WORDS,
    FIXED_HOLIDAYS,
    GENERIC_TODAY_NOUNS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    RELATIVE_DAYS,
    SEASONS,
    SET_WORDS,
    VAGUE_NUMBERS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from .lexicon.patterns import (
    APPROX,
    BOUNDARY,
    CLOCK,
    DAY,
    MONTH,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    SEASON,
    SPELLED_YEAR,
    UNIT,
    UNIT_PLURAL,
    WEEKDAY,
    YEAR,
    ZONE,
    alternation,
)


@dataclass
class Mention:
    """A recognized, unresolved expression: what was said, parsed into fields, not yet dated."""

    start: int
    end: int
    text: str
    kind: str
    fields: dict = field(default_factory=dict)
    rule: str = ""
    matched_end: int = 0  # where the rule's match ended (past a part cut from the span)


Handler = Callable[[re.Match, str], "dict | None"]


@dataclass
class Rule:
    name: str
    starters: frozenset[str]
    pattern: re.Pattern
    handler: Handler


RULES: list[Rule] = []


def rule(name: str, starters, pattern: str) -> Callable[[Handler], Handler]:
    """Register a recognition rule: its starter tokens, its regex and the handler parsing a match."""

    def register(handler: Handler) -> Handler:
        RULES.append(Rule(name, frozenset(starters), re.compile(pattern, re.I), handler))
        return handler

    return register


# --- starter token sets ------------------------------------------------------------------------
def _first_words(words) -> set[str]:
    return {w.split()[0].split("-")[0].lower() for w in words}


DIGIT = "#"
APOSTROPHE = "'"
MONTH_KEYS = set(MONTHS)
WEEKDAY_KEYS = set(WEEKDAYS)
NUMBER_KEYS = _first_words(NUMBER_WORDS) | _first_words(VAGUE_NUMBERS) | {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", DIGIT,
}  # fmt: skip
BOUNDARY_KEYS = {"the", "early", "late", "end", "beginning", "start", "middle", "close", "first",
                 "latter", "earlier", "later", "mid", "very", "last"}  # fmt: skip
DIRECTION_KEYS = set(DIRECTION_WORDS) | {"the"}
APPROX_KEYS = _first_words(APPROX_MODS)
ORDINAL_KEYS = _first_words(ORDINALS) | {DIGIT}

# --- shared fragments ----------------------------------------------------------------------------
_BOUND = rf"(?:(?P<bound>{BOUNDARY})[\s-]*(?:of\s+)?)?"
# "the last half of the '80s": a decade or century has halves only as boundaries
_HALF_BOUND = r"(?:(?P<bound2>(?:the\s+)?(?:first|second|last|latter)\s+half)\s+of\s+)?"
_APPROX = rf"(?:(?P<approx>{APPROX})\s+)?"
_DIR = r"(?P<dir>last|next|this\s+past|this|past|coming|previous|following|current|upcoming|preceding|prior)"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
_THE = r"(?:the\s+)?"


def _month_ok(m: re.Match, text: str, group: str = "month", context: bool = False) -> bool:
    """False for month words that are ordinary words here: "may" (modal), "march" (verb)."""
    word = m.group(group)
    key = word.lower().rstrip(".")
    if key not in AMBIGUOUS_MONTHS:
        return True
    if not word[0].isupper():
        return False
    if word.isupper() and len(word) > 3 and not text[max(0, m.start() - 20) : m.start()].isupper():
        return False
    return not context or _date_context_before(text, m.start(group))


_DATE_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|during|from|to|of|last|next|this|early|late|mid|"
    r"before|after|between|and|or|on|end|beginning|middle)\s*-?|\bmid-)$",
    re.I,
)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip()
    return not before or before[-1] in '.!?"“\n'


def _capitalised_word_follows(text: str, pos: int) -> bool:
    """True when the next word is capitalised and not itself a date word ("Palace", "Wilson")."""
    m = re.match(r"\s+([A-Z][a-z]+)", text[pos : pos + 30])
    return bool(m) and m.group(1).lower() not in MONTHS and m.group(1).lower() not in WEEKDAYS


def _date_context_before(text: str, pos: int) -> bool:
    return bool(_DATE_CONTEXT.search(text, max(0, pos - 14), pos))


def _fields(m: re.Match, **extra) -> dict:
    """The named groups that matched, lower-cased, plus `extra`."""
    out = {k: v for k, v in m.groupdict().items() if v is not None}
    out.update(extra)
    return out


# --- explicit dates ------------------------------------------------------------------------------
@rule(
    "month_day_year",
    MONTH_KEYS | WEEKDAY_KEYS | BOUNDARY_KEYS,
    rf"{_BOUND}{_WEEKDAY_PREFIX}(?P<month>{MONTH})\s*(?P<day>{DAY})(?:\s*,\s*|\s+)(?P<year>{YEAR})",
)
def _month_day_year(m, text):
    return _fields(m, kind="date") if _month_ok(m, text) else None


@rule(
    "day_month_year",
    {DIGIT, "the"} | WEEKDAY_KEYS,
    rf"{_WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH}),?\s+(?P<year>{YEAR})",
)
def _day_month_year(m, text):
    return _fields(m, kind="date") if _month_ok(m, text) else None


@rule(
    "month_day",
    MONTH_KEYS | WEEKDAY_KEYS | BOUNDARY_KEYS | {"around", "about"},
    rf"{_APPROX}{_BOUND}{_WEEKDAY_PREFIX}(?P<month>{MONTH})\s*(?P<day>{DAY})(?!\s*[,.]?\d|:\d)",
)
def _month_day(m, text):
    if not _month_ok(m, text):
        return None
    after = text[m.end() : m.end() + 12]
    if re.match(
        r"\s*(?:%|percent|per\b|-\s*\d+\s*(?:points?|votes?|win|loss|lead)|"
        r"million|billion|points?)",
        after,
        re.I,
    ):
        return None
    return _fields(m, kind="date")


@rule(
    "day_month",
    {DIGIT, "the"} | WEEKDAY_KEYS,
    rf"{_WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})",
)
def _day_month(m, text):
    return _fields(m, kind="date") if _month_ok(m, text) else None


@rule(  # "the week of March 6", "the week ending Jan. 8": the week holding that day
    "week_of",
    {"the"},
    rf"the\s+week\s+(?:of|end(?:ing|ed)|beginning|starting)\s+(?P<month>{MONTH})\s*(?P<day>{DAY})"
    r"(?!\s*[,.]?\d|:\d)",
)
def _week_of(m, text):
    return _fields(m, kind="date", within="week") if _month_ok(m, text) else None


@rule(
    "month_year",
    MONTH_KEYS | BOUNDARY_KEYS | DIRECTION_KEYS,
    rf"{_BOUND}(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>{SPELLED_YEAR})"
    rf"|(?P<ydir>this|last|next)\s+year(?![a-z'’]))",
)
def _month_year(m, text):
    return _fields(m, kind="month") if _month_ok(m, text) else None


@rule(
    "month",
    MONTH_KEYS | BOUNDARY_KEYS | DIRECTION_KEYS,
    rf"{_BOUND}(?:{_DIR}\s+)?(?P<month>{MONTH})(?!\s*-\s*\d|\s*\d)",
)
def _month(m, text):
    word = m.group("month")
    prefixed = m.group("bound") or m.group("dir")
    if not _month_ok(m, text, context=not prefixed):
        return None
    if word.endswith(".") is False and len(word) <= 3 and word.lower() not in ("may",):
        return None  # "Jan" alone: a name more often than a month
    if not prefixed and not _date_context_before(text, m.start("month")):
        if _capitalised_word_follows(text, m.end()):
            return None  # "August Wilson": a first name
    return _fields(m, kind="month")


@rule(  # "2019-12-29", "2021-01-06T14:30Z"
    "iso_date",
    {DIGIT},
    r"(?P<year>(?:1\d|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)"
    r"(?:[T ](?P<isotime>(?:[01]\d|2[0-3]):[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
)
def _iso_date(m, text):
    return _fields(m, kind="date")


@rule(
    "iso_month",
    {DIGIT},
    r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])(?![\d-])(?!\s*(?:%|percent))",
)
def _iso_month(m, text):
    return _fields(m, kind="month")


@rule(
    "slash_date",
    {DIGIT},
    r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])",
)
def _slash_date(m, text):
    before = text[max(0, m.start() - 1) : m.start()]
    if before and (before.isdigit() or before in "/$"):
        return None
    return _fields(m, kind="date")


# --- years, decades, centuries --------------------------------------------------------------------
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$€£¥#]|\bNo\.?|\bnumber|\bSection|\bArticle|\bRule|\bRoom|\bFlight|\bRoute|\bHighway|"
    r"\bRt\.|\bpage|\bp\.|\bversion|\bmodel|\bSuite|\bBox|\bext\.|\bpop\.|\bcode|\bchapter|"
    r"\bunit|\bApple|\bWindows|\bOffice|\d[-.\s]|\(\d{3}\)\s?\d{3}-)\s*$",
    re.I,
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|[-–]\s*\d|\d|\.\d|,\d|:\d|(?-i:GMT|UTC|[ECMP][SD]T)\b|"
    r"(?:[a-z]+\s+)?(?:shares|people|troops|"
    r"soldiers|workers|employees|points|feet|miles|meters|metres|kilometers|tons|barrels|acres|"
    r"pounds|dollars|yuan|yen|euros|cars|units|jobs|men|women|students|votes|members|"
    r"residents|cases|deaths|copies|words|pages|rooms|beds|children|times|calories|lbs|mph|km|"
    r"hp|cc|mm|cm|kg|mg|ft|sq)\b)",
    re.I,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|through|during|from|to|of|before|after|between|and|or|"
    r"early|late|mid|fiscal|calendar|year|the|for|around|circa|c\.|summer|spring|winter|fall|"
    r"autumn|end)\s*-?$",
    re.I,
)


@rule(
    "year",
    {DIGIT, "fiscal", "calendar", "fy", "post", "pre", "nineteen", "eighteen", "two"}
    | BOUNDARY_KEYS,
    rf"{_BOUND}(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|fy|the\s+year)\s*-?\s*)?"
    rf"(?P<prepost>(?:post|pre)-)?(?:(?P<year>{YEAR})(?!\s*[-/]\d|\.\d|,\d{{3}}|s\b|'s\b)"
    rf"|(?P<syear>{SPELLED_YEAR}))",
)
def _year(m, text):
    if m.group("syear"):
        spoken = m.group("syear").lower()
        if spoken.startswith("two") and not (
            m.group("fiscal") or _date_context_before(text, m.start())
        ):
            return None
        return _fields(m, kind="year")
    start = m.start("year")
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return None
    if _NOT_YEAR_AFTER.match(text, m.end()):
        return None
    year = int(m.group("year"))
    if not m.group("fiscal") and not m.group("bound"):
        if year < 1800 and not _YEAR_CONTEXT.search(text, max(0, start - 10), start):
            return None
    return _fields(m, kind="year")


@rule(
    "decade",
    {DIGIT, APOSTROPHE, "second"} | BOUNDARY_KEYS | {"the"},
    rf"(?:{_HALF_BOUND}|{_BOUND})(?:the\s+)?(?:{BOUNDARY}[\s-]*)?"
    rf"(?P<decade>(?:1\d|20)\d0|['’]?\d0)['’]?s(?![a-z])",
)
def _decade(m, text):
    if _AGE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # "when he was in his 30s": an age, not a decade
    return _fields(m, kind="decade")


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:early|mid-?|late)?\s*$", re.I)


@rule(
    "decade_words",
    {"the"} | BOUNDARY_KEYS,
    rf"{_BOUND}the\s+(?:{BOUNDARY}[\s-]*)?(?P<decadeword>{alternation(DECADE_WORDS)})(?![a-z])",
)
def _decade_words(m, text):
    return _decade(m, text)


@rule(
    "century",
    {"the", DIGIT} | BOUNDARY_KEYS | set(ORDINALS) | {"twenty", "nineteenth", "twentieth"},
    rf"{_BOUND}(?:the\s+)?(?P<century>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|twenty-first|twentieth|nineteenth|eighteenth)[\s-]+century(?![a-z])",
)
def _century(m, text):
    return _fields(m, kind="century")


# --- quarters, halves, seasons -----------------------------------------------------------------
@rule(
    "quarter",
    ORDINAL_KEYS | BOUNDARY_KEYS | {"the", "q", "fiscal", "this", "last", "next", "year"},
    rf"{_BOUND}(?P<the>the\s+)?(?:(?P<pydir>this|last|next)\s+year['’]s\s+|(?P<pyear>{YEAR})\s+|"
    rf"(?P<yago>(?:comparable\s+)?year-?(?:ago|earlier))\s+)?"
    rf"(?:(?:fiscal|calendar)\s+)?(?P<ord>{ORDINAL})(?P<sep>[\s-]+)(?:fiscal\s+|calendar\s+)?"
    rf"(?P<qh>quarter|half|period)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{YEAR})|(?P<ydir>this|last|next|the)\s+(?:fiscal\s+)?year))?",
)
def _quarter(m, text):
    if m.group("qh").lower() == "period":
        return None
    ordinal = m.group("ord").lower()
    if ordinal in ("last", "final") and not m.group("the"):
        return None
    trim = 0
    if m.group("the") and "-" in m.group("sep") and not (m.group("pydir") or m.group("pyear")):
        trim = m.start("ord") - m.start() if not m.group("yago") else m.start("yago") - m.start()
    return _fields(m, kind="quarter", _trim=trim)


@rule(
    "q_quarter",
    {"q", "h"},
    rf"(?P<qletter>Q(?P<ordq>[1-4])|H(?P<ordh>[12]))"
    rf"(?:\s*(?P<year>{YEAR})|\s*['’]?(?P<yy>\d\d)\b)?(?![a-z\d])",
)
def _q_quarter(m, text):
    if not m.group(0)[0].isupper():
        return None
    if m.group("ordh"):  # "H1 2022"; a bare "H1" is more often a name (a visa, a flu strain)
        if not (m.group("year") or m.group("yy")):
            return None
        return _fields(m, kind="quarter", ord=m.group("ordh"), qh="half")
    return _fields(m, kind="quarter", ord=m.group("ordq"), qh="quarter")


@rule(
    "this_quarter",
    {"the", "this", "last", "next", "current", "latest", "that", "previous", "year"},
    r"(?P<det>the\s+latest|the\s+current|the\s+previous|the\s+same|this|last|next|that|the|"
    r"the\s+(?:comparable\s+|corresponding\s+)?year-?(?:ago|earlier)|year-?(?:ago|earlier)|"
    r"(?P<lastyears>last\s+year['’]s)|"
    r"the\s+(?:comparable|corresponding)|the\s+(?P<pyear>(?:19|20)\d\d))\s+(?P<qh>quarter|half|period)"
    r"(?P<lastyear>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?(?![a-z-])"
    # "the quarter ended July 31": the three months up to that day
    rf"(?:(?=\s+end(?:ed|ing)\s+(?P<endmonth>{MONTH})\s*(?P<endday>{DAY})))?",
)
def _this_quarter(m, text):
    det = re.sub(r"\s+", " ", m.group("det").lower())
    if (
        m.group("lastyear")
        or m.group("lastyears")
        or det.startswith(("the comparable", "the corresponding"))
    ):
        det = "the year-ago"
    if m.group("qh").lower() == "period" and not (
        "year" in det or det in ("the latest", "the same") or m.group("pyear")
    ):
        return None
    return _fields(m, kind="this_quarter", det=det)


@rule(
    "year_earlier",
    {"year"},
    r"(?P<det>year-?(?:ago|earlier))(?![a-z])",
)
def _year_earlier(m, text):
    after = text[m.end() : m.end() + 20].lower()
    if re.match(r"\s+(?:quarter|period|half)", after):
        return None
    return _fields(m, kind="year_earlier")


@rule(
    "season",
    set(SEASONS) | BOUNDARY_KEYS | DIRECTION_KEYS,
    rf"{_BOUND}(?:the\s+)?(?:{_DIR}\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>{SPELLED_YEAR})))?",
)
def _season(m, text):
    word = m.group("season").lower()
    if m.group("season")[0].isupper() and _capitalised_word_follows(text, m.end()):
        return None  # "the Summer Palace", "Winter Olympics": a name
    if not (m.group("year") or m.group("dir") or m.group("bound")):
        if word == "fall":
            return None
        if not (
            _date_context_before(text, m.start("season")) or m.group(0).lower().startswith("the")
        ):
            return None
    if word == "fall" and not (m.group("year") or m.group("dir")):
        return None
    return _fields(m, kind="season")


# --- relative to the dateline -------------------------------------------------------------------
@rule(
    "relative_day",
    _first_words(RELATIVE_DAYS) | BOUNDARY_KEYS | {"later", "earlier"},
    rf"(?:(?P<bound>early|late|earlier|later)\s+)?(?P<relday>{alternation(RELATIVE_DAYS)})(?![a-z])"
    rf"(?:\s+(?P<pod>{PART_OF_DAY}))?",
)
@rule(  # "mid-afternoon yesterday" ("early this morning" is part_of_day's)
    "part_of_relative_day",
    {"early", "late", "mid"} | set(PARTS_OF_DAY),
    rf"(?:(?P<bound>early|late|mid-?)\s*)?(?P<pod>{PART_OF_DAY})\s+"
    rf"(?P<relday>yesterday|today|tomorrow)(?![a-z])",
)
def _relative_day(m, text):
    if m.group("relday").lower() == "today" and _GENERIC_TODAY.match(text, m.end()):
        return None  # "today's youth": our time, not the dateline's day
    return _fields(m, kind="relative_day")


_GENERIC_TODAY = re.compile(
    rf"['’]s\s+(?:[a-z]+\s+)?{alternation(GENERIC_TODAY_NOUNS)}(?![a-z])", re.I
)


@rule(
    "part_of_day",
    {"this", "last", "early", "late", "mid", "the", "that", "overnight"} | set(PARTS_OF_DAY),
    rf"(?:(?P<bound>early|late|mid-?)\s*)?(?P<podir>this|last|that)\s+(?P<pod>{PART_OF_DAY})"
    rf"|(?P<bound2>mid-?\s?)(?P<pod2>morning|afternoon|day)(?![a-z])|(?P<overnight>overnight)(?![a-z])",
)
def _part_of_day(m, text):
    if m.group("overnight"):
        return None
    return _fields(m, kind="part_of_day")


@rule(
    "weekday",
    WEEKDAY_KEYS | DIRECTION_KEYS | BOUNDARY_KEYS | {"earlier", "later"},
    rf"(?:(?P<bound>early|late|earlier|later)\s+)?(?:the\s+(?=previous|preceding|following))?"
    rf"(?:{_DIR}\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?"
    rf"(?!\s*,?\s*(?:{MONTH})\s*\d)",
)
def _weekday(m, text):
    word = m.group("weekday")
    if not word[0].isupper():
        return None
    pod = m.group("pod")
    if pod and pod[0].isupper() and _capitalised_word_follows(text, m.end()):
        return None  # "Saturday Night Live": a name
    before = text[max(0, m.start() - 20) : m.start()]
    named = re.search(
        r"\b(?!(?:On|Last|Next|This|Late|Early|By|Since|Until)\b)[A-Z][a-z]+\s+$", before
    )
    if named and not _sentence_start(text, m.start() - len(named.group(0))):
        if _capitalised_word_follows(text, m.end()):
            return None  # "the Good Friday Agreement": a name
    return _fields(m, kind="weekday")


@rule(  # "the day before last Tuesday's hearing", "the day after Friday"
    "day_beside_weekday",
    {"the", "day"},
    rf"(?:the\s+)?day\s+(?P<beside>before|after)\s+(?:{_DIR}\s+)?(?P<weekday>{WEEKDAY})",
)
def _day_beside_weekday(m, text):
    if not m.group("weekday")[0].isupper():
        return None
    return _fields(m, kind="weekday")


@rule(
    "relative_unit",
    DIRECTION_KEYS | BOUNDARY_KEYS | {"year", "week", "month"},
    rf"{_BOUND}(?:{_DIR}|the\s+(?P<thedir>current|coming|previous|following|past|next|last))\s+"
    rf"(?P<unit>week|weekend|month|year|decade|century|day|fiscal\s+year|school\s+year)(?![a-z-])"
    rf"|(?P<yearend>year[\s-]end|year['’]s\s+end|the\s+turn\s+of\s+the\s+century)(?![a-z])",
)
def _relative_unit(m, text):
    thedir = (m.group("thedir") or "").lower()
    unit = (m.group("unit") or "").lower()
    if thedir in ("following", "previous") or (thedir == "next" and unit == "day"):
        return None  # anaphoric: resolved from the story's last date, not the dateline
    return _fields(m, kind="relative_unit")


@rule(
    "bound_the_unit",
    BOUNDARY_KEYS,
    r"(?P<bound>(?:the\s+)?(?:end|beginning|start|middle|close)\s+of|earlier\s+in|later\s+in)\s+"
    r"the\s+(?P<unit>week|month|year|decade|century|day)(?![a-z-])",
)
def _bound_the_unit(m, text):
    return _fields(m, kind="relative_unit", dir="this")


# --- quantities: ago / later / durations ------------------------------------------------------------
_QUANTITY = (
    rf"(?P<num>{NUMBER})(?:\s+(?:or|to)\s+(?:so|more|{NUMBER}))?[\s-]+(?:(?:more|additional|"
    rf"full|straight|consecutive|long|short|calendar|business|trading|working)\s+)?(?P<unit>{UNIT})"
    rf"(?P<half>\s+and\s+a\s+half(?![a-z]))?"
    rf"(?:\s+or\s+(?:two|three|so|more)(?![a-z]))?(?![-‐](?:earlier|ago|old))"
)


@rule(
    "ago",
    NUMBER_KEYS | APPROX_KEYS | {"the", "just", "only", "some"},
    rf"{_APPROX}(?P<just>just\s+|only\s+)?{_QUANTITY}(?:\s+or\s+so)?\s+(?P<signal>ago|earlier|later|before|after|from\s+now|hence|back|previously|afterwards?)(?![a-z])",
)
def _ago(m, text):
    signal = m.group("signal").lower()
    if signal in ("before", "after"):
        # "two days before the vote": event-relative; "a year before" alone: anaphoric
        nxt = text[m.end() : m.end() + 3]
        if re.match(r"\s*[a-z]", nxt, re.I) and not re.match(r"\s*(?:that|then)\b", nxt, re.I):
            return _fields(m, kind="duration", event_relative=signal, _cut=m.end() - m.end("unit"))
    if signal in ("later", "earlier", "afterwards", "afterward") and _CLOCK_UNIT.match(
        m.group("unit")
    ):
        # "an hour later": no clock time to count from, so the span measured is what is known
        end = m.end("half") if m.group("half") else m.end("unit")
        return _fields(m, kind="duration", _cut=m.end() - end)
    # "just a decade ago": the span leaves out "just" and "only", as TimeML's corpora do
    trim = m.end("just") - m.start() if m.group("just") and not m.group("approx") else 0
    return _fields(m, kind="ago", _trim=trim)


_CLOCK_UNIT = re.compile(r"(?:hour|minute|second)s?$", re.I)


@rule(
    "duration",
    NUMBER_KEYS
    | APPROX_KEYS
    | {
        "the",
        "just",
        "only",
        "past",
        "last",
        "next",
        "first",
        "coming",
        "previous",
        "recent",
        "over",
        "within",
        "another",
        "nearly",
    },
    rf"{_APPROX}(?P<the>the\s+)?(?:(?P<ddir>past|last|next|first|coming|previous|recent|following|final|"
    rf"other|year-?(?:ago|earlier))\s+)?(?:another\s+)?{_QUANTITY}(?:\s+or\s+so)?(?P<old>[\s-]+old)?",
)
def _duration(m, text):
    if m.group("old"):
        return None
    num = m.group("num").lower()
    before = text[max(0, m.start() - 6) : m.start()]
    if num in ("a", "an") and not (m.group("approx") or m.group("ddir")):
        # "a year" alone: a duration only after "for/in/over/within"; "twice a year" is a set
        if re.search(r"\b(?:times|once|twice|per)\s*$", text[max(0, m.start() - 8) : m.start()]):
            return _fields(m, kind="set_per")
        if _after_a_quantity(text, m.start()):
            return None  # "$1.76 a year", "four flights a week": a rate, not a time
    if num == "one" and re.search(r"\bno\s*$", before):
        return None
    if _not_a_span_of_time(m, text, num):
        return None
    if m.group("num")[0].isupper() and not _sentence_start(text, m.start("num")):
        if _capitalised_word_follows(text, m.end()):
            return None  # "the Six-Day War": a name
    hyphenated = "-" in text[m.end("num") : m.start("unit")]
    trim = (
        m.start("num") - m.start() if m.group("the") and hyphenated and not m.group("ddir") else 0
    )
    return _fields(m, kind="duration", _trim=trim)


_FRACTION_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|all|a|an|this|that|these|those|[A-Z][\w.]*['’]s)\b"
)
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:later|earlier|ago|after|before|or|and|longer|more)\b)[a-z]")


def _not_a_span_of_time(m: re.Match, text: str, num: str) -> bool:
    """True for quantities that only look like times: "three-quarters of its food" (a fraction),
    "a second group" (an ordinal), "CBS's 60 Minutes" (a name)."""
    unit = m.group("unit")
    if unit.lower().startswith("quarter") and _FRACTION_OF.match(text, m.end("unit")):
        return True
    if unit.lower() == "second" and num in ("a", "an", "one"):
        if _ORDINAL_SECOND.match(text, m.end("unit")):
            return True
    return unit[0].isupper() and num[0].isdigit()


@rule(
    "vague_duration",
    {"for", "in", "within", "over", "after", "the", "several", "recent"},
    rf"(?:for|within|over|after|in)\s+(?P<unit>{UNIT_PLURAL})(?![a-z])(?!\s+(?:of|ago|to|and\s+\w+\s+of))",
)
def _vague_duration(m, text):
    return _fields(m, kind="duration", num="", vague=True, _trim=m.start("unit") - m.start())


@rule(  # "in the weeks before the shooting": a stretch of time told by an event, not a length
    "units_beside_event",
    {"the"},
    r"the\s+(?P<unit>days|weeks|months)(?=\s+(?P<relation>before|after|following|leading\s+up\s+to)\b)",
)
def _units_beside_event(m, text):
    return _fields(m, kind="units_beside_event", _trim=m.start("unit") - m.start())


@rule(
    "the_unit",
    {"the"},
    r"the\s+(?P<tu>week|weekend|year|full\s+year|fiscal\s+year|whole\s+year|entire\s+year)(?![a-z'’-])",
)
def _the_unit(m, text):
    ending = bool(re.match(r"\s+end(?:ed|ing)\b", text[m.end() : m.end() + 12]))
    return _fields(m, kind="the_unit", ending=ending)


_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|dollars|cents|[a-z]{3,}s))\s+$"
)


def _after_a_quantity(text: str, pos: int) -> bool:
    """True for "a year" after an amount ("$1.76 a year", "four flights a week"): a rate."""
    before = text[max(0, pos - 30) : pos]
    if re.search(
        r"\b(?:for|about|nearly|almost|than|over|least|just|only|in|within|after)\s+$", before
    ):
        return False
    return bool(_RATE_BEFORE.search(before))


# --- references and sets -------------------------------------------------------------------------
@rule(
    "reference",
    _first_words(REFERENCE_WORDS) | {"in"},
    rf"(?P<ref>{alternation(REFERENCE_WORDS)})(?![a-z-])",
)
def _reference(m, text):
    word = m.group("ref").lower()
    after = text[m.end() : m.end() + 16]
    if word in ("once", "earlier", "eventually", "formerly", "shortly"):
        return None
    if word == "future" and not re.search(
        r"\b(?:in|near|foreseeable)\s+$", text[max(0, m.start() - 12) : m.start()]
    ):
        return None
    if word == "now" and re.match(r"[-]", after):
        return None
    if word in ("current", "recent"):
        # adjective before a unit is a date: "the current quarter" (handled elsewhere)
        if re.match(
            r"\s+(?:account|events?|affairs|flow|law|rules?|system|version|crisis|price)",
            after,
            re.I,
        ):
            return None
        if word == "current" and not re.match(r"\s+[a-z]", after):
            return None
    if word == "the past" and re.match(
        r"\s*(?:few|several|\d|two|three|year|week|month|decade)", after, re.I
    ):
        return None
    return _fields(m, kind="reference")


@rule(
    "set_word",
    set(SET_WORDS) | {"every", "each", "per", "a"},
    rf"(?P<setword>{alternation(SET_WORDS)})(?![a-z])"
    rf"|(?P<every>every|each|per)\s+(?:(?P<everyn>other|{NUMBER})\s+)?(?P<everyunit>{UNIT}|{WEEKDAY}|{SEASON}|{MONTH}|seasons?|morning|afternoon|evening|night)(?![a-z])(?:\s+(?P<everypod>morning|afternoon|evening|night)(?![a-z]))?",
)
def _set_word(m, text):
    if m.group("setword"):
        word = m.group("setword").lower()
        if word == "daily" and re.match(
            r"\s+(?:newspaper|paper|news|mail|star|telegraph|express)", text[m.end() :], re.I
        ):
            return None
        return _fields(m, kind="set")
    return _fields(m, kind="set")


# --- times of day -----------------------------------------------------------------------------------
@rule(
    "clock",
    {DIGIT, "noon", "midnight", "midday", "around", "about", "at", "shortly", "just"}
    | WEEKDAY_KEYS,
    rf"{_APPROX}(?:(?P<cweekday>{WEEKDAY})\s+(?:at\s+)?)?(?P<clock>{CLOCK}|noon|midnight|midday)(?![\w])"
    rf"(?:\s*(?P<zparen>\()?(?P<zone>{ZONE})(?(zparen)\)))?(?:,?\s+(?:on\s+)?(?:(?P<cday>{WEEKDAY}|today|yesterday|tomorrow|tonight)(?![a-z])"
    rf"|(?P<cmonth>{MONTH})\s*(?P<cdaynum>{DAY})))?",
)
def _clock(m, text):
    clock = m.group("clock").lower()
    if clock in CLOCK_WORDS:
        if re.search(r"\bhigh\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
            return None  # "high noon": a showdown, not a time
        return _fields(m, kind="clock")
    if _CLOCK_BEFORE_BRACKET.search(text, max(0, m.start() - 16), m.start()):
        return None  # "10:35 a.m. (0735 GMT)": the same instant again, in another zone
    has_meridiem = re.search(r"[ap]\.?\s?m|o'clock", clock)
    if not has_meridiem and not m.group("zone"):
        # "8:30" with no a.m./p.m. or zone: a time only after "at"
        if ":" not in clock or not re.search(r"\bat\s*$", text[max(0, m.start() - 4) : m.start()]):
            return None
    fields = _fields(m, kind="clock")
    if not (fields.get("cday") or fields.get("cmonth")):
        # "10:35 a.m. (0735 GMT) Friday": the day after the bracket is the clock's day too,
        # though it stays a mention of its own
        day = _DAY_AFTER_BRACKET.match(text, m.end())
        if day:
            fields["cday"] = day.group("cday")
    return fields


_CLOCK_BEFORE_BRACKET = re.compile(rf"{CLOCK}\s*\(\s*$", re.I)
_DAY_AFTER_BRACKET = re.compile(
    rf"\s*\([^()\n]{{1,24}}\)\s*(?:on\s+)?(?P<cday>{WEEKDAY}|today|yesterday|tomorrow)(?![a-z])",
    re.I,
)


# --- holidays, anaphora, ordinal day --------------------------------------------------------------
_HOLIDAYS = list(FIXED_HOLIDAYS) + list(WEEKDAY_HOLIDAYS)


@rule(
    "holiday",
    _first_words(_HOLIDAYS) | DIRECTION_KEYS,
    rf"(?:{_DIR}\s+)?(?P<holiday>{alternation(_HOLIDAYS)})(?![a-z])(?:\s+(?P<year>{YEAR}))?",
)
def _holiday(m, text):
    name = m.group("holiday")
    if not name[0].isupper() and not name.lower().startswith("the"):
        return None
    return _fields(m, kind="holiday")


@rule(
    "anaphoric",
    {"the", "that", "earlier", "later"},
    r"(?:(?P<bound>earlier|later)\s+)?"
    r"(?:(?P<det>the\s+(?:next|following|previous|preceding|prior|same)|that(?:\s+same)?|the\s+same)\s+"
    r"(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|decade)"
    r"|the\s+(?P<unit2>day|week|month|year|night)\s+(?P<ba>before|after)(?!\s+[a-z]+\s+[a-z]))(?![a-z-])",
)
def _anaphoric(m, text):
    det = (m.group("det") or "").lower()
    if (
        det == "that"
        and not m.group("bound")
        and not _sentence_start(text, m.start())
        and not re.search(
            r"\b(?:on|in|during|by|of|from|until|since|at)\s*$",
            text[max(0, m.start() - 8) : m.start()],
        )
    ):
        return None
    return _fields(m, kind="anaphoric")


@rule(
    "ordinal_day",
    {"the"},
    r"the\s+(?P<oday>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![a-z\d])(?!\s+(?:century|anniversary|floor|time|round|place|amendment|district|street|division|army|fleet|annual|birthday|year|day|week|month|of\s+[A-Z][a-z]+\b(?<!January)))",
)
def _ordinal_day(m, text):
    if re.match(r"\s+(?:U\.S\.|[A-Z])", text[m.end() : m.end() + 6]):
        return None  # "the 11th Circuit", "the 82nd Airborne"
    return _fields(m, kind="ordinal_day")


# --- the scanner ------------------------------------------------------------------------------------
def _dispatch_table() -> dict[str, tuple[re.Pattern, list[Rule]]]:
    """starter word -> (a pattern matching wherever one of its rules may match, those rules)."""
    table: dict[str, list[Rule]] = {}
    for r in RULES:
        for key in r.starters:
            table.setdefault(key, []).append(r)
    return {key: (_any_of(rules), rules) for key, rules in table.items()}


def _any_of(rules: list[Rule]) -> re.Pattern:
    """One pattern that matches where any of `rules` matches (names dropped, so they may repeat;
    a conditional group made optional): one cheap test before trying the rules one by one."""
    parts = []
    for r in rules:
        source = re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern)
        parts.append(re.sub(r"\(\?\(\w+\)((?:\\.|[^()\\])*)\)", r"(?:\1)?", source))
    return re.compile("|".join(f"(?:{part})" for part in parts), re.I)


_DISPATCH = _dispatch_table()


def _longest_at(text: str, pos: int, entry: tuple[re.Pattern, list[Rule]]) -> Mention | None:
    """The longest mention one of a dispatch entry's rules finds at `pos` (its handler accepting
    it), or None."""
    any_of, rules = entry
    if any_of.match(text, pos) is None:
        return None
    best: tuple[int, Rule, re.Match, dict] | None = None
    for r in rules:
        m = r.pattern.match(text, pos)
        if m is None or (best is not None and m.end() <= best[0]):
            continue
        if m.end() < len(text) and text[m.end() - 1].isalnum() and text[m.end()].isalnum():
            continue
        parsed = r.handler(m, text)
        if parsed is not None:
            best = (m.end(), r, m, parsed)
    if best is None:
        return None
    end, r, m, parsed = best
    kind = parsed.pop("kind")
    start = pos + parsed.pop("_trim", 0)
    cut = end - parsed.pop("_cut", 0)
    name = "event_relative" if "event_relative" in parsed else r.name
    return Mention(start, cut, text[start:cut], kind, parsed, name, matched_end=end)


def recognize(text: str) -> Iterator[Mention]:
    """The temporal mentions of `text`, in order, non-overlapping (leftmost, then longest)."""
    covered = 0
    dispatch = _DISPATCH
    apostrophe = dispatch.get(APOSTROPHE)
    for run in WORD_RUN.finditer(text):  # where a rule may start: a run of letters or digits
        pos = run.start()
        if pos < covered:
            continue
        word = run.group()
        found = None
        if word[0].isdigit():  # a number's rules; an apostrophe before it has its own ("'80s")
            if apostrophe and pos and text[pos - 1] in "'’" and pos - 1 >= covered:
                found = _longest_at(text, pos - 1, apostrophe)
            entry = dispatch.get(DIGIT)
        else:
            entry = dispatch.get(word.lower())
        if found is None and entry and not continues_word(text, pos):
            found = _longest_at(text, pos, entry)
        if found is not None:
            covered = found.matched_end
            yield found
