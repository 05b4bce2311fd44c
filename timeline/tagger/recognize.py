"""Find temporal expressions in text: the rules of `lexicon/rules.py`, tried at the words that can
start them, longest match first, each checked by its guard. Produces unresolved `Mention`s.

Only words listed as a rule's starters trigger it, which keeps recognition a single cheap pass.
A guard reads the match in its text and returns its fields, or None when it is no time there
("May" the modal, "Section 1998"); the word lists guards read are in `lexicon/context.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..text import WORD_RUN, continues_word
from .lexicon import (
    AMBIGUOUS_MONTHS,
    CLOCK_WORDS,
    GENERIC_TODAY_NOUNS,
    MONTHS,
    NAMED_EVENT_DAYS,
    NUMBER_WORDS,
    WEEKDAYS,
)
from .lexicon import context as ctx
from .lexicon.events import ATTRIBUTION_VERBS
from .lexicon.patterns import CLOCK, DAY, MONTH, WEEKDAY, alternation
from .lexicon.rules import APOSTROPHE, DIGIT, RuleRecord
from .lexicon.rules import RULES as RULE_RECORDS
from .said import Said, said_of
from .words import day_number, parse_number


@dataclass
class Mention:
    """A recognized, unresolved expression: what was said, parsed into fields, not yet dated."""

    start: int
    end: int
    text: str
    kind: str
    fields: Said = field(default_factory=Said)
    rule: str = ""
    matched_end: int = 0  # where the rule's match ended (past a part cut from the span)


Guard = Callable[[re.Match, str], "dict | None"]
GUARDS: dict[str, Guard] = {}


def guard(check: Guard) -> Guard:
    """Register a guard under its name without the leading underscore."""
    GUARDS[check.__name__.lstrip("_")] = check
    return check


def _words(words, suffix: str = r"(?![a-z])") -> str:
    """An alternation of context words (longest first) that ends where the word ends."""
    return alternation(words) + suffix


def _fields(m: re.Match, **extra) -> dict:
    """The named groups that matched, plus `extra`: the parts of a `Said`, and for the scanner
    a "kind" overriding the rule's, "_trim"/"_cut" characters to leave out of the span."""
    out = {k: v for k, v in m.groupdict().items() if v is not None}
    out.update(extra)
    return out


# --- shared checks --------------------------------------------------------------------------------
_DATE_CONTEXT = re.compile(rf"(?:\b{_words(ctx.DATE_CONTEXT_WORDS, '')}\s*-?|\bmid-)$", re.I)


def _date_context_before(text: str, pos: int) -> bool:
    """True when a word like "in", "since", "last" stands right before `pos`."""
    return bool(_DATE_CONTEXT.search(text, max(0, pos - 14), pos))


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


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip()
    return not before or before[-1] in '.!?"“\n'


_CAPITALISED_NEXT = re.compile(r"\s+([A-Z][a-z]+)")


def _capitalised_word_follows(text: str, pos: int) -> bool:
    """True when the next word is capitalised and not itself a date word ("Palace", "Wilson")."""
    m = _CAPITALISED_NEXT.match(text, pos, pos + 30)
    return bool(m) and m.group(1).lower() not in MONTHS and m.group(1).lower() not in WEEKDAYS


# --- explicit dates ---------------------------------------------------------------------------------
@guard
def _always(m, text):
    return _fields(m)


@guard
def _month_word(m, text):
    return _fields(m) if _month_ok(m, text) else None


_NOT_DATE_AFTER_DAY = re.compile(
    rf"\s*(?:{alternation(ctx.NOT_DATE_AFTER_DAY)}(?![a-z])|-\s*\d+\s*"
    rf"{_words(ctx.SCORE_WORDS)})",
    re.I,
)


@guard
def _month_day(m, text):
    """ "Dec. 31", not "Jan 5 percent" or "March 3-1 win"; "the September 11 attacks" is 2001."""
    if not _month_ok(m, text) or _NOT_DATE_AFTER_DAY.match(text, m.end()):
        return None
    noun = _NEXT_WORD_AFTER.match(text, m.end())
    if noun and not m.group("ydir"):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = NAMED_EVENT_DAYS.get((month, day_number(m.group("day")), noun.group(1).lower()))
        if year:
            return _fields(m, year=str(year))
    return _fields(m)


_NEXT_WORD_AFTER = re.compile(r"\s+([a-z]+)")


@guard
def _named_day(m, text):
    return _fields(m) if m.group("named")[0].isdigit() or m.group("named")[0].isupper() else None


@guard
def _day_word(m, text):
    """ "March eighth", "the first of May": the two orders read as one; "May" a month only
    where it is capitalised."""
    if m.group("day2"):
        m_month = "month2"
        fields = {"month": m.group("month2"), "day": m.group("day2")}
    else:
        m_month = "month"
        fields = {"month": m.group("month"), "day": m.group("day")}
    if m.group("year"):
        fields["year"] = m.group("year")
    return fields if _month_ok(m, text, m_month) else None


