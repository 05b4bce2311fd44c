"""Benchmark sentence splitters: boundary accuracy on news and speed, to choose one splitter.

    python benchmarks/bench_sentences.py [--trial DIR] [--samples DIR] [--runs 3]
        [--sizes 1000,4000,16000,50000] [--timeout 60] [--errors N] [--only NAME,...]

Candidates: our `timeline.text.sentence_spans`, the regex the tagger's tense used to bound a
sentence before the one text layer (kept here as a splitter over the whole text, for comparison), and the libraries pysbd, syntok, blingfire, nupunkt, sentencex and
spaCy's rule-based `sentencizer` (a blank English pipeline: no model download). A library that is
not installed gets a "not installed" row; none of them is a dependency of `timeline`:

    pip install pysbd syntok blingfire nupunkt sentencex spacy

Left out: nltk's punkt (its English model is a data download, not in nltk's wheel), wtpsplit,
stanza and trankit (models fetched from a hub at run time), segtok (superseded by syntok) and
sentence-splitter (no release since 2019).

Gold data
- `--trial` (default `shared/data/semeval2015-task4-trial/documents`, `shared/` found beside the
  repository or one folder up, as for a worktree): the 30 tokenized Wikinews TimeML articles of
  the SemEval-2015 Task 4 trial data, with gold `<s>` sentences.
- `--samples` (default `<repo>/timeline/samples`): the same articles as prose (`wikinews-*.txt`,
  front matter naming the `semeval_docid`). Gold sentences are aligned to the prose by their
  non-space characters (quotes normalised: `` and '' to ", ` to '); a document whose characters
  do not all align is skipped and reported.
- A small hand-made set of news-wire hard cases embedded below (`WIRE`), not from any corpus.

Views of the Wikinews articles (the gold ends are the same offsets in the first three):
- raw: the sample text after the front matter. `scripts/build_samples.py` wrote it one gold
  sentence per line, so a splitter that breaks at every line end gets most of it for free.
- reflowed: the same text with every single line break of the body made a space (same length),
  so the body is one paragraph; the date line stays apart before its blank line.
- wrapped: the reflowed body hard-wrapped at 70 columns (spaces made line breaks).
- tokenized: the gold sentences' tokens joined with single spaces ("on Monday . He ...").

A boundary is the end offset of a sentence after trimming whitespace; the end of the text is not
counted (every splitter gets it). Precision, recall and F1 are over all boundaries of a view;
"perfect" counts the documents whose boundaries all match. Speed is characters per second over the
raw view, best of `--runs` passes after a warm-up, in one process pinned to one core. Scaling
splits one synthetic article of N sentences (the aligned Wikinews sentences, cycled) written on one
line and hard-wrapped at 70 columns, in a forked process: the best of up to 3 runs, stopped when
a run passes `--timeout` seconds ("timeout"; larger sizes are then skipped). "slope" is k in
time ~ size**k between the two largest sizes measured: about 1 is linear, 2 quadratic; "found" is
the number of sentences returned per sentence written, at the largest size measured (the date
and headline lines have no final stop, so about 90% is expected). Libraries may memoise
decisions (nupunkt does), and the accuracy passes warm them before the timing. Other work on the
machine makes times noisy: the load average is printed.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmark this checkout
from common import pinned_to_one_core  # noqa: E402

from timeline.text import sentence_spans  # noqa: E402

# the tense module's sentence end before `timeline.text` (a regex within 300 characters)
OLD_TENSE_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?\s+(?=[A-Z\"“‘(])|\n\s*\n")

TRIAL = Path("data") / "semeval2015-task4-trial" / "documents"
# shared/ sits beside the main checkout; a worktree in a folder of its own has it one level up.
DEFAULT_TRIAL = next(
    (up / "shared" / TRIAL for up in (REPO.parent, REPO.parent.parent) if (up / "shared").is_dir()),
    REPO.parent / "shared" / TRIAL,
)
DEFAULT_SAMPLES = REPO / "timeline" / "samples"
WRAP = 70

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]


# --- splitters ---------------------------------------------------------------------------------
def spans_of_pieces(text: str, pieces: list[str]) -> Spans:
    """Offsets of sentence strings that appear in order in `text` (whitespace may differ around)."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:
            raise ValueError(f"sentence not found in text at {cursor}: {piece[:40]!r}")
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def tense_regex(text: str) -> Spans:
    """The old tense regex as a splitter: a sentence runs from one match's end to the next's."""
    spans, start = [], 0
    for m in OLD_TENSE_SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def make_pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: spans_of_pieces(text, segmenter.segment(text))


