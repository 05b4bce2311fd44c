"""What only looks like a time: ages ("children 6 months and older"), ordinals and ranks ("the
7th largest drop", "a second plane"), fractions ("a quarter of voters"), names with numbers
("Russell 2000", "Flight 1549") or day words ("The Sunday Times", "Black Monday", "Person of the
Year", the film '1917'), the halves and quarters of a game, and speeds ("55 miles per hour").

Follows the TimeML Annotation Guidelines 1.2.1, §2.2 TIMEX3, what is not a TIMEX3: a temporal
word or number is tagged only where it denotes a time; ages of people are not durations the text
asserts, ordinals that rank ("the 7th largest") and fractions ("a quarter of") are no dates or
periods, and numbers in names (indexes, products, flights) are no years.
"""

from __future__ import annotations

import pytest
from timex_corpus import assert_not_tagged, timex_of

NOT_TIMES = [
    pytest.param("Children 6 months and older can get the vaccine from Friday.", "6 months",
                 id="age-and-older"),
    pytest.param("Patients aged 65 years were seen first on Friday.", "65 years", id="aged"),
    pytest.param("Boys 12 years or younger ride free on Friday.", "12 years", id="or-younger"),
    pytest.param("Adults over 18 years of age may vote on Friday.", "18 years", id="of-age"),
    pytest.param("It was the 7th largest drop on record, on Friday.", "the 7th", id="rank"),
    pytest.param("Shares fell for the 3rd straight day on Friday.", "the 3rd", id="straight"),
    pytest.param("A second plane hit the tower on Friday.", "second", id="a-second-ordinal"),
    pytest.param("He sold a quarter of its dealers on Friday.", "quarter", id="a-quarter-of"),
    pytest.param("Iraq imports three-quarters of its food, officials said Friday.", "quarters",
                 id="three-quarters-of"),
    pytest.param("The Russell 2000 fell 2 percent on Friday.", "2000", id="russell-2000"),
    pytest.param("The Nikkei 225 and the FTSE 100 rose on Friday.", "225", id="index-names"),
    pytest.param("Windows 2000 servers were patched on Friday.", "2000", id="windows-2000"),
    pytest.param("Flight 1549 landed on the river on Friday.", "1549", id="flight-number"),
    pytest.param("Budget item 1999 was approved on Friday.", "1999", id="agenda-item"),
    pytest.param("The company employs 2019 workers, it said Friday.", "2019", id="a-count"),
    pytest.param("The 11th Circuit ruled on Friday.", "11th", id="court-ordinal"),
    pytest.param("He was in his 30s when he moved, on Friday.", "30s", id="age-decade"),
    pytest.param("The Sunday Times reported the leak on Friday.", "Sunday", id="the-sunday-times"),
    pytest.param("The Mail on Sunday published the photos on Friday.", "Sunday",
                 id="the-mail-on-sunday"),
    pytest.param("Black Monday wiped out 22% of the Dow, he said on Friday.", "Monday",
                 id="black-monday-is-a-name"),
    pytest.param("Democrats said on Friday they hope to have a nominee after Super Tuesday.",
                 "Tuesday",
                 id="super-tuesday-is-a-name"),
    pytest.param("Salah scored twice in the first half on Friday.", "first half",
                 id="a-half-of-a-game"),
    pytest.param("The Chiefs scored 28 points in the second quarter on Friday.", "second quarter",
                 id="a-quarter-of-a-game"),
    pytest.param("A quarter of voters remain undecided, the poll found on Friday.", "quarter",
                 id="a-quarter-of-voters"),
    pytest.param("She drove 55 miles per hour through the school zone on Friday.", "per hour",
                 id="a-speed"),
    pytest.param("The film '1917' won best drama on Friday.", "1917", id="a-film-title"),
    pytest.param("Emmerich, director of 'The Day After Tomorrow', spoke on Friday.",
                 "The Day After Tomorrow", id="a-film-title-of-day-words"),
    pytest.param("Time named Greta Thunberg its Person of the Year on Friday.", "Year",
                 id="person-of-the-year"),
    pytest.param("Version 1.2.2019 of the app was released on Friday.", "1.2.2019",
                 id="a-version-number"),
    pytest.param("'Independence Day' star Jeff Goldblum spoke on Friday.", "Independence Day",
                 id="a-film-title-of-a-holiday"),
    pytest.param("Gyms reopened for the over-50s on Friday.", "50s", id="the-over-50s"),
    pytest.param("Highs will be in the 70s on Friday.", "70s", id="temperatures-in-the-70s"),
    pytest.param("Police were called to the 1200 block of Maple Street on Friday.", "1200",
                 id="a-street-block"),
    pytest.param("The plan, Vision 2030, was relaunched on Friday.", "2030", id="vision-2030"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "word"), NOT_TIMES)
def test_what_only_looks_like_a_time_is_not_tagged_beside_a_real_one(sentence, word):
    assert_not_tagged(sentence, word)
    assert timex_of(sentence, "Friday").type == "DATE"