_DAY_BEFORE_COORDINATED = re.compile(
    rf"(?P<month>{MONTH})\s*{DAY}\s*,?\s*{alternation(ctx.DAY_COORDINATORS)}\s*$", re.I
)


_DAY_ENDS = re.compile(
    rf"\s*(?:[,.;:)!?'\"”’]|$)|\s+(?:{alternation(ctx.AFTER_COORDINATED_DAY)}|(?:1\d|20)\d\d)\b",
    re.I,
)


@guard
def _coordinated_day(m, text):
    """The second day of "April 24 and 25" or "Jan. 28-29": the month of the first."""
    first = _DAY_BEFORE_COORDINATED.search(text, max(0, m.start() - 24), m.start())
    if first is None or not _month_ok(first, text) or not _DAY_ENDS.match(text, m.end()):
        return None  # "on March 3 and 4 others": a count
    return _fields(m, month=first.group("month"))


@guard
def _week_of(m, text):
    return _fields(m, within="week") if _month_ok(m, text) else None


_MARCH_AS_NOUN_AFTER = re.compile(rf"\s+{_words(ctx.AFTER_MARCH_THE_WALK)}", re.I)


@guard
def _month_alone(m, text):
    """A month without day or year: "in March", "last May", not "Jan Koum" or "August Wilson"."""
    word = m.group("month")
    prefixed = m.group("bound") or m.group("dir")
    capitalised_march = (
        word == "March"
        and not _sentence_start(text, m.start("month"))
        and not _MARCH_AS_NOUN_AFTER.match(text, m.end())
        and not _capitalised_word_follows(text, m.end())
    )  # "the driest March since 1990", "data for March": the verb and the noun are lower-case
    if not _month_ok(m, text, context=not (prefixed or capitalised_march)):
        return None
    if not word.endswith(".") and len(word) <= 3 and word.lower() != "may":
        return None  # "Jan" alone: a name more often than a month
    if not prefixed and not _date_context_before(text, m.start("month")):
        if _capitalised_word_follows(text, m.end()):
            return None  # "August Wilson": a first name
    return _fields(m)


@guard
def _iso_month(m, text):
    """ "2019-11" is November 2019, but "2004-05" the season from 2004 to 2005."""
    return None if int(m.group("month")) == (int(m.group("year")) + 1) % 100 else _fields(m)


@guard
def _slash_date(m, text):
    before = text[max(0, m.start() - 1) : m.start()]
    if before and (before.isdigit() or before in "/$"):
        return None
    return _fields(m)


# --- years, decades, centuries -------------------------------------------------------------------
_NOT_YEAR_BEFORE = re.compile(
    rf"(?:[{re.escape(ctx.NOT_YEAR_SYMBOLS)}]|\b{alternation(ctx.NOT_YEAR_BEFORE)}"
    r"|\d[-.\s]|\(\d{3}\)\s?\d{3}-)\s*$",
    re.I,
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|[-–]\s*\d|\d|\.\d|,\d|:\d|(?-i:GMT|UTC|[ECMP][SD]T)\b|"
    rf"(?:[a-z]+\s+)?{_words(ctx.COUNT_NOUNS, '')}\b)",
    re.I,
)
_YEAR_CONTEXT = re.compile(rf"\b{alternation(ctx.YEAR_CONTEXT_WORDS)}\s*-?$", re.I)


@guard
def _year(m, text):
    """A year, not a count ("2019 workers"), a name ("Section 1998", "Windows 2000") or a small
    number without a word that makes it a year ("by 1066")."""
    if m.group("syear"):
        spoken = m.group("syear").lower()
        if spoken.startswith("two") and not (
            m.group("fiscal") or _date_context_before(text, m.start())
        ):
            return None
        return _fields(m)
    start = m.start("year")
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return None
    if _NOT_YEAR_AFTER.match(text, m.end()):
        return None
    if _quoted(m, text):
        return None  # the film '1917': a title
    year = int(m.group("year"))
    if not m.group("fiscal") and not m.group("bound"):
        if year < 1800 and not _YEAR_CONTEXT.search(text, max(0, start - 10), start):
            return None
    return _fields(m)


def range_end(first: int, end: str) -> int | None:
    """The year a range's end means ("05" after 2004 is 2005, "2000" after 1999), or None when
    it is no later year within fifty."""
    year = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if len(end) == 2 and year <= first:
        year += 100  # "1999-00"
    return year if first < year <= first + 50 else None


@guard
def _year_range(m, text):
    start = m.start("year")
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return None
    return _fields(m) if range_end(int(m.group("year")), m.group("yend")) else None


_RANGE_START = re.compile(r"(?<!\d)(?P<first>(?:1\d|20)\d\d)[-–/]$")


@guard
def _year_range_end(m, text):
    first = _RANGE_START.search(text, max(0, m.start() - 5), m.start())
    if first is None or _NOT_YEAR_AFTER.match(text, m.end()):
        return None
    year = range_end(int(first.group("first")), m.group("yend"))
    return _fields(m, year=str(year)) if year else None


