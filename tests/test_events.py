"""The events stage on real sentences: sentences, headlines, intervals, event-relative dates, merging.

Pinned dateline: Monday 2020-01-06 (the Reuters seed article's).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from timeline.document import Document
from timeline.errors import InputError
from timeline.events import document_events, event_key, frame_from_documents, merge_events
from timeline.events.clauses import content_words
from timeline.events.headline import event_headline
from timeline.readers import read_inputs, sample_paths
from timeline.reference import reference_date
from timeline.schema import ARTICLES, COLUMNS, ERRORS, SOURCES_SEP, WARNINGS

DATA = Path(__file__).parent / "data" / "events"
SEED = DATA / "reuters-2020-01-06-iraq-letter.txt"
NO_DATE = DATA / "reuters-iraq-letter-no-date.txt"
MONDAY = date(2020, 1, 6)  # Monday: the seed article's dateline


def read(path: Path, dateline: date | None = None) -> Document:
    """The document at `path`, with its reference date resolved."""
    (doc,) = list(read_inputs([path]))
    return reference_date(doc, dateline)


def sample(name: str) -> Document:
    """A bundled sample article by file-name fragment, dated."""
    (path,) = [p for p in sample_paths() if name in p.name]
    return read(path)


def days(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["start"].dt.strftime("%Y-%m-%d").unique())


def one_sentence(text: str, dct: date = MONDAY) -> Document:
    """A one-sentence document dated explicitly (for corpus-style checks)."""
    return Document(doc_id="s", text=text, dct=dct, dct_source="explicit")


# --- headlines -------------------------------------------------------------------------------
HEADLINES = [
    (
        "Tensions between Washington and Tehran have heightened since a U.S. drone strike killed "
        "Iranian military commander Qassem Soleimani at Baghdad airport on Friday.",
        "Friday",
        "U.S. drone strike killed Iranian military commander Qassem Soleimani at Baghdad airport",
    ),
    (
        "WASHINGTON (Reuters) - A leaked letter from the U.S. military to Iraq that created "
        "impressions of an imminent U.S. withdrawal on Monday was a poorly worded draft document "
        "meant only to underscore increased movement of forces, the top U.S. military officer "
        "told reporters.",
        "Monday",
        "Leaked letter from the U.S. military to Iraq created impressions of an imminent U.S. "
        "withdrawal",
    ),
    (
        "Iraqi caretaker Prime Minister Adel Abdul Mahdi told the U.S. ambassador to Baghdad on "
        "Monday that both nations needed to implement the resolution, the premier’s office said "
        "in a statement.",
        "Monday",
        "Iraqi caretaker Prime Minister Adel Abdul Mahdi told the U.S. ambassador to Baghdad that "
        "both nations needed to implement the resolution",
    ),
    (
        "FILE PHOTO: U.S. Army General Mark Milley is seen as U.S. Defense Secretary Mark Esper "
        "speaks about airstrikes by the U.S. military in Iraq and Syria, at the Mar-a-Lago resort "
        "in Palm Beach, Florida, U.S., December 29, 2019.",
        "December 29, 2019",
        "U.S. Defense Secretary Mark Esper speaks about airstrikes by the U.S. military in Iraq "
        "and Syria, at the Mar-a-Lago resort in Palm Beach, Florida, U.S.",
    ),
    ("Apple Corps was founded by the Beatles in 1968.", "1968", "Apple Corps was founded by the Beatles"),
    (
        "Apple is the producer of the world's most-sold MP3 Player, the iPod and launched the "
        "iTunes Music Store, a online music store, on April 28, 2003.",
        "April 28, 2003",
        "Apple launched the iTunes Music Store, a online music store",
    ),
    (
        "Jobs, born in San Francisco on February 24, 1955, has built the most valuable technology "
        "company in the world, with a market value of $348.8 billion.",
        "February 24, 1955",
        "Jobs born in San Francisco",
    ),
    (
        "On August 24, Jobs resigned from his post as CEO.",
        "August 24",
        "Jobs resigned from his post as CEO",
    ),
    (
        "Yesterday, at this year's Apple Worldwide Developers Conference (WWDC), company CEO Steve "
        "Jobs unveiled iPhone 4, along with the new iOS 4 operating system for Apple mobile devices.",
        "Yesterday",
        "Company CEO Steve Jobs unveiled iPhone 4, along with the new iOS 4 operating system for "
        "Apple mobile devices",
    ),
    (
        "The change in policy will occur within the next six months, Apple announced this morning.",
        "within the next six months",
        "Change in policy will occur",
    ),
    ("This 'switch', he said, would happen beginning next year.", "next year", "This 'switch' would happen"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expression", "headline"), HEADLINES)
def test_headline_is_the_clause_carrying_the_date_without_date_or_attribution(
    sentence, expression, headline
):
    dates = [
        m.span() for m in re.finditer(r"this year|Yesterday|this morning|" + expression, sentence)
    ]
    span = re.search(re.escape(expression), sentence).span()
    assert event_headline(sentence, (0, len(sentence)), span, dates) == headline


def test_attribution_that_carries_the_date_keeps_what_was_said():
    text = "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case."
    span = re.search("Friday", text).span()
    assert event_headline(text, (0, len(text)), span, [span]) == (
        "Apple Inc. announced that it will give owners of its new iPhone 4 a free case"
    )


# --- rows of one document --------------------------------------------------------------------
def test_seed_article_rows_fall_on_exactly_the_four_reported_days():
    frame = document_events(read(SEED))
    assert days(frame) == ["2019-12-29", "2020-01-03", "2020-01-05", "2020-01-06"]
    keys = frame["expression"] + "@" + frame["start"].dt.strftime("%m-%d")
    events = dict(zip(keys, frame["event"], strict=True))
    assert events["Friday@01-03"].startswith("U.S. drone strike killed Iranian military commander")
    assert events["a day after@01-05"].startswith("Iraq’s parliament passed a resolution")
    assert events["December 29, 2019@12-29"].startswith("U.S. Defense Secretary Mark Esper speaks")


def test_every_row_offset_indexes_its_expression_in_the_article_text():
    for doc in [read(SEED), sample("apple-launches-new-faster-iphone"), sample("co-founder")]:
        frame = document_events(doc)
        assert len(frame)
        for row in frame.itertuples():
            assert doc.text[row.char_start : row.char_end] == row.expression
            assert row.expression in row.sentence and row.sentence in doc.text


def test_present_references_durations_and_sets_make_no_rows():
    frame = document_events(read(SEED))
    assert (
        not frame["expression"].str.lower().isin(["now", "currently", "regularly", "a day"]).any()
    )
    contract = document_events(
        one_sentence("It will cost $250 with a two-year cell service contract.", date(2009, 6, 9))
    )
    assert contract.empty


def test_the_dateline_line_itself_is_not_an_event():
    doc = sample("apple-unveils-ipod-nano")  # first line: "September 7, 2005"
    frame = document_events(doc)
    assert not (frame["sentence"] == "September 7, 2005").any()
    assert (frame["expression"] == "today").any()  # "Apple today unveiled ..." is


def test_since_a_date_is_a_range_ending_at_the_dateline():
    frame = document_events(
        one_sentence("He has been fighting pancreatic cancer since 2004.", date(2011, 8, 25))
    )
    (row,) = frame.itertuples()
    assert (row.expression, row.granularity) == ("since 2004", "range")
    assert (row.start, row.end) == (pd.Timestamp("2004-01-01"), pd.Timestamp("2011-08-26"))
    assert row.event == "He has been fighting pancreatic cancer"


def test_spans_over_the_past_or_next_period_are_bounded_by_the_dateline():
    past = document_events(
        one_sentence("Iraq's oil exports have doubled over the past three years.")
    )
    (row,) = past.itertuples()
    assert (row.start, row.end) == (pd.Timestamp("2017-01-06"), pd.Timestamp("2020-01-07"))
    assert row.expression == "over the past three years"
    doc = sample("apple-to-lower-uk-itunes-prices")  # dateline 2008-01-09
    ahead = document_events(doc).set_index("expression").loc["within the next six months"]
    assert (ahead.start, ahead.end) == (pd.Timestamp("2008-01-09"), pd.Timestamp("2008-07-10"))


# --- event-relative dates --------------------------------------------------------------------
def test_a_day_after_dates_the_other_clause_from_the_subjects_earlier_date():
    frame = document_events(read(SEED))
    row = frame.set_index("expression").loc["a day after"]
    assert row.start == pd.Timestamp("2020-01-05") and row.end == pd.Timestamp("2020-01-06")
    assert row.anchor == "event" and row.granularity == "day"
    assert (
        row.event
        == "Iraq’s parliament passed a resolution calling for all foreign troops to leave the country"
    )
    assert "2020-01-06" in row.explanation and "Leaked letter" in row.explanation


def test_event_relative_phrase_without_a_dated_side_makes_no_row():
    text = "The leaked letter came a day after Iraq’s parliament passed a resolution."
    assert document_events(one_sentence(text)).empty


def test_the_days_before_an_event_give_no_offset_to_date_it_by():
    text = "The car was seen in the days before the slaying, police said on Friday."
    frame = document_events(one_sentence(text))
    assert list(frame.expression) == ["Friday"]


def test_days_before_a_clause_count_from_the_date_in_the_same_sentence():
    frame = document_events(sample("apple-launches-new-faster-iphone"))  # dateline 2009-06-09
    row = frame.set_index("expression").loc["two days before"]
    assert row.start == pd.Timestamp("2009-06-19")  # June 17 + 2 days: the iPhone 3GS launch
    assert row.event == "Phone launches"


def test_years_after_an_event_keep_the_coarser_granularity():
    doc = sample("apples-itunes-replaces")  # "Five years after its launch, ... in February passed"
    row = document_events(doc).set_index("expression").loc["Five years after"]
    assert (row.timex_value, row.granularity, row.event) == ("2003", "year", "Its launch")


# --- confidence ------------------------------------------------------------------------------
def test_confidence_is_highest_for_explicit_dates_and_lowered_by_an_inferred_dateline():
    frame = document_events(read(SEED)).set_index("expression")
    assert frame.loc["December 29, 2019", "confidence"] > frame.loc["Friday", "confidence"]
    assert frame.loc["a day after", "confidence"] < frame.loc["Friday", "confidence"]
    inferred = document_events(read(NO_DATE)).set_index("expression")
    assert read(NO_DATE).dct_source == "inferred"
    assert inferred.loc["Friday", "confidence"] < frame.loc["Friday", "confidence"]
    assert (
        inferred.loc["December 29, 2019", "confidence"]
        == frame.loc["December 29, 2019", "confidence"]
    )


def test_document_without_reference_date_is_refused():
    with pytest.raises(ValueError, match="no reference date"):
        document_events(Document(doc_id="x", text="It happened on Friday."))


# --- merging ---------------------------------------------------------------------------------
def two_reports() -> pd.DataFrame:
    """The seed article and its undated copy given the same dateline: the same events twice."""
    return pd.concat([document_events(read(SEED)), document_events(read(NO_DATE, MONDAY))])


def test_the_same_event_in_two_articles_becomes_one_row_listing_both():
    merged = merge_events(two_reports())
    assert len(merged) == 5
    assert (merged["n_sources"] == 2).all()
    assert set(merged["sources"]) == {"reuters-2020-01-06-iraq-letter; reuters-iraq-letter-no-date"}


def test_different_events_on_the_same_day_stay_apart():
    merged = merge_events(two_reports())
    monday = merged[merged["start"] == pd.Timestamp("2020-01-06")]
    assert len(monday) == 2
    assert monday["event"].str.contains("Leaked letter").sum() == 1


def test_merging_is_idempotent_and_partition_merges_equal_one_merge():
    frames = [document_events(read(p)) for p in sample_paths()[:12]] + [
        document_events(read(SEED)),
        document_events(read(NO_DATE, MONDAY)),
    ]
    everything = merge_events(pd.concat(frames))
    assert merge_events(everything).equals(everything)
    left = merge_events(pd.concat(frames[::2]))
    right = merge_events(pd.concat(frames[1::2]))  # the two Reuters copies land apart
    assert merge_events(pd.concat([left, right])).equals(everything)
    assert everything["n_sources"].max() == 2


def test_event_key_ignores_case_articles_punctuation_and_inflection():
    assert event_key("A U.S. drone strike killed Qassem Soleimani") == event_key(
        "US drone strikes kill Qassem Soleimani."
    )
    assert event_key("Apple unveiled the iPhone") != event_key("Apple unveiled the iPad")
    assert content_words("The leaked letter") == {"leak", "letter"}


def test_merged_frame_keeps_contract_columns():
    merged = merge_events(two_reports())
    assert list(merged.columns) == list(COLUMNS)
    assert merged["sources"].str.split(SOURCES_SEP).map(len).eq(merged["n_sources"]).all()


# --- batches of documents --------------------------------------------------------------------
def test_frame_from_documents_records_articles_errors_and_warnings():
    items = list(read_inputs([SEED, NO_DATE, DATA / "mixed" / "empty.txt"]))
    frame = frame_from_documents(items)
    assert set(frame.attrs[ARTICLES]) == {
        "reuters-2020-01-06-iraq-letter",
        "reuters-iraq-letter-no-date",
    }
    article = frame.attrs[ARTICLES]["reuters-2020-01-06-iraq-letter"]
    assert article["dateline"] == "2020-01-06" and article["dateline_source"] == "metadata"
    assert article["text"].startswith("WASHINGTON (Reuters)")
    assert frame.attrs[ERRORS] == [InputError(str(DATA / "mixed" / "empty.txt"), "empty file")]
    (warning,) = frame.attrs[WARNINGS]
    assert warning.path.endswith("reuters-iraq-letter-no-date.txt")
    assert "inferred" in warning.message


def test_frame_from_documents_takes_one_dateline_per_document():
    items = list(read_inputs([NO_DATE, SEED]))
    frame = frame_from_documents(items, dateline=["2020-01-06", "2020-01-07"])
    articles = frame.attrs[ARTICLES]
    assert articles["reuters-iraq-letter-no-date"]["dateline"] == "2020-01-06"
    assert articles["reuters-2020-01-06-iraq-letter"]["dateline"] == "2020-01-07"
    assert {a["dateline_source"] for a in articles.values()} == {"explicit"}
    with pytest.raises(ValueError, match="1 datelines for 2 documents"):
        frame_from_documents(items, dateline=["2020-01-06"])


def test_a_re_dated_article_is_resolved_again():
    (doc,) = list(read_inputs([NO_DATE]))
    guessed = frame_from_documents([doc])
    fixed = frame_from_documents([doc], dateline=datetime(2020, 1, 6))
    assert "2020-01-03" not in days(guessed)
    assert days(fixed) == ["2019-12-29", "2020-01-03", "2020-01-05", "2020-01-06"]
