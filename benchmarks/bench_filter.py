"""Time the dashboard's filter callback on 100k events (target: under 300 ms), and the session
store it reads from (diskcache, against plain SQLite: latency and size on disk).

The frame is the bundled samples' events repeated to 100k rows, each copy moved in time and
given its own articles, so text, lanes and granularities look like a real corpus. Each case runs
what one filter change costs the server: filter the frame, build the figure and counts, and
serialise the figure the way Dash sends it; plus the first page of the table.

The store part edits one date in a session and times what the callbacks then pay: reading the
session from this process's memory, or from disk (another worker process, or after a restart),
and the same record written and read with diskcache and with a bare SQLite table.

    python benchmarks/bench_filter.py [--events 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio

import timeline
from timeline.dashboard.callbacks import chart_and_counts
from timeline.dashboard.state import Filters, filtered, grid_page, prepare, with_event_date
from timeline.dashboard.store import SessionStore, encoded, record_of
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
    bench_store(events, args.repeat)


def latencies(write, read, repeat: int) -> tuple[float, float]:
    """Median ms of writing a new key, and of reading one back."""
    keys = iter(range(10**9))
    return timed(lambda: write(f"k{next(keys)}"), repeat), timed(lambda: read("k0"), repeat)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def bench_store(events, repeat: int) -> None:
    """What a session's work costs in the store, and diskcache against a bare SQLite table."""
    session = "a" * 32
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(events, Path(folder) / "diskcache")
        start = time.perf_counter()
        edited = store.update(session, lambda e: with_event_date(e, 5, "2019-07"))
        saved = (time.perf_counter() - start) * 1000
        blob = encoded(record_of(events, edited))
        hit = timed(lambda: store.get(session, edited.version), repeat)
        fresh = iter([SessionStore(events, store.directory) for _ in range(repeat)])
        miss = timed(lambda: next(fresh).get(session, edited.version), repeat)
        view = timed(lambda: chart_and_counts(edited, Filters(text="apple"), "source", []), repeat)
        print(f"\nsession store ({len(events.rows):,} events, one corrected date)")
        print(
            f"  record {len(blob) / 1024:,.0f} KB; correcting the date and saving: {saved:.0f} ms"
        )
        print(f"  filter round trip: {view:.0f} ms + reading the session {hit:.3f} ms (memory)")
        print(f"                     or {miss:.0f} ms (from disk: another worker, a restart)")
        table = sqlite3.connect(Path(folder) / "plain.sqlite", isolation_level=None)
        table.execute("PRAGMA journal_mode=WAL")
        table.execute("PRAGMA synchronous=NORMAL")  # as diskcache sets it
        table.execute("CREATE TABLE s (key TEXT PRIMARY KEY, value BLOB, expire REAL)")
        for name, write, read in (
            (
                "diskcache",
                lambda k: store.cache.set(k, blob, expire=86400),
                lambda k: store.cache.get(k),
            ),
            (
                "sqlite3",
                lambda k: table.execute(
                    "INSERT OR REPLACE INTO s VALUES (?, ?, ?)", (k, blob, time.time() + 86400)
                ),
                lambda k: table.execute("SELECT value FROM s WHERE key = ?", (k,)).fetchone(),
            ),
        ):
            w, r = latencies(write, read, repeat * 20)
            print(f"  {name:10} write {w * 1000:.0f} µs, read {r * 1000:.0f} µs")
        for _ in range(200):
            store.update(f"{_:032x}", lambda e: with_event_date(e, 7, "2019-08"))
        print(
            f"  200 sessions with one corrected date each: {folder_size(store.directory) / 2**20:.1f}"
            " MB on disk"
        )


if __name__ == "__main__":
    main()
