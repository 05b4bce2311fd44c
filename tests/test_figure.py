"""The timeline figure built from real events frames (the bundled samples and article files)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline
from timeline.figure import (
    date_labels,
    lane_positions,
    overview_figure,
    selection_ring,
    timeline_figure,
)

DATA = Path(__file__).parent / "data" / "app"


@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    return timeline.extract()


def marker_traces(fig) -> list:
    """The traces that carry events (trace 0 is the selection ring; bars have no customdata)."""
    return [t for t in fig.data[1:] if t.mode == "markers" and len(t.customdata)]


def rows_of(entry) -> list[int]:
    """The row labels one marker stands for (a dense or folded marker lists several)."""
    return [int(i) for i in entry] if isinstance(entry, list | tuple) else [int(entry)]


def positions(fig) -> dict[int, tuple[float, float, str]]:
    """Each event's drawn (x in ms, y, trace name) by row label."""
    return {
        i: (float(x), float(y), t.name)
        for t in marker_traces(fig)
        for entry, x, y in zip(t.customdata, t.x, t.y, strict=True)
        for i in rows_of(entry)
    }


def ms(value) -> float:
    return pd.Timestamp(value).value / 1e6


def test_day_events_are_markers_at_their_day(samples):
    fig = timeline_figure(samples, dense=False)
    drawn = positions(fig)
    days = samples[samples["granularity"] == "day"]
    assert len(days) > 0
    for label, row in days.iterrows():
        x, _, name = drawn[label]
        assert x == ms(row["start"]) and "range" not in name


def test_month_and_year_events_are_bars_from_start_to_end_not_points_on_the_first(samples):
    fig = timeline_figure(samples, dense=False)
    drawn = positions(fig)
    bars = [t for t in fig.data if t.mode == "lines"]
    segments = {
        (float(a), float(b), round(float(y), 3))
        for t in bars
        for a, b, y in zip(t.x[0::3], t.x[1::3], t.y[0::3], strict=True)
    }
    longer = samples[samples["granularity"].isin(["month", "year", "quarter"])]
    assert len(longer) > 0
    for label, row in longer.iterrows():
        x, y, name = drawn[label]
        start, end = ms(row["start"]), ms(row["end"])
        assert "range" in name
        assert x == pytest.approx((start + end) / 2)  # the tick sits mid-range, not on the 1st
        assert (start, end, round(y, 3)) in segments


def test_lanes_switch_between_documents_sources_and_types(samples):
    by_doc = timeline_figure(samples, lanes="document")
    titles = {t[:40].replace("&", "&amp;") for t in samples["title"].dropna()}
    assert len(by_doc.layout.yaxis.ticktext) == samples["doc_id"].nunique()
    assert {t[:40] for t in by_doc.layout.yaxis.ticktext} <= titles
    by_source = timeline_figure(samples, lanes="source")
    assert sorted(by_source.layout.yaxis.ticktext) == sorted(samples["source"].dropna().unique())
    by_type = timeline_figure(samples, lanes="granularity")
    assert set(by_type.layout.yaxis.ticktext) == set(samples["granularity"].dropna().unique())
    with pytest.raises(ValueError, match="unknown lanes"):
        timeline_figure(samples, lanes="colour")


def test_merged_events_stand_out(samples):
    upload = DATA / "iraq-letter-no-date.txt"
    both = timeline.extract([str(upload)], dateline="2020-01-06")
    frame = timeline.events.merge_events(pd.concat([samples, both], ignore_index=True))
    merged = frame[frame["n_sources"] > 1]
    assert len(merged) > 0
    fig = timeline_figure(frame, dense=False)
    by_name = {t.name: t for t in marker_traces(fig)}
    several = by_name["several sources"]
    shown_merged = {int(i) for t in marker_traces(fig) if "several" in t.name for i in t.customdata}
    assert shown_merged == set(merged.index[merged["start"].notna()])
    assert set(several.marker.symbol) <= {"diamond", "diamond-open"}
    assert several.marker.size > by_name["one source"].marker.size
    assert several.marker.color != by_name["one source"].marker.color
    label = int(several.customdata[0])
    assert f"{frame.loc[label, 'n_sources']} sources" in several.hovertext[0]
    assert len(frame.loc[label, "sources"]) == frame.loc[label, "n_sources"]


