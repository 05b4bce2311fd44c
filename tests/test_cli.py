"""The command line as a shell user meets it: help with examples, a version, one-line errors and
no traceback, pipes, titles, the column options, the count of documents in and out.

Pinned dateline: Monday 2020-01-06 (the Reuters seed article's).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.cli import build_parser, main

INPUTS = Path(__file__).parent / "data" / "inputs"
BAD = INPUTS / "bad"
SEED = INPUTS.parent / "events" / "reuters-2020-01-06-iraq-letter.txt"
REPO = Path(timeline.__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
COMMANDS = ("extract", "serve", "export", "tag", "evaluate")


def run(*args: str, **options) -> subprocess.CompletedProcess:
    """`timeline ARGS` in a new process (as a shell runs it), text output."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        **options,
    )


def in_process(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- help and version ------------------------------------------------------------------------
def test_version_prints_the_package_version():
    done = run("--version")
    assert (done.returncode, done.stdout) == (0, f"timeline {timeline.__version__}\n")


def test_top_level_help_says_what_the_tool_does_and_shows_examples():
    text = build_parser().format_help()
    assert "Argument parsing only" not in text
    assert text.count("\n  timeline ") >= 4 and "Examples:" in text
    assert "Turn news articles into a chronology" in text
    for command in COMMANDS:
        assert re.search(rf"^    {command}\s+\S", text, flags=re.M), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example_block_of_its_own_command(command):
    done = run(command, "--help")
    assert done.returncode == 0
    examples = done.stdout.split("Example:\n", 1)[1]
    assert re.search(rf"^  timeline {command} ", examples, flags=re.M)


# --- errors are one line, never a traceback --------------------------------------------------
@pytest.mark.parametrize("value", ["99999", "0", "http"])
def test_a_port_out_of_range_is_one_line_and_no_traceback(value):
    done = run("serve", "--port", value)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"timeline serve: error: argument --port: '{value}' is not a port number (1-65535)"
    )


def test_output_cut_short_by_head_ends_quietly():
    done = subprocess.run(
        f"{sys.executable} -m timeline extract --quiet {REPO / 'timeline' / 'samples'} | head -1;"
        " echo status=${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.stdout.splitlines()[0].startswith("doc_id,title,source,")
    assert done.stdout.splitlines()[-1] == "status=141"  # as a Unix tool whose reader left
    assert done.stderr == ""


def test_an_unknown_output_format_is_one_line(capsys):
    status, _, err = in_process(capsys, "extract", "--quiet", str(SEED), "-o", "events.xlsx")
    assert status == 2
    assert err == (
        "timeline: error: events.xlsx: unknown output format '.xlsx' "
        "(use .csv, .parquet or .json)\n"
    )


# --- options ---------------------------------------------------------------------------------
def test_export_title_names_the_page(capsys, tmp_path):
    page = tmp_path / "iraq.html"
    title = 'Iraq, <January> "2020"'
    status, _, _ = in_process(
        capsys, "export", "--quiet", str(SEED), "-o", str(page), "--title", title
    )
    assert status == 0
    html = page.read_text(encoding="utf-8")
    assert "<title>Iraq, &lt;January&gt; &#34;2020&#34;</title>" in html or (
        "<title>Iraq, &lt;January&gt; &quot;2020&quot;</title>" in html
    )


def test_title_url_and_source_columns_are_named_like_the_text_and_date_columns(capsys, tmp_path):
    wire = tmp_path / "wire.csv"
    wire.write_text(
        "story,filed,head,permalink,agency\n"
        '"The port reopened on Monday, officials said.",2020-01-06,Port reopens,'
        "https://news.example.org/port,Example Wire\n",
        encoding="utf-8",
    )
    report = tmp_path / "events.parquet"
    status, _, err = in_process(
        capsys, "extract", "--quiet", str(wire), "-o", str(report), "--text-column", "story",
        "--date-column", "filed", "--title-column", "head", "--url-column", "permalink",
        "--source-column", "agency",
    )  # fmt: skip
    assert (status, err) == (0, "")
    [article] = timeline.read_events(report).attrs["articles"].values()
    assert (article["title"], article["url"], article["source"], article["dateline"]) == (
        "Port reopens",
        "https://news.example.org/port",
        "Example Wire",
        "2020-01-06",
    )


def test_a_row_error_names_the_file_the_row_and_the_empty_date_column(capsys):
    wire = INPUTS / "wire-stories.csv"
    status, _, err = in_process(
        capsys, "extract", "--quiet", str(wire), "--text-column", "story_text",
        "--date-column", "filed_on",
    )  # fmt: skip
    assert status == 0
    assert (
        f"timeline: skipped {wire} row 3: no reference date: no date in CSV column 'filed_on', "
        "and none in its dateline, file name or text (give --dateline YYYY-MM-DD)\n"
    ) in err


def test_a_date_column_holding_text_is_named_once_and_costs_no_dateparser_per_row(capsys, tmp_path):
    titles = [p.stem.split("-", 4)[-1].replace("-", " ") for p in timeline.readers.sample_paths()]
    wire = tmp_path / "titles.csv"
    pd.DataFrame(
        {"title": titles, "text": [f"The {t} news came on Friday." for t in titles]}
    ).to_csv(wire, index=False)
    status, out, err = in_process(capsys, "extract", str(wire), "--date-column", "title")
    assert status == 1 and out.count("\n") == 1  # no row can be dated: header only
    notes = [line for line in err.splitlines() if "does not hold dates" in line]
    assert len(notes) == 1
    assert notes[0].startswith(f"timeline: warning: {wire} row 20: column 'title' does not hold")
    assert err.count(": impossible date in the CSV column 'title'") == len(titles)


# --- counting documents in and out -----------------------------------------------------------
def test_the_run_ends_with_the_count_of_documents_in_and_out(capsys, tmp_path):
    shutil.copy(SEED, tmp_path / "copy.txt")
    status, _, err = in_process(
        capsys, "extract", str(SEED), str(SEED), str(tmp_path / "copy.txt"), str(BAD / "empty.txt")
    )
    assert status == 0
    assert err.splitlines()[-1] == (
        "timeline: 4 documents in: 1 article, 1 failed, 2 given twice (read once)"
    )
    assert f"timeline: warning: {SEED}: given more than once: read once" in err
    assert (
        f"timeline: warning: {tmp_path / 'copy.txt'}: the same article as {SEED}: read once" in err
    )


def test_quiet_runs_say_nothing_when_nothing_was_lost(capsys):
    status, out, err = in_process(capsys, "extract", "--quiet", str(SEED))
    assert (status, err) == (0, "")
    frame = pd.read_csv(io.StringIO(out))
    assert frame["n_sources"].eq(1).all()
