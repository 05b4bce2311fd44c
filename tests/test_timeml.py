"""TimeML reading/writing, `tag_paths` over folders, the TempEval-3 scorer and the CLI around them."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.tagger.timex import Timex
from timeline.timeml import (
    GoldTimex,
    TimeMLDoc,
    TimeMLError,
    evaluate_dirs,
    format_report,
    kept_timexes,
    read_timeml,
    score_documents,
    tag_paths,
    to_timeml,
    write_timeml,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "timeml"
GOLD = DATA / "tbaq"
WSJ = GOLD / "wsj_0805.tml"
NYT = GOLD / "NYT20000106.0007.tml"
XIE = GOLD / "XIE19990227.0171.tml"
ARTICLE = DATA / "reuters-2020-01-06-iraq-letter.txt"
TRUNCATED = DATA / "bad" / "truncated.tml"
NO_TEXT = DATA / "bad" / "no_text.tml"
LATIN1 = DATA / "bad" / "latin1.txt"
TBAQ = Path("/work/shared/data/tbaq")  # the full corpus, only where noted (skipped without it)


def timex(text: str, phrase: str, type_: str, value: str, nth: int = 0, mod: str = "") -> Timex:
    """A hand-built Timex on the `nth` occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Timex(start, start + len(phrase), phrase, type_, value, "day", mod=mod)


def spans(timexes) -> list[tuple]:
    return [(t.start, t.end, t.type, t.value, t.mod) for t in timexes]


def gold_doc(text: str, *timexes: Timex, name: str = "doc.tml") -> TimeMLDoc:
    gold = [GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in timexes]
    return TimeMLDoc(name, date(2020, 1, 6), text, gold, name)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- reading ---------------------------------------------------------------------------------
def test_gold_timexes_of_real_tbaq_files_are_slices_of_the_tag_free_text():
    for path in (WSJ, NYT, XIE):
        doc = read_timeml(path)
        assert doc.timexes
        for gold in doc.timexes:
            assert doc.text[gold.start : gold.end] == gold.text
        assert "<" not in doc.text and "EVENT" not in doc.text


def test_wsj_0805_reads_its_id_dct_and_gold_values_in_text_order():
    doc = read_timeml(WSJ)
    assert doc.doc_id == "wsj_0805"
    # the DCT timex says value="1989-10-27"; its text is "10/27/89"
    assert doc.dct == date(1989, 10, 27)
    assert [(t.text, t.type, t.value, t.mod, t.tid) for t in doc.timexes] == [
        ("today", "DATE", "1989-10-27", "", "t14"),
        ("later this year", "DATE", "1989-11-01", "ON_OR_AFTER", "t77"),
        ("the third quarter of 1984", "DATE", "1984-Q3", "", "t69"),
        ("third-quarter", "DATE", "1989-Q3", "", "t15"),
        ("a year ago", "DATE", "1988-Q3", "", "t21"),
    ]
    assert "t0" not in {t.tid for t in doc.timexes}  # the DCT is not a text timex


def test_entities_are_decoded_and_offsets_count_decoded_characters():
    doc = read_timeml(NYT)
    assert "&amp;" in NYT.read_text()
    assert "Jan. 6: &QL;" in doc.text and "&amp;" not in doc.text
    wednesday = [t for t in doc.timexes if t.start > doc.text.index("&QL;")][0]
    assert (wednesday.text, wednesday.value) == ("Wednesday", "2000-01-05")
    assert doc.text[wednesday.start : wednesday.end] == "Wednesday"


def test_dct_falls_back_to_the_dct_text_when_the_timex_has_no_value():
    doc = read_timeml(
        '<TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE">19980108</TIMEX3></DCT>'
        "<TEXT>Nothing happened.</TEXT></TimeML>"
    )
    assert doc.dct == date(1998, 1, 8)
    assert (doc.text, doc.timexes) == ("Nothing happened.", [])


def test_a_timeml_string_with_an_encoding_declaration_and_namespace_is_read():
    doc = read_timeml(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<TimeML xmlns="http://timeml.org/x">'
        '<TEXT>Il a plu en février <TIMEX3 tid="t1" type="DATE" value="1998-02">ce mois</TIMEX3>'
        "</TEXT></TimeML>"
    )
    assert doc.text == "Il a plu en février ce mois"
    assert spans(doc.timexes) == [(20, 27, "DATE", "1998-02", "")]
    assert doc.dct is None


