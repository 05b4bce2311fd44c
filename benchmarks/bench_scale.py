"""Throughput and peak memory of a cluster run (`timeline.scale`) with 1 and 2 local workers.

Builds an archive of `--docs` articles (10,000 by default; see `make_corpus.py` for how) in a temp
folder, then for each worker count starts a LocalCluster (one thread per worker process) and
times `extract_distributed` into a Parquet folder. Prints documents per second, the client's
peak RSS (sampled) and each worker's peak RSS (`ru_maxrss`, read on the workers with
`client.run`). Cluster start-up is not timed.

    python benchmarks/bench_scale.py [--docs N] [--workers 1,2] [--partition-size 200] [--single]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmark this checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import TBAQ, build_corpus  # noqa: E402

from timeline.scale import PARTITION_SIZE, RUN_FILE, connect, extract_distributed  # noqa: E402

MB = 1024 * 1024


class PeakRSS:
    """The peak resident memory of this process, sampled every 50 ms while in the `with` block."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        process = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, process.memory_info().rss)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def worker_peak_rss() -> int:
    """This worker process's peak resident memory in bytes (run on the workers)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_cluster(corpus: Path, out: Path, workers: int, partition_size: int) -> dict:
    """One timed cluster run on a fresh LocalCluster of `workers` single-thread processes."""
    with connect(workers=workers) as client:
        with PeakRSS() as client_rss:
            start = time.perf_counter()
            report = extract_distributed(
                [corpus],
                out,
                scheduler=client.scheduler.address,
                quiet=True,
                partition_size=partition_size,
            )
            seconds = time.perf_counter() - start
        worker_rss = sorted(client.run(worker_peak_rss).values())
    summary = json.loads((out / RUN_FILE).read_text())
    return {
        "label": f"{workers} worker{'s' if workers > 1 else ''}",
        "documents": summary["documents"],
        "rows": summary["rows"],
        "errors": len(report.errors),
        "seconds": seconds,
        "client_mb": client_rss.peak / MB,
        "workers_mb": [rss / MB for rss in worker_rss],
    }


def run_single(corpus: Path) -> dict:
    """The single-process `timeline.extract` on the same archive, for comparison."""
    import timeline
    from timeline.schema import ARTICLES, ERRORS

    with PeakRSS() as rss:
        start = time.perf_counter()
        frame = timeline.extract([corpus], quiet=True)
        seconds = time.perf_counter() - start
    return {
        "label": "single process",
        "documents": len(frame.attrs[ARTICLES]),
        "rows": len(frame),
        "errors": len(frame.attrs[ERRORS]),
        "seconds": seconds,
        "client_mb": rss.peak / MB,
        "workers_mb": [],
    }


def report_line(result: dict) -> str:
    workers = ", ".join(f"{mb:.0f}" for mb in result["workers_mb"]) or "-"
    return (
        f"{result['label']:>15}: {result['documents']} docs, {result['rows']} rows in "
        f"{result['seconds']:.1f} s = {result['documents'] / result['seconds']:.0f} docs/s, "
        f"{result['errors']} failed; "
        f"peak RSS client {result['client_mb']:.0f} MB, workers {workers} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2", help="worker counts to try, comma-separated")
    parser.add_argument("--partition-size", type=int, default=PARTITION_SIZE)
    parser.add_argument("--tbaq", type=Path, default=TBAQ)
    parser.add_argument("--single", action="store_true", help="also time the single-process run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        corpus = Path(tmp) / "archive"
        start = time.perf_counter()
        build_corpus(corpus, args.docs, args.tbaq)
        print(f"archive: {args.docs} articles in {time.perf_counter() - start:.1f} s", flush=True)
        for n in [int(w) for w in args.workers.split(",")]:
            result = run_cluster(corpus, Path(tmp) / f"out-{n}.parquet", n, args.partition_size)
            print(report_line(result), flush=True)
        if args.single:
            print(report_line(run_single(corpus)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
