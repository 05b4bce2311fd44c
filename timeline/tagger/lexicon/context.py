"""Words around a candidate that tell whether it is a time: "Section 1998" is no year, "2019
workers" no year, "the Daily Mail" no set. Lower case unless said; no logic. The rules' guards
(`timeline/tagger/recognize.py`) build their patterns from these lists; each has an example.
"""

from __future__ import annotations

# Before a bare month word ("may", "march") or season, a word that makes it a date: "in March",
# "since May", "last spring", "mid-March"
DATE_CONTEXT_WORDS = (
    "in", "since", "by", "until", "till", "through", "during", "from", "to", "of", "last", "next",
    "this", "early", "late", "mid", "before", "after", "between", "and", "or", "on", "end",
    "beginning", "middle", "least",
)  # fmt: skip

# Right before four digits, a word that makes them a number, not a year: "Section 1998", "Flight
# 1549", "Room 2010", "Windows 2000", "the Russell 2000", "page 1776"
NOT_YEAR_BEFORE = (
    "no.", "no", "number", "section", "article", "rule", "room", "flight", "route", "highway",
    "rt.", "page", "p.", "version", "model", "suite", "box", "ext.", "pop.", "code", "chapter",
    "unit", "apple", "windows", "office", "russell", "nasdaq", "ftse", "nikkei", "dax", "cac",
    "s&p", "stoxx", "hang seng", "iphone", "galaxy", "boeing", "airbus", "lot", "bus", "train",
    "gate", "pier", "exit", "mile", "interstate", "apartment", "apt.", "floor", "district",
    "precinct", "ward", "bill", "h.r.", "resolution", "form", "serial", "patent", "item", "items",
    "agenda", "docket", "exhibit", "track", "channel", "seat", "row", "block", "lane", "vision",
)  # fmt: skip
# Symbols right before them: "$2019", "#1998"
NOT_YEAR_SYMBOLS = "$€£¥#"

# Right after four digits, a noun that makes them a count: "2019 workers", "1998 points"
COUNT_NOUNS = (
    "shares", "people", "troops", "soldiers", "workers", "employees", "points", "feet", "miles",
    "block",
    "meters", "metres", "kilometers", "tons", "barrels", "acres", "pounds", "dollars", "yuan",
    "yen", "euros", "cars", "units", "jobs", "men", "women", "students", "votes", "members",
    "residents", "cases", "deaths", "copies", "words", "pages", "rooms", "beds", "children",
    "times", "calories", "lbs", "mph", "km", "hp", "cc", "mm", "cm", "kg", "mg", "ft", "sq",
)  # fmt: skip

# Before a year under 1800, a word that makes it a year: "in 1492", "circa 1066", "by 1776"
YEAR_CONTEXT_WORDS = (
    "in", "since", "by", "until", "till", "through", "during", "from", "to", "of", "before",
    "after", "between", "and", "or", "early", "late", "mid", "fiscal", "calendar", "year", "the",
    "for", "around", "circa", "c.", "summer", "spring", "winter", "fall", "autumn", "end",
)  # fmt: skip

# After "May 5" or "Sept. 30", words that make it a score or amount: "Jan 5 percent" (a
# headline's column), "March 3-1 win", "May 10 million"
NOT_DATE_AFTER_DAY = (
    "%", "percent", "per", "million", "billion", "point", "points",
)  # fmt: skip
SCORE_WORDS = ("point", "points", "vote", "votes", "win", "loss", "lead")

# Possessives before "30s": an age, not a decade ("when he was in his 30s")
AGE_POSSESSIVES = ("his", "her", "their", "my", "your", "our")
# Before "N months/years" a word that makes it an age: "patients aged 65 years", "ages 6 months"
AGE_BEFORE = ("aged", "age", "ages")
# After "N months/years": "6 months and older", "12 years or younger", "5 years of age"
AGE_AFTER = (
    "and older", "and over", "and up", "and above", "and younger", "and under", "or older",
    "or younger", "or over", "or under", "of age", "old",
)  # fmt: skip

# After "quarter(s)", "of" and one of these makes a fraction: "three-quarters of its food",
# "a quarter of the market"
FRACTION_DETERMINERS = (
    "the", "its", "their", "his", "her", "our", "all", "a", "an", "this", "that", "these", "those",
)  # fmt: skip
# After "a second", words that keep it a span of time ("a second later"); any other lower-case
# word makes it an ordinal: "a second group", "a second plane"
SECOND_AS_TIME_AFTER = ("later", "earlier", "ago", "after", "before", "or", "and", "longer", "more")
# Right after an ordinal ("the 7th"), a word that makes it a rank: "the 7th largest drop"
RANK_WORDS = (
    "largest", "biggest", "best", "worst", "highest", "lowest", "most", "least", "straight",
    "consecutive", "consecutively", "richest", "busiest", "oldest", "smallest", "strongest",
    "weakest", "fastest", "deadliest", "greatest", "top", "place", "seed", "ranked",
)  # fmt: skip