@guard
def _short_year(m, text):
    """ "'82" after "since", "in", "the", "of": a year; a quote mark anywhere else."""
    return _fields(m) if _YEAR_CONTEXT.search(text, max(0, m.start() - 10), m.start()) else None


_AGE_BEFORE = re.compile(rf"\b{alternation(ctx.AGE_POSSESSIVES)}\s+(?:early|mid-?|late)?\s*$", re.I)


@guard
def _decade(m, text):
    if _AGE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # "when he was in his 30s": an age, not a decade
    if text[max(0, m.start() - 6) : m.start()].lower().endswith(("over-", "under-")):
        return None  # "the over-50s": people of that age
    if _TEMPERATURE_AROUND.search(text, max(0, m.start() - 40), m.start()):
        return None  # "highs will be in the 70s": degrees
    return _fields(m)


_TEMPERATURE_AROUND = re.compile(rf"\b{_words(ctx.TEMPERATURE_WORDS)}", re.I)


def _quoted(m: re.Match, text: str) -> bool:
    """True for words in quotes of their own, a title: the film 'Friday', 'Independence Day'."""
    return (
        m.start() > 0
        and text[m.start() - 1] in ctx.OPENING_QUOTES
        and text[m.end() : m.end() + 1] in ctx.CLOSING_QUOTES
    )


# --- quarters, halves, seasons ------------------------------------------------------------------
def _in_a_game(m: re.Match, text: str) -> bool:
    """True for a half or quarter of a game: "scored twice in the first half" (no year said)."""
    if m.groupdict().get("year") or m.groupdict().get("pyear") or m.groupdict().get("ydir"):
        return False
    return bool(_GAME_WORDS.search(text, max(0, m.start() - 80), min(len(text), m.end() + 80)))


_GAME_WORDS = re.compile(rf"\b{_words(ctx.GAME_WORDS)}", re.I)


@guard
def _quarter(m, text):
    if m.group("qh").lower() == "period" or _in_a_game(m, text):
        return None
    ordinal = m.group("ord").lower()
    if ordinal in ("last", "final") and not m.group("the"):
        return None
    trim = 0
    if m.group("the") and "-" in m.group("sep") and not (m.group("pydir") or m.group("pyear")):
        trim = m.start("ord") - m.start() if not m.group("yago") else m.start("yago") - m.start()
    return _fields(m, _trim=trim)


