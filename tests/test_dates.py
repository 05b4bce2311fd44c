"""`timeline.dates`: a corpus of dates as people and metadata write them, and of what is refused.

Every accepted form of the five older parsers (reference.parse_date, reference.metadata_date,
tagger.reference_day, timeml.parse_dct, timeml._date_in) is in the corpus.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from timeline.dates import (
    AMBIGUOUS,
    REFUSALS_IN_A_ROW,
    DateColumn,
    DateError,
    parse_date,
    user_date,
)

MONDAY = date(2020, 1, 6)
ROOT = Path(__file__).resolve().parents[1]

# input as written -> the calendar date it gives (ISO)
CORPUS = [
    # ISO 8601, with and without a time and a zone: the local date as written
    ("2020-01-06", "2020-01-06"),
    ("2020-1-6", "2020-01-06"),
    ("2020/01/06", "2020-01-06"),
    ("2020.01.06", "2020-01-06"),
    ("2020-01-06T10:00:00Z", "2020-01-06"),
    ("2020-01-06T14:03:00.000+0000", "2020-01-06"),
    ("2020-01-06 14:03:00 UTC", "2020-01-06"),
    ("2020-01-06T23:30:00-05:00", "2020-01-06"),  # late evening in New York: not UTC's Jan 7
    ("2020-01-06T00:15:00+14:00", "2020-01-06"),  # just after midnight in Kiribati: not Jan 5
    ("2020-01-06T14:03:00.123456789", "2020-01-06"),  # numpy datetime64 as a string
    ("2020-01-06T14:03:00+01:00[Europe/Paris]", "2020-01-06"),
    ("  2020-01-06  ", "2020-01-06"),
    ("２０２０-０１-０６", "2020-01-06"),  # full-width digits
    # compact, and TimeML DCT values and texts
    ("20200106", "2020-01-06"),
    ("19980108", "1998-01-08"),
    ("19980108T1200", "1998-01-08"),
    ("1998-01-08T12:00", "1998-01-08"),
    ("1998-01-08TEV", "1998-01-08"),  # TimeML: the evening of January 8
    ("2020-W02-1", "2020-01-06"),  # ISO week date (date.fromisoformat reads it too)
    ("2020W021", "2020-01-06"),
    ("10/27/89", "1989-10-27"),
    # RFC 822 (feeds), as the test inputs have them
    ("Mon, 06 Jan 2020 14:03:00 GMT", "2020-01-06"),
    ("Mon, 06 Jan 2020 23:30:00 -0500", "2020-01-06"),  # late evening, -0500: its own day
    ("Thu, 02 Jan 2020 09:40:00 +0700", "2020-01-02"),
    ("Thu, 09 Jan 2020 16:45:00 +0000", "2020-01-09"),
    ("6 Jan 20 14:03 GMT", "2020-01-06"),
    ("Sat, 29 Feb 2020 10:00:00 +0000", "2020-02-29"),
    ("Mon Jan 06 2020 14:03:00 GMT-0500 (Eastern Standard Time)", "2020-01-06"),
    ("Mon Jan 6 14:03:00 2020", "2020-01-06"),  # asctime
    # English in words (CSV, front matter, bylines)
    ("January 6, 2020", "2020-01-06"),
    ("Jan. 6, 2020", "2020-01-06"),
    ("Jan 6th, 2020 3:04PM EST", "2020-01-06"),
    ("Monday, January 6, 2020 at 11:30 p.m. EST", "2020-01-06"),
    ("January 6 2020 at 3:04 pm", "2020-01-06"),
    ("Monday, 6 January 2020", "2020-01-06"),
    ("6 January, 2020", "2020-01-06"),
    ("6th of January 2020", "2020-01-06"),
    ("Sept. 30, 2019", "2019-09-30"),
    ("JANUARY 6, 2020", "2020-01-06"),
    ("06-Jan-2020", "2020-01-06"),
    ("6/Jan/2020", "2020-01-06"),
    ("Jan 6, 89", "1989-01-06"),  # two-digit years: 69-99 are 19xx, 00-68 are 20xx (POSIX)
    # numeric day and month: one above 12 says which is the day; dots are day.month.year
    ("25/10/1989", "1989-10-25"),
    ("10/25/89", "1989-10-25"),
    ("13/02/2020", "2020-02-13"),
    ("02-13-2020", "2020-02-13"),
    ("06/06/2020", "2020-06-06"),  # either way round, the same day
    ("06.01.2020", "2020-01-06"),
    ("6.1.2020 14:03", "2020-01-06"),
    ("13/02/2020 23:59", "2020-02-13"),
    # other languages, by dateparser
    ("6 janvier 2020", "2020-01-06"),
    ("lundi 6 janvier 2020", "2020-01-06"),
    ("le 6 janvier 2020 à 14h03", "2020-01-06"),
    ("6 janv. 2020", "2020-01-06"),
    ("6. Januar 2020", "2020-01-06"),
    ("6 de enero de 2020", "2020-01-06"),
    ("6 de enero del 2020, 14:03", "2020-01-06"),
    ("6 gennaio 2020", "2020-01-06"),
    ("6 januari 2020", "2020-01-06"),
    ("6 stycznia 2020", "2020-01-06"),
    ("6 января 2020", "2020-01-06"),
    ("20 января 2020 г.", "2020-01-20"),
    ("2020年1月6日", "2020-01-06"),
    ("6 ago 2020", "2020-08-06"),  # Spanish/Italian "agosto", not "ago"
    ("٦ يناير ٢٠٢٠", "2020-01-06"),
    ("6 janvier 2020 23:30 -0500", "2020-01-06"),  # a zone in the long tail is not converted
]

# input -> a fragment of the reason DateError gives
REFUSED = [
    # not one full date: a part missing (never filled from the clock)
    ("March 2020", "not a full date: no day"),
    ("January 2020", "not a full date: no day"),
    ("janvier 2020", "not a full date: no day"),
    ("Nov. 4", "not a full date: no year"),
    ("6 January", "not a full date: no year"),
    ("6 janvier", "not a full date: no year"),
    ("2020", "not a full date: no day or month"),
    ("2020-01", "not a full date: no day"),
    ("6/1", "not a full date: no year"),
    ("Monday", "not a date"),
    ("at 3pm", "not a full date"),
    # relative: depends on the day it was written (never the clock)
    ("yesterday", "relative"),
    ("today", "relative"),
    ("now", "relative"),
    ("tomorrow", "relative"),
    ("2 days ago", "relative"),
    ("in 2 days", "relative"),
    ("next week", "relative"),
    ("hier", "relative"),
    ("il y a 2 jours", "relative"),
    ("vor 2 Tagen", "relative"),
    # impossible
    ("2020-13-45", "month must be in 1..12"),
    ("2020-02-30", "day is out of range for month (February 2020 has 29 days)"),
    ("February 30, 2020", "day is out of range for month"),
    ("30 février 2020", "day is out of range for month"),
    ("20191301", "month must be in 1..12"),
    ("2019-W53-1", "week must be in 1..52"),
    ("29 Feb 2019", "February 2019 has 28 days"),
    ("13/14/2020", "month must be in 1..12"),
    ("2020-01-06T25:00", "impossible time of day (25:00)"),
    ("Jan 6, 2020 13:00 PM", "impossible time of day"),
    (
        "Tuesday, January 6, 2020",
        "the weekday does not match: 2020-01-06 is a Monday, not a Tuesday",
    ),
    ("Tue, 06 Jan 2020 14:03:00 GMT", "the weekday does not match"),
    ("20 Jan 6", "the year is not written in full"),  # dateparser would take 20 for 2020
    ("6 janv. 20", "the year is not written in full"),
    # ambiguous numeric day and month
    ("01/02/2020", AMBIGUOUS),
    ("06/01/2020 14:03", AMBIGUOUS),
    ("1/8/98", AMBIGUOUS),
    ("01-02-2020", AMBIGUOUS),
    ("Published 01/02/2020", AMBIGUOUS),  # not handed to dateparser to guess
    # not a date at all
    ("soon", "not a date"),
    ("1578268800", "not a date"),  # a Unix time is not a date a person gives
    ("Posted on January 6, 2020 by admin", "not a date"),
    ("Updated 2020-01-06", "not a date"),
    ("from January 6 to 8, 2020", "not a date"),
    ("6 January 2020 and 7 January 2020", "not a date"),
    ("Room 6, January 2020", "not a date"),
    ("x" * 101 + " January 6, 2020", "too long"),
    ("", "no date (empty)"),
    (None, "no date (empty)"),
    (float("nan"), "no date (empty)"),
    ("nan", "no date (empty)"),
    ("null", "no date (empty)"),
]


@pytest.mark.parametrize("written, iso", CORPUS, ids=[c[0] for c in CORPUS])
def test_a_written_date_gives_its_calendar_date(written, iso):
    assert parse_date(written).isoformat() == iso


@pytest.mark.parametrize("written, reason", REFUSED, ids=[repr(c[0])[:40] for c in REFUSED])
def test_what_is_not_one_full_date_is_refused_with_its_reason(written, reason):
    with pytest.raises(DateError) as caught:
        parse_date(written)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message and isinstance(caught.value, ValueError)


def test_objects_give_their_own_calendar_date():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    evening = datetime(2020, 1, 6, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert parse_date(MONDAY) == MONDAY
    assert parse_date(datetime(2020, 1, 6, 14, 30)) == MONDAY
    assert parse_date(evening) == MONDAY  # its own zone's date, not UTC's
    assert parse_date(pd.Timestamp("2020-01-06 23:30", tz="America/New_York")) == MONDAY
    assert parse_date(np.datetime64("2020-01-06T23:30")) == MONDAY
    assert parse_date(20200106) == MONDAY
    with pytest.raises(DateError, match=r"^no date \(empty\)$"):
        parse_date(pd.NaT)


@pytest.mark.parametrize(
    "written, day_first, iso",
    [
        ("01/02/2020", True, "2020-02-01"),
        ("01/02/2020", False, "2020-01-02"),
        ("1/8/98", False, "1998-01-08"),  # a TimeML DCT text (US newswire: month first)
        ("06.01.2020", False, "2020-06-01"),  # the caller's order wins over the dots
        ("Published 01/02/2020", True, None),  # the order is decided; the words are not a date
    ],
)
def test_a_caller_that_knows_its_source_s_order_reads_numeric_dates(written, day_first, iso):
    if iso is None:
        with pytest.raises(DateError, match="^not a date$"):
            parse_date(written, day_first=day_first)
    else:
        assert parse_date(written, day_first=day_first).isoformat() == iso


def test_a_known_order_still_refuses_an_impossible_date():
    with pytest.raises(DateError, match="month must be in 1..12"):
        parse_date("25/10/1989", day_first=False)


@pytest.mark.parametrize(
    "written, message",
    [
        ("yesterday", "'yesterday' is not a date: relative to the day it was written, not a "
         "calendar date (use YYYY-MM-DD)"),
        ("soon", "'soon' is not a date (use YYYY-MM-DD)"),
        ("2020-02-30", "'2020-02-30' is not a date: day is out of range for month "
         "(February 2020 has 29 days) (use YYYY-MM-DD)"),
        ("01/02/2020", f"'01/02/2020' is not a date: {AMBIGUOUS}"),  # one hint, not two
    ],
)  # fmt: skip
def test_user_date_names_the_value_and_says_how_to_write_a_date(written, message):
    with pytest.raises(DateError) as caught:
        user_date(written)
    assert str(caught.value) == message


def test_user_date_reads_what_parse_date_reads():
    assert user_date("6 janvier 2020") == user_date(" 2020-01-06 ") == MONDAY


# --- never from the clock ---------------------------------------------------------------------
# Each of these would give a date if a missing part, or the date itself, came from today.
CLOCK_LEAKS = [
    "today", "now", "yesterday", "tomorrow", "this week", "last week", "2 days ago", "in 3 days",
    "Monday", "last Monday", "at 3pm", "noon", "January", "6 January", "January 6", "Nov. 4",
    "4 nov", "March 2020", "2020", "the 6th", "6", "aujourd'hui", "heute", "hoy", "сегодня",
    "6 janvier", "6. Januar", "1/2",
]  # fmt: skip


@pytest.mark.parametrize("written", CLOCK_LEAKS)
def test_no_part_of_a_date_comes_from_the_clock(written):
    with pytest.raises(DateError):
        parse_date(written)


def test_the_machine_time_zone_changes_no_date():
    """In a subprocess whose local zone is +14 or -11, late and early times keep their day."""
    code = (
        "from timeline.dates import parse_date\n"
        "for text in ['2020-01-06T23:30:00-05:00', 'Mon, 06 Jan 2020 23:30:00 -0500',\n"
        "             'Jan 6, 2020 11:30 PM EST', '6 janvier 2020 23:30 -0500',\n"
        "             '2020-01-06T00:15:00+14:00', '6 janvier 2020 00:15 +1400']:\n"
        "    assert parse_date(text).isoformat() == '2020-01-06', text\n"
    )
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        env = {**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr


def test_the_common_forms_do_not_import_dateparser():
    """dateparser is imported on first use of the long tail only (a CSV of ISO dates never)."""
    code = (
        "import sys\n"
        "from timeline.dates import parse_date\n"
        "for text in ['2020-01-06', '2020-01-06T23:30:00-05:00', '20200106',\n"
        "             'Mon, 06 Jan 2020 14:03:00 GMT', 'January 6, 2020', '13/02/2020']:\n"
        "    parse_date(text)\n"
        "assert 'dateparser' not in sys.modules\n"
        "parse_date('6 janvier 2020')\n"
        "assert 'dateparser' in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_repeated_value_gives_the_same_answer():
    assert parse_date("6 janvier 2020") == parse_date("6 janvier 2020") == MONDAY
    for _ in range(2):
        with pytest.raises(DateError, match="not a full date: no year"):
            parse_date("6 janvier")


# --- a column of dates -----------------------------------------------------------------------
HEADLINES = [f"Council meets {n} times over the budget" for n in range(2, 40)]


def test_the_common_forms_only_refuse_what_needs_dateparser_without_calling_it():
    assert parse_date("Mon, 06 Jan 2020 14:03:00 GMT", long_tail=False) == MONDAY
    with pytest.raises(DateError, match="^not a date$"):
        parse_date("6 janvier 2020", long_tail=False)


def test_a_column_of_text_stops_reaching_dateparser_after_twenty_refusals_in_a_row():
    column = DateColumn("headline")
    for headline in HEADLINES[:REFUSALS_IN_A_ROW]:
        with pytest.raises(DateError):
            column.parse(headline)
    assert column.note == (
        f"column 'headline' does not hold dates ({REFUSALS_IN_A_ROW} values in a row are not, "
        f"e.g. '{HEADLINES[REFUSALS_IN_A_ROW - 1]}': not a date); its other values are read only "
        "in the common forms (ISO 8601, RFC 822, English)"
    )
    assert column.parse("2020-01-06") == MONDAY  # the common forms are still read
    with pytest.raises(DateError, match="^not a date$"):
        column.parse("6 janvier 2020")  # dateparser would read it: it is no longer asked


def test_a_date_column_with_some_bad_values_keeps_reading_every_form():
    column = DateColumn("published")
    for n in range(REFUSALS_IN_A_ROW * 2):
        if n % 10 == 0:
            column.parse("2020-01-06")
        with pytest.raises(DateError):
            column.parse("n/a")
    assert column.note == ""
    assert column.parse("6 janvier 2020") == MONDAY


def test_empty_cells_do_not_count_as_refusals():
    column = DateColumn("date")
    for _ in range(REFUSALS_IN_A_ROW * 2):
        with pytest.raises(DateError, match="empty"):
            column.parse("")
    assert column.note == "" and column.parse("6 janvier 2020") == MONDAY
