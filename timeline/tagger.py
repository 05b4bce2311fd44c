"""`tag(text, dct)`: recognize every temporal expression, then resolve each in order against the
dateline and the latest date the story has moved to (for "the next day", "a year earlier")."""

from __future__ import annotations

from datetime import date, datetime

from .recognize import Mention, recognize
from .resolve import Context, Ref, Resolution, add_months, interval_of, resolve, unit_name
from .tense import clause_tense
from .timex import Timex

# mention kinds whose value depends on the tense of their clause
_TENSED = frozenset({"date", "month", "weekday", "quarter", "season", "holiday", "clock",
                     "ordinal_day", "the_unit"})  # fmt: skip


# "a year earlier", "the year-ago quarter": points of comparison, not where the story moves to
_COMPARISONS = frozenset({"year_earlier", "this_quarter"})


def _is_comparison(mention: Mention) -> bool:
    """True for a date the story compares with ("a year ago") rather than moves to ("two days later")."""
    if mention.kind in _COMPARISONS:
        return True
    unit = unit_name(mention.fields.get("unit", "")) if mention.kind == "ago" else ""
    return unit in ("quarter", "year", "decade", "century")


def _reported_period(r: Resolution, ctx: Context) -> Ref | None:
    """The quarter or half a story reports on: the one just resolved if it is over by the
    dateline ("third-quarter profit"), else the one before; a coming "fourth-quarter charge"
    is not what "a year ago" compares with."""
    if r.granularity not in ("quarter", "half") or r.ref is None:
        return ctx.last_quarter
    months = 3 if r.granularity == "quarter" else 6
    if ctx.dct is not None and add_months(r.ref.day, months) > ctx.dct:
        return ctx.last_quarter
    return r.ref


def reference_day(dct: date | datetime | str | None) -> date | None:
    """The dateline as a date: accepts a date, a datetime, an ISO string or None."""
    if dct is None or dct == "":
        return None
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    if isinstance(dct, str):
        text = dct.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else _compact_date(text)
        except ValueError:
            raise ValueError(f"'{dct}' is not a date (use YYYY-MM-DD)") from None
    if hasattr(dct, "date"):  # pandas.Timestamp
        return dct.date()
    raise ValueError(f"{dct!r} is not a date (use YYYY-MM-DD)")


def _compact_date(text: str) -> date:
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(text)


def tag(text: str, dct: date | datetime | str | None = None) -> list[Timex]:
    """The temporal expressions of `text`, in order, resolved against the dateline `dct`."""
    ctx = Context(reference_day(dct))
    out: list[Timex] = []
    for mention in recognize(text):
        tense = (
            clause_tense(text, mention.start, mention.end, mention.kind in ("date", "month"))
            if mention.kind in _TENSED
            else ""
        )
        r = resolve(mention, ctx, tense)
        if r is None:
            continue
        if r.period is not None:
            ctx = Context(ctx.dct, ctx.last, r.period)
        if r.ref is not None and not _is_comparison(mention):
            ctx = Context(ctx.dct, r.ref, _reported_period(r, ctx))
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
                confidence=r.confidence,
            )
        )
    return out