@guard
def _month_quarter(m, text):
    """ "the June quarter": the quarter ending in June; "April-June": months that make a quarter
    or a half of the calendar year ("June-August" is neither)."""
    if m.group("qmonth"):
        return {"ord": str(MONTHS[m.group("qmonth").lower()] // 3), "qh": "quarter"}
    first = MONTHS[m.group("qfrom").lower().rstrip(".")]
    last = MONTHS[m.group("qto").lower().rstrip(".")]
    if first % 3 == 1 and last == first + 2:
        return {"ord": str(first // 3 + 1), "qh": "quarter"}
    if first in (1, 7) and last == first + 5:
        return {"ord": str(first // 6 + 1), "qh": "half"}
    return None


@guard
def _q_quarter(m, text):
    if not m.group(0)[0].isupper():
        return None
    if m.group("ordh"):  # "H1 2022"; a bare "H1" is more often a name (a visa, a flu strain)
        if not (m.group("year") or m.group("yy")):
            return None
        return _fields(m, ord=m.group("ordh"), qh="half")
    return _fields(m, ord=m.group("ordq"), qh="quarter")


@guard
def _this_quarter(m, text):
    if _in_a_game(m, text):
        return None  # "the Chiefs led in the second half"
    det = re.sub(r"\s+", " ", m.group("det").lower())
    if m.group("bound") and det == "the":
        return None  # "the end of the quarter": the dateline's, bound_the_unit's reading
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
    return _fields(m, det=det)


_PERIOD_AFTER = re.compile(r"\s+(?:quarter|period|half)", re.I)


@guard
def _year_earlier(m, text):
    return None if _PERIOD_AFTER.match(text, m.end()) else _fields(m)


@guard
def _season(m, text):
    word = m.group("season").lower()
    if m.group("that") and _that_opens_a_clause(text, m.start("that")):
        return None  # "he said that summer was hard"
    if m.group("season")[0].isupper() and _capitalised_word_follows(text, m.end()):
        return None  # "the Summer Palace", "Winter Olympics": a name
    if not (m.group("year") or m.group("dir") or m.group("bound") or m.group("that")):
        if not (
            _date_context_before(text, m.start("season")) or m.group(0).lower().startswith("the")
        ):
            return None
    if word == "fall" and not (m.group("year") or m.group("dir")) and not _the_fall(m, text):
        return None
    return _fields(m)


_THE_BEFORE_FALL = re.compile(rf"\b{alternation(ctx.FALL_SEASON_BEFORE)}\s+the\s+$", re.I)
_NOT_SEASON_AFTER_FALL = re.compile(rf"\s+{alternation(ctx.NOT_SEASON_AFTER_FALL)}\b", re.I)


def _the_fall(m: re.Match, text: str) -> bool:
    """ "in the fall" is the season; "the fall of the Wall", "a fall in prices" are not."""
    at = m.start("season")
    if _NOT_SEASON_AFTER_FALL.match(text, m.end()):
        return False
    return bool(_THE_BEFORE_FALL.search(text, max(0, at - 16), at))


# --- relative to the dateline -------------------------------------------------------------------
_GENERIC_TODAY = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?{_words(GENERIC_TODAY_NOUNS)}", re.I)


@guard
def _relative_day(m, text):
    if m.group("relday").lower() == "today" and _GENERIC_TODAY.match(text, m.end()):
        return None  # "today's youth": our time, not the dateline's day
    if _a_title(m, text) or (
        m.group("relday")[0].isupper()
        and _CAPITALISED_BEFORE.search(text, max(0, m.start() - 20), m.start())
        and not _sentence_start(text, m.start())
    ):
        return None  # 'The Day After Tomorrow', the film
    return _fields(m)


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def _a_title(m: re.Match, text: str) -> bool:
    """True for words of a title or name, each capitalised away from a sentence start: "The Day
    After Tomorrow", "Person of the Year"."""
    words = re.findall(r"[A-Za-z]+", m.group(0))
    capitalised = [w for w in words if w.lower() not in ("of", "the", "a")]
    return (
        len(words) > 1
        and all(w[0].isupper() for w in capitalised)
        and not _sentence_start(text, m.start())
    ) or bool(_TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()))


_TITLE_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")  # "Person of the Year", "Man of the Year"


@guard
def _part_of_day(m, text):
    return None if m.group("overnight") else _fields(m)


_NAMED_BEFORE = re.compile(rf"\b(?!{alternation(ctx.WEEKDAY_LEADS)}\b)[A-Z][a-z]+\s+$")


_NAME_AFTER_WEEKDAY = re.compile(rf"\s+{_words(ctx.NAMES_AFTER_WEEKDAY)}")
_NAME_BEFORE_WEEKDAY = re.compile(rf"\b{_words(ctx.NAMES_BEFORE_WEEKDAY)}\s+$")


@guard
def _weekday(m, text):
    """A weekday, not part of a name ("Saturday Night Live", "the Good Friday Agreement")."""
    word = m.group("weekday")
    if not word[0].isupper() or _quoted(m, text):
        return None
    pod = m.group("pod")
    if pod and pod[0].isupper() and _capitalised_word_follows(text, m.end()):
        return None
    named = _NAMED_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    if named and not _sentence_start(text, m.start() - len(named.group(0))):
        if _capitalised_word_follows(text, m.end()):
            return None
    if _NAME_AFTER_WEEKDAY.match(text, m.end()) or _NAME_BEFORE_WEEKDAY.search(
        text, max(0, m.start() - 16), m.start()
    ):
        return None  # "The Sunday Times", "the Mail on Sunday", "Black Monday", "Super Tuesday"
    return _fields(m)


@guard
def _capitalised_weekday(m, text):
    return _fields(m) if m.group("weekday")[0].isupper() else None


@guard
def _relative_unit(m, text):
    thedir = (m.group("thedir") or "").lower()
    unit = (m.group("unit") or "").lower()
    if thedir in ("following", "previous") or (thedir == "next" and unit == "day"):
        return None  # anaphoric: resolved from the story's last date, not the dateline
    return _fields(m)


@guard
def _this_unit(m, text):
    """ "the end of the month"; "the end-of-year meeting" leaves "the" to "meeting"."""
    bound = m.group("bound")
    trim = 4 if "-" in bound and bound.lower().startswith("the") else 0
    return _fields(m, dir="this", _trim=trim)


# --- quantities: ago / later / durations ------------------------------------------------------------
_CLOCK_UNIT = re.compile(r"(?:hour|minute|second)s?$", re.I)
_EVENT_AFTER = re.compile(r"\s*[a-z]", re.I)
_THAT_THEN = re.compile(r"\s*(?:that|then)\b", re.I)


@guard
def _ago(m, text):
    signal = m.group("signal").lower()
    if signal in ("before", "after"):
        # "two days before the vote": event-relative; "a year before" alone: anaphoric
        if _EVENT_AFTER.match(text, m.end()) and not _THAT_THEN.match(text, m.end()):
            cut = m.end() - m.end("unit")
            return _fields(m, kind="duration", event_relative=signal, _cut=cut)
    if signal in ("later", "earlier", "afterwards", "afterward") and _CLOCK_UNIT.match(
        m.group("unit")
    ):
        # "an hour later": no clock time to count from, so the span measured is what is known
        end = m.end("half") if m.group("half") else m.end("unit")
        return _fields(m, kind="duration", _cut=m.end() - end)
    if signal in ("later", "earlier") and _THAN_AFTER.match(text, m.end()):
        # "16 days later than normal": a difference, a span of time
        return _fields(m, kind="duration", _cut=m.end() - m.end("unit"))
    if signal in ("later", "earlier", "afterwards", "afterward") and not m.group("approx"):
        if parse_number(m.group("num")) is None:
            # "several days later": how many is not said, so neither is the day; the span is
            return _fields(m, kind="duration", _cut=m.end() - m.end("unit"))
    # "just a decade ago": the span leaves out "just" and "only", as TimeML's corpora do
    trim = m.end("just") - m.start() if m.group("just") and not m.group("approx") else 0
    compared = bool(_COMPARISON_BEFORE.search(text, max(0, m.start() - 24), m.start()))
    return _fields(m, _trim=trim, compared=compared)


_THAN_AFTER = re.compile(r"\s+than\b", re.I)
_COMPARISON_BEFORE = re.compile(rf"\b{alternation(ctx.COMPARISON_BEFORE)}\s+$", re.I)
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{alternation(NUMBER_WORDS)}))[\s-]+$", re.I)
_NOT_SPAN_BEFORE_OF = re.compile(rf"\b{alternation(ctx.NOT_SPAN_BEFORE_OF)}\s+$", re.I)


@guard
def _plural_units_signal(m, text):
    """ "months ago" (a vague past), "hours later", "days after the attack", "weeks of talks"
    (a vague span, the signal left out); not "the days of the Soviet Union" or "Days Inn"."""
    unit, signal = m.group("unit"), m.group("signal").lower()
    if unit[0].isupper() and not _sentence_start(text, m.start()):
        return None
    if _NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None  # "18 years of age": the number's rules have judged it
    if signal == "ago":
        return _fields(m, num="", vague=True)
    if signal == "of" and _NOT_SPAN_BEFORE_OF.search(text, max(0, m.start() - 12), m.start()):
        return None
    fields = _fields(m, kind="duration", num="", vague=True, _cut=m.end() - m.end("unit"))
    if signal in ("before", "after") and _EVENT_AFTER.match(text, m.end()):
        fields["event_relative"] = signal
    del fields["signal"]
    return fields


_SET_BEFORE = re.compile(rf"\b{alternation(ctx.SET_BEFORE)}\s*$")
_NO_BEFORE = re.compile(r"\bno\s*$")


_NAMED_AFTER_SPAN = re.compile(rf"\s+{_words(ctx.NAMED_AFTER_SPAN)}", re.I)
_AGE_BEFORE_QUANTITY = re.compile(rf"\b{alternation(ctx.AGE_BEFORE)}\s+$", re.I)
_AGE_AFTER_QUANTITY = re.compile(rf"\s+{_words(ctx.AGE_AFTER)}", re.I)


@guard
def _duration(m, text):
    if m.group("old") or _an_age(m, text) or _NAMED_AFTER_SPAN.match(text, m.end()):
        return None  # "a 6-year-old", "42 one-day internationals" (a kind of match)
    num = m.group("num").lower()
    if num in ("a", "an", "one") and m.group("unit").lower().endswith("s"):
        return None  # "a decades-long feud": the plural is no count of one
    if num in ("a", "an") and text.startswith(("-long", "-old"), m.end("unit")):
        return None  # "a day-long meeting": the adjective is unit_long's
    if num in ("a", "an") and not (m.group("approx") or m.group("ddir")):
        # "a year" alone: a duration only after "for/in/over/within"; "twice a year" is a set
        if _SET_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            return _fields(m, kind="set_per")
        if _after_a_quantity(text, m.start()):
            return None  # "$1.76 a year", "four flights a week": a rate, not a time
    if num == "one" and _NO_BEFORE.search(text, max(0, m.start() - 6), m.start()):
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
    fields = _fields(m, _trim=trim)
    if (m.group("ddir") or "").lower() == "last" and not m.group("the"):
        if _VERB_LAST_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            del fields["ddir"]  # "the ban will last six months": the verb, then the span
            fields["_trim"] = m.start("num") - m.start()
    return fields


# before "last six months": words that make "last" the verb ("will last", "expected to last")
_VERB_LAST_BEFORE = re.compile(rf"(?:\b|(?=['’])){_words(ctx.VERB_LAST_BEFORE)}\s+$", re.I)


_FRACTION_OF = re.compile(
    rf"\s+of\s+(?:{alternation(ctx.FRACTION_DETERMINERS)}|[A-Z][\w.]*['’]s)\b"
)
# "a quarter of voters", "three-quarters of respondents": a fraction of anything ("a quarter of
# a century", "a quarter of an hour" stay spans of time; "several quarters of losses" is one)
_A_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:a|an)\s+(?:century|hour)\b)[A-Za-z]")
_ORDINAL_SECOND = re.compile(rf"\s+(?!{alternation(ctx.SECOND_AS_TIME_AFTER)}\b)[a-z]")


def _an_age(m: re.Match, text: str) -> bool:
    """True for an age: "children 6 months and older", "patients aged 65 years"."""
    before = _AGE_BEFORE_QUANTITY.search(text, max(0, m.start() - 8), m.start())
    return bool(before or _AGE_AFTER_QUANTITY.match(text, m.end()))


def _not_a_span_of_time(m: re.Match, text: str, num: str) -> bool:
    """True for quantities that only look like times: "three-quarters of its food" (a fraction),
    "a second group" (an ordinal), "CBS's 60 Minutes" (a name)."""
    unit = m.group("unit")
    if unit.lower().startswith("quarter"):
        fraction = num in ("a", "an", "one") or "-" in text[m.end("num") : m.start("unit")]
        if (_A_FRACTION_OF if fraction else _FRACTION_OF).match(text, m.end("unit")):
            return True
    if unit.lower() == "second" and num in ("a", "an", "one"):
        if _ORDINAL_SECOND.match(text, m.end("unit")):
            return True
    return unit[0].isupper() and num[0].isdigit()


_RATE_BEFORE = re.compile(rf"(?:\d|\b(?:{alternation(ctx.RATE_AMOUNT_WORDS)}|[a-z]{{3,}}s))\s+$")
_SPAN_BEFORE = re.compile(rf"\b{alternation(ctx.SPAN_PREPOSITIONS)}\s+$")


def _after_a_quantity(text: str, pos: int) -> bool:
    """True for "a year" after an amount ("$1.76 a year", "four flights a week"): a rate."""
    before = text[max(0, pos - 30) : pos]
    if _SPAN_BEFORE.search(before):
        return False
    return bool(_RATE_BEFORE.search(before))


@guard
def _fiscal_short_year(m, text):
    return _fields(m) if m.group("fiscal").isupper() else None  # "FY20", not "fy20"


_VERSION_BEFORE = re.compile(rf"\b{_words(ctx.VERSION_WORDS)}\.?\s*$", re.I)


@guard
def _dotted_date(m, text):
    """ "12.11.2019", not "version 1.2.2019"."""
    return None if _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()) else _fields(m)