def test_hover_shows_date_headline_and_source(samples):
    fig = timeline_figure(samples, lanes="document", dense=False)
    row_label = samples.index[samples["granularity"] == "day"][0]
    row = samples.loc[row_label]
    for trace in marker_traces(fig):
        if row_label in list(trace.customdata):
            text = trace.hovertext[list(trace.customdata).index(row_label)]
            break
    day = pd.Timestamp(row["start"])
    assert text.startswith(f"<b>{day:%a} {day.day} {day:%b %Y}</b>")
    assert row["event"][:60] in text and row["source"] in text


def test_markup_in_articles_is_escaped_in_hover_labels_and_lanes():
    frame = timeline.extract(str(DATA / "markup-article.txt"))
    fig = timeline_figure(frame, lanes="document", dense=False)
    labels = [text for t in marker_traces(fig) for text in t.hovertext]
    assert any("&lt;script&gt;" in text for text in labels)
    assert not any("<script" in text or "<img" in text for text in labels)
    assert all("<script" not in tick for tick in fig.layout.yaxis.ticktext)


def test_selected_rows_are_ringed_where_their_markers_are(samples):
    chosen = list(samples.index[:3])
    fig = timeline_figure(samples, selected=chosen, dense=False)
    drawn = positions(fig)
    ring = fig.data[0]
    assert ring.name == "selected" and sorted(ring.customdata) == sorted(chosen)
    for label, x, y in zip(ring.customdata, ring.x, ring.y, strict=True):
        assert (x, pytest.approx(y)) == drawn[int(label)][:2]
    dense = timeline_figure(samples, selected=chosen)  # rows of a dense day: ringed on its marker
    assert sorted(dense.data[0].customdata) == sorted(chosen)
    patch = selection_ring(samples, "source", chosen)
    assert list(patch["customdata"]) == list(dense.data[0].customdata)


def test_many_events_use_webgl_and_leave_labels_to_the_app(samples):
    many = pd.concat([samples] * 20, ignore_index=True)
    fig = timeline_figure(many, hover_text=False)
    assert {t.type for t in marker_traces(fig)} == {"scattergl"}
    assert all(t.hovertext is None for t in marker_traces(fig))
    assert {t.type for t in marker_traces(timeline_figure(samples))} == {"scatter"}


def test_an_empty_frame_says_so():
    empty = timeline.extract(str(DATA / "markup-article.txt")).iloc[0:0]
    fig = timeline_figure(empty, empty_message="No events match")
    assert fig.layout.annotations[0].text == "No events match"
    assert len(fig.data) == 0


def test_lanes_fold_the_quietest_into_one_other_lane(samples):
    lane, names = lane_positions(samples, "document", max_lanes=5)
    assert len(names) == 5 and names[-1].endswith("other articles")
    assert names[-1].startswith(f"{samples['doc_id'].nunique() - 4} ")
    assert set(np.unique(lane)) == set(range(5))


@pytest.mark.parametrize(
    ("start", "end", "granularity", "label"),
    [
        ("2020-01-03", "2020-01-04", "day", "Fri 3 Jan 2020"),
        ("2019-12-01", "2020-01-01", "month", "December 2019"),
        ("2019-10-01", "2020-01-01", "quarter", "Q4 2019"),
        ("2020-01-01", "2021-01-01", "year", "2020"),
        ("1990-01-01", "2000-01-01", "decade", "the 1990s"),
        ("2020-01-06", "2020-01-13", "week", "week of 6 Jan 2020"),
        ("2019-12-21", "2020-03-20", "season", "21 Dec 2019 – 19 Mar 2020"),
    ],
)
def test_date_labels_read_at_their_granularity(start, end, granularity, label):
    got = date_labels(
        pd.Series([pd.Timestamp(start)]), pd.Series([pd.Timestamp(end)]), pd.Series([granularity])
    )
    assert got.tolist() == [label]


def test_events_reported_without_a_date_of_their_own_are_hollow(samples):
    fig = timeline_figure(samples, dense=False)
    one = {t.name: t for t in marker_traces(fig)}["one source"]
    dated_by = samples.loc[[int(i) for i in one.customdata], "dated_by"].tolist()
    expected = ["circle-open" if how == "reported" else "circle" for how in dated_by]
    assert list(one.marker.symbol) == expected
    assert "circle-open" in expected and "circle" in expected
    reported = [
        text for text, how in zip(one.hovertext, dated_by, strict=True) if how == "reported"
    ]
    assert all("no date of its own" in text for text in reported)


