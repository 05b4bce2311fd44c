"""The cost of a date column that holds text (`--date-column title`), per value and end to end.

    python benchmarks/bench_date_column.py [--rows N] [--samples DIR]

A CSV of N rows is built from the bundled sample articles (their titles as the wrongly named date
column, a sentence of each as the text). Prints, one core: the µs per value of
`dates.parse_date` on those titles (every one reaches dateparser, which refuses it) against
`dates.DateColumn.parse` (dateparser is no longer asked after REFUSALS_IN_A_ROW refusals in a
row), and the wall time of `timeline extract CSV --date-column title` on the whole file. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark this checkout

from common import pinned_to_one_core  # noqa: E402

from timeline import dates  # noqa: E402
from timeline.readers import read_inputs  # noqa: E402


def titles_and_texts(samples: Path) -> list[tuple[str, str]]:
    """(title, first sentence) of every sample article, read as the tool reads them."""
    found = []
    for doc in read_inputs(samples):
        if hasattr(doc, "text") and doc.title:
            found.append((doc.title, doc.text.split("\n")[-1][:300]))
    return found


def write_csv(path: Path, rows: int, pairs: list[tuple[str, str]]) -> list[str]:
    """A CSV of `rows` rows cycling through the pairs, each title numbered to stay distinct (the
    parser caches repeated values); the titles written."""
    titles = []
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "text"])
        for n in range(rows):
            title, text = pairs[n % len(pairs)]
            titles.append(f"{title} (part {n + 1})")
            writer.writerow([titles[-1], text])
    return titles


def per_value(parse, values: list[str]) -> float:
    """µs per value of `parse` (refusals included), one pass, the long-tail cache cleared."""
    dates._long_tail.cache_clear()
    start = time.perf_counter()
    for value in values:
        try:
            parse(value)
        except dates.DateError:
            pass
    return (time.perf_counter() - start) / len(values) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--samples", type=Path, default=ROOT / "timeline" / "samples")
    args = parser.parse_args()
    cpu = pinned_to_one_core()
    pairs = titles_and_texts(args.samples)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "titles.csv"
        titles = write_csv(path, args.rows, pairs)
        dates.parse_date("6 janvier 2020")  # dateparser imported and warmed up
        measured = min(200, len(titles))
        raw = per_value(dates.parse_date, titles[:measured])
        column = dates.DateColumn("title")
        capped = per_value(column.parse, titles)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "extract", "--quiet", str(path)]
            + ["--date-column", "title", "-o", str(Path(tmp) / "out.csv")],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
    print(f"date column holding text, {args.rows:,} rows ({cpu})")
    print(f"  parse_date per value (dateparser refuses each): {raw:9,.0f} µs")
    print(
        f"  DateColumn.parse per value (capped after {dates.REFUSALS_IN_A_ROW}):  {capped:9,.0f} µs"
    )
    print(
        f"  -> {args.rows:,} values: {raw * args.rows / 1e6:6.1f} s uncapped, {capped * args.rows / 1e6:6.2f} s capped"
    )
    errors = done.stderr.count("impossible date in the CSV column")
    print(f"  timeline extract --date-column title: {wall:6.1f} s wall, {errors:,} rows named")


if __name__ == "__main__":
    main()
