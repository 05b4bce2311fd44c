"""Entities of event headlines (`timeline.events.entities`): quality on the hand-labelled
headlines of the bundled samples, and speed on 100,000 rows.

    python benchmarks/bench_entities.py            # quality, misses named, speed
    python benchmarks/bench_entities.py --rows 200000 --runs 5
    python benchmarks/bench_entities.py --tbaq ../shared/data/tbaq   # the held-out set too

Quality: `tests/data/entities/headlines.yaml` (about 100 headlines, every 5th row of
`timeline.extract()`, labelled by hand; dev data written while building the heuristic).
Precision and recall of canonical names per headline; kind accuracy over the names found.
Held out: `tests/data/entities/heldout-tbaq.yaml`, 60 headlines of TimeBank/AQUAINT news
(labelled before the heuristic ever ran on it), scored with company suffixes ignored on both
sides (whether "Inc." stays depends on the rest of the frame); read when TBAQ is beside the
repository (`shared/data/tbaq`) or given with --tbaq.
Speed: the sample frame's rows repeated with distinct doc_ids (every article a new one), and a
frame of new headlines (the first half of one sample headline and the second half of another),
so that nothing is read from a cache of headlines already seen.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import yaml
from common import pinned_to_one_core

import timeline
from timeline.events.entities import entities_of, entity_table
from timeline.tagger.lexicon.events import COMPANY_SUFFIXES

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "entities"
TBAQ = next(
    (up / "shared" / "data" / "tbaq" for up in (REPO.parent, REPO.parent.parent)
     if (up / "shared" / "data" / "tbaq").is_dir()),
    None,
)  # fmt: skip


def gold_headlines(name: str = "headlines.yaml") -> list[dict]:
    """Labelled headlines: doc_id, headline, (sentence,) entities [(name, kind)]."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def without_suffix(name: str) -> str:
    """A name without its trailing company suffixes ("Apple Inc." -> "Apple")."""
    words = name.replace(",", "").split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def score(frame: pd.DataFrame, gold: list[dict], suffixes: bool = True) -> dict:
    """Precision, recall and kind accuracy of `entities_of(frame)` against the gold headlines,
    with the misses and the false names listed; `suffixes=False` compares names without their
    company suffixes."""
    same = (lambda n: n) if suffixes else without_suffix
    names = entities_of(frame)
    kinds = {same(n): k for n, k in names.attrs["kinds"].items()}
    names = names.map(lambda ns: [same(n) for n in ns])
    by_row = {(d, e): ns for d, e, ns in zip(frame["doc_id"], frame["event"], names, strict=True)}
    found = true = right_kind = labelled = missing = 0
    misses: list[str] = []
    false: list[str] = []
    wrong_kinds: list[str] = []
    for entry in gold:
        key = (entry["doc_id"], entry["headline"])
        if key not in by_row:
            missing += 1
            continue
        expected = {same(name): kind for name, kind in entry["entities"]}
        got = by_row[key]
        labelled += len(expected)
        found += len(got)
        for name in got:
            if name in expected:
                true += 1
                if kinds.get(name) == expected[name]:
                    right_kind += 1
                else:
                    wrong_kinds.append(f"{name} ({kinds.get(name)}, gold {expected[name]})")
            else:
                false.append(f"{name!r} in {entry['headline'][:70]!r}")
        misses += [f"{n!r} in {entry['headline'][:70]!r}" for n in expected if n not in got]
    return {
        "headlines": len(gold) - missing,
        "not_found": missing,
        "gold": labelled,
        "found": found,
        "precision": true / found if found else float("nan"),
        "recall": true / labelled if labelled else float("nan"),
        "kind_accuracy": right_kind / true if true else float("nan"),
        "misses": misses,
        "false": false,
        "wrong_kinds": sorted(Counter(wrong_kinds).items()),
    }


def quality_report(
    frame: pd.DataFrame, gold: str = "headlines.yaml", title: str = "dev data"
) -> dict:
    """Print the figures on labelled headlines; return them."""
    s = score(frame, gold_headlines(gold), suffixes=gold == "headlines.yaml")
    print(f"## Quality ({s['headlines']} labelled headlines, {s['gold']} names; {title})")
    if s["not_found"]:
        print(f"(headlines no longer in the frame: {s['not_found']})")
    print(
        f"names: precision {s['precision']:.3f}, recall {s['recall']:.3f} "
        f"({s['found']} found); kind accuracy {s['kind_accuracy']:.3f}"
    )
    print(f"\nmissed ({len(s['misses'])}):")
    for m in s["misses"]:
        print("  ", m)
    print(f"\nfalse names ({len(s['false'])}):")
    for m in s["false"]:
        print("  ", m)
    print("\nwrong kinds (name, given, gold: rows):")
    for m, n in s["wrong_kinds"]:
        print(f"   {m}: {n}")
    return s


def repeated(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    """`rows` rows: the frame's rows over and over, each repetition under new doc_ids."""
    times = -(-rows // len(frame))
    parts = [frame.assign(doc_id=frame["doc_id"] + f"#{k}") for k in range(times)]
    return pd.concat(parts, ignore_index=True).head(rows)


def distinct(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    """`rows` rows whose headlines are (nearly) all different and as long as the samples': the
    first half of one sample headline and the second half of another."""
    heads = [h.split(" ") for h in frame["event"].dropna().unique()]
    n = len(heads)
    events = []
    for i in range(rows):
        a, b = heads[i % n], heads[(i // n + i % n + 1) % n]
        events.append(" ".join(a[: (len(a) + 1) // 2] + b[len(b) // 2 :]))
    docs = [f"doc-{i // 20}" for i in range(rows)]  # 20 rows an article
    return pd.DataFrame({"doc_id": docs, "event": events})


def best_of(runs: int, work) -> float:
    """The best wall time of `runs` calls (caches cleared before each)."""
    from timeline.events import entities

    best = float("inf")
    for _ in range(runs):
        entities.pieces.cache_clear()
        entities._read.cache_clear()
        entities._short_forms.cache_clear()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def speed_report(frame: pd.DataFrame, rows: int, runs: int) -> None:
    """Print the time of `entities_of` and `entity_table` on `rows` rows, two ways."""
    print(f"\n## Speed ({pinned_to_one_core()}, best of {runs}, caches cleared each run)")
    for label, big in (
        ("sample rows repeated, distinct doc_ids", repeated(frame, rows)),
        ("headlines of two halves", distinct(frame, rows)),
    ):
        names = entities_of(big)
        t_names = best_of(runs, lambda big=big: entities_of(big))
        t_table = best_of(runs, lambda big=big, names=names: entity_table(big, names))
        mentions = int(names.map(len).sum())
        print(
            f"{label}: {len(big):,} rows, {big['event'].nunique():,} distinct headlines, "
            f"{big['doc_id'].nunique():,} articles, {mentions:,} mentions: "
            f"entities_of {t_names:.2f} s, entity_table {t_table:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tbaq", type=Path, default=TBAQ, help="TBAQ, for the held-out set")
    args = parser.parse_args()
    frame = timeline.extract(quiet=True)
    quality_report(frame)
    if args.tbaq and args.tbaq.is_dir():
        print()
        tbaq = timeline.extract([args.tbaq], quiet=True)
        quality_report(tbaq, "heldout-tbaq.yaml", "held out: TBAQ news, suffixes ignored")
    print("\n## Top entities of the samples")
    print(entity_table(frame).head(15).to_string(index=False))
    speed_report(frame, args.rows, args.runs)


if __name__ == "__main__":
    main()
