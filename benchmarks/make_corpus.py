"""Build a news archive of N articles (10,000 by default) for the scale benchmark.

The seed pool is every TimeML article of TimeBank + AQUAINT (`../shared/data/tbaq` beside the repository, or `$TIMELINE_TBAQ`; 256
articles, read with the project's own TimeML reader) plus the bundled sample articles
(`timeline/samples`, 31). Copy k of seed s is a plain-text file with YAML front matter,
`round-RRR/<seed id>-rRRR.txt`, whose `published` date is the seed's reference date moved
R weeks later (R = k // pool size): absolute dates in the text stay put, relative ones ("on
Friday", "last month") land elsewhere, so copies both merge across documents and spread out in
time, as in a real archive. File names are unique, so doc ids are too.

    python benchmarks/make_corpus.py OUT_DIR [--docs N] [--tbaq DIR]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from datetime import timedelta
from pathlib import Path

import yaml

from timeline.document import Document
from timeline.readers import read_inputs, sample_paths
from timeline.reference import reference_date

TBAQ = Path(
    os.environ.get(
        "TIMELINE_TBAQ", Path(__file__).resolve().parents[2] / "shared" / "data" / "tbaq"
    )
)


def seed_documents(tbaq: Path = TBAQ) -> list[Document]:
    """The seed pool: TimeBank + AQUAINT articles and the bundled samples, each with its dateline."""
    inputs = [*sorted(glob.glob(str(tbaq / "**" / "*.tml"), recursive=True)), *sample_paths()]
    docs = [reference_date(d) for d in read_inputs(inputs) if isinstance(d, Document)]
    return [d for d in docs if d.dct is not None]


def article_file(doc: Document, weeks: int) -> str:
    """A copy of `doc` as front matter + text, published `weeks` weeks after the original."""
    front = {
        "title": doc.title,
        "source": doc.source or "archive",
        "published": (doc.dct + timedelta(weeks=weeks)).isoformat(),
    }
    return f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n{doc.text}\n"


def build_corpus(folder: str | os.PathLike, n_docs: int = 10_000, tbaq: Path = TBAQ) -> int:
    """Write `n_docs` articles under `folder` (one sub-folder per round of the pool); returns n_docs."""
    pool = seed_documents(tbaq)
    if not pool:
        raise SystemExit(f"no seed articles found under {tbaq}")
    for k in range(n_docs):
        doc, weeks = pool[k % len(pool)], k // len(pool)
        path = Path(folder) / f"round-{weeks:03d}" / f"{doc.doc_id}-r{weeks:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_file(doc, weeks), encoding="utf-8")
    return n_docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--tbaq", type=Path, default=TBAQ)
    args = parser.parse_args(argv)
    written = build_corpus(args.folder, args.docs, args.tbaq)
    print(f"wrote {written} articles under {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
