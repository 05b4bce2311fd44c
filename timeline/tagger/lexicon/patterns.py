"""Regular-expression building blocks for English temporal expressions, built from the lexicon.

Each block is a non-capturing fragment: MONTH matches "Dec.", "December"; NUMBER matches "three",
"twenty-four", "12", "a couple of"; UNIT matches "day", "years". The recognizer assembles rules
from them. Examples sit beside each block.
"""

from __future__ import annotations

from . import (
    APPROX_MODS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_ZONES,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)


def alternation(words, suffix: str = "") -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace. The words
    stay whole in the pattern: the recognizer reads them back from it (`_literal_words`)."""
    parts = sorted(set(words), key=len, reverse=True)
    return (
        "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") + suffix for w in parts) + ")"
    )


def phrases(words) -> str:
    """An alternation of phrases as the tense lexicon writes them (' stands for either
    apostrophe), written as a trie: shared beginnings once ("will|won't|would" is
    "w(?:ill|o(?:n't|uld))"), the same matches as `alternation`, two to three times faster to
    scan with, which the tense cues do around every date."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def written(node: dict) -> str:
        arms = [_CHARACTER.get(ch, ch) + written(child) for ch, child in sorted(node.items()) if ch]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + written(trie) + ")"


_CHARACTER = {" ": r"\s+", "'": "['’]", ".": r"\."}


_ABBREVIATED = {k for k in MONTHS if len(k) <= 4 and k not in {"may", "june", "july"}}
# "December", "Dec.", "Dec", "Sept."
MONTH = (
    "(?:"
    + alternation(k for k in MONTHS if k not in _ABBREVIATED)
    + "|"
    + alternation(_ABBREVIATED)
    + r"\.?)(?![a-z])"
)
# "Friday", "Fri."
WEEKDAY = alternation(WEEKDAYS) + "(?![a-z])"
# "Friday", "Fri.", "Thurs", "Tue." (datelines and metadata write weekdays short)
ANY_WEEKDAY = (
    "(?:" + alternation(WEEKDAYS) + "|" + alternation(WEEKDAY_ABBREVIATIONS) + r"\.?)(?![a-z])"
)
# "29", "29th", "1st"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
# 1000-2099: "2019", "1776"
YEAR = r"(?:1\d|20)\d\d(?![\d])"
# 1800-2099, the years a dateline or a full date in an article carries: "2019", "1998"
RECENT_YEAR = r"(?:1[89]|20)\d\d(?![\d])"
# "'90"
SHORT_YEAR = r"['’]\d\d(?![\d])"
_UNITS = list(UNITS) + list(UNIT_PLURALS)
# "day", "years", "hrs"
UNIT = alternation(_UNITS) + r"(?![a-z])"
UNIT_SINGULAR = alternation(UNITS) + r"(?![a-z])"
UNIT_PLURAL = alternation(UNIT_PLURALS) + r"(?![a-z])"
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# "three", "twenty-four", "twenty four", "12", "1,000", "2.5", "a couple of", "several"
NUMBER = (
    "(?:"
    + alternation(_TENS)
    + r"(?:[-\s]"
    + alternation(_ONES)
    + ")?"
    + r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    + "|"
    + alternation([w for w in NUMBER_WORDS if w not in _TENS] + list(VAGUE_NUMBERS))
    + r")(?![a-z])(?:\s+(?:hundred|thousand)(?![a-z]))?(?:\s+1/2|\s+and\s+a\s+half)?"
)
# "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and one"
SPELLED_YEAR = (
    r"(?:(?:nineteen|eighteen)\s+(?:"
    + alternation(_TENS)
    + r"(?:[-\s]"
    + alternation(_ONES)
    + r")?"
    r"|oh[-\s]" + alternation(_ONES) + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?"
    + alternation(_ONES)
    + r")?)(?![a-z-])"
)
# "third", "3rd", "last"
ORDINAL = "(?:" + alternation(ORDINALS) + r"|[1-4](?:st|nd|rd|th))(?![a-z])"
# a day of the month in words: "March eighth", "the twenty-first of June"
DAY_WORD = alternation(w for w, n in ORDINALS.items() if n > 0) + r"(?![a-z-])"
SEASON = alternation(SEASONS) + "(?![a-z])"
PART_OF_DAY = alternation(PARTS_OF_DAY) + "(?![a-z])"
# "about", "more than", "at least"
APPROX = alternation(APPROX_MODS) + "(?![a-z])"
# "early", "late", "mid-", "the end of", "the beginning of", "end-" ("end-2019")
BOUNDARY = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|end\s+of|end(?=-\w)|beginning\s+of|start\s+of|middle\s+of"
    r"|close\s+of|first\s+part\s+of|latter\s+part\s+of|last\s+part\s+of)"
    r"|earlier|later|mid-?)"
)
# "EST", "GMT"
ZONE = (
    rf"(?:{alternation(TIME_ZONES)}(?![a-z])"
    r"|(?-i:[A-Z][a-z]+)(?:\s+(?:standard|daylight))?\s+time(?![a-z]))"  # "Baghdad time", "Eastern time"
)
# "8 p.m.", "3:30 pm", "10:15 a.m.", "20:00 GMT", "10:35:20 a.m.", "4 in the morning",
# "0800 local time"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?\s?m\b\.?|o'clock)?"
    r"|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?(?:\s*o'clock)?\s+in\s+the\s+(?:morning|afternoon|evening)"
    r"(?![a-z])"
    r"|(?:1[0-2]|0?[1-9])\s*(?:[ap]\.m\.|[ap]m\b|o'clock)"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC|Z\b|EST|EDT|CET|BST|hours?\b|hrs\b"
    r"|local\s+time\b)))"
)

# --- fragments the rules share (named groups the resolver reads) -----------------------------------
# "early", "the end of", "mid-": "the end of 2019", "mid-December"
BOUND_PREFIX = rf"(?:(?P<bound>{BOUNDARY})[\s-]*(?:of\s+)?)?"
# "the last half of the '80s": a decade or century has halves only as boundaries
HALF_BOUND_PREFIX = r"(?:(?P<bound2>(?:the\s+)?(?:first|second|last|latter)\s+half)\s+of\s+)?"
# "about", "nearly", "more than": "about two weeks"
APPROX_PREFIX = rf"(?:(?P<approx>{APPROX})\s+)?"
# "last Friday", "this past weekend", "next March"
DIRECTION = (
    r"(?P<dir>last|next|this\s+past|this\s+coming|this|past|coming|previous|following|current|"
    r"upcoming|"
    r"preceding|prior)"
)
# "Sunday, Dec. 29"
WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
# "two days", "three more weeks", "a year and a half", "two or three days", "12 to 18 months"
QUANTITY = (
    rf"(?P<num>{NUMBER})(?:\s+(?:or|to)\s+(?:so|more|{NUMBER}))?[\s-]+(?:(?:more|additional|"
    rf"full|straight|consecutive|long|short|calendar|business|trading|working)\s+)?(?P<unit>{UNIT})"
    rf"(?P<half>\s+and\s+a\s+half(?![a-z]))?"
    rf"(?:\s+or\s+(?:two|three|so|more)(?![a-z]))?(?![-‐](?:earlier|ago|old))"
)
