"""Tokens and sentences: the one text layer the tagger and the events stage both read.

Linear time in the text: every regex runs once over it, and no step rescans what came before
(a 2 MB article of 50,000 sentences on one line splits as fast as 50,000 short lines).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .tagger.lexicon import events as lex


class Token(NamedTuple):
    """A word or punctuation mark and its character offsets in the article text."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


# "U.S.", "3,800", "10:35", "1999-2000", "co-founder", "Monday's", "AT&T", or one other mark
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*(?:-\w+)*|\w+(?:[-'’&]\w+)*|\S")
# where a word starts inside a token: "mid-|1990s", "FY|1990", "1999-|2000"
_WORD_START = re.compile(r"[A-Za-z]+|\d+")


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def word_starts(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of each run of letters or of digits that tokens are made of, where it does
    not continue another run of its kind: where a temporal expression may begin ("mid-1990s":
    "mid", "1990"; "Müller": only "M"). One pass over the text."""
    for m in _WORD_START.finditer(text):
        pos, word = m.start(), m.group()
        if pos and text[pos - 1].isalnum() and word[0].isalpha() == text[pos - 1].isalpha():
            continue
        yield pos, word


# --- sentences -------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_OPENING = re.compile(r"\s+([\"“‘'(\[]*)(\w+)")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_WRAPPED_LINE_END = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks: every line is one, unless it continues a hard-wrapped sentence
    (the line before stops on a small letter or comma and this one starts with a small letter)."""
    start = end = None
    last_mark = ""
    for m in _LINE.finditer(text):
        line = m.group()
        joins = (
            end is not None
            and text.count("\n", end, m.start()) == 1
            and last_mark in _WRAPPED_LINE_END
            and line.lstrip()[:1].islower()
        )
        if end is not None and not joins:
            yield start, end
            start = None
        start = m.start() if start is None else start
        end = m.end()
        last_mark = line.rstrip()[-1]
    if start is not None:
        yield start, end


def _word_before(block: str, pos: int) -> str:
    """The run of non-space characters that ends at `pos` (the word a full stop follows)."""
    i = pos
    while i > 0 and not block[i - 1].isspace():
        i -= 1
    return block[i:pos]


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
    before = _word_before(block, mark.start()).lstrip("\"“‘'([").lower()
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
    for block_start, block_end in blocks(text):
        block = text[block_start:block_end]
        start = 0
        for m in _SENTENCE_END.finditer(block):
            if _ends_sentence(block, m):
                spans.append((block_start + start, block_start + m.end()))
                start = m.end()
        spans.append((block_start + start, block_end))
    return [trimmed(text, s, e) for s, e in spans if not text[s:e].isspace() and s < e]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- one analysed text ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    """A text with its sentences, split once and shared by the tagger and the events stage."""

    text: str

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding offset `pos`; between sentences, the gap around it."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        left = self.sentences[i][1] if i >= 0 else 0
        right = self.sentences[i + 1][0] if i + 1 < len(self.sentences) else len(self.text)
        return left, right
