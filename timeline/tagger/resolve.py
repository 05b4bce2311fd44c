"""Resolve a recognized mention against its anchors into a TIMEX3 type, value and interval.

Small pure functions: calendar arithmetic (`shift`, `interval_of`), one resolver per mention kind
(`resolve_weekday`, `resolve_month`, ...), all reading the lexicon. A resolver returns a
`Resolution` with a one-line explanation of where the value came from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

from .calendar import (
    GRANULARITY_ORDER,
    add_months,
    coarser,
    dates_in_years,
    interval_at,
    shift,
    value_of,
)
from .lexicon import (
    AGO_WORDS,
    ANAPHORIC_DIRECTIONS,
    CALENDAR_HOLIDAYS,
    CLOCK_WORDS,
    DECADE_WORDS,
    EARLIER_WORDS,
    FIXED_HOLIDAYS,
    FROM_NOW_WORDS,
    MONTHS,
    NAMED_DAYS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    RELATIVE_DAYS,
    RELATIVE_HOLIDAYS,
    SEASON_START_MONTH,
    SEASONS,
    SET_WORDS,
    UNDATED_STRETCHES,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from .recognize import Mention
from .said import Said
from .tense import Tense
from .words import (
    approx_mod,
    boundary_mod,
    day_number,
    direction_of,
    duration_value,
    month_number,
    parse_number,
    unit_name,
    year_of,
)


@dataclass(frozen=True)
class Ref:
    """A resolved point of reference: a calendar value, its granularity and its first day."""

    value: str
    granularity: str
    day: date


@dataclass(frozen=True)
class Resolution:
    type: str
    value: str
    granularity: str
    mod: str = ""
    anchor: str = "none"  # dateline | expression | none
    anchor_value: str = ""
    explanation: str = ""
    confidence: float = 0.9
    ref: Ref | None = None  # the reference this mention establishes for later anaphora
    period: Ref | None = None  # the reporting period it puts under discussion ("the nine months")


@dataclass(frozen=True)
class Context:
    """What a mention is resolved against: the dateline and the latest resolved reference."""

    dct: date | None
    last: Ref | None = None
    last_quarter: Ref | None = None


# --- calendar arithmetic ----------------------------------------------------------------------------


def ref_of(day: date, granularity: str) -> Ref:
    return Ref(value_of(day, granularity), granularity, day)


# --- lexical parsing ----------------------------------------------------------------------------------


# --- choosing a year for an underspecified date -------------------------------------------------------


def nearest_by_tense(candidates: list[date], anchor: date, tense: Tense) -> date:
    """Among candidate dates, the latest on/before `anchor` (past), the earliest on/after (future)."""
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c >= anchor]
    if tense.future and after:
        return min(after)
    if not tense.future and before:
        return max(before)
    return min(candidates, key=lambda c: abs((c - anchor).days))


def nearest(
    candidates: list[date],
    anchor: date,
    tense: Tense,
    reach_days: int = 213,
    trust_near: bool = False,
) -> date:
    """The occurrence the tense points to (on/before for past, on/after for future) when it lies
    within `reach_days` (about seven months) of `anchor` or a past verb beside it rules out one
    months ahead; otherwise the closest one."""
    by_tense = nearest_by_tense(candidates, anchor, tense)
    if tense.sure or (trust_near and tense.near) or abs((by_tense - anchor).days) <= reach_days:
        return by_tense
    lean = 1 if tense.future else -1
    closest = min(candidates, key=lambda c: (abs((c - anchor).days), lean * (anchor - c).days))
    governed = tense.near or tense.cue == "past_verb"  # a verb, not the past by default
    if tense.past and governed and not tense.deferred and closest - anchor > FAR_AHEAD:
        # "voted on March 8" in a January story: a past verb governing the date wins over an
        # occurrence months ahead (days or weeks ahead are often schedules told in the past
        # tense: "said the meeting, Nov. 6, ..."; "agreed to buy it in February" may look ahead)
        return by_tense
    return closest


FAR_AHEAD = timedelta(days=60)
RESULTS_SEASON_DAYS = 45  # days after a period ends in which its results are reported
QUARTER_END_DAYS = 14  # days before a quarter ends in which "the quarter" is that one


def _describe(day: date) -> str:
    return f"{day:%A} {day.isoformat()}"


# --- resolvers, one per mention kind -------------------------------------------------------------------
def resolve_date(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """Explicit day dates; without a year, the occurrence nearest the dateline by tense."""
    f = m.fields
    month = month_number(f.month)
    day = day_number(f.day)
    if day > 31:
        return None
    mod = boundary_mod(f) or approx_mod(f)
    year_given = f.year
    if year_given is None and f.ydir and ctx.dct is not None:  # "24 June next year"
        year_given = str(ctx.dct.year + (direction_of(f.ydir) or 0))
    if year_given is not None:
        year = int(year_given)
        if year < 100:
            year += 1900 if year > 40 else 2000
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if f.isotime:  # "2021-01-06T14:30Z"
            value = f"{d.isoformat()}T{f.isotime}"
            return Resolution(
                "TIME", value, "time", explanation=f"{m.text} → {value}: explicit date and time",
                confidence=0.98, ref=ref_of(d, "day"),
            )  # fmt: skip
        return Resolution(
            "DATE",
            d.isoformat(),
            "day",
            mod,
            explanation=f"{m.text} → {d.isoformat()}: explicit date",
            confidence=0.98,
            ref=ref_of(d, "day"),
        )
    anchor = ctx.dct or (ctx.last.day if ctx.last else None)
    if anchor is None:
        return Resolution(
            "DATE",
            f"XXXX-{month:02d}-{day:02d}",
            "day",
            mod,
            explanation=f"{m.text}: no year and no dateline",
            confidence=0.3,
        )
    candidates = dates_in_years(month, day, (anchor.year - 1, anchor.year, anchor.year + 1))
    if not candidates:
        return None
    # "will be held on Nov. 3": a future verb beside a day date is trusted at any distance
    d = nearest(candidates, anchor, tense, trust_near=tense.future)
    source = "dateline" if ctx.dct else "expression"
    where = f"{anchor.isoformat()} dateline" if ctx.dct else f"story's {ctx.last.value}"
    return Resolution(
        "DATE",
        d.isoformat(),
        "day",
        mod,
        source,
        anchor.isoformat(),
        f"{m.text} → {d.isoformat()}: the {m.text.strip()} nearest the {where}, {tense.phrase}",
        0.85,
        ref_of(d, "day"),
    )


def resolve_month(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """A month name: with "last/next/this", or by tense relative to the dateline."""
    f = m.fields
    month = month_number(f.month)
    mod = boundary_mod(f)
    year = year_of(f)
    if year is None and f.ydir and ctx.dct:
        year = ctx.dct.year + direction_of(f.ydir)
    if year is not None:
        d = date(year, month, 1)
        return Resolution(
            "DATE",
            value_of(d, "month"),
            "month",
            mod,
            explanation=f"{m.text} → {value_of(d, 'month')}: explicit month",
            confidence=0.97,
            ref=ref_of(d, "month"),
        )
    anchor = ctx.dct
    if anchor is None:
        return Resolution(
            "DATE",
            f"XXXX-{month:02d}",
            "month",
            mod,
            explanation=f"{m.text}: no dateline",
            confidence=0.3,
        )
    direction = direction_of(f.dir)
    source, where = "dateline", f"{anchor.isoformat()} dateline"
    word = (f.dir or "").lower()
    told = word == "following" or (word in ("next", "previous") and m.text[:4].lower() == "the ")
    if told and ctx.last is not None:  # "released the following April": after the story's date
        anchor, source, where = ctx.last.day, "expression", f"story's {ctx.last.value}"
    this = date(anchor.year, month, 1)
    first_of_anchor = anchor.replace(day=1)
    if told and ctx.last is not None and ctx.last.granularity in ("year", "decade", "century"):
        # "hired in 2015 and fired the next March": the March of the year after
        d, why = date(anchor.year + (direction or 0), month, 1), "the year's next"
    elif direction == 0:
        d, why = this, "this year's"
    elif direction == -1:
        d = this if this < first_of_anchor else date(anchor.year - 1, month, 1)
        why = "the last"
    elif direction == 1:
        d = this if this > first_of_anchor else date(anchor.year + 1, month, 1)
        why = "the next"
    else:
        cands = [date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
        d = nearest(cands, first_of_anchor, tense, trust_near=True)
        why = f"by {tense.phrase}, the nearest"
    value = value_of(d, "month")
    return Resolution(
        "DATE",
        value,
        "month",
        mod,
        source,
        anchor.isoformat(),
        f"{m.text} → {value}: {why} {calendar.month_name[month]} relative to the {where}",
        0.8 if direction is None else 0.9,
        ref_of(d, "month"),
    )


def resolve_year(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "2015", "fiscal 2020", "nineteen ninety-six", "'82" (its century from the dateline)."""
    f = m.fields
    year = year_of(f)
    if year is None and f.yy:
        year = short_year(int(f.yy), ctx.dct)
    if year is None:
        return None
    mod = boundary_mod(f)
    if f.prepost:
        mod = "AFTER" if f.prepost.lower().startswith("post") else "BEFORE"
    d = date(year, 1, 1)
    what = (
        "fiscal year"
        if (f.fiscal or "").lower().startswith(("fiscal", "financial", "fy"))
        else "year"
    )
    return Resolution(
        "DATE",
        f"{year:04d}",
        "year",
        mod,
        explanation=f"{m.text} → {year}: explicit {what}",
        confidence=0.95,
        ref=ref_of(d, "year"),
    )


