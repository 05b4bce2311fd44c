"""Merging across documents: reports of the same event become one row listing every source.

Two rows are one event when they come from different articles, fall on the same interval, and
either say the same thing (the same content words) or share their predicate (the same verb, or
one of a group two articles use for one event: "unveiled" / "introduced") and their participants
(names and numbers). Precision first: a wrong merge hides an event.

Merging works interval by interval, so merging each range of start dates on its own (as a cluster
run does) gives the same rows as merging everything at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

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
# "Apple", "U.S.", "AT&T", "iPhone", "eBay", "4", "3,800"
_NAME = re.compile(r"\b(?:[a-z]{1,2}[A-Z][\w&'’.-]*|[A-Z][\w&'’.-]*[A-Za-z0-9]|[A-Z])\b|\d[\d,.]*")

# The report kept for a merged event: the most confident, then a fixed tie-break.
_PREFERENCE = ["_neg_confidence", "doc_id", "char_start", "event"]


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


def participants(event: str) -> frozenset[str]:
    """The names and numbers of a headline ("Apple", "iPhone 4" -> {"apple", "iphone", "4"}),
    without its first word when that is an ordinary word capitalised by position."""
    found = []
    for n, m in enumerate(_NAME.finditer(event)):
        word = m.group().rstrip(".").lower()
        if n == 0 and m.start() == 0 and word in lex.STOPWORDS:
            continue
        if word and word not in lex.STOPWORDS:
            found.append(word.replace(".", ""))
    return frozenset(found)


def _same_event(a: dict, b: dict) -> bool:
    """Whether two reports (of one interval, from different articles) are one event."""
    if a["_key"] and a["_key"] == b["_key"]:
        return True
    if a["_predicate"] != b["_predicate"]:
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


def _components(rows: Sequence[dict]) -> list[int]:
    """The merged event of each row of one interval (a union-find root index): pairs are
    found through what they share (content key, predicate + participant), then checked."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_key[("key", row["_key"])].append(i)
        for name in row["_names"]:
            by_key[(row["_predicate"], name)].append(i)
    for members in by_key.values():
        if len(members) > COMMON_PARTICIPANT:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if root(i) != root(j) and not rows[i]["_docs"] & rows[j]["_docs"]:
                    if _same_event(rows[i], rows[j]):
                        parent[root(j)] = root(i)
    return [root(i) for i in range(len(rows))]


def merge_events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the reports of one event (see the module) become one row.

    The kept row is the most confident report (ties: smallest doc_id, then position); `sources`
    lists every doc_id reporting it, `n_sources` counts them. Merging is idempotent and works per
    interval, so merging ranges of start dates one by one equals merging everything at once.
    """
    if frame.empty:
        return conform(frame)
    work = conform(frame).reset_index(drop=True)
    work["_neg_confidence"] = -work["confidence"].fillna(0.0)
    work = work.sort_values(["start", "end", *_PREFERENCE], kind="stable", na_position="last")
    records = work.to_dict("records")
    for row in records:
        event = row["event"] if isinstance(row["event"], str) else ""
        row["_key"] = event_key(event)
        row["_predicate"] = predicate_key(row["trigger"] if isinstance(row["trigger"], str) else "")
        row["_names"] = participants(event)
        row["_words"] = content_words(event)
        row["_docs"] = frozenset(row["sources"])
    kept: list[dict] = []
    for _, bucket in _buckets(records):
        roots = _components(bucket)
        merged: dict[int, dict] = {}
        for row, r in zip(bucket, roots, strict=True):
            if r not in merged:
                merged[r] = dict(row, _all=set(row["sources"]))
            else:
                merged[r]["_all"] |= set(row["sources"])
        for row in merged.values():
            row["sources"] = sorted(row.pop("_all"))
            row["n_sources"] = len(row["sources"])
            kept.append(row)
    out = pd.DataFrame(kept).drop(columns=["_key", "_predicate", "_names", "_words", "_docs"])
    out = out.sort_values(["start", "end", "doc_id", "char_start"], kind="stable")
    merged_frame = conform(out.reset_index(drop=True))
    merged_frame.attrs = dict(frame.attrs)
    return merged_frame


def _buckets(records: list[dict]):
    """The rows of each interval, in order (records are sorted by start, end)."""
    bucket: list[dict] = []
    key = None
    for row in records:
        interval = (row["start"], row["end"])
        if bucket and interval != key:
            yield key, bucket
            bucket = []
        key = interval
        bucket.append(row)
    if bucket:
        yield key, bucket