def make_syntok() -> Splitter:
    from syntok import segmenter

    def split(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
            if sentence
        ]

    return split


def make_blingfire() -> Splitter:
    import blingfire

    return lambda text: list(blingfire.text_to_sentences_and_offsets(text)[1]) if text else []


def make_nupunkt() -> Splitter:
    import nupunkt

    return nupunkt.sent_spans


def make_sentencex() -> Splitter:
    import sentencex

    def split(text: str) -> Spans:
        return [
            (b["start_index"], b["end_index"])
            for b in sentencex.get_sentence_boundaries("en", text)
            if not b["is_paragraph_break"]
        ]

    return split


def make_spacy() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**9
    return lambda text: [(s.start_char, s.end_char) for s in nlp(text).sents]


FACTORIES: dict[str, Callable[[], Splitter]] = {
    "text.sentence_spans": lambda: sentence_spans,
    "tense regex": lambda: tense_regex,
    "pysbd": make_pysbd,
    "syntok": make_syntok,
    "blingfire": make_blingfire,
    "nupunkt": make_nupunkt,
    "sentencex": make_sentencex,
    "spacy sentencizer": make_spacy,
}


def load_splitters(only: list[str] | None) -> dict[str, Splitter | str]:
    """Each splitter by name, or the reason it cannot run ("not installed")."""
    out: dict[str, Splitter | str] = {}
    for name, factory in FACTORIES.items():
        if only and name not in only:
            continue
        try:
            out[name] = factory()
        except ImportError as exc:
            out[name] = f"not installed ({exc.name})"
    return out


# --- gold --------------------------------------------------------------------------------------
@dataclass
class Doc:
    name: str
    text: str
    ends: set[int]  # gold sentence ends (trimmed), without the end of the text
    sentences: int = 0


@dataclass
class Alignment:
    docs: list[Doc] = field(default_factory=list)
    tokenized: list[Doc] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # aligned raw sentences, for scaling
    skipped: list[str] = field(default_factory=list)
    normalised: int = 0  # sentences matched only after quote normalisation
    unmatched_samples: list[str] = field(default_factory=list)


_QUOTE_PAIRS = (("``", '"'), ("''", '"'))
_QUOTE_CHARS = str.maketrans({"`": "'", "‘": "'", "’": "'", "“": '"', "”": '"'})


def normalised(chars: str) -> str:
    for old, new in _QUOTE_PAIRS:
        chars = chars.replace(old, new)
    return chars.translate(_QUOTE_CHARS)


def gold_sentences(path: Path) -> tuple[str, list[str]]:
    """DOCID and the tokenized gold sentences (single spaces) of one TimeML file."""
    root = ElementTree.parse(path).getroot()
    sentences = [" ".join("".join(s.itertext()).split()) for s in root.iter("s")]
    return root.findtext("DOCID") or path.stem, sentences


