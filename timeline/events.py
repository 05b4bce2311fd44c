"""Events: from tagged articles to one pandas events frame (see `timeline.schema`).

Per document: split the text into sentences, tag it, and turn each dated expression into a row
whose `event` is a short headline of the clause carrying it. Across documents: merge the rows that
report the same event. English word lists live in `timeline.lexicon.events`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

import pandas as pd

from .documents import Document, ReadError
from .lexicon import NUMBER_WORDS, UNIT_MULTIPLIER, UNIT_PLURALS
from .lexicon import events as lex
from .lexicon.patterns import NUMBER, UNIT
from .schema import ARTICLES, COLUMNS, ERRORS, SOURCES_SEP, WARNINGS, conform, empty_frame
from .timex import Timex

# How far a relative expression is trusted, by where the dateline it was resolved against came
# from; absolute dates ("December 29, 2019") do not depend on it.
DATELINE_TRUST: dict[str, float] = {
    "explicit": 1.0,
    "metadata": 1.0,
    "dateline": 1.0,
    "filename": 0.9,
    "inferred": 0.6,
}
# An event dated from another event ("a day after ...") is less sure than its anchor.
EVENT_RELATIVE_TRUST = 0.8


# --- sentences -------------------------------------------------------------------------------
class Token(NamedTuple):
    """A word or punctuation mark and its character offsets in the article text."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*|\w+(?:[-'’&]\w+)*|\S")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_OPENING = re.compile(r"\s+([\"“‘'(\[]*)(\w+)")


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks: lines joined unless a line ends a sentence or a heading."""
    start = None
    previous = ""
    for m in re.finditer(r"[^\n]*", text):
        line = m.group()
        if not line.strip():
            if start is not None:
                yield start, previous_end
                start = None
            continue
        joins = start is not None and re.search(r"[a-z,;]\s*$", previous) and line.lstrip()[:1].islower()
        if start is not None and not joins:
            yield start, previous_end
            start = None
        if start is None:
            start = m.start()
        previous, previous_end = line, m.end()
    if start is not None:
        yield start, previous_end


def _ends_sentence(block: str, mark: re.Match) -> bool:
    """Whether the punctuation `mark` ends a sentence: a capital follows, no abbreviation precedes."""
    opening = _OPENING.match(block, mark.end())
    if opening is None:
        return False
    word = opening.group(2)
    if not (word[:1].isupper() or word[:1].isdigit() or opening.group(1)):
        return False
    if mark.group().rstrip("\"'”’)]") != ".":
        return True
    before = re.search(r"\S*$", block[: mark.start()]).group().lstrip("\"“‘'([").lower()
    if not before or before.isdigit():
        return True
    if before in lex.NON_FINAL_ABBREVIATIONS or re.fullmatch(r"[a-z]", before):
        return False
    if "." in before or before in lex.MAYBE_FINAL_ABBREVIATIONS:
        return word.lower() in lex.SENTENCE_OPENERS
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, whitespace trimmed."""
    spans = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        start = 0
        for m in _SENTENCE_END.finditer(block):
            if _ends_sentence(block, m):
                spans.append((block_start + start, block_start + m.end()))
                start = m.end()
        spans.append((block_start + start, block_end))
    return [_trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing whitespace."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


# --- clauses ---------------------------------------------------------------------------------
_SEPARATORS = frozenset({";", ":", "-", "–", "—", "(", ")", "[", "]"})
_QUOTES = "\"“”‘’'"
_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z .'’-]{2,}(?:,[^()\n]{1,40}?)?\s*"
    r"(?:\((?i:" + "|".join(sorted(lex.AGENCIES, key=len, reverse=True)) + r")\)\s*)?[-–—]+\s+"
)
_CAPTION_LABEL = re.compile(r"(?:" + "|".join(lex.CAPTION_LABELS) + r")\s*:\s*")
_NON_CLAUSE_PHRASES = [tuple(p.split()) for p in lex.NON_CLAUSE_PHRASES]


