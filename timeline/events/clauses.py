"""Clauses: a sentence's tokens cut where a connector, a separator or a fresh verb starts a clause.

Heuristic and lexical (word lists in `timeline.tagger.lexicon.events`): a verb is known by its
form and the word before it; "since", "after" start a clause only when a verb follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..tagger.lexicon import events as lex
from ..text import Token

_SEPARATORS = frozenset({";", ":", "-", "–", "—"})


QUOTES = "\"“”‘’'"


_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z .'’-]{2,}(?:,[^()\n]{1,40}?)?\s*"
    r"(?:\((?i:" + "|".join(sorted(lex.AGENCIES, key=len, reverse=True)) + r")\)\s*)?[-–—]+\s+"
)


_CAPTION_LABEL = re.compile(r"(?:" + "|".join(lex.CAPTION_LABELS) + r")\s*:\s*")


# word -> (phrase, the word's place in it), for the phrases holding that word
_NON_CLAUSE_PHRASES: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase in lex.NON_CLAUSE_PHRASES:
    for _k, _word in enumerate(_phrase.split()):
        _NON_CLAUSE_PHRASES.setdefault(_word, []).append((tuple(_phrase.split()), _k))
LINKS = lex.RELATIVE_PRONOUNS | lex.SUBORDINATORS | lex.COORDINATORS


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
    if not text[:1].islower() or previous.lower() in lex.DETERMINERS or previous == "of":
        return False
    if low.endswith("ed") and len(low) > 4 and low not in lex.NOT_VERBS_ED:
        return True
    if re.fullmatch(r"[a-z]+[^su]s", low):  # "Esper speaks", "Apple unveils", "he says"
        proper = previous.isalpha() and previous[:1].isupper() and not previous.isupper()
        return (proper and i > 1) or previous.lower() in {"he", "she", "it"}
    return False


def has_verb(tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return any(is_verb(tokens, i) for i in range(lo, hi))


def stretch_end(tokens: Sequence[Token], lo: int) -> int:
    """The end of the words from `lo` up to the next comma, separator or connector."""
    for i in range(lo, len(tokens)):
        if tokens[i].text == "," or tokens[i].text in _SEPARATORS or tokens[i].low in LINKS:
            return i
    return len(tokens)


def _in_fixed_phrase(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` is part of a phrase like "as well as" or "such as"."""
    for phrase, k in _NON_CLAUSE_PHRASES.get(tokens[i].low, ()):
        if i - k >= 0 and tuple(t.low for t in tokens[i - k : i - k + len(phrase)]) == phrase:
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
    if previous == "," and is_verb(tokens, i) and not _after_attribution(tokens, i - 1):
        return True
    if low == "that":
        return previous not in lex.THAT_AS_DETERMINER_AFTER and following not in {"'s", "’s"}
    if low in lex.RELATIVE_PRONOUNS or low in lex.SUBORDINATORS:
        return True
    if low in lex.CLAUSE_OR_PREPOSITION:
        return i + 1 not in protected and has_verb(tokens, i + 1, stretch_end(tokens, i + 1))
    if low in lex.COORDINATORS:
        if previous == ",":  # ", and Apple shares fell", ", and that applications can be ..."
            return has_verb(tokens, i + 1, stretch_end(tokens, i + 2))
        return i + 1 < len(tokens) and is_verb(tokens, i + 1)
    return False


def is_relative(
    tokens: Sequence[Token], clause: range, dates: frozenset[int] = frozenset()
) -> bool:
    """Whether the clause is a relative clause ("a letter that created ..."), not a reported one
    ("said that ...", "would recommend to its board today that ...")."""
    first = tokens[clause.start].low
    if first not in lex.RELATIVE_PRONOUNS or first == "where" or not clause.start:
        return False
    before = clause.start - 1
    return first != "that" or not (is_verb(tokens, before) or before in dates)


def _relative_clause_end(tokens: Sequence[Token], clause: range, dates: frozenset[int]) -> int:
    """Where the main verb resumes after a relative clause: "a letter that created ... | was",
    "rain that began on New Year's Eve | flooded"."""
    if not is_relative(tokens, clause, dates):
        return clause.stop
    seen_verb = False
    for i in range(clause.start + 1, clause.stop):
        verb = is_verb(tokens, i)
        resumes = tokens[i].low in lex.AUXILIARIES or i - 1 in dates
        if verb and seen_verb and resumes and not is_verb(tokens, i - 1):
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