def sample_body(path: Path) -> tuple[str | None, str]:
    """The `semeval_docid` of a sample file and its text after the front matter."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None, text
    docid = re.search(r'semeval_docid:\s*"?([^"\n]+)"?', m.group(1))
    return (docid.group(1).strip() if docid else None), text[m.end() :]


def align(sentences: list[str], raw: str) -> tuple[list[int], int] | None:
    """Trimmed end offsets in `raw` of each gold sentence, matched on non-space characters; and
    how many sentences matched only after quote normalisation. None when they do not align."""
    where = [i for i, c in enumerate(raw) if not c.isspace()]
    raw_chars = "".join(raw[i] for i in where)
    raw_norm = raw_chars.translate(_QUOTE_CHARS)  # one char for one: indices kept
    ends, at, loose = [], 0, 0
    for sentence in sentences:
        chars = "".join(sentence.split())
        norm = normalised(chars)
        if raw_norm[at : at + len(norm)] != norm:
            return None
        loose += raw_chars[at : at + len(chars)] != chars
        at += len(norm)
        ends.append(where[at - 1] + 1)
    if at != len(raw_norm):
        return None
    return ends, loose


def load_gold(trial: Path, samples: Path) -> Alignment:
    out = Alignment()
    bodies: dict[str, tuple[str, str]] = {}
    for path in sorted(samples.glob("wikinews-*.txt")):
        docid, body = sample_body(path)
        if docid:
            bodies[docid] = (path.name, body)
    for path in sorted(trial.glob("*.tml")):
        docid, sentences = gold_sentences(path)
        tokenized = " ".join(sentences)
        cut, tok_ends = 0, set()
        for s in sentences[:-1]:
            cut += len(s)
            tok_ends.add(cut)
            cut += 1
        out.tokenized.append(Doc(path.name, tokenized, tok_ends, len(sentences)))
        if docid not in bodies:
            out.skipped.append(f"{path.name}: no sample file with semeval_docid {docid}")
            continue
        name, raw = bodies.pop(docid)
        aligned = align(sentences, raw)
        if aligned is None:
            out.skipped.append(f"{path.name} / {name}: characters do not align")
            continue
        ends, loose = aligned
        out.normalised += loose
        end_of_text = len(raw.rstrip())
        out.docs.append(Doc(name, raw, {e for e in ends if e != end_of_text}, len(sentences)))
        starts = [0, *ends[:-1]]
        out.sentences += [raw[s:e].strip() for s, e in zip(starts, ends, strict=True)]
    out.unmatched_samples = sorted(name for name, _ in bodies.values())
    return out


def reflowed(doc: Doc) -> Doc:
    """The body (after the first blank line) on one line: single line breaks made spaces."""
    head = doc.text.find("\n\n")
    head = 0 if head < 0 else head + 2
    body = re.sub(r"(?<=\S)\n(?=\S)", " ", doc.text[head:])
    return Doc(doc.name, doc.text[:head] + body, doc.ends, doc.sentences)


def hard_wrapped(text: str, width: int = WRAP) -> str:
    """`text` with spaces turned into line breaks so that no line passes `width` where it can."""
    out = list(text)
    line_start, last_space = 0, -1
    for i, c in enumerate(text):
        if c == "\n":
            line_start, last_space = i + 1, -1
        elif c == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            out[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(out)


def wrapped(doc: Doc) -> Doc:
    flat = reflowed(doc)
    head = flat.text.find("\n\n")
    head = 0 if head < 0 else head + 2
    return Doc(doc.name, flat.text[:head] + hard_wrapped(flat.text[head:]), doc.ends, doc.sentences)


# --- the hand-made news-wire set ---------------------------------------------------------------
# Hand-made for this benchmark (not from a corpus): each item is one document, its sentences as
# gold, and the separator written between consecutive sentences (default one space). The open
# quote and the '11 documents were added after sentencex and pysbd were seen to join sentences
# between unpaired quote marks on the synthetic article.
WIRE: list[list[str | tuple[str, str]]] = [
    [
        "WASHINGTON (Reuters) - The U.S. Senate voted 52-48 on Jan. 6 to approve the bill.",
        'Mr. Smith, who lives in St. Louis, said the measure was "long overdue."',
        "The vote came after a 10-hour debate.",
    ],
    [
        "LONDON, March 3 (Reuters) - British retail sales rose 3.5 percent in February, "
        "the fastest pace since 2019.",
        "Shares of J.P. Morgan Chase & Co. rose 1.2% to $140.50.",
        "Britain remains the No. 1 market for the group.",
    ],
    [
        "The meeting began at 9 a.m. and ended at 11:30 a.m.",
        "Officials declined to comment.",
        "Most of the company's staff work in the U.S.",
        "The rest are based in Canada.",
    ],
    [
        '"We are waiting ... and we will see," she said.',
        "The talks dragged on...",
        "Nobody left the room.",
        '"Is this the end?" he asked.',
        "Why now?",
        "Analysts said the timing was political.",
    ],
    [
        ("Fed holds rates steady", "\n\n"),
        "The Federal Reserve kept its benchmark rate unchanged on Wednesday.",
        "Gen. Mark Milley and Sen. Ted Cruz met President George W. Bush at the White House.",
        "The firm, based in Washington, D.C., said sales rose.",
    ],
    [  # a quote left open at a paragraph end, as wire style does when the quote goes on
        '"We are going to appeal the ruling.',
        ("It is simply wrong.", "\n\n"),
        '"We will win in the end," she said.',
        "The court declined to comment.",
    ],
    [  # apostrophes that are not quotes ('11), then a quoted phrase
        "Sales of iLife '11 rose 5 percent in the quarter.",
        "Prices fell.",
        "Analysts cited a 'halo effect' from the iPhone.",
        "The company is now No. 1 in the U.S.",
        "Its rivals fell behind.",
    ],
    [
        ("Key points:", "\n"),
        ("- Output rose 2 percent", "\n"),
        ("- Prices fell for a third month", "\n"),
        ("- Exports were flat", "\n\n"),
        "The team finished No. 2.",
        "Rivals gained ground in the final week.",
        "(Reporting by Jane Doe; Editing by John Smith)",
    ],
]


def wire_docs() -> list[Doc]:
    docs = []
    for n, items in enumerate(WIRE, 1):
        text, ends = "", set()
        for i, item in enumerate(items):
            sentence, sep = (item, " ") if isinstance(item, str) else item
            text += sentence
            if i + 1 < len(items):
                ends.add(len(text))
                text += sep
        docs.append(Doc(f"wire-{n}", text, ends, len(items)))
    return docs


# --- scoring -----------------------------------------------------------------------------------
def predicted_ends(text: str, spans: Spans) -> set[int]:
    """Trimmed end offsets of the predicted sentences, without the end of the text."""
    end_of_text = len(text.rstrip())
    ends = set()
    for start, end in spans:
        chunk = text[start:end]
        if chunk.strip():
            ends.add(end - (len(chunk) - len(chunk.rstrip())))
    ends.discard(end_of_text)
    return ends


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    perfect: int = 0
    docs: int = 0
    errors: list[str] = field(default_factory=list)

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:6.3f} {r:6.3f} {f:6.3f}  {self.perfect:>3}/{self.docs:<3} {self.fp:>4} {self.fn:>4}"


def context(text: str, at: int, width: int = 45) -> str:
    left = text[max(0, at - width) : at].replace("\n", "⏎")
    right = text[at : at + width].replace("\n", "⏎")
    return f"…{left}‖{right}…"


def score(split: Splitter, docs: list[Doc], keep_errors: int) -> Score:
    s = Score()
    for doc in docs:
        got = predicted_ends(doc.text, split(doc.text))
        s.tp += len(got & doc.ends)
        extra, missed = sorted(got - doc.ends), sorted(doc.ends - got)
        s.fp += len(extra)
        s.fn += len(missed)
        s.perfect += not extra and not missed
        s.docs += 1
        if len(s.errors) < keep_errors:
            s.errors += [f"  extra  {doc.name}: {context(doc.text, e)}" for e in extra]
            s.errors += [f"  missed {doc.name}: {context(doc.text, e)}" for e in missed]
    return s


def chars_per_second(split: Splitter, docs: list[Doc], runs: int) -> float:
    texts = [d.text for d in docs]
    for text in texts:  # warm-up: lazy loading, caches
        split(text)
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            split(text)
        best = min(best, time.perf_counter() - t0)
    return sum(map(len, texts)) / best


# --- scaling -----------------------------------------------------------------------------------
def synthetic(sentences: list[str], n: int, layout: str) -> str:
    text = " ".join(sentences[i % len(sentences)] for i in range(n))
    return text if layout == "one line" else hard_wrapped(text)


def _timed_child(split: Splitter, text: str, timeout: float, conn) -> None:
    """Split `text` up to 3 times (while the runs stay within `timeout`), sending each time."""
    spent = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        found = len(split(text))
        seconds = time.perf_counter() - t0
        conn.send((seconds, found))
        spent += seconds
        if spent + seconds > timeout:
            break
    conn.send(None)
    conn.close()


def timed(split: Splitter, text: str, timeout: float) -> tuple[float, int] | None:
    """Best seconds to split `text` in a forked process, and the number of sentences found;
    None when one run passes `timeout`."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_timed_child, args=(split, text, timeout, child))
    proc.start()
    child.close()
    times: list[tuple[float, int]] = []
    deadline = time.monotonic() + 2 * timeout
    while parent.poll(timeout if not times else max(0.0, deadline - time.monotonic())):
        result = parent.recv()
        if result is None:
            break
        times.append(result)
    if proc.is_alive():
        proc.kill()
    proc.join()
    best = min(times, default=None)
    return None if best is None or best[0] > timeout else best


