"""Events: from tagged articles to one pandas events frame (see `timeline.schema`).

Per document: split the text into sentences, tag it, and turn each dated expression into a row
whose `event` is a short headline of the clause carrying it. Across documents: merge the rows that
report the same event. English word lists live in `timeline.lexicon.events`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from .documents import Document, ReadError, read_inputs, sample_paths, unique_id
from .lexicon import NUMBER_WORDS, UNIT_MULTIPLIER, UNIT_PLURALS, UNITS
from .lexicon import events as lex
from .lexicon.patterns import NUMBER, UNIT
from .reference import (
    ReferenceDateError,
    explicit_datelines,
    one_per_item,
    reference_date,
)
from .schema import ARTICLES, ERRORS, SOURCES_SEP, WARNINGS, Articles, conform, empty_frame
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


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*(?:-\w+)*|\w+(?:[-'’&]\w+)*|\S")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_OPENING = re.compile(r"\s+([\"“‘'(\[]*)(\w+)")


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks: every line is one, unless it continues a hard-wrapped sentence
    (the line before stops on a small letter or comma and this one starts with a small letter)."""
    start = end = None
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        joins = (
            end is not None
            and text.count("\n", end, m.start()) == 1
            and re.search(r"[a-z,;]\s*$", text[start:end])
            and m.group().lstrip()[:1].islower()
        )
        if end is not None and not joins:
            yield start, end
            start = None
        start = m.start() if start is None else start
        end = m.end()
    if start is not None:
        yield start, end


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
_SEPARATORS = frozenset({";", ":", "-", "–", "—"})
_QUOTES = "\"“”‘’'"
_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z .'’-]{2,}(?:,[^()\n]{1,40}?)?\s*"
    r"(?:\((?i:" + "|".join(sorted(lex.AGENCIES, key=len, reverse=True)) + r")\)\s*)?[-–—]+\s+"
)
_CAPTION_LABEL = re.compile(r"(?:" + "|".join(lex.CAPTION_LABELS) + r")\s*:\s*")
_NON_CLAUSE_PHRASES = [tuple(p.split()) for p in lex.NON_CLAUSE_PHRASES]
_LINKS = lex.RELATIVE_PRONOUNS | lex.SUBORDINATORS | lex.COORDINATORS


