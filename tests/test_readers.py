"""The readers: every input format on real files, and every kind of bad file as a one-line error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.document import Document, record_in_file
from timeline.errors import InputError
from timeline.readers import (
    MAX_BYTES,
    Reading,
    expand_inputs,
    read_bytes,
    read_inputs,
    sample_paths,
)

INPUTS = Path(__file__).parent / "data" / "inputs"
BAD = INPUTS / "bad"
COLUMNS = {"text_column": "story_text", "date_column": "filed_on", "title_column": "headline"}


def split(results) -> tuple[dict[str, Document], list[InputError]]:
    """Documents by doc_id, and the errors, of a batch."""
    results = list(results)
    docs = {r.doc_id: r for r in results if isinstance(r, Document)}
    return docs, [r for r in results if isinstance(r, InputError)]


def only_doc(path: Path, **options) -> Document:
    docs, errors = split(read_inputs(path, **options))
    assert not errors and len(docs) == 1
    return next(iter(docs.values()))


# --- plain text ----------------------------------------------------------------------------
def test_front_matter_gives_title_source_url_place_and_raw_published_date():
    doc = only_doc(INPUTS / "tokyo-rail-front-matter.txt")
    assert doc.doc_id == "tokyo-rail-front-matter"
    assert doc.title == "Tokyo commuter line reopens after overnight repairs"
    assert doc.source == "Example Wire"
    assert doc.url == "https://news.example.org/2021/03/04/tokyo-rail-reopens"
    assert doc.place == "TOKYO"
    assert doc.meta["published"] == "2021-03-04"
    assert doc.meta["published_from"] == "front matter 'published'"
    assert doc.text.startswith("TOKYO — A busy commuter line")
    assert "---" not in doc.text


def test_text_without_front_matter_takes_its_headline_from_a_first_line_standing_alone():
    doc = only_doc(INPUTS / "reuters-iraq-letter-no-date.txt")
    assert doc.title == "Leaked U.S. letter to Iraq was a poorly worded draft: top U.S. general"
    assert "published" not in doc.meta
    assert doc.text.endswith("Rosalba O’Brien")


def test_a_dateline_paragraph_is_not_taken_for_a_headline():
    assert only_doc(INPUTS / "xinhua-dateline-only.txt").title == ""


def test_impossible_front_matter_date_is_kept_as_written_for_the_reference_stage():
    doc = only_doc(BAD / "impossible-date.txt")
    assert doc.meta["published"] == "2020-13-45"


def test_western_non_utf8_text_is_decoded_as_cp1252_with_a_warning():
    text = "Le café près de la gare a fermé lundi, a déclaré la mairie.\n\nLes habitués regrettent."
    [doc] = read_bytes("notice.txt", text.encode("cp1252"))
    assert doc.text == text
    assert doc.meta["encoding"] == "cp1252"
    assert doc.warnings == ["not UTF-8: read as cp1252"]


def test_a_stray_bad_byte_in_utf8_text_is_replaced_with_a_warning():
    [doc] = read_bytes("memo.txt", "Le café a fermé lundi à midi.".encode() + b"\xff\n")
    assert doc.text == "Le café a fermé lundi à midi.\ufffd"
    assert doc.warnings == ["1 undecodable byte(s) replaced; the rest is UTF-8"]


def test_windows_line_endings_and_a_bom_are_normalized():
    [doc] = read_bytes("memo.txt", "\ufeffFirst paragraph.\r\n\r\nSecond paragraph.\r\n".encode())
    assert doc.text == "First paragraph.\n\nSecond paragraph."


def test_front_matter_that_is_not_yaml_is_an_error_naming_the_line():
    [error] = read_bytes("x.txt", b"---\ntitle: [unclosed\n---\nSome text here.\n")
    assert isinstance(error, InputError)
    assert error.reason.startswith("front matter is not valid YAML")


# --- HTML ----------------------------------------------------------------------------------
def test_html_page_gives_main_text_without_navigation_and_its_published_date():
    doc = only_doc(INPUTS / "harbour-bridge-news-page.html")
    assert doc.title == "Harbour bridge to close for two weekends of repairs"
    assert doc.source == "The Coastal Herald"
    assert doc.url == "https://www.coastal-herald.example/news/2020/01/harbour-bridge-repairs"
    assert "replace worn expansion joints" in doc.text
    assert "have reached the end of their life" in doc.text
    for boilerplate in ("Related stories", "Privacy", "Sport", "dataLayer"):
        assert boilerplate not in doc.text
    assert doc.meta["published"] == "2020-01-06"
    assert "htmldate" in doc.meta["published_from"]


def test_html_inside_a_txt_file_is_read_as_html():
    data = (INPUTS / "harbour-bridge-news-page.html").read_bytes()
    [doc] = read_bytes("saved-page.txt", data)
    assert "<p>" not in doc.text and doc.meta["published"] == "2020-01-06"


# --- feeds ---------------------------------------------------------------------------------
def test_rss_items_become_documents_with_their_raw_dates_and_plain_text():
    docs, errors = split(read_inputs(INPUTS / "world-briefs.rss"))
    assert not errors
    assert list(docs) == ["world-briefs-1", "world-briefs-2", "world-briefs-3"]
    first = docs["world-briefs-1"]
    assert first.title == "Flooding closes main road into Jakarta"
    assert first.url == "https://wire.example.net/world/2020/01/02/jakarta-floods"
    assert first.source == "Example Wire: World Briefs"
    assert first.meta["published"] == "Thu, 02 Jan 2020 09:40:00 +0700"
    assert first.text == (
        "Heavy rain that began on New Year's Eve flooded large parts of Jakarta, closing the main "
        "toll road into the city on Thursday.\n\nOfficials said more than 30,000 people had moved "
        "to temporary shelters."
    )
    assert record_in_file(docs["world-briefs-3"]) == "entry 3"


def test_atom_feed_in_an_xml_file_is_recognized_by_its_content():
    docs, errors = split(read_inputs(INPUTS / "science-updates.xml"))
    assert not errors
    first, second = docs["science-updates-1"], docs["science-updates-2"]
    assert first.meta["published"] == "2020-01-05T21:30:00-05:00"
    assert first.text.startswith("A team of astronomers said on Sunday")
    assert "<p>" not in first.text
    assert second.meta["published"] == "2020-01-08T07:45:00Z"  # no <published>: <updated>
    assert second.meta["published_from"] == "feed entry's updated date"


def test_feed_without_entries_is_an_error():
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    [error] = read_bytes("empty-feed.rss", rss)
    assert error == InputError("empty-feed.rss", "feed has no entries")


# --- CSV / JSONL / JSON --------------------------------------------------------------------
def test_csv_rows_become_documents_with_the_named_text_date_and_title_columns():
    docs, errors = split(read_inputs(INPUTS / "wire-stories.csv", **COLUMNS))
    assert list(docs) == ["wire-stories-1", "wire-stories-2", "wire-stories-3"]
    port = docs["wire-stories-1"]
    assert port.title == "Port strike ends after pay deal"
    assert port.text.endswith("new pay offer.\n\nThe strike had lasted nine days.")
    assert port.meta["published"] == "2020-01-07"
    assert port.meta["published_from"] == "CSV column 'filed_on'"
    assert port.meta["record"]["desk"] == "business"
    assert "published" not in docs["wire-stories-3"].meta  # empty date cell
    assert [str(e) for e in errors] == [
        f"{INPUTS / 'wire-stories.csv'} row 4: no text in column 'story_text'"
    ]


def test_csv_text_date_and_title_columns_are_guessed_from_common_names():
    data = b"Headline;Body;Date\nBridge opens;The bridge opened to traffic on Monday.;2020-01-06\n"
    [doc] = read_bytes("stories.csv", data)
    assert (doc.title, doc.text, doc.meta["published"]) == (
        "Bridge opens",
        "The bridge opened to traffic on Monday.",
        "2020-01-06",
    )


def test_a_named_column_the_csv_lacks_is_one_error_listing_the_columns():
    [error] = read_inputs(INPUTS / "wire-stories.csv", text_column="body")
    assert error.reason == (
        "no text column 'body' (columns: story_id, headline, story_text, filed_on, desk)"
    )


def test_jsonl_bad_line_is_an_error_for_that_line_only():
    docs, errors = split(read_inputs(INPUTS / "court-briefs.jsonl", **COLUMNS))
    assert list(docs) == ["court-briefs-1", "court-briefs-2", "court-briefs-4"]
    assert docs["court-briefs-2"].meta["published"] == "Thu, 09 Jan 2020 16:45:00 +0000"
    assert docs["court-briefs-1"].meta["published_from"] == "JSON field 'filed_on'"
    [error] = errors
    assert error.path.endswith("court-briefs.jsonl") and error.where == "line 3"
    assert error.reason.startswith("not valid JSON")


def test_json_file_with_an_array_of_records():
    data = b'[{"text": "Markets rose on Friday.", "date": "2020-01-03"}, {"text": ""}]'
    doc, error = read_bytes("markets.json", data)
    assert doc.doc_id == "markets-1" and doc.meta["published"] == "2020-01-03"
    assert error == InputError("markets.json", "no text in column 'text'", "record 2")
    assert str(error) == "markets.json record 2: no text in column 'text'"


# --- TimeML --------------------------------------------------------------------------------
def test_timeml_text_comes_from_TEXT_without_tags_and_its_date_from_the_DCT():
    doc = only_doc(INPUTS / "wsj_1073.tml")
    assert doc.text.startswith("Advanced Medical Technologies Inc. said it purchased 93%")
    assert "<EVENT" not in doc.text and "last year" in doc.text
    assert doc.meta["published"] == "1989-10-25"
    assert doc.meta["published_from"] == "TimeML DCT"
    assert doc.meta["docid"] == "wsj_1073"


def test_timeml_title_comes_from_TITLE():
    doc = only_doc(INPUTS / "APW19980810.0907.tml")
    assert doc.title == "Figures on the dead and injured in the twin embassy bombings"
    assert doc.text.startswith("NAIROBI, Kenya (AP) _")


def test_tokenized_timeml_keeps_one_sentence_per_line_and_its_headline():
    doc = only_doc(INPUTS / "12315-Apple_launches_3G.tml")
    assert doc.title == "Apple launches 3G iPhone"
    lines = doc.text.split("\n")
    assert lines[:2] == [
        "June 9 , 2008",
        "Apple Computer today launched a 3G version of its iPhone device .",
    ]


def test_timeml_in_an_xml_file_is_recognized_by_its_content():
    [doc] = read_bytes("wsj_1073.xml", (INPUTS / "wsj_1073.tml").read_bytes())
    assert doc.meta["published_from"] == "TimeML DCT"


def test_timeml_that_is_not_well_formed_is_an_error():
    [error] = read_bytes("cut.tml", b"<TimeML><DCT><TIMEX3 value='2020-01-06'></DCT><TEXT>x")
    assert error.reason.startswith("not well-formed XML")


# --- bad inputs ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("photo.txt", "binary file (contains NUL bytes), not text"),
        ("bad-bytes.txt", "undecodable bytes: not UTF-8 (bad byte at offset 20)"),
        ("broken.html", "no article text found in the HTML"),
        ("sitemap.xml", "XML that is neither an RSS/Atom feed nor TimeML (root <urlset>)"),
    ],
)
def test_a_bad_file_is_one_error_naming_it_with_its_reason(name, reason):
    [error] = read_inputs(BAD / name)
    assert isinstance(error, InputError)
    assert error.path == str(BAD / name)
    assert error.reason.startswith(reason)
    assert "\n" not in str(error)


def test_a_file_over_the_size_limit_is_an_error_and_the_batch_goes_on(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as out:
        out.write(b"A long line of ordinary article text. " * (50 * 1024 * 1024 // 38 + 1))
    assert big.stat().st_size > 50 * 1024 * 1024 > MAX_BYTES
    shutil.copy(INPUTS / "2020-01-06-story.txt", tmp_path)
    docs, [error] = split(read_inputs(tmp_path))
    assert list(docs) == ["2020-01-06-story"]
    assert error == InputError(str(big), "too large (50.0 MB; the limit is 20.0 MB)")


def test_the_size_limit_is_configurable():
    [error] = read_bytes("story.txt", b"Some article text." * 100, max_bytes=1000)
    assert error.reason == "too large (0.0 MB; the limit is 0.0 MB)"
    [doc] = read_bytes("story.txt", b"Some article text." * 100, max_bytes=2000)
    assert isinstance(doc, Document)


def test_missing_path_unmatched_glob_and_empty_folder_are_errors_naming_them(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    results = list(read_inputs([tmp_path / "missing.txt", str(tmp_path / "*.html"), tmp_path]))
    assert results == [
        InputError(str(tmp_path / "missing.txt"), "no such file or folder"),
        InputError(str(tmp_path / "*.html"), "no file matches this pattern"),
        InputError(str(tmp_path), results[2].reason),
    ]
    assert results[2].reason.startswith("no readable files in this folder (.txt, .md, .html")


def test_a_folder_mixing_good_and_bad_files_gives_every_good_document_and_names_each_bad_one():
    results = list(read_inputs(INPUTS, **COLUMNS))
    docs, errors = split(results)
    assert {
        "2020-01-06-story", "12315-Apple_launches_3G", "APW19980810.0907", "wsj_1073",
        "court-briefs-1", "court-briefs-2", "court-briefs-4", "harbour-bridge-news-page",
        "reuters-iraq-letter-no-date", "science-updates-1", "science-updates-2",
        "tokyo-rail-front-matter", "wire-stories-1", "wire-stories-2", "wire-stories-3",
        "world-briefs-1", "world-briefs-2", "world-briefs-3", "xinhua-dateline-only",
        # readable: their dates are the reference stage's problem
        "impossible-date", "2020-01-10 council; budget",
    } == set(docs)  # fmt: skip
    named = {Path(e.path).name for e in errors}
    expected = {"bad-bytes.txt", "broken.html", "empty.txt", "photo.txt", "sitemap.xml"}
    expected |= {"yaml-alias-bomb.txt", "formula-cells.csv", "malformed-rows.csv"}
    expected |= {"mixed-encoding.csv", "unclosed-quote-at-end.csv"}  # no story_text column
    assert named == expected | {"court-briefs.jsonl", "wire-stories.csv"}


# --- batches -------------------------------------------------------------------------------
def test_globs_are_expanded_in_sorted_order():
    docs, errors = split(read_inputs(str(INPUTS / "*.tml")))
    assert not errors
    assert list(docs) == ["12315-Apple_launches_3G", "APW19980810.0907", "wsj_1073"]


def test_files_are_read_as_the_caller_iterates_not_up_front(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Story {name} happened on Monday.\n")
    results = read_inputs(tmp_path)
    assert next(results).doc_id == "a"
    (tmp_path / "b.txt").unlink()
    [error] = list(results)
    assert error.path == str(tmp_path / "b.txt") and error.reason.startswith("cannot open")


def test_doc_ids_are_unique_within_a_batch(tmp_path):
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"The {folder} story.\n")
    docs, _ = split(read_inputs(tmp_path))
    assert list(docs) == ["story", "story-2"]


def test_expand_inputs_lists_files_unread_and_passes_on_inputs_that_name_none(tmp_path):
    missing = str(tmp_path / "missing.txt")
    paths = list(expand_inputs([str(INPUTS / "*.tml"), missing, BAD / "empty.txt"]))
    assert [Path(p).name for p in paths] == [
        "12315-Apple_launches_3G.tml", "APW19980810.0907.tml", "wsj_1073.tml", "missing.txt",
        "empty.txt",
    ]  # fmt: skip
    assert list(read_inputs(paths[3])) == [InputError(missing, "no such file or folder")]
    assert len(list(expand_inputs(None))) == 31


def test_input_index_tells_which_input_each_document_came_from():
    results = list(read_inputs([INPUTS / "world-briefs.rss", INPUTS / "wsj_1073.tml"]))
    assert [r.meta["input_index"] for r in results] == [0, 0, 0, 1]


def test_read_bytes_dispatches_on_name_and_content_like_files():
    [html] = read_bytes("page.htm", (INPUTS / "harbour-bridge-news-page.html").read_bytes())
    feed = read_bytes("upload.xml", (INPUTS / "world-briefs.rss").read_bytes())
    assert html.doc_id == "page" and html.meta["published"] == "2020-01-06"
    assert [d.doc_id for d in feed] == ["upload-1", "upload-2", "upload-3"]
    assert read_bytes("empty.txt", b"  \n") == [InputError("empty.txt", "empty file")]


# --- the bundled samples -------------------------------------------------------------------
def test_samples_are_the_seed_article_and_30_wikinews_articles_with_their_dates():
    paths = sample_paths()
    assert len(paths) == 31
    assert all(p.parent.name == "samples" and p.parent.parent.name == "timeline" for p in paths)
    docs, errors = split(read_inputs(None))
    assert not errors and len(docs) == 31
    seed = docs["reuters-2020-01-06-iraq-letter"]
    assert (seed.meta["published"], seed.place, seed.source) == (
        "2020-01-06",
        "WASHINGTON",
        "Reuters",
    )
    wikinews = [d for d in docs.values() if d.source == "Wikinews"]
    assert len(wikinews) == 30
    assert all(d.title and d.meta["published"] for d in wikinews)
    assert (paths[0].parent / "ATTRIBUTION.md").read_text().count("CC BY") >= 2


def test_samples_are_readable_detokenized_text():
    docs, _ = split(read_inputs(None))
    token_gaps = re.compile(r"\w [,.;:%)]|\w 's\b|\( |\$ | \" |n 't\b")
    for doc in docs.values():
        assert not token_gaps.search(doc.text), (doc.doc_id, token_gaps.search(doc.text))
    itunes = docs["wikinews-2008-04-09-apples-itunes-replaces-wal-mart-as-no-1-u-s-music-seller"]
    assert itunes.title == "Apple's iTunes replaces Wal-Mart as No. 1 U.S. music seller"
    assert itunes.text.startswith("April 9, 2008\n\nFive years after its launch, Apple Computer's")


def test_an_unsupported_file_type_is_a_one_line_error_not_text():
    (error,) = read_bytes("notes.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    assert isinstance(error, InputError)
    assert error.path == "notes.pdf"
    assert error.reason.startswith("unsupported file type '.pdf'")


# --- CSV records that run across rows ------------------------------------------------------
def test_an_unclosed_quote_is_an_error_naming_its_row_and_the_rows_it_swallowed_are_read():
    docs, errors = split(read_inputs(BAD / "malformed-rows.csv"))
    assert list(docs) == ["malformed-rows-1", "malformed-rows-3", "malformed-rows-4"]
    assert docs["malformed-rows-3"].text.startswith("Several morning flights were delayed")
    assert docs["malformed-rows-3"].meta["published"] == "2020-01-08"
    assert docs["malformed-rows-1"].text.endswith("accept a new pay offer.")
    assert [(e.where, e.reason) for e in errors] == [
        (
            "row 2",
            "a record that runs across rows (lines 3–4: ',' expected after '\"'; an unclosed "
            "quote?); line 4 is read again as rows",
        ),
        ("row 5", "5 fields where the header has 4 (line 6)"),
    ]


def test_an_unclosed_quote_running_to_the_end_of_the_file_loses_no_later_row():
    docs, [error] = split(read_inputs(BAD / "unclosed-quote-at-end.csv"))
    assert [d.title for d in docs.values()] == [
        "Rail line reopens", "Storm warning lifted", "Schools close early",
    ]  # fmt: skip
    assert (error.where, error.reason.split(";")[0]) == (
        "row 2",
        "a record that runs across rows (lines 3–5: unexpected end of data",
    )


def test_a_quoted_text_over_several_lines_is_one_record():
    [doc] = read_bytes(
        "wire.csv", b'text,date\n"First line.\n\nSecond, with, commas.",2020-01-06\n'
    )
    assert doc.text == "First line.\n\nSecond, with, commas." and doc.meta["row"] == 1


# --- encodings, once per file --------------------------------------------------------------
def test_a_csv_ascii_for_64_kb_and_cp1252_after_is_decoded_as_cp1252_and_said_once():
    docs, errors = split(read_inputs(BAD / "mixed-encoding.csv", title_column="headline"))
    assert not errors
    first, second = docs["mixed-encoding-1"], docs["mixed-encoding-2"]
    assert len(first.text.encode()) > 65536
    assert second.text.startswith("Herr Müller, the city engineer, said on Friday")
    assert first.warnings == ["not UTF-8: read as cp1252 (the whole file)"]
    assert second.warnings == []


def test_a_cp1252_csv_warns_once_for_the_file_not_once_per_row():
    rows = "".join(f"{n},Le café {n} a fermé lundi.,2020-01-06\n" for n in range(1, 6))
    docs = read_bytes("cafes.csv", ("id,text,date\n" + rows).encode("cp1252"))
    assert [d.text for d in docs][-1] == "Le café 5 a fermé lundi."
    assert [d.warnings for d in docs] == [["not UTF-8: read as cp1252 (the whole file)"]] + [[]] * 4


def test_lines_of_two_encodings_in_one_csv_are_each_read_in_their_own():
    data = "id,text\n1,Le café a fermé lundi.\n".encode() + "2,Herr Müller sprach.\n".encode(
        "cp1252"
    )
    first, second = read_bytes("mixed.csv", data)
    assert (first.text, second.text) == ("Le café a fermé lundi.", "Herr Müller sprach.")
    assert first.warnings == [
        "mixed encodings: 1 line(s) are not UTF-8 and were read as cp1252 (the first is line 3)"
        " (the whole file)"
    ]


def test_reading_csv_and_jsonl_leaves_no_file_open():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        for name in ("wire-stories.csv", "court-briefs.jsonl"):
            assert split(read_inputs(INPUTS / name, **COLUMNS))[0]
        import gc

        gc.collect()


# --- hostile front matter ------------------------------------------------------------------
def test_a_yaml_alias_bomb_in_front_matter_is_refused_naming_the_file():
    [error] = read_inputs(BAD / "yaml-alias-bomb.txt")
    assert error == InputError(
        str(BAD / "yaml-alias-bomb.txt"),
        "front matter uses a YAML alias (*name), which is not read (an alias bomb can fill memory)",
    )


def test_front_matter_without_aliases_is_still_read():
    data = b"---\ntitle: Budget vote\ntags: [council, budget]\n---\nThe council voted on Friday.\n"
    [doc] = read_bytes("vote.txt", data)
    assert doc.title == "Budget vote" and doc.meta["front_matter"]["tags"] == ["council", "budget"]


# --- each file and article once ------------------------------------------------------------
def test_the_same_file_given_twice_is_read_once_and_the_repeat_is_a_warning():
    story = INPUTS / "2020-01-06-story.txt"
    reading = Reading()
    docs, _ = split(read_inputs([story, INPUTS / "." / story.name, INPUTS], reading=reading))
    assert list(docs).count("2020-01-06-story") == 1 and "2020-01-06-story-2" not in docs
    repeats = [(Path(w.path).name, w.message) for w in reading.duplicates]
    assert repeats[:2] == [("2020-01-06-story.txt", "given more than once: read once")] * 2


def test_the_same_article_under_another_name_is_read_once_naming_the_first(tmp_path):
    story = INPUTS / "2020-01-06-story.txt"
    shutil.copy(story, tmp_path / "copy.txt")
    reading = Reading()
    docs, _ = split(read_inputs([story, tmp_path / "copy.txt"], reading=reading))
    assert list(docs) == ["2020-01-06-story"]
    [repeat] = reading.duplicates
    assert repeat.path == str(tmp_path / "copy.txt")
    assert repeat.message == f"the same article as {story}: read once"


def test_duplicate_rows_of_a_csv_are_one_document_and_rows_with_another_date_are_two(tmp_path):
    wire = tmp_path / "wire.csv"
    wire.write_text(
        "id,text,date\n1,The port reopened on Monday.,2020-01-06\n"
        "1,The port reopened on Monday.,2020-01-06\n2,The port reopened on Monday.,2021-01-04\n"
    )
    reading = Reading()
    docs, _ = split(read_inputs(wire, reading=reading))
    assert [d.meta["row"] for d in docs.values()] == [1, 3]
    [repeat] = reading.duplicates
    assert (repeat.where, repeat.message) == (
        "row 2",
        f"the same article as {wire} row 1: read once",
    )


# --- objects -------------------------------------------------------------------------------
def test_a_dataframe_of_articles_is_read_with_the_csv_column_guessing():
    import pandas as pd

    frame = pd.read_csv(INPUTS / "wire-stories.csv")
    docs, [error] = split(read_inputs(frame, **COLUMNS))
    assert list(docs) == ["row-0", "row-1", "row-2"]
    assert docs["row-0"].title == "Port strike ends after pay deal"
    assert docs["row-1"].meta["published"] == "January 6, 2020 2:20 PM"
    assert docs["row-1"].meta["published_from"] == "DataFrame column 'filed_on'"
    assert "published" not in docs["row-2"].meta  # NaN is an empty cell, not the text "nan"
    assert str(error) == "DataFrame row 3: no text in column 'story_text'"


def test_a_string_is_a_text_when_it_reads_as_one_and_a_path_when_it_names_one():
    text = "Soleimani was killed in a U.S. strike on Friday."
    [doc] = read_inputs([text])
    assert (doc.doc_id, doc.text, doc.path) == ("text-1", text, "")
    [error] = read_inputs(["missing.txt"])
    assert error == InputError("missing.txt", "no such file or folder")
    [error] = read_inputs(["no such folder/"])
    assert error.reason == "no such file or folder"
    assert only_doc(str(INPUTS / "2020-01-06-story.txt")).doc_id == "2020-01-06-story"


def test_documents_are_inputs_too_and_are_not_changed_by_reading():
    doc = Document("note", "The council met on Monday.", title="Council")
    [read] = read_inputs([doc, doc])
    assert read is not doc and read.meta["input_index"] == 0 and doc.meta == {}


def test_duplicate_ids_in_a_csv_with_different_texts_are_two_documents_named_apart(tmp_path):
    wire = tmp_path / "wire.csv"
    wire.write_text(
        "id,text,date\nWS-1,The port reopened on Monday.,2020-01-06\n"
        "WS-1,The port closed again on Tuesday.,2020-01-07\n"
    )
    reading = Reading()
    docs, errors = split(read_inputs([wire, wire.parent], reading=reading))
    assert list(docs) == ["wire-1", "wire-2"] and not errors
    assert [d.meta["record"]["id"] for d in docs.values()] == ["WS-1", "WS-1"]
    assert [w.message for w in reading.duplicates] == ["given more than once: read once"]
