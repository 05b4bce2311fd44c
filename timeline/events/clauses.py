"""Clauses: a sentence's tokens cut where a connector, a separator or a fresh verb starts a clause.

Heuristic and lexical (word lists in `timeline.tagger.lexicon.events`): a verb is known by its
form and the word before it; "since", "after" start a clause only when a verb follows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..tagger.lexicon import NUMBER_WORDS
from ..tagger.lexicon import events as lex
from ..text import Token, tokens_of

SEPARATORS = frozenset({";", ":", "-", "–", "—", "_", "--"})  # "_" is a dash in wire copy


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


def _inflections(bases: frozenset[str]) -> frozenset[str]:
    """The -s, -ed and -ing forms of base verbs ("plan": "plans", "planned", "planning")."""
    out = set()
    for base in bases:
        stem = base[:-1] if base.endswith("e") else base
        double = base + base[-1] if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", base) else base
        out |= {base + "s", base + "es", stem + "ed", double + "ed", stem + "ing", double + "ing"}
    return frozenset(out - bases)


_NEWS_VERB_FORMS = _inflections(lex.NEWS_VERBS)
_IN_VERB_GROUP = frozenset({"not", "n't", "also", "still", "never", "soon", "then", "now",
                            "already", "just", "only", "even", "ever", "again"})  # fmt: skip
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re"})


def _word_before_group(tokens: Sequence[Token], i: int) -> str:
    """The word before token `i`, past adverbs inside a verb group ("will soon | provide")."""
    j = i - 1
    while j >= 0 and (tokens[j].low in _IN_VERB_GROUP or tokens[j].low.endswith("ly")):
        j -= 1
    return tokens[j].low if j >= 0 else ""


class SentenceTokens(list):
    """A sentence's tokens, remembering which are verbs (asked for every word, many times) and
    which words and marks it has at all (so a step with nothing to do returns at once)."""

    def __init__(self, tokens: Iterable[Token]) -> None:
        super().__init__(tokens)
        self.verbs: list[bool | None] = [None] * len(self)
        self.lows = frozenset([t.low for t in self])


def lacks(tokens: Sequence[Token], words: Iterable[str]) -> bool:
    """Whether none of `words` (lower case) is among the tokens: a quick no for a whole step."""
    try:
        return tokens.lows.isdisjoint(words)  # type: ignore[attr-defined]
    except AttributeError:  # a plain list of tokens
        return {t.low for t in tokens}.isdisjoint(words)


def is_verb(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` looks like a verb, judged from its form and the words before it."""
    try:
        known = tokens.verbs[i]  # type: ignore[attr-defined]
    except AttributeError:  # a plain list of tokens: nothing remembered
        return _is_verb(tokens, i)
    if known is None:
        known = tokens.verbs[i] = _is_verb(tokens, i)  # type: ignore[attr-defined]
    return known


def _is_verb(tokens: Sequence[Token], i: int) -> bool:
    """`is_verb`, worked out."""
    low = tokens[i].low
    if low in _CLITIC_S:  # "it 's" is "it is"; "Apple 's store" (tokenized text) a possessive
        return i > 0 and tokens[i - 1].low in _CLITIC_S_HOSTS
    if low in lex.AUXILIARIES or low in lex.COMMON_VERBS:
        return True
    text = tokens[i].text
    previous, before_low = (tokens[i - 1].text, tokens[i - 1].low) if i else ("", "")
    if not text[:1].islower() or before_low in lex.DETERMINERS or previous == "of":
        return False
    before = _word_before_group(tokens, i)
    if before in lex.DETERMINERS:
        return False  # "the recently announced iPhone": a modifier
    if low.endswith("ed") and len(low) > 4 and low not in lex.NOT_VERBS_ED:
        return True
    if before in lex.BARE_VERB_AFTER and before != "to" and low.isalpha():
        return low not in lex.STOPWORDS and low not in lex.PREPOSITIONS  # "will provide"
    if low in lex.NEWS_VERBS and (before == "to" or _after_a_subject(tokens, i)):
        return True  # "to leave", "they plan", "Apple and Google compete"
    if low.endswith("ing") and len(low) > 5 and (before in _BE or previous == ","):
        return True  # "is selling", ", overwhelming Apple and AT&T"
    if low in _NEWS_VERB_FORMS and not low.endswith("ing"):
        return _after_a_subject(tokens, i) or before_low in ("and", "but")
    if _THIRD_PERSON.fullmatch(low) and low not in lex.STOPWORDS:
        if before_low in ("and", "but") and low in _NEWS_VERB_FORMS:
            return True  # "was first introduced by Apple, and includes multitasking"
        return _after_a_subject(tokens, i)  # "Esper speaks", "Apple unveils", "he says"
    return False


