"""Benchmark `timeline.tag` on the TBAQ corpus: speed on one core, TempEval-3 figures per corpus.

    python benchmarks/bench_tag.py [FILES, FOLDERS OR GLOBS ...] [--runs 3]

Default input: shared/data/tbaq/*/*.tml beside the repository or one folder up (TimeBank + AQUAINT,
256 documents). The time is the
best of `--runs` passes over all documents after one warm-up pass, in one process pinned to one
core; reading the files is not timed. Figures are grouped by the folder each file is in.
"""

from __future__ import annotations

import argparse
import glob
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmark this checkout
from common import pinned_to_one_core  # noqa: E402

import timeline  # noqa: E402
from timeline.timeml import (  # noqa: E402
    Scores,
    TimeMLDoc,
    kept_timexes,
    read_timeml,
    score_documents,
)


def shared_folder() -> Path:
    """`shared/` beside the repository (/work/main) or one folder up (a worktree /work/wt/NAME)."""
    repo = Path(__file__).resolve().parents[1]
    for parent in (repo.parent, repo.parent.parent):
        if (parent / "shared").is_dir():
            return parent / "shared"
    return repo.parent / "shared"


TBAQ = shared_folder() / "data" / "tbaq"
DEFAULT_INPUT = str(TBAQ / "*" / "*.tml")


def input_files(patterns: list[str]) -> list[Path]:
    """The .tml files named by files, folders (recursive) or glob patterns, sorted."""
    files: set[Path] = set()
    for pattern in patterns:
        for match in glob.glob(pattern) or [pattern]:
            path = Path(match)
            if path.is_dir():
                files.update(path.rglob("*.tml"))
            elif path.is_file():
                files.add(path)
            else:
                print(f"bench_tag: no such file or folder: {pattern}", file=sys.stderr)
    return sorted(files)


def tagged(docs: list[TimeMLDoc]) -> list[list]:
    """The tagger's timexes for every document, against its own DCT."""
    return [timeline.tag(doc.text, doc.dct) for doc in docs]


def best_seconds(docs: list[TimeMLDoc], runs: int) -> float:
    """The fastest of `runs` timed passes over all documents."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        tagged(docs)
        best = min(best, time.perf_counter() - start)
    return best


def scores_by_corpus(docs: list[TimeMLDoc], outputs: list[list]) -> dict[str, Scores]:
    """TempEval-3 scores per corpus folder (TimeBank, AQUAINT) and over all documents."""
    groups: dict[str, list] = defaultdict(list)
    for doc, timexes in zip(docs, outputs, strict=True):
        pair = (doc, kept_timexes(timexes, len(doc.text)))  # what `timeline tag` would write
        groups[Path(doc.path).parent.name].append(pair)
        groups["ALL"].append(pair)
    return {name: score_documents(pairs) for name, pairs in groups.items()}


def figures_table(scores: dict[str, Scores]) -> str:
    """One row per corpus: documents, counts and the strict/relaxed/type/value figures."""
    head = f"{'corpus':<10}{'docs':>5}{'gold':>6}{'sys':>6}{'match':>6}"
    head += "".join(f"{c:>9}" for c in ("strict P", "R", "F1", "relax P", "R", "F1"))
    head += f"{'type F1':>9}{'value F1':>9}{'val acc':>9}"
    rows = [head]
    for name, s in sorted(scores.items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        f = s.figures()
        row = f"{name:<10}{s.documents:>5}{s.gold:>6}{s.system:>6}{s.relaxed:>6}"
        row += "".join(
            f"{f[k]:>9.2f}"
            for k in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1")
        )
        row += f"{f['type_f1']:>9.2f}{f['value_f1']:>9.2f}{100 * s.value_accuracy:>9.2f}"
        rows.append(row)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[DEFAULT_INPUT])
    parser.add_argument("--runs", type=int, default=3, help="timed passes (the best is shown)")
    args = parser.parse_args(argv)

    docs = []
    for path in input_files(args.inputs):
        try:
            docs.append(read_timeml(path))
        except ValueError as exc:
            print(f"bench_tag: skipped {path}: {exc}", file=sys.stderr)
    if not docs:
        print("bench_tag: no TimeML documents to tag", file=sys.stderr)
        return 1
    where = pinned_to_one_core()
    megabytes = sum(len(doc.text.encode("utf-8")) for doc in docs) / 1e6

    outputs = tagged(docs)  # warm-up (lazy imports, compiled patterns); also the scored output
    seconds = best_seconds(docs, max(1, args.runs))
    print(
        f"{len(docs)} docs, {megabytes:.3f} MB of text, best of {args.runs}: {seconds:.3f} s "
        f"({where}) = {len(docs) / seconds:.1f} docs/s, {megabytes / seconds:.3f} MB/s"
    )
    print()
    print(figures_table(scores_by_corpus(docs, outputs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
