"""Benchmark the events stage: dated-event recall on the SemEval-2015 Task 4 trial timelines, the
hand-written events corpus, merging across articles, entity timelines, and extraction speed.

    python benchmarks/bench_events.py [--shared DIR] [--runs 3]

- **Timelines** (the trial's 30 Wikinews articles and 6 gold timelines, scored by
  `shared/tools/timeline_recall.py`: a gold event is found when a row of its article and sentence,
  on its date, has the event word in its headline; "in sentence" relaxes the word test to the row's
  sentence). Printed for the events stage as it is, and with the story's day switched off (past
  events without a date then stay on the day they were reported), to show what continuing the
  story adds.
- **Corpus** (`tests/data/events/corpus.yaml`, 294 real sentences with their rows written by hand):
  sentences whose row dates all match, rows found on their date, headlines equal word for word.
- **Merging**: the gold events on one line of a timeline, reported by different articles, are one
  event. Over the pairs of gold mentions from different articles (each mapped to the row that holds
  it), precision = pairs merged that are one event / pairs merged, recall = one-event pairs
  merged / one-event pairs.
- **Entity timelines**: `extract(..., about=[name])` for each timeline's entity: its gold events
  kept (found as above, among the kept rows) and the rows kept.
- **Speed**: `timeline.extract` over the 256 TBAQ articles in one process on one core (best of
  `--runs` after a warm-up; reading included), and the tagger's share of it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmark this checkout

from common import pinned_to_one_core  # noqa: E402

import timeline  # noqa: E402
import timeline.events.dating as dating  # noqa: E402
from timeline.events import frame_from_documents  # noqa: E402
from timeline.events.merge import event_groups  # noqa: E402
from timeline.readers import read_inputs  # noqa: E402
from timeline.schema import write_frame  # noqa: E402
from timeline.tagger import tag  # noqa: E402

TRIAL = Path("data") / "semeval2015-task4-trial"


def shared_folder(given: Path | None) -> Path:
    """`shared/` beside the repository (or one folder up, for a worktree), unless given."""
    if given:
        return given
    for up in (REPO.parent, REPO.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return REPO.parent / "shared"


def recall_tool(shared: Path):
    """The shared scorer `tools/timeline_recall.py` as a module."""
    spec = importlib.util.spec_from_file_location(
        "timeline_recall", shared / "tools" / "timeline_recall.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def trial_scores(tool, shared: Path, work: Path, **options) -> dict:
    """The timeline scores of one extract run over the prepared trial articles."""
    docs, timelines = shared / TRIAL / "documents", shared / TRIAL / "timelines"
    prepared = work / "trial-in"
    if not prepared.exists():
        tool.prepare(docs, prepared)
    frame = timeline.extract([prepared], quiet=True, **options)
    rows = work / "rows.csv"
    write_frame(frame, str(rows))
    return tool.score(docs, timelines, str(rows))


def trial_report(tool, shared: Path, work: Path) -> None:
    print("## Timelines (SemEval-2015 Task 4 trial: 30 articles, 157 dated gold events)")
    print(f"{'run':<34}{'found':>7}{'recall':>9}{'in sentence':>13}{'rows':>7}")
    reach = dating.STORY_REACH
    for label, days in (("as is", reach), ("without the story's day", 0)):
        dating.STORY_REACH = days
        s = trial_scores(tool, shared, work)
        print(
            f"{label:<34}{s['found']:>7}{s['recall']:>8.1f}%{s['recall_in_sentence']:>12.1f}%{s['rows']:>7}"
        )
    dating.STORY_REACH = reach


def corpus_report() -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from test_corpus import agreement  # noqa: E402

    a = agreement()
    print("\n## Corpus (tests/data/events/corpus.yaml)")
    print(
        f"sentences with every row's date right: {a['dates']}/{a['sentences']} "
        f"({100 * a['dates'] / a['sentences']:.1f}%)"
    )
    print(
        f"rows found on their date: {a['found']}/{a['rows']} ({100 * a['found'] / a['rows']:.1f}%)"
    )
    print(f"  ... and dated the same way: {a['dated_by']}/{a['rows']}")
    print(
        f"headlines equal word for word: {a['headlines']}/{a['rows']} ({100 * a['headlines'] / a['rows']:.1f}%)"
    )


def mention_rows(tool, shared: Path, frame, mentions) -> dict:
    """Each gold mention (doc, sentence, word, date) -> the index of the frame row holding it."""
    texts = {
        p.name.split("_")[0].split("-")[0]: tool.sentences(p)[1]
        for p in (shared / TRIAL / "documents").glob("*.tml")
    }
    doc_of = frame["doc_id"].astype(str).str.extract(r"(\d+)", expand=False)
    found = {}
    for mention in mentions:
        doc, sent, word, date = mention
        words = tool.tokens(texts[doc][sent])
        for i in frame.index[doc_of == doc]:
            row = frame.loc[i]
            theirs = tool.tokens(row["sentence"])
            if (
                len(theirs & words) >= 0.6 * min(len(words), len(theirs) or 1)
                and word in str(row["event"]).lower()
            ):
                found[mention] = i
                break
    return found


def merge_report(tool, shared: Path, work: Path) -> None:
    docs, timelines = shared / TRIAL / "documents", shared / TRIAL / "timelines"
    line_of = {}
    for path in timelines.glob("*.txt"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:]):
            for mention in line.split("\t")[2:]:
                line_of[mention] = (path.stem, n)
    gold = {}
    for mention in tool.gold_mentions(docs, timelines):
        doc, sent, word, date = mention
        key = next((k for k in line_of if k.startswith(f"{doc}-{sent}-")), None)
        if key:
            gold[mention] = line_of[key]
    frame = frame_from_documents(read_inputs([work / "trial-in"]), merge=False)
    groups = event_groups(frame)
    where = mention_rows(tool, shared, frame, gold)
    merged_true = merged_all = true_pairs = 0
    for a, b in combinations(sorted(where), 2):
        if a[0] == b[0]:
            continue  # one article: merging is across articles
        same_event = gold[a] == gold[b]
        merged = groups[where[a]] == groups[where[b]]
        true_pairs += same_event
        merged_all += merged
        merged_true += merged and same_event
    precision = merged_true / merged_all if merged_all else float("nan")
    recall = merged_true / true_pairs if true_pairs else float("nan")
    print("\n## Merging across articles (trial gold: one timeline line = one event)")
    print(f"gold mentions mapped to a row: {len(where)}/{len(gold)}")
    print(
        f"cross-article pairs of one event: {true_pairs}; merged: {merged_all}, of them right: {merged_true}"
    )
    print(f"precision {precision:.2f}, recall {recall:.2f}")


def about_report(tool, shared: Path, work: Path) -> None:
    docs, timelines = shared / TRIAL / "documents", shared / TRIAL / "timelines"
    print("\n## Entity timelines (extract --about NAME, on the trial articles)")
    print(f"{'entity':<22}{'gold dated events':>19}{'kept':>6}{'rows kept':>11}{'of all rows':>13}")
    everything = timeline.extract([work / "trial-in"], quiet=True)
    for path in sorted(timelines.glob("*.txt")):
        name = path.read_text(encoding="utf-8").splitlines()[0].strip()
        with tempfile.TemporaryDirectory() as one:
            (Path(one) / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            frame = timeline.extract([work / "trial-in"], quiet=True, about=[name])
            rows = work / "about.csv"
            write_frame(frame, str(rows))
            s = tool.score(docs, Path(one), str(rows))
        print(
            f"{name:<22}{s['gold_dated_mentions']:>19}{s['found']:>6}{len(frame):>11}{len(everything):>13}"
        )


def speed_report(shared: Path, runs: int) -> None:
    corpus = shared / "data" / "tbaq"
    docs = list(read_inputs([corpus]))
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    timeline.extract([corpus], quiet=True)  # warm-up: imports, caches
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        timeline.extract([corpus], quiet=True)
        best = min(best, time.process_time() - start)
    from timeline.reference import reference_date

    dated = [reference_date(d) for d in docs]
    start = time.process_time()
    for doc in dated:
        tag(doc.text, doc.dct)
    tagging = time.process_time() - start
    print(f"\n## Speed ({pinned_to_one_core()}, {len(docs)} TBAQ articles, {megabytes:.3f} MB)")
    print(
        f"extract: {best:.2f} s = {len(docs) / best:.0f} docs/s, {megabytes / best:.2f} MB/s; "
        f"the tagger's share {100 * tagging / best:.0f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    shared = shared_folder(args.shared)
    tool = recall_tool(shared)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trial_report(tool, shared, work)
        corpus_report()
        merge_report(tool, shared, work)
        about_report(tool, shared, work)
    speed_report(shared, args.runs)


if __name__ == "__main__":
    main()
