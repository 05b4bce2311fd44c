"""`tag(text, dct)`: recognize every temporal expression, then resolve each in order against the
dateline and the latest date the story has moved to (for "the next day", "a year earlier")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from ..text import Text
from .calendar import add_months, interval_of
from .confidence import confidence, evidence
from .lexicon import MONTHS, RELATIVE_DAYS, WEEKDAYS
from .lexicon.context import RANGE_CONNECTORS, RANGE_OPENINGS
from .lexicon.patterns import alternation
from .recognize import Mention, recognize
from .resolve import Context, Ref, Resolution, resolve
from .tense import NO_TENSE, Tense, clause_tense
from .timex import Timex
from .words import unit_name

# mention kinds whose value depends on the tense of their clause
_TENSED = frozenset({"date", "month", "weekday", "quarter", "season", "holiday", "clock",
                     "ordinal_day", "the_unit", "relative_unit"})  # fmt: skip


# "a year earlier", "the year-ago quarter": points of comparison, not where the story moves to
_COMPARISONS = frozenset({"year_earlier", "this_quarter"})


def _is_comparison(mention: Mention) -> bool:
    """True for a date the story compares with ("a year ago") rather than moves to ("two days later")."""
    if mention.kind in _COMPARISONS:
        return True
    unit = unit_name(mention.fields.unit or "") if mention.kind == "ago" else ""
    return unit in ("quarter", "year", "decade", "century")


# how many months a reported period spans
_PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6}


def _reported_period(r: Resolution, ctx: Context) -> Ref | None:
    """The period a story reports on: the quarter or half just resolved if it is over by the
    dateline ("third-quarter profit"), else the one before; a coming "fourth-quarter charge"
    is not what "a year ago" compares with. A month gone by is the reported period of a story
    that has named no quarter ("December sales rose 5% from the same period last year")."""
    months = _PERIOD_MONTHS.get(r.granularity)
    if months is None or r.ref is None:
        return ctx.last_quarter
    if months == 1 and ctx.last_quarter is not None and ctx.last_quarter.granularity != "month":
        return ctx.last_quarter  # a quarter named earlier stays what the story reports on
    if ctx.dct is not None and add_months(r.ref.day, months) > ctx.dct:
        return ctx.last_quarter
    return r.ref


def tag(text: str, dct: date | datetime | str | None = None) -> list[Timex]:
    """The temporal expressions of `text`, in order, resolved against the dateline `dct`."""
    return tag_text(Text(text), dct)


def tag_text(text: Text, dct: date | datetime | str | None = None) -> list[Timex]:
    """`tag` over an analysed text, whose tokens and sentences the events stage shares."""
    ctx = Context(reference_day(dct))
    out: list[Timex] = []
    raw = text.text
    for mention in recognize(raw):
        tense = (
            clause_tense(
                raw,
                mention.start,
                mention.end,
                mention.kind in ("date", "month"),
                text.sentence_at(mention.start),
            )
            if mention.kind in _TENSED
            else NO_TENSE
        )
        r, on_calendar = placed(mention, ctx, tense)
        if r is None:
            continue
        facts = evidence(mention, r, tense, ctx, text) if on_calendar else ("unplaced",)
        # the model is fitted with a dateline: without one, the resolver's own rough figure
        chance = confidence(facts) if on_calendar and ctx.dct is not None else r.confidence
        ctx = advanced(ctx, mention, r)
        start, end = interval_of(r.value) if r.type in ("DATE", "TIME") else (None, None)
        out.append(
            Timex(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                type=r.type,
                value=r.value,
                granularity=r.granularity,
                interval_start=start,
                interval_end=end,
                mod=r.mod,
                anchor=r.anchor,
                anchor_value=r.anchor_value,
                explanation=r.explanation,
                rule=mention.rule,
                confidence=chance,
                evidence=facts,
            )
        )
    return ranges_in_order(out, raw, reference_day(dct))


_RANGE_BETWEEN = re.compile(rf"\s*(?:-|–|{alternation(RANGE_CONNECTORS)})\s*", re.I)
_RANGE_OPENING = re.compile(rf"\b{alternation(RANGE_OPENINGS)}\s+$", re.I)
_DAY_WORD = re.compile(rf"\b{alternation([*WEEKDAYS, *RELATIVE_DAYS, *MONTHS])}\b", re.I)
_DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def ranges_in_order(timexes: list[Timex], text: str, dct: date | None) -> list[Timex]:
    """The two ends of "from July 12 to Aug. 22", "between June and August last year" in order
    and within a year: an end whose year the tagger chose (none was written) moves a year to its
    other end ("July 12" is not the coming one when "Aug. 22" is this year's); a weekday a week."""
    out = list(timexes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end : b.start]
        opened = _RANGE_OPENING.search(text, max(0, a.start - 9), a.start)
        if not (_RANGE_BETWEEN.fullmatch(between) and opened):
            continue
        if a.type == b.type == "TIME" and not _DAY_WORD.search(a.text) and _DAY_WORD.search(b.text):
            out[i] = _on_the_day_of(a, b)  # "from 2 a.m. to 9 a.m. Sunday": both on Sunday
            continue
        if not (_DAY_OR_MONTH.fullmatch(a.value) and _DAY_OR_MONTH.fullmatch(b.value)):
            continue
        if a.interval_start is None or b.interval_start is None or dct is None:
            continue
        if a.interval_start <= b.interval_start <= a.interval_start + timedelta(days=366):
            continue
        movable = [t for t in (a, b) if _chosen(t)]
        if not movable:
            continue
        far = max(movable, key=lambda t: abs((t.interval_start.date() - dct).days))
        if a.rule == b.rule == "weekday":  # "runs from Monday to Friday": the end moves on;
            ahead = "weekday*tense=future" in b.evidence  # "ran from Monday": the start back
            far = b if ahead and b in movable else a if a in movable else far
        other = b if far is a else a
        forward = far is b  # the end moves after its start; the start before its end
        moved = _moved(far, other, forward)
        if moved is not None:
            out[i if far is a else i + 1] = moved
    return out


def _on_the_day_of(t: Timex, end: Timex) -> Timex:
    """The clock time `t` on the day of the range's end `end` (the day before when it is later
    in the day than the end: "from 10 p.m. to 4 a.m. Sunday")."""
    clock = t.value.split("T", 1)[1] if "T" in t.value else ""
    day = end.value.split("T", 1)[0]
    if not clock or not re.fullmatch(r"\d{4}-\d\d-\d\d", day) or not clock[:1].isdigit():
        return t
    if "T" in end.value and clock > end.value.split("T", 1)[1]:
        day = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    return _revalued(t, f"{day}T{clock}", f"on the day of {end.text}, the range's end")


def _chosen(t: Timex) -> bool:
    """True when the tagger chose the year (or the week) of `t`: the text did not write it."""
    return "year=chosen" in t.evidence and "direction=given" not in t.evidence


def _moved(t: Timex, other: Timex, forward: bool) -> Timex | None:
    """`t` moved by years (or weeks, a weekday) until it lies on the right side of `other`."""
    step = 7 if t.rule == "weekday" else None
    start = t.interval_start.date()
    for n in range(1, 3):
        k = n if forward else -n
        if step:
            day = start + timedelta(days=step * k)
        else:
            try:
                day = start.replace(year=start.year + k)
            except ValueError:
                return None
        value = day.isoformat()[: len(t.value)]
        lo = interval_of(value)[0]
        first, last = (other.interval_start, lo) if forward else (lo, other.interval_start)
        if first <= last <= first + timedelta(days=366):
            side = "after" if forward else "before"
            return _revalued(t, value, f"then {value}, to lie {side} {other.text} in the range")
    return None


def _revalued(t: Timex, value: str, why: str) -> Timex:
    """`t` with another value, its interval, and why it changed added to its explanation."""
    lo, hi = interval_of(value)
    return replace(
        t, value=value, interval_start=lo, interval_end=hi, explanation=f"{t.explanation}; {why}"
    )


def placed(mention: Mention, ctx: Context, tense: Tense) -> tuple[Resolution | None, bool]:
    """`resolve` and True; or, where the calendar ends before the answer ("tomorrow" against
    9999-12-31, "a decade ago" in year 5), the mention as its words alone give it (no anchor, no
    interval) and False."""
    try:
        return resolve(mention, ctx, tense), True
    except (ValueError, OverflowError):
        pass
    try:
        r = resolve(mention, Context(None), tense)
    except (ValueError, OverflowError):
        r = None
    why = f"{mention.text}: cannot be placed, the calendar ends before it"
    if r is None:
        return Resolution("DATE", "XXXX", "year", explanation=why, confidence=0.1), False
    unplaced = replace(r, anchor="none", anchor_value="", explanation=why, confidence=0.1,
                       ref=None, period=None)  # fmt: skip
    return unplaced, False


def advanced(ctx: Context, mention: Mention, r: Resolution) -> Context:
    """The context after `mention`: the story moves to its date unless it is a comparison, and a
    reported period becomes what "a year ago" compares with."""
    try:
        if r.period is not None:
            ctx = Context(ctx.dct, ctx.last, r.period)
        if r.ref is not None and not _is_comparison(mention):
            ctx = Context(ctx.dct, r.ref, _reported_period(r, ctx))
    except (ValueError, OverflowError):  # a period at the calendar's edge moves nothing
        pass
    return ctx


def reference_day(dct: date | datetime | str | None) -> date | None:
    """The dateline as a date (None for none); a date, a datetime, or a string as people write one."""
    from ..dates import user_date  # not at import: dates reads this package's lexicon

    if dct is None or dct == "":
        return None
    return user_date(dct)