@guard
def _multi_unit(m, text):
    return _fields(m, num="", vague=True)


@guard
def _vague_duration(m, text):
    return _fields(m, num="", vague=True, _trim=m.start("unit") - m.start())


@guard
def _the_plural_units(m, text):
    return _fields(m, num="", vague=True, _trim=m.start("the") - m.start())


@guard
def _unit_long(m, text):
    """ "decades-long" (a vague span), "day-long" (one day); "day-old" bread is no span."""
    plural = m.group("unit").lower().endswith("s")
    if m.group("long").lower() == "old" and not plural:
        return None
    return _fields(m, num="" if plural else "a", vague=plural)


_MERIDIEM_AFTER = re.compile(r"\s*(?:[ap]\.?\s?m\b|[ap]\.m\.)", re.I)


@guard
def _race_time(m, text):
    """ "in 2:05:33": a race time; "at 10:35:20 a.m." is a clock time (the clock rule's)."""
    if _AT_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None
    return None if _MERIDIEM_AFTER.match(text, m.end()) else _fields(m)


@guard
def _units_beside_event(m, text):
    return _fields(m, _trim=m.start("unit") - m.start())


_ENDING_AFTER = re.compile(r"\s+end(?:ed|ing)\b")


@guard
def _the_unit(m, text):
    if m.group("tu")[0].isupper() and _a_title(m, text):
        return None  # "Person of the Year"
    return _fields(m, ending=bool(_ENDING_AFTER.match(text, m.end(), m.end() + 12)))


