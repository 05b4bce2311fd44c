"""The session store (`timeline.dashboard.store`) on the real sample frame and real article files:
work outlives memory, restarts and other worker processes, and expires visibly."""

from __future__ import annotations

import multiprocessing
import pickle
import time
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.dashboard.state import (
    prepare,
    with_dateline,
    with_documents,
    with_event_date,
)
from timeline.dashboard.store import SessionStore, encoded, events_from, record_of
from timeline.readers import read_bytes
from timeline.schema import COLUMNS

DATA = Path(__file__).parent / "data" / "app"
A, B, C = ("a" * 32, "b" * 32, "c" * 32)


@pytest.fixture(scope="module")
def base():
    return prepare(timeline.extract(quiet=True))


def upload(name: str = "iraq-letter-no-date.txt") -> list:
    path = DATA / name
    return read_bytes(path.name, path.read_bytes())


def same_events(left, right) -> bool:
    return (
        left.rows.equals(right.rows)
        and left.rows.index.equals(right.rows.index)
        and left.articles == right.articles
        and left.errors == right.errors
        and left.warnings == right.warnings
        and left.version == right.version
    )


def test_a_record_rebuilds_the_session_exactly(base):
    doc = "reuters-2020-01-06-iraq-letter"
    events = with_event_date(base, 5, "2019-07")
    events = with_documents(events, upload(), dateline=pd.Timestamp("2020-01-06").date())
    events = with_dateline(events, doc, "2020-02-10")
    assert same_events(
        events_from(base, pickle.loads(pickle.dumps(record_of(base, events)))), events
    )


def test_a_corrected_date_stores_one_row_not_a_copy_of_the_frame(base):
    record = record_of(base, with_event_date(base, 5, "2019-07"))
    assert list(record.rows.index) == [5] and record.articles == {}
    whole = len(encoded(record_of(base.__class__(rows=base.rows.iloc[:0]), base)))
    assert len(encoded(record)) * 5 < whole


def test_work_survives_a_restart_on_the_same_folder(base, tmp_path):
    store = SessionStore(base, tmp_path)
    edited = store.update(A, lambda e: with_event_date(e, 0, "2001-01-01"))
    grown = store.update(A, lambda e: with_documents(e, upload()))
    assert (edited.version, grown.version) == (1, 2)
    store.close()
    again = SessionStore(base, tmp_path)  # a new server process on the same articles
    restored = again.get(A, 2)
    assert same_events(restored, grown)
    assert restored.rows.loc[0, "start"] == pd.Timestamp("2001-01-01")
    assert "iraq-letter-no-date" in restored.articles
    assert again.get(B, 0) is base  # a session that changed nothing reads the base


def test_sessions_beyond_the_memory_bound_are_read_back_from_disk(base, tmp_path):
    store = SessionStore(base, tmp_path, in_memory=1)
    for n, session in enumerate((A, B, C)):
        store.update(session, lambda e, n=n: with_event_date(e, n, f"200{n}-01-01"))
    for n, session in enumerate((A, B, C)):
        assert store.get(session, 1).rows.loc[n, "start"] == pd.Timestamp(f"200{n}-01-01")
        others = [m for m in range(3) if m != n]
        assert (
            store.get(session, 1).rows.loc[others, "start"] == base.rows.loc[others, "start"]
        ).all()


def test_work_made_on_other_articles_counts_as_expired(base, tmp_path):
    SessionStore(base, tmp_path).update(A, lambda e: with_event_date(e, 0, "2001-01-01"))
    other = prepare(timeline.extract(str(DATA / "markup-article.txt"), quiet=True))
    store = SessionStore(other, tmp_path)
    assert store.expired(A, 1)
    assert store.get(A, 1) is store.base


def test_work_expires_after_its_keep_time(base, tmp_path):
    store = SessionStore(base, tmp_path, keep_days=1.5 / 86400)
    store.update(A, lambda e: with_event_date(e, 0, "2001-01-01"))
    assert not store.expired(A, 1)
    time.sleep(3)
    assert store.expired(A, 1)
    assert store.get(A, 1).rows.loc[0, "start"] == base.rows.loc[0, "start"]
    assert not store.expired(B, 0)  # never changed: nothing to lose


def test_discarded_work_is_gone_for_every_process(base, tmp_path):
    store = SessionStore(base, tmp_path)
    store.update(A, lambda e: with_event_date(e, 0, "2001-01-01"))
    store.discard(A)
    assert store.get(A, 1) is base and SessionStore(base, tmp_path).expired(A, 1)


def test_a_change_that_returns_its_input_keeps_nothing(base, tmp_path):
    store = SessionStore(base, tmp_path)
    assert store.update(A, lambda e: e) is base
    assert store.stored_version(A) == 0 and store.size_on_disk() < 100_000


def _edit_rows(folder: str, rows: list[int]) -> None:
    base = prepare(timeline.extract(quiet=True))
    store = SessionStore(base, folder)
    for row in rows:
        store.update(A, lambda e, row=row: with_event_date(e, row, "1999-12-31"))


def test_two_processes_editing_one_session_lose_no_edit(base, tmp_path):
    SessionStore(base, tmp_path)  # created once, as the server does before its workers start
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_edit_rows, args=(str(tmp_path), rows))
        for rows in ([0, 2, 4, 6], [1, 3, 5, 7])
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    store = SessionStore(base, tmp_path)
    assert store.stored_version(A) == 8
    rows = store.get(A, 8).rows
    assert (rows.loc[range(8), "start"] == pd.Timestamp("1999-12-31")).all()
    untouched = rows.index.drop(range(8))
    assert rows.loc[untouched, list(COLUMNS)].equals(base.rows.loc[untouched, list(COLUMNS)])


def test_a_damaged_store_is_refused_in_one_line_naming_its_folder(base, tmp_path):
    SessionStore(base, tmp_path).close()
    (tmp_path / "cache.db").write_bytes(b"not a database, a half-written file" * 100)
    with pytest.raises(OSError) as refused:
        SessionStore(base, tmp_path)
    message = str(refused.value)
    assert message.startswith(f"cannot open the session store {tmp_path}: file is not a database")
    assert "\n" not in message
