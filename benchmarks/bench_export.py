"""File sizes (and build times) of the static exports: the sample corpus and 10,000 events.

    python benchmarks/bench_export.py [--events 10000]

The large frame is the sample corpus frame repeated until it has `--events` rows. Copy k of each
article is a new article (doc_id "<id>~k", same text) whose events all move k weeks later, so the
page carries one article text per ~(rows per article) events, as a real corpus of that size would.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import pandas as pd

import timeline
from timeline.export import export
from timeline.schema import ARTICLES, SOURCES_SEP


def repeated_frame(frame: pd.DataFrame, n_events: int) -> pd.DataFrame:
    """`frame` copied (k weeks later, as new articles) until it has exactly `n_events` rows."""
    copies, articles = [], {}
    for k in range(-(-n_events // len(frame))):
        copy = frame.copy()
        shift = pd.Timedelta(weeks=k)
        for col in ("start", "end", "dateline"):
            copy[col] = copy[col] + shift
        copy["doc_id"] = copy["doc_id"] + f"~{k}"
        copy["sources"] = (
            copy["sources"]
            .fillna("")
            .map(lambda s, k=k: SOURCES_SEP.join(f"{d}~{k}" for d in s.split(SOURCES_SEP) if d))
        )
        copies.append(copy)
        for doc, meta in frame.attrs[ARTICLES].items():
            articles[f"{doc}~{k}"] = dict(meta)
    out = pd.concat(copies, ignore_index=True).iloc[:n_events].reset_index(drop=True)
    used = set(out["doc_id"])
    out.attrs = {ARTICLES: {d: a for d, a in articles.items() if d in used}}
    return out


def sizes(frame: pd.DataFrame, folder: Path, name: str) -> dict:
    """Bytes and seconds of each export format of `frame`."""
    row = {"frame": name, "events": len(frame), "articles": len(frame.attrs[ARTICLES])}
    for fmt, file in (("html", "page.html"), ("timelinejs", "timelinejs.json")):
        path = folder / f"{name}-{file}"
        began = time.perf_counter()
        export(frame, path, fmt=fmt)
        row[f"{fmt} s"] = round(time.perf_counter() - began, 2)
        row[f"{fmt} MB"] = round(path.stat().st_size / 1e6, 2)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    sample = timeline.extract(quiet=True)
    from plotly.offline import get_plotlyjs

    print(f"plotly.js inlined in every page: {len(get_plotlyjs().encode()) / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [
            sizes(sample, Path(tmp), "sample corpus"),
            sizes(repeated_frame(sample, args.events), Path(tmp), f"{args.events} events"),
        ]
    print(pd.DataFrame(rows).to_string(index=False))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