def test_a_bare_ampersand_is_repaired_rather_than_rejected():
    doc = read_timeml(
        '<TimeML><TEXT>AT&T said on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday'
        "</TIMEX3> &amp; more.</TEXT></TimeML>"
    )
    assert doc.text == "AT&T said on Monday & more."
    assert doc.text[doc.timexes[0].start : doc.timexes[0].end] == "Monday"


def test_a_bare_ampersand_in_a_latin1_file_is_repaired_with_its_declared_encoding(tmp_path):
    path = tmp_path / "latin1.tml"
    path.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><TimeML><TEXT>Procter & Gamble, f\xe9vrier '
        '<TIMEX3 tid="t1" type="DATE" value="1998-02">1998</TIMEX3></TEXT></TimeML>'.encode(
            "latin-1"
        )
    )
    doc = read_timeml(path)
    assert doc.text == "Procter & Gamble, f\xe9vrier 1998"
    assert [t.text for t in doc.timexes] == ["1998"]


def test_truncated_timeml_is_a_one_line_error_with_its_position():
    with pytest.raises(TimeMLError) as err:
        read_timeml(TRUNCATED)
    message = str(err.value)
    assert message.startswith("not well-formed XML") and "line" in message
    assert "\n" not in message


def test_timeml_without_a_text_element_is_a_clear_error():
    with pytest.raises(TimeMLError, match="no <TEXT> element"):
        read_timeml(NO_TEXT)


def test_a_missing_file_is_a_timeml_error_not_an_oserror():
    with pytest.raises(TimeMLError, match="cannot read"):
        read_timeml(DATA / "nowhere.tml")


@pytest.mark.skipif(not TBAQ.exists(), reason="needs /work/shared/data/tbaq (full TBAQ corpus)")
def test_all_256_tbaq_files_read_with_dct_and_1822_gold_timexes():
    docs = [read_timeml(p) for p in sorted(TBAQ.glob("*/*.tml"))]
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822
    assert all(d.dct is not None for d in docs)
    for doc in docs:
        assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


# --- writing ---------------------------------------------------------------------------------
def test_written_gold_reads_back_to_the_same_text_spans_values_id_and_dct(tmp_path):
    for path in (WSJ, NYT, XIE):
        doc = read_timeml(path)
        out = tmp_path / path.name
        write_timeml(doc, doc.timexes, out_path=out)
        back = read_timeml(out)
        assert back.text == doc.text
        assert spans(back.timexes) == spans(doc.timexes)
        assert (back.doc_id, back.dct) == (doc.doc_id, doc.dct)


def test_writer_escapes_ampersand_and_angle_brackets_in_text():
    text = "Q&A: <b>5 > 4</b> & AT&T &amp; co said on Monday ]]> done"
    xml = to_timeml(text, [timex(text, "Monday", "DATE", "2020-01-06")], "2020-01-06", "x&y")
    assert "Q&amp;A: &lt;b&gt;5 &gt; 4&lt;/b&gt; &amp; AT&amp;T &amp;amp; co" in xml
    ET.fromstring(xml.encode())  # well-formed
    back = read_timeml(xml)
    assert back.text == text and back.doc_id == "x&y"
    assert [back.text[t.start : t.end] for t in back.timexes] == ["Monday"]


def test_writer_keeps_carriage_returns_tabs_and_unicode_character_for_character():
    text = "Line one\r\nLe 3 février 2020 — «\tcitation»\r\rfin 🙂 on Monday\r\n"
    back = read_timeml(to_timeml(text, [timex(text, "Monday", "DATE", "2020-01-06")]))
    assert back.text == text
    assert back.text[back.timexes[0].start : back.timexes[0].end] == "Monday"


def test_characters_xml_cannot_hold_become_replacement_characters_at_the_same_offsets():
    text = "bell\x07 and nul\x00 then Monday"
    back = read_timeml(to_timeml(text, [timex(text, "Monday", "DATE", "2020-01-06")]))
    assert back.text == "bell\ufffd and nul\ufffd then Monday"
    assert spans(back.timexes) == [(text.index("Monday"), len(text), "DATE", "2020-01-06", "")]


