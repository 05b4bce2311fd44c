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
    """A word or punctuation mark, its character offsets in the article text, and its lower case
    (read for every word by the events stage: computed once)."""

    start: int
    end: int
    text: str
    low: str


# "U.S.", "3,800", "10:35", "1999-2000", "co-founder", "Monday's", "AT&T", or one other mark
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*(?:-\w+)*|\w+(?:[-'’&]\w+)*|\S")
# the runs of letters or of digits tokens are made of: "mid-|1990s", "FY|1990", "1999-|2000"
WORD_RUN = re.compile(r"[A-Za-z]+|\d+")


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    new = tuple.__new__  # Token(...) without its Python-level __new__: this runs for every word
    return [
        new(Token, (m.start(), m.end(), word := m.group(), word.lower()))
        for m in _TOKEN.finditer(text, start, end)
    ]


def continues_word(text: str, pos: int) -> bool:
    """Whether the run of letters or digits at `pos` goes on a word of its kind ("Müller": the
    "ller" after "ü"), so that no temporal expression may begin there."""
    return pos > 0 and text[pos - 1].isalnum() and text[pos].isalpha() == text[pos - 1].isalpha()


# --- sentences -------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_OPENING = re.compile(r"\s+([\"“‘'`(\[]*)(\w+)")  # `` opens a quote in wire copy
CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")  # a name written small first: "iPhone", "eBay"
_NUMBER = re.compile(r"[$£€¥]?\d[\d,.]*%?")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_WRAPPED_LINE_END = frozenset("abcdefghijklmnopqrstuvwxyz,;")
_SENTENCE_CLOSERS = frozenset(".!?:;…\"'”’)]")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]\s|\d{1,2}[.)]\s)")


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks, in which sentences are then found: every line is one, unless it
    continues a hard-wrapped sentence. Lines are joined when the line before stops on a small
    letter or comma and this one starts with a small letter, or, in a hard-wrapped paragraph
    (`_wrap_width`), when the line before is as long as the wrap and does not end a sentence."""
    for paragraph in _paragraphs(text):
        width = _wrap_width([m.end() - m.start() for m in paragraph])
        start, previous = paragraph[0].start(), paragraph[0]
        for line in paragraph[1:]:
            if not _continues(previous, line, width):
                yield start, previous.end()
                start = line.start()
            previous = line
        yield start, previous.end()


def _paragraphs(text: str) -> Iterator[list[re.Match]]:
    """The non-blank lines of `text`, grouped into paragraphs (runs without a blank line)."""
    paragraph: list[re.Match] = []
    for m in _LINE.finditer(text):
        if paragraph and text.count("\n", paragraph[-1].end(), m.start()) > 1:
            yield paragraph
            paragraph = []
        paragraph.append(m)
    if paragraph:
        yield paragraph


def _wrap_width(lengths: list[int]) -> int:
    """The width a paragraph is hard-wrapped at (its longest line), or 0 when it is not: at least
    three lines, none over 120 characters, most of them within a fifth of the longest."""
    if len(lengths) < 3 or max(lengths) > 120:
        return 0
    width = max(lengths)
    full = sum(n >= 0.8 * width for n in lengths[:-1])
    return width if width >= 40 and full >= 0.75 * (len(lengths) - 1) else 0


def _continues(previous: re.Match, line: re.Match, width: int) -> bool:
    """Whether `line` goes on with the sentence `previous` left open."""
    last = previous.group().rstrip()[-1]
    if last in _WRAPPED_LINE_END and line.group().lstrip()[:1].islower():
        return True  # "... the council, | which met ..."
    if not width or _LIST_ITEM.match(line.group()):
        return False
    full = previous.end() - previous.start() >= 0.7 * width
    return full and last not in _SENTENCE_CLOSERS


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
    if not (word[:1].isupper() or word[:1].isdigit() or opening.group(1) or CAMEL.match(word)):
        return False
    if mark.group().rstrip("\"'”’)]") != ".":
        return True
    before = _word_before(block, mark.start()).lstrip("\"“‘'`([").lower()
    if not before or _NUMBER.fullmatch(before):
        return True  # "... rose 1.2% to $140.50. Britain ..."
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
    return [
        piece
        for s, e in spans
        if not text[s:e].isspace() and s < e
        for piece in within_reach(text, *trimmed(text, s, e))
    ]


MAX_SENTENCE = 1000  # characters; news sentences are well under (a list, a page without stops)
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s[-–—]\s")


def within_reach(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence at start..end, cut into pieces of at most MAX_SENTENCE characters when it is
    longer: each at the last clause break (";", ",", ":", a dash) in its second half, else at the
    last space, else hard. Every later step reads a sentence whole, so bounding it keeps the
    tagger and the events stage linear in the article."""
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(window, MAX_SENTENCE // 2)]
        cut = breaks[-1] if breaks else window.rfind(" ") + 1 or MAX_SENTENCE
        pieces.append(trimmed(text, start, start + cut))
        start = trimmed(text, start + cut, end)[0]
    pieces.append((start, end))
    return pieces


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
