"""Merging across documents: reports of the same event (same interval, same content words) become
one row listing every source."""

from __future__ import annotations

import pandas as pd

from ..schema import SOURCES_SEP, conform
from .clauses import content_words


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
