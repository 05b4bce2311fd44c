"""The events stage on real sentences: every clause an event, each dated with its reason, one row
per date per sentence, readable headlines, event-relative dates, merging across articles.

Pinned dateline: Monday 2020-01-06 (the Reuters seed article's).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from timeline.document import Document
from timeline.errors import InputError
from timeline.events import document_events, event_key, frame_from_documents, merge_events
from timeline.events.clauses import content_words
from timeline.readers import read_inputs, sample_paths
from timeline.reference import reference_date
from timeline.schema import ARTICLES, COLUMNS, ERRORS, WARNINGS

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


def rows_of(text: str, dct: date = MONDAY) -> list[tuple[str, str, str]]:
    """(date, dated_by, headline) of each row a one-sentence article gives."""
    frame = document_events(one_sentence(text, dct))
    return list(zip(frame["timex_value"], frame["dated_by"], frame["event"], strict=True))


# --- the seed article ------------------------------------------------------------------------
def test_seed_article_dates_its_events_on_exactly_the_four_days_it_names():
    frame = document_events(read(SEED))
    dated = frame[frame["dated_by"] != "reported"]
    assert days(dated) == ["2019-12-29", "2020-01-03", "2020-01-05", "2020-01-06"]
    assert set(frame["dated_by"]) == {"expression", "event", "reported"}


def test_seed_article_reports_its_undated_events_on_its_dateline():
    frame = document_events(read(SEED))
    reported = frame[frame["dated_by"] == "reported"]
    assert len(reported) >= 10 and days(reported) == ["2020-01-06"]
    assert frame["event"].str.contains("was a poorly worded draft document").any()
    said = reported[reported["event"].str.startswith("Milley said the unsigned draft document")]
    assert said["explanation"].tolist() == ["no date in the sentence: reported on 2020-01-06"]


def test_every_row_indexes_its_expression_trigger_and_sentence_in_the_article():
    doc = read(SEED)
    frame = document_events(doc)
    for row in frame.itertuples():
        assert doc.text[row.trigger_start : row.trigger_end] == row.trigger
        assert doc.text[row.char_start : row.char_end] == (row.expression or row.trigger)
        assert row.clause in row.sentence and row.sentence in doc.text
        assert row.dated_by in ("expression", "event", "reported") and row.explanation


def test_the_dateline_line_itself_is_not_an_event():
    doc = sample("apple-unveils-ipod-nano")  # first line: "September 7, 2005"
    frame = document_events(doc)
    assert not (frame["sentence"] == "September 7, 2005").any()
    assert (frame["expression"] == "today").any()  # "Apple today unveiled ..." is


# --- which clause an expression dates -----------------------------------------------------------
def test_a_date_in_a_participle_aside_dates_only_that_clause():
    rows = rows_of(
        "The council has confirmed that the bridge, closed three years ago, will be rebuilt."
    )
    assert rows == [
        ("2020-01-06", "reported", "The council has confirmed that the bridge will be rebuilt"),
        ("2017", "expression", "The bridge closed"),
    ]


def test_said_on_monday_dates_the_saying_with_what_was_said():
    rows = rows_of(
        "Iraqi caretaker Prime Minister Adel Abdul Mahdi told the U.S. ambassador to Baghdad on "
        "Monday that both nations needed to implement the resolution, the premier’s office said "
        "in a statement."
    )
    assert rows == [
        (
            "2020-01-06",
            "expression",
            "Iraqi caretaker Prime Minister Adel Abdul Mahdi told the U.S. ambassador to Baghdad "
            "that both nations needed to implement the resolution",
        )
    ]


def test_a_comparison_base_makes_no_row_and_stays_in_the_headline():
    rows = rows_of("Hotel bookings fell 35% from a year earlier, the board said on Monday.")
    assert rows == [("2020-01-06", "expression", "Hotel bookings fell 35% from a year earlier")]


def test_a_trailing_attribution_with_its_own_date_does_not_draw_the_fact_twice():
    rows = rows_of("The probe went into orbit on Wednesday, the agency said Thursday.")
    assert rows == [
        ("2020-01-01", "expression", "The probe went into orbit")
    ]  # the Wednesday before


def test_since_a_date_dates_a_state_over_a_range_but_not_a_simple_past():
    frame = document_events(
        one_sentence("He has been fighting pancreatic cancer since 2004.", date(2011, 8, 25))
    )
    (row,) = frame.itertuples()
    assert (row.expression, row.granularity) == ("since 2004", "range")
    assert (row.start, row.end) == (pd.Timestamp("2004-01-01"), pd.Timestamp("2011-08-26"))
    assert row.event == "He has been fighting pancreatic cancer"
    assert rows_of("The team posted its first win since 2019.") == [
        ("2020-01-06", "reported", "The team posted its first win since 2019")
    ]


def test_a_leading_attribution_keeps_its_content_and_dates_it():
    rows = rows_of(
        "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case."
    )
    assert rows == [
        (
            "2020-01-03",
            "expression",
            "Apple Inc. announced that it will give owners of its new iPhone 4 a free case",
        )
    ]


def test_content_with_a_date_of_its_own_is_a_second_row_beside_the_announcement():
    rows = rows_of(
        "Steve announced that Mac OS X Leopard would be released in 2007, the same time as "
        "Microsoft's Longhorn.",
        date(2005, 6, 6),
    )
    assert [(value, dated_by) for value, dated_by, _ in rows] == [
        ("2005-06-06", "reported"),
        ("2007", "expression"),
    ]
    assert rows[0][2].startswith("Steve announced that Mac OS X Leopard would be released")
    assert rows[1][2].startswith("Mac OS X Leopard would be released")


def test_a_sentence_opening_with_a_date_keeps_its_subject_and_predicate():
    assert rows_of("On Monday, Apple announced a new iPhone.") == [
        ("2020-01-06", "expression", "Apple announced a new iPhone")
    ]


def test_a_verb_first_clause_borrows_its_subject():
    rows = rows_of(
        "Apple is the producer of the world's most-sold MP3 Player, the iPod and launched the "
        "iTunes Music Store, a online music store, on April 28, 2003.",
        date(2008, 1, 9),
    )
    assert (
        "2003-04-28",
        "expression",
        "Apple launched the iTunes Music Store, a online music store",
    ) in rows


def test_what_is_planned_for_a_date_is_apart_from_the_planning():
    rows = rows_of(
        "It is slated for a U.S. release on June 24, starting at US $199.", date(2010, 6, 16)
    )
    assert rows == [
        ("2010-06-16", "reported", "It is slated"),
        ("2010-06-24", "expression", "It is slated for a U.S. release, starting at US $199"),
    ]


def test_a_direct_quote_reads_as_what_its_speaker_said():
    rows = rows_of(
        '"We love the Beatles, and it has been painful being at odds with them over these '
        'trademarks," said Apple Inc. CEO Steve Jobs.',
        date(2007, 2, 6),
    )
    assert rows == [
        (
            "2007-02-06",
            "reported",
            'Apple Inc. CEO Steve Jobs said: "We love the Beatles, and it has been painful being at '
            'odds with them over these trademarks"',
        )
    ]


def test_present_references_durations_and_sets_date_nothing():
    rows = rows_of("It will cost $250 with a two-year cell service contract.", date(2009, 6, 9))
    assert [(value, dated_by) for value, dated_by, _ in rows] == [("2009-06-09", "reported")]


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


# --- the story's day -------------------------------------------------------------------------
def test_past_events_without_a_date_continue_the_story_begun_yesterday():
    frame = document_events(sample("apple-unveils-iphone-4"))  # dateline Tuesday 2010-06-08
    demoed = frame[frame["event"].str.contains("Jobs demoed the device")].iloc[0]
    assert (demoed.timex_value, demoed.dated_by) == ("2010-06-07", "event")
    assert "the story's day" in demoed.explanation
    thick = frame[frame["event"].str.startswith("It is only 9.3 millimetres")].iloc[0]
    assert (thick.timex_value, thick.dated_by) == ("2010-06-08", "reported")  # present tense


def test_a_date_in_a_subordinate_clause_starts_no_story():
    frame = document_events(read(SEED))  # "... since a U.S. drone strike killed ... on Friday."
    declined = frame[frame["event"].str.startswith("Milley declined to say")].iloc[0]
    assert (declined.timex_value, declined.dated_by) == ("2020-01-06", "reported")


# --- event-relative dates --------------------------------------------------------------------
def test_a_day_after_dates_the_other_clause_from_the_subjects_earlier_date():
    frame = document_events(read(SEED))
    row = frame.set_index("expression").loc["a day after"]
    assert row.start == pd.Timestamp("2020-01-05") and row.end == pd.Timestamp("2020-01-06")
    assert (row.anchor, row.dated_by, row.granularity) == ("event", "event", "day")
    assert (
        row.event
        == "Iraq’s parliament passed a resolution calling for all foreign troops to leave the country"
    )
    assert "2020-01-06" in row.explanation and "A leaked letter" in row.explanation


def test_event_relative_phrase_without_a_dated_side_leaves_the_sentence_reported():
    text = "The leaked letter came a day after Iraq’s parliament passed a resolution."
    frame = document_events(one_sentence(text))
    assert set(frame["dated_by"]) == {"reported"}


def test_the_days_before_an_event_give_no_offset_to_date_it_by():
    text = "The car was seen in the days before the slaying, police said on Friday."
    frame = document_events(one_sentence(text))
    assert list(frame.expression) == ["Friday"] and list(frame.dated_by) == ["expression"]


def test_days_before_a_clause_count_from_the_date_in_the_same_sentence():
    frame = document_events(sample("apple-launches-new-faster-iphone"))  # dateline 2009-06-09
    row = frame.set_index("expression").loc["two days before"]
    assert row.start == pd.Timestamp("2009-06-19")  # June 17 + 2 days: the iPhone 3GS launch


def test_years_after_an_event_date_the_event_its_noun_names():
    doc = sample("apples-itunes-replaces")  # "Five years after its launch, ... in February passed"
    frame = document_events(doc)
    launch = frame.set_index("expression").loc["Five years after"]
    assert (launch.timex_value, launch.granularity, launch.event) == ("2003", "year", "Its launch")
    passed = frame[frame["expression"] == "February"].iloc[0]
    assert passed.event.startswith("Apple Computer's iTunes downloadable music service passed")


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
    reported = frame.loc[""]
    assert (reported["confidence"] < frame.loc["Friday", "confidence"]).all()


def test_document_without_reference_date_is_refused():
    with pytest.raises(ValueError, match="no reference date"):
        document_events(Document(doc_id="x", text="It happened on Friday."))


# --- merging ---------------------------------------------------------------------------------
def two_reports() -> pd.DataFrame:
    """The seed article and its undated copy given the same dateline: the same events twice."""
    return pd.concat([document_events(read(SEED)), document_events(read(NO_DATE, MONDAY))])


def test_the_same_event_in_two_articles_becomes_one_row_listing_both():
    single = document_events(read(SEED))
    merged = merge_events(two_reports())
    assert len(merged) == len(single)
    assert (merged["n_sources"] == 2).all()
    assert {tuple(s) for s in merged["sources"]} == {
        ("reuters-2020-01-06-iraq-letter", "reuters-iraq-letter-no-date")
    }


def test_different_events_on_the_same_day_stay_apart():
    merged = merge_events(two_reports())
    monday = merged[merged["start"] == pd.Timestamp("2020-01-06")]
    assert len(monday) > 10
    assert monday["event"].str.contains("leaked letter").sum() == 2  # it came; it was a draft


def test_two_wordings_of_one_event_merge_and_other_products_do_not():
    def report(doc_id: str, text: str) -> pd.DataFrame:
        frame = document_events(Document(doc_id, text, dct=MONDAY, dct_source="explicit"))
        return frame

    merged = merge_events(
        pd.concat(
            [
                report("a", "Apple unveiled the iPhone 4 at its developers conference on Friday."),
                report("b", "On Friday Apple introduced iPhone 4 at the conference."),
                report("c", "Apple unveiled the iPad at its developers conference on Friday."),
            ]
        )
    )
    assert sorted(map(tuple, merged["sources"])) == [("a", "b"), ("c",)]


def test_merging_is_idempotent_and_range_by_range_equals_one_merge():
    frames = [document_events(read(p)) for p in sample_paths()[:12]] + [
        document_events(read(SEED)),
        document_events(read(NO_DATE, MONDAY)),
    ]
    rows = pd.concat(frames)
    everything = merge_events(rows)
    assert merge_events(everything).equals(everything)
    cut = pd.Timestamp("2009-01-01")
    early, late = rows[rows["start"] < cut], rows[rows["start"] >= cut]
    by_range = pd.concat([merge_events(early), merge_events(late)], ignore_index=True)
    assert merge_events(by_range).equals(everything)
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
    assert merged["sources"].map(len).eq(merged["n_sources"]).all()


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
    dated = fixed[fixed["dated_by"] != "reported"]
    assert "2020-01-03" not in days(guessed)
    assert days(dated) == ["2019-12-29", "2020-01-03", "2020-01-05", "2020-01-06"]


# --- the title -------------------------------------------------------------------------------
def test_a_title_that_restates_the_lede_adds_no_row_and_a_new_one_does():
    restating = Document(
        "a",
        "LONDON (Reuters) - A storm hit the coast on Friday, officials said.",
        title="Storm hits coast",
        dct=MONDAY,
        dct_source="explicit",
    )
    assert list(document_events(restating)["sentence_index"]) == [0]
    telling = Document(
        "b",
        "LONDON (Reuters) - A storm hit the coast on Friday, officials said.",
        title="Government orders inquiry into flood defences",
        dct=MONDAY,
        dct_source="explicit",
    )
    frame = document_events(telling)
    title = frame[frame["sentence_index"] == -1].iloc[0]
    assert (title.dated_by, title.timex_value, title.char_start) == ("reported", "2020-01-06", -1)
    assert title.event == "Government orders inquiry into flood defences"
