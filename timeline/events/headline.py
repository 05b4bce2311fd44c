"""Headlines: an event's clause trimmed to a short statement (subject, predicate, complements),
without its date phrases, attributions and asides."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice

from ..tagger.lexicon import UNIT_PLURALS, UNITS
from ..tagger.lexicon import events as lex
from ..text import CAMEL, Token, tokens_of
from .clauses import (
    LINKS,
    QUOTES,
    SEPARATORS,
    body_start,
    clauses_of,
    covered_by,
    has_verb,
    in_fixed_phrase,
    is_relative,
    is_verb,
    lacks,
)

_CLOSING = frozenset({",", ".", ";", ":", "!", "?", "”", "’", ")", "]", "…"})


_OPENING_MARKS = frozenset({"“", "‘", "(", "["})


_CONNECTORS = LINKS | lex.CLAUSE_OR_PREPOSITION


_DANGLING = (lex.DATE_PREPOSITIONS | lex.COORDINATORS | lex.DANGLING_ENDINGS) - {
    "earlier",
    "later",
    "early",
    "late",
    "soon",  # these may end a statement: "from a year earlier"
}


_MAX_NOUN_PHRASE = 12


_NOT_NOUNS = lex.DATE_PREPOSITIONS | lex.PREPOSITIONS | _CONNECTORS | lex.STOPWORDS


def words_before_verb(tokens: Sequence[Token], clause: range) -> list[int]:
    """The clause's words before its first verb (its subject), or [] when there is no verb."""
    for i in clause:
        if is_verb(tokens, i):
            words = [
                j
                for j in range(clause.start, i)
                if tokens[j].low not in _CONNECTORS and tokens[j].low not in _NO_SUBJECT
            ]
            return _without_edge_marks(tokens, words) if len(words) <= _MAX_NOUN_PHRASE else []
    return []


_NO_SUBJECT = frozenset({"to", "not", "also", "still", "never", "soon", "already", "just"})