def test_a_day_with_many_events_in_a_lane_is_one_marker_with_their_count(samples):
    month = [ms("2010-06-01"), ms("2010-07-01")]  # zoomed in: a marker per day
    fig = timeline_figure(samples, lanes="none", window=month)
    [days] = [t for t in fig.data if t.name == "several events that day"]
    counts = [int(n) for n in days.text]
    assert [len(rows) for rows in days.customdata] == counts and max(counts) >= 5
    listed = sorted(i for rows in days.customdata for i in rows)
    assert len(listed) == len(set(listed))  # each event once
    for rows, x in zip(days.customdata, days.x, strict=True):
        starts = samples.loc[rows, "start"].dt.normalize().unique()
        assert len(starts) == 1 and ms(starts[0]) == x  # one day, at its start
    single = {
        i
        for t in marker_traces(fig)
        if t.name != days.name
        for e in t.customdata
        for i in rows_of(e)
    }
    assert single.isdisjoint(listed) and len(single) + len(listed) == samples["start"].notna().sum()


def test_zoomed_out_the_dense_markers_stand_for_longer_spans(samples):
    decades = timeline_figure(samples, lanes="none", window=[ms("1950-01-01"), ms("2021-01-01")])
    [years] = [t for t in decades.data if t.name.startswith("several events")]
    assert years.name == "several events that year"
    for rows in years.customdata:
        assert samples.loc[rows, "start"].dt.year.nunique() == 1
    assert sum(len(rows) for rows in years.customdata) > 300  # most of the samples' events


def test_the_chart_opens_where_the_events_are_not_on_a_lone_outlier(samples):
    lone = samples.iloc[[0]].assign(
        start=pd.Timestamp("1066-10-14"), end=pd.Timestamp("1066-10-15"), granularity="day"
    )
    frame = pd.concat([samples, lone], ignore_index=True)
    low, high = timeline_figure(frame, lanes="none").layout.xaxis.range
    news = samples["start"].dropna()
    assert low > ms("1900-01-01") and high > ms(news.quantile(0.9))
    assert low < ms(news.quantile(0.1))


def test_one_axis_is_one_lane_and_entity_lanes_fold_into_other(samples):
    fig = timeline_figure(samples, lanes="none")
    assert fig.layout.yaxis.visible is False and list(fig.layout.yaxis.ticktext) == ["all events"]
    named = samples.assign(
        _entities=[["Apple"] if "Apple" in str(e) else [] for e in samples["event"]]
    )
    by_entity = timeline_figure(named, lanes="entity")
    assert list(by_entity.layout.yaxis.ticktext) == ["no name", "Apple"] or list(
        by_entity.layout.yaxis.ticktext
    ) == ["Apple", "no name"]


def test_the_overview_counts_every_event_in_bins_the_span_asks_for(samples):
    fig = overview_figure(samples, window=[ms("2005-01-01"), ms("2012-01-01")])
    [bars] = fig.data
    assert sum(bars.y) == samples["start"].notna().sum()
    assert bars.name == "events per year"  # 1955-2020: a bar a year
    assert fig.layout.shapes[0].x0 == ms("2005-01-01")
    story = samples[samples["doc_id"].str.startswith("reuters")]
    assert overview_figure(story).data[0].name == "events per day"


def test_ranges_over_the_same_dates_in_a_lane_are_one_tick_listing_their_events(samples):
    fig = timeline_figure(samples, lanes="none", window=False)
    [ticks] = [t for t in fig.data if t.name == "range (month, year…)"]
    folded = [rows_of(entry) for entry in ticks.customdata]
    ranges = samples[(samples["end"] - samples["start"]) > pd.Timedelta(days=1)]
    single = ranges[ranges["n_sources"] == 1]
    assert sorted(i for rows in folded for i in rows) == sorted(single.index)  # each once
    assert len(folded) == len(single[["start", "end"]].drop_duplicates()) < len(single)
    for rows in folded:
        assert len(samples.loc[rows, ["start", "end"]].drop_duplicates()) == 1
    unfolded = timeline_figure(samples, lanes="none", window=False, dense=False)
    [each] = [t for t in unfolded.data if t.name == "range (month, year…)"]
    assert len(each.customdata) == len(single)
