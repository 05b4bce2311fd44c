"""Merging across documents: reports of the same event become one row listing every source.

Two rows are one event when they come from different articles, fall on the same interval, and
either say the same thing (the same content words) or share their predicate (the same verb, or
one of a group two articles use for one event: "unveiled" / "introduced") and their participants
(names and numbers). Precision first: a wrong merge hides an event.

Reports of one event fall on the same date at the coarser of their granularities (a day within
its month or year). Merging works year by year (a decade or a range with its own interval), so
merging each range of years on its own (as a cluster run does) gives the same rows as merging
everything at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from ..schema import conform
from ..tagger.lexicon import events as lex
from .clauses import content_words, stem

# A participant shared by this many rows of one interval is too common to find pairs by.
COMMON_PARTICIPANT = 200
# Reports that share a predicate merge when one's participants are all among the other's, or
# when they share at least this many and this share of them (Jaccard): "Apple unveiled the
# iPhone 4" and "Apple introduced iPhone 4" merge; "... the iPad" stays apart.
SHARED_PARTICIPANTS = 2
SHARED_SHARE = 0.5
# ... and when most of the shorter one's content words are the other's too.
SHARED_WORDS = 0.6

_GROUP_OF: dict[str, str] = {
    stem(word): group[0] for group in lex.SAME_EVENT_VERBS for word in group if " " not in word
}
_GROUPED = frozenset(_GROUP_OF)

# The report kept for a merged event: the most precise date (a day over its year), then the most
# confident, then a fixed tie-break.
_PREFERENCE = ["_span", "_neg_confidence", "doc_id", "char_start", "event"]


def event_key(event: str) -> str:
    """The normalised form two reports of one event share: sorted content-word stems.

    "A U.S. drone strike killed Soleimani" and "US drone strikes kill Soleimani" share
    "drone kill soleimani strike us". Equal keys (with equal intervals) are the same event.
    """
    return " ".join(sorted(content_words(event)))


def predicate_key(trigger: str) -> str:
    """The predicate a trigger stands for: its stem, or the group it belongs to."""
    key = stem(trigger.lower())
    return _GROUP_OF.get(key, key)


def predicates(trigger: str, words: frozenset[str]) -> frozenset[str]:
    """The predicates a row tells: its trigger's, and those of the grouped verbs and event nouns
    among its content words ("While introducing iPhone 4, Jobs started ..." tells an unveiling)."""
    return frozenset([predicate_key(trigger), *(_GROUP_OF[w] for w in words & _GROUPED)])


@lru_cache(maxsize=8192)
def participants(event: str) -> frozenset[str]:
    """The names and numbers of a headline ("Apple", "iPhone 4" -> {"apple", "iphone", "4"}),
    without its first word when that is an ordinary word capitalised by position."""
    found = []
    for n, raw in enumerate(event.split()):
        word = raw.strip(_EDGE_MARKS)
        if not word or not (word[0].isupper() or word[0].isdigit() or _SMALL_FIRST.match(word)):
            continue
        low = word.lower()
        if (n == 0 and _ordinary(low)) or low in lex.STOPWORDS:
            continue
        found.append(low.replace(".", ""))
    return frozenset(found)


_EDGE_MARKS = "\"“”‘’'()[],;:!?.…$€£"
_SMALL_FIRST = re.compile(r"[a-z]{1,2}[A-Z]")  # "iPhone", "eBay"


def _ordinary(word: str) -> bool:
    """Whether a capitalised first word is an ordinary one ("The", "Introducing", "Its")."""
    return (
        word in lex.STOPWORDS
        or word in lex.DETERMINERS
        or word in lex.DISCOURSE_ADVERBS
        or word.endswith(("ing", "ed", "ly"))
    )


def _same_event(a: dict, b: dict) -> bool:
    """Whether two reports (of one interval, from different articles) are one event."""
    if a["_key"] and a["_key"] == b["_key"]:
        return True
    if not a["_predicate"] & b["_predicate"]:
        return False
    names_a, names_b = a["_names"], b["_names"]
    shared = len(names_a & names_b)
    if shared < SHARED_PARTICIPANTS:
        return False
    if (
        not (names_a <= names_b or names_b <= names_a)
        and shared / len(names_a | names_b) < SHARED_SHARE
    ):
        return False
    words_a, words_b = a["_words"], b["_words"]
    return len(words_a & words_b) >= SHARED_WORDS * min(len(words_a), len(words_b))


def _nested(a: tuple, b: tuple) -> bool:
    """Whether one interval lies within the other (a day within its month, a month within its
    year): the same date at the coarser of two granularities."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _components(rows: Sequence[dict]) -> list[int]:
    """The merged event of each row of one bucket (a union-find root index): pairs are found
    through what they share (content key, predicate + participant), then checked. A merged event
    keeps one date: two reports join only when their intervals nest, and an event told on two
    different days (through a report of its year) is never formed."""
    parent = list(range(len(rows)))
    finest = [(r["start"], r["end"]) for r in rows]  # per root: the most precise interval

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_key[("key", row["_key"])].append(i)
        for name in row["_names"]:
            for predicate in row["_predicate"]:
                by_key[(predicate, name)].append(i)
    shared = [m for m in by_key.values() if 1 < len(m) <= COMMON_PARTICIPANT]
    shared.sort()  # a fixed order (members are sorted): the same rows merge the same way
    for members in shared:
        for x, i in enumerate(members):
            docs = rows[i]["_docs"]
            for j in members[x + 1 :]:
                if not docs.isdisjoint(rows[j]["_docs"]):
                    continue  # one article's rows are never merged with each other
                a, b = root(i), root(j)
                if a == b:
                    continue
                if not _nested(finest[a], finest[b]) or not _same_event(rows[i], rows[j]):
                    continue
                parent[b] = a
                finest[a] = min(finest[a], finest[b], key=lambda iv: iv[1] - iv[0])
    return [root(i) for i in range(len(rows))]


