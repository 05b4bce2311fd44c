"""`Said`: what a recognized mention says, part by part — the typed interface between the
recognizer and the resolver. Each field is the words one named part of a rule matched (None when
the part is absent: "Dec. 29" has no `year`), or a fact its guard adds (`vague`, `within`)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Said:
    """The parts of a mention, as written ("Dec.", "29", "2019"), None where absent."""

    # calendar parts: "Sunday, Dec. 29, 2019", "the 29th", "2004-05", "'82", "nineteen ninety-six"
    weekday: str | None = None
    month: str | None = None
    day: str | None = None
    oday: str | None = None  # "the 29th": a day of the month alone
    year: str | None = None
    syear: str | None = None  # a year in words
    yy: str | None = None  # two digits: "'82", "Q3 '19"
    yend: str | None = None  # the end of a year range: "05" in "2004-05"
    decade: str | None = None
    decadeword: str | None = None  # "the twenties"
    century: str | None = None
    season: str | None = None
    holiday: str | None = None
    isotime: str | None = None  # "14:30" in "2021-01-06T14:30Z"
    nth: str | None = None  # "last" in "the last week of March"
    # quarters and halves: "the fiscal third quarter of 2019", "Q3", "the year-ago period"
    ord: str | None = None
    ordq: str | None = None
    ordh: str | None = None
    qletter: str | None = None
    qh: str | None = None  # quarter | half | period
    sep: str | None = None  # what joins ordinal and unit: "-" in "third-quarter"
    the: str | None = None
    pyear: str | None = None  # a year before the period: "the 1988 period"
    pydir: str | None = None  # "this|last|next year's"
    yago: str | None = None  # "year-ago" before a period
    ydir: str | None = None  # "this|last|next" before "year"
    det: str | None = None  # "the latest", "that", "the same" ...
    lastyear: str | None = None  # "a year ago", "last year" after a period
    lastyears: str | None = None  # "last year's" before a period
    yearago: str | None = None  # "a year ago" after "the same month"
    endmonth: str | None = None  # "the quarter ended July 31"
    endday: str | None = None
    fiscal: str | None = None
    prepost: str | None = None  # "post-" / "pre-" before a year
    # direction and boundaries: "last", "this past", "early", "the end of", "mid-"
    dir: str | None = None
    thedir: str | None = None  # "the past", "the coming"
    ddir: str | None = None  # before a quantity: "the past three years"
    podir: str | None = None  # before a part of day: "this morning"
    bound: str | None = None
    bound2: str | None = None
    beside: str | None = None  # "the day before|after last Tuesday"
    ba: str | None = None  # "the day before", "the year previous"
    yearend: str | None = None  # "year-end", "the turn of the century"
    relday: str | None = None  # "today", "yesterday", "the day after tomorrow"
    pod: str | None = None  # part of day: "morning"
    pod2: str | None = None
    overnight: str | None = None
    # quantities: "about two and a half years ago", "the past five months"
    approx: str | None = None
    just: str | None = None
    num: str | None = None
    unit: str | None = None
    unit2: str | None = None
    tu: str | None = None  # "the year", "the full year"
    half: str | None = None  # "and a half"
    signal: str | None = None  # ago | earlier | later | before | after | from now ...
    old: str | None = None  # "-old" (an age: no duration)
    long: str | None = None  # "-long" / "-old" after a unit: "decades-long"
    relation: str | None = None  # "the weeks before|after|leading up to ..."
    # references and sets: "recently", "daily", "every other week", "each Friday night"
    ref: str | None = None
    setword: str | None = None
    every: str | None = None
    everyn: str | None = None
    everyunit: str | None = None
    everypod: str | None = None
    # clock and race times: "10:35 a.m. (0735 GMT) Friday", "2:05:33"
    clock: str | None = None
    zone: str | None = None
    zparen: str | None = None
    cweekday: str | None = None
    cday: str | None = None
    cmonth: str | None = None
    cdaynum: str | None = None
    choliday: str | None = None
    cpod: str | None = None
    that: str | None = None
    named: str | None = None
    rh: str | None = None
    rm: str | None = None
    rs: str | None = None
    rm2: str | None = None
    rs2: str | None = None
    # facts a guard adds
    within: str | None = None  # "week": the week holding the day ("the week of March 6")
    vague: bool = False  # a span with no number: "for weeks"
    event_relative: str | None = None  # "before" / "after" an event: "two days before the vote"
    ending: bool = False  # "the year ended ...": a twelve-month period named by its end
    compared: bool = False  # "from a year ago": a comparison with the period reported on


PARTS = frozenset(f.name for f in fields(Said))


def said_of(parts: dict) -> Said:
    """The `Said` of the parts a rule matched: equal to `Said(**parts)`, built without the frozen
    dataclass's hundred `object.__setattr__` calls (it runs for every mention): the parts given
    go in the instance, the rest are the class's defaults."""
    unknown = parts.keys() - PARTS
    if unknown:
        raise TypeError(f"Said has no part {', '.join(sorted(unknown))}")
    said = object.__new__(Said)
    said.__dict__.update(parts)
    return said


def stated(said: Said, parts: tuple[str, ...]) -> bool:
    """True when any of `parts` was written in the mention."""
    return any(getattr(said, part) for part in parts)