def _without_edge_marks(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without punctuation at either end."""
    lo, hi = 0, len(words)
    marks = _CLOSING | _OPENING_MARKS | set(QUOTES)
    while lo < hi and tokens[words[lo]].text in marks:
        lo += 1
    while hi > lo and tokens[words[hi - 1]].text in marks:
        hi -= 1
    return words[lo:hi]


def _antecedent(tokens: Sequence[Token], clause: range) -> list[int]:
    """The noun phrase a relative clause describes: the previous clause's words after its verb,
    from the first determiner, name or number ("come up between | the manufacturer of ...")."""
    verbs = [i for i in clause if is_verb(tokens, i)]
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
    return is_verb(tokens, first)


def _subject_for(
    tokens: Sequence[Token], clauses: list[range], k: int, dates: frozenset[int]
) -> list[int]:
    """The subject a verb-first clause `k` shares with the nearest clause before it that has one."""
    for j in range(k - 1, -1, -1):
        clause = clauses[j]
        if is_relative(tokens, clause, dates):
            return _antecedent(tokens, clauses[j - 1])
        if not has_verb(tokens, clause.start, clause.stop):  # "Jobs, | born in ..."
            return _without_edge_marks(tokens, list(clause))[:_MAX_NOUN_PHRASE]
        subject = words_before_verb(tokens, clause)
        if subject:
            return subject
    return []


def _is_attribution(tokens: Sequence[Token], clause: Iterable[int]) -> bool:
    return any(tokens[i].low in lex.ATTRIBUTION_VERBS for i in clause)


def clause_words(
    tokens: Sequence[Token], clauses: list[range], k: int, dates: frozenset[int]
) -> list[int]:
    """Clause `k` completed into a stand-alone statement: its subject, antecedent or message."""
    clause = clauses[k]
    words = list(clause)
    first = tokens[clause.start].low
    if is_relative(tokens, clause, dates):
        words = _antecedent(tokens, clauses[k - 1]) + words[1:]
    elif k and is_planned(tokens, clauses, k):
        words = list(clauses[k - 1]) + words  # "It is slated | for a U.S. release on June 24"
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


def group_words(
    tokens: Sequence[Token], clauses: list[range], members: Sequence[int], dates: frozenset[int]
) -> list[int]:
    """The words of a row made of several clauses of one sentence: the clauses as written, each
    completed by what it borrows from a clause outside the row (its subject, its antecedent, the
    message of an attribution), in the sentence's order."""
    inside = {i for k in members for i in clauses[k]}
    words = set(inside)
    for k in members:
        completed = clause_words(tokens, clauses, k, dates)
        borrowed = set(completed) - set(clauses[k])
        if borrowed and not borrowed <= inside:
            words |= borrowed
            words -= set(clauses[k]) - set(completed)  # "that", "and" before the borrowed words
        if _inserted_participle(tokens, clauses, k):  # "the bridge, closed ..., will be"
            words.discard(clauses[k].start - 1)  # as a statement: "the bridge closed"
    ordered = sorted(words)
    return [  # a comma beside words of another row went with them: "the bridge, | will be ..."
        i
        for n, i in enumerate(ordered)
        if tokens[i].text != ","
        or (0 < n < len(ordered) - 1 and ordered[n - 1] == i - 1 and ordered[n + 1] == i + 1)
    ]


def _inserted_participle(tokens: Sequence[Token], clauses: list[range], k: int) -> bool:
    """Whether clause `k` is a participle set off by commas inside another clause ("the bridge,
    closed three years ago, will be rebuilt"): the clause after it goes on without a subject."""
    before = clauses[k].start - 1
    return (
        0 < k < len(clauses) - 1
        and tokens[before].text == ","
        and _starts_with_predicate(tokens, clauses[k])
        and _starts_with_predicate(tokens, clauses[k + 1])
    )


def is_planned(tokens: Sequence[Token], clauses: list[range], k: int) -> bool:
    """Whether clause `k` is what the clause before it plans ("is slated | for a release")."""
    start = clauses[k].start
    return (
        k > 0
        and tokens[start].low in ("for", "to")
        and tokens[clauses[k - 1].stop - 1].low in lex.PLAN_WORDS
    )


def _without_asides(tokens: Sequence[Token], words: list[int], target: set[int]) -> list[int]:
    """Words without parenthesised asides that do not hold the date: "the conference (WWDC)"."""
    if lacks(tokens, ("(",)):
        return words
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
    if lacks(tokens, ("according",)):
        return words
    lows = [tokens[i].low for i in words]
    for p in range(len(words) - 1):
        if lows[p] == "according" and lows[p + 1] == "to":
            if p and lows[p - 1] == ",":  # "..., according to figures released by NPD, a firm"
                return words[: p - 1]
            q = next((j for j in range(p + 2, len(words)) if lows[j] == ","), len(words))
            return words[:p] + words[q + 1 :]
    return words


_MAX_ATTRIBUTION_TAIL = 6  # words after the verb of an attribution: "told a group of reporters"


def attribution_after(tokens: Sequence[Token], words: list[int], p: int) -> int | None:
    """If an attribution (", Milley said", ", said the office", ", he told reporters,") follows
    the comma at `p`, where it ends: the index of its closing comma when it is an aside, else
    len(words). Not an attribution when a statement follows its verb ("Jobs announced the
    release of ...", "said that ...").

    Reads a bounded stretch after `p` (ten words for the verb, a short tail after it), so asking
    at every comma of a long sentence stays linear."""
    rest = list(
        islice((n for n in range(p + 1, len(words)) if tokens[words[n]].text not in QUOTES), 10)
    )
    verb = next(
        (
            n
            for n in rest
            if tokens[words[n]].low in lex.ATTRIBUTION_VERBS and is_verb(tokens, words[n])
        ),
        None,
    )
    if verb is None:
        return None
    subject = [words[n] for n in rest if n < verb]
    if any(tokens[i].text == "," or is_verb(tokens, i) for i in subject):
        return None
    closing, tail = None, []
    for n in range(verb + 1, len(words)):
        text = tokens[words[n]].text
        if text == ",":
            closing = n
            break
        if text not in _CLOSING and text not in QUOTES:
            tail.append(words[n])
            if len(tail) > _MAX_ATTRIBUTION_TAIL:
                return None
    if any(tokens[i].low == "that" or is_verb(tokens, i) for i in tail):
        return None
    return closing if closing is not None else len(words)


def _without_attributions(tokens: Sequence[Token], words: list[int], target: set[int]) -> list[int]:
    """Words without trailing or inserted attributions (", the top U.S. officer told reporters",
    ", he said,") that do not hold the date."""
    if lacks(tokens, lex.ATTRIBUTION_VERBS):
        return words
    p = 0
    while p < len(words):
        if tokens[words[p]].text == ",":
            end = attribution_after(tokens, words, p)
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
    verb = next(
        (
            n
            for n, i in enumerate(head)
            if tokens[i].low in lex.ATTRIBUTION_VERBS and is_verb(tokens, i)
        ),
        -1,
    )
    if verb <= 0 or any(tokens[i].text == "," or is_verb(tokens, i) for i in head[:verb]):
        return words
    rest = words[verb + 1 :]
    if rest and tokens[rest[0]].low == "that":
        rest = rest[1:]
    before_date = [i for i in rest if i < min(target, default=0)]
    if target <= set(rest) and any(is_verb(tokens, i) for i in before_date):
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
    if dates.isdisjoint(words):
        return words
    drop: set[int] = set()
    subjects: set[int] = set()
    for p, i in enumerate(words):
        if i not in dates or (p and words[p - 1] in dates):
            continue
        r = p
        while r < len(words) and words[r] in dates:
            r += 1
        adverbial = p > 0 and tokens[words[p - 1]].low in lex.DATE_PREPOSITIONS - {"the"}
        if r < len(words) and not adverbial and _is_noun_after_date(tokens, words[r]):
            continue  # "the 1991 agreement": the date qualifies a noun
        q = p - 1
        while q >= 0 and p - q <= 3 and tokens[words[q]].low in lex.DATE_PREPOSITIONS:
            q -= 1
        end = _date_phrase_end(tokens, words, r)
        if _a_subject(tokens, words, q, p, end):
            subjects.update(words[p:end])  # "that day has come": the date is the subject
            continue
        drop.update(words[q + 1 : p])
        drop.update(words[r:end])
        if (
            end < len(words)
            and tokens[words[end]].text == ","
            and (q < 0 or tokens[words[q]].text == ",")
        ):
            drop.add(words[end])
    kept = [i for i in words if (i not in dates or i in subjects) and i not in drop]
    return [  # no comma right after another one (left where a date went)
        i
        for n, i in enumerate(kept)
        if not (n and tokens[i].text == "," and tokens[kept[n - 1]].text == ",")
    ]


def _a_subject(tokens: Sequence[Token], words: list[int], q: int, p: int, end: int) -> bool:
    """Whether the date phrase words[q + 1:end] (the date from `p`) is its clause's subject, to
    keep: it opens the clause or follows a determiner ("that day has come", "the very beginning
    of the financial year marked", "its fourth quarter ended"), no preposition leads it, and a
    verb follows. "Apple today unveiled" and "forces Thursday launched" are adverbials."""
    if end >= len(words) or not is_verb(tokens, words[end]):
        return False
    if any(tokens[words[x]].low in lex.ADVERBIAL_PREPOSITIONS for x in range(q + 1, p)):
        return False
    return q < 0 or tokens[words[q]].low in lex.DETERMINERS_BEFORE_SUBJECT


def _is_noun_after_date(tokens: Sequence[Token], i: int) -> bool:
    """Whether token `i`, right after a date, is the noun the date qualifies ("1991 agreement")."""
    low = tokens[i].low
    return (
        low.isalpha()
        and not low.endswith("ing")
        and tokens[i].text[:1].islower()
        and low not in _NOT_NOUNS
        and not is_verb(tokens, i)
    )


def _without_fronted_phrases(
    tokens: Sequence[Token], words: list[int], dates: set[int]
) -> list[int]:
    """Words without opening adverbials up to their comma: "Yesterday, at this year's WWDC,
    company CEO Steve Jobs unveiled ..." -> "company CEO Steve Jobs unveiled ..."; "However,",
    "Moving on," too. A clause stays, finite or not ("While introducing iPhone 4, ...")."""
    while words and _opens_adverbial(tokens, words[0], dates):
        comma = next((n for n, i in enumerate(words[:16]) if tokens[i].text == ","), None)
        if comma is None or comma + 1 >= len(words) or _has_finite_verb(tokens, words[:comma]):
            break
        words = words[comma + 1 :]
    return words


def _opens_adverbial(tokens: Sequence[Token], i: int, dates: set[int]) -> bool:
    """Whether token `i` can open an adverbial before the subject: a date, a preposition, an
    adverb ("However", "Still"), a participle ("Moving on") or "To" + verb."""
    low = tokens[i].low
    return (
        i in dates
        or low in lex.FRONTED_PREPOSITIONS
        or low in lex.DISCOURSE_ADVERBS
        or (low.endswith("ly") and len(low) > 4)
        or (low.endswith("ing") and i + 1 < len(tokens) and tokens[i + 1].low in _PARTICLES)
    )


# "Moving on," "Looking ahead," "Going forward,": participles that open no clause of their own
_PARTICLES = frozenset({"on", "ahead", "forward", "back", "further", "aside"})


def _has_finite_verb(tokens: Sequence[Token], words: Sequence[int]) -> bool:
    """Whether `words` hold a finite verb (not a participle or an infinitive after "to")."""
    for n, i in enumerate(words):
        low = tokens[i].low
        if not is_verb(tokens, i) or low.endswith("ing"):
            continue
        if n and tokens[words[n - 1]].low == "to":
            continue
        return True
    return False


def _has_verb_among(tokens: Sequence[Token], words: Iterable[int]) -> bool:
    return any(is_verb(tokens, i) for i in words)


def _trimmed_edges(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without leading connectors, an article, and dangling words or marks at either end."""
    lo, hi = 0, len(words)
    quotes = (
        [] if lacks(tokens, QUOTES) else [tokens[i].text for i in words if tokens[i].text in QUOTES]
    )
    unpaired = {q for q in quotes if quotes.count(q) % 2} | {"“", "”", "‘"} - (
        set(quotes) if "“" in quotes and "”" in quotes else set()
    )
    edges = _CLOSING | unpaired | SEPARATORS
    edge = lambda i: tokens[i].text in edges  # noqa: E731
    while lo < hi and (edge(words[lo]) or tokens[words[lo]].low in _CONNECTORS):
        if in_fixed_phrase(tokens, words[lo]):
            break  # "As soon as the results were announced, ..."
        lo += 1
    while hi > lo and (
        edge(words[hi - 1])
        or tokens[words[hi - 1]].text in _OPENING_MARKS
        or tokens[words[hi - 1]].low in _DANGLING
    ):
        hi -= 1
    kept = words[lo:hi]
    if len(kept) > 1 and tokens[kept[-1]].text in _CLOSE_QUOTES and tokens[kept[-2]].text == ".":
        kept = kept[:-2] + kept[-1:]  # '... the wrong conclusion."' ends on its quote mark
    return kept


_SMALL_LETTER = re.compile(r"[a-z]")


def readable(text: str) -> bool:
    """Whether a headline has words to read (a small letter), not only names, numbers, marks."""
    return _SMALL_LETTER.search(text) is not None


def joined(tokens: Sequence[Token], words: list[int]) -> str:
    """The words as text: original spacing inside a word, one space between words."""
    out: list[str] = []
    end, before, open_quote = None, "", False  # the previous token's end and text
    for i in words:
        start, stop, word, _ = tokens[i]
        glued = end is None or (
            start == end
            or word in _CLOSING
            or before in _OPENING_MARKS
            or (open_quote and (word == '"' or before == '"'))
        )
        if word == '"':
            open_quote = not open_quote
        out.append(word if glued else " " + word)
        end, before = stop, word
    text = "".join(out)
    if CAMEL.match(text):
        return text  # "iPods sold in France": a name written small first stays so
    return text[:1].upper() + text[1:]


_OPEN_QUOTES = frozenset({'"', "“"})
_CLOSE_QUOTES = frozenset({'"', "”"})


def _quoted(
    tokens: Sequence[Token], words: list[int]
) -> tuple[list[int], list[int], list[int]] | None:
    """(quote, attribution, rest) when `words` open with a direct quote that an attribution
    follows (“We love the Beatles,” said Jobs, ...; or a quote begun in the sentence before:
    That’s not what’s happening,” Milley told reporters); else None."""
    opened = bool(words) and tokens[words[0]].text in _OPEN_QUOTES
    for n in range(1, len(words)):
        text = tokens[words[n]].text
        if text == "“" or (
            text == '"' and not opened and n + 1 < len(words) and tokens[words[n + 1]].text != ","
        ):
            return None  # a quote opens inside: the sentence is not one quote
        if text not in _CLOSE_QUOTES:
            continue
        comma = n - 1 if tokens[words[n - 1]].text == "," else n + 1
        if comma >= len(words) or tokens[words[comma]].text != ",":
            return None
        end = attribution_after(tokens, words, comma)
        if end is None:
            return None
        quote = [i for i in words[: n + 1] if i != words[comma]]
        return quote, words[max(comma, n) + 1 : end], words[end + 1 :]
    return None


def _said_first(tokens: Sequence[Token], attribution: list[int]) -> list[int]:
    """An inverted attribution put subject first: "said Apple CEO Steve Jobs during the
    keynote" -> "Apple CEO Steve Jobs said during the keynote"."""
    while attribution and tokens[attribution[-1]].text in _CLOSING:
        attribution = attribution[:-1]
    if not attribution or tokens[attribution[0]].low not in lex.ATTRIBUTION_VERBS:
        return attribution
    rest = attribution[1:]
    stop = next(
        (
            n
            for n, i in enumerate(rest)
            if tokens[i].low in lex.DATE_PREPOSITIONS | lex.PREPOSITIONS
        ),
        len(rest),
    )
    return rest[:stop] + attribution[:1] + rest[stop:]


def headline_of(
    tokens: Sequence[Token], words: list[int], target: set[int], dates: set[int]
) -> str:
    """The headline made of `words`: asides, attributions and date phrases removed, trimmed; a
    direct quote with its attribution reads "Jobs said: “We love the Beatles”"."""
    quoted = _quoted(tokens, words)
    if quoted is not None:
        quote, attribution, rest = quoted
        said = _plain_headline(tokens, _said_first(tokens, attribution), target, dates)
        text = joined(tokens, _without_dates(tokens, quote, dates))
        if tokens[quote[0]].text not in _OPEN_QUOTES:
            text = "“" + text  # the quote began in the sentence before
        after = _plain_headline(tokens, rest, target, dates) if rest else ""
        if said and readable(text):
            return f"{said}: {text}" + (f", {after[:1].lower()}{after[1:]}" if after else "")
    return _plain_headline(tokens, words, target, dates)


def _plain_headline(
    tokens: Sequence[Token], words: list[int], target: set[int], dates: set[int]
) -> str:
    """`words` as a headline: asides, attributions and date phrases removed, trimmed."""
    words = _without_asides(tokens, words, target)
    words = _without_according_to(tokens, words)
    words = _without_attributions(tokens, words, target)
    words = _without_leading_attribution(tokens, words, target)
    words = _without_fronted_phrases(tokens, _trimmed_edges(tokens, words), dates)
    words = _without_dates(tokens, words, dates)
    return joined(tokens, _balanced_quotes(tokens, _trimmed_edges(tokens, words)))


_BALANCED = frozenset({"“", "”", '"'})


def _balanced_quotes(tokens: Sequence[Token], words: list[int]) -> list[int]:
    """Words without the quote marks left unpaired when words around them went (a closing ” whose
    opening was in the sentence before, a " whose partner was cut)."""
    if lacks(tokens, _BALANCED):
        return words
    drop: set[int] = set()
    curly: list[int] = []
    straight: int | None = None
    for i in words:
        text = tokens[i].text
        if text == "“":
            curly.append(i)
        elif text == "”":
            if curly:
                curly.pop()
            else:
                drop.add(i)
        elif text == '"':
            straight = i if straight is None else None
    drop.update(curly)
    if straight is not None:
        drop.add(straight)
    return [i for i in words if i not in drop]


def covered(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens overlapping any of `spans`."""
    return covered_by(tokens, spans)


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
    target = covered(tokens, [span])
    if not target:
        return ""
    date_tokens = frozenset(covered(tokens, [*dates, span]))
    clauses = clauses_of(tokens, date_tokens)
    k = next(n for n, clause in enumerate(clauses) if min(target) < clause.stop)
    return headline_of(tokens, clause_words(tokens, clauses, k, date_tokens), target, date_tokens)