def short_year(yy: int, dct: date | None) -> int:
    """The year "'82" means: in the dateline's century unless that is more than ten years ahead
    of it ("'25" in 2020 is 2025, "'82" is 1982); the 1900s without a dateline."""
    if dct is None:
        return 1900 + yy
    century = dct.year // 100 * 100
    return century + yy if century + yy <= dct.year + 10 else century - 100 + yy


def resolve_decade(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    mod = boundary_mod(f) or _inner_bound(m.text)
    if f.decadeword is not None:
        digit = DECADE_WORDS[f.decadeword.lower()]
        century = 19
    else:
        raw = f.decade.lstrip("'’")
        if len(raw) == 4 and raw.endswith("00") and raw < "2000":  # "the 1800s": a century
            value = raw[:2]
            return Resolution(
                "DATE",
                value,
                "century",
                mod,
                explanation=f"{m.text} → {value}: the years {raw[:2]}00-{raw[:2]}99",
                confidence=0.85,
                ref=ref_of(date(int(raw), 1, 1), "century"),
            )
        if len(raw) == 4:
            century, digit = int(raw[:2]), int(raw[2])
        else:
            digit = int(raw[0])
            ref_year = ctx.dct.year if ctx.dct else 1999
            century = ref_year // 100 if digit * 10 <= ref_year % 100 else ref_year // 100 - 1
    value = f"{century}{digit}"
    return Resolution(
        "DATE",
        value,
        "decade",
        mod,
        explanation=f"{m.text} → {value}: the decade {century}{digit}0-{century}{digit}9",
        confidence=0.9,
        ref=ref_of(date(int(value) * 10, 1, 1), "decade"),
    )


def _inner_bound(text: str) -> str:
    return (
        boundary_mod(Said(bound=m.group(0)))
        if (m := re.search(r"\b(?:early|late|mid)", text, re.I))
        else ""
    )


def resolve_century(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    word = m.fields.century.lower()
    n = ORDINALS.get(word) or (int(re.match(r"\d+", word).group()) if word[0].isdigit() else None)
    if not n or n < 1:
        return None
    value = f"{n - 1:02d}"
    return Resolution(
        "DATE",
        value,
        "century",
        boundary_mod(m.fields),
        explanation=f"{m.text} → {value}: the years {n - 1}00-{n - 1}99",
        confidence=0.9,
    )


def resolve_quarter(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the third quarter", "Q3", "the first half of 2019": year from the text or the dateline."""
    f = m.fields
    half = (f.qh or "quarter").lower() == "half"
    raw = f.ord.lower()
    n = ORDINALS.get(raw) if raw in ORDINALS else int(raw[0])
    if n == -1:
        n = 2 if half else 4
    if n is None or n < 1 or n > (2 if half else 4):
        return None
    unit = "half" if half else "quarter"
    size = 6 if half else 3
    year = None
    if f.year:
        year = int(f.year)
    elif f.yy:
        year = 2000 + int(f.yy) if int(f.yy) < 50 else 1900 + int(f.yy)
    elif f.pyear:
        year = int(f.pyear)
    elif (f.ydir or f.pydir) and ctx.dct and (f.ydir or f.pydir).lower() != "the":
        # "of the year" names no year: the tense places it, as for "the first quarter"
        word = (f.ydir or f.pydir).lower()
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[word]
    anchor = "none"
    if year is None:
        if ctx.dct is None:
            return Resolution(
                "DATE",
                f"XXXX-{'H' if half else 'Q'}{n}",
                unit,
                boundary_mod(f),
                explanation=f"{m.text}: no dateline",
                confidence=0.3,
            )
        current = (ctx.dct.month - 1) // size + 1
        year = ctx.dct.year
        just_ended = (
            current == 1
            and n == 12 // size
            and (ctx.dct - date(ctx.dct.year, 1, 1)).days <= RESULTS_SEASON_DAYS
            and ctx.last_quarter is None  # a story on the third quarter looks ahead to the fourth
        )
        if n > current and (not tense.future or just_ended):
            # "will report fourth-quarter results" in January: the quarter just ended, whose
            # results come in the weeks after it
            year -= 1
        elif n == current and tense.past and _elapsed_share(ctx.dct, size) < 0.25:
            year -= 1  # "sales rose in the first half", a week into the year: last year's
        anchor = "dateline"
    if f.yago:
        year -= 1
    d = date(year, (n - 1) * size + 1, 1)
    value = value_of(d, unit)
    why = (
        "explicit"
        if anchor == "none"
        else f"the {unit} nearest the {ctx.dct} dateline, {tense.phrase}"
    )
    return Resolution(
        "DATE",
        value,
        unit,
        boundary_mod(f),
        anchor,
        ctx.dct.isoformat() if anchor == "dateline" else "",
        f"{m.text} → {value}: {why}",
        0.9,
        ref_of(d, unit),
    )


def _elapsed_share(day: date, months: int) -> float:
    """How much of the `months`-long period (quarter, half) holding `day` has gone by, 0..1."""
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end = add_months(start, months)
    return (day - start).days / (end - start).days


def period_ended(fields: Said, dct: date, unit: str) -> Ref | None:
    """The calendar quarter or half holding the middle of the period ended on the day named
    after it: "the quarter ended July 31" (May to July) is the second quarter."""
    if not fields.endmonth:
        return None
    month, day = month_number(fields.endmonth), day_number(fields.endday)
    past = [d for d in dates_in_years(month, day, (dct.year - 1, dct.year)) if d <= dct]
    if not past:
        return None
    months = 3 if unit == "quarter" else 6
    middle = add_months(max(past), -months // 2)
    return ref_of(interval_at(middle, unit)[0].date(), unit)  # its first day: over by then?


def resolve_this_quarter(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the quarter", "the latest quarter", "last quarter", "the year-ago period"."""
    det = re.sub(r"\s+", " ", m.fields.det.lower())
    unit = "half" if m.fields.qh.lower() == "half" else "quarter"
    if ctx.dct is None:
        return None
    current = ref_of(ctx.dct, unit)
    previous = ref_of(shift(ctx.dct, -1, unit), unit)
    if m.fields.pyear:
        base = ctx.last_quarter or previous
        day = base.day.replace(year=int(m.fields.pyear))
        why = f"the {base.granularity} under discussion, in {m.fields.pyear}"
        return period_moved(m, base, day, why, 0.75)
    if "year" in det:
        return a_year_before(m, ctx.last_quarter or previous, 0.8)
    ended = period_ended(m.fields, ctx.dct, unit)
    if ended is not None and det == "the":
        end = f"{m.fields.endmonth} {m.fields.endday}"
        target, why = ended, f"the calendar {unit} holding most of the {unit} ended {end}"
    elif det == "this" and ctx.last_quarter and ctx.last_quarter.granularity == unit:
        target, why = ctx.last_quarter, f"the {unit} being reported"
    elif det in ("this", "the current"):
        target, why = current, f"the dateline's {unit}"
    elif det in ("the previous", "the prior", "the preceding") and _reported(ctx, unit):
        # "revenue rose from the previous quarter" in a fourth-quarter story: the third
        target = ref_of(shift(ctx.last_quarter.day, -1, unit), unit)
        why = f"the {unit} before the one being reported, {ctx.last_quarter.value}"
    elif det in ("last", "the previous", "the prior", "the preceding"):
        target, why = previous, f"the {unit} before the dateline's"
    elif det == "next":
        target, why = ref_of(shift(ctx.dct, 1, unit), unit), f"the {unit} after the dateline's"
    else:  # the / the latest / that / the same: the quarter under discussion, else the last full one
        if ctx.last_quarter and ctx.last_quarter.granularity == unit:
            target, why = ctx.last_quarter, f"the {unit} last mentioned"
        elif _days_to_end(ctx.dct, unit) <= QUARTER_END_DAYS:
            target, why = current, f"the {unit} ending in days, the dateline's"
        else:
            target, why = previous, f"the last full {unit} before the dateline"
    return Resolution(
        "DATE",
        target.value,
        unit,
        boundary_mod(m.fields),
        anchor="dateline",
        anchor_value=ctx.dct.isoformat(),
        explanation=f"{m.text} → {target.value}: {why}",
        confidence=0.75,
        ref=target,
    )


def _days_to_end(day: date, unit: str) -> int:
    """Days from `day` to the end of its quarter or half (ValueError where the calendar ends
    first, as calendar arithmetic raises there, for `placed` to catch)."""
    end = interval_at(day, unit)[1]
    if end is None:
        raise ValueError(f"the calendar ends before the {unit} holding {day}")
    return (end.date() - day).days


def _reported(ctx: Context, unit: str) -> bool:
    """True when the story reports on a period of `unit` ("third-quarter profit")."""
    return ctx.last_quarter is not None and ctx.last_quarter.granularity == unit


def a_year_before(m: Mention, base: Ref, confidence: float) -> Resolution:
    """The period under discussion one year earlier: "the year-ago quarter", "year-earlier"."""
    day = shift(base.day, -1, "year")
    return period_moved(m, base, day, f"a year before {base.value}", confidence)


def period_moved(m: Mention, base: Ref, day: date, why: str, confidence: float) -> Resolution:
    """The period under discussion (`base`'s quarter, half or year) moved to the one holding `day`."""
    value = value_of(day, base.granularity)
    return Resolution(
        "DATE",
        value,
        base.granularity,
        anchor="expression",
        anchor_value=base.value,
        explanation=f"{m.text} → {value}: {why}",
        confidence=confidence,
    )


def resolve_same_unit_a_year_ago(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the same month a year ago": the story's month (else the dateline's) a year before;
    "the same period last year": the period the story reports on, a year before."""
    unit = m.fields.unit.lower()
    if ctx.dct is None:
        return None
    if unit in ("period", "quarter"):
        reported = ctx.last_quarter
        if unit == "quarter" and (reported is None or reported.granularity != "quarter"):
            reported = None
        return a_year_before(m, reported or ref_of(shift(ctx.dct, -1, "quarter"), "quarter"), 0.8)
    gran = "week" if unit == "weekend" else unit
    base = ctx.last if ctx.last and ctx.last.granularity == gran else ref_of(ctx.dct, gran)
    if gran == "week":  # the week with the same number: 52 weeks back
        why = f"52 weeks before {base.value}"
        return period_moved(m, base, base.day - timedelta(weeks=52), why, 0.8)
    return a_year_before(m, base, 0.8)


def resolve_race_time(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "2:05:33" (a marathon) → PT2H5M33S, "3:59.4" (a mile) → PT3M59.4S."""
    f = m.fields
    hours, minutes = int(f.rh or 0), int(f.rm or f.rm2)
    seconds = f.rs or f.rs2
    parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    value = f"PT{parts}{float(seconds):g}S"
    return Resolution(
        "DURATION", value, "duration", explanation=f"{m.text} → {value}: a race time",
        confidence=0.9,
    )  # fmt: skip


def resolve_year_earlier(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    if ctx.dct is None:
        return None
    return a_year_before(m, ctx.last_quarter or ref_of(ctx.dct, "year"), 0.7)


def resolve_season(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    code = SEASONS[f.season.lower()]
    mod = boundary_mod(f)
    if year_of(f):
        year, anchor = year_of(f), "none"
    elif f.that and ctx.last is not None:  # "in July 2019 ... that autumn"
        year, anchor = ctx.last.day.year, "expression"
    elif f.yy and ctx.dct is not None:  # "the summer of '69"
        year, anchor = short_year(int(f.yy), ctx.dct), "dateline"
    elif f.ydir and ctx.dct is not None:  # "the spring of last year"
        year, anchor = ctx.dct.year + (direction_of(f.ydir) or 0), "dateline"
    elif ctx.dct is None:
        return Resolution(
            "DATE",
            f"XXXX-{code}",
            "season",
            mod,
            confidence=0.3,
            explanation=f"{m.text}: no dateline",
        )
    else:
        anchor = "dateline"
        direction = direction_of(f.dir)
        start_month = SEASON_START_MONTH[code]
        this = date(ctx.dct.year, start_month, 1)
        if direction == -1:
            year = (
                ctx.dct.year if add_months(this, 3) <= ctx.dct.replace(day=1) else ctx.dct.year - 1
            )
        elif direction == 1:
            year = ctx.dct.year if this > ctx.dct else ctx.dct.year + 1
        elif direction == 0:
            year = ctx.dct.year
        else:
            cands = [date(ctx.dct.year + k, start_month, 1) for k in (-1, 0, 1)]
            year = nearest_by_tense(cands, ctx.dct, tense).year
            under_way = [c for c in cands if c <= ctx.dct < add_months(c, 3)]
            if tense.future and under_way:  # "will spend the summer at Balmoral", in July
                year = under_way[0].year
    value = f"{year:04d}-{code}"
    return Resolution(
        "DATE",
        value,
        "season",
        mod,
        anchor,
        ctx.dct.isoformat() if anchor == "dateline" else "",
        f"{m.text} → {value}: {'explicit' if anchor == 'none' else 'relative to the dateline'}",
        0.85,
        ref_of(date(year, SEASON_START_MONTH[code], 1), "month"),
    )


def _pod(fields: Said) -> str:
    word = (fields.pod or fields.pod2 or "").lower()
    if word == "day":
        return "DT"
    return PARTS_OF_DAY.get(word, "")


def on_day(
    m: Mention, day: date, pod: str, mod: str, dct: date, why: str, confidence: float
) -> Resolution:
    """A day resolved against the dateline: a DATE, or a TIME when a part of day is given."""
    value = day.isoformat() + (f"T{pod}" if pod else "")
    return Resolution(
        "TIME" if pod else "DATE",
        value,
        "time" if pod else "day",
        mod,
        "dateline",
        dct.isoformat(),
        f"{m.text} → {value}: {why}",
        confidence,
        ref_of(day, "day"),
    )


def resolve_relative_day(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    word = re.sub(r"\s+", " ", f.relday.lower())
    offset = RELATIVE_DAYS[word]
    pod = "NI" if word == "tonight" else _pod(f)
    mod = boundary_mod(f)
    if ctx.dct is None:
        return Resolution(
            "TIME" if pod else "DATE",
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
            "day",
            mod,
            explanation=f"{m.text}: no dateline",
            confidence=0.3,
        )
    d = ctx.dct + timedelta(days=offset)
    why = f"{offset:+d} day(s) from the {_describe(ctx.dct)} dateline"
    return on_day(m, d, pod, mod, ctx.dct, why, 0.95)


def resolve_part_of_day(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    pod = _pod(f)
    if not pod:
        return None
    direction = (f.podir or "this").lower()
    mod = boundary_mod(Said(bound=f.bound or f.bound2))
    if direction == "that" and ctx.last and ctx.last.granularity == "day":
        base, anchor = ctx.last.day, "expression"
    elif ctx.dct is None:
        return Resolution(
            "TIME",
            f"XXXX-XX-XXT{pod}",
            "time",
            mod,
            confidence=0.3,
            explanation=f"{m.text}: no dateline",
        )
    else:
        base, anchor = ctx.dct, "dateline"
        if direction == "last":
            base = ctx.dct - timedelta(days=1)
    value = f"{base.isoformat()}T{pod}"
    return Resolution(
        "TIME",
        value,
        "time",
        mod,
        anchor,
        base.isoformat(),
        f"{m.text} → {value}: part of the day {base.isoformat()}",
        0.85,
        ref_of(base, "day"),
    )


def weekday_date(anchor: date, weekday: int, direction: int | None, tense: Tense) -> date:
    """The date of `weekday` (1=Mon) near `anchor`: last/next/this, or by tense (on/before, on/after)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == -1:
        return anchor - timedelta(days=back or 7)
    if direction == 1:
        return anchor + timedelta(days=ahead or 7)
    if direction == 0:
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if tense.cue == "default" and ahead < back:
        # no verb says: the nearer one ("Ukraine votes Sunday" on a Saturday is tomorrow, on a
        # Monday yesterday)
        return anchor + timedelta(days=ahead)
    if tense.future:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


_ANAPHORIC_WEEKDAY_DIRECTIONS = frozenset({"previous", "preceding", "prior", "following"})


def resolve_weekday(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "Friday" in a past-tense clause is the latest Friday on/before the dateline; future, the next."""
    f = m.fields
    weekday = WEEKDAYS[f.weekday.lower().rstrip(".")]
    direction = direction_of(f.dir)
    pod = _pod(f)
    mod = boundary_mod(f)
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
        return Resolution(
            "TIME" if pod else "DATE",
            value,
            "day",
            mod,
            confidence=0.3,
            explanation=f"{m.text}: no dateline",
        )
    word = (f.dir or "").lower()
    if word in _ANAPHORIC_WEEKDAY_DIRECTIONS and ctx.last and ctx.last.granularity == "day":
        # "the previous Friday" after "Friday's close": the Friday before the story's day
        d = weekday_date(ctx.last.day, weekday, direction, tense)
        side = "after" if direction > 0 else "before"
        why = f"the {word} {f.weekday.title()}, {side} {ctx.last.value}"
        return replace(
            on_day(m, d, pod, mod, ctx.dct, why, 0.8),
            anchor="expression",
            anchor_value=ctx.last.value,
        )
    told = ctx.last is not None and ctx.last.granularity == "day" and ctx.last.day < ctx.dct
    if direction is None and tense.from_past and told and (ctx.dct - ctx.last.day).days < 7:
        # "said on Saturday that he would appear in court on Monday": the Monday after Saturday
        d = weekday_date(ctx.last.day, weekday, None, tense)
        why = f"the {f.weekday.title()} after {ctx.last.value}, the future seen from it"
        return replace(
            on_day(m, d, pod, mod, ctx.dct, why, 0.75),
            anchor="expression",
            anchor_value=ctx.last.value,
        )
    d = weekday_date(ctx.dct, weekday, direction, tense)
    if direction is None and d == ctx.dct:
        why = f"the {_describe(ctx.dct)} dateline itself, {tense.phrase}"
    elif direction is None:
        side = "before" if d < ctx.dct else "after"
        why = f"the {f.weekday.title()} {side} the {_describe(ctx.dct)} dateline, {tense.phrase}"
    else:
        why = f"{f.dir.lower()} {f.weekday.title()} from the {_describe(ctx.dct)} dateline"
    return on_day(m, d, pod, mod, ctx.dct, why, 0.9 if direction is not None else 0.85)


def resolve_relative_unit(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "last week", "this year", "early next month", "the end of the year", "year-end"."""
    f = m.fields
    mod = boundary_mod(f)
    if f.yearend:
        unit, offset, mod = "year", 0, "END"
        if "century" in f.yearend.lower():
            unit = "century"
    else:
        unit = re.sub(r"\s+", " ", f.unit.lower())
        word = (f.dir or f.thedir or "").lower()
        offset = direction_of(word) or 0
        if unit.endswith("year"):
            unit = "year"
        if unit == "day":
            return None
        the = m.text.lower().startswith("the ")
        if the and _told_from_the_story(word, unit, ctx, tense):
            return resolve_anaphoric(m, ctx, tense)
    if ctx.dct is None:
        return Resolution(
            "DATE", "XXXX", unit, mod, confidence=0.3, explanation=f"{m.text}: no dateline"
        )
    d = shift(ctx.dct, offset, unit)
    value = value_of(d, unit)
    word = {-1: "the previous", 0: "the current", 1: "the next"}[max(-1, min(1, offset))]
    return Resolution(
        "DATE",
        value,
        unit,
        mod,
        "dateline",
        ctx.dct.isoformat(),
        f"{m.text} → {value}: {word} {unit} from the {ctx.dct.isoformat()} dateline",
        0.9,
        ref_of(d, "week" if unit == "weekend" else unit),
    )


def _told_from_the_story(word: str, unit: str, ctx: Context, tense: Tense) -> bool:
    """True for "the following year" after any date, and "the next / previous month" in a past
    clause after a date in another period than the dateline's ("lost money in 2018 but returned
    to profit the next year"): counted from that date, as TimeML's anaphoric values are."""
    if word not in ("next", "following", "previous") or ctx.last is None or ctx.dct is None:
        return False
    if word == "following":
        return True
    if unit not in GRANULARITY_ORDER or not tense.past or tense.cue == "default":
        return False
    return value_of(ctx.last.day, unit) != value_of(ctx.dct, unit)


def _granularity_of_unit(unit: str) -> str:
    return {"night": "day", "fortnight": "week", "weekend": "week"}.get(unit, unit)


def quantity(fields: Said) -> float | None:
    """The number of units a quantity mention counts: 3 for "three days", 1.5 for "a minute
    and a half"; None when vague ("several days")."""
    amount = parse_number(fields.num)
    return amount + 0.5 if amount is not None and fields.half else amount


_SMALLER_UNIT = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
                 "quarter": ("month", 3), "week": ("day", 7)}  # fmt: skip


def whole_amount(amount: float, unit: str) -> tuple[float, str]:
    """The same span as a whole number of a smaller unit where needed: "a quarter century" is
    25 years, "half a year" six months."""
    while amount != int(amount) and unit in _SMALLER_UNIT:
        unit, factor = _SMALLER_UNIT[unit]
        amount *= factor
    return (float(round(amount)) if unit == "day" else amount), unit


def resolve_ago(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "two days ago" (from the dateline), "a year earlier" / "two days later" (from the story)."""
    f = m.fields
    amount = quantity(f)
    unit = unit_name(f.unit)
    signal = re.sub(r"\s+", " ", f.signal.lower())
    mod = approx_mod(f)
    if "or so" in m.text.lower():
        mod = "APPROX"
    sign = -1 if signal in AGO_WORDS | EARLIER_WORDS else 1
    from_dateline = signal in AGO_WORDS | FROM_NOW_WORDS
    if amount is not None:
        amount, unit = whole_amount(amount, unit)
    if amount is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution(
            "DATE",
            value,
            "ref",
            mod,
            explanation=f"{m.text} → {value}: vague amount",
            confidence=0.6,
        )
    if UNITS[unit][1]:  # hours/minutes: a time
        if ctx.dct is None:
            return None
        return Resolution(
            "TIME",
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            "ref",
            mod,
            explanation=f"{m.text}: a time relative to the dateline",
            confidence=0.5,
        )
    base = None
    anchor = "dateline"
    reported = ctx.last_quarter
    if (
        reported
        and unit == "year"
        and amount == int(amount)
        and (reported.granularity != "month" or (amount == 1 and f.compared))
    ):
        # "a year ago" in a story about a quarter (or "from a year ago" in one about a month):
        # that period a year before
        base, anchor = reported, "expression"
    elif not from_dateline and ctx.last is not None:
        base, anchor = ctx.last, "expression"
    elif ctx.dct is not None:
        base = ref_of(ctx.dct, "day")
    if base is None:
        return Resolution(
            "DATE",
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            "ref",
            mod,
            explanation=f"{m.text}: no anchor",
            confidence=0.3,
        )
    gran = _granularity_of_unit(unit)
    if gran not in GRANULARITY_ORDER:
        gran = "year"
    if base.granularity in GRANULARITY_ORDER and GRANULARITY_ORDER.index(
        base.granularity
    ) > GRANULARITY_ORDER.index(gran):
        gran = base.granularity
    if (
        anchor == "expression"
        and base.granularity in GRANULARITY_ORDER
        and gran in GRANULARITY_ORDER
    ):
        if (
            GRANULARITY_ORDER.index(base.granularity) < GRANULARITY_ORDER.index(gran)
            and unit == "year"
        ):
            gran = base.granularity if base.granularity != "time" else "day"
    whole = int(amount) if amount == int(amount) else None
    if whole is None:
        return None
    d = shift(
        base.day,
        sign * whole,
        unit
        if unit
        in (
            "day",
            "week",
            "month",
            "quarter",
            "year",
            "decade",
            "century",
            "weekend",
            "night",
            "fortnight",
        )
        else "day",
    )
    if gran == "decade":
        gran = "year"
    value = value_of(d, gran)
    where = f"the {ctx.dct.isoformat()} dateline" if anchor == "dateline" else base.value
    return Resolution(
        "DATE",
        value,
        gran,
        mod,
        anchor,
        base.value if anchor == "expression" else ctx.dct.isoformat(),
        f"{m.text} → {value}: {whole} {unit}(s) {'before' if sign < 0 else 'after'} {where}",
        0.85,
        ref_of(d, gran),
    )


def resolve_duration(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    unit = unit_name(f.unit)
    if unit not in UNITS:
        return None
    amount = None if f.vague else quantity(f)
    if not f.vague and amount is None and f.num.lower() not in VAGUE_NUMBERS:
        return None
    mod = approx_mod(f)
    if "or so" in m.text.lower() or "or more" in m.text.lower():
        mod = mod or ("APPROX" if "or so" in m.text.lower() else "EQUAL_OR_MORE")
    value = duration_value(amount, unit)
    ddir = (f.ddir or "").lower()
    anchor = (
        "dateline" if ddir in ("past", "last", "next", "coming", "recent") and ctx.dct else "none"
    )
    return Resolution(
        "DURATION",
        value,
        "duration",
        mod,
        anchor,
        ctx.dct.isoformat() if anchor == "dateline" else "",
        f"{m.text} → {value}: a duration",
        0.85,
        period=year_to_date(m, ctx, unit, amount),
    )


def year_to_date(m: Mention, ctx: Context, unit: str, amount: float | None) -> Ref | None:
    """The dateline's year when `m` names a year-to-date reporting period ("the first nine
    months"), so that "the year-ago period" after it is last year rather than a quarter."""
    named_period = unit == "month" and amount in (6, 9) and m.text[:3].lower() == "the"
    if ctx.dct is None or not named_period:
        return None
    year = ctx.dct.year if ctx.dct.month - 1 >= amount else ctx.dct.year - 1  # months gone by
    return ref_of(date(year, 1, 1), "year")


def resolve_set_per(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    value = duration_value(1, unit_name(m.fields.unit))
    return Resolution(
        "SET",
        value,
        "set",
        explanation=f"{m.text} → {value}: once per {m.fields.unit}",
        confidence=0.8,
    )


def resolve_reference(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    value = REFERENCE_WORDS[re.sub(r"\s+", " ", m.fields.ref.lower())]
    return Resolution("DATE", value, "ref", explanation=f"{m.text} → {value}", confidence=0.7)


def resolve_set(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    if f.setword:
        value = SET_WORDS[f.setword.lower()]
    else:
        word = f.everyunit.lower()
        n = f.everyn
        amount = 2 if n and n.lower() == "other" else (parse_number(n) if n else 1)
        if word.rstrip(".") in WEEKDAYS:
            value = f"XXXX-WXX-{WEEKDAYS[word]}"
            if f.everypod:
                value += f"T{PARTS_OF_DAY[f.everypod.lower()]}"
        elif word in SEASONS:
            value = f"XXXX-{SEASONS[word]}"
        elif word.rstrip(".") in MONTHS:
            value = f"XXXX-{MONTHS[word.rstrip('.')]:02d}"
        elif word.startswith("season"):
            value = "P3M"
        elif word in PARTS_OF_DAY:
            value = f"XXXX-XX-XXT{PARTS_OF_DAY[word]}"
        elif word.startswith("weekend"):  # "every weekend", "every other weekend"
            value = "XXXX-WXX-WE"
        else:
            unit = unit_name(word)
            if unit not in UNITS:
                return None
            value = duration_value(amount, unit)
    return Resolution(
        "SET", value, "set", explanation=f"{m.text} → {value}: a recurring time", confidence=0.85
    )


def clock_value(clock: str, pod: str | None = None) -> str | None:
    """ "8 p.m." → 20:00, "3:30 pm" → 15:30, "10:35:20 a.m." → 10:35:20, "noon" → 12:00, "7
    o'clock" with the `pod` "evening" after its day → 19:00; None when not a clock time."""
    c = clock.lower().strip()
    if c in CLOCK_WORDS:
        return CLOCK_WORDS[c]
    mm = re.match(
        r"(\d{1,2}?)(?:[:.]?(\d\d))?(?::(\d\d))?\s*(?:([ap])\.?\s?m\.?|o'clock)?"
        r"(?:\s+in\s+the\s+(morning|afternoon|evening))?$",
        c,
    )
    if not mm:
        return None
    hour, minute, half = int(mm.group(1)), int(mm.group(2) or 0), mm.group(4)
    if mm.group(5):  # "4 in the morning" is 04:00, "7 in the evening" 19:00
        half = "a" if mm.group(5) == "morning" else "p"
    elif pod and pod.lower() != "morning" and not half:
        half = "p"  # "7 o'clock on Sunday evening" is 19:00
    seconds = f":{mm.group(3)}" if mm.group(3) else ""
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}{seconds}"


def resolve_clock(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    hhmm = clock_value(f.clock, f.cpod)
    if hhmm is None:
        return None
    day_word = (f.cday or f.cweekday or "").lower()
    anchor = "dateline"
    if f.cmonth and ctx.dct:
        years = (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
        cands = dates_in_years(month_number(f.cmonth), day_number(f.cdaynum), years)
        if not cands:
            return None
        base = nearest(cands, ctx.dct, tense)
    elif f.choliday and ctx.dct:  # "at 11:45 p.m. on New Year's Eve"
        cands = holiday_dates_around(f.choliday, ctx.dct)
        if not cands:
            return None
        base = nearest(cands, ctx.dct, tense, trust_near=tense.future)
    elif day_word in RELATIVE_DAYS and ctx.dct:
        base = ctx.dct + timedelta(days=RELATIVE_DAYS[day_word])
    elif day_word in WEEKDAYS and ctx.dct:
        base = weekday_date(ctx.dct, WEEKDAYS[day_word], None, tense)
    elif ctx.last is not None and ctx.last.granularity == "day":
        base, anchor = ctx.last.day, "expression"
    elif ctx.dct is not None:
        base = ctx.dct
        if hhmm == "24:00" and tense.past:  # "took effect at midnight": the one gone by
            base = ctx.dct - timedelta(days=1)
    else:
        return Resolution(
            "TIME",
            f"XXXX-XX-XXT{hhmm}",
            "time",
            approx_mod(f),
            confidence=0.3,
            explanation=f"{m.text}: no dateline",
        )
    value = f"{base.isoformat()}T{hhmm}"
    return Resolution(
        "TIME",
        value,
        "time",
        approx_mod(f),
        anchor,
        base.isoformat(),
        f"{m.text} → {value}: {hhmm} on {_describe(base)}",
        0.85,
        ref_of(base, "day"),
    )


@lru_cache(maxsize=256)
def calendar_holiday(country: str, name: str, year: int) -> date | None:
    """The first day named `name` in `country`'s holidays of `year` (the `holidays` package's
    tables of the lunar, lunisolar and Persian calendars), or None outside them."""
    for extra in ({"categories": ("public", "optional")}, {}):  # not every country has both
        try:
            days = holidays.country_holidays(country, years=year, language="en_US", **extra)
        except (NotImplementedError, KeyError, ValueError):
            continue
        named = [d for d, names in days.items() if name in names.split("; ")]
        if named:
            return min(named)
    return None


def holiday_date(name: str, year: int) -> date | None:
    """The day of a named holiday in `year`: fixed, the n-th weekday of a month, or a number of
    days from Easter or from another holiday."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if key in CALENDAR_HOLIDAYS:
        return calendar_holiday(*CALENDAR_HOLIDAYS[key], year)
    if key in RELATIVE_HOLIDAYS:
        base, days = RELATIVE_HOLIDAYS[key]
        day = easter(year) if base == "easter" else holiday_date(base, year)
        return day + timedelta(days=days) if day else None
    if key in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[key]
        if day == 0:  # US election day: the Tuesday after the first Monday of November
            first = date(year, month, 1)
            monday = first + timedelta(days=(7 - first.weekday()) % 7)
            return monday + timedelta(days=1)
        return date(year, month, day)
    if key in WEEKDAY_HOLIDAYS:
        month, weekday, n = WEEKDAY_HOLIDAYS[key]
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return None


def holiday_dates_around(name: str, day: date) -> list[date]:
    """The days of a holiday in the year before `day`'s, its year and the year after."""
    return [c for y in (day.year - 1, day.year, day.year + 1) if (c := holiday_date(name, y))]


def resolve_named_day(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "9/11", "D-Day": the one day the name is of."""
    value = NAMED_DAYS[m.fields.named.lower()]
    d = date.fromisoformat(value)
    return Resolution(
        "DATE", value, "day", explanation=f"{m.text} → {value}: the day it names",
        confidence=0.95, ref=ref_of(d, "day"),
    )  # fmt: skip


def resolve_holiday(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    f = m.fields
    name = f.holiday
    if f.year:
        d = holiday_date(name, int(f.year))
        anchor = "none"
    elif ctx.dct is None:
        return None
    else:
        anchor = "dateline"
        direction = direction_of(f.dir)
        cands = holiday_dates_around(name, ctx.dct)
        if direction == -1:
            d = max(c for c in cands if c < ctx.dct)
        elif direction == 1:
            d = min(c for c in cands if c > ctx.dct)
        else:  # "two days before Thanksgiving" in a story two days before it: the coming one
            d = nearest(cands, ctx.dct, tense, trust_near=tense.future)
    if d is None:
        return None
    return Resolution(
        "DATE",
        d.isoformat(),
        "day",
        "",
        anchor,
        ctx.dct.isoformat() if anchor == "dateline" else "",
        f"{m.text} → {d.isoformat()}: {name} of {d.year}",
        0.85,
        ref_of(d, "day"),
    )


_UNKNOWN_PARTS = {"day": ("-XX", "-XX-XX"), "week": (None, "-WXX"), "month": (None, "-XX")}


def underspecified_within(value: str, unit: str) -> str | None:
    """The TIMEX3 value of an unsaid `unit` inside a coarser known `value`: a day of 1987 is
    "1987-XX-XX", a day of March 1987 "1987-03-XX"; None when there is no such form."""
    if unit not in _UNKNOWN_PARTS or not re.fullmatch(r"\d{4}(?:-\d\d)?", value):
        return None
    in_month, in_year = _UNKNOWN_PARTS[unit]
    part = in_month if len(value) == 7 else in_year
    return value + part if part else None


def resolve_anaphoric(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the next day", "that month", "the following year": from the last resolved date in the text."""
    f = m.fields
    unit = (f.unit or f.unit2).lower()
    det = re.sub(r"\s+", " ", (f.det or "").lower())
    if f.ba:  # "the year before", "the year previous", "the day after"
        offset = -1 if f.ba.lower() in ("before", "previous", "prior", "earlier") else 1
    else:
        word = det.replace("the ", "") if det.startswith("the ") else det
        word = word or (f.dir or f.thedir or "").lower()  # "the next year" read as anaphora
        offset = ANAPHORIC_DIRECTIONS.get(word, 0)
    pod = PARTS_OF_DAY.get(unit, "")
    base = ctx.last
    anchor = "expression"
    if base is None:
        if ctx.dct is None:
            return None
        base, anchor = ref_of(ctx.dct, "day"), "dateline"
    if pod:
        d = base.day + timedelta(days=offset)  # "the next morning" is the day after's
        value = f"{d.isoformat()}T{pod}"
        return Resolution(
            "TIME",
            value,
            "time",
            anchor=anchor,
            anchor_value=base.value,
            explanation=f"{m.text} → {value}: the {unit} of {base.value}",
            confidence=0.75,
            ref=ref_of(d, "day"),
        )
    gran = {"weekend": "weekend"}.get(unit, unit)
    if base.granularity != gran and coarser(base.granularity, gran) == base.granularity:
        # "that day" after "in 1987": a day of 1987, which one the text does not say
        value = underspecified_within(base.value, gran)
        if value:
            return Resolution(
                "DATE", value, gran, anchor=anchor, anchor_value=base.value,
                explanation=f"{m.text} → {value}: a {unit} of {base.value}, not said which",
                confidence=0.5, ref=base,
            )  # fmt: skip
    if gran == "weekend":
        d = shift(base.day, offset, "week")
    else:
        d = shift(base.day, offset, unit)
    value = value_of(d, gran)
    rel = {1: "after", -1: "before", 0: "of"}[offset]
    return Resolution(
        "DATE",
        value,
        "week" if gran == "weekend" else gran,
        boundary_mod(f),
        anchor=anchor,
        anchor_value=base.value,
        explanation=f"{m.text} → {value}: the {unit} {rel} {base.value}",
        confidence=0.75,
        ref=ref_of(d, "week" if gran == "weekend" else gran),
    )


def resolve_units_beside_event(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the weeks before the shooting": a stretch of time dated by an event the text does not
    date here, so its value stays underspecified rather than guessed."""
    unit = m.fields.unit.lower()
    relation = re.sub(r"\s+", " ", m.fields.relation.lower())
    value, granularity = UNDATED_STRETCHES.get(unit, ("XXXX-XX", "month"))
    return Resolution(
        "DATE",
        value,
        granularity,
        explanation=f"{m.text} → {value}: the {unit} {relation} an event, not dated by the text",
        confidence=0.3,
    )


def resolve_ordinal_day(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    day = int(m.fields.oday)
    base = ctx.last.day if ctx.last and ctx.last.granularity in ("day", "month") else ctx.dct
    if base is None:
        return None
    try:
        d = base.replace(day=day)
    except ValueError:
        return None
    if ctx.last is None and tense.past and d > base:
        d = add_months(d, -1)
    return Resolution(
        "DATE",
        d.isoformat(),
        "day",
        anchor="expression" if ctx.last else "dateline",
        anchor_value=base.isoformat(),
        explanation=f"{m.text} → {d.isoformat()}: day {day} of {base:%B %Y}",
        confidence=0.7,
        ref=ref_of(d, "day"),
    )


def resolve_the_unit(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """ "the year" (a year-long span), "the full year" (the dateline's year), "the weekend"."""
    unit = re.sub(r"\s+", " ", m.fields.tu.lower())
    if unit in ("year", "fiscal year", "financial year") and (m.fields.ending or ctx.dct is None):
        # "the year ended March 31": a twelve-month period named by its end
        return Resolution(
            "DURATION", "P1Y", "duration", explanation=f"{m.text} → P1Y: a year", confidence=0.6
        )
    if ctx.dct is None:
        return None
    if unit == "week":
        value = f"{ctx.dct.isocalendar()[0]}-WXX"
        return Resolution(
            "DATE",
            value,
            "ref",
            explanation=f"{m.text} → {value}: a week of {ctx.dct.year}",
            confidence=0.5,
        )
    if unit == "weekend":
        saturday = weekday_date(ctx.dct, 6, None, tense)
        value = value_of(saturday, "weekend")
        return Resolution(
            "DATE",
            value,
            "week",
            anchor="dateline",
            anchor_value=ctx.dct.isoformat(),
            explanation=f"{m.text} → {value}: the weekend nearest the dateline, {tense.phrase}",
            confidence=0.75,
            ref=ref_of(saturday, "day"),
        )
    year = ctx.dct.year
    why = "the dateline's year"
    if tense.past and _elapsed_share(ctx.dct, 12) < 0.25:
        year, why = year - 1, "the year just ended, past tense early in the dateline's year"
    return Resolution(
        "DATE",
        str(year),
        "year",
        anchor="dateline",
        anchor_value=ctx.dct.isoformat(),
        explanation=f"{m.text} → {year}: {why}",
        confidence=0.7,
        ref=ref_of(date(year, 1, 1), "year"),
    )


RESOLVERS = {
    "the_unit": resolve_the_unit,
    "date": resolve_date,
    "month": resolve_month,
    "year": resolve_year,
    "decade": resolve_decade,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "this_quarter": resolve_this_quarter,
    "year_earlier": resolve_year_earlier,
    "season": resolve_season,
    "relative_day": resolve_relative_day,
    "part_of_day": resolve_part_of_day,
    "weekday": resolve_weekday,
    "relative_unit": resolve_relative_unit,
    "ago": resolve_ago,
    "duration": resolve_duration,
    "set_per": resolve_set_per,
    "reference": resolve_reference,
    "set": resolve_set,
    "clock": resolve_clock,
    "holiday": resolve_holiday,
    "named_day": resolve_named_day,
    "anaphoric": resolve_anaphoric,
    "units_beside_event": resolve_units_beside_event,
    "ordinal_day": resolve_ordinal_day,
    "same_unit_a_year_ago": resolve_same_unit_a_year_ago,
    "race_time": resolve_race_time,
}


def resolve(m: Mention, ctx: Context, tense: Tense) -> Resolution | None:
    """The TIMEX3 resolution of `m` in `ctx`, or None when the mention is not a time after all."""
    resolver = RESOLVERS.get(m.kind)
    r = resolver(m, ctx, tense) if resolver else None
    if r is None or r.ref is None:
        return r
    if m.fields.beside:
        return day_beside(m, r)
    if m.fields.within == "week":
        return week_holding(m, r)
    if m.fields.nth:
        return week_of_month(m, r)
    return r


def day_beside(m: Mention, r: Resolution) -> Resolution:
    """ "the day before last Tuesday": the resolved day moved one day back or ahead."""
    step = -1 if m.fields.beside.lower() == "before" else 1
    d = r.ref.day + timedelta(days=step)
    value = d.isoformat()
    why = f"the day {m.fields.beside.lower()} {r.value}"
    return replace(r, value=value, explanation=f"{m.text} → {value}: {why}", ref=ref_of(d, "day"))


def week_holding(m: Mention, r: Resolution) -> Resolution:
    """ "the week of March 6": the ISO week holding the resolved day."""
    value = value_of(r.ref.day, "week")
    return replace(
        r,
        value=value,
        granularity="week",
        explanation=f"{m.text} → {value}: the week holding {r.value}",
        ref=ref_of(r.ref.day, "week"),
    )


def week_of_month(m: Mention, r: Resolution) -> Resolution:
    """ "the last week of March": the ISO week holding the middle of the month's n-th (or last)
    seven days."""
    nth = m.fields.nth.lower()
    first = r.ref.day
    if nth in ("last", "final"):
        middle = add_months(first, 1) - timedelta(days=4)
    else:
        middle = first + timedelta(days=7 * (ORDINALS[nth] - 1) + 3)
    value = value_of(middle, "week")
    return replace(
        r,
        value=value,
        granularity="week",
        explanation=f"{m.text} → {value}: the {nth} week of {r.value}",
        ref=ref_of(middle, "week"),
    )


def with_confidence(r: Resolution, factor: float) -> Resolution:
    return replace(r, confidence=round(r.confidence * factor, 3))
