"""Clock times to the second ("10:35:20 a.m."), in words ("4 in the morning"), in local time
("0800 local time"), and race times ("2:05:33", "3:59.4").

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3: a clock time is a TIME whose value
is the date and Thh:mm:ss (seconds only where written; "in the morning" is a.m., "in the
evening" p.m.); a race time is how long something took,
so a DURATION, PTnHnMnS, with fractions of a second kept ("PT3M59.4S").
"""

from __future__ import annotations

from datetime import datetime

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case, timex_of

CASES = [
    case("The first blast came at 10:35:20 a.m., police said.", "10:35:20 a.m.", "TIME",
         "2020-01-06T10:35:20", id="clock-with-seconds"),
    case("The market closed at 16:00:00 GMT.", "16:00:00 GMT", "TIME", "2020-01-06T16:00:00",
         id="clock-with-seconds-and-zone"),
    case("Kipchoge won the marathon in 2:05:33, a course record.", "2:05:33", "DURATION",
         "PT2H5M33S", id="marathon-time"),
    case("He ran the mile in 3:59.4 at Oxford.", "3:59.4", "DURATION", "PT3M59.4S",
         id="mile-time-with-tenths"),
    case("Her winning time of 1:02:07 was a record.", "1:02:07", "DURATION", "PT1H2M7S",
         id="time-of"),
    case("The father said he would leave at 4 in the morning.", "4 in the morning", "TIME",
         "2020-01-06T04:00", id="hour-in-the-morning"),
    case("The rally began at 7 in the evening on Friday.", "7 in the evening on Friday", "TIME",
         "2020-01-03T19:00", id="hour-in-the-evening-and-day"),
    case("The meeting starts at 0800 local time.", "0800 local time", "TIME",
         "2020-01-06T08:00", id="military-hour-local-time"),
    case("The summit begins at 9 a.m. Brussels time on Thursday.",
         "9 a.m. Brussels time on Thursday", "TIME", "2020-01-09T09:00",
         id="a-city-time-then-the-day"),
    case("At 11:45 p.m. on New Year's Eve, the power went out.", "11:45 p.m. on New Year's Eve",
         "TIME", "2019-12-31T23:45", id="a-clock-time-on-a-holiday"),
    case("Voting ended at 7 o'clock on Sunday evening.", "7 o'clock on Sunday evening", "TIME",
         "2020-01-05T19:00", id="o-clock-on-a-weekday-evening"),
    case("The launch is set for 6:36 p.m. EDT (2236 GMT) on April 7.", "6:36 p.m. EDT", "TIME",
         "2020-04-07T18:36", id="a-clock-then-its-zone-in-brackets-then-the-day"),
    case("Bolt ran the 100 metres in 9.58 seconds.", "9.58 seconds", "DURATION", "PT9.58S",
         id="seconds-keep-their-fraction"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_clock_and_race_times_keep_their_seconds(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


def test_a_clock_time_to_the_second_is_one_second_long():
    t = timex_of("The first blast came at 10:35:20 a.m., police said.", "10:35:20 a.m.")
    assert (t.interval_start, t.interval_end) == (
        datetime(2020, 1, 6, 10, 35, 20), datetime(2020, 1, 6, 10, 35, 21),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The ratio was 3:2 on Friday.", "3:2", id="ratio"),
        pytest.param("Read John 3:16 before Friday's service.", "3:16", id="verse"),
        pytest.param("He was one of 4 in the morning class on Friday.", "4",
                     id="a-count-before-in-the-morning"),
    ],
)  # fmt: skip
def test_numbers_with_colons_that_are_no_time_are_not_tagged(sentence, word):
    assert_not_tagged(sentence, word)
