"""Growth curves: time and peak memory of `timeline.extract` as one input grows, to show linearity.

    python benchmarks/bench_growth.py [--sizes 1000,8000,50000] [--shapes line,wrapped,dateless]
    python benchmarks/bench_growth.py --sizes 10000,100000 --shapes csv

Each run extracts one synthetic article in a fresh process (`python -c`, so the peak resident
memory is that run's alone), after a warm-up on a three-sentence article (the first call loads
pandas and the tagger), and prints its CPU seconds, peak RSS and rows. Shapes:
- line: n dated sentences ("The council met on Friday to discuss budget item 7.") on one line;
- wrapped: the same sentences hard-wrapped at 70 columns;
- dateless: n sentences without a date, on one line;
- commas: one sentence of n clauses joined by commas ("item 0 was approved on Friday, item 1 was
  tabled, ..."), every third with a date and every fifth with an attribution: the long sentence a
  list or a badly split page gives, where any step that rescans the sentence per word shows;
- csv: a CSV of n one-sentence articles (date, title, text), extracted as `timeline extract
  x.csv -o out.csv` does (`timeline.extract_to`: staged a part at a time, merged by ranges), so
  the peak memory is the streamed run's.
"k" is the growth exponent between the two largest sizes (time ~ n**k): 1 is linear.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATED = "The council met on Friday to discuss budget item {i}."
DATELESS = "The council met again to discuss budget item {i}."
CLAUSE = "item {i} was approved"

RUN = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
import timeline
warm = {path!r}.replace(".txt", "-warm.txt").replace(".csv", "-warm.csv")
timeline.extract([warm], dateline="2020-01-06", quiet=True)
start = time.process_time()
if {path!r}.endswith(".csv"):
    rows = timeline.extract_to([{path!r}], {path!r} + ".out.csv", quiet=True).rows
else:
    rows = len(timeline.extract([{path!r}], dateline="2020-01-06", quiet=True))
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "mb": peak, "rows": rows}}))
"""
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(shape: str, n: int) -> str:
    """The text of one synthetic article of `n` sentences in `shape`."""
    if shape == "dateless":
        return " ".join(DATELESS.format(i=i) for i in range(n))
    if shape == "commas":
        clauses = (
            CLAUSE.format(i=i)
            + (" on Friday" if i % 3 == 0 else "")
            + (", the clerk said" if i % 5 == 0 else "")
            for i in range(n)
        )
        return "The council met, " + ", ".join(clauses) + "."
    body = " ".join(DATED.format(i=i) for i in range(n))
    return textwrap.fill(body, 70) if shape == "wrapped" else body


def csv_articles(n: int) -> str:
    """A CSV of `n` one-sentence articles, a dateline each."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "title", "text"])
    for i in range(n):
        sentence = f"The council met on {DAYS[i % 5]} to discuss item {i}, officials said."
        writer.writerow([f"2020-01-{1 + i % 28:02d}", f"Story {i}", sentence])
    return out.getvalue()


def measure(shape: str, n: int, folder: Path) -> dict:
    """CPU seconds, peak MB and rows of one extract run in a fresh process."""
    suffix = ".csv" if shape == "csv" else ".txt"
    make = csv_articles if shape == "csv" else lambda k: article(shape, k)
    path = folder / f"{shape}-{n}{suffix}"
    path.write_text(make(n), encoding="utf-8")
    path.with_name(path.stem + "-warm" + suffix).write_text(make(3), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", RUN.format(repo=str(REPO), path=str(path))],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,8000,50000")
    parser.add_argument("--shapes", default="line,wrapped,dateless,commas")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':<10}{'n':>8}{'MB in':>8}{'cpu s':>9}{'peak MB':>9}{'rows':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            results = []
            for n in sizes:
                r = measure(shape, n, Path(tmp))
                size = (
                    len((csv_articles(n) if shape == "csv" else article(shape, n)).encode()) / 1e6
                )
                results.append((n, r["seconds"]))
                print(
                    f"{shape:<10}{n:>8}{size:>8.2f}{r['seconds']:>9.2f}{r['mb']:>9.0f}{r['rows']:>8}"
                )
            (n1, t1), (n2, t2) = results[-2], results[-1]
            if len(results) > 1 and t1 > 0:
                print(f"{'':<10}k = {math.log(t2 / t1) / math.log(n2 / n1):.2f}")


if __name__ == "__main__":
    main()
