"""What the words of a mention mean: numbers ("twenty-four", "2 1/2"), spelled years, units,
directions ("this past"), modifiers ("nearly", "the end of"). Reads the lexicon; no calendar."""

from __future__ import annotations

import re

from .lexicon import (
    APPROX_MODS,
    DIRECTION_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SPELLED_CENTURIES,
    UNIT_MULTIPLIER,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
)
from .said import Said


def month_number(word: str) -> int:
    return int(word) if word.isdigit() else MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    """The day of the month in "29", "29th" or "twenty-ninth"."""
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else ORDINALS[re.sub(r"[\s-]+", "-", word.lower())]


def parse_number(words: str) -> float | None:
    """3 for "three", 24 for "twenty-four", 1000 for "1,000"; None for vague ("several")."""
    w = re.sub(r"\s+", " ", words.lower().strip())
    if w in VAGUE_NUMBERS:
        return None
    half = re.fullmatch(r"(.+?) (?:1/2|and a half)", w)
    if half:  # "2 1/2", "two and a half"
        whole = parse_number(half.group(1))
        return None if whole is None else whole + 0.5
    multiplier = 1
    for scale, factor in ((" hundred", 100), (" thousand", 1000)):
        if w.endswith(scale) and w != scale.strip():
            w, multiplier = w[: -len(scale)], factor
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
        return float(w.replace(",", "")) * multiplier
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w] * multiplier
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return (NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]) * multiplier
    return None


def spelled_year(words: str) -> int | None:
    """1996 for "nineteen ninety-six", 1905 for "nineteen oh five", 2001 for "two thousand one"."""
    w = re.sub(r"[\s-]+", " ", words.lower()).replace(" and ", " ").split()
    if w[:2] == ["two", "thousand"]:
        return 2000 + int(NUMBER_WORDS.get(w[2], 0) if len(w) > 2 else 0)
    base = SPELLED_CENTURIES.get(w[0])
    rest = [x for x in w[1:] if x != "oh"]
    if base is None or not rest:
        return None
    n = parse_number(" ".join(rest))
    return None if n is None or n >= 100 else base + int(n)


def year_of(fields: Said) -> int | None:
    """The year a mention states: digits ("1996"), words ("nineteen ninety-six"), or None."""
    if fields.year:
        return int(fields.year)
    if fields.syear:
        return spelled_year(fields.syear)
    return None


def unit_name(word: str) -> str:
    w = word.lower()
    return UNIT_PLURALS.get(w, w)


def duration_value(amount: float | None, unit: str) -> str:
    """P3D, PT2H, P10Y ("a decade"), PXY (vague); fractional amounts move to the smaller unit."""
    letter, is_time = UNITS[unit]
    amount = None if amount is None else amount * UNIT_MULTIPLIER.get(unit, 1)
    if unit == "decade":
        letter, amount = "Y", None if amount is None else amount * 10
    elif unit == "century":
        letter, amount = "Y", None if amount is None else amount * 100
    elif unit == "millennium":
        letter, amount = "Y", None if amount is None else amount * 1000
    elif unit == "weekend":
        letter, amount = "D", None if amount is None else amount * 2
    elif unit == "quarter":
        letter, amount = "M", None if amount is None else amount * 3
    if amount is not None and amount != int(amount):
        return fractional_duration(amount, letter, is_time)
    number = "X" if amount is None else str(int(round(amount)))
    return f"P{'T' if is_time else ''}{number}{letter}"


def fractional_duration(amount: float, letter: str, is_time: bool) -> str:
    """ "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M, "1.5 days" → P1DT12H, "1.5 minutes" →
    PT1M30S: the whole units, then the rest in the next smaller unit."""
    if letter == "S":  # "9.58 seconds": seconds keep their fraction
        return f"PT{round(amount, 3):g}S"
    smaller = {"Y": "M", "M": "S" if is_time else "D", "W": "D", "D": "H", "H": "M"}
    factor = {"Y": 12, "M": 60 if is_time else 30, "W": 7, "D": 24, "H": 60, "S": 1}
    whole, rest = int(amount), int(round((amount - int(amount)) * factor[letter]))
    head = f"{whole}{letter}" if whole else ""
    if letter == "D":
        return f"P{head}T{rest}H"
    return f"P{'T' if is_time else ''}{head}{rest}{smaller[letter]}"


def direction_of(word: str | None) -> int | None:
    """-1, 0 or 1 for a direction word ("last", "this past", "next"); None for none."""
    return DIRECTION_WORDS.get(re.sub(r"\s+", " ", word.lower())) if word else None


def approx_mod(fields: Said) -> str:
    approx = fields.approx
    return APPROX_MODS.get(re.sub(r"\s+", " ", approx.lower()), "") if approx else ""


def boundary_mod(fields: Said) -> str:
    """START / END / MID from "early", "the end of", "mid-", "earlier this" ...; "" otherwise."""
    bound = (fields.bound or fields.bound2 or "").lower()
    if not bound:
        return ""
    if "mid" in bound or "middle" in bound:
        return "MID"
    if re.search(r"\b(?:late|later|end|close|latter|last|second)\b", bound):
        return "END"
    return "START"
