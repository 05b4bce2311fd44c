"""Named holidays and days named by what happened on them ("9/11", "D-Day"): fixed days, n-th weekdays, days counted from Easter or Thanksgiving, the
holidays of other calendars (Lunar New Year, Eid al-Fitr, Diwali, Nowruz, Rosh Hashanah),
possessive names ("Valentine's Day", "St. Patrick's Day") and "Easter week".

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, DATE: a holiday is a calendar date
and its value is that day (YYYY-MM-DD), the year the one the clause's tense points to from the
document creation time; "Easter week" is the week holding Easter (YYYY-Www). A holiday word inside
a name ("the Good Friday Agreement", "Christmas Island") or a new year no table holds is no date.
"""

from __future__ import annotations

import pytest
from timex_corpus import CASE_FIELDS, assert_case, assert_not_tagged, case

CASES = [
    case("Flower sales will peak on Valentine's Day.", "Valentine's Day", "DATE", "2020-02-14",
         id="possessive-valentines-day"),
    case("The parade will be held on St. Patrick's Day.", "St. Patrick's Day", "DATE",
         "2020-03-17", id="possessive-st-patricks-day"),
    case("The pope will celebrate Mass on Easter Sunday.", "Easter Sunday", "DATE", "2020-04-12",
         id="easter-sunday"),
    case("Banks will close on Good Friday.", "Good Friday", "DATE", "2020-04-10",
         id="good-friday-two-days-before-easter"),
    case("Lent will begin on Ash Wednesday.", "Ash Wednesday", "DATE", "2020-02-26",
         id="ash-wednesday-46-days-before-easter"),
    case("Stores opened early on Black Friday.", "Black Friday", "DATE", "2019-11-29",
         id="black-friday-after-thanksgiving"),
    case("Online sales hit a record on Cyber Monday.", "Cyber Monday", "DATE", "2019-12-02",
         id="cyber-monday"),
    case("Pilgrims will arrive in Easter week.", "Easter week", "DATE", "2020-W15",
         id="easter-week-is-a-week"),
    case("Protests ran through Christmas week 2019.", "Christmas week 2019", "DATE", "2019-W52",
         id="christmas-week-and-year"),
    case("Fireworks lit the sky at New Year.", "New Year", "DATE", "2020-01-01",
         id="new-year"),
    # other calendars' holidays, from the holidays package's tables
    case("Markets will close for Lunar New Year.", "Lunar New Year", "DATE", "2020-01-25",
         id="lunar-new-year"),
    case("Muslims celebrated Eid al-Fitr.", "Eid al-Fitr", "DATE", "2019-06-05",
         id="eid-in-the-past-tense-is-last-years"),
    case("Iranians will mark Nowruz.", "Nowruz", "DATE", "2020-03-20", id="nowruz"),
    case("Rabbis marked the Jewish New Year.", "the Jewish New Year", "DATE", "2019-09-30",
         id="the-jewish-new-year-is-rosh-hashanah"),
    case("Hindus will celebrate Diwali.", "Diwali", "DATE", "2020-11-14", id="diwali"),
    case("Schools will close on MLK Day.", "MLK Day", "DATE", "2020-01-20", id="mlk-day"),
    # days named by what happened on them
    case("The 9/11 attacks killed nearly 3,000 people.", "9/11", "DATE", "2001-09-11",
         id="nine-eleven"),
    case("The September 11 attacks changed the world.", "September 11", "DATE", "2001-09-11",
         id="the-september-11-attacks"),
    case("Allied troops landed on D-Day.", "D-Day", "DATE", "1944-06-06", id="d-day"),
    case("He was born on Christmas Day, 1931.", "Christmas Day, 1931", "DATE", "1931-12-25",
         id="a-holiday-and-its-year"),
    case("Thousands marched in the St Patrick's Day parade.", "St Patrick's Day", "DATE",
         "2019-03-17", id="st-patricks-without-the-stop"),
    case("Pranksters struck on April Fools' Day.", "April Fools' Day", "DATE", "2019-04-01",
         id="april-fools-day"),
    case("The vote is on September 11.", "September 11", "DATE", "2020-09-11",
         id="september-11-without-attacks-is-a-day-like-any"),
    case("Federal offices close on Martin Luther King Jr. Day.", "Martin Luther King Jr. Day",
         "DATE", "2020-01-20", id="martin-luther-king-jr-day"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_a_holiday_is_its_day_in_the_year_the_tense_points_to(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The Good Friday Agreement was signed in Belfast.", "Good Friday",
                     id="good-friday-agreement"),
        pytest.param("Christmas Island lies south of Java.", "Christmas", id="christmas-island"),
        pytest.param("The Easter Rising began in Dublin.", "Easter", id="easter-rising"),
        pytest.param("Thai New Year festivities began.", "New Year", id="a-new-year-with-no-table"),
        pytest.param("Christmas lights will be switched on Friday.", "Christmas",
                     id="christmas-lights-are-things"),
    ],
)  # fmt: skip
def test_a_holiday_word_in_a_name_or_another_calendar_is_no_date(sentence, word):
    assert_not_tagged(sentence, word)