# --- references and sets -------------------------------------------------------------------------
_FUTURE_BEFORE = re.compile(rf"\b{alternation(ctx.FUTURE_REF_BEFORE)}\s+$")
_NOT_REFERENCE_AFTER = re.compile(rf"\s+{alternation(ctx.NOT_REFERENCE_NOUNS)}", re.I)
_WORD_AFTER = re.compile(r"\s+[a-z]")
_ANY_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_SPAN_AFTER_THE_PAST = re.compile(rf"\s*(?:\d|{alternation(ctx.SPAN_AFTER_THE_PAST)})", re.I)


@guard
def _reference(m, text):
    word = m.group("ref").lower()
    if word in ctx.NOT_REFERENCE_ALONE:
        return None
    if word == "future" and not _FUTURE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    if word == "now" and text.startswith("-", m.end()):
        return None
    if word == "current":
        # an adjective before a noun that is no time: "the current account", "current prices"
        if _NOT_REFERENCE_AFTER.match(text, m.end()) or not _WORD_AFTER.match(text, m.end()):
            return None
    if word == "recent" and not _ANY_WORD_AFTER.match(text, m.end()):
        return None  # "the recent sale", "a recent SEC filing"; not "most recent."
    if word == "the past" and _SPAN_AFTER_THE_PAST.match(text, m.end()):
        return None
    return _fields(m)


_DAILY_NAME = re.compile(rf"\s+{_words(ctx.DAILY_NAMES)}", re.I)


