"""End to end: `timeline extract` and `timeline.extract` on real files, to one events frame.

Pinned dateline: Monday 2020-01-06 (the Reuters seed article's).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.cli import main
from timeline.errors import InputError
from timeline.readers import read_inputs, sample_paths
from timeline.schema import ARTICLES, COLUMNS, DUPLICATES, ERRORS, WARNINGS

DATA = Path(__file__).parent / "data" / "events"
SEED = DATA / "reuters-2020-01-06-iraq-letter.txt"
NO_DATE = DATA / "reuters-iraq-letter-no-date.txt"
MIXED = DATA / "mixed"
GOLD_TIMELINES = DATA / "semeval-timelines"
SEED_DAYS = ["2019-12-29", "2020-01-03", "2020-01-05", "2020-01-06"]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["extract", "--quiet", *args])
    out, err = capsys.readouterr()
    return status, out, err


def csv_frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), parse_dates=["start", "end", "dateline"])


def days(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["start"].dt.strftime("%Y-%m-%d").unique())


# --- the seed article ------------------------------------------------------------------------
def test_cli_lists_the_seed_articles_four_days_and_no_other(capsys):
    status, out, err = run_cli(capsys, str(SEED))
    assert status == 0 and err == ""
    frame = csv_frame(out)
    assert days(frame[frame["dated_by"] != "reported"]) == SEED_DAYS
    assert days(frame[frame["dated_by"] == "reported"]) == ["2020-01-06"]
    by_day = frame.groupby(frame["start"].dt.strftime("%Y-%m-%d"))["event"].apply(" | ".join)
    assert "Esper speaks about airstrikes" in by_day["2019-12-29"]
    assert (
        "killed Iranian military commander Qassem Soleimani at Baghdad airport"
        in by_day["2020-01-03"]
    )
    assert "Iraq’s parliament passed a resolution" in by_day["2020-01-05"]
    assert "leaked letter" in by_day["2020-01-06"] and "Abdul Mahdi told" in by_day["2020-01-06"]


def test_undated_article_warns_how_its_dateline_was_inferred(capsys):
    status, out, err = run_cli(capsys, str(NO_DATE))
    assert status == 0
    assert re.search(
        r"warning: .*reuters-iraq-letter-no-date\.txt: dateline inferred as 2019-12-29", err
    )
    assert "latest full date in the text" in err
    assert set(csv_frame(out)["dateline_source"]) == {"inferred"}


def test_undated_article_with_an_explicit_dateline_gives_the_seed_days(capsys):
    status, out, err = run_cli(capsys, str(NO_DATE), "--dateline", "2020-01-06")
    assert status == 0 and err == ""
    frame = csv_frame(out)
    assert days(frame) == SEED_DAYS
    assert set(frame["dateline_source"]) == {"explicit"}


# --- batches ---------------------------------------------------------------------------------
def test_mixed_folder_keeps_good_articles_and_names_every_bad_file(capsys):
    status, out, err = run_cli(capsys, str(MIXED))
    assert status == 0
    for name, reason in [
        ("empty.txt", "empty file"),
        ("photo.txt", "binary file"),
        ("truncated.tml", "not well-formed XML"),
        ("impossible-date.txt", "impossible date"),
    ]:
        assert re.search(rf"timeline: skipped \S*{re.escape(name)}: .*{reason}", err), name
    assert "Traceback" not in err
    frame = csv_frame(out)
    assert set(frame["doc_id"]) == {
        "reuters-2020-01-06-iraq-letter",
        "wikinews-2009-06-09-apple-launches-new-faster-iphone",
    }


def test_every_kind_of_bad_file_is_named_in_the_errors_report(capsys, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(MIXED, folder)
    (folder / "broken.html").write_text("<html><body><div><p>Home</div>", encoding="utf-8")
    (folder / "latin1.txt").write_bytes(b"\xff\xfe\x00\xd8" * 64 + b"\x81\x8d\x8f" * 200)
    with open(folder / "huge.txt", "wb") as big:  # 50 MB of real text, over the 20 MB limit
        line = b"The council met on Friday to discuss the budget for the coming year.\n"
        big.write(line * (50 * 1024 * 1024 // len(line) + 1))
    report = tmp_path / "errors.csv"
    status, out, err = run_cli(capsys, str(folder), "--errors-report", str(report))
    assert status == 0
    failed = pd.read_csv(report)
    assert list(failed.columns) == ["path", "where", "reason"]
    by_name = {Path(p).name: r for p, r in zip(failed["path"], failed["reason"], strict=True)}
    assert set(by_name) == {
        "empty.txt", "photo.txt", "truncated.tml", "impossible-date.txt", "broken.html",
        "latin1.txt", "huge.txt",
    }  # fmt: skip
    assert "too large" in by_name["huge.txt"]
    assert all(
        f"skipped {p}: {r}" in err for p, r in zip(failed["path"], failed["reason"], strict=True)
    )
    assert len(set(csv_frame(out)["doc_id"])) == 2


def test_strict_mode_exits_1_when_any_input_failed(capsys):
    status, _, err = run_cli(capsys, "--strict", str(MIXED))
    assert status == 1 and "empty.txt" in err
    assert run_cli(capsys, "--strict", str(SEED))[0] == 0


def test_one_dateline_per_input_and_a_wrong_count_is_one_line_error(capsys):
    frame = timeline.extract([SEED, NO_DATE], dateline=["2020-01-06", "2020-01-06"], quiet=True)
    assert {a["dateline_source"] for a in frame.attrs[ARTICLES].values()} == {"explicit"}
    assert frame["n_sources"].eq(2).all()
    status, out, err = run_cli(
        capsys, str(SEED), "--dateline", "2020-01-06", "--dateline", "2020-01-07"
    )
    assert status == 2 and out == ""
    assert err.strip() == "timeline: error: 2 datelines for 1 input (give one, or one per input)"


def test_malformed_dateline_is_a_one_line_error(capsys):
    status, _, err = run_cli(capsys, str(SEED), "--dateline", "06/01/2020x")
    assert status == 2 and err.startswith("timeline: error:") and err.count("\n") == 1


# --- no document is lost silently -----------------------------------------------------------
INPUTS = DATA.parent / "inputs"
WIRE_COLUMNS = ["--text-column", "story_text", "--date-column", "filed_on"]
# the documents each input file holds, counted by hand (a record file counts its records; a file
# that cannot be read at all, or whose records cannot be, is one)
DOCUMENTS_IN = {
    "12315-Apple_launches_3G.tml": 1,
    "2020-01-06-story.txt": 1,
    "APW19980810.0907.tml": 1,
    "court-briefs.jsonl": 4,  # 4 lines, the 3rd not JSON
    "harbour-bridge-news-page.html": 1,
    "reuters-iraq-letter-no-date.txt": 1,
    "science-updates.xml": 2,  # Atom entries
    "tokyo-rail-front-matter.txt": 1,
    "wire-stories.csv": 4,  # rows, the 4th without text
    "world-briefs.rss": 3,  # RSS items
    "wsj_1073.tml": 1,
    "xinhua-dateline-only.txt": 1,
    "bad/2020-01-10 council; budget.txt": 1,
    "bad/bad-bytes.txt": 1,
    "bad/broken.html": 1,
    "bad/empty.txt": 1,
    "bad/formula-cells.csv": 4,
    "bad/impossible-date.txt": 1,
    "bad/malformed-rows.csv": 5,  # 5 rows on 6 lines: row 2's quote swallows line 4
    "bad/mixed-encoding.csv": 2,
    "bad/photo.txt": 1,
    "bad/same-as-2020-01-06-story.txt": 1,  # the same article as 2020-01-06-story.txt
    "bad/sitemap.xml": 1,
    "bad/unclosed-quote-at-end.csv": 4,
    "bad/yaml-alias-bomb.txt": 1,
}
WIRE_FILES = ("wire-stories.csv", "court-briefs.jsonl")  # their columns must be named


def documents_in(columns_named: bool) -> int:
    """The documents of the test inputs, as counted by hand: a record file whose text column is
    not found (the wire files unnamed; the bad CSVs, whose column is "text", named) is one."""
    total = 0
    for name, count in DOCUMENTS_IN.items():
        bad_csv = name.startswith("bad/") and name.endswith(".csv")
        unfound = (name in WIRE_FILES and not columns_named) or (columns_named and bad_csv)
        total += 1 if unfound else count
    return total


def summary_counts(err: str) -> tuple[int, int, int, int]:
    """(documents in, articles, failed, given twice) from the line that ends a run."""
    line = err.strip().splitlines()[-1]
    m = re.fullmatch(
        r"timeline: (\d+) documents in: (\d+) articles?, (\d+) failed"
        r"(?:, (\d+) given twice \(read once\))?",
        line,
    )
    assert m, line
    return tuple(int(g or 0) for g in m.groups())


def test_the_hand_count_covers_every_test_input_file():
    files = {str(p.relative_to(INPUTS)) for p in INPUTS.rglob("*") if p.is_file()}
    assert files == set(DOCUMENTS_IN)


@pytest.mark.parametrize("columns_named", [True, False])
def test_documents_in_equal_articles_plus_failed_plus_read_once_over_every_reader(
    capsys, tmp_path, columns_named
):
    shutil.copy(SEED, tmp_path / "copy-of-the-seed.txt")
    inputs = [str(INPUTS), str(SEED), str(SEED), str(tmp_path / "copy-of-the-seed.txt")]
    status, _, err = run_cli(capsys, *inputs, *(WIRE_COLUMNS if columns_named else []))
    expected = documents_in(columns_named) + 3
    total, articles, failed, twice = summary_counts(err)
    assert (total, articles + failed + twice) == (expected, expected)
    assert twice == 3  # the seed again, its copy, the copy of 2020-01-06-story.txt
    assert failed == err.count("timeline: skipped ")
    columns = {"text_column": "story_text", "date_column": "filed_on"} if columns_named else {}
    frame = timeline.extract(inputs, quiet=True, **columns)
    assert len(frame.attrs[ARTICLES]) == articles
    assert (len(frame.attrs[ERRORS]), len(frame.attrs[DUPLICATES])) == (failed, twice)


def test_documents_in_equal_documents_out_for_dataframes_texts_and_documents():
    from timeline.document import Document

    rows = pd.read_csv(INPUTS / "wire-stories.csv")  # 4 rows: 2 dated, 1 without date, 1 empty
    said = "The council met on Monday, the clerk said."
    docs = [Document("memo", "Talks ended on Friday."), Document("blank", " ")]
    frame = timeline.extract(
        [rows, said, "", said, *docs], quiet=True, text_column="story_text",
        date_column="filed_on", dateline=[None] + ["2020-01-06"] * 5,
    )  # fmt: skip
    articles, errors, twice = frame.attrs[ARTICLES], frame.attrs[ERRORS], frame.attrs[DUPLICATES]
    assert len(articles) + len(errors) + len(twice) == 4 + 3 + 2
    assert set(articles) == {"row-0", "row-1", "text-2", "memo"}
    assert [str(e) for e in errors] == [
        "DataFrame 1 row 2: no reference date: no date in DataFrame column 'filed_on', and none "
        "in its dateline, file name or text (give --dateline YYYY-MM-DD)",
        "DataFrame 1 row 3: no text in column 'story_text'",
        "text-3: empty text",
        "blank: empty text",
    ]
    assert [(w.path, w.message) for w in twice] == [
        ("text-4", "the same article as text-2: read once")
    ]


# --- outputs ---------------------------------------------------------------------------------
def test_dash_o_dash_writes_csv_to_stdout(capsys):
    status, out, _ = run_cli(capsys, str(SEED), "-o", "-")
    assert status == 0
    assert out.splitlines()[0] == ",".join(COLUMNS)


@pytest.mark.parametrize("suffix", [".parquet", ".json"])
def test_parquet_and_json_outputs_hold_the_same_rows(capsys, tmp_path, suffix):
    target = tmp_path / f"events{suffix}"
    status, out, _ = run_cli(capsys, str(SEED), "-o", str(target))
    assert status == 0 and out == ""
    if suffix == ".parquet":
        back = pd.read_parquet(target)
    else:
        back = pd.DataFrame(json.loads(target.read_text()))
        back["start"] = pd.to_datetime(back["start"])
    assert list(back.columns) == list(COLUMNS)
    assert days(back) == SEED_DAYS


def test_frame_has_exactly_the_contract_columns_and_dtypes():
    frame = timeline.extract(SEED, quiet=True)
    assert list(frame.columns) == list(COLUMNS)
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == COLUMNS
    empty = timeline.extract(MIXED / "empty.txt", quiet=True)
    assert empty.empty and list(empty.columns) == list(COLUMNS)
    assert empty.attrs[ERRORS] == [InputError(str(MIXED / "empty.txt"), "empty file")]


# --- progress --------------------------------------------------------------------------------
def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    timeline.extract(sample_paths()[:6], quiet=False)  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""
    timeline.extract(sample_paths()[:6], progress=True)
    assert re.search(r"timeline: 100%.*6 docs", capsys.readouterr().err)


def test_progress_bar_of_known_files_has_a_total_a_percentage_an_eta_and_a_merging_phase(capsys):
    paths = sample_paths()[:6]
    timeline.extract([paths[0].parent / p.name for p in paths], progress=True)
    screens = capsys.readouterr().err.split("\r")
    size = sum(p.stat().st_size for p in paths) / 1024
    assert any(re.search(rf"timeline:\s+0%\|.*\| 0.00/{size:.1f}k \[", s) for s in screens)
    assert any(re.search(r"timeline: 100%.*6 docs, merging their events\]", s) for s in screens)
    last = screens[-1]
    assert re.search(rf"timeline: 100%\|█+\| {size:.1f}k/{size:.1f}k \[\d\d:\d\d<\d\d:\d\d", last)
    assert re.search(r"6 docs, \d+ events\]", last)


def test_progress_bar_of_a_dataframe_counts_documents(capsys):
    texts = ["The council met on Friday.", "The mayor spoke on Sunday.", "Talks ended Monday."]
    timeline.extract(pd.DataFrame({"text": texts}), dateline="2020-01-06", progress=True)
    assert re.search(r"timeline: 3doc .*3 docs, 3 events\]\n$", capsys.readouterr().err)


# --- the bundled samples and the SemEval-2015 gold timelines ---------------------------------
def gold_interval(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The interval a gold timeline date denotes (None for XXXX-XX-XX)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m:
        return None
    year, month, day = m.groups()
    start = pd.Timestamp(int(year), int(month or 1), int(day or 1))
    step = pd.DateOffset(days=1) if day else pd.DateOffset(months=1 if month else 12)
    return start, start + step


def on_the_right_day(row, gold: tuple[pd.Timestamp, pd.Timestamp]) -> bool:
    """A row of the gold day (a day or a time in it), or exactly the gold month or year."""
    start, end = gold
    if end - start == pd.Timedelta(days=1):
        return row.start.normalize() == start and row.end - row.start <= pd.Timedelta(days=1)
    return (row.start, row.end) == (start, end)


# the gold file names document 9509 (Apple announces new iPod range) 9590 once
GOLD_ID_TYPOS = {"9590": "9509"}


def gold_events() -> list[tuple[pd.Timestamp, pd.Timestamp, list[tuple[str, int]]]]:
    """Dated gold events: interval and mentions (semeval doc id, sentence number)."""
    events = []
    for path in sorted(GOLD_TIMELINES.glob("*.txt")):
        for line in path.read_text().splitlines()[1:]:
            rank, value, *mentions = line.split("\t")
            interval = gold_interval(value)
            if interval and mentions:
                ids = [m.split("-", 2) for m in mentions]
                events.append((*interval, [(GOLD_ID_TYPOS.get(d, d), int(s)) for d, s, _ in ids]))
    return events


def gold_timeline_hits(frame: pd.DataFrame) -> tuple[int, int, int]:
    """(dated gold events, those with a row of the right day in their sentence, those with a
    row of the right day reported by their article)."""
    docs = {
        d.meta["front_matter"]["semeval_docid"]: d
        for d in read_inputs(sample_paths())
        if "semeval_docid" in d.meta.get("front_matter", {})
    }
    texts = {d.doc_id: frame.attrs[ARTICLES][d.doc_id]["text"] for d in docs.values()}
    lines = {
        doc_id: [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
        for doc_id, text in texts.items()
    }  # one sentence per line in the samples, as in the TimeML <s> elements
    events = gold_events()
    in_sentence = in_article = 0
    for start, end, mentions in events:
        hit_sentence = hit_article = False
        for semeval_id, sentence in mentions:
            doc_id = docs[semeval_id].doc_id
            lo, hi = lines[doc_id][sentence - 1]
            for row in frame[frame["sources"].map(lambda s, d=doc_id: d in s)].itertuples():
                if on_the_right_day(row, (start, end)):
                    hit_article = True
                    hit_sentence |= row.doc_id == doc_id and lo <= row.char_start < hi
        in_sentence += hit_sentence
        in_article += hit_article
    return len(events), in_sentence, in_article


def test_samples_give_one_merged_frame_covering_the_gold_timelines():
    frame = timeline.extract(quiet=True)
    assert len(frame.attrs[ARTICLES]) == len(sample_paths()) == 31
    assert frame.attrs[ERRORS] == [] and frame.attrs[WARNINGS] == []
    assert frame["start"].is_monotonic_increasing
    total, in_sentence, in_article = gold_timeline_hits(frame)
    assert total == 140
    assert in_article >= 110  # 117 when written
    assert in_sentence >= 38  # 41 when written: most gold events have no date in their sentence


def test_extract_gives_the_process_its_own_collector_threshold_back():
    import gc

    before = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    try:
        timeline.extract(quiet=True)
        assert gc.get_threshold() == (900, 11, 12)
    finally:
        gc.set_threshold(*before)


def test_a_document_over_its_time_budget_is_named_and_the_batch_goes_on(tmp_path):
    story = SEED.read_text(encoding="utf-8")
    head, body = story.split("\n\n", 1)
    huge = tmp_path / "huge.txt"  # the real article's body 400 times: about 1 MB
    huge.write_text(head + "\n\n" + "\n\n".join([body] * 400), encoding="utf-8")
    frame = timeline.extract([huge, SEED], quiet=True, time_budget=0.5)
    [error] = frame.attrs[ERRORS]
    assert error.path == str(huge)
    assert error.reason == "took longer than 0.5 s, the time budget of a document: left out"
    assert set(frame["doc_id"]) == {SEED.stem}  # the other article is all there
    assert set(SEED_DAYS) <= set(frame["start"].dt.strftime("%Y-%m-%d"))
    assert timeline.extract([huge], quiet=True, time_budget=None).attrs[ERRORS] == []


def test_a_file_whose_name_holds_the_old_separator_is_one_source_in_memory_and_in_csv(tmp_path):
    named = INPUTS / "bad" / "2020-01-10 council; budget.txt"
    frame = timeline.extract([named], quiet=True)
    assert len(frame) > 0
    assert frame["sources"].map(list).tolist() == [["2020-01-10 council; budget"]] * len(frame)
    path = tmp_path / "events.csv"
    timeline.write_events(frame, path)
    back = timeline.read_events(path)
    assert back["sources"].map(list).tolist() == frame["sources"].map(list).tolist()
