"""Cluster runs: `timeline extract --workers N / --scheduler ADDR` against the single-process run.

The clusters are real: `dask scheduler` and `dask worker` processes on 127.0.0.1 (or a
LocalCluster), reading an archive written to a temp folder from the bundled samples (one folder a
day, the same file names in each, published dates moved a day per folder) and the mixed-format
test inputs.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.readers import paths_of, sample_paths
from timeline.scale import extract_distributed, extract_streaming, start_ranges
from timeline.schema import ARTICLES, COLUMNS, DUPLICATES, ERRORS, sources_of, write_frame

INPUTS = Path(__file__).parent / "data" / "inputs"
BAD = INPUTS / "bad"
REPO = Path(timeline.__file__).parent.parent
DATE_COLUMNS = [name for name, dtype in COLUMNS.items() if dtype.startswith("datetime")]
START_TIMEOUT = 60


# --- the archive -----------------------------------------------------------------------------
def write_archive(folder: Path, days: int, bad: bool = False) -> Path:
    """`days` folders of the bundled samples (published a day later per folder), the mixed test
    inputs, and the bad test inputs when `bad`."""
    for day in range(days):
        target = folder / f"day-{day:02d}"
        target.mkdir(parents=True)
        for sample in sample_paths():
            text = re.sub(
                r"^published: (\d{4}-\d{2}-\d{2})",
                lambda m, d=day: f"published: {date.fromisoformat(m[1]) + timedelta(days=d)}",
                sample.read_text(encoding="utf-8"),
                count=1,
                flags=re.M,
            )
            (target / sample.name).write_text(text, encoding="utf-8")
    shutil.copytree(INPUTS, folder / "mixed", ignore=shutil.ignore_patterns("bad"))
    if bad:
        shutil.copytree(BAD, folder / "bad")
    return folder


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows in one order and one date unit, for comparing runs."""
    frame = frame[list(COLUMNS)].copy()
    for name in DATE_COLUMNS:
        frame[name] = frame[name].astype("datetime64[us]")
    frame["sources"] = frame["sources"].map(lambda v: json.dumps(sources_of(v)))  # sortable
    return frame.sort_values(list(COLUMNS)).reset_index(drop=True)


def csv_rows(path: Path) -> pd.DataFrame:
    """A CSV events file read back as text, dates parsed, sorted."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for name in DATE_COLUMNS:
        frame[name] = pd.to_datetime(frame[name].replace("", None), format="ISO8601")
    return sorted_rows(frame)


def error_set(errors: list) -> set[tuple[str, str]]:
    return {(e.path, e.reason) for e in errors}


# --- real dask processes ---------------------------------------------------------------------
class Cluster:
    """A `dask scheduler` and `n` single-thread `dask worker` processes on 127.0.0.1."""

    def __init__(self, folder: Path, n_workers: int) -> None:
        self.folder = folder
        self.logs: list = []
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path])}
        scheduler_file = folder / "scheduler.json"
        self.scheduler = self._start(
            "scheduler",
            "--host=127.0.0.1",
            "--port=0",
            "--no-dashboard",
            f"--scheduler-file={scheduler_file}",
        )
        self.workers: list[subprocess.Popen] = []
        self.address = self._address(scheduler_file)
        for n in range(n_workers):
            self.workers.append(
                self._start(
                    "worker",
                    self.address,
                    "--host=127.0.0.1",
                    "--nthreads=1",
                    "--nworkers=1",
                    "--no-nanny",
                    "--no-dashboard",
                    f"--local-directory={folder / f'worker-{n}'}",
                )
            )
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(n_workers, timeout=START_TIMEOUT)
            pids = client.run(os.getpid)
        self.addresses = {pid: address for address, pid in pids.items()}

    def _start(self, role: str, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{role}-{time.monotonic_ns()}.log", "wb")  # noqa: SIM115
        self.logs.append(log)
        return subprocess.Popen(
            [sys.executable, "-m", "dask", role, *args], stdout=log, stderr=log, env=self.env
        )

    def _address(self, scheduler_file: Path) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.scheduler.poll() is not None:
                raise RuntimeError(f"dask scheduler exited with {self.scheduler.returncode}")
            try:
                return json.loads(scheduler_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.1)
        raise TimeoutError("dask scheduler did not write its address")

    def close(self) -> None:
        processes = [*self.workers, self.scheduler]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self.logs:
            log.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two workers shared by the tests that kill nothing."""
    running = Cluster(tmp_path_factory.mktemp("dask"), n_workers=2)
    yield running
    running.close()