@guard
def _set_word(m, text):
    if m.group("setword") and m.group("setword").lower() == "daily":
        if _DAILY_NAME.match(text, m.end()):
            return None  # "the Daily Mail": a newspaper
    word = (m.group("setword") or "").lower()
    if word in ctx.SET_ADJECTIVES and _NOUN_AFTER.match(text, m.end()):
        return None  # "a quarterly dividend": an adjective; "pays a dividend quarterly" recurs
    if _RATE_UNIT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None  # "55 miles per hour", "$15 an hour": a speed or a rate, no recurring time
    return _fields(m)


_NOUN_AFTER = re.compile(r"\s+[a-z]")
_RATE_UNIT_BEFORE = re.compile(rf"\b{_words(ctx.RATE_UNITS)}\s+$", re.I)


@guard
def _weekdays(m, text):
    """ "Sundays", "Tuesday nights": capitalised, the part of day in the singular for the set."""
    if not m.group("everyunit")[0].isupper():
        return None
    fields = _fields(m)
    plural = fields.pop("podplural", None)
    if plural:
        fields["everypod"] = plural[:-1]
    return fields


# --- times of day -----------------------------------------------------------------------------------
_NOT_CLOCK_BEFORE = re.compile(rf"\b{alternation(ctx.NOT_CLOCK_BEFORE)}\s+$", re.I)
_CLOCK_BEFORE_BRACKET = re.compile(rf"{CLOCK}\s*\(\s*$", re.I)
_DAY_AFTER_BRACKET = re.compile(
    rf"\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?(?:(?P<cday>{WEEKDAY}|today|yesterday|tomorrow)"
    rf"(?![a-z])|(?P<cmonth>{MONTH})\s*(?P<cdaynum>{DAY}))",
    re.I,
)
_MERIDIEM = re.compile(r"[ap]\.?\s?m|o'clock|in the (?:morning|afternoon|evening)")
_AT_BEFORE = re.compile(r"\bat\s*$")
_CLOCK_PREPOSITION_BEFORE = re.compile(rf"\b{alternation(ctx.CLOCK_PREPOSITIONS)}\s+$", re.I)


@guard
def _clock(m, text):
    clock = m.group("clock").lower()
    if clock in CLOCK_WORDS:
        if _NOT_CLOCK_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            return None  # "high noon": a showdown, not a time
        return _fields(m)
    if _CLOCK_BEFORE_BRACKET.search(text, max(0, m.start() - 16), m.start()):
        return None  # "10:35 a.m. (0735 GMT)": the same instant again, in another zone
    if " in the " in clock and not _CLOCK_PREPOSITION_BEFORE.search(
        text, max(0, m.start() - 8), m.start()
    ):
        return None  # "one of 4 in the morning class": a time only after "at", "by", "until" ...
    if not _MERIDIEM.search(clock) and not m.group("zone"):
        # "8:30" with no a.m./p.m. or zone: a time only after "at"
        if ":" not in clock or not _AT_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            return None
    fields = _fields(m)
    if not (fields.get("cday") or fields.get("cmonth")):
        # "10:35 a.m. (0735 GMT) Friday": the day after the bracket is the clock's day too,
        # though it stays a mention of its own
        day = _DAY_AFTER_BRACKET.match(text, m.end())
        if day:  # "6:36 p.m. EDT (2236 GMT) on April 7"
            fields.update({k: v for k, v in day.groupdict().items() if v})
    return fields


# --- holidays, anaphora, ordinal day --------------------------------------------------------------
_HOLIDAY_THING = re.compile(rf"\s+{_words(ctx.HOLIDAY_THINGS)}", re.I)
_OTHER_CALENDAR_BEFORE = re.compile(rf"\b{alternation(ctx.OTHER_CALENDARS)}\s+$", re.I)


@guard
def _holiday(m, text):
    """A capitalised holiday, not part of a name ("the Good Friday Agreement", "Christmas Island")."""
    name = m.group("holiday")
    if not (name[0].isupper() or name.lower().startswith("the")) or _quoted(m, text):
        return None
    if _OTHER_CALENDAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "Lunar New Year", "the Jewish New Year": another calendar's
    if _HOLIDAY_THING.match(text, m.end()):
        return None  # "Christmas lights", "Easter eggs": things, no date
    complete = name.lower().endswith((" day", " eve"))  # "Christmas Day Queen Elizabeth spoke"
    if not complete and _capitalised_word_follows(text, m.end()):
        return None
    fields = _fields(m)
    if fields.pop("hweek", None):  # "Easter week": the week holding Easter
        fields["within"] = "week"
    return fields


_PREPOSITION_BEFORE = re.compile(rf"\b{alternation(ctx.THAT_UNIT_PREPOSITIONS)}\s*$", re.I)
_CLAUSE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")


def _that_opens_a_clause(text: str, pos: int) -> bool:
    """True when "that" at `pos` may be a conjunction: after a verb of saying or thinking ("said
    that day care ...") or a word that takes a clause ("so that", "now that")."""
    m = _CLAUSE_BEFORE.search(text, max(0, pos - 20), pos)
    if m is None:
        return False  # after a comma or semicolon: "on Dec. 20; that weekend, thousands ..."
    word = m.group(1).lower()
    return word in ATTRIBUTION_VERBS or word in ctx.THAT_CLAUSE_BEFORE


