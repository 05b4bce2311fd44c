"""Which occurrence a weekday, month or holiday names is decided at the verb it attaches to:
past perfect, future in the past, "are expected in", participles, "agreed to", the present of a
scheduled act ("the summit opens Thursday"), and never a reporting verb outside the quotation
the date is in.

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, values of underspecified DATEs:
"Friday" or "October" is resolved with respect to the document creation time in the direction
the governing event's tense gives (a past event: the last one on or before it; a future one:
the next); a plan seen from a past that has gone by ("had been due to", "had forecast") is past.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_corpus import CASE_FIELDS, assert_case, case

DECEMBER = date(2019, 12, 10)  # a Tuesday
NOVEMBER_26 = date(2019, 11, 26)  # a Tuesday, two days before Thanksgiving

CASES = [
    case("The company had forecast record earnings in October.", "October", "DATE", "2019-10",
         id="past-perfect-forecast-is-the-october-before", dct=DECEMBER),
    case("He said the work would last until mid-January.", "mid-January", "DATE", "2020-01",
         id="future-in-the-past-is-the-coming-january", dct=DECEMBER),
    case("Results are expected in the third quarter.", "the third quarter", "DATE", "2020-Q3",
         id="are-expected-in-is-future"),
    case("The budget, first proposed in January, would raise fares.", "January", "DATE",
         "2019-01", id="participle-before-the-date-is-past", dct=DECEMBER),
    case("Shoppers crowded stores on Tuesday, two days before Thanksgiving.", "Thanksgiving",
         "DATE", "2019-11-28", id="two-days-before-thanksgiving-is-the-coming-one",
         dct=NOVEMBER_26),
    case("Acme on Thursday agreed to settle the suit.", "Thursday", "DATE", "2020-01-02",
         id="agreed-to-is-a-past-act"),
    case("Acme agreed on Thursday to settle the suit.", "Thursday", "DATE", "2020-01-02",
         id="agreed-on-thursday-to"),
    case("The strike was called off after talks on Friday.", "Friday", "DATE", "2020-01-03",
         id="past-passive"),
    case("The offer had been due to expire on Friday.", "Friday", "DATE", "2020-01-03",
         id="had-been-due-to-is-a-plan-gone-by"),
    case("The new rules will be published in March.", "March", "DATE", "2020-03",
         id="participle-after-will-be-is-future"),
    case("The company declared a dividend on Friday.", "Friday", "DATE", "2020-01-03",
         id="a-verb-in-red-is-a-past-verb"),
    case('"The envoy will leave for talks in Baghdad on Thursday," Salih said.', "Thursday",
         "DATE", "2020-01-09", id="the-reporting-verb-after-a-quote-does-not-govern-it"),
    case("“The envoy will leave for talks in Baghdad on Thursday,” Salih said.", "Thursday",
         "DATE", "2020-01-09", id="curly-quotes"),
    case("Mr. Lee will succeed the chairman on Nov. 1.", "Nov. 1", "DATE", "2020-11-01",
         id="a-verb-in-eed-is-no-past-verb"),
    case("The board voted on March 8, officials said.", "March 8", "DATE", "2019-03-08",
         id="a-past-verb-beside-a-day-months-ahead-wins"),
    # the present of a scheduled act is news's future
    case("The summit opens Thursday in Brussels.", "Thursday", "DATE", "2020-01-09",
         id="scheduled-present-opens"),
    case("Voters go to the polls on Sunday.", "Sunday", "DATE", "2020-01-12",
         id="scheduled-present-go-to-the-polls"),
    case("The ceasefire takes effect on Wednesday.", "Wednesday", "DATE", "2020-01-08",
         id="scheduled-present-takes-effect"),
    case("The summit opened Thursday in Brussels.", "Thursday", "DATE", "2020-01-02",
         id="the-past-of-the-same-verb-stays-past"),
    # the verb of the next clause is not the date's
    case("The talks ended without a deal on Saturday, and will resume Wednesday.", "Saturday",
         "DATE", "2020-01-04", id="a-future-in-the-next-clause-does-not-govern"),
    case("Protesters planned a large demonstration on Saturday.", "Saturday", "DATE",
         "2020-01-11", id="what-is-planned-lies-ahead"),
    case("The offensive began as planned Saturday night.", "Saturday night", "TIME",
         "2020-01-04TNI", id="as-planned-is-no-plan-ahead"),
    # a past verb governing a month months ahead of the dateline: the month gone by, unless an
    # infinitive between them may carry the date ahead
    case("Taylor, who stepped down as chairman in April for health reasons, died.", "April",
         "DATE", "2019-04", id="a-past-act-in-a-month-months-ahead-is-last-years"),
    case("Thermo agreed to buy the unit for $22 million in April.", "April", "DATE", "2020-04",
         id="an-infinitive-may-carry-the-month-ahead"),
    case("He said a ceremony would still be held at the summit on April 24.", "April 24", "DATE",
         "2020-04-24", id="would-still-be-held-is-future"),
    case("Lawmakers return to Washington on Tuesday after the recess.", "Tuesday", "DATE",
         "2020-01-07", id="scheduled-present-plural"),
    case("The hearing is Tuesday.", "Tuesday", "DATE", "2020-01-07", id="a-date-after-is"),
    case("The Hindu festival of Diwali is in November.", "November", "DATE", "2020-11",
         id="is-in-a-month"),
    case("The match was postponed to Saturday.", "Saturday", "DATE", "2020-01-11",
         id="postponed-to"),
    case("Investors are cautious ahead of Tuesday's vote.", "Tuesday", "DATE", "2020-01-07",
         id="ahead-of-a-possessive-day"),
    case("Friday's jobs report is expected to show 160,000 new jobs.", "Friday", "DATE",
         "2020-01-10", id="a-possessive-day-before-a-future-verb"),
    case("Sunday's debate was heated, observers said.", "Sunday", "DATE", "2020-01-05",
         id="a-possessive-day-before-a-past-verb"),
    case("Ghosn to speak to media on Wednesday in Beirut", "Wednesday", "DATE", "2020-01-08",
         id="headline-to-verb-is-future"),
    case("Temperatures are forecast to hit 45C on Saturday.", "Saturday", "DATE", "2020-01-11",
         id="a-past-form-after-to-is-an-infinitive"),
    case("The strike began on Jan. 9.", "Jan. 9", "DATE", "2019-01-09",
         id="a-past-act-right-before-its-day-settles-it"),
    case("The offer was extended to Jan. 16.", "Jan. 16", "DATE", "2020-01-16",
         id="a-deadline-set-in-the-past-lies-ahead"),
    case("The ceasefire took effect at midnight.", "midnight", "TIME", "2020-01-05T24:00",
         id="midnight-gone-by"),
    case("Police said on Thursday that the man would appear in court on Friday.", "Friday",
         "DATE", "2020-01-03", id="a-future-seen-from-a-past-day-counts-from-it"),
    case("The judge set sentencing for March 11.", "March 11", "DATE", "2020-03-11",
         id="set-something-for-a-day-looks-ahead"),
    case("Ukraine votes Sunday with comedian in the lead", "Sunday", "DATE", "2019-03-31",
         id="no-verb-says-the-nearer-weekday-ahead", dct=date(2019, 3, 30)),
    case("Iraq parliament votes Sunday to expel US troops", "Sunday", "DATE", "2020-01-05",
         id="no-verb-says-the-nearer-weekday-gone-by"),
    case("On Sunday, police and FBI agents said they had made discoveries.", "Sunday", "DATE",
         "2020-01-05", id="a-subject-of-two-nouns-is-no-next-clause"),
    case("He set a record for the fastest lap on Friday.", "Friday", "DATE", "2020-01-03",
         id="set-a-record-is-a-past-act"),
    case("Officials said the vote would be held on Sunday.", "Sunday", "DATE", "2020-01-12",
         id="a-future-in-the-past-with-no-day-counts-from-the-dateline"),
    case("The parade on St. Patrick's Day drew thousands.", "St. Patrick's Day", "DATE",
         "2019-03-17", id="an-irregular-past-after-the-date"),
    case("Australia fires: Rain brings relief, but heat to return by Friday", "Friday", "DATE",
         "2020-01-10", id="headline-infinitive-after-a-clause"),
    case("Rival bidders extended their offers to acquire the maker Friday.", "Friday", "DATE",
         "2020-01-03", id="an-infinitive-after-a-past-verb-is-no-headline"),
]  # fmt: skip


@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_the_governing_verb_decides_which_occurrence_is_meant(sentence, text, type_, value, dct):
    assert_case(sentence, text, type_, value, dct)
