"""The tagger's corpus: news sentences → the timex they hold (surface text, TIMEX3 type, value).

Read like Duckling's corpus: one pinned dateline for every case, a table per kind of expression,
and a negative corpus of strings that are not times. Values and spans follow ISO-TimeML and the
TimeBank annotation ("Friday" alone is the span, not "on Friday"). Cases the tagger gets wrong
today are kept with the right value and marked `gap(...)` (strict xfail) until the tagger is fixed.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import timeline
from timeline.tagger.timex import Timex

DATELINE = date(2020, 1, 6)  # a Monday


def gap(what: str) -> pytest.MarkDecorator:
    """A case the tagger gets wrong today: kept with the right value, expected to fail."""
    return pytest.mark.xfail(strict=True, reason=f"tagger: {what}")


def found(sentence: str, dct=DATELINE) -> list[tuple[str, str, str]]:
    """(text, type, value) of every timex in `sentence`, for assertion messages."""
    return [(t.text, t.type, t.value) for t in timeline.tag(sentence, dct)]


def timex_of(sentence: str, text: str, dct=DATELINE) -> Timex:
    """The timex whose surface is exactly `text` (spans are exact, not "on Friday" for "Friday")."""
    timexes = timeline.tag(sentence, dct)
    matches = [t for t in timexes if t.text == text]
    assert matches, f"{text!r} not tagged in {sentence!r}; got {found(sentence, dct)}"
    t = matches[0]
    assert sentence[t.start : t.end] == text
    return t


def assert_tagged(sentence: str, text: str, type_: str, value: str) -> None:
    t = timex_of(sentence, text)
    assert (t.type, t.value) == (type_, value), f"{text!r}: got {(t.type, t.value)}"


# --- explicit dates in news forms ----------------------------------------------------------------
EXPLICIT_DATES = [
    pytest.param("The strike was ordered on December 29, 2019, officials said.",
                 "December 29, 2019", "DATE", "2019-12-29", id="month-day-year"),
    pytest.param("Militia supporters stormed the embassy compound on Dec. 31.",
                 "Dec. 31", "DATE", "2019-12-31", id="abbreviated-month-day"),
    pytest.param("Exports to China fell on Dec. 29.",
                 "Dec. 29", "DATE", "2019-12-29", id="dec-29"),
    pytest.param("A rocket attack killed an American contractor on Dec. 27 near Kirkuk.",
                 "Dec. 27", "DATE", "2019-12-27", id="abbreviated-month-day-before-place"),
    pytest.param("The ministry issued its statement on 29 December 2019.",
                 "29 December 2019", "DATE", "2019-12-29", id="day-month-year"),
    pytest.param("The contract, signed 12/29/2019, runs until the end of the decade.",
                 "12/29/2019", "DATE", "2019-12-29", id="slash-date"),
    pytest.param("The notice, published 21/03/2019, gave a month's warning.", "21/03/2019",
                 "DATE", "2019-03-21", id="slash-date-day-first"),
    pytest.param("The meeting took place on 12.11.2019 in Geneva.", "12.11.2019", "DATE",
                 "2019-11-12", id="dotted-date-day-first"),
    pytest.param("Reliance will hold its meeting on 24 June next year.", "24 June next year",
                 "DATE", "2021-06-24", id="day-month-next-year"),
    pytest.param("Parts of Wales have had their driest March since 1990.", "March", "DATE",
                 "2019-03", id="a-capitalised-march-mid-sentence-is-the-month"),
    pytest.param("The court filing is dated 2019-12-29.",
                 "2019-12-29", "DATE", "2019-12-29", id="iso-date"),
    pytest.param("Shares of the company closed lower on the 29th, traders said.",
                 "the 29th", "DATE", "2019-12-29", id="the-29th-past-is-last-month"),
    pytest.param("The agreement was reached on Sunday, Dec. 29, after two days of talks.",
                 "Sunday, Dec. 29", "DATE", "2019-12-29", id="weekday-comma-month-day"),
    pytest.param("The talks are set to resume on Jan. 14 in Geneva.",
                 "Jan. 14", "DATE", "2020-01-14", id="month-day-future"),
    pytest.param("The Fed meets on Jan. 28-29 to set rates.",
                 "Jan. 28", "DATE", "2020-01-28", id="first-day-of-a-day-range"),
    pytest.param("The presidential election will be held on Nov. 3.",
                 "Nov. 3", "DATE", "2020-11-03", id="month-day-future-ten-months-ahead"),
    pytest.param("The treaty was signed on July 4, 1776, in Philadelphia.",
                 "July 4, 1776", "DATE", "1776-07-04", id="eighteenth-century-date"),
    pytest.param("Protests began in June 2019 and spread across Hong Kong.",
                 "June 2019", "DATE", "2019-06", id="month-year"),
    pytest.param("The company went public in September of 2018.",
                 "September of 2018", "DATE", "2018-09", id="month-of-year"),
    pytest.param("Inflation data for 2019-11 were revised on Friday.",
                 "2019-11", "DATE", "2019-11", id="iso-month"),
    pytest.param("Revenue was $76 million for the year ended March 31.",
                 "March 31", "DATE", "2019-03-31", id="year-ended-march-31-lies-behind"),
    pytest.param("The case may be resolved at a court hearing the week of March 6.",
                 "the week of March 6", "DATE", "2020-W10", id="the-week-of-a-day"),
    pytest.param("The report was filed at 2019-12-29T14:30Z.",
                 "2019-12-29T14:30Z", "TIME", "2019-12-29T14:30", id="iso-date-and-time"),
    pytest.param("Jobless claims for the week ending Jan. 3 fell.",
                 "the week ending Jan. 3", "DATE", "2020-W01", id="the-week-ending-a-day"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), EXPLICIT_DATES)
def test_explicit_dates_resolve_to_their_calendar_value(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


# --- years, decades, centuries ---------------------------------------------------------------------
YEARS = [
    pytest.param("The nuclear agreement was signed in 2015.",
                 "2015", "DATE", "2015", id="bare-year"),
    pytest.param("In 1979, students seized the U.S. embassy in Tehran.",
                 "1979", "DATE", "1979", id="bare-year-sentence-start"),
    pytest.param("Iraq lived under United Nations sanctions through the 1990s.",
                 "the 1990s", "DATE", "199", id="the-1990s"),
    pytest.param("Oil prices were far lower in the '90s than they are today.",
                 "the '90s", "DATE", "199", id="the-apostrophe-90s"),
    pytest.param("The city grew rapidly in the 1920s.",
                 "the 1920s", "DATE", "192", id="the-1920s"),
    pytest.param("The shrine in Samarra dates to the 19th century.",
                 "the 19th century", "DATE", "18", id="the-19th-century"),
    pytest.param("It was the deadliest conflict of the twentieth century.",
                 "the twentieth century", "DATE", "19", id="the-twentieth-century"),
    pytest.param("Drone warfare has defined the 21st century so far.",
                 "the 21st century", "DATE", "20", id="the-21st-century"),
    pytest.param("The railway to Basra was built in the 1800s.",
                 "the 1800s", "DATE", "18", id="the-1800s-is-a-century"),
    pytest.param("The law was passed in the year 2000.",
                 "the year 2000", "DATE", "2000", id="the-year-2000"),
    pytest.param("The station first went on the air in nineteen ninety-six.",
                 "nineteen ninety-six", "DATE", "1996", id="spelled-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), YEARS)
def test_years_decades_and_centuries_get_their_truncated_values(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


# --- quarters, halves, fiscal years ---------------------------------------------------------------
QUARTERS = [
    pytest.param("Profit rose 10 percent in the third quarter, the company said.",
                 "the third quarter", "DATE", "2019-Q3", id="the-third-quarter-past"),
    pytest.param("Revenue fell in Q3, the company reported.",
                 "Q3", "DATE", "2019-Q3", id="q3-past"),
    pytest.param("Apple reported third-quarter earnings last month.",
                 "third-quarter", "DATE", "2019-Q3", id="third-quarter-adjective"),
    pytest.param("Sales in the fourth quarter of 2018 were flat.",
                 "the fourth quarter of 2018", "DATE", "2018-Q4", id="quarter-of-year"),
    pytest.param("Smartphone shipments peaked in Q2 2019.",
                 "Q2 2019", "DATE", "2019-Q2", id="q2-year"),
    pytest.param("The company expects a loss in fiscal 2020.",
                 "fiscal 2020", "DATE", "2020", id="fiscal-year"),
    pytest.param("The company expects growth to slow in the first half.",
                 "the first half", "DATE", "2020-H1", id="the-first-half-future"),
    pytest.param("Sales rose 5 percent in the first half, the company said.",
                 "the first half", "DATE", "2019-H1", id="the-first-half-past-is-the-last-full-one"),
    pytest.param("Imports fell sharply in the first half of 2019.",
                 "the first half of 2019", "DATE", "2019-H1", id="the-first-half-of-year"),
    pytest.param("Analysts expect margins to improve in the second quarter.",
                 "the second quarter", "DATE", "2020-Q2", id="the-second-quarter-future"),
    pytest.param("Margins improved in H1 2019.", "H1 2019", "DATE", "2019-H1", id="h1-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), QUARTERS)
def test_quarters_and_halves_take_their_year_from_text_or_dateline(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


# --- seasons -------------------------------------------------------------------------------------------
SEASONS = [
    pytest.param("The offensive against the militants began last summer.",
                 "last summer", "DATE", "2019-SU", id="last-summer"),
    pytest.param("Anti-government protests peaked in summer 2019.",
                 "summer 2019", "DATE", "2019-SU", id="summer-year"),
    pytest.param("Early elections will be held this spring, the prime minister said.",
                 "this spring", "DATE", "2020-SP", id="this-spring"),
    pytest.param("The new law takes effect next fall.",
                 "next fall", "DATE", "2020-FA", id="next-fall"),
    pytest.param("Officials expect the troops to return in the spring.",
                 "the spring", "DATE", "2020-SP", id="the-spring-future"),
    pytest.param("The harvest failed in the autumn of 2018.",
                 "the autumn of 2018", "DATE", "2018-FA", id="the-autumn-of-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), SEASONS)
def test_seasons_resolve_to_year_and_season_code(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


HOLIDAYS = [
    pytest.param("The embassy was closed on Christmas Day.", "Christmas Day", "2019-12-25",
                 id="christmas-day-past"),
    pytest.param("Retail sales jumped on Thanksgiving.", "Thanksgiving", "2019-11-28",
                 id="thanksgiving-past"),
    pytest.param("Stores will close early on Memorial Day.", "Memorial Day", "2020-05-25",
                 id="memorial-day-future"),
    pytest.param("The vote was set for Election Day 2016.", "Election Day 2016", "2016-11-08",
                 id="election-day-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), HOLIDAYS)
def test_holidays_resolve_to_their_date_in_the_year_the_tense_points_to(sentence, text, value):
    assert_tagged(sentence, text, "DATE", value)


# --- early/mid/late, the end of: the unit's value plus a TIMEX3 mod -------------------------------
BOUNDED = [
    pytest.param("Tensions between Washington and Tehran rose sharply in mid-2019.",
                 "mid-2019", "2019", "MID", id="mid-year"),
    pytest.param("The last U.S. troops will leave early next year.",
                 "early next year", "2021", "START", id="early-next-year"),
    pytest.param("The rockets were fired late last month.",
                 "late last month", "2019-12", "END", id="late-last-month"),
    pytest.param("The base will close by the end of the year.",
                 "the end of the year", "2020", "END", id="the-end-of-the-year"),
    pytest.param("The drawdown was completed by the end of 2019.",
                 "the end of 2019", "2019", "END", id="the-end-of-year"),
    pytest.param("The sanctions were first imposed in early 2018.",
                 "early 2018", "2018", "START", id="early-year"),
    pytest.param("Negotiators met in late November in Oman.",
                 "late November", "2019-11", "END", id="late-month"),
    pytest.param("The strikes resumed in mid-December.",
                 "mid-December", "2019-12", "MID", id="mid-month"),
    pytest.param("The economy boomed in the mid-1990s.",
                 "the mid-1990s", "199", "MID", id="the-mid-decade"),
    pytest.param("The vote is expected at the beginning of next month.",
                 "the beginning of next month", "2020-02", "START", id="the-beginning-of-next-month"),
    pytest.param("Talks will resume in mid-January.",
                 "mid-January", "2020-01", "MID", id="mid-month-future"),
    pytest.param("The refinery was completed in late 2019.",
                 "late 2019", "2019", "END", id="late-year"),
    pytest.param("Cheap oil defined the early 2000s.",
                 "the early 2000s", "200", "START", id="the-early-decade"),
    pytest.param("The troops arrived earlier this week.",
                 "earlier this week", "2020-W02", "START", id="earlier-this-week"),
    pytest.param("The base will close at the end of the month.",
                 "the end of the month", "2020-01", "END", id="the-end-of-the-month"),
    pytest.param("Sales stagnated through the last half of the '80s.",
                 "the last half of the '80s", "198", "END", id="the-last-half-of-a-decade"),
    pytest.param("Reserves stood at $40 billion at end-2019.", "end-2019", "2019", "END",
                 id="end-hyphen-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value", "mod"), BOUNDED)
def test_boundary_words_keep_the_unit_value_and_set_the_mod(sentence, text, value, mod):
    t = timex_of(sentence, text)
    assert (t.type, t.value, t.mod) == ("DATE", value, mod)


# --- relative to the dateline -------------------------------------------------------------------------
RELATIVE = [
    pytest.param("Iraq's parliament voted today to expel U.S. troops.",
                 "today", "DATE", "2020-01-06", id="today"),
    pytest.param("The Pentagon said yesterday that more troops would be sent.",
                 "yesterday", "DATE", "2020-01-05", id="yesterday"),
    pytest.param("The funeral procession will reach Kerman tomorrow.",
                 "tomorrow", "DATE", "2020-01-07", id="tomorrow"),
    pytest.param("The president will address the nation tonight.",
                 "tonight", "TIME", "2020-01-06TNI", id="tonight"),
    pytest.param("Crude oil has risen 4 percent this week.",
                 "this week", "DATE", "2020-W02", id="this-week"),
    pytest.param("Oil prices jumped last week after the strike.",
                 "last week", "DATE", "2020-W01", id="last-week"),
    pytest.param("NATO defense ministers will meet next week.",
                 "next week", "DATE", "2020-W03", id="next-week"),
    pytest.param("The central bank will publish new forecasts this month.",
                 "this month", "DATE", "2020-01", id="this-month"),
    pytest.param("Exports fell 3 percent last month.",
                 "last month", "DATE", "2019-12", id="last-month"),
    pytest.param("The trial is expected to begin next month.",
                 "next month", "DATE", "2020-02", id="next-month"),
    pytest.param("Elections are scheduled for later this year.",
                 "later this year", "DATE", "2020", id="later-this-year"),
    pytest.param("Iran's economy shrank 9 percent last year.",
                 "last year", "DATE", "2019", id="last-year"),
    pytest.param("The treaty expires next year.",
                 "next year", "DATE", "2021", id="next-year"),
    pytest.param("Protesters breached the embassy gate two days ago.",
                 "two days ago", "DATE", "2020-01-04", id="two-days-ago"),
    pytest.param("The ship was seized two weeks ago in the Gulf.",
                 "two weeks ago", "DATE", "2019-W52", id="two-weeks-ago"),
    pytest.param("The sanctions were tightened two months ago.",
                 "two months ago", "DATE", "2019-11", id="two-months-ago"),
    pytest.param("The deal collapsed five years ago.",
                 "five years ago", "DATE", "2015", id="five-years-ago"),
    pytest.param("Three years from now the reactor will be shut.",
                 "Three years from now", "DATE", "2023", id="three-years-from-now"),
    pytest.param("The embassy was attacked the day before yesterday.",
                 "the day before yesterday", "DATE", "2020-01-04", id="the-day-before-yesterday"),
    pytest.param("Protests continued over the weekend in Baghdad.",
                 "the weekend", "DATE", "2020-W01-WE", id="the-weekend-past"),
    pytest.param("Thousands are expected to march this weekend.",
                 "this weekend", "DATE", "2020-W02-WE", id="this-weekend"),
    pytest.param("The dam was finished nearly a quarter century ago.",
                 "nearly a quarter century ago", "DATE", "1995", id="a-quarter-century-ago"),
    pytest.param("The couple divorced a year and a half ago.",
                 "a year and a half ago", "DATE", "2018-07", id="a-year-and-a-half-ago"),
    pytest.param("The new members were just a decade ago under Soviet rule.",
                 "a decade ago", "DATE", "2010", id="just-is-left-out-of-the-span"),
    pytest.param("Protests spread this past weekend.", "this past weekend", "DATE",
                 "2020-W01-WE", id="this-past-weekend"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), RELATIVE)
def test_relative_expressions_count_from_the_dateline(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


REFERENCES = [
    pytest.param("Tensions in the region have risen recently, diplomats said.",
                 "recently", "DATE", "PAST_REF", id="recently"),
    pytest.param("About 5,000 U.S. troops are now stationed in Iraq.",
                 "now", "DATE", "PRESENT_REF", id="now"),
    pytest.param("The embassy is currently closed to the public.",
                 "currently", "DATE", "PRESENT_REF", id="currently"),
    pytest.param("More troops will arrive in the coming weeks.",
                 "the coming weeks", "DATE", "FUTURE_REF", id="the-coming-weeks"),
    pytest.param("Officials said more sanctions are possible in the future.",
                 "the future", "DATE", "FUTURE_REF", id="the-future"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), REFERENCES)
def test_vague_references_get_past_present_future_ref(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


# --- weekdays by tense --------------------------------------------------------------------------------
def test_days_before_an_event_are_a_time_the_text_does_not_date():
    t = timex_of("The car was seen in the days before the shooting.", "days")
    assert (t.type, t.value, t.interval_start) == ("DATE", "XXXX-XX", None)


def test_friday_in_monday_story_is_previous_friday():
    assert_tagged(
        "Soleimani was killed in a U.S. strike on Friday.", "Friday", "DATE", "2020-01-03"
    )


PAST_WEEKDAYS = [
    pytest.param("Rockets hit the Green Zone on Sunday.", "Sunday", "2020-01-05", id="sunday"),
    pytest.param("Mourners gathered in Baghdad on Saturday.", "Saturday", "2020-01-04",
                 id="saturday"),
    pytest.param("Trump told reporters Tuesday that Iran would pay.", "Tuesday", "2019-12-31",
                 id="tuesday-six-days-back"),
    pytest.param("Iraq's parliament voted on Monday to expel foreign troops.", "Monday",
                 "2020-01-06", id="monday-is-the-dateline-itself"),
    pytest.param("Oil prices surged on Thursday after the strike.", "Thursday", "2020-01-02",
                 id="thursday"),
    pytest.param("Wednesday's ruling surprised lawyers.", "Wednesday", "2020-01-01",
                 id="possessive-weekday"),
    pytest.param("The ministers met last Thursday in Riyadh.", "last Thursday", "2020-01-02",
                 id="last-thursday"),
    pytest.param("The offer had been due to expire on Friday.", "Friday", "2020-01-03",
                 id="plan-seen-from-the-past-perfect-has-gone-by"),
    pytest.param("Shareholders tendered 99% of the shares by the Friday deadline.", "Friday",
                 "2020-01-03", id="a-deadline-is-not-a-future-marker"),
    pytest.param("The day before last Tuesday's hearing, the father went to the house.",
                 "The day before last Tuesday", "2019-12-30", id="the-day-before-last-tuesday"),
    pytest.param("As of Friday's close the index was down 4.5% from the previous Friday.",
                 "the previous Friday", "2019-12-27", id="the-previous-friday-from-the-story"),
    pytest.param("Until Thursday, the police had not called him a suspect.", "Thursday",
                 "2020-01-02", id="until-with-past-perfect-is-past"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), PAST_WEEKDAYS)
def test_weekday_in_past_clause_is_latest_on_or_before_the_dateline(sentence, text, value):
    assert_tagged(sentence, text, "DATE", value)


FUTURE_WEEKDAYS = [
    pytest.param("NATO ambassadors will meet on Friday in Brussels.", "Friday", "2020-01-10",
                 id="will-friday"),
    pytest.param("The Security Council is scheduled to meet Thursday.", "Thursday", "2020-01-09",
                 id="scheduled-thursday"),
    pytest.param("The funeral is expected to take place on Tuesday.", "Tuesday", "2020-01-07",
                 id="expected-tuesday"),
    pytest.param("The foreign minister is flying to Moscow on Wednesday.", "Wednesday",
                 "2020-01-08", id="present-progressive-wednesday"),
    pytest.param("Parliament will debate the bill this Friday.", "this Friday", "2020-01-10",
                 id="this-friday"),
    pytest.param("Protesters planned a large demonstration set for Saturday.", "Saturday",
                 "2020-01-11", id="set-for-saturday"),
    pytest.param("Exiles planned a rally on Saturday and were planning to drive to the port.",
                 "Saturday", "2020-01-11", id="were-planning-to-saturday"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), FUTURE_WEEKDAYS)
def test_weekday_in_future_clause_is_the_next_one(sentence, text, value):
    assert_tagged(sentence, text, "DATE", value)


# --- month names without a year ------------------------------------------------------------------------
MONTHS = [
    pytest.param("The protests in Baghdad began in October.", "October", "2019-10",
                 id="past-october-is-last-year"),
    pytest.param("The embassy was attacked in December by militia supporters.", "December",
                 "2019-12", id="past-december-is-last-month"),
    pytest.param("Iran's parliamentary elections will be held in February.", "February", "2020-02",
                 id="future-february-is-this-year"),
    pytest.param("Talks will resume in March, diplomats said.", "March", "2020-03",
                 id="future-march"),
    pytest.param("The U.S. presidential election will take place in November.", "November",
                 "2020-11", id="future-november-ten-months-ahead"),
    pytest.param("The refinery was shut down in February for repairs.", "February", "2019-02",
                 id="past-february-eleven-months-back"),
    pytest.param("Talks collapsed after the two sides failed to agree on a ceasefire in March.",
                 "March", "2019-03", id="past-march-far-from-its-verb"),
    pytest.param("The tanker was seized last March.", "last March", "2019-03", id="last-march"),
    pytest.param("The summit has been postponed until next March.", "next March", "2020-03",
                 id="next-march"),
    pytest.param("The issue will dominate a NATO summit set for Washington in April.", "April",
                 "2020-04", id="a-summit-set-for-april-is-ahead"),
    pytest.param("The accession was planned for early March.", "early March", "2020-03",
                 id="planned-for-march-is-ahead"),
    pytest.param("Collins will be named commander of the shuttle for a mission in December.",
                 "December", "2020-12", id="will-be-named-passive-is-future"),
    pytest.param("The dividend is payable in February to holders of record.", "February",
                 "2020-02", id="payable-february"),
    pytest.param("The new labor pact is effective June 1.", "June 1", "2020-06-01",
                 id="effective-june-1"),
    pytest.param("The carrier has been on patrol since March.", "March", "2019-03",
                 id="since-march-lies-behind"),
    pytest.param("The talks, which must conclude by May, invited Sinn Fein to rejoin.", "May",
                 "2020-05", id="by-may-is-a-deadline-ahead"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), MONTHS)
def test_month_without_year_is_placed_by_tense_and_proximity(sentence, text, value):
    assert_tagged(sentence, text, "DATE", value)


# --- anaphora: from the last date in the text, not the dateline -------------------------------------
STORY = "On March 3, 2019, the tanker was seized off Fujairah. "
ANAPHORA = [
    pytest.param(STORY + "The next day, the navy sent a destroyer.",
                 "The next day", "DATE", "2019-03-04", id="the-next-day"),
    pytest.param(STORY + "Two days later, the crew was freed.",
                 "Two days later", "DATE", "2019-03-05", id="two-days-later"),
    pytest.param(STORY + "Two more ships were seized later that month.",
                 "later that month", "DATE", "2019-03", id="later-that-month"),
    pytest.param(STORY + "Britain protested the same day.",
                 "the same day", "DATE", "2019-03-03", id="the-same-day"),
    pytest.param(STORY + "The owners sold the ship the following year.",
                 "the following year", "DATE", "2020", id="the-following-year"),
    pytest.param(STORY + "A similar seizure had failed a year earlier.",
                 "a year earlier", "DATE", "2018-03-03", id="a-year-earlier"),
    pytest.param(STORY + "The insurers had warned of the risk the day before.",
                 "the day before", "DATE", "2019-03-02", id="the-day-before"),
    pytest.param("Voters went to the polls in June 2018. The following month, the new "
                 "parliament met.", "The following month", "DATE", "2018-07",
                 id="the-following-month-from-a-month"),
    pytest.param(STORY + "That night, the crew was moved to Bandar Abbas.",
                 "That night", "TIME", "2019-03-03TNI", id="that-night"),
    pytest.param(STORY + "That month, the navy doubled its patrols.",
                 "That month", "DATE", "2019-03", id="that-month"),
    pytest.param(STORY + "The crew was freed the next morning.",
                 "the next morning", "TIME", "2019-03-04TMO", id="the-next-morning"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), ANAPHORA)
def test_anaphora_resolves_from_the_last_date_in_the_text(sentence, text, type_, value):
    t = timex_of(sentence, text)
    assert (t.type, t.value, t.anchor) == (type_, value, "expression")


def test_anaphora_chain_moves_with_each_new_date():
    text = STORY + "The next day, the navy sent a destroyer. Two days later, the crew was freed."
    next_day = timex_of(text, "The next day")
    later = timex_of(text, "Two days later")
    assert (next_day.value, next_day.anchor_value) == ("2019-03-04", "2019-03-03")
    assert (later.value, later.anchor, later.anchor_value) == ("2019-03-06", "expression",
                                                               "2019-03-04")  # fmt: skip


def test_anaphora_without_an_earlier_date_falls_back_to_the_dateline():
    t = timex_of("The next day, the navy sent a destroyer.", "The next day")
    assert (t.value, t.anchor, t.anchor_value) == ("2020-01-07", "dateline", "2020-01-06")


def test_comparison_does_not_move_the_story():
    text = STORY + "Exports were higher a year earlier. The next day, the navy sent a destroyer."
    assert timex_of(text, "The next day").value == "2019-03-04"


# --- earnings stories: the period being reported -------------------------------------------------------
EARNINGS = (
    "Third-quarter profit rose 11% to $2 million from $1.8 million a year ago. The company "
    "expects a fourth-quarter charge. Earnings fell 59% in the latest quarter. "
)


def test_a_year_ago_in_an_earnings_story_is_the_reported_quarter_a_year_before():
    assert timex_of(EARNINGS, "a year ago").value == "2018-Q3"


def test_latest_quarter_is_the_last_reported_not_a_coming_one():
    assert timex_of(EARNINGS, "the latest quarter").value == "2019-Q3"


def test_current_quarter_is_the_datelines_quarter():
    text = EARNINGS + "The current quarter has begun well."
    assert timex_of(text, "The current quarter").value == "2020-Q1"


def test_year_ago_period_after_nine_months_is_last_year():
    text = (
        EARNINGS + "For the first nine months, net was $30 million. The year-ago period had a loss."
    )
    assert timex_of(text, "The year-ago period").value == "2018"


def test_last_years_quarter_is_the_reported_quarter_a_year_before():
    text = EARNINGS + "U.K. sales for last year's quarter were about $3 million."
    assert timex_of(text, "last year's quarter").value == "2018-Q3"


def test_the_quarter_ended_a_day_is_the_calendar_quarter_holding_most_of_it():
    text = "In the quarter ended July 31, the retailer lost money."
    assert timex_of(text, "the quarter").value == "2019-Q2"  # May to July


def test_the_year_earlier_nine_months_is_one_nine_month_span():
    text = EARNINGS + "Net for the year-earlier nine months included a gain."
    assert timex_of(text, "the year-earlier nine months").value == "P9M"


def test_for_the_year_is_the_year_reported():
    assert timex_of("For the year, pet food volume was flat.", "the year").value == "2019"


# --- times and parts of day -------------------------------------------------------------------------
TIMES = [
    pytest.param("Polling stations close at 8 p.m.", "8 p.m.", "TIME", "2020-01-06T20:00",
                 id="8-pm"),
    pytest.param("The two leaders spoke by phone at noon.", "noon", "TIME", "2020-01-06T12:00",
                 id="noon"),
    pytest.param("The market closed at 3:30 p.m. EST.", "3:30 p.m. EST", "TIME",
                 "2020-01-06T15:30", id="clock-with-zone"),
    pytest.param("The missiles struck at 1:30 a.m. Wednesday.", "1:30 a.m. Wednesday", "TIME",
                 "2020-01-01T01:30", id="clock-then-weekday"),
    pytest.param("Protesters gathered outside the embassy Sunday night.", "Sunday night",
                 "TIME", "2020-01-05TNI", id="sunday-night"),
    pytest.param("Crowds filled the streets of Tehran on Friday night.", "Friday night", "TIME",
                 "2020-01-03TNI", id="friday-night"),
    pytest.param("The drone strike came Friday morning near the airport.", "Friday morning",
                 "TIME", "2020-01-03TMO", id="friday-morning"),
    pytest.param("The president will speak Tuesday night from the White House.",
                 "Tuesday night", "TIME", "2020-01-07TNI", id="future-tuesday-night"),
    pytest.param("The strike happened at 2 p.m. Friday.", "2 p.m. Friday", "TIME",
                 "2020-01-03T14:00", id="clock-then-past-weekday"),
    pytest.param("Brent crude was up 2 percent at 1400 GMT.", "1400 GMT", "TIME",
                 "2020-01-06T14:00", id="wire-service-clock"),
    pytest.param("Shares were up 3 percent at 1430 GMT on Friday.", "1430 GMT on Friday", "TIME",
                 "2020-01-03T14:30", id="wire-service-clock-keeps-its-minutes"),
    pytest.param("Two rockets landed near the embassy last night.", "last night", "TIME",
                 "2020-01-05TNI", id="last-night"),
    pytest.param("The cabinet met this morning to discuss the vote.", "this morning", "TIME",
                 "2020-01-06TMO", id="this-morning"),
    pytest.param("The statement was released yesterday afternoon.", "yesterday afternoon",
                 "TIME", "2020-01-05TAF", id="yesterday-afternoon"),
    pytest.param("The ultimatum expires at midnight.", "midnight", "TIME", "2020-01-06T24:00",
                 id="midnight"),
    pytest.param(STORY + "The crew radioed for help at 10:15 a.m.", "10:15 a.m.", "TIME",
                 "2019-03-03T10:15", id="clock-on-the-story-date"),
    pytest.param("He appeared before a judge at midday.", "midday", "TIME", "2020-01-06T12:00",
                 id="midday-is-noon"),
    pytest.param("The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "TIME",
                 "2020-01-03T10:35", id="time-before-its-bracketed-conversion-and-day"),
    pytest.param("In London at mid-afternoon yesterday, the shares were up 2 pence.",
                 "mid-afternoon yesterday", "TIME", "2020-01-05TAF",
                 id="part-of-day-before-yesterday"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), TIMES)
def test_times_and_parts_of_day_resolve_on_their_day(sentence, text, type_, value):
    assert_tagged(sentence, text, type_, value)


# --- durations and sets ----------------------------------------------------------------------------
DURATIONS = [
    pytest.param("He served three years in an Iranian prison.", "three years", "P3Y",
                 id="three-years"),
    pytest.param("Protests have raged for the past five months.", "the past five months", "P5M",
                 id="the-past-five-months"),
    pytest.param("American troops have been in the country for a decade.", "a decade", "P10Y",
                 id="a-decade"),
    pytest.param("The negotiations lasted several days.", "several days", "PXD",
                 id="several-days"),
    pytest.param("Iran gave the tankers 48 hours to leave.", "48 hours", "PT48H", id="48-hours"),
    pytest.param("The talks could take two weeks.", "two weeks", "P2W", id="two-weeks"),
    pytest.param("The program was suspended for six months.", "six months", "P6M",
                 id="six-months"),
    pytest.param("Oil will stay above $60 for the next two weeks, analysts said.",
                 "the next two weeks", "P2W", id="the-next-two-weeks"),
    pytest.param("The siege lasted 18 months.", "18 months", "P18M", id="18-months"),
    pytest.param("The meeting ran for 90 minutes.", "90 minutes", "PT90M", id="90-minutes"),
    pytest.param("The two countries have been enemies for years.", "years", "PXY",
                 id="bare-plural-unit-is-vague"),
    pytest.param("The ceasefire held for twenty-one days.", "twenty-one days", "P21D",
                 id="spelled-compound-number"),
    pytest.param("Refugees lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M",
                 id="two-and-a-half-years-as-digits"),
    pytest.param("She spent about 5 1/2 hours in Nairobi.", "about 5 1/2 hours", "PT5H30M",
                 id="five-and-a-half-hours"),
    pytest.param("The flight took an hour and a half.", "an hour and a half", "PT1H30M",
                 id="an-hour-and-a-half"),
    pytest.param("But a minute and a half later, a pilot radioed.", "a minute and a half",
                 "PT1M30S", id="minutes-later-without-a-clock-is-the-span-measured"),
    pytest.param("The company had revenue of $76 million for the year ended March 31.",
                 "the year", "P1Y", id="the-year-ended-is-a-twelve-month-period"),
    pytest.param("Mugabe ruled Zimbabwe for a quarter of a century.", "a quarter of a century",
                 "P25Y", id="a-quarter-of-a-century"),
    pytest.param("The two leaders spoke for half an hour.", "half an hour", "PT30M",
                 id="half-an-hour"),
    pytest.param("Inflation was the highest over the past half century.",
                 "the past half century", "P50Y", id="the-past-half-century"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), DURATIONS)
def test_durations_get_iso_period_values(sentence, text, value):
    assert_tagged(sentence, text, "DURATION", value)


SETS = [
    pytest.param("The council meets every Monday in Baghdad.", "every Monday", "XXXX-WXX-1",
                 id="every-monday"),
    pytest.param("The pilgrimage to Kerbala is held annually.", "annually", "P1Y",
                 id="annually"),
    pytest.param("The festival is staged each season, in spring, summer, autumn and winter.",
                 "each season", "P3M", id="each-season"),
    pytest.param("Attacks on the bases now occur daily.", "daily", "P1D", id="daily"),
    pytest.param("The report is published every year.", "every year", "P1Y", id="every-year"),
    pytest.param("Inspectors visit the site each month.", "each month", "P1M", id="each-month"),
    pytest.param("The ministry publishes the figures weekly.", "weekly", "P1W", id="weekly"),
    pytest.param("The militia rotates its fighters every two weeks.", "every two weeks", "P2W",
                 id="every-two-weeks"),
    pytest.param("Inspectors visit the site every other week.", "every other week", "P2W",
                 id="every-other-week"),
    pytest.param("The shrine is open to pilgrims each July.", "each July", "XXXX-07",
                 id="each-month-name"),
    pytest.param("The club meets every Friday night.", "every Friday night", "XXXX-WXX-5TNI",
                 id="every-weekday-night"),
    pytest.param("Tourists crowd the beaches every summer.", "every summer", "XXXX-SU",
                 id="every-summer"),
    pytest.param("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7",
                 id="plural-weekday"),
    pytest.param("He broadcasts on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI",
                 id="weekday-and-plural-night"),
    pytest.param("Saturday mornings are quiet in the capital.", "Saturday mornings",
                 "XXXX-WXX-6TMO", id="weekday-and-plural-morning"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), SETS)
def test_sets_are_recurring_values(sentence, text, value):
    assert_tagged(sentence, text, "SET", value)


# --- the negative corpus: not times ------------------------------------------------------------------
NOT_TIMES = [
    pytest.param("We will not negotiate under threat, the minister said.", id="we"),
    pytest.param("The ministry warned that the group may retaliate against U.S. forces.",
                 id="may-modal"),
    pytest.param("May the best candidate win, the cleric told supporters.",
                 id="may-modal-sentence-start"),
    pytest.param("Thousands of supporters will march through the streets of Baghdad.",
                 id="march-verb"),
    pytest.param("March to the embassy, the militia leader told his followers.",
                 id="march-verb-sentence-start"),
    pytest.param("The Sun reported the story first.", id="sun-newspaper"),
    pytest.param("The Baltimore Sun and the Daily Mail ran the photographs.",
                 id="sun-and-daily-mail"),
    pytest.param("Tickets cost $27 at the door.", id="dollar-amount"),
    pytest.param("The board approved the plan in a 2-1 vote.", id="2-1-vote"),
    pytest.param("The case turns on Section 1998 of the tax code.", id="section-1998"),
    pytest.param("For details call 555-1212 or (212) 555-1998.", id="phone-numbers"),
    pytest.param("Liverpool beat Chelsea 2-1 and the Lakers won 112-104.", id="scores"),
    pytest.param("Reviewers praised the camera on the Apple 5.", id="apple-5"),
    pytest.param("Theresa May said Britain would not join the strikes.", id="may-surname"),
    pytest.param("Jan Koum sold WhatsApp to Facebook.", id="jan-first-name"),
    pytest.param("Flight 1549 landed safely on the river.", id="flight-number"),
    pytest.param("The Boeing 737 remains grounded.", id="aircraft-model"),
    pytest.param("Iran has 2,000 centrifuges spinning at Fordow.", id="count-with-comma"),
    pytest.param("The Dow fell 1,000 points and the S&P 500 lost 3 percent.", id="index-points"),
    pytest.param("The company employs 2019 workers at the plant.", id="count-before-noun"),
    pytest.param("Oil prices may fall further, traders warned.", id="fall-verb"),
    pytest.param("The Arab Spring uprisings toppled four rulers.", id="arab-spring"),
    pytest.param("March Madness drew record television audiences.", id="march-madness"),
    pytest.param("The Windows 2000 servers were never patched.", id="software-version"),
    pytest.param("He filed for Chapter 11 protection.", id="chapter-11"),
    pytest.param("The 49ers beat the Packers in the playoffs.", id="49ers"),
    pytest.param("Saturday Night Live mocked the senator.", id="snl"),
    pytest.param("Tourists photographed the Summer Palace in Beijing.", id="summer-palace"),
    pytest.param("The embassy is at 1600 Abu Nuwas Street.", id="street-number"),
    pytest.param("August Wilson wrote ten plays about Pittsburgh.", id="august-first-name"),
    pytest.param("The 11th Circuit upheld the ruling.", id="ordinal-court"),
    pytest.param("The Good Friday Agreement was signed in Belfast.", id="good-friday-agreement"),
    pytest.param("Israel captured the Golan Heights in the Six-Day War.", id="six-day-war"),
    pytest.param("The rate was cut to 1.75 percent.", id="rate"),
    pytest.param("Iraq imports about three-quarters of its food.", id="three-quarters-fraction"),
    pytest.param("Junk funds hold more than a quarter of the entire market.",
                 id="a-quarter-of-the-fraction"),
    pytest.param("A second group of three directors bought shares.", id="a-second-ordinal"),
    pytest.param("Gonzalez said on CBS's 60 Minutes that he was angry.", id="sixty-minutes-show"),
    pytest.param("The film High Noon won four Oscars.", id="high-noon-film"),
    pytest.param("The case is for today's youth what the revolution was for us.",
                 id="todays-youth-is-our-time"),
    pytest.param("The chips run many of today's personal computers.",
                 id="todays-computers-is-our-time"),
    pytest.param("When he was in his 30s he moved to Buffalo.", id="in-his-30s-is-an-age"),
    pytest.param("Employers filed for more H1 visas.", id="h1-visa"),
]  # fmt: skip


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_negative_corpus_is_not_tagged(sentence):
    assert found(sentence) == []


NOT_THIS_WORD = [
    pytest.param("On Monday, Theresa May said Britain would not join.", "May", id="may-surname"),
    pytest.param("We met the envoy on Friday.", "We", id="we"),
    pytest.param("The Sun reported on Tuesday that the deal had collapsed.", "Sun",
                 id="sun-newspaper"),
    pytest.param("Supporters will march to the embassy on Friday.", "march", id="march-verb"),
    pytest.param("In 2019, the company sold 2,019 cars.", "2,019", id="number-like-year"),
    pytest.param("The index rose 2019 points on Friday.", "2019", id="points"),
    pytest.param("The bomb went off at 10:35 a.m. (0735 GMT) on Friday.", "0735",
                 id="same-instant-in-another-zone"),
    pytest.param("The talks ended at 3 p.m. (2000 GMT) on Friday.", "2000", id="gmt-is-no-year"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "word"), NOT_THIS_WORD)
def test_word_that_is_not_a_time_is_not_tagged_beside_real_times(sentence, word):
    at = sentence.index(word)
    timexes = timeline.tag(sentence, DATELINE)
    assert timexes, "the real time in the sentence should be tagged"
    assert not [t for t in timexes if t.start < at + len(word) and at < t.end], found(sentence)


# --- intervals --------------------------------------------------------------------------------------
INTERVALS = [
    pytest.param("The strike was ordered on December 29, 2019.", "December 29, 2019", "day",
                 datetime(2019, 12, 29), datetime(2019, 12, 30), id="day"),
    pytest.param("Oil prices jumped last week.", "last week", "week",
                 datetime(2019, 12, 30), datetime(2020, 1, 6), id="week"),
    pytest.param("Protests began in June 2019.", "June 2019", "month",
                 datetime(2019, 6, 1), datetime(2019, 7, 1), id="month"),
    pytest.param("Shipments fell in December.", "December", "month",
                 datetime(2019, 12, 1), datetime(2020, 1, 1), id="month-across-year-end"),
    pytest.param("Profit rose in the third quarter.", "the third quarter", "quarter",
                 datetime(2019, 7, 1), datetime(2019, 10, 1), id="quarter"),
    pytest.param("Imports fell in the first half of 2019.", "the first half of 2019", "half",
                 datetime(2019, 1, 1), datetime(2019, 7, 1), id="half"),
    pytest.param("The agreement was signed in 2015.", "2015", "year",
                 datetime(2015, 1, 1), datetime(2016, 1, 1), id="year"),
    pytest.param("Iraq lived under sanctions through the 1990s.", "the 1990s", "decade",
                 datetime(1990, 1, 1), datetime(2000, 1, 1), id="decade"),
    pytest.param("It was the deadliest war of the twentieth century.", "the twentieth century",
                 "century", datetime(1900, 1, 1), datetime(2000, 1, 1), id="century"),
    pytest.param("Polling stations close at 8 p.m.", "8 p.m.", "time",
                 datetime(2020, 1, 6, 20, 0), datetime(2020, 1, 6, 20, 1), id="clock-time"),
    pytest.param("The president will address the nation tonight.", "tonight", "time",
                 datetime(2020, 1, 6, 20), datetime(2020, 1, 7, 6), id="tonight"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "granularity", "start", "end"), INTERVALS)
def test_interval_is_the_half_open_span_the_value_denotes(sentence, text, granularity, start, end):
    t = timex_of(sentence, text)
    assert (t.granularity, t.interval_start, t.interval_end) == (granularity, start, end)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        pytest.param("The negotiations lasted three years.", "three years", id="duration"),
        pytest.param("The council meets every Monday.", "every Monday", id="set"),
        pytest.param("Tensions have risen recently.", "recently", id="past-ref"),
        pytest.param("The embassy is now closed.", "now", id="present-ref"),
    ],
)
def test_durations_sets_and_vague_references_have_no_interval(sentence, text):
    t = timex_of(sentence, text)
    assert (t.interval_start, t.interval_end) == (None, None)


# --- anchors and explanations -------------------------------------------------------------------------
ANCHORS = [
    pytest.param("The Pentagon said yesterday that troops would be sent.", "yesterday",
                 "dateline", "2020-01-06", id="yesterday-from-the-dateline"),
    pytest.param("Soleimani was killed in a U.S. strike on Friday.", "Friday", "dateline",
                 "2020-01-06", id="weekday-from-the-dateline"),
    pytest.param("Protesters breached the gate two days ago.", "two days ago", "dateline",
                 "2020-01-06", id="ago-from-the-dateline"),
    pytest.param("The strike was ordered on December 29, 2019.", "December 29, 2019", "none", "",
                 id="explicit-date-from-nothing"),
    pytest.param("Iraq lived under sanctions through the 1990s.", "the 1990s", "none", "",
                 id="decade-from-nothing"),
    pytest.param(STORY + "The next day, the navy sent a destroyer.", "The next day",
                 "expression", "2019-03-03", id="the-next-day-from-the-story"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "anchor", "anchor_value"), ANCHORS)
def test_anchor_says_what_the_value_was_resolved_from(sentence, text, anchor, anchor_value):
    t = timex_of(sentence, text)
    assert (t.anchor, t.anchor_value) == (anchor, anchor_value)


EXPLAINED = [
    pytest.param(*case.values[:2], id=case.id)
    for case in EXPLICIT_DATES[:3] + RELATIVE[:4] + PAST_WEEKDAYS[:2] + ANAPHORA[:2] + TIMES[:3]
    + DURATIONS[:2] + SETS[:1] + REFERENCES[:1] + QUARTERS[:2] + YEARS[2:3]
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text"), EXPLAINED)
def test_explanation_is_a_readable_line_naming_the_value(sentence, text):
    t = timex_of(sentence, text)
    assert t.explanation.strip() and "\n" not in t.explanation
    assert t.value in t.explanation


# --- the call itself: order, spans, dateline forms, no dateline ----------------------------------------
PARAGRAPH = (
    "BAGHDAD (Reuters) - Iraq's parliament voted on Monday to expel U.S. troops after the "
    "killing of Qassem Soleimani in a drone strike on Friday. The strike followed rocket attacks "
    "in late December. Lawmakers will meet again next week, and the prime minister said the "
    "withdrawal could take 18 months."
)


def test_timexes_come_back_in_text_order_with_exact_spans():
    timexes = timeline.tag(PARAGRAPH, DATELINE)
    assert [(t.text, t.value) for t in timexes] == [
        ("Monday", "2020-01-06"),
        ("Friday", "2020-01-03"),
        ("late December", "2019-12"),
        ("next week", "2020-W03"),
        ("18 months", "P18M"),
    ]
    assert all(PARAGRAPH[t.start : t.end] == t.text for t in timexes)
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)


@pytest.mark.parametrize(
    "dct",
    [DATELINE, datetime(2020, 1, 6, 14, 30), "2020-01-06", "2020-01-06T14:30:00Z"],
    ids=["date", "datetime", "iso-string", "iso-timestamp"],
)
def test_dateline_may_be_a_date_datetime_or_iso_string(dct):
    assert [t.value for t in timeline.tag("The vote was held yesterday.", dct)] == ["2020-01-05"]


def test_dateline_that_is_not_a_date_is_a_clear_error():
    with pytest.raises(ValueError, match="not a date"):
        timeline.tag("The vote was held yesterday.", "last Tuesday")


def test_without_a_dateline_explicit_dates_still_resolve():
    text = "The strike was ordered on December 29, 2019, and carried out on Friday."
    timexes = timeline.tag(text, None)
    assert [t.text for t in timexes] == ["December 29, 2019", "Friday"]
    explicit, weekday = timexes
    assert (explicit.value, explicit.interval_start) == ("2019-12-29", datetime(2019, 12, 29))
    assert weekday.anchor != "dateline"
    assert (weekday.interval_start, weekday.interval_end) == (None, None)


def test_without_a_dateline_relative_words_stay_unresolved_without_raising():
    text = "Rockets hit the base yesterday; more troops will arrive next week and in March."
    timexes = timeline.tag(text, None)
    assert [t.text for t in timexes] == ["yesterday", "next week", "March"]
    assert all(t.anchor != "dateline" and t.interval_start is None for t in timexes)


def test_without_a_dateline_a_yearless_date_is_anchored_on_the_story():
    text = STORY + "On Dec. 29, the crew was freed."
    t = timex_of(text, "Dec. 29", dct=None)
    assert (t.anchor, t.anchor_value) == ("expression", "2019-03-03")


def test_without_a_dateline_anaphora_still_follows_the_story():
    t = timex_of(STORY + "The next day, the navy sent a destroyer.", "The next day", dct=None)
    assert (t.value, t.anchor) == ("2019-03-04", "expression")


def test_empty_text_has_no_timexes():
    assert timeline.tag("", DATELINE) == []