@guard
def _anaphoric(m, text):
    if m.group(0)[0].isupper() and _a_title(m, text):
        return None  # 'The Day After Tomorrow'
    det = (m.group("det") or "").lower()
    if (
        det == "that"
        and not m.group("bound")
        and not _sentence_start(text, m.start())
        and not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and _that_opens_a_clause(text, m.start())
    ):
        return None  # "said that day care ...": "that" opens a clause, no time
    return _fields(m)


_NOT_DAY_AFTER_ORDINAL = re.compile(
    rf"\s+(?:{alternation(ctx.NOT_DAY_AFTER_ORDINAL)}|of\s+[A-Z][a-z]+\b|U\.S\.|[A-Z])"
)


@guard
def _ordinal_day(m, text):
    """ "the 29th", not "the 11th Circuit", "the 21st century" or "the 7th largest drop"."""
    return None if _NOT_DAY_AFTER_ORDINAL.match(text, m.end()) else _fields(m)


# --- the rules and the scanner -------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """A rule record with its pattern compiled and its guard bound."""

    record: RuleRecord
    pattern: re.Pattern
    guard: Guard

    @property
    def name(self) -> str:
        return self.record.name


RULES: list[Rule] = [
    Rule(record, re.compile(record.pattern, re.I), GUARDS[record.guard]) for record in RULE_RECORDS
]


def _dispatch_table() -> dict[str, tuple[re.Pattern, list[Rule]]]:
    """starter word -> (a pattern matching wherever one of its rules may match, those rules)."""
    table: dict[str, list[Rule]] = {}
    for r in RULES:
        for key in r.record.starters:
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


def _literal_words(rules: list[Rule]) -> frozenset[str]:
    """Every word the rules' patterns spell out, with its written variants ("seasons?" gives
    "season" and "seasons", "end(?:ed|ing)" "ended" and "ending"): a word these rules can match
    after their starter is one of them, or no word (a number, an apostrophe)."""
    words: set[str] = set()
    for r in rules:
        source = re.sub(r"\\[A-Za-z]", " ", r.pattern.pattern).lower()
        for m in _SPELLED.finditer(source):
            word, optional, endings = m.group(1), m.group(2), m.group(3)
            words.add(word)
            if optional:
                words.add(word[:-1])
            for ending in (endings or "").split("|"):
                words.add(word + ending)
    return frozenset(words)


# a run of letters, a "?" making its last one optional, or a group of endings after it
_SPELLED = re.compile(r"([a-z]+)(\?)?(?:\(\?:([a-z|]+)\)\??)?")


def _next_words(key: str, rules: list[Rule]) -> frozenset[str] | None:
    """The words that may follow `key` in one of its rules, when none of them is complete
    without a next word ("the", "a", "last", "early"); None when one is ("Friday", "now")."""
    if key in (DIGIT, APOSTROPHE) or any(r.pattern.fullmatch(key) for r in rules):
        return None
    return _literal_words(rules)


# A starter that cannot end a mention has its rules tried only when the next word is one they
# spell out: "the" (a tenth of all words) before "third quarter", "1990s", not before "company"
_NEXT_WORDS = {key: _next_words(key, rules) for key, (_, rules) in _DISPATCH.items()}
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+|[\d'’.])")


def _worth_trying(text: str, end: int, words: frozenset[str] | None) -> bool:
    """True when the word after a starter ending at `end` may continue one of its rules."""
    if words is None:
        return True
    m = _NEXT_WORD.match(text, end)
    return m is not None and (not m.group(1).isalpha() or m.group(1).lower() in words)


def _longest_at(text: str, pos: int, entry: tuple[re.Pattern, list[Rule]]) -> Mention | None:
    """The longest mention one of a dispatch entry's rules finds at `pos` (its guard accepting
    it), or None."""
    any_of, rules = entry
    if any_of.match(text, pos) is None:
        return None
    best: tuple[int, Rule, dict] | None = None
    for r in rules:
        m = r.pattern.match(text, pos)
        if m is None or (best is not None and m.end() <= best[0]):
            continue
        if m.end() < len(text) and text[m.end() - 1].isalnum() and text[m.end()].isalnum():
            continue
        parsed = r.guard(m, text)
        if parsed is not None:
            best = (m.end(), r, parsed)
    if best is None:
        return None
    end, r, parsed = best
    kind = parsed.pop("kind", r.record.produces)
    start = pos + parsed.pop("_trim", 0)
    cut = end - parsed.pop("_cut", 0)
    name = "event_relative" if "event_relative" in parsed else r.name
    return Mention(start, cut, text[start:cut], kind, said_of(parsed), name, matched_end=end)


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
            low = word.lower()
            entry = dispatch.get(low)
            if entry and not _worth_trying(text, run.end(), _NEXT_WORDS[low]):
                continue
        if found is None and entry and not continues_word(text, pos):
            found = _longest_at(text, pos, entry)
        if found is not None:
            covered = found.matched_end
            yield found