_THIRD_PERSON = re.compile(r"[a-z]+[^su]s")  # "speaks", "unveils", "says"
_CLITIC_S = frozenset({"'s", "’s"})
_CLITIC_S_HOSTS = frozenset({"he", "she", "it", "that", "there", "here", "what", "who", "where",
                             "how", "this", "let"})  # fmt: skip
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "you", "he", "she", "it", "who", "which", "that"})


def _after_a_subject(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word before a verb-looking form is a subject: a pronoun, or a name that is
    not itself a modifier ("Apple unveils", not "the Apple release")."""
    previous = tokens[i - 1].text if i else ""
    if previous.lower() in _SUBJECT_PRONOUNS:
        return True
    proper = previous.isalpha() and previous[:1].isupper() and not previous.isupper()
    lowered = previous.lower()
    if not proper or lowered in lex.STOPWORDS or lowered in lex.PREPOSITIONS:
        return False  # "In his keynote": a capitalised opener, no name
    if lowered in NUMBER_WORDS or lowered in lex.DETERMINERS:
        return False  # "Five years after": a number, no subject
    return i < 2 or tokens[i - 2].low not in lex.DETERMINERS


def verb_group(tokens: Sequence[Token], clause: range) -> list[int]:
    """The clause's first verb group: its first verb and the verbs and adverbs right after it
    ("would soon be released")."""
    first = next((i for i in clause if is_verb(tokens, i)), None)
    if first is None:
        return []
    group = [first]
    for i in range(first + 1, clause.stop):
        if is_verb(tokens, i):
            group.append(i)
        elif not (tokens[i].low in _IN_VERB_GROUP or tokens[i].low.endswith("ly")):
            break
    return group


def trigger_of(tokens: Sequence[Token], clause: range) -> int | None:
    """The event word of a clause: the last verb of its first verb group ("would be released"),
    else an event noun ("the keynote"), else None (no predicate: not an event)."""
    group = verb_group(tokens, clause)
    if group:
        return group[-1]
    return next((i for i in clause if tokens[i].low in lex.EVENT_NOUNS), None)


def has_verb(tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return any(is_verb(tokens, i) for i in range(lo, hi))


def stretch_end(tokens: Sequence[Token], lo: int) -> int:
    """The end of the words from `lo` up to the next comma, separator or connector."""
    for i in range(lo, len(tokens)):
        if tokens[i].text == "," or tokens[i].text in SEPARATORS or tokens[i].low in LINKS:
            return i
    return len(tokens)


def in_fixed_phrase(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i` is part of a phrase like "as well as" or "such as"."""
    for phrase, k in _NON_CLAUSE_PHRASES.get(tokens[i].low, ()):
        if i - k >= 0 and tuple(t.low for t in tokens[i - k : i - k + len(phrase)]) == phrase:
            return True
    return False


def _after_attribution(tokens: Sequence[Token], comma: int) -> bool:
    """Whether the words before `comma` (back to the previous comma or connector) are an
    attribution, as in "This switch, he said, would happen" or ", said Milley"."""
    for i in range(comma - 1, -1, -1):
        if tokens[i].text == "," or tokens[i].low in LINKS:
            return False
        if tokens[i].low in lex.ATTRIBUTION_VERBS and is_verb(tokens, i):
            return True
    return False


def _starts_clause(tokens: Sequence[Token], i: int, protected: frozenset[int]) -> bool:
    """Whether a clause starts at token `i`: a connector followed by a clause, or a verb right
    after a comma (", filed in September 2003,"); not inside "as well as", "such as" ..."""
    return _may_start_clause(tokens, i, protected) and not in_fixed_phrase(tokens, i)


def _may_start_clause(tokens: Sequence[Token], i: int, protected: frozenset[int]) -> bool:
    """`_starts_clause` but for fixed phrases (checked only when this says yes)."""
    low, previous = tokens[i].low, tokens[i - 1].low
    if previous == "," and is_verb(tokens, i) and not _after_attribution(tokens, i - 1):
        return True
    if low not in _CONNECTOR_WORDS:
        return False
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
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
    if low in ("for", "to") and previous in lex.PLAN_WORDS and i + 1 < len(tokens):
        return True  # "is slated | for a U.S. release on June 24", "is expected | to launch"
    if low == "to" and i + 1 < len(tokens) and is_verb(tokens, i + 1):
        return True  # "another special event | to be held on October 12"
    return False


_CONNECTOR_WORDS = (
    lex.RELATIVE_PRONOUNS
    | lex.SUBORDINATORS
    | lex.CLAUSE_OR_PREPOSITION
    | lex.COORDINATORS
    | {"that", "for", "to"}
)


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
        if token.text in SEPARATORS:  # "device - Apple TV": the mark stays with the clause before
            if i >= lo:
                bounds.append(range(lo, i + 1))
            lo = i + 1
        elif (
            i > lo
            and (token.low in _CONNECTOR_WORDS or tokens[i - 1].text == ",")  # a quick no
            and _starts_clause(tokens, i, protected)
        ):
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


@lru_cache(maxsize=8192)  # a headline's words are asked for a few times, close together
def content_words(text: str) -> frozenset[str]:
    """The normalised content words of a text: lower case, no stop words, crude stems.

    "The leaked letter" -> {"leak", "letter"}; "U.S. drone strikes" -> {"us", "drone", "strike"}.
    """
    words = re.findall(r"\w+(?:['’]\w+)?", text.lower().replace(".", ""))
    return frozenset(stem(w) for w in words if w not in lex.STOPWORDS and len(w) > 1)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: no possessive, plural or tense ending, no final e ("strikes" -> "strik")."""
    word = re.sub(r"['’]s$", "", word)
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            if suffix == "es" and not re.search(r"(?:s|x|z|ch|sh)es$", word):
                suffix = "s"
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@dataclass(frozen=True)
class Parts:
    """One sentence cut for the events stage: its tokens (after a dateline prefix or a caption
    label), the tokens that belong to dates, its clauses and each clause's event word."""

    tokens: list[Token]
    dates: frozenset[int]
    clauses: list[range]
    triggers: list[int | None]

    def covered(self, spans: Iterable[tuple[int, int]]) -> set[int]:
        """Indices of the tokens overlapping any of `spans` (character offsets)."""
        return covered_by(self.tokens, spans)

    def clause_at(self, i: int) -> int:
        """The index of the clause holding token `i`."""
        return bisect_right([c.start for c in self.clauses], i) - 1


def covered_by(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens overlapping any of `spans`: a binary search per span, so a long
    sentence with many dates stays linear."""
    starts = [t.start for t in tokens]
    out: set[int] = set()
    for start, end in spans:
        i = max(0, bisect_right(starts, start) - 1)
        while i < len(tokens) and tokens[i].start < end:
            if tokens[i].end > start:
                out.add(i)
            i += 1
    return out


def sentence_parts(
    text: str, span: tuple[int, int], date_spans: Iterable[tuple[int, int]]
) -> Parts:
    """The parts of the sentence at `span` whose dates lie at `date_spans`."""
    tokens = SentenceTokens(tokens_of(text, body_start(text, *span), span[1]))
    dates = frozenset(covered_by(tokens, date_spans))
    clauses = clauses_of(tokens, dates) if tokens else []
    return Parts(tokens, dates, clauses, [trigger_of(tokens, c) for c in clauses])