def body_start(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin: after a dateline ("WASHINGTON (Reuters) -") or label."""
    for prefix in (_DATELINE_PREFIX, _CAPTION_LABEL):
        m = prefix.match(text, start, end)
        if m:
            start = m.end()
    return start


def is_verb(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` looks like a verb, judged from its form and the word before it."""
    low = tokens[i].low
    if low in lex.AUXILIARIES or low in lex.COMMON_VERBS:
        return True
    text = tokens[i].text
    previous = tokens[i - 1].text if i else ""
    if not text[:1].islower() or previous.lower() in lex.DETERMINERS:
        return False
    if low.endswith("ed") and len(low) > 4 and low not in lex.NOT_VERBS_ED:
        return True
    if re.fullmatch(r"[a-z]+[^su]s", low):  # "Esper speaks", "Apple unveils", "he says"
        proper = previous.isalpha() and previous[:1].isupper() and not previous.isupper()
        return (proper and i > 1) or previous.lower() in {"he", "she", "it"}
    return False


def _has_verb(tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return any(is_verb(tokens, i) for i in range(lo, hi))


def _stretch_end(tokens: Sequence[Token], lo: int) -> int:
    """The end of the words from `lo` up to the next comma or separator."""
    for i in range(lo, len(tokens)):
        if tokens[i].text == "," or tokens[i].text in _SEPARATORS:
            return i
    return len(tokens)


def _in_fixed_phrase(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` is part of a phrase like "as well as" or "such as"."""
    for phrase in _NON_CLAUSE_PHRASES:
        for k, word in enumerate(phrase):
            if word == tokens[i].low and i - k >= 0:
                window = tuple(t.low for t in tokens[i - k : i - k + len(phrase)])
                if window == phrase:
                    return True
    return False


def _starts_clause(tokens: Sequence[Token], i: int, protected: frozenset[int]) -> bool:
    """Whether a clause starts at token `i` (a connector followed by a clause)."""
    low, previous = tokens[i].low, tokens[i - 1].low
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if _in_fixed_phrase(tokens, i):
        return False
    if low == "that":
        return previous not in lex.THAT_AS_DETERMINER_AFTER and following not in {"'s", "’s"}
    if low in lex.RELATIVE_PRONOUNS or low in lex.SUBORDINATORS:
        return True
    if low in lex.CLAUSE_OR_PREPOSITION:
        return i + 1 not in protected and _has_verb(tokens, i + 1, _stretch_end(tokens, i + 1))
    if low in lex.COORDINATORS:
        if previous == ",":
            return _has_verb(tokens, i + 1, _stretch_end(tokens, i + 1))
        return i + 1 < len(tokens) and is_verb(tokens, i + 1)
    return False


def _relative_clause_end(tokens: Sequence[Token], lo: int, hi: int) -> int:
    """Where the main verb resumes after a relative clause: "a letter that created ... | was"."""
    if tokens[lo].low not in lex.RELATIVE_PRONOUNS or tokens[lo].low == "where":
        return hi
    seen_verb = False
    for i in range(lo + 1, hi):
        verb = is_verb(tokens, i)
        if verb and seen_verb and tokens[i].low in lex.AUXILIARIES and not is_verb(tokens, i - 1):
            return i
        seen_verb = seen_verb or verb
    return hi


def clauses_of(tokens: Sequence[Token], protected: frozenset[int] = frozenset()) -> list[range]:
    """The clauses of a sentence as token index ranges; `protected` tokens belong to timexes."""
    bounds: list[range] = []
    lo = 0
    for i, token in enumerate(tokens):
        if token.text in _SEPARATORS:
            if i > lo:
                bounds.append(range(lo, i))
            lo = i + 1
        elif i > lo and _starts_clause(tokens, i, protected):
            bounds.append(range(lo, i))
            lo = i
    if lo < len(tokens):
        bounds.append(range(lo, len(tokens)))
    split: list[range] = []
    for clause in bounds:
        end = _relative_clause_end(tokens, clause.start, clause.stop)
        split += [range(clause.start, end), range(end, clause.stop)] if end < clause.stop else [clause]
    return split