# Words before "a year/week" that make it a rate: "$1.76 a year", "four flights a week"
RATE_AMOUNT_WORDS = ("million", "billion", "thousand", "hundred", "percent", "dollars", "cents")
# ... unless one of these stands right before the quantity: "for a year", "in a week"
SPAN_PREPOSITIONS = (
    "for", "about", "nearly", "almost", "than", "over", "least", "just", "only", "in", "within",
    "after",
)  # fmt: skip
# Before "a year": once, twice, per ("twice a year" is a set)
SET_BEFORE = ("times", "once", "twice", "per")

# After "current", a noun (or its start: "prices") that makes it no time: "the current account",
# "current prices" are no PRESENT_REF ("recent" before any noun is PAST_REF: "the recent sale")
NOT_REFERENCE_NOUNS = (
    "account", "event", "events", "affairs", "flow", "law", "rule", "rules", "system", "version",
    "crisis", "price",
)  # fmt: skip
# After "daily": a newspaper, not a frequency ("the Daily Mail", "China Daily News")
DAILY_NAMES = ("newspaper", "paper", "news", "mail", "star", "telegraph", "express", "beast")
# After "the 11th": a name or ordinal noun, not a day of the month ("the 11th Circuit", "the 21st
# century", "the 50th anniversary", "the 7th floor")
NOT_DAY_AFTER_ORDINAL = (
    "century", "anniversary", "floor", "time", "round", "place", "amendment", "district",
    "street", "division", "army", "fleet", "annual", "birthday", "year", "day", "week", "month",
    "hole", "inning", "grade", "minute", "lap", "stage", "game", "term", "generation", "edition",
    "congress", "parliament",
) + RANK_WORDS  # fmt: skip
# Capitalised words that may stand before a weekday without making it a name: "On Friday",
# "Last Friday" ("Good Friday Agreement" is a name)
WEEKDAY_LEADS = ("On", "Last", "Next", "This", "Late", "Early", "By", "Since", "Until")
# Capitalised words that make a weekday part of a name: "The Sunday Times", "the Mail on Sunday",
# "Black Monday", "Super Tuesday", "Bloody Sunday" (case-sensitive)
NAMES_AFTER_WEEKDAY = ("Times", "Telegraph", "Mirror", "Express", "Herald", "Post", "Mail",
                       "Independent", "People", "Tribune", "Star", "Sport", "World", "Night Live",
                       "Morning Post", "Business Post", "Observer")  # fmt: skip
NAMES_BEFORE_WEEKDAY = ("Super", "Black", "Bloody", "Blue", "Cyber", "Giving", "Mail on",
                        "Independent on", "Observer on", "Fat")  # fmt: skip
# Words around "the first half", "the second quarter" that make it a part of a game
GAME_WORDS = ("scored", "touchdown", "touchdowns", "halftime", "half-time", "quarterback",
              "striker", "goalkeeper", "free kick", "equaliser", "equalizer", "the game",
              "the match", "field goal", "interception", "innings")  # fmt: skip
# Before "per hour", "per day": units that make it a speed or a rate ("100 km per hour")
RATE_UNITS = ("miles", "mile", "km", "kilometers", "kilometres", "metres", "meters", "feet",
              "knots", "mph", "kph", "liters", "litres", "gallons", "barrels", "tonnes", "tons",
              "calories", "words", "beats", "revolutions", "cubic meters", "cubic metres")  # fmt: skip
# Before a dotted number that looks like a date: a version ("version 1.2.2019", "v2.1.2020")
VERSION_WORDS = ("version", "v", "release", "build", "rev", "revision", "firmware", "update")
# Before "last six months": words that make "last" the verb ("will last", "expected to last")
VERB_LAST_BEFORE = ("will", "would", "could", "can", "may", "might", "should", "must", "to",
                    "'ll", "’ll", "not")  # fmt: skip
# Set words that before a noun are adjectives of no recurring time: "a quarterly dividend"
SET_ADJECTIVES = ("quarterly", "fortnightly")
# Quotes around a title: "the film 'Friday'", "'Independence Day' star Jeff Goldblum"
OPENING_QUOTES = "'‘\"“"
CLOSING_QUOTES = "'’\"”"
# After a span, a word that makes it the name of a kind: "one-day internationals"
NAMED_AFTER_SPAN = ("international", "internationals", "odi", "odis")
# Words before "the 70s" that make it degrees: "highs will be in the 70s"
TEMPERATURE_WORDS = ("highs", "lows", "temperatures", "temperature", "degrees", "mercury",
                     "thermometer")  # fmt: skip