def slope(points: list[tuple[int, float]]) -> str:
    """The exponent k in time ~ size**k between the two largest sizes measured (1 = linear)."""
    if len(points) < 2:
        return "-"
    (n1, t1), (n2, t2) = points[-2:]
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}" if t1 > 0 and t2 > 0 else "-"


def load() -> str:
    """The 1-minute load average: other work on the machine makes the times noisy."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


# --- report ------------------------------------------------------------------------------------
HEADER = f"{'splitter':<22} {'P':>6} {'R':>6} {'F1':>6}  {'perfect':<7} {'FP':>4} {'FN':>4}"


def print_view(title: str, docs: list[Doc], splitters, keep_errors: int, extra=None) -> None:
    boundaries = sum(len(d.ends) for d in docs)
    print(f"\n## {title}: {len(docs)} documents, {boundaries} gold boundaries")
    print(HEADER + ("  chars/s" if extra else ""))
    for name, split in splitters.items():
        if isinstance(split, str):
            print(f"{name:<22} {split}")
            continue
        s = score(split, docs, keep_errors)
        tail = f"  {extra(split):>9,.0f}" if extra else ""
        print(f"{name:<22} {s.row()}{tail}")
        for line in s.errors[:keep_errors]:
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trial", type=Path, default=DEFAULT_TRIAL)
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,4000,16000,50000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--errors", type=int, default=0, help="print N errors per splitter")
    parser.add_argument("--only", default="", help="comma-separated splitter names")
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args()

    cpu = pinned_to_one_core()
    only = [n.strip() for n in args.only.split(",") if n.strip()] or None
    splitters = load_splitters(only)
    gold = load_gold(args.trial.resolve(), args.samples.resolve())
    if not gold.tokenized:
        sys.exit(f"bench_sentences: no .tml files in {args.trial} (see --trial)")
    aligned = sum(d.sentences for d in gold.docs)
    total = sum(d.sentences for d in gold.tokenized)
    print(f"# Sentence splitters ({cpu}, Python {sys.version.split()[0]}, load average {load()})")
    print(
        f"alignment: {len(gold.docs)}/{len(gold.tokenized)} documents, {aligned}/{total} gold "
        f"sentences aligned to the prose ({gold.normalised} of them only after quote "
        f"normalisation); skipped: {len(gold.skipped)}"
    )
    for line in gold.skipped:
        print(f"  skipped {line}")
    if gold.unmatched_samples:
        print(f"  sample files without a TimeML file: {', '.join(gold.unmatched_samples)}")
    on_line_ends = sum(
        sum(d.text.startswith("\n", e) or e == len(d.text) for e in d.ends) for d in gold.docs
    )
    print(
        f"raw view: {on_line_ends}/{sum(len(d.ends) for d in gold.docs)} gold boundaries "
        "fall at a line end"
    )

    def speed(split: Splitter) -> float:
        return chars_per_second(split, gold.docs, args.runs)

    print_view("Wikinews raw (one sentence per line)", gold.docs, splitters, args.errors, speed)
    print_view(
        "Wikinews reflowed (body one paragraph)",
        [reflowed(d) for d in gold.docs],
        splitters,
        args.errors,
    )
    print_view(
        f"Wikinews hard-wrapped at {WRAP}", [wrapped(d) for d in gold.docs], splitters, args.errors
    )
    print_view("Wikinews tokenized (secondary)", gold.tokenized, splitters, args.errors)
    print_view("news-wire hard cases (hand-made)", wire_docs(), splitters, args.errors)

    if args.no_scaling or not gold.sentences:
        return
    sizes = [int(n) for n in args.sizes.split(",")]
    print(
        f"\n## Scaling: seconds to split one synthetic article of N sentences "
        f"(timeout {args.timeout:.0f} s)"
    )
    for layout in ("one line", f"wrapped {WRAP}"):
        texts = {n: synthetic(gold.sentences, n, layout) for n in sizes}
        mb = ", ".join(f"{n // 1000}k={len(t) / 1e6:.2f} MB" for n, t in texts.items())
        print(f"\n{layout}: {mb}")
        print(
            f"{'splitter':<22} "
            + " ".join(f"{f'{n // 1000}k':>9}" for n in sizes)
            + "  slope  found"
        )
        for name, split in splitters.items():
            if isinstance(split, str):
                print(f"{name:<22} {split}")
                continue
            cells, points, found, gave_up = [], [], "-", False
            for n in sizes:
                result = None if gave_up else timed(split, texts[n], args.timeout)
                if result is None:
                    cells.append("skipped" if gave_up else "timeout")
                    gave_up = True
                else:
                    cells.append(f"{result[0]:.3f}")
                    points.append((n, result[0]))
                    found = f"{result[1] / n:.0%}"
            row = " ".join(f"{c:>9}" for c in cells)
            print(f"{name:<22} {row}  {slope(points):>5}  {found:>5}", flush=True)
    print(f"\nload average at the end: {load()}")


if __name__ == "__main__":
    main()
