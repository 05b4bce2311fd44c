"""The recognition rules as records, as Duckling and HeidelTime keep theirs: a name, the words a
match can start with, a pattern (case-insensitive; its named groups are what the resolver reads),
the guard that rejects what only looks like a time there, the kind of mention it produces, and
an example: a news sentence, the expression and its TIMEX3 type and value against the pinned
dateline, Monday 2020-01-06. `tests/test_recognize.py` checks every example.

Guards are code (`timeline/tagger/recognize.py`, by name); everything else here is data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import (
    APPROX_MODS,
    CALENDAR_HOLIDAYS,
    DECADE_WORDS,
    DIRECTION_WORDS,
    FIXED_HOLIDAYS,
    MONTHS,
    NAMED_DAYS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    RELATIVE_DAYS,
    RELATIVE_HOLIDAYS,
    SEASONS,
    SET_WORDS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from .patterns import (
    APPROX_PREFIX,
    BOUND_PREFIX,
    BOUNDARY,
    CLOCK,
    DAY,
    DAY_WORD,
    DIRECTION,
    HALF_BOUND_PREFIX,
    MONTH,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    QUANTITY,
    SEASON,
    SPELLED_YEAR,
    UNIT,
    UNIT_PLURAL,
    WEEKDAY,
    WEEKDAY_PREFIX,
    YEAR,
    ZONE,
    alternation,
)


@dataclass(frozen=True)
class Example:
    """A news sentence, the expression in it, and its TIMEX3 type and value when the dateline is
    Monday 2020-01-06."""

    sentence: str
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class RuleRecord:
    """One recognition rule: where it may start, what it matches, what checks it, what it gives."""

    name: str
    starters: frozenset[str]  # lower-case first words; DIGIT: any number, APOSTROPHE: "'80s"
    pattern: str
    guard: str  # a guard in recognize.GUARDS
    produces: str  # the mention kind (a guard may say another: "two days before the vote")
    example: Example


def first_words(words) -> set[str]:
    """The starter words of phrases: "a couple of" → "a", "mid-March" → "mid"."""
    return {re.split(r"[-'’.]", w.split()[0])[0].lower() for w in words}


DIGIT = "#"
APOSTROPHE = "'"
MONTH_KEYS = set(MONTHS)
WEEKDAY_KEYS = set(WEEKDAYS)
NUMBER_KEYS = first_words(NUMBER_WORDS) | first_words(VAGUE_NUMBERS) | {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", DIGIT,
}  # fmt: skip
BOUNDARY_KEYS = {"the", "early", "late", "end", "beginning", "start", "middle", "close", "first",
                 "latter", "earlier", "later", "mid", "very", "last"}  # fmt: skip
DIRECTION_KEYS = set(DIRECTION_WORDS) | {"the"}
APPROX_KEYS = first_words(APPROX_MODS)
ORDINAL_KEYS = first_words(ORDINALS) | {DIGIT}
HOLIDAYS = [*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *RELATIVE_HOLIDAYS, *CALENDAR_HOLIDAYS]
UNITS_ANY = list(UNITS) + list(UNIT_PLURALS)


def record(name, starters, pattern, guard, produces, example) -> RuleRecord:
    """A rule record; `example` is (sentence, expression, type, value)."""
    return RuleRecord(name, frozenset(starters), pattern, guard, produces, Example(*example))


RULES: list[RuleRecord] = [
    # --- explicit dates --------------------------------------------------------------------------
    record(
        "month_day_year",
        MONTH_KEYS | WEEKDAY_KEYS | BOUNDARY_KEYS,
        rf"{BOUND_PREFIX}{WEEKDAY_PREFIX}(?P<month>{MONTH})\s*(?P<day>{DAY})(?:\s*,\s*|\s+)"
        rf"(?P<year>{YEAR})",
        "month_word",
        "date",
        ("The strike was ordered on December 29, 2019, officials said.", "December 29, 2019",
         "DATE", "2019-12-29"),
    ),
    record(
        "day_month_year",
        {DIGIT, "the"} | WEEKDAY_KEYS,
        rf"{WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH}),?\s+"
        rf"(?P<year>{YEAR})",
        "month_word",
        "date",
        ("The ministry issued its statement on 29 December 2019.", "29 December 2019", "DATE",
         "2019-12-29"),
    ),
    record(
        "month_day",
        MONTH_KEYS | WEEKDAY_KEYS | BOUNDARY_KEYS | {"around", "about"},
        rf"{APPROX_PREFIX}{BOUND_PREFIX}{WEEKDAY_PREFIX}(?P<month>{MONTH})\s*(?P<day>{DAY})"
        r"(?!\s*[,.]?\d|:\d)(?:,?\s+(?P<ydir>next|last|this)\s+year(?![a-z'’]))?",
        "month_day",
        "date",
        ("Militia supporters stormed the embassy compound on Dec. 31.", "Dec. 31", "DATE",
         "2019-12-31"),
    ),
    record(  # "April 24 and 25", "Jan. 28-29": the second day of the same month
        "coordinated_day",
        {DIGIT},
        r"(?:(?<=[-–&])|(?<=[-–&] )|(?<=\band )|(?<=\bor )|(?<=\bto )|(?<=through )|(?<=until )"
        rf"|(?<=till ))(?P<day>{DAY})(?!\s*[,.]?\d|:\d|\s*(?:%|percent))",
        "coordinated_day",
        "date",
        ("NATO leaders meet in Washington on April 24 and 25.", "25", "DATE", "2020-04-25"),
    ),
    record(
        "day_month",
        {DIGIT, "the"} | WEEKDAY_KEYS,
        rf"{WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
        r"(?:,?\s+(?P<ydir>next|last|this)\s+year(?![a-z'’]))?",
        "month_word",
        "date",
        ("Rockets hit the base on 3 January.", "3 January", "DATE", "2020-01-03"),
    ),
    record(  # broadcast and quoted speech: "Sunday, March eighth", "the first of May"
        "day_word",
        MONTH_KEYS | {"the"},
        rf"(?:(?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{DAY_WORD})|the\s+(?P<day2>{DAY_WORD})\s+of\s+"
        rf"(?P<month2>{MONTH}))(?:,?\s+(?P<year>{YEAR}))?",
        "day_word",
        "date",
        ("International Women's Day is this coming Sunday, March eighth.", "March eighth",
         "DATE", "2020-03-08"),
    ),
    record(
        "week_of",
        {"the"},
        rf"the\s+week\s+(?:of|end(?:ing|ed)|beginning|starting|to)\s+(?P<month>{MONTH})\s*"
        rf"(?P<day>{DAY})(?!\s*[,.]?\d|:\d)",
        "week_of",
        "date",
        ("The case may be resolved at a court hearing the week of March 6.",
         "the week of March 6", "DATE", "2020-W10"),
    ),
    record(  # "the last week of March", "the first week of May 2019": one span, one week
        "week_of_month",
        {"the", "first", "second", "third", "fourth", "last", "final"},
        rf"(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        "month_word",
        "month",
        ("Exports collapsed in the last week of March.", "the last week of March", "DATE",
         "2019-W13"),
    ),
    record(
        "month_year",
        MONTH_KEYS | BOUNDARY_KEYS | DIRECTION_KEYS,
        rf"{BOUND_PREFIX}(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})"
        rf"|(?P<syear>{SPELLED_YEAR})|(?P<ydir>this|last|next)\s+year(?![a-z'’]))",
        "month_word",
        "month",
        ("Protests began in June 2019 and spread across Hong Kong.", "June 2019", "DATE",
         "2019-06"),
    ),
    record(
        "month",
        MONTH_KEYS | BOUNDARY_KEYS | DIRECTION_KEYS,
        rf"{BOUND_PREFIX}(?:(?:the\s+(?=next|following|previous|preceding))?{DIRECTION}\s+)?"
        rf"(?P<month>{MONTH})(?!\s*-\s*\d|\s*\d)",
        "month_alone",
        "month",
        ("The protests in Baghdad began in October.", "October", "DATE", "2019-10"),
    ),
    record(  # "the 9/11 attacks", "D-Day": a day named by what happened on it
        "named_day",
        {DIGIT, "d", "v", "ve", "vj"},
        rf"(?P<named>{alternation(NAMED_DAYS)})(?![\w/-])",
        "named_day",
        "named_day",
        ("The 9/11 attacks killed nearly 3,000 people.", "9/11", "DATE", "2001-09-11"),
    ),
    record(
        "iso_date",
        {DIGIT},
        r"(?P<year>(?:1\d|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)"
        r"(?:[T ](?P<isotime>(?:[01]\d|2[0-3]):[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-]\d\d:?\d\d)?)?",
        "always",
        "date",
        ("The court filing is dated 2019-12-29.", "2019-12-29", "DATE", "2019-12-29"),
    ),
    record(
        "iso_month",
        {DIGIT},
        r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])(?![\d-])(?!\s*(?:%|percent))",
        "iso_month",
        "month",
        ("Inflation data for 2019-11 were revised on Friday.", "2019-11", "DATE", "2019-11"),
    ),
    record(  # "12.12.2019", "06.01.2020": the day first, as Europe writes it
        "dotted_date",
        {DIGIT},
        r"(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<month>1[0-2]|0?[1-9])\.(?P<year>(?:19|20)\d\d)(?!\d|\.\d)",
        "dotted_date",
        "date",
        ("The meeting took place on 12.11.2019 in Geneva.", "12.11.2019", "DATE", "2019-11-12"),
    ),
    record(  # "21/03/2013": a first number over 12 can only be the day
        "slash_date_day_first",
        {DIGIT},
        r"(?P<day>3[01]|2\d|1[3-9])/(?P<month>1[0-2]|0?[1-9])/(?P<year>(?:19|20)\d\d)(?![\d/])",
        "always",
        "date",
        ("The notice, published 21/03/2019, gave a month's warning.", "21/03/2019", "DATE",
         "2019-03-21"),
    ),
    record(
        "slash_date",
        {DIGIT},
        r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d|\d\d)"
        r"(?![\d/])",
        "slash_date",
        "date",
        ("The contract, signed 12/29/2019, runs until the end of the decade.", "12/29/2019",
         "DATE", "2019-12-29"),
    ),
    # --- years, decades, centuries ----------------------------------------------------------------
    record(
        "year",
        {DIGIT, "fiscal", "financial", "calendar", "fy", "post", "pre", "nineteen", "eighteen", "two"}
        | BOUNDARY_KEYS,
        rf"{BOUND_PREFIX}(?:(?P<fiscal>fiscal(?:\s+year)?|financial\s+year|calendar(?:\s+year)?|fy|the\s+year)"
        rf"\s*-?\s*)?(?P<prepost>(?:post|pre)-)?(?:(?P<year>{YEAR})"
        rf"(?!\s*[-/]\d|\.\d|,\d{{3}}|s\b|'s\b)|(?P<syear>{SPELLED_YEAR}))",
        "year",
        "year",
        ("The nuclear agreement was signed in 2015.", "2015", "DATE", "2015"),
    ),
    record(  # "the 2004-05 season", "fiscal 1998-99", "1991-97": the first year of a range
        "year_range",
        {DIGIT, "fiscal", "fy"},
        rf"(?:(?P<fiscal>fiscal(?:\s+year)?|fy)\s*-?\s*)?(?P<year>{YEAR})"
        r"(?=[-–/](?P<yend>\d\d(?:\d\d)?)(?![\d-]))",
        "year_range",
        "year",
        ("He starred for Arsenal in the 2004-05 season.", "2004", "DATE", "2004"),
    ),
    record(  # the "05" of "2004-05", the "2000" of "1999-2000"
        "year_range_end",
        {DIGIT},
        r"(?<=\d{4}[-–/])(?P<yend>\d\d(?:\d\d)?)(?![\d-]|\s*(?:%|percent))",
        "year_range_end",
        "year",
        ("He starred for Arsenal in the 2004-05 season.", "05", "DATE", "2005"),
    ),
    record(  # "the FY20 budget", "FY'21": a fiscal year in two digits
        "fiscal_short_year",
        {"fy"},
        r"(?P<fiscal>FY)\s?['’]?(?P<yy>\d\d)(?![\d-])",
        "fiscal_short_year",
        "year",
        ("The agency's budget for FY20 was cut.", "FY20", "DATE", "2020"),
    ),
    record(  # "since '82", "the '96 election", "the class of '05"
        "short_year",
        {APOSTROPHE},
        r"['’](?P<yy>\d\d)(?![\d'’]|s\b|\s*(?:%|percent)|[.,:]\d)",
        "short_year",
        "year",
        ("Nothing like it has been seen since '82, officials said.", "'82", "DATE", "1982"),
    ),
    record(
        "decade",
        {DIGIT, APOSTROPHE, "second"} | BOUNDARY_KEYS | {"the"},
        rf"(?:{HALF_BOUND_PREFIX}|{BOUND_PREFIX})(?:the\s+)?(?:{BOUNDARY}[\s-]*)?"
        rf"(?P<decade>(?:1\d|20)\d0|['’]?\d0)['’]?s(?![a-z])",
        "decade",
        "decade",
        ("Iraq lived under United Nations sanctions through the 1990s.", "the 1990s", "DATE",
         "199"),
    ),
    record(
        "decade_words",
        {"the"} | BOUNDARY_KEYS,
        rf"{BOUND_PREFIX}the\s+(?:{BOUNDARY}[\s-]*)?(?P<decadeword>{alternation(DECADE_WORDS)})"
        r"(?![a-z])",
        "decade",
        "decade",
        ("Jazz clubs flourished in the twenties.", "the twenties", "DATE", "192"),
    ),
    record(
        "century",
        {"the", DIGIT} | BOUNDARY_KEYS | set(ORDINALS) | {"twenty", "nineteenth", "twentieth"},
        rf"{BOUND_PREFIX}(?:the\s+)?(?P<century>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|twenty-first"
        r"|twentieth|nineteenth|eighteenth)[\s-]+century(?![a-z])",
        "always",
        "century",
        ("The shrine in Samarra dates to the 19th century.", "the 19th century", "DATE", "18"),
    ),
    # --- quarters, halves, seasons ------------------------------------------------------------------
    record(
        "quarter",
        ORDINAL_KEYS | BOUNDARY_KEYS | {"the", "q", "fiscal", "financial", "this", "last", "next", "year"},
        rf"{BOUND_PREFIX}(?P<the>the\s+)?(?:(?P<pydir>this|last|next)\s+year['’]s\s+|"
        rf"(?P<pyear>{YEAR})\s+|(?P<yago>(?:comparable\s+)?year-?(?:ago|earlier))\s+)?"
        rf"(?:(?:fiscal|financial|calendar)\s+)?(?P<ord>{ORDINAL})(?P<sep>[\s-]+)(?:(?:fiscal|financial|calendar)\s+)?"
        rf"(?P<qh>quarter|half|period)(?:\s+of\s+(?:(?:fiscal|financial|calendar)\s+)?(?:(?P<year>{YEAR})"
        r"|(?P<ydir>this|last|next|the)\s+(?:(?:fiscal|financial)\s+)?year))?",
        "quarter",
        "quarter",
        ("Profit rose 10 percent in the third quarter, the company said.", "the third quarter",
         "DATE", "2019-Q3"),
    ),
    record(  # "the June quarter" (Australia, India: the quarter ending in June), "April-June"
        "month_quarter",
        MONTH_KEYS | {"the"},
        rf"(?:the\s+)?(?:(?P<qmonth>March|June|September|December)\s+quarter"
        rf"|(?P<qfrom>{MONTH})\s*[-–]\s*(?P<qto>{MONTH})(?:\s+(?:quarter|period|half))?)(?![a-z])",
        "month_quarter",
        "quarter",
        ("Profit rose in the April-June quarter, the company said.", "the April-June quarter",
         "DATE", "2019-Q2"),
    ),
    record(
        "q_quarter",
        {"q", "h"},
        rf"(?P<qletter>Q(?P<ordq>[1-4])|H(?P<ordh>[12]))"
        rf"(?:\s*(?P<year>{YEAR})|\s*['’]?(?P<yy>\d\d)\b)?(?![a-z\d])",
        "q_quarter",
        "quarter",
        ("Smartphone shipments peaked in Q2 2019.", "Q2 2019", "DATE", "2019-Q2"),
    ),
    record(
        "this_quarter",
        {"the", "this", "last", "next", "current", "latest", "that", "previous", "year"}
        | BOUNDARY_KEYS,
        rf"{BOUND_PREFIX}"
        r"(?P<det>the\s+latest|the\s+current|the\s+previous|the\s+prior|the\s+preceding|the\s+same"
        r"|this|last|next|that|the|"
        r"the\s+(?:comparable\s+|corresponding\s+)?(?:year-?(?:ago|earlier)|(?:prior|previous)-year)"
        r"|year-?(?:ago|earlier)|"
        r"(?P<lastyears>last\s+year['’]s)|"
        r"the\s+(?:comparable|corresponding)|the\s+(?P<pyear>(?:19|20)\d\d))\s+"
        r"(?:(?:fiscal|financial)\s+)?(?P<qh>quarter|half|period)"
        r"(?P<lastyear>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?"
        r"(?![a-z-])"
        # "the quarter ended July 31": the three months up to that day
        rf"(?:(?=\s+end(?:ed|ing)\s+(?P<endmonth>{MONTH})\s*(?P<endday>{DAY})))?",
        "this_quarter",
        "this_quarter",
        ("Sales rose in the latest quarter.", "the latest quarter", "DATE", "2019-Q4"),
    ),
    record(
        "year_earlier",
        {"year"},
        r"(?P<det>year-?(?:ago|earlier))(?![a-z])",
        "year_earlier",
        "year_earlier",
        ("Profit fell from year-ago levels.", "year-ago", "DATE", "2019"),
    ),
    record(
        "season",
        set(SEASONS) | BOUNDARY_KEYS | DIRECTION_KEYS | {"that"},
        rf"{BOUND_PREFIX}(?:the\s+)?(?:{DIRECTION}\s+|(?P<that>that)\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>{SPELLED_YEAR})|['’](?P<yy>\d\d)(?![\d'’s])"
        r"|(?P<ydir>last|next|this)\s+year(?![a-z'’])))?",
        "season",
        "season",
        ("The offensive against the militants began last summer.", "last summer", "DATE",
         "2019-SU"),
    ),
    # --- relative to the dateline -----------------------------------------------------------------
    record(
        "relative_day",
        first_words(RELATIVE_DAYS) | BOUNDARY_KEYS | {"later", "earlier"},
        rf"(?:(?P<bound>early|late|earlier|later)\s+)?(?P<relday>{alternation(RELATIVE_DAYS)})"
        rf"(?![a-z])(?:\s+(?P<pod>{PART_OF_DAY}))?",
        "relative_day",
        "relative_day",
        ("The Pentagon said yesterday that more troops would be sent.", "yesterday", "DATE",
         "2020-01-05"),
    ),
    record(  # "early this morning" is part_of_day's
        "part_of_relative_day",
        {"early", "late", "mid"} | set(PARTS_OF_DAY),
        rf"(?:(?P<bound>early|late|mid-?)\s*)?(?P<pod>{PART_OF_DAY})\s+"
        r"(?P<relday>yesterday|today|tomorrow)(?![a-z])",
        "relative_day",
        "relative_day",
        ("The rockets landed mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME",
         "2020-01-05TAF"),
    ),
    record(
        "part_of_day",
        {"this", "last", "early", "late", "mid", "the", "that", "overnight"} | set(PARTS_OF_DAY),
        rf"(?:(?P<bound>early|late|mid-?)\s*)?(?P<podir>this|last|that)\s+(?P<pod>{PART_OF_DAY})"
        r"|(?P<bound2>mid-?\s?)(?P<pod2>morning|afternoon|day)(?![a-z])"
        r"|(?P<overnight>overnight)(?![a-z])",
        "part_of_day",
        "part_of_day",
        ("The president spoke to reporters this morning.", "this morning", "TIME",
         "2020-01-06TMO"),
    ),
    record(
        "weekday",
        WEEKDAY_KEYS | DIRECTION_KEYS | BOUNDARY_KEYS | {"earlier", "later"},
        rf"(?:(?P<bound>early|late|earlier|later)\s+)?(?:the\s+(?=previous|preceding|following))?"
        rf"(?:{DIRECTION}\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?"
        rf"(?!\s*,?\s*(?:{MONTH})\s*\d)",
        "weekday",
        "weekday",
        ("Soleimani was killed in a U.S. strike on Friday.", "Friday", "DATE", "2020-01-03"),
    ),
    record(  # "the day before last Tuesday's hearing", "the day after Friday"
        "day_beside_weekday",
        {"the", "day"},
        rf"(?:the\s+)?day\s+(?P<beside>before|after)\s+(?:{DIRECTION}\s+)?(?P<weekday>{WEEKDAY})",
        "capitalised_weekday",
        "weekday",
        ("The day before last Tuesday's hearing, the father went to the house.",
         "The day before last Tuesday", "DATE", "2019-12-30"),
    ),
    record(
        "relative_unit",
        DIRECTION_KEYS | BOUNDARY_KEYS | {"year", "week", "month"},
        rf"{BOUND_PREFIX}(?:{DIRECTION}|the\s+(?P<thedir>current|coming|previous|following|past"
        r"|next|last))\s+(?P<unit>week|weekend|month|year|decade|century|day|(?:fiscal|financial)\s+year"
        r"|school\s+year)(?![a-z-])"
        r"|(?P<yearend>year[\s-]end|year['’]s\s+end|the\s+turn\s+of\s+the\s+century)(?![a-z])",
        "relative_unit",
        "relative_unit",
        ("Oil prices jumped last week after the strike.", "last week", "DATE", "2020-W01"),
    ),
    record(
        "bound_the_unit",
        BOUNDARY_KEYS,
        r"(?P<bound>(?:the\s+)?(?:end|beginning|start|middle|close)[\s-]+of|earlier\s+in"
        r"|later\s+in)[\s-]+(?:the[\s-]+)?(?P<unit>week|month|quarter|year|decade|century|day)"
        r"(?![a-z-])",
        "this_unit",
        "relative_unit",
        ("The base will close at the end of the month.", "the end of the month", "DATE",
         "2020-01"),
    ),
    record(  # "the same month a year ago", "the same week last year": one span
        "same_unit_a_year_ago",
        {"the"},
        r"the\s+same\s+(?P<unit>day|week|month|quarter|period|weekend)\s+"
        r"(?P<yearago>a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+last\s+year"
        r"|the\s+(?:previous|prior|year\s+before))(?![a-z])",
        "always",
        "same_unit_a_year_ago",
        ("Exports fell 4% from the same month a year ago.", "the same month a year ago", "DATE",
         "2019-01"),
    ),
    # --- quantities: ago / later / durations ------------------------------------------------------
    record(
        "ago",
        NUMBER_KEYS | APPROX_KEYS | {"the", "just", "only", "some"},
        rf"{APPROX_PREFIX}(?P<just>just\s+|only\s+)?{QUANTITY}(?:\s+or\s+so)?\s+"
        r"(?P<signal>ago|earlier|later|before|after|from\s+now|hence|back|previously|afterwards?)"
        r"(?![a-z])",
        "ago",
        "ago",
        ("Protesters breached the embassy gate two days ago.", "two days ago", "DATE",
         "2020-01-04"),
    ),
    record(
        "duration",
        NUMBER_KEYS | APPROX_KEYS | {"the", "just", "only", "past", "last", "next", "first",
                                     "coming", "previous", "recent", "over", "within", "another",
                                     "nearly"},
        rf"{APPROX_PREFIX}(?P<the>the\s+)?(?:(?P<ddir>past|last|next|first|coming|previous|recent"
        r"|following|final|other|year-?(?:ago|earlier))\s+)?(?:another\s+)?"
        rf"{QUANTITY}(?:\s+or\s+so)?(?P<old>[\s-]+old)?",
        "duration",
        "duration",
        ("The negotiations lasted three years.", "three years", "DURATION", "P3Y"),
    ),
    record(
        "vague_duration",
        {"for", "in", "within", "over", "after", "the", "several", "recent", "spent", "spend",
         "spends", "took", "takes", "lasted", "lasts", "waited"},
        rf"(?:for|within|over|after|in|spent|spends?|took|takes|lasted|lasts|waited)\s+"
        rf"(?P<unit>{UNIT_PLURAL})(?![a-z])"
        rf"(?:\s+or\s+{UNIT_PLURAL}|(?!\s+(?:of|ago|to|and\s+\w+\s+of)))",
        "vague_duration",
        "duration",
        ("The talks dragged on for weeks.", "weeks", "DURATION", "PXW"),
    ),
    record(  # "over the years", "throughout the decades": a vague span, "the" in it
        "the_plural_units",
        {"over", "through", "throughout", "during"},
        rf"(?:over|through|throughout|during)\s+(?P<the>the\s+)(?P<unit>{UNIT_PLURAL})"
        r"(?![a-z])(?!\s+(?:of|ago|to|before|after|since|that|when|following|leading|ahead|"
        r"between)\b)",
        "the_plural_units",
        "duration",
        ("The town has grown over the years.", "the years", "DURATION", "PXY"),
    ),
    record(  # "a decades-long feud", "a day-long meeting", "a years-old slump"
        "unit_long",
        set(UNITS_ANY),
        rf"(?P<unit>{UNIT})-(?P<long>long|old)(?![a-z-])",
        "unit_long",
        "duration",
        ("The ruling ended a decades-long feud between the families.", "decades-long",
         "DURATION", "PXY"),
    ),
    record(  # "a multi-year deal", "a multiyear contract": a span of several units
        "multi_unit",
        {"multi", "multiyear", "multiday", "multiweek", "multimonth"},
        r"multi-?(?P<unit>year|day|week|month|decade)(?![a-z-])",
        "multi_unit",
        "duration",
        ("The club signed the striker to a multi-year deal.", "multi-year", "DURATION", "PXY"),
    ),
    record(  # "finished in 2:05:33", "a 3:59.4 mile": a race time is a duration
        "race_time",
        {DIGIT},
        r"(?P<rh>\d{1,2}):(?P<rm>[0-5]\d):(?P<rs>[0-5]\d(?:\.\d+)?)(?![\d:])"
        r"|(?P<rm2>\d{1,2}):(?P<rs2>[0-5]\d\.\d+)(?![\d:])",
        "race_time",
        "race_time",
        ("Kipchoge won the marathon in 2:05:33, a course record.", "2:05:33", "DURATION",
         "PT2H5M33S"),
    ),
    record(  # "hours later", "just days after the attack", "months ago", "after weeks of talks"
        "plural_units_signal",
        {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"},
        r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)\s+"
        r"(?P<signal>ago|later|earlier|after|before|apart|of)(?![a-z])",
        "plural_units_signal",
        "ago",
        ("Police arrived hours later, witnesses said.", "hours", "DURATION", "PTXH"),
    ),
    record(  # "in the weeks before the shooting": a stretch of time told by an event
        "units_beside_event",
        {"the"},
        r"the\s+(?P<unit>hours|days|weeks|months|years|decades)"
        r"(?=\s+(?P<relation>before|after|following|leading\s+up\s+to)\b)",
        "units_beside_event",
        "units_beside_event",
        ("The car was seen in the days before the shooting.", "days", "DATE", "XXXX-XX"),
    ),
    record(
        "the_unit",
        {"the"},
        r"the\s+(?P<tu>week|weekend|year|full\s+year|(?:fiscal|financial)\s+year|whole\s+year|entire\s+year)"
        r"(?![a-z'’-])",
        "the_unit",
        "the_unit",
        ("Protests continued over the weekend in Baghdad.", "the weekend", "DATE",
         "2020-W01-WE"),
    ),
    # --- references and sets --------------------------------------------------------------------------
    record(
        "reference",
        first_words(REFERENCE_WORDS) | {"in"},
        rf"(?P<ref>{alternation(REFERENCE_WORDS)})(?![a-z-])",
        "reference",
        "reference",
        ("Tensions in the region have risen recently, diplomats said.", "recently", "DATE",
         "PAST_REF"),
    ),
    record(
        "set_word",
        set(SET_WORDS) | {"every", "each", "per", "a"},
        rf"(?P<setword>{alternation(SET_WORDS)})(?![a-z])"
        rf"|(?P<every>every|each|per)\s+(?:(?P<everyn>other|{NUMBER})\s+)?"
        rf"(?P<everyunit>{UNIT}|{WEEKDAY}|{SEASON}|{MONTH}|seasons?|morning|afternoon|evening"
        r"|night)(?![a-z])(?:\s+(?P<everypod>morning|afternoon|evening|night)(?![a-z]))?",
        "set_word",
        "set",
        ("The council meets every Monday in Baghdad.", "every Monday", "SET", "XXXX-WXX-1"),
    ),
    record(  # "closed on Sundays", "Tuesday nights", "Saturday mornings": a weekday that recurs
        "weekdays",
        {w + "s" for w in WEEKDAY_KEYS} | WEEKDAY_KEYS,
        rf"(?P<everyunit>{alternation(WEEKDAYS)})(?:s(?![a-z])(?:\s+(?P<everypod>morning|afternoon"
        r"|evening|night)s?(?![a-z]))?|\s+(?P<podplural>mornings|afternoons|evenings|nights)"
        r"(?![a-z]))",
        "weekdays",
        "set",
        ("The market is closed on Sundays.", "Sundays", "SET", "XXXX-WXX-7"),
    ),
    # --- times of day ----------------------------------------------------------------------------------
    record(
        "clock",
        {DIGIT, "noon", "midnight", "midday", "around", "about", "at", "shortly", "just"}
        | WEEKDAY_KEYS,
        rf"{APPROX_PREFIX}(?:(?P<cweekday>{WEEKDAY})\s+(?:at\s+)?)?"
        rf"(?P<clock>{CLOCK}|noon|midnight|midday)(?![\w])"
        rf"(?:\s*(?P<zparen>\()?(?P<zone>{ZONE})(?(zparen)\)))?(?:,?\s+(?:on\s+)?"
        rf"(?:(?P<cday>{WEEKDAY}|today|yesterday|tomorrow|tonight)(?![a-z])"
        r"(?:\s+(?P<cpod>morning|afternoon|evening|night)(?![a-z]))?"
        rf"|(?P<cmonth>{MONTH})\s*(?P<cdaynum>{DAY})|(?P<choliday>{alternation(HOLIDAYS)})(?![a-z])))?",
        "clock",
        "clock",
        ("Polling stations close at 8 p.m.", "8 p.m.", "TIME", "2020-01-06T20:00"),
    ),
    # --- holidays, anaphora, ordinal day ------------------------------------------------------------
    record(
        "holiday",
        first_words(HOLIDAYS) | DIRECTION_KEYS,
        rf"(?:{DIRECTION}\s+)?(?P<holiday>{alternation(HOLIDAYS)})(?![a-z])"
        r"(?:\s+(?P<hweek>week)(?![a-z]))?"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        "holiday",
        "holiday",
        ("The embassy was closed on Christmas Day.", "Christmas Day", "DATE", "2019-12-25"),
    ),
    record(
        "anaphoric",
        {"the", "that", "earlier", "later"},
        r"(?:(?P<bound>earlier|later)\s+)?"
        r"(?:(?P<det>the\s+(?:next|following|previous|preceding|prior|same)|that(?:\s+same)?"
        r"|the\s+same)\s+"
        r"(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|decade)"
        r"|the\s+(?P<unit2>day|week|month|year|night)\s+(?P<ba>before|after|previous|prior"
        r"|earlier|later|following)"
        r"(?!\s+[a-z]+\s+[a-z]))(?![a-z-])",
        "anaphoric",
        "anaphoric",
        ("Rockets hit the base on Dec. 29. The next day, the embassy was stormed.",
         "The next day", "DATE", "2019-12-30"),
    ),
    record(
        "ordinal_day",
        {"the"},
        r"the\s+(?P<oday>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![a-z\d])",
        "ordinal_day",
        "ordinal_day",
        ("Shares of the company closed lower on the 29th, traders said.", "the 29th", "DATE",
         "2019-12-29"),
    ),
]  # fmt: skip