def test_overlapping_and_nested_spans_keep_the_first_and_longest_and_stay_valid_xml():
    text = "It happened on March 3, 2020 and lasted three days."
    tagged = [
        timex(text, "3, 2020", "DATE", "2020"),  # overlaps the next one, starts later: dropped
        timex(text, "March 3", "DATE", "2020-03-03"),
        timex(text, "March", "DATE", "2020-03"),  # nested, same start, shorter: dropped
        timex(text, "three days", "DURATION", "P3D"),
        Timex(40, 999, "x", "DATE", "2020", "year"),  # outside the text: dropped
        Timex(5, 5, "", "DATE", "2020", "year"),  # empty: dropped
    ]
    xml = to_timeml(text, tagged, date(2020, 3, 4))
    ET.fromstring(xml.encode())
    back = read_timeml(xml)
    assert back.text == text
    assert [(t.text, t.value) for t in back.timexes] == [
        ("March 3", "2020-03-03"),
        ("three days", "P3D"),
    ]
    assert [t.text for t in kept_timexes(tagged, len(text))] == ["March 3", "three days"]


def test_attribute_values_with_quotes_and_ampersands_survive_the_round_trip():
    text = "around noon"
    odd = timex(text, "noon", "TIME", 'XXXX-XX-XXT12:00"&<x>', mod="APPROX")
    back = read_timeml(to_timeml(text, [odd]))
    assert (back.timexes[0].value, back.timexes[0].mod) == ('XXXX-XX-XXT12:00"&<x>', "APPROX")


def test_dct_is_written_as_creation_time_t0_outside_the_text(tmp_path):
    out = tmp_path / "deep" / "folder" / "story.tml"
    write_timeml("Nothing.", [], date(2020, 1, 6), out, doc_id="story")
    root = ET.parse(out).getroot()
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {
        "tid": "t0",
        "type": "DATE",
        "value": "2020-01-06",
        "temporalFunction": "false",
        "functionInDocument": "CREATION_TIME",
    }
    assert root.findtext("DOCID") == "story" and root.findtext("TEXT") == "Nothing."
    assert read_timeml(out).timexes == []


def test_a_datetime_dct_becomes_a_time_value_and_midnight_a_date():
    at_noon = ET.fromstring(to_timeml("x", [], datetime(2020, 1, 6, 12, 30)).encode())
    assert at_noon.find("DCT/TIMEX3").attrib["value"] == "2020-01-06T12:30:00"
    assert at_noon.find("DCT/TIMEX3").attrib["type"] == "TIME"
    midnight = ET.fromstring(to_timeml("x", [], datetime(2020, 1, 6)).encode())
    assert midnight.find("DCT/TIMEX3").attrib["value"] == "2020-01-06"