@pytest.fixture
def own_cluster(tmp_path):
    """A scheduler and two workers for one test (which may kill one)."""
    folder = tmp_path / "dask"
    folder.mkdir()
    running = Cluster(folder, n_workers=2)
    yield running
    running.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return write_archive(tmp_path_factory.mktemp("archive"), days=3)


@pytest.fixture(scope="module")
def single(archive):
    """The single-process run of the archive: the frame every cluster run must equal."""
    return timeline.extract([archive], quiet=True)


# --- tests -----------------------------------------------------------------------------------
def test_start_ranges_cut_sorted_starts_into_contiguous_whole_years_of_about_the_asked_size():
    years = [pd.Timestamp(2000 + n // 10, 1 + n % 10, 1) for n in range(100)]  # 10 years
    sketch = [int(t.value // 1000) for t in years]  # 100 sampled starts standing for 1000 rows
    ranges = start_ranges([(sketch, 1000)], rows_per_part=250, undated=True)
    assert ranges[0][0] is None and ranges[-2][1] is None and ranges[-1] == (None, None)
    assert all(a[1] == b[0] for a, b in zip(ranges[:-2], ranges[1:-1], strict=True))
    assert len(ranges) - 1 == 4
    cuts = [pd.Timestamp(low, unit="us") for low, _ in ranges[1:-1]]
    assert all((cut.month, cut.day) == (1, 1) for cut in cuts)  # a year is never cut
    assert start_ranges([], rows_per_part=10) == [(None, None)]


@pytest.mark.cluster
def test_local_cluster_run_equals_the_single_process_run(archive, single, tmp_path):
    output = tmp_path / "events.parquet"
    report = extract_distributed(
        [archive], output, workers=2, quiet=True, partition_size=7, rows_per_part=150
    )
    frame = timeline.read_events(output)
    assert report.errors == single.attrs[ERRORS] == frame.attrs[ERRORS]
    assert report.documents == len(single.attrs[ARTICLES]) and report.rows == len(single)
    pd.testing.assert_frame_equal(sorted_rows(frame), sorted_rows(single))
    assert frame.attrs[ARTICLES] == single.attrs[ARTICLES]
    # the same file name in three folders: ids made unique over the run, as in one process
    assert {"reuters-2020-01-06-iraq-letter", "reuters-2020-01-06-iraq-letter-3"} <= set(
        frame.attrs[ARTICLES]
    )
    # a folder of Parquet parts that pandas reads back as one frame, in time order
    parts = sorted(output.glob("part-*.parquet"))
    assert len(parts) > 1
    whole = pd.read_parquet(output)
    pd.testing.assert_frame_equal(sorted_rows(whole), sorted_rows(single))
    assert whole["start"].dropna().is_monotonic_increasing


@pytest.mark.cluster
def test_events_reported_in_different_partitions_merge_into_one_row(archive, tmp_path):
    output = tmp_path / "events.parquet"
    extract_distributed([archive], output, workers=2, quiet=True, partition_size=5)
    frame = timeline.read_events(output)
    # Jobs' birth date, in each day's copy of his obituary (31 files apart: other partitions)
    obituary = "wikinews-2011-10-06-apple-inc-co-founder-steve-jobs-dies-aged-56"
    born = frame[(frame["start"] == "1955-02-24") & frame["sources"].map(lambda s: obituary in s)]
    assert born["sources"].tolist() == [[obituary, f"{obituary}-2", f"{obituary}-3"]]
    assert born["n_sources"].tolist() == [3]


@pytest.mark.cluster
def test_cli_on_a_dask_scheduler_writes_the_single_process_csv_byte_for_byte_with_progress(
    cluster, archive, single, tmp_path
):
    expected = tmp_path / "single.csv"
    write_frame(single, str(expected))
    output = tmp_path / "cluster.csv"
    leader, follower = pty.openpty()  # an 80-column terminal for stderr: the progress bar shows
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    screen: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(leader, screen))
    reader.start()
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(archive), "-o", str(output)]
        + ["--scheduler", cluster.address],
        stderr=follower,
        stdout=subprocess.PIPE,
        env=cluster.env,
        timeout=300,
    )
    os.close(follower)
    reader.join(timeout=10)
    terminal = b"".join(screen).decode("utf-8", "replace")
    assert done.returncode == 0, terminal
    assert output.read_bytes() == expected.read_bytes()  # the same CSV, byte for byte
    assert re.search(r"extract: 100%.*\b\d+/\d+ \[", terminal)
    assert "merge: 100%" in terminal
    assert not list(tmp_path.glob(".cluster.csv*"))  # no staging left beside the CSV


@pytest.mark.cluster
def test_bad_files_are_reported_and_every_other_article_extracted(cluster, tmp_path):
    archive = write_archive(tmp_path / "archive", days=1, bad=True)
    single = timeline.extract([archive], quiet=True)
    output = tmp_path / "events.parquet"
    errors = extract_distributed(
        [archive, tmp_path / "missing"], output, scheduler=cluster.address, quiet=True
    ).errors
    missing = (str(tmp_path / "missing"), "no such file or folder")
    assert error_set(errors) == error_set(single.attrs[ERRORS]) | {missing}
    assert {Path(path).name for path, _ in error_set(errors)} >= {"empty.txt", "photo.txt"}
    frame = timeline.read_events(output)
    assert error_set(frame.attrs[ERRORS]) == error_set(errors)
    assert frame.attrs[ARTICLES] == single.attrs[ARTICLES]
    pd.testing.assert_frame_equal(sorted_rows(frame), sorted_rows(single))


@pytest.mark.cluster
def test_a_worker_killed_mid_run_loses_no_document(own_cluster, tmp_path):
    archive = write_archive(tmp_path / "archive", days=8)
    single = timeline.extract([archive], quiet=True)
    output = tmp_path / "events.parquet"
    victim = own_cluster.workers[0]
    killed: dict = {}

    def kill_after_first_partition() -> None:
        from distributed import Client

        deadline = time.monotonic() + 120
        with Client(own_cluster.address) as client:
            while time.monotonic() < deadline:
                done = list((output / "_articles").glob("part-*.parquet"))
                if done:
                    tasks = client.processing()[own_cluster.addresses[victim.pid]]
                    victim.send_signal(signal.SIGKILL)
                    killed.update(done=len(done), tasks=tasks)
                    return
                time.sleep(0.01)

    killer = threading.Thread(target=kill_after_first_partition)
    killer.start()
    errors = extract_distributed(
        [archive], output, scheduler=own_cluster.address, quiet=True, partition_size=6
    ).errors
    killer.join()
    n_partitions = -(-sum(1 for _ in paths_of(archive)) // 6)
    assert victim.wait(timeout=10) == -signal.SIGKILL
    assert killed["done"] < n_partitions  # killed mid-run ...
    assert any("timeline-extract" in str(key) for key in killed["tasks"])  # ... holding a task
    assert errors == single.attrs[ERRORS]
    frame = timeline.read_events(output)
    assert frame.attrs[ARTICLES] == single.attrs[ARTICLES]
    pd.testing.assert_frame_equal(sorted_rows(frame), sorted_rows(single))


def _read_all(fd: int, chunks: list[bytes]) -> None:
    """Read a pty into `chunks` until its other end is closed."""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)


@pytest.mark.cluster
def test_one_process_and_a_cluster_write_a_parquet_output_of_one_shape(archive, single, tmp_path):
    local, cluster = tmp_path / "local.parquet", tmp_path / "cluster.parquet"
    write_frame(single, local)
    extract_distributed([archive], cluster, workers=2, quiet=True, partition_size=40)

    def shape(folder: Path) -> set[str]:
        return {p.name + "/" * p.is_dir() for p in folder.iterdir()}

    assert shape(local) == {"_articles/", "_run.json", "part-00000.parquet"}
    assert shape(cluster) == {"_articles/", "_run.json"} | {
        p.name for p in cluster.glob("part-*.parquet")
    }
    assert list((local / "_articles").glob("part-*.parquet"))
    from_local, from_cluster = timeline.read_events(local), timeline.read_events(cluster)
    pd.testing.assert_frame_equal(sorted_rows(from_local), sorted_rows(from_cluster))
    assert from_local.attrs[ARTICLES] == from_cluster.attrs[ARTICLES]
    assert from_local.attrs[ERRORS] == from_cluster.attrs[ERRORS]
    run_local = json.loads((local / "_run.json").read_text())
    run_cluster = json.loads((cluster / "_run.json").read_text())
    assert (run_local["documents"], run_local["rows"]) == (
        run_cluster["documents"],
        run_cluster["rows"],
    )


@pytest.mark.cluster
def test_the_same_article_in_two_partitions_is_read_once_as_in_one_process(tmp_path):
    archive = write_archive(tmp_path / "archive", days=1)
    first = sorted((archive / "day-00").glob("*.txt"))[0]
    (archive / "zz-copies").mkdir()
    shutil.copy(first, archive / "zz-copies" / "copy.txt")  # the last partition
    inputs = [archive, first]  # and the same file named twice
    single = timeline.extract(inputs, quiet=True)
    output = tmp_path / "events.csv"
    report = extract_distributed(inputs, output, workers=2, quiet=True, partition_size=7)
    assert report.documents == len(single.attrs[ARTICLES])
    assert [(Path(d.path).name, d.message.split(" as ")[0]) for d in report.duplicates] == [
        (first.name, "given more than once: read once"),
        ("copy.txt", "the same article"),
    ]
    assert len(report.duplicates) == len(single.attrs[DUPLICATES]) == 2
    expected = tmp_path / "single.csv"
    write_frame(single, expected)
    assert output.read_bytes() == expected.read_bytes()
    assert report.errors == single.attrs[ERRORS]


# --- one process, streamed -------------------------------------------------------------------
def test_a_streamed_run_writes_what_extract_writes_part_by_part_and_says_each_failure_at_once(
    tmp_path,
):
    archive = write_archive(tmp_path / "archive", days=2, bad=True)
    single = timeline.extract([archive], quiet=True)
    expected = tmp_path / "single.csv"
    write_frame(single, expected)
    heard: list = []
    output = tmp_path / "events.csv"
    report = extract_streaming(
        [archive], output, quiet=True, documents_per_part=5, on_error=heard.append
    )
    assert output.read_bytes() == expected.read_bytes()  # merged range by range, the same rows
    assert report.documents == len(single.attrs[ARTICLES]) and report.rows == len(single)
    assert heard == report.errors == single.attrs[ERRORS] and heard  # told as each part ended
    assert not list(tmp_path.glob(".events.csv.parts"))  # its work folder is gone


def test_a_streamed_parquet_output_reads_back_as_the_frame_extract_gives(tmp_path):
    single = timeline.extract(quiet=True)
    output = tmp_path / "events.parquet"
    extract_streaming(None, output, quiet=True, documents_per_part=3)
    back = timeline.read_events(output)
    pd.testing.assert_frame_equal(sorted_rows(back), sorted_rows(single))
    assert back.attrs[ARTICLES] == single.attrs[ARTICLES]