# After a holiday, nouns it qualifies that are no date: "Christmas lights", "Easter eggs"
HOLIDAY_THINGS = ("lights", "eggs", "egg", "tree", "trees", "cards", "card", "carols", "carol",
                  "decorations", "pudding", "cake", "bunny", "bonnet", "jumper", "jumpers",
                  "market", "markets", "island", "islands")  # fmt: skip
# After a capitalised "March" that is a walk, not the month: "the March on Washington"
AFTER_MARCH_THE_WALK = ("on", "to", "for", "against", "through", "of", "from")
# Before "noon": "High Noon" is a film
NOT_CLOCK_BEFORE = ("high",)
# After "today's": our time, not the dateline ("today's youth", "in today's world")
# (GENERIC_TODAY_NOUNS in the lexicon's __init__)

# The preposition right before an expression, which the confidence model weighs: "for the past
# year" (a span), "since 1998", "on Friday", "by May"
PREPOSITIONS = (
    "on", "in", "at", "for", "since", "during", "by", "until", "till", "over", "from", "to",
    "after", "before", "through", "within", "between", "of", "as of", "around", "about",
)  # fmt: skip

# Between a month-day and a second day of the same month: "April 24 and 25", "Jan. 28-29"
DAY_COORDINATORS = ("and", "or", "to", "through", "till", "until", "&", "-", "–")
# ... and after the second day, what may follow it: "April 24 and 25 in Washington" (not "on
# March 3 and 4 others")
AFTER_COORDINATED_DAY = (
    "in", "at", "on", "and", "or", "to", "of", "for", "with", "when", "while", "after", "before",
    "the", "as", "but", "by", "from", "that", "this", "next", "last",
)  # fmt: skip
# "fall" is the season after "in the", "by the" ... ("in the fall"), never before these ("the
# fall of the Wall", "a fall in prices")
FALL_SEASON_BEFORE = ("in", "during", "by", "until", "since", "through", "this", "last", "next")
NOT_SEASON_AFTER_FALL = ("of", "in", "on", "to", "from", "by", "at", "for")
# "future" is FUTURE_REF only after these: "in the future", "the near future"
FUTURE_REF_BEFORE = ("in", "near", "foreseeable")
# Words alone that are no reference here ("once upon", "earlier this week" is its own rule)
NOT_REFERENCE_ALONE = ("once", "earlier", "eventually", "formerly", "shortly")
# After "the past", words that make it a span of its own ("the past few weeks", "the past year")
SPAN_AFTER_THE_PAST = ("few", "several", "two", "three", "four", "five", "six", "seven", "eight",
                       "nine", "ten", "year", "week", "month", "decade")  # fmt: skip
# "that day" is a date after these or at a sentence start ("on that day", "That day, ...")
THAT_UNIT_PREPOSITIONS = ("on", "in", "during", "by", "of", "from", "until", "since", "at")
# Words after which "that" opens a clause ("so that day-to-day ...", "knew that week after week")
# rather than pointing at a time ("he was freed that day")
THAT_CLAUSE_BEFORE = (
    "so", "now", "such", "than", "think", "know", "knew", "hope", "hoped", "expect", "expected",
    "feel", "felt", "say", "means", "meant", "show", "showed", "shows", "ensure", "seems",
    "is", "was", "are", "were", "and", "but", "fact", "sure", "clear", "likely", "agree",
    "agreed", "decided", "learned", "found", "ruled", "realized", "concluded", "noting",
)  # fmt: skip

# words right before "a year ago" that make it a comparison with the period the story reports
# on ("sales fell from a year ago"), not a day counted from the dateline ("as early as a year ago")
COMPARISON_BEFORE = (
    "from", "than", "with", "over", "versus", "vs.", "vs", "against", "to",
)  # fmt: skip

# Words before "New Year" naming a calendar whose new year has no table here: "the Thai New
# Year" ("Lunar", "Jewish" and "Persian New Year" are holidays of their own)
OTHER_CALENDARS = (
    "islamic", "hijri", "vietnamese", "tamil", "thai", "sinhala", "tibetan", "korean", "orthodox",
    "bengali", "nepali", "ethiopian", "hindu", "sikh", "buddhist",
)  # fmt: skip

# Before "days of", "years of": words that make it a period named by what follows ("the days of
# the Soviet Union", "those years of plenty"), not a span of time
NOT_SPAN_BEFORE_OF = ("the", "these", "those", "early", "final", "last", "first", "glory", "dog")

# Before "4 in the morning": the words that make the number a time of day
CLOCK_PREPOSITIONS = ("at", "by", "until", "till", "before", "after", "from", "to", "around",
                      "about", "since", "past")  # fmt: skip

# Between the two ends of a range ("from July 12 to Aug. 22", "between June and August"), and
# before its first end
RANGE_CONNECTORS = ("to", "until", "till", "through", "thru", "and")
RANGE_OPENINGS = ("from", "between")