@settings(max_examples=200, deadline=None)
@given(st.text(), st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6))
def test_any_text_with_any_spans_round_trips_through_the_writer(text, raw_spans):
    tagged = [Timex(s, s + n, text[s : s + n], "DATE", "2020", "year") for s, n in raw_spans]
    back = read_timeml(to_timeml(text, tagged, "2020-01-06"))
    readable = (
        "".join(
            "\ufffd" if (ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF else c
            for c in text
        )
        .replace("\ufffe", "\ufffd")
        .replace("\uffff", "\ufffd")
    )
    assert back.text == readable
    assert [(t.start, t.end) for t in back.timexes] == [
        (t.start, t.end) for t in kept_timexes(tagged, len(text))
    ]


# --- scoring ---------------------------------------------------------------------------------
def test_gold_against_itself_scores_100_on_every_figure():
    scores = evaluate_dirs(GOLD, GOLD)
    assert (scores.documents, scores.gold, scores.system) == (3, 18, 18)
    assert all(value == 100.0 for value in scores.figures().values())
    assert scores.problems == [] and scores.errors == []


def test_an_empty_system_has_zero_recall_and_every_gold_timex_is_a_miss():
    docs = [read_timeml(p) for p in (WSJ, NYT, XIE)]
    scores = score_documents((doc, []) for doc in docs)
    assert (scores.gold, scores.system, scores.relaxed) == (18, 0, 0)
    assert scores.strict_prf == (0.0, 0.0, 0.0) and scores.relaxed_prf[1] == 0.0
    assert [p.kind for p in scores.problems] == ["MISS"] * 18


def test_a_partial_span_counts_for_relaxed_but_not_strict():
    text = "Sales fell last week, officials said."
    gold = gold_doc(text, timex(text, "last week", "DATE", "2020-W01"))
    scores = score_documents([(gold, [timex(text, "week", "DATE", "2020-W01")])])
    assert (scores.strict, scores.relaxed) == (0, 1)
    assert scores.figures()["strict_f1"] == 0.0
    assert scores.figures()["relaxed_f1"] == 100.0
    assert scores.figures()["value_f1"] == 100.0
    [problem] = scores.problems
    assert (problem.kind, problem.gold, problem.system) == ("SPAN", "'last week'", "'week'")


def test_one_long_system_span_matches_only_one_of_two_gold_spans():
    text = "They met on Monday and Tuesday."
    gold = gold_doc(
        text,
        timex(text, "Monday", "DATE", "2020-01-06"),
        timex(text, "Tuesday", "DATE", "2020-01-07"),
    )
    system = [timex(text, "Monday and Tuesday", "DATE", "2020-01-06")]
    scores = score_documents([(gold, system)])
    assert (scores.gold, scores.system, scores.relaxed, scores.strict) == (2, 1, 1, 0)
    assert scores.relaxed_prf[:2] == (1.0, 0.5)
    assert [p.kind for p in scores.problems] == ["SPAN", "MISS"]
    assert scores.problems[1].text == "Tuesday"


def test_relaxed_matching_is_maximal_where_greedy_by_overlap_would_lose_a_pair():
    text = "abcdefghijklmnop"
    gold = gold_doc(text, Timex(0, 10, text[0:10], "DATE", "A", "day"), name="g")
    gold.timexes.append(GoldTimex(10, 14, text[10:14], "DATE", "B"))
    # greedy would give gold A the long span (overlap 10) and leave gold B unmatched
    system = [
        Timex(0, 12, text[0:12], "DATE", "B", "day"),
        Timex(0, 3, text[0:3], "DATE", "A", "day"),
    ]
    scores = score_documents([(gold, system)])
    assert scores.relaxed == 2
    assert scores.value_correct == 2  # A↔[0,3) and B↔[0,12)


def test_type_and_value_f1_are_their_accuracy_over_relaxed_matches_times_relaxed_f1():
    text = "On Monday, for two days in January 2020, every week, and later."
    gold = gold_doc(
        text,
        timex(text, "Monday", "DATE", "2020-01-06"),
        timex(text, "two days", "DURATION", "P2D"),
        timex(text, "January 2020", "DATE", "2020-01"),
        timex(text, "every week", "SET", "P1W"),
    )
    system = [
        timex(text, "Monday", "DATE", "2020-01-06"),  # right
        timex(text, "two days", "DURATION", "P3D"),  # wrong value, right type
        timex(text, "January 2020", "DURATION", "P1M"),  # wrong type and value
        timex(text, "later", "DATE", "FUTURE_REF"),  # extra; "every week" is missed
    ]
    scores = score_documents([(gold, system)])
    assert (scores.gold, scores.system, scores.relaxed, scores.strict) == (4, 4, 3, 3)
    figures = scores.figures()
    assert figures["relaxed_f1"] == pytest.approx(75.0)
    assert figures["type_f1"] == pytest.approx(75.0 * 2 / 3)
    assert figures["value_f1"] == pytest.approx(75.0 / 3)
    assert figures["value_p"] == pytest.approx(100 * (3 / 4) * (1 / 3))
    assert sorted(p.kind for p in scores.problems) == ["EXTRA", "MISS", "WRONG", "WRONG"]


def test_error_report_gives_one_line_per_difference_with_values_and_context():
    text = "Markets fell on Monday and rose again a week later, said traders on Friday."
    gold = gold_doc(
        text,
        timex(text, "Monday", "DATE", "2020-01-06"),
        timex(text, "a week later", "DATE", "2020-W03"),
        name="markets.tml",
    )
    system = [
        timex(text, "Monday", "DATE", "2020-01-13"),
        timex(text, "Friday", "DATE", "2020-01-10"),
    ]
    report = format_report(score_documents([(gold, system)]), errors=True)
    lines = report.splitlines()
    assert "differences: MISS 1, EXTRA 1, WRONG 1, SPAN 0" in lines
    wrong = next(line for line in lines if line.startswith("WRONG"))
    assert "markets.tml" in wrong and "'Monday'" in wrong
    assert "gold DATE 2020-01-06 vs system DATE 2020-01-13" in wrong
    assert "[Monday]" in wrong and "fell on" in wrong  # context around the span
    miss = next(line for line in lines if line.startswith("MISS"))
    assert "'a week later'" in miss and "gold DATE 2020-W03" in miss
    extra = next(line for line in lines if line.startswith("EXTRA"))
    assert "'Friday'" in extra and "system DATE 2020-01-10" in extra
    assert "WRONG" not in format_report(score_documents([(gold, system)]))


def test_report_shows_counts_and_strict_relaxed_type_value_figures():
    text = "Sales fell last week."
    gold = gold_doc(text, timex(text, "last week", "DATE", "2020-W01"))
    report = format_report(score_documents([(gold, [timex(text, "week", "DATE", "2020-W02")])]))
    assert "gold 1, system 1, matched 1 relaxed, 0 strict" in report
    rows = {line.split()[0]: line.split()[1:] for line in report.splitlines()[4:8]}
    assert rows["strict"] == ["0.00", "0.00", "0.00"]
    assert rows["relaxed"] == ["100.00", "100.00", "100.00"]
    assert rows["type"] == ["100.00", "100.00", "100.00", "100.00"]
    assert rows["value"] == ["0.00", "0.00", "0.00", "0.00"]


def test_evaluate_dirs_pairs_files_by_name_and_scores_a_missing_system_file_as_empty(tmp_path):
    system = tmp_path / "system" / "nested"
    for path in (WSJ, NYT):  # no system file for XIE
        doc = read_timeml(path)
        write_timeml(doc, doc.timexes[:-1], out_path=system / path.name)  # drop the last one
    scores = evaluate_dirs(GOLD, tmp_path / "system")
    assert (scores.documents, scores.gold) == (3, 18)
    assert (scores.system, scores.relaxed) == (5 - 1 + 8 - 1, 11)
    assert [(Path(e.path).name, e.reason) for e in scores.errors] == [
        ("XIE19990227.0171.tml", "no system file; scored as empty")
    ]
    assert "note:" in format_report(scores) and "XIE19990227.0171.tml" in format_report(scores)


def test_a_broken_system_file_is_noted_and_scored_as_empty(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "wsj_0805.tml").write_bytes(WSJ.read_bytes())
    system = tmp_path / "system"
    system.mkdir()
    (system / "wsj_0805.tml").write_bytes(TRUNCATED.read_bytes())
    scores = evaluate_dirs(gold, system)
    assert (scores.gold, scores.system, scores.relaxed) == (5, 0, 0)
    [error] = scores.errors
    assert error.path.endswith("wsj_0805.tml") and "not well-formed XML" in error.reason


def test_a_system_text_that_differs_from_gold_is_noted(tmp_path):
    doc = read_timeml(WSJ)
    write_timeml(doc.text.replace("today", "TODAY"), doc.timexes, doc.dct, tmp_path / WSJ.name)
    scores = evaluate_dirs(WSJ, tmp_path / WSJ.name)
    [error] = scores.errors
    assert f"differs from gold at char {doc.timexes[0].start}" in error.reason


def test_evaluate_dirs_names_a_missing_folder():
    with pytest.raises(ValueError, match="system folder '/no/such/dir' does not exist"):
        evaluate_dirs(GOLD, "/no/such/dir")


# --- tag_paths (needs the tagger) ------------------------------------------------------------
def test_tag_paths_writes_the_good_files_and_names_the_broken_one(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in (WSJ, ARTICLE, TRUNCATED):
        (inputs / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    written, errors = tag_paths([inputs], out, dct="2020-01-06")
    assert written == 2
    assert [(Path(e.path).name, e.reason.split(":")[0]) for e in errors] == [
        ("truncated.tml", "not well-formed XML")
    ]
    tagged_wsj = read_timeml(out / "wsj_0805.tml")
    assert tagged_wsj.text == read_timeml(WSJ).text
    assert tagged_wsj.dct == date(1989, 10, 27)  # its own DCT wins over dct=
    tagged_article = read_timeml(out / f"{ARTICLE.name}.tml")
    assert tagged_article.text == ARTICLE.read_text(encoding="utf-8")
    assert tagged_article.dct == date(2020, 1, 6)
    for doc in (tagged_wsj, tagged_article):
        assert doc.timexes and all(t.value and t.type for t in doc.timexes)
    assert not (out / "truncated.tml").exists()


@pytest.mark.parametrize("bad", ["yesterday", "2020-13-45", "06/01/2020"])
def test_a_bad_dct_is_a_one_line_value_error_naming_it_before_anything_is_written(tmp_path, bad):
    with pytest.raises(ValueError) as err:
        tag_paths([ARTICLE, WSJ], tmp_path / "out", dct=bad)
    assert repr(bad) in str(err.value) and "YYYY-MM-DD" in str(err.value)
    assert "\n" not in str(err.value)
    assert not (tmp_path / "out").exists()


def test_plain_text_without_a_dct_fails_alone_while_timeml_with_its_own_dct_is_tagged(tmp_path):
    written, errors = tag_paths([ARTICLE, WSJ, LATIN1, tmp_path / "gone.txt"], tmp_path / "out")
    assert written == 1 and (tmp_path / "out" / "wsj_0805.tml").exists()
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert "--dct YYYY-MM-DD" in reasons[ARTICLE.name]
    assert reasons["latin1.txt"].startswith("plain text needs a reference date")
    assert reasons["gone.txt"] == "no such file or folder"


def test_a_text_file_that_is_not_utf8_is_named_and_skipped(tmp_path):
    written, errors = tag_paths([LATIN1, WSJ], tmp_path / "out", dct="1998-02-03")
    assert written == 1
    [error] = errors
    assert error.path.endswith("latin1.txt") and error.reason.startswith("not UTF-8 text")


def test_tag_paths_refuses_to_overwrite_its_input(tmp_path):
    (tmp_path / WSJ.name).write_bytes(WSJ.read_bytes())
    written, errors = tag_paths([tmp_path], tmp_path)
    assert written == 0 and "overwrite the input" in errors[0].reason
    assert (tmp_path / WSJ.name).read_bytes() == WSJ.read_bytes()


def test_an_earlier_output_folder_inside_the_input_folder_is_not_tagged_again(tmp_path):
    (tmp_path / WSJ.name).write_bytes(WSJ.read_bytes())
    assert tag_paths([tmp_path], tmp_path / "out") == (1, [])
    assert tag_paths([tmp_path], tmp_path / "out") == (1, [])
    assert [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*.tml"))] == [
        "out/wsj_0805.tml",
        "wsj_0805.tml",
    ]


# --- command line ----------------------------------------------------------------------------
def test_cli_evaluate_prints_the_figures_and_every_difference(tmp_path):
    system = tmp_path / "system"
    for path in (WSJ, NYT, XIE):
        doc = read_timeml(path)
        write_timeml(doc, doc.timexes[1:], out_path=system / path.name)  # miss the first
    result = run_cli("evaluate", str(GOLD), str(system), "--errors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "gold 18, system 15, matched 15 relaxed, 15 strict" in result.stdout
    for row in ("strict", "relaxed", "type", "value"):
        assert any(line.startswith(row) for line in result.stdout.splitlines())
    assert result.stdout.count("\nMISS ") == 3 and "'today'" in result.stdout
    assert "Traceback" not in result.stderr


def test_cli_evaluate_of_a_missing_folder_is_one_line_without_traceback(tmp_path):
    result = run_cli("evaluate", str(GOLD), str(tmp_path / "absent"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "absent" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_tag_then_evaluate_runs_end_to_end(tmp_path):
    out = tmp_path / "system"
    result = run_cli("tag", str(GOLD), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in GOLD.iterdir())
    assert "Traceback" not in result.stderr
    report = run_cli("evaluate", str(GOLD), str(out), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "TempEval-3 Task A: 3 document(s)" in report.stdout and "gold 18" in report.stdout


def test_cli_tag_skips_a_broken_file_with_one_line_and_a_bad_dct_stops_with_one(tmp_path):
    result = run_cli("tag", str(TRUNCATED), str(WSJ), "-o", str(tmp_path / "o"), cwd=tmp_path)
    assert result.returncode == 0
    assert f"timeline: skipped {TRUNCATED}: not well-formed XML" in result.stderr
    assert (tmp_path / "o" / "wsj_0805.tml").exists()
    assert "Traceback" not in result.stderr
    bad = run_cli(
        "tag", str(ARTICLE), "-o", str(tmp_path / "p"), "--dct", "yesterday", cwd=tmp_path
    )
    assert bad.returncode == 2
    assert bad.stderr.strip() == (
        "timeline: error: invalid --dct 'yesterday': expected a real date YYYY-MM-DD"
    )


def test_benchmark_script_runs_and_prints_speed_and_figures_per_corpus():
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_tag.py"), str(GOLD), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    first, _, header, *rows = result.stdout.splitlines()
    assert first.startswith("3 docs,") and "docs/s" in first and "MB/s" in first
    assert header.split()[:5] == ["corpus", "docs", "gold", "sys", "match"]
    assert [row.split()[:3] for row in rows] == [["tbaq", "3", "18"], ["ALL", "3", "18"]]
