"""Time the dashboard's filter callback on 100k events (target: under 300 ms).

The frame is the bundled samples' events repeated to 100k rows, each copy moved in time and
given its own articles, so text, lanes and granularities look like a real corpus. Each case runs
what one filter change costs the server: filter the frame, build the figure and counts, and
serialise the figure the way Dash sends it; plus the first page of the table.

    python benchmarks/bench_filter.py [--events 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

import numpy as np
import pandas as pd
import plotly.io as pio

import timeline
from timeline.dashboard.callbacks import chart_and_counts
from timeline.dashboard.state import Filters, filtered, grid_page, prepare
from timeline.schema import ARTICLES

CASES = {
    "no filter": Filters(),
    "text 'apple'": Filters(text="apple"),
    "text + source + confidence": Filters(text="iphone", sources=("Wikinews",), min_confidence=0.6),
    "date range 2006-2008": Filters(start=date(2006, 1, 1), end=date(2008, 12, 31)),
    "granularity day": Filters(granularities=("day",)),
}


def corpus(n_events: int, seed: int = 0) -> pd.DataFrame:
    """The sample events repeated to `n_events` rows, each copy shifted by whole years."""
    base = timeline.extract()
    copies = -(-n_events // len(base))
    rng = np.random.default_rng(seed)
    parts = []
    for k in range(copies):
        part = base.copy()
        years = pd.DateOffset(years=int(rng.integers(-20, 10)))
        for column in ("start", "end", "dateline"):
            part[column] = part[column] + years
        part["doc_id"] = part["doc_id"] + f"#{k}"
        part["sources"] = part["doc_id"]
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True).iloc[:n_events]
    articles = base.attrs[ARTICLES]
    frame.attrs[ARTICLES] = {d: articles[d.split("#")[0]] for d in frame["doc_id"].unique()}
    return frame


def timed(run, repeat: int) -> float:
    """Median wall time of `run()` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    frame = corpus(args.events)
    start = time.perf_counter()
    events = prepare(frame)
    print(f"{len(events.rows):,} events, {frame['doc_id'].nunique():,} articles")
    print(f"prepare (once per frame version): {(time.perf_counter() - start) * 1000:.0f} ms\n")
    print(f"{'case':38} {'shown':>8} {'callback':>10} {'+JSON':>8} {'table page':>11}")
    for name, filters in CASES.items():
        for lanes in ("source", "document"):
            figure, _, shown = chart_and_counts(events, filters, lanes, [])
            size = len(pio.to_json(figure, validate=False)) / 1e6
            callback = timed(
                lambda f=filters, ln=lanes: chart_and_counts(events, f, ln, []), args.repeat
            )
            with_json = timed(
                lambda f=filters, ln=lanes: pio.to_json(
                    chart_and_counts(events, f, ln, [])[0], validate=False
                ),
                args.repeat,
            )
            page = timed(
                lambda f=filters: grid_page(
                    filtered(events.rows, f), {"startRow": 0, "endRow": 50}
                ),
                args.repeat,
            )
            label = f"{name} ({lanes})"
            print(
                f"{label:38} {shown:>8,} {callback:>8.0f}ms {with_json:>6.0f}ms {page:>9.0f}ms"
                f"   figure {size:.1f} MB"
            )


if __name__ == "__main__":
    main()
