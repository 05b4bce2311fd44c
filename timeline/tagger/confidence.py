"""How likely a timex's value is right, from how it was read: which rule found it, what decided
its direction or year (a word in the text, a tense cue and how close it was, or distance), what
it is anchored on, its granularity and how far it lies from the dateline.

`evidence()` names these facts; `confidence()` turns them into a probability with a logistic
model fitted on TBAQ by cross-validation (`benchmarks/fit_confidence.py`), shipped as data in
`confidence.json` and read with plain Python. The model assumes the dateline is right: the events
stage multiplies in the trust in the dateline's source (`timeline/events/confidence.py`).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from ..text import Text
from .lexicon.context import PREPOSITIONS
from .lexicon.events import ATTRIBUTION_VERBS
from .lexicon.patterns import alternation
from .recognize import Mention
from .resolve import Context, Resolution
from .said import stated
from .tense import Tense
from .words import parse_number, unit_name

MODEL_FILE = "confidence.json"
# mention fields that state the year, the direction or the day outright
_YEAR_FIELDS = ("year", "syear", "yy", "pyear", "yend")
_DIRECTION_FIELDS = ("dir", "ydir", "pydir", "podir", "thedir", "det", "ba", "beside", "signal")
# days from the dateline, in the bands the model weighs separately
_DISTANCE_BANDS = ((0, "0d"), (1, "1d"), (7, "1w"), (31, "1m"), (92, "3m"), (213, "7m"),
                   (366, "1y"), (3653, "10y"))  # fmt: skip


def distance_band(days: int) -> str:
    """The band of a distance from the dateline in days: "0d", "1w", "7m", "10y", "far"."""
    return next((name for limit, name in _DISTANCE_BANDS if days <= limit), "far")


def evidence(
    mention: Mention, r: Resolution, tense: Tense, ctx: Context, analysed: Text
) -> tuple[str, ...]:
    """The facts about how `mention` was resolved that its confidence is computed from, with the
    grammatical facts of its place in the `analysed` text."""
    f = mention.fields
    facts = [f"rule={mention.rule}", f"type={r.type}", f"granularity={r.granularity}",
             f"anchor={r.anchor}"]  # fmt: skip
    year_given = stated(f, _YEAR_FIELDS)
    direction_given = stated(f, _DIRECTION_FIELDS)
    facts.append("year=" + ("given" if year_given else "chosen"))
    if direction_given:
        facts.append("direction=given")
    if tense.cue != "none":
        facts += [f"cue={tense.cue}", f"cue_near={tense.near}"]
        if tense.contested:
            facts.append("cue_contested")
        if tense.deferred:
            facts.append("cue_deferred")
        if not (year_given or direction_given):
            facts.append(f"{mention.kind}*cue={tense.cue}")
    unit = f.unit or f.unit2 or f.tu or f.qh
    if unit:
        unit = unit_name(re.sub(r"\s+", " ", unit.lower()))
        facts += [f"unit={unit}", f"{mention.rule}*unit={unit}"]
    if f.num is not None:
        amount = parse_number(f.num) if f.num else None
        facts.append("amount=" + ("vague" if amount is None else "one" if amount == 1 else "many"))
    facts.append(f"{mention.rule}*anchor={r.anchor}")
    facts += surroundings(analysed, mention)
    if ctx.last_quarter is not None:
        facts.append(f"story_reports={ctx.last_quarter.granularity}")
    if tense.cue != "none":
        facts.append(f"{mention.kind}*tense={tense.direction}")
    if r.mod:
        facts.append("mod")
    if "X" in r.value or r.value.endswith("_REF"):
        facts.append("underspecified")
    if r.anchor == "expression" and ctx.last is not None:
        facts.append(f"story_anchor={ctx.last.granularity}")
    day = r.ref.day if r.ref is not None else None
    if day is not None and ctx.dct is not None:
        facts += _placement(day, ctx.dct, tense, year_given or direction_given)
    return tuple(facts)


_PREPOSITION = re.compile(rf"\b({alternation(PREPOSITIONS)})\s+$", re.I)
_LAST_WORDS = re.compile(r"(\w+)\s+(?:(\w+)\s+)?$")
_NEXT = re.compile(r"(['’]s\b)|\s*(,)|\s*([.;:!?])|\s+(that)\b|\s+(\w)")
_NEXT_NAMES = ("possessive", "comma", "stop", "that", "word")


def surroundings(analysed: Text, mention: Mention) -> tuple[str, ...]:
    """Grammatical facts around a mention that the confidence model weighs: the preposition
    before it, a reporting verb before that ("said on Friday"), what follows it, whether it
    opens its sentence."""
    text, start, end = analysed.text, mention.start, mention.end
    m = _PREPOSITION.search(text, max(0, start - 12), start)
    preposition = m.group(1).lower() if m else "none"
    facts = [f"before={preposition}", f"{mention.kind}*before={preposition}"]
    words = _LAST_WORDS.search(text, max(0, start - 30), m.start() if m else start)
    if words and (
        words.group(1).lower() in ATTRIBUTION_VERBS or words.group(2) in ATTRIBUTION_VERBS
    ):
        facts.append("after_attribution")  # "said on Friday", "told reporters Friday"
    nxt = _NEXT.match(text, end)
    facts.append("next=" + (_NEXT_NAMES[nxt.lastindex - 1] if nxt else "end"))
    if analysed.sentence_at(start)[0] == start:
        facts.append("sentence_start")
    return tuple(facts)


def _placement(day: date, dct: date, tense: Tense, stated: bool) -> list[str]:
    """Where the value lies from the dateline, and whether that is the side its tense gave."""
    days = (day - dct).days
    band = distance_band(abs(days))
    facts = [f"distance={band}", f"{'stated' if stated else 'chosen'}*distance={band}"]
    side = "before" if days < 0 else "after" if days > 0 else "same"
    facts.append(f"side={side}")
    if not stated and tense.cue != "none" and side != "same":
        agrees = (side == "after") == tense.future
        facts.append("tense=" + ("followed" if agrees else "overruled"))
    if not stated and abs(days) <= 7:
        facts.append(f"days={days}")  # a weekday six days back may be meant a week later
    return facts


@cache
def model() -> dict:
    """The fitted model: {"bias": b, "weights": {fact: w}, "calibration": [[x, p], ...]}."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=8192)
def confidence(facts: tuple[str, ...]) -> float:
    """The probability that a value resolved with these facts is right (the dateline assumed
    right): the logistic model's score, mapped through its calibration curve."""
    fitted = model()
    weights = fitted["weights"]
    score = fitted["bias"] + sum(weights.get(fact, 0.0) for fact in facts)
    return round(calibrated(1.0 / (1.0 + math.exp(-score)), fitted["calibration"]), 3)


def calibrated(p: float, curve: list[list[float]]) -> float:
    """`p` mapped through a monotone piecewise-linear curve of (raw, calibrated) points."""
    if not curve:
        return p
    i = bisect.bisect_left(curve, [p])
    if i == 0:
        return curve[0][1]
    if i == len(curve):
        return curve[-1][1]
    (x0, y0), (x1, y1) = curve[i - 1], curve[i]
    return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1