def body_start(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin: after a dateline ("WASHINGTON (Reuters) -") or label."""
    for prefix in (_DATELINE_PREFIX, _CAPTION_LABEL):
        m = prefix.match(text, start, end)
        if m:
            start = m.end()
    return start


def _is_verb(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` looks like a verb, judged from its form and the word before it."""
    low = tokens[i].low
    if low in lex.AUXILIARIES or low in lex.COMMON_VERBS:
        return True
    text = tokens[i].text
    previous = tokens[i - 1].text if i else ""
    if not text[:1].islower() or previous.lower() in lex.DETERMINERS or previous == "of":
        return False
    if low.endswith("ed") and len(low) > 4 and low not in lex.NOT_VERBS_ED:
        return True
    if re.fullmatch(r"[a-z]+[^su]s", low):  # "Esper speaks", "Apple unveils", "he says"
        proper = previous.isalpha() and previous[:1].isupper() and not previous.isupper()
        return (proper and i > 1) or previous.lower() in {"he", "she", "it"}
    return False


def _has_verb(tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return any(_is_verb(tokens, i) for i in range(lo, hi))


def _stretch_end(tokens: Sequence[Token], lo: int) -> int:
    """The end of the words from `lo` up to the next comma, separator or connector."""
    for i in range(lo, len(tokens)):
        if tokens[i].text == "," or tokens[i].text in _SEPARATORS or tokens[i].low in _LINKS:
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


def _after_attribution(tokens: Sequence[Token], comma: int) -> bool:
    """Whether the words before `comma` (back to the previous comma) are an attribution, as in
    "This switch, he said, would happen" or ", said Milley"."""
    for i in range(comma - 1, -1, -1):
        if tokens[i].text == ",":
            return False
        if tokens[i].low in lex.ATTRIBUTION_VERBS:
            return True
    return False


def _starts_clause(tokens: Sequence[Token], i: int, protected: frozenset[int]) -> bool:
    """Whether a clause starts at token `i`: a connector followed by a clause, or a verb right
    after a comma (", filed in September 2003,")."""
    low, previous = tokens[i].low, tokens[i - 1].low
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if _in_fixed_phrase(tokens, i):
        return False
    if previous == "," and _is_verb(tokens, i) and not _after_attribution(tokens, i - 1):
        return True
    if low == "that":
        return previous not in lex.THAT_AS_DETERMINER_AFTER and following not in {"'s", "’s"}
    if low in lex.RELATIVE_PRONOUNS or low in lex.SUBORDINATORS:
        return True
    if low in lex.CLAUSE_OR_PREPOSITION:
        return i + 1 not in protected and _has_verb(tokens, i + 1, _stretch_end(tokens, i + 1))
    if low in lex.COORDINATORS:
        if previous == ",":  # ", and Apple shares fell", ", and that applications can be ..."
            return _has_verb(tokens, i + 1, _stretch_end(tokens, i + 2))
        return i + 1 < len(tokens) and _is_verb(tokens, i + 1)
    return False


def _is_relative(
    tokens: Sequence[Token], clause: range, dates: frozenset[int] = frozenset()
) -> bool:
    """Whether the clause is a relative clause ("a letter that created ..."), not a reported one
    ("said that ...", "would recommend to its board today that ...")."""
    first = tokens[clause.start].low
    if first not in lex.RELATIVE_PRONOUNS or first == "where" or not clause.start:
        return False
    before = clause.start - 1
    return first != "that" or not (_is_verb(tokens, before) or before in dates)


def _relative_clause_end(tokens: Sequence[Token], clause: range, dates: frozenset[int]) -> int:
    """Where the main verb resumes after a relative clause: "a letter that created ... | was",
    "rain that began on New Year's Eve | flooded"."""
    if not _is_relative(tokens, clause, dates):
        return clause.stop
    seen_verb = False
    for i in range(clause.start + 1, clause.stop):
        verb = _is_verb(tokens, i)
        resumes = tokens[i].low in lex.AUXILIARIES or i - 1 in dates
        if verb and seen_verb and resumes and not _is_verb(tokens, i - 1):
            return i
        seen_verb = seen_verb or verb
    return clause.stop


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
        end = _relative_clause_end(tokens, clause, protected)
        split += (
            [clause] if end == clause.stop else [range(clause.start, end), range(end, clause.stop)]
        )
    return split


# --- headlines -------------------------------------------------------------------------------
_CLOSING = frozenset({",", ".", ";", ":", "!", "?", "”", "’", ")", "]", "…"})
_OPENING_MARKS = frozenset({"“", "‘", "(", "["})
_CONNECTORS = _LINKS | lex.CLAUSE_OR_PREPOSITION
_DANGLING = lex.DATE_PREPOSITIONS | lex.COORDINATORS | lex.DANGLING_ENDINGS
_MAX_NOUN_PHRASE = 12
_NOT_NOUNS = lex.DATE_PREPOSITIONS | lex.PREPOSITIONS | _CONNECTORS | lex.STOPWORDS


def _words_before_verb(tokens: Sequence[Token], clause: range) -> list[int]:
    """The clause's words before its first verb (its subject), or [] when there is no verb."""
    for i in clause:
        if _is_verb(tokens, i):
            words = [j for j in range(clause.start, i) if tokens[j].low not in _CONNECTORS]
            return _without_edge_marks(tokens, words) if len(words) <= _MAX_NOUN_PHRASE else []
    return []


def _without_edge_marks(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without punctuation at either end."""
    lo, hi = 0, len(words)
    marks = _CLOSING | _OPENING_MARKS | set(_QUOTES)
    while lo < hi and tokens[words[lo]].text in marks:
        lo += 1
    while hi > lo and tokens[words[hi - 1]].text in marks:
        hi -= 1
    return words[lo:hi]


def _antecedent(tokens: Sequence[Token], clause: range) -> list[int]:
    """The noun phrase a relative clause describes: the previous clause's words after its verb,
    from the first determiner, name or number ("come up between | the manufacturer of ...")."""
    verbs = [i for i in clause if _is_verb(tokens, i)]
    words = list(range(verbs[-1] + 1 if verbs else clause.start, clause.stop))
    head = next(
        (n for n, i in enumerate(words) if not tokens[i].text[:1].islower()
         or tokens[i].low in lex.DETERMINERS),
        len(words),
    )  # fmt: skip
    return _without_edge_marks(tokens, words[head:])[-_MAX_NOUN_PHRASE:]


def _starts_with_predicate(tokens: Sequence[Token], clause: range) -> bool:
    """Whether the clause is a verb phrase with the sentence's subject left out ("and launched")."""
    first = clause.start
    if tokens[first].low in lex.COORDINATORS and first + 1 < clause.stop:
        first += 1
    return _is_verb(tokens, first)


def _subject_for(
    tokens: Sequence[Token], clauses: list[range], k: int, dates: frozenset[int]
) -> list[int]:
    """The subject a verb-first clause `k` shares with the nearest clause before it that has one."""
    for j in range(k - 1, -1, -1):
        clause = clauses[j]
        if _is_relative(tokens, clause, dates):
            return _antecedent(tokens, clauses[j - 1])
        if not _has_verb(tokens, clause.start, clause.stop):  # "Jobs, | born in ..."
            return _without_edge_marks(tokens, list(clause))[:_MAX_NOUN_PHRASE]
        subject = _words_before_verb(tokens, clause)
        if subject:
            return subject
    return []


def _is_attribution(tokens: Sequence[Token], clause: Iterable[int]) -> bool:
    return any(tokens[i].low in lex.ATTRIBUTION_VERBS for i in clause)


def _clause_words(
    tokens: Sequence[Token], clauses: list[range], k: int, dates: frozenset[int]
) -> list[int]:
    """Clause `k` completed into a stand-alone statement: its subject, antecedent or message."""
    clause = clauses[k]
    words = list(clause)
    first = tokens[clause.start].low
    if _is_relative(tokens, clause, dates):
        words = _antecedent(tokens, clauses[k - 1]) + words[1:]
    elif k and _starts_with_predicate(tokens, clause):
        subject = _subject_for(tokens, clauses, k, dates)
        words = subject + (words[1:] if subject and first in lex.COORDINATORS else words)
    if (
        k + 1 < len(clauses)
        and tokens[clauses[k + 1].start].low == "that"
        and _is_attribution(tokens, clause)
    ):
        words += list(clauses[k + 1])  # "told the ambassador on Monday that both nations ..."
    return words


def _without_asides(tokens: Sequence[Token], words: list[int], target: set[int]) -> list[int]:
    """Words without parenthesised asides that do not hold the date: "the conference (WWDC)"."""
    out: list[int] = []
    aside: list[int] = []
    for i in words:
        if tokens[i].text == "(" and not aside:
            aside = [i]
        elif aside:
            aside.append(i)
            if tokens[i].text == ")":
                out += aside if target & set(aside) else []
                aside = []
        else:
            out.append(i)
    return out + aside


def _without_according_to(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without "according to X": to the end after a comma, else up to the next comma."""
    lows = [tokens[i].low for i in words]
    for p in range(len(words) - 1):
        if lows[p] == "according" and lows[p + 1] == "to":
            if p and lows[p - 1] == ",":  # "..., according to figures released by NPD, a firm"
                return words[: p - 1]
            q = next((j for j in range(p + 2, len(words)) if lows[j] == ","), len(words))
            return words[:p] + words[q + 1 :]
    return words


def _attribution_after(tokens: Sequence[Token], words: list[int], p: int) -> int | None:
    """If an attribution (", Milley said", ", said the office") follows the comma at `p`, where
    it ends: the index of its closing comma when it is an aside, else len(words)."""
    rest = [n for n in range(p + 1, len(words)) if tokens[words[n]].text not in _QUOTES]
    verb = next((n for n in rest[:10] if tokens[words[n]].low in lex.ATTRIBUTION_VERBS), None)
    if verb is None:
        return None
    subject = [words[n] for n in rest if n < verb]
    if any(tokens[i].text == "," or _is_verb(tokens, i) for i in subject):
        return None
    closing = next(
        (n for n in range(verb + 1, min(verb + 4, len(words))) if tokens[words[n]].text == ","),
        None,
    )
    return closing if closing is not None else len(words)


def _without_attributions(tokens: Sequence[Token], words: list[int], target: set[int]) -> list[int]:
    """Words without trailing or inserted attributions (", the top U.S. officer told reporters",
    ", he said,") that do not hold the date."""
    p = 0
    while p < len(words):
        if tokens[words[p]].text == ",":
            end = _attribution_after(tokens, words, p)
            if end is not None and not target & set(words[p:end]):
                words = words[:p] + words[end + 1 :]  # an aside goes with both its commas
                continue
        p += 1
    return words


def _without_leading_attribution(
    tokens: Sequence[Token], words: list[int], target: set[int]
) -> list[int]:
    """Words without a leading "Milley said (that)" when the date is in what was said."""
    head = words[:10]
    verb = next((n for n, i in enumerate(head) if tokens[i].low in lex.ATTRIBUTION_VERBS), -1)
    if verb <= 0 or any(tokens[i].text == "," or _is_verb(tokens, i) for i in head[:verb]):
        return words
    rest = words[verb + 1 :]
    if rest and tokens[rest[0]].low == "that":
        rest = rest[1:]
    before_date = [i for i in rest if i < min(target, default=0)]
    if target <= set(rest) and any(_is_verb(tokens, i) for i in before_date):
        return rest
    return words


def _date_phrase_end(tokens: Sequence[Token], words: list[int], r: int) -> int:
    """Past a date's "of" complement: "the first quarter | of the financial year"."""
    if r < len(words) and tokens[words[r]].low == "of":
        for n in range(r + 1, min(r + 5, len(words))):
            low = tokens[words[n]].low
            if low in UNITS or low in UNIT_PLURALS or low.isdigit():
                return n + 1
    return r


def _without_dates(tokens: Sequence[Token], words: list[int], dates: set[int]) -> list[int]:
    """Words without the date phrases: with their prepositions and the commas around them, or
    alone when the date qualifies a noun ("the 1991 agreement" -> "the agreement")."""
    drop = set()
    for p, i in enumerate(words):
        if i not in dates or (p and words[p - 1] in dates):
            continue
        r = p
        while r < len(words) and words[r] in dates:
            r += 1
        if r < len(words) and _is_noun_after_date(tokens, words[r]):
            continue
        q = p - 1
        while q >= 0 and p - q <= 3 and tokens[words[q]].low in lex.DATE_PREPOSITIONS:
            drop.add(words[q])
            q -= 1
        end = _date_phrase_end(tokens, words, r)
        drop.update(words[r:end])
        if (
            end < len(words)
            and tokens[words[end]].text == ","
            and (q < 0 or tokens[words[q]].text == ",")
        ):
            drop.add(words[end])
    kept = [i for i in words if i not in dates and i not in drop]
    return [i for n, i in enumerate(kept) if not _repeated_comma(tokens, kept, n)]


def _is_noun_after_date(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i`, right after a date, is the noun the date qualifies ("1991 agreement")."""
    low = tokens[i].low
    return (
        low.isalpha()
        and tokens[i].text[:1].islower()
        and low not in _NOT_NOUNS
        and not _is_verb(tokens, i)
    )


def _repeated_comma(tokens: Sequence[Token], words: list[int], n: int) -> bool:
    """Whether words[n] is a comma right after another one (left when dates went)."""
    return n > 0 and tokens[words[n]].text == tokens[words[n - 1]].text == ","


def _without_fronted_phrases(
    tokens: Sequence[Token], words: list[int], dates: set[int]
) -> list[int]:
    """Words without opening adverbials up to their comma: "Yesterday, at this year's WWDC,
    company CEO Steve Jobs unveiled ..." -> "company CEO Steve Jobs unveiled ..."."""
    while words and (words[0] in dates or tokens[words[0]].low in lex.FRONTED_PREPOSITIONS):
        comma = next((n for n, i in enumerate(words[:16]) if tokens[i].text == ","), None)
        if comma is None or _has_verb_among(tokens, words[:comma]):
            break
        words = words[comma + 1 :]
    return words


def _has_verb_among(tokens: Sequence[Token], words: Iterable[int]) -> bool:
    return any(_is_verb(tokens, i) for i in words)


def _trimmed_edges(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without leading connectors, an article, and dangling words or marks at either end."""
    lo, hi = 0, len(words)
    quotes = [tokens[i].text for i in words if tokens[i].text in _QUOTES]
    unpaired = {q for q in quotes if quotes.count(q) % 2} | {"“", "”", "‘"} - (
        set(quotes) if "“" in quotes and "”" in quotes else set()
    )
    edge = lambda i: tokens[i].text in _CLOSING or tokens[i].text in unpaired  # noqa: E731
    while lo < hi and (edge(words[lo]) or tokens[words[lo]].low in _CONNECTORS):
        lo += 1
    if lo < hi and tokens[words[lo]].low in {"a", "an", "the"}:
        lo += 1
    while hi > lo and (
        edge(words[hi - 1])
        or tokens[words[hi - 1]].text in _OPENING_MARKS
        or tokens[words[hi - 1]].low in _DANGLING
    ):
        hi -= 1
    return words[lo:hi]


def _joined(tokens: Sequence[Token], words: list[int]) -> str:
    """The words as text: original spacing inside a word, one space between words."""
    out: list[str] = []
    previous: Token | None = None
    open_quote = False
    for i in words:
        token = tokens[i]
        closing = token.text in _CLOSING or (token.text == '"' and open_quote)
        glued = previous is not None and (
            token.start == previous.end
            or closing
            or previous.text in _OPENING_MARKS
            or (previous.text == '"' and open_quote)
        )
        open_quote ^= token.text == '"'
        out.append(token.text if glued or previous is None else " " + token.text)
        previous = token
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _headline_of(
    tokens: Sequence[Token], words: list[int], target: set[int], dates: set[int]
) -> str:
    """The headline made of `words`: asides, attributions and date phrases removed, trimmed."""
    words = _without_asides(tokens, words, target)
    words = _without_according_to(tokens, words)
    words = _without_attributions(tokens, words, target)
    words = _without_leading_attribution(tokens, words, target)
    words = _without_fronted_phrases(tokens, _trimmed_edges(tokens, words), dates)
    words = _without_dates(tokens, words, dates)
    return _joined(tokens, _trimmed_edges(tokens, words))


def _covered(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens overlapping any of `spans`."""
    spans = list(spans)
    return {i for i, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in spans)}


def event_headline(
    text: str,
    sentence: tuple[int, int],
    span: tuple[int, int],
    dates: Iterable[tuple[int, int]] = (),
) -> str:
    """What happened at the expression `span`: its clause, without date phrases or attributions.

    `sentence` is the sentence's span and `dates` the spans of the other dates in it (removed
    from the headline). "... since a U.S. drone strike killed Iranian military commander Qassem
    Soleimani at Baghdad airport on Friday." -> "U.S. drone strike killed ... at Baghdad airport".
    """
    tokens = tokens_of(text, body_start(text, *sentence), sentence[1])
    target = _covered(tokens, [span])
    if not target:
        return ""
    date_tokens = frozenset(_covered(tokens, [*dates, span]))
    clauses = clauses_of(tokens, date_tokens)
    k = next(n for n, clause in enumerate(clauses) if min(target) < clause.stop)
    return _headline_of(tokens, _clause_words(tokens, clauses, k, date_tokens), target, date_tokens)


# --- intervals -------------------------------------------------------------------------------
class Interval(NamedTuple):
    """The interval a row stands for, with the extent of its expression in the text."""

    start: datetime
    end: datetime
    granularity: str
    expression_start: int
    note: str = ""


_SINCE = re.compile(r"\b(?:" + "|".join(lex.SINCE_WORDS).replace(" ", r"\s+") + r")\s+$", re.I)
_PAST_SPAN = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in lex.PAST_SPAN_OPENERS) + r")\s+$", re.I
)
_FUTURE_SPAN = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in lex.FUTURE_SPAN_OPENERS) + r")\s+$", re.I
)
_SPAN_PREPOSITION = re.compile(r"\b(?:over|in|during|for|within)\s+$", re.I)
_RELATIVE_TO_EVENT = re.compile(
    r"\s+(?:of|after|before|from|since|following|ago|later|earlier|prior)\b", re.I
)
_DURATION = re.compile(r"P(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)")
_DURATION_DAYS = {"D": 1, "W": 7}
_DURATION_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def shifted(day: datetime, amount: float, unit: str, sign: int = 1) -> datetime:
    """`day` moved by `amount` `unit`s (D, W, M, Y, DE, CE) forwards (sign 1) or back (-1)."""
    if unit in _DURATION_DAYS:
        return day + sign * timedelta(days=amount * _DURATION_DAYS[unit])
    months = day.month - 1 + sign * round(amount * _DURATION_MONTHS[unit])
    year, month = day.year + months // 12, months % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=last_day)
        except ValueError:
            continue
    raise ValueError(f"cannot shift {day} by {amount}{unit}")


def _opener(text: str, timex: Timex, pattern: re.Pattern, inside: str) -> int | None:
    """Where the opener of a span starts: before the timex ("over the past") or inside it."""
    m = pattern.search(text, max(0, timex.start - 40), timex.start)
    if m:
        return m.start()
    if not re.match(inside, timex.text, re.I):
        return None
    lead = _SPAN_PREPOSITION.search(text, max(0, timex.start - 12), timex.start)
    return lead.start() if lead else timex.start  # "over | the past three years"


def _duration_span(text: str, timex: Timex, dct: date) -> Interval | None:
    """The range a bounding duration denotes: "over the past three years" ends at the dateline,
    "within the next six months" starts there; other durations bound nothing."""
    m = _DURATION.fullmatch(timex.value)
    if not m or _RELATIVE_TO_EVENT.match(text, timex.end):  # "within one month of the event"
        return None
    amount, unit = float(m.group(1)), m.group(2)
    today = _day_start(dct)
    tomorrow = today + timedelta(days=1)
    past = _opener(text, timex, _PAST_SPAN, r"(?:the\s+)?(?:past|last)\s")
    if past is not None:
        return Interval(
            shifted(today, amount, unit, -1), tomorrow, "range", past, "to the dateline"
        )
    future = _opener(text, timex, _FUTURE_SPAN, r"(?:the\s+)?(?:next|coming)\s")
    if future is not None:
        return Interval(
            today, shifted(tomorrow, amount, unit), "range", future, "from the dateline"
        )
    return None


def row_interval(text: str, timex: Timex, dct: date) -> Interval | None:
    """The interval a timex gives a row, or None: durations, sets, vague references make none.

    "since 2003" runs from 2003 to the dateline; "over the past three years" ends at the
    dateline and "within the next six months" starts there; other dates are their own interval.
    """
    if timex.type == "SET" or timex.value.endswith("_REF"):
        return None
    if timex.type == "DURATION" or timex.interval_start is None:
        return _duration_span(text, timex, dct) if timex.type == "DURATION" else None
    start, end = timex.interval_start, timex.interval_end or timex.interval_start
    since = _SINCE.search(text, max(0, timex.start - 20), timex.start)
    tomorrow = _day_start(dct) + timedelta(days=1)
    if since and start < tomorrow:
        return Interval(start, max(end, tomorrow), "range", since.start(), "until the dateline")
    return Interval(start, end, timex.granularity, timex.start)


# --- event-relative dates --------------------------------------------------------------------
class Relation(NamedTuple):
    """ "a day after <clause>": an offset between the sentence's event and the clause's event."""

    start: int
    end: int
    amount: float
    unit: str  # D, W, M, Y
    sign: int  # +1: the main event comes after the other one ("came a day after"), -1: before


_RELATION = re.compile(
    r"\b(?:the\s+)?(?P<n>" + NUMBER + r")?\s*(?P<unit>" + UNIT + r")\s+(?P<dir>after|before)\b",
    re.I,
)
_SPACE = re.compile(r"\s*")
_RELATION_UNITS = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y"}


def relations_in(text: str, sentence: tuple[int, int]) -> list[Relation]:
    """The "a day after" / "two weeks before" phrases of a sentence that are followed by a clause."""
    found = []
    for m in _RELATION.finditer(text, *sentence):
        word = m.group("unit").lower()
        unit = UNIT_PLURALS.get(word, word)
        number = (m.group("n") or "").lower()
        if unit not in _RELATION_UNITS or not (number or m.group().lower().startswith("the")):
            continue
        if not number and word != unit:
            continue  # "the days before the slaying": how many days is not said
        amount = _number(number) if number else 1
        if amount is None:
            continue
        amount *= UNIT_MULTIPLIER.get(unit, 1)
        sign = 1 if m.group("dir").lower() == "after" else -1
        found.append(Relation(m.start(), m.end(), amount, _RELATION_UNITS[unit], sign))
    return found


def _number(word: str) -> float | None:
    """The value of "a", "two", "12" (None for vague words like "several")."""
    word = re.sub(r"\s+", " ", word.strip())
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def content_words(text: str) -> frozenset[str]:
    """The normalised content words of a text: lower case, no stop words, crude stems.

    "The leaked letter" -> {"leak", "letter"}; "U.S. drone strikes" -> {"us", "drone", "strike"}.
    """
    words = re.findall(r"\w+(?:['’]\w+)?", text.lower().replace(".", ""))
    return frozenset(_stem(w) for w in words if w not in lex.STOPWORDS and len(w) > 1)


def _stem(word: str) -> str:
    """A crude stem: no possessive, plural or tense ending, no final e ("strikes" -> "strik")."""
    word = re.sub(r"['’]s$", "", word)
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            if suffix == "es" and not re.search(r"(?:s|x|z|ch|sh)es$", word):
                suffix = "s"
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def dated_subject(subject: str, earlier: Sequence[dict]) -> dict | None:
    """The latest earlier row whose event mentions every content word of `subject`, or None.

    "The leaked letter came a day after ..." is dated by an earlier row about the "leaked letter".
    """
    wanted = content_words(subject)
    if not wanted:
        return None
    for row in reversed(earlier):
        if wanted <= content_words(row["event"]):
            return row
    return None


# --- rows of one document --------------------------------------------------------------------
_GRANULARITY_ORDER = ("time", "day", "week", "month", "quarter", "half", "year")
_UNIT_GRANULARITY = {"D": "day", "W": "day", "M": "month", "Y": "year"}


def _confidence(timex_confidence: float, anchor: str, dct_source: str) -> float:
    """The tagger's confidence, times the dateline's trust when the value was resolved from it."""
    trust = DATELINE_TRUST.get(dct_source, 0.8) if anchor not in ("none", "") else 1.0
    return round(timex_confidence * trust, 3)


def _row(doc: Document, sentence: tuple[int, int], span: tuple[int, int], **fields: Any) -> dict:
    """One events-frame row of `doc` for the expression at `span` in `sentence`."""
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "dateline": pd.Timestamp(doc.dct),
        "dateline_source": doc.dct_source,
        "expression": doc.text[span[0] : span[1]],
        "sentence": doc.text[sentence[0] : sentence[1]],
        "char_start": span[0],
        "char_end": span[1],
        "sources": doc.doc_id,
        "n_sources": 1,
        **fields,
    }


def _timex_row(
    doc: Document, sentence: tuple[int, int], timex: Timex, dates: list[tuple[int, int]]
) -> dict | None:
    """The row for a dated expression, or None (no interval, in the dateline, no event)."""
    interval = row_interval(doc.text, timex, doc.dct)
    if interval is None or timex.start < body_start(doc.text, *sentence):
        return None
    event = event_headline(doc.text, sentence, (timex.start, timex.end), dates)
    if not re.search(r"[a-z]", event):
        return None
    explanation = timex.explanation or f"{timex.text} → {timex.value}"
    if interval.note:
        explanation += f"; a range {interval.note}"
    return _row(
        doc,
        sentence,
        (interval.expression_start, timex.end),
        timex_type=timex.type,
        timex_value=timex.value,
        granularity=interval.granularity,
        start=interval.start,
        end=interval.end,
        event=event,
        anchor=timex.anchor,
        explanation=explanation,
        confidence=_confidence(timex.confidence, timex.anchor, doc.dct_source),
    )


def _interval_at(day: datetime, granularity: str) -> tuple[datetime, datetime, str]:
    """The day, month or year containing `day`: its start, end and TIMEX3 value."""
    if granularity == "year":
        start = datetime(day.year, 1, 1)
        return start, datetime(day.year + 1, 1, 1), f"{day.year:04d}"
    if granularity == "month":
        start = datetime(day.year, day.month, 1)
        return start, shifted(start, 1, "M"), f"{day.year:04d}-{day.month:02d}"
    start = datetime(day.year, day.month, day.day)
    return start, start + timedelta(days=1), start.date().isoformat()


def _coarser(a: str, b: str) -> str | None:
    """The coarser of two granularities (None when either is not a calendar unit)."""
    if a not in _GRANULARITY_ORDER or b not in _GRANULARITY_ORDER:
        return None
    return max(a, b, key=_GRANULARITY_ORDER.index)


@dataclass(frozen=True)
class _Anchor:
    """The dated side of a relation: its day, granularity, event text and confidence."""

    day: datetime
    granularity: str
    event: str
    confidence: float


def _relation_sides(
    tokens: Sequence[Token], clauses: list[range], phrase: set[int]
) -> tuple[list[int], list[int]]:
    """The sentence's own event (the words before the phrase in its clause, or the clause after
    a fronted phrase) and the other event (the clause, or noun phrase, after the phrase)."""
    first, after = min(phrase), max(phrase) + 1
    main_clause = next(c for c in clauses if first in c)
    other_clause = next(c for c in clauses if after in c)
    stop = other_clause.stop if other_clause != main_clause else _stretch_end(tokens, after)
    main = [i for i in main_clause if i < first]
    if not main:  # "Five years after its launch, the service passed Wal-Mart"
        main = [i for i in main_clause if i > stop]
    return main, list(range(after, stop))


def _timex_anchor(doc: Document, timexes: Sequence[Timex], event: str) -> _Anchor | None:
    """The last dated timex of `timexes` as an anchor for `event`."""
    dated = [t for t in timexes if t.interval_start is not None and t.type in ("DATE", "TIME")]
    if not dated:
        return None
    t = dated[-1]
    granularity = "day" if t.granularity == "time" else t.granularity
    confidence = _confidence(t.confidence, t.anchor, doc.dct_source)
    return _Anchor(t.interval_start, granularity, event, confidence)


def _subject_anchor(
    tokens: Sequence[Token], main: list[int], earlier: Sequence[dict]
) -> _Anchor | None:
    """The date of an earlier row about the main clause's subject ("The leaked letter came")."""
    subject = _words_before_verb(tokens, range(main[0], main[-1] + 1)) if main else []
    row = dated_subject(_joined(tokens, subject), earlier)
    if row is None:
        return None
    day = pd.Timestamp(row["start"]).to_pydatetime()
    return _Anchor(day, row["granularity"], row["event"], row["confidence"])


def _dated_side(
    doc: Document,
    tokens: Sequence[Token],
    relation: Relation,
    sides: tuple[list[int], list[int]],
    timexes: Sequence[Timex],
    earlier: Sequence[dict],
    headline: Callable[[list[int]], str],
) -> tuple[_Anchor, list[int], int] | None:
    """The anchor, the words of the event it dates, and the offset's sign for that event."""
    main, other = sides
    in_other = [t for t in timexes if _covered(tokens, [(t.start, t.end)]) & set(other)]
    anchor = _timex_anchor(doc, in_other, headline(other))
    if anchor:
        return anchor, main, relation.sign
    rest = [t for t in timexes if t not in in_other]
    anchor = _timex_anchor(doc, rest, headline(main)) or _subject_anchor(tokens, main, earlier)
    return (anchor, other, -relation.sign) if anchor else None


def _relation_row(
    doc: Document,
    sentence: tuple[int, int],
    relation: Relation,
    timexes: Sequence[Timex],
    earlier: Sequence[dict],
) -> dict | None:
    """The row an event-relative phrase dates ("a day after <clause>"), or None if neither side
    is dated.

    The dated side is, in order: a date in the clause after the phrase (then the sentence's own
    event is dated); a date elsewhere in the sentence; or the latest earlier row of the article
    whose event mentions the sentence's subject ("The leaked letter came a day after ...").
    """
    tokens = tokens_of(doc.text, body_start(doc.text, *sentence), sentence[1])
    phrase = _covered(tokens, [(relation.start, relation.end)])
    if not phrase or max(phrase) + 1 >= len(tokens):
        return None
    dates = _covered(tokens, [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")])
    sides = _relation_sides(tokens, clauses_of(tokens, frozenset(dates)), phrase)
    headline = lambda words: _headline_of(tokens, words, set(), dates)  # noqa: E731
    found = _dated_side(doc, tokens, relation, sides, timexes, earlier, headline)
    if found is None:
        return None
    anchor, target, sign = found
    granularity = _coarser(anchor.granularity, _UNIT_GRANULARITY[relation.unit])
    event = headline(target)
    if granularity is None or not re.search(r"[a-z]", event):
        return None
    day = shifted(_day_start(anchor.day), relation.amount, relation.unit, sign)
    start, end, value = _interval_at(day, granularity)
    direction = "after" if sign > 0 else "before"
    return _row(
        doc,
        sentence,
        (relation.start, relation.end),
        timex_type="DATE",
        timex_value=value,
        granularity=granularity,
        start=start,
        end=end,
        event=event,
        anchor="event",
        explanation=(
            f"{doc.text[relation.start : relation.end]} → {value}: {_amount(relation)} "
            f"{direction} the event dated {anchor.day.date().isoformat()} (“{anchor.event}”)"
        ),
        confidence=round(anchor.confidence * EVENT_RELATIVE_TRUST, 3),
    )


def _amount(relation: Relation) -> str:
    """ "1 day", "14 days", "5 years": the relation's offset in words."""
    n = relation.amount * (7 if relation.unit == "W" else 1)
    name = _UNIT_GRANULARITY[relation.unit]
    return f"{n:g} {name}" + ("" if n == 1 else "s")


def _usable_relations(
    relations: list[Relation], timexes: Sequence[Timex], text: str
) -> list[Relation]:
    """Relations not followed by a date ("the day after tomorrow" is the tagger's)."""
    starts = {t.start for t in timexes}
    return [r for r in relations if _SPACE.match(text, r.end).end() not in starts]


def sentence_rows(
    doc: Document, sentence: tuple[int, int], timexes: Sequence[Timex], earlier: Sequence[dict]
) -> list[dict]:
    """The rows of one sentence: its dated expressions, then its event-relative phrases."""
    relations = _usable_relations(relations_in(doc.text, sentence), timexes, doc.text)
    overlaps = lambda t: any(r.start < t.end and t.start < r.end for r in relations)  # noqa: E731
    plain = [t for t in timexes if not overlaps(t)]
    dates = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")]
    dates += [(r.start, r.end) for r in relations]
    rows = [row for t in plain if (row := _timex_row(doc, sentence, t, dates))]
    for relation in relations:
        row = _relation_row(doc, sentence, relation, plain, [*earlier, *rows])
        if row:
            rows.append(row)
    return rows


def document_events(doc: Document) -> pd.DataFrame:
    """The unmerged rows of one document (its reference date already set): pure, per document."""
    from . import tag

    if doc.dct is None:
        raise ValueError(f"{doc.path or doc.doc_id}: no reference date (resolve it first)")
    timexes = sorted(tag(doc.text, doc.dct), key=lambda t: (t.start, t.end))
    rows: list[dict] = []
    for sentence in sentence_spans(doc.text):
        inside = [t for t in timexes if sentence[0] <= t.start < sentence[1]]
        rows += sentence_rows(doc, sentence, inside, rows)
    if not rows:
        return empty_frame()
    return conform(pd.DataFrame(rows))


# --- merging across documents ----------------------------------------------------------------
def event_key(event: str) -> str:
    """The normalised form two reports of one event share: sorted content-word stems.

    "A U.S. drone strike killed Soleimani" and "US drone strikes kill Soleimani" share
    "drone kill soleimani strike us". Equal keys (with equal intervals) are the same event.
    """
    return " ".join(sorted(content_words(event)))


# The report kept for a merged event: the most confident, then a fixed tie-break.
_PREFERENCE = ["_neg_confidence", "doc_id", "char_start", "event"]


def merge_events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event: rows with the same interval and the same event key become one.

    The kept row is the most confident report (ties: smallest doc_id, then position); `sources`
    lists every doc_id reporting it, `n_sources` counts them. Merging is idempotent and merging
    per-partition merges gives the same frame as merging everything at once.
    """
    if frame.empty:
        return conform(frame)
    work = conform(frame).reset_index(drop=True)
    work["_key"] = work["event"].fillna("").map(event_key)
    work["_neg_confidence"] = -work["confidence"].fillna(0.0)
    groups = ["start", "end", "_key"]
    sources = (
        work.assign(_source=work["sources"].fillna(work["doc_id"]).str.split(SOURCES_SEP))
        .explode("_source")
        .groupby(groups, dropna=False)["_source"]
        .agg(lambda s: sorted(set(s.dropna())))
    )
    best = work.sort_values([*groups, *_PREFERENCE], kind="stable").drop_duplicates(groups)
    joined = best.set_index(groups).join(sources.rename("_sources")).reset_index()
    joined["sources"] = joined["_sources"].map(SOURCES_SEP.join)
    joined["n_sources"] = joined["_sources"].map(len)
    merged = joined.sort_values(["start", "end", "doc_id", "char_start"], kind="stable")
    out = conform(merged.reset_index(drop=True))
    out.attrs = dict(frame.attrs)
    return out


# --- the frame of a batch --------------------------------------------------------------------
FEW_DOCUMENTS = 3  # no progress bar for this many documents or fewer
AUTO_PROGRESS_DELAY = 0.5  # seconds before an unasked-for bar appears (quick runs show none)


def _article(doc: Document) -> dict:
    """The attrs[ARTICLES] entry of a document."""
    return {
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "path": doc.path,
        "dateline": doc.dct.isoformat() if doc.dct else "",
        "dateline_source": doc.dct_source,
        "text": doc.text,
    }


def _progress(items: Iterable, total: int | None, quiet: bool, progress: bool | None) -> Iterable:
    """`items` behind a tqdm bar on stderr: always when `progress` is True; by default only in a
    terminal, not `quiet`, for more than a few documents, and once the batch has run a moment."""
    if progress is False or (progress is None and (quiet or not sys.stderr.isatty())):
        return items
    if progress is None and total is not None and total <= FEW_DOCUMENTS:
        return items
    from tqdm import tqdm

    delay = 0 if progress else AUTO_PROGRESS_DELAY
    return tqdm(items, total=total, desc="timeline", unit="doc", file=sys.stderr, delay=delay)


@dataclass
class _Batch:
    """What a batch collects besides rows: articles, bad files and warnings."""

    parts: list[pd.DataFrame]
    articles: dict
    errors: list[dict]
    warnings: list[dict]
    seen: set[str]

    def frame(self) -> pd.DataFrame:
        rows = [p for p in self.parts if not p.empty]
        frame = merge_events(pd.concat(rows, ignore_index=True)) if rows else empty_frame()
        frame.attrs = {
            ARTICLES: Articles(self.articles),
            ERRORS: self.errors,
            WARNINGS: self.warnings,
        }
        return frame


def _add_document(batch: _Batch, doc: Document, explicit: date | None) -> None:
    """Date, tag and add one document; a document that fails becomes an error record."""
    where = doc.path or doc.doc_id
    try:
        doc = reference_date(doc, explicit)
    except ReferenceDateError as exc:
        batch.errors.append({"path": where, "reason": str(exc)})
        return
    doc = replace(doc, doc_id=unique_id(doc.doc_id, batch.seen))
    try:
        part = document_events(doc)
    except Exception as exc:  # a bug on one article must not lose the batch
        batch.errors.append({"path": where, "reason": f"could not extract events: {exc}"})
        return
    batch.warnings += [{"path": where, "message": note} for note in doc.warnings]
    batch.articles[doc.doc_id] = _article(doc)
    batch.parts.append(part)


def _run(
    items: Iterable[Document | ReadError],
    dateline_of: Callable[[Document, int], date | None],
    total: int | None,
    quiet: bool,
    progress: bool | None,
) -> pd.DataFrame:
    """The frame of a batch; `dateline_of(doc, n)` gives the n-th document's explicit dateline."""
    batch = _Batch([], {}, [], [], set())
    n = 0
    for item in _progress(items, total, quiet, progress):
        if isinstance(item, ReadError):
            batch.errors.append({"path": item.path, "reason": item.reason})
            continue
        _add_document(batch, item, dateline_of(item, n))
        n += 1
    return batch.frame()


def frame_from_documents(
    docs: Iterable[Document | ReadError],
    dateline: Any = None,
    quiet: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """The events frame of documents already read (uploads, a re-dated article).

    `dateline` is one date for all, or a list with one date per document in order (read errors
    take none); a list of the wrong length is a ValueError.
    """
    items = list(docs) if one_per_item(dateline) else docs
    count = sum(isinstance(item, Document) for item in items) if items is not docs else None
    explicit_for = explicit_datelines(dateline, count or 0, noun="document")
    return _run(items, lambda doc, n: explicit_for(n), count, quiet, progress)


def extract(
    inputs: Any = None,
    dateline: Any = None,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    quiet: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One merged events frame from files, folders or globs (None: the bundled samples).

    `dateline` is one date for every document, or a list with one date per input (every
    document read from the i-th input gets the i-th date); a list of the wrong length is a
    ValueError. Bad files become attrs[ERRORS], notes such as an inferred dateline attrs[WARNINGS].
    """
    paths = sample_paths() if inputs is None else inputs
    if isinstance(paths, (str, bytes)) or not isinstance(paths, Iterable):
        paths = [paths]
    paths = list(paths)
    explicit_for = explicit_datelines(dateline, len(paths))
    items = read_inputs(
        paths, text_column=text_column, date_column=date_column, title_column=title_column
    )
    total = len(paths) if all(_is_file(p) for p in paths) else None
    return _run(
        items, lambda doc, n: explicit_for(doc.meta.get("input_index", 0)), total, quiet, progress
    )


def _is_file(path: Any) -> bool:
    try:
        return Path(path).is_file()
    except (TypeError, OSError):
        return False
