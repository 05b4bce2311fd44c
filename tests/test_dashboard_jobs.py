"""Upload jobs (`timeline.dashboard.jobs`, `uploads`): real extraction in a real child process,
held to limits on articles, time and memory, with progress, and named when they fail."""

from __future__ import annotations

import base64
import os
import signal
import threading
import time
from pathlib import Path

import diskcache
import psutil
import pytest

from timeline.dashboard.jobs import JobError, LimitExceeded, Limits, run_limited, slot
from timeline.dashboard.uploads import extract_uploads, read_uploads

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "app" / "iraq-letter-no-date.txt"
FEED = DATA / "inputs" / "world-briefs.rss"


def data_url(path: Path) -> str:
    return "data:text/plain;base64," + base64.b64encode(path.read_bytes()).decode()


def sleeps(seconds: float, progress) -> None:
    progress("sleeping")
    time.sleep(seconds)


def allocates(megabytes: int, progress) -> int:
    block = bytearray(megabytes * 1024**2)  # zero-filled: every page is touched
    time.sleep(5)
    return len(block)


def dies(progress) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_job_past_its_time_limit_is_stopped_and_the_limit_named():
    began = time.monotonic()
    with pytest.raises(LimitExceeded, match=r"stopped after 0.5 s, the time limit"):
        run_limited(sleeps, (30,), Limits(seconds=0.5))
    assert time.monotonic() - began < 10


def test_a_job_past_its_memory_limit_is_stopped_and_the_limit_named():
    with pytest.raises(LimitExceeded, match=r"over the memory limit of a job \(100 MB\)"):
        run_limited(allocates, (400,), Limits(memory=100 * 1024**2))


def test_a_job_killed_by_the_system_is_an_error_not_silence():
    with pytest.raises(JobError, match="stopped by the system"):
        run_limited(dies, (), Limits())


def test_the_memory_of_a_job_goes_with_its_process():
    here = psutil.Process()
    before, children = here.memory_info().rss, {p.pid for p in here.children()}
    assert run_limited(allocates, (600,), Limits()) == 600 * 1024**2
    assert here.memory_info().rss - before < 200 * 1024**2  # 600 MB were the child's
    assert {p.pid for p in here.children()} <= children  # the job's process has ended


def test_an_upload_reports_progress_and_returns_its_events():
    said = []
    fresh, notes = run_limited(
        extract_uploads,
        (
            [ARTICLE.name, "empty.txt"],
            [data_url(ARTICLE), "data:text/plain;base64,"],
            None,
            set(),
            10,
        ),
        Limits(),
        said.append,
    )
    assert said[0] == "Reading 2 file(s)…" and said[-1].startswith("Merging")
    assert len(fresh) > 0 and set(fresh["doc_id"]) == {"iraq-letter-no-date"}
    assert notes == [("empty.txt: empty file", "error")]


def test_uploaded_ids_are_made_unique_against_the_session():
    fresh, _ = extract_uploads(
        [ARTICLE.name], [data_url(ARTICLE)], None, {"iraq-letter-no-date"}, 10, print
    )
    assert set(fresh["doc_id"]) == {"iraq-letter-no-date-2"}


def test_an_upload_over_the_article_limit_is_refused_naming_the_file():
    records = len(read_uploads([FEED.name], [data_url(FEED)])[0])
    assert records > 2
    with pytest.raises(
        LimitExceeded, match=rf"world-briefs.rss: {records} articles .* the 2 one upload"
    ):
        read_uploads([FEED.name], [data_url(FEED)], max_articles=2)


def test_a_job_waits_for_a_free_slot_and_says_so(tmp_path):
    cache = diskcache.Cache(str(tmp_path))
    limits = Limits(slots=1)
    said, order = [], []
    with slot(cache, limits):

        def second():
            with slot(cache, limits, said.append):
                order.append("second")

        waiting = threading.Thread(target=second)
        waiting.start()
        time.sleep(1.2)
        order.append("first done")
    waiting.join(10)
    assert order == ["first done", "second"]
    assert said and said[0] == "Waiting: 1 job(s) are running on the server."


def test_two_uploads_of_one_file_at_once_both_land_under_their_own_ids(tmp_path):
    import timeline
    from timeline.dashboard.callbacks import Backend, uploaded
    from timeline.dashboard.jobs import job_manager
    from timeline.dashboard.state import prepare
    from timeline.dashboard.store import SessionStore

    base = prepare(timeline.extract(quiet=True))
    backend = Backend(SessionStore(base, tmp_path / "s"), job_manager(tmp_path / "j"), Limits())
    session = {"session": "d" * 32, "version": 0}
    results = []

    def upload():
        results.append(uploaded(backend, session, [ARTICLE.name], [data_url(ARTICLE)], None, print))

    both = [threading.Thread(target=upload) for _ in range(2)]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join(120)
    assert sorted(data["version"] for data, _ in results) == [1, 2]
    events = backend.store.get(session["session"], 2)
    assert {"iraq-letter-no-date", "iraq-letter-no-date-2"} <= set(events.articles)
    assert set(events.rows["doc_id"]) >= {"iraq-letter-no-date"} and len(events.rows) > len(
        base.rows
    )