def merge_events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the reports of one event (see the module) become one row.

    The kept row is the report with the most precise date, then the most confident (ties:
    smallest doc_id, then position); `sources` lists every doc_id reporting it, `n_sources`
    counts them. Merging is idempotent and works year by year, so merging ranges of whole years
    one by one equals merging everything at once.
    """
    if frame.empty:
        return conform(frame)
    work = conform(frame).reset_index(drop=True)
    records = _ordered_records(work)
    sources: dict[int, set[str]] = {}
    for row, group in zip(records, _groups(records), strict=True):
        sources.setdefault(records[group]["_row"], set()).update(row["_docs"])
    kept = work.loc[list(sources)].copy()
    kept["sources"] = [sorted(sources[i]) for i in kept.index]
    kept["n_sources"] = [len(sources[i]) for i in kept.index]
    kept = kept.sort_values(["start", "end", "doc_id", "char_start"], kind="stable")
    out = kept.reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out


def event_groups(frame: pd.DataFrame) -> list[int]:
    """The merged event each row of `frame` belongs to (a label per row, in the frame's order):
    what `merge_events` merges, for measuring it."""
    if frame.empty:
        return []
    records = _ordered_records(conform(frame).reset_index(drop=True))
    labels = dict(zip((r["_row"] for r in records), _groups(records), strict=True))
    return [labels[i] for i in range(len(frame))]


def _ordered_records(work: pd.DataFrame) -> list[dict]:
    """The rows (of a conformed frame with a fresh index) as small records in merging order (by
    preference: the first of a group is kept), with what merging compares: content key,
    predicates, participants, content words, documents, interval."""
    span = work["end"] - work["start"]
    order = pd.DataFrame(
        {
            "_span": span,
            "_neg_confidence": -work["confidence"].fillna(0.0),
            "doc_id": work["doc_id"],
            "char_start": work["char_start"],
            "event": work["event"],
        }
    ).sort_values(_PREFERENCE, kind="stable", na_position="last")
    columns = {
        name: work[name].tolist()
        for name in ("start", "end", "granularity", "event", "trigger", "sources")
    }
    records = []
    for n in order.index.tolist():
        event = columns["event"][n]
        event = event if isinstance(event, str) else ""
        trigger = columns["trigger"][n]
        words = content_words(event)
        records.append(
            {
                "_row": n,
                "start": columns["start"][n],
                "end": columns["end"][n],
                "granularity": columns["granularity"][n],
                "_key": " ".join(sorted(words)),
                "_names": participants(event),
                "_words": words,
                "_predicate": predicates(trigger if isinstance(trigger, str) else "", words),
                "_docs": frozenset(columns["sources"][n]),
            }
        )
    return records


def _groups(records: list[dict]) -> list[int]:
    """A group label per record (records in merging order): the position of the group's first,
    preferred record."""
    labels = [0] * len(records)
    for members in _buckets(records):
        roots = _components([records[n] for n in members])
        first: dict[int, int] = {}
        for n, r in zip(members, roots, strict=True):
            first.setdefault(r, n)  # members come in merging order: the first is preferred
            labels[n] = first[r]
    return labels


_CALENDAR = frozenset({"time", "day", "week", "weekend", "month", "quarter", "half", "season",
                       "year"})  # fmt: skip


def bucket_of(start: object, end: object, granularity: object) -> tuple:
    """Which rows may be one event: a calendar date up to a year, by the year it starts in (a day
    may merge with its month or year); a decade, a range or a duration only with its interval."""
    if granularity in _CALENDAR and isinstance(start, pd.Timestamp) and not pd.isna(start):
        if isinstance(end, pd.Timestamp) and end <= pd.Timestamp(start.year + 1, 1, 1):
            return ("year", start.year)
    return ("interval", start, end)


def _buckets(records: list[dict]) -> list[list[int]]:
    """The indices of the records of each bucket, each list in merging order."""
    found: dict[tuple, list[int]] = {}
    for n, row in enumerate(records):
        found.setdefault(bucket_of(row["start"], row["end"], row["granularity"]), []).append(n)
    return list(found.values())
