"""The reference date of each article, from each source in order, on real files.

The pinned dateline of the project is Monday 2020-01-06.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.document import Document, failed
from timeline.errors import InputError, ReferenceDateError
from timeline.readers import as_list, read_bytes, read_inputs, sample_paths
from timeline.reference import (
    dateline_date,
    explicit_datelines,
    filename_date,
    inferred_date,
    reference_date,
)

INPUTS = Path(__file__).parent / "data" / "inputs"
COLUMNS = {"text_column": "story_text", "date_column": "filed_on", "title_column": "headline"}
MONDAY = date(2020, 1, 6)


def dated_documents(inputs=None, dateline=None, **options):
    """Read `inputs` and date each document as a batch does; an undatable one is an InputError.
    A bad `dateline` raises at once, before anything is read."""
    items = sample_paths() if inputs is None else as_list(inputs)
    explicit_for = explicit_datelines(dateline, len(items))

    def results():
        for result in read_inputs(items, **options):
            if isinstance(result, InputError):
                yield result
                continue
            try:
                yield reference_date(result, explicit_for(result.meta.get("input_index", 0)))
            except ReferenceDateError as exc:
                yield failed(result, str(exc))

    return results()


def dated(name: str, explicit=None, **options) -> list[Document]:
    """The dated documents of one input file (its errors left out)."""
    results = dated_documents(INPUTS / name, dateline=explicit, **options)
    return [r for r in results if isinstance(r, Document)]


# --- 1. explicit -------------------------------------------------------------------------------
def test_explicit_dateline_wins_over_every_other_source():
    [doc] = dated("tokyo-rail-front-matter.txt", "2020-01-06")
    assert (doc.dct, doc.dct_source) == (MONDAY, "explicit")
    assert doc.dct_note == "dateline 2020-01-06 given explicitly"


def test_no_date_sample_with_an_explicit_dateline_has_no_warning():
    [doc] = dated("reuters-iraq-letter-no-date.txt", "2020-01-06")
    assert (doc.dct, doc.dct_source, doc.warnings) == (MONDAY, "explicit", [])
    assert (doc.place, doc.source) == ("WASHINGTON", "Reuters")  # from "WASHINGTON (Reuters) -"


def test_explicit_dateline_makes_an_impossible_metadata_date_irrelevant():
    [doc] = dated("bad/impossible-date.txt", date(2020, 1, 6))
    assert doc.dct == MONDAY


# --- 2. metadata -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, doc_id, day, note",
    [
        (
            "tokyo-rail-front-matter.txt",
            "tokyo-rail-front-matter",
            date(2021, 3, 4),
            "dateline 2021-03-04 from the front matter 'published' ('2021-03-04')",
        ),
        (
            "harbour-bridge-news-page.html",
            "harbour-bridge-news-page",
            date(2020, 1, 6),
            "dateline 2020-01-06 from the HTML page's publication date (htmldate) ('2020-01-06')",
        ),
        (
            "world-briefs.rss",
            "world-briefs-2",
            date(2020, 1, 3),  # the day as written in Sydney, not the UTC day
            "dateline 2020-01-03 from the feed entry's published date "
            "('Fri, 03 Jan 2020 23:30:00 +1100')",
        ),
        (
            "science-updates.xml",
            "science-updates-1",
            date(2020, 1, 5),
            "dateline 2020-01-05 from the feed entry's published date "
            "('2020-01-05T21:30:00-05:00')",
        ),
        (
            "wire-stories.csv",
            "wire-stories-2",
            date(2020, 1, 6),
            "dateline 2020-01-06 from the CSV column 'filed_on' ('January 6, 2020 2:20 PM')",
        ),
        (
            "court-briefs.jsonl",
            "court-briefs-2",
            date(2020, 1, 9),
            "dateline 2020-01-09 from the JSON field 'filed_on' "
            "('Thu, 09 Jan 2020 16:45:00 +0000')",
        ),
        (
            "wsj_1073.tml",
            "wsj_1073",
            date(1989, 10, 25),
            "dateline 1989-10-25 from the TimeML DCT ('1989-10-25')",
        ),
    ],
)
def test_metadata_date_of_each_format_is_the_reference_date_with_its_source_named(
    name, doc_id, day, note
):
    docs = {d.doc_id: d for d in dated(name, **COLUMNS) if isinstance(d, Document)}
    doc = docs[doc_id]
    assert (doc.dct, doc.dct_source, doc.dct_note, doc.warnings) == (day, "metadata", note, [])


def test_impossible_metadata_date_raises_a_one_line_reference_date_error():
    [doc] = read_inputs(INPUTS / "bad" / "impossible-date.txt")
    with pytest.raises(ReferenceDateError) as caught:
        reference_date(doc)
    assert str(caught.value) == (
        "impossible date in the front matter 'published': '2020-13-45' (month must be in 1..12)"
    )


# --- 3. the dateline line ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, hint_year, day, surface",
    [
        (
            "LONDON, March 22 (Reuters) - Britain said on Friday",
            2013,
            date(2013, 3, 22),
            "March 22",
        ),
        ("BEIJING, Jan. 6 (Xinhua) -- China's rail operators", 2020, MONDAY, "Jan. 6"),
        ("Monday, 6 January 2020\n\nThe council met.", None, MONDAY, "Monday, 6 January 2020"),
        ("NEW YORK, Sept. 11, 2001 (AP) - Planes hit", None, date(2001, 9, 11), "Sept. 11, 2001"),
        ("June 9 , 2008\nApple Computer today launched", None, date(2008, 6, 9), "June 9 , 2008"),
        ("Council vote\n\nPARIS, Dec 3 (AFP) - The vote", 2019, date(2019, 12, 3), "Dec 3"),
    ],
)
def test_dateline_line_gives_the_date_and_the_span_of_its_words(text, hint_year, day, surface):
    found, (start, end) = dateline_date(text, hint_year)
    assert found == day
    assert text[start:end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — The Senate voted on March 22.",
        "The president said on March 22 that he would resign.",
        "FILE PHOTO: U.S. Army General Mark Milley, December 29, 2019.",
        "A meeting on Feb. 30, 2020 - never held",
    ],
)
def test_text_without_a_dated_dateline_at_the_top_has_none(text):
    assert dateline_date(text, 2020) is None


def test_yearless_dateline_takes_the_year_after_the_latest_full_date_and_warns():
    [doc] = dated("xinhua-dateline-only.txt")
    assert (doc.dct, doc.dct_source, doc.place) == (MONDAY, "dateline", "BEIJING")
    assert doc.dct_note == (
        "dateline 2020-01-06 from the dateline line 'BEIJING, Jan. 6 (Xinhua) --'; its year "
        "taken from the latest full date in the text ('December 27, 2019')"
    )
    assert doc.warnings == [doc.dct_note]
    assert doc.text[slice(*doc.meta["dateline_span"])] == "Jan. 6"


def test_yearless_dateline_takes_its_year_from_the_file_name():
    [doc] = read_bytes("AP_20130322.txt", b"LONDON, March 22 (Reuters) - Britain said on Friday.")
    doc = reference_date(doc)
    assert (doc.dct, doc.dct_source) == (date(2013, 3, 22), "dateline")
    assert doc.dct_note.endswith("its year 2013 taken from the file name")


def test_a_yearless_dateline_without_a_year_anywhere_fails_naming_the_row_never_the_clock():
    data = (
        b"story,pub_date_raw\n"
        b'"TAMPA, Fla., Nov. 4 (Reuters) - The port reopened on Friday, officials said.",11/04\n'
    )
    [doc] = read_bytes("wire.csv", data)
    with pytest.raises(ReferenceDateError) as refused:
        reference_date(doc)
    assert str(refused.value) == (
        "no reference date: the dateline 'TAMPA, Fla., Nov. 4 (Reuters) -' has no year, and "
        "neither the file name nor a full date in the text gives one (give --dateline YYYY-MM-DD)"
    )
    assert failed(doc, str(refused.value)).location == "wire.csv row 1"
    dated_doc = reference_date(doc, "2019-11-04")  # unless the user gives one
    assert (dated_doc.dct, dated_doc.dct_source) == (date(2019, 11, 4), "explicit")


def test_a_yearless_dateline_takes_no_year_from_years_the_text_merely_mentions():
    [doc] = read_bytes("note.txt", b"LONDON, March 22 (Reuters) - Sales rose in 2012 and 2013.")
    with pytest.raises(ReferenceDateError, match="has no year"):
        reference_date(doc)
    assert dateline_date(doc.text) is None and dateline_date(doc.text, 2013)[0] == date(2013, 3, 22)


def test_dateline_with_a_year_needs_no_warning():
    [doc] = read_bytes("note.txt", b"Monday, 6 January 2020\n\nThe council met in the morning.")
    doc = reference_date(doc)
    assert (doc.dct, doc.dct_source, doc.warnings) == (MONDAY, "dateline", [])
    assert doc.dct_note == "dateline 2020-01-06 from the dateline line 'Monday, 6 January 2020'"


# --- 4. the file name ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, day",
    [
        ("AP_20130322.tml", date(2013, 3, 22)),
        ("2020-01-06-story.txt", MONDAY),
        ("APW19980807.0261.tml", date(1998, 8, 7)),
        ("NYT19981025.0216", date(1998, 10, 25)),
        ("AP900815-0044.tml", date(1990, 8, 15)),
        ("stories/2020_01_06.txt", MONDAY),
    ],
)
def test_file_name_dates(name, day):
    assert filename_date(name) == day


@pytest.mark.parametrize(
    "name",
    ["photo_12345678.txt", "20201399.txt", "16844-Apple_unveils_iPhone_4.tml", "2020-0106.txt",
     "wsj_1073.tml", "report-2020.txt", "id-120200106.txt"],
)  # fmt: skip
def test_numbers_in_file_names_that_are_not_dates_are_ignored(name):
    assert filename_date(name) is None


def test_file_name_date_is_used_when_metadata_and_dateline_have_none():
    [doc] = dated("2020-01-06-story.txt")
    assert (doc.dct, doc.dct_source) == (MONDAY, "filename")
    assert doc.dct_note == "dateline 2020-01-06 from the file name '2020-01-06-story.txt'"


# --- 5. inferred ------------------------------------------------------------------------------
def test_no_date_sample_is_inferred_from_its_latest_full_date_with_a_warning_saying_how():
    [doc] = dated("reuters-iraq-letter-no-date.txt")
    assert (doc.dct, doc.dct_source) == (date(2019, 12, 29), "inferred")
    assert doc.dct_note == (
        "dateline inferred as 2019-12-29: the latest full date in the text ('December 29, 2019'); "
        "give --dateline if the article was written later"
    )
    assert doc.warnings == [doc.dct_note]


def test_inference_takes_the_latest_real_full_date_in_any_common_form():
    text = "Talks on February 30, 2020 failed. They began 3 March 2019, met again on 2019-11-04."
    day, note = inferred_date(text)
    assert day == date(2019, 11, 4) and "('2019-11-04')" in note
    assert inferred_date("It happened on Monday, in March, in 2019.") is None


def test_a_record_without_any_date_is_an_error_naming_its_row_and_its_empty_date_cell():
    results = list(dated_documents(INPUTS / "wire-stories.csv", **COLUMNS))
    errors = [r for r in results if isinstance(r, InputError)]
    assert errors[0] == InputError(
        str(INPUTS / "wire-stories.csv"),
        "no reference date: no date in CSV column 'filed_on', and none in its dateline, file "
        "name or text (give --dateline YYYY-MM-DD)",
        "row 3",
    )


def test_one_dateline_per_input_goes_to_that_input_s_documents():
    inputs = [INPUTS / "world-briefs.rss", INPUTS / "2020-01-06-story.txt"]
    docs = list(dated_documents(inputs, dateline=["2020-01-07", "2020-01-08"]))
    assert [d.dct for d in docs] == [date(2020, 1, 7)] * 3 + [date(2020, 1, 8)]
    assert {d.dct_source for d in docs} == {"explicit"}


def test_a_wrong_number_or_a_bad_dateline_is_refused_before_anything_is_read():
    with pytest.raises(ValueError, match="2 datelines for 3 inputs"):
        dated_documents(["a", "b", "c"], dateline=["2020-01-06", "2020-01-07"])
    with pytest.raises(ValueError, match="'tomorrow' is not a date"):
        dated_documents(["a"], dateline="tomorrow")


def test_reference_date_leaves_the_document_passed_in_unchanged():
    [doc] = read_inputs(INPUTS / "reuters-iraq-letter-no-date.txt")
    dated_doc = reference_date(doc)
    assert (doc.dct, doc.warnings, "dateline_span" in doc.meta) == (None, [], False)
    assert dated_doc.dct is not None


# --- batches --------------------------------------------------------------------------------------
def test_a_folder_mixing_good_and_bad_files_dates_every_good_document_and_names_each_bad_one(
    tmp_path,
):
    folder = tmp_path / "inputs"
    shutil.copytree(INPUTS, folder)
    with open(folder / "bad" / "huge.txt", "wb") as out:
        out.write(b"Ordinary text. " * (50 * 1024 * 1024 // 15 + 1))
    results = list(dated_documents(folder, **COLUMNS))
    docs = [r for r in results if isinstance(r, Document)]
    reasons = {Path(r.location).name: r.reason for r in results if isinstance(r, InputError)}
    assert len(docs) == 19 and all(d.dct and d.dct_source and d.dct_note for d in docs)
    assert reasons["wire-stories.csv row 3"].startswith("no reference date")
    assert reasons["impossible-date.txt"].startswith("impossible date in the front matter")
    assert reasons["huge.txt"].startswith("too large (50.0 MB")
    assert reasons["empty.txt"] == "empty file"
    assert {"photo.txt", "bad-bytes.txt", "broken.html", "sitemap.xml"} <= set(reasons)


def test_every_bundled_sample_is_dated_by_its_metadata():
    docs = list(dated_documents(None))
    assert len(docs) == 31
    assert {d.dct_source for d in docs} == {"metadata"}
    seed = next(d for d in docs if d.doc_id == "reuters-2020-01-06-iraq-letter")
    assert (seed.dct, seed.place) == (MONDAY, "WASHINGTON")
    wwdc = next(d for d in docs if d.meta.get("front_matter", {}).get("semeval_docid") == "1664")
    assert wwdc.dct == date(2005, 6, 6)
    assert wwdc.text[slice(*wwdc.meta["dateline_span"])] == "June 6, 2005"


# --- two datelines that disagree -------------------------------------------------------------
def test_a_dateline_line_that_contradicts_the_metadata_wins_with_a_warning(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(
        "---\ntitle: Storm hits coast\npublished: 2020-03-06\n---\n"
        "LONDON, March 5 (Reuters) - A storm hit the coast yesterday, officials said.\n",
        encoding="utf-8",
    )
    [doc] = dated_documents(path)
    assert (doc.dct, doc.dct_source) == (date(2020, 3, 5), "dateline")
    assert "contradicts" in doc.dct_note and doc.warnings == [doc.dct_note]


def test_a_dateline_line_that_agrees_with_the_metadata_leaves_it_the_source(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(
        "---\npublished: 2020-03-05\n---\nLONDON, March 5 (Reuters) - A storm hit the coast.\n",
        encoding="utf-8",
    )
    [doc] = dated_documents(path)
    assert (doc.dct, doc.dct_source, doc.warnings) == (date(2020, 3, 5), "metadata", [])
