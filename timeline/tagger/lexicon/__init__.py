"""English language data for the tagger: words and the values they carry. No logic lives here.

Each table maps a lower-case surface form to its value; the recognizer builds its patterns from
these keys and the resolver reads the values. Add a spelling or a holiday here, with an example.
"""

from __future__ import annotations

# "Dec. 29", "December", "Sept. 30"  ->  month number
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month words that are also ordinary English words ("may" modal, "march" verb): tagged only when
# capitalised and in a date-like context ("May 5", "in March", "last May").
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "sep", "dec", "oct"})

# "Friday", "Fri." -> ISO weekday (Monday = 1). "Sun"/"Sat"/"Wed" alone are not taken (a paper,
# a verb): abbreviations need their period and a date-like context.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
    "sat": 6, "sun": 7,
}  # fmt: skip

# "three days", "twenty-four hours", "a dozen years", "half an hour", "a quarter century"
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "half an": 0.5, "a half": 0.5, "half": 0.5,
    "a quarter": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25,
}  # fmt: skip

# Vague quantities: "several days" -> PXD, "a few weeks" -> PXW
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "some", "many", "a number of", "numerous"})

# "the third quarter", "the 29th", "the first half"
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "last": -1, "final": -1,
}  # fmt: skip

# unit word -> (ISO-8601 duration letter, is a time unit (PT..))
#   "three years" -> P3Y, "five hours" -> PT5H, "a decade" -> P10Y (TimeML: P1DE), "a century" P1CE
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
    "weekend": ("WE", False),
}  # fmt: skip
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century", "millennia": "millennium",
    "weekends": "weekend", "yrs": "year", "mos": "month", "hrs": "hour", "mins": "minute",
}  # fmt: skip
# "a fortnight" is two weeks; "a decade" keeps its own unit in TIMEX3 values
UNIT_MULTIPLIER: dict[str, int] = {"fortnight": 2}

# "the eighties" -> the decade 198 (the century from the story: "the twenties" of the 1900s)
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# "spring 2019" -> 2019-SP
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# "Friday morning" -> 2020-01-03TMO ; "noon" -> T12:00
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "daytime": "DT", "dawn": "MO", "dusk": "EV",
}  # fmt: skip
CLOCK_WORDS: dict[str, str] = {"noon": "12:00", "midnight": "24:00", "midday": "12:00"}
TIME_ZONES = frozenset({
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "et", "pt", "ct", "mt", "local time",
})  # fmt: skip

# Words that put a bare weekday/month before or after the anchor: "last Friday", "next May"
DIRECTION_WORDS: dict[str, int] = {
    "last": -1, "past": -1, "this past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "next": 1, "coming": 1, "this coming": 1, "following": 1, "upcoming": 1,
    "this": 0, "current": 0, "present": 0,
}  # fmt: skip

# Approximators before a quantity -> TIMEX3 mod: "nearly two years" LESS_THAN ...
APPROX_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}  # fmt: skip

# Single words with a fixed reference value: "now" PRESENT_REF, "recently" PAST_REF ...
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF", "the future": "FUTURE_REF",
    "shortly": "FUTURE_REF", "eventually": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "future": "FUTURE_REF", "recent years": "PAST_REF", "recent months": "PAST_REF",
    "recent weeks": "PAST_REF", "recent days": "PAST_REF", "the years ahead": "FUTURE_REF",
}  # fmt: skip
# "in coming quarters", "the weeks ahead", "in past years", "future decades": a vague stretch
# of the past or future told by a plural unit
REFERENCE_WORDS.update({
    phrase.format(units): ref
    for units in ("days", "weeks", "months", "quarters", "years", "decades")
    for phrase, ref in (("coming {}", "FUTURE_REF"), ("the coming {}", "FUTURE_REF"),
                        ("the {} ahead", "FUTURE_REF"), ("future {}", "FUTURE_REF"),
                        ("recent {}", "PAST_REF"), ("past {}", "PAST_REF"),
                        ("the past {}", "PAST_REF"))
})  # fmt: skip

# Nouns that make "today's" mean "of our time", not the dateline: "today's youth", "in today's world"
GENERIC_TODAY_NOUNS = frozenset({
    "world", "youth", "society", "generation", "young people", "children", "kids", "teenagers",
    "students", "families", "parents", "consumers", "computers", "technology", "economy",
    "standards", "culture", "media", "workplace", "workforce", "marketplace",
})  # fmt: skip

# Days relative to the dateline: "yesterday" -1
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}  # fmt: skip

# Frequencies: "daily" -> SET P1D; "every Monday" is built from WEEKDAYS
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "annually": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "semiannually": "P6M",
    "biannually": "P6M", "quarterly": "P3M", "fortnightly": "P2W",
}  # fmt: skip

# Holidays: name -> (month, day) fixed, or (month, weekday, n) the n-th weekday (n=-1: last)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "independence day": (7, 4), "the fourth of july": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "st. patrick's day": (3, 17), "bastille day": (7, 14), "may day": (5, 1),
    "st patrick's day": (3, 17), "april fools' day": (4, 1), "april fool's day": (4, 1),
    "canada day": (7, 1), "australia day": (1, 26), "anzac day": (4, 25), "juneteenth": (6, 19),
    "remembrance day": (11, 11), "guy fawkes night": (11, 5), "bonfire night": (11, 5),
    "hogmanay": (12, 31), "waitangi day": (2, 6), "orthodox christmas": (1, 7),
    "election day": (11, 0),  # placeholder day 0: first Tuesday after first Monday (code)
}  # fmt: skip
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    "martin luther king day": (1, 1, 3), "martin luther king jr. day": (1, 1, 3),
    "martin luther king, jr. day": (1, 1, 3), "mlk day": (1, 1, 3), "presidents day": (2, 1, 3),
    "presidents' day": (2, 1, 3), "columbus day": (10, 1, 2),
}  # fmt: skip
# Holidays a fixed number of days from another: Easter (the Western computus, dateutil's) or a
# holiday above. "Good Friday" is two days before Easter, "Black Friday" the day after Thanksgiving
RELATIVE_HOLIDAYS: dict[str, tuple[str, int]] = {
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter day": ("easter", 0),
    "good friday": ("easter", -2), "holy saturday": ("easter", -1),
    "maundy thursday": ("easter", -3), "holy thursday": ("easter", -3),
    "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "easter monday": ("easter", 1), "ascension day": ("easter", 39),
    "pentecost": ("easter", 49), "whit monday": ("easter", 50),
    "shrove tuesday": ("easter", -47), "mardi gras": ("easter", -47),
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
}  # fmt: skip

# Holidays of other calendars, read from the `holidays` package's tables: name -> (a country
# that keeps the holiday, its name there in English). "Lunar New Year" is 2020-01-25
CALENDAR_HOLIDAYS: dict[str, tuple[str, str]] = {
    "lunar new year": ("SG", "Chinese New Year"), "chinese new year": ("SG", "Chinese New Year"),
    "the spring festival": ("SG", "Chinese New Year"), "spring festival": ("SG", "Chinese New Year"),
    "tet": ("SG", "Chinese New Year"),
    "eid al-fitr": ("SG", "Eid al-Fitr"), "eid ul-fitr": ("SG", "Eid al-Fitr"),
    "eid al-adha": ("SG", "Eid al-Adha"), "eid ul-adha": ("SG", "Eid al-Adha"),
    "diwali": ("IN", "Diwali"), "deepavali": ("IN", "Diwali"), "holi": ("IN", "Holi"),
    "vesak": ("SG", "Vesak Day"), "vesak day": ("SG", "Vesak Day"),
    "passover": ("IL", "Pesach"), "pesach": ("IL", "Pesach"),
    "rosh hashanah": ("IL", "Rosh Hashanah"), "the jewish new year": ("IL", "Rosh Hashanah"),
    "jewish new year": ("IL", "Rosh Hashanah"), "yom kippur": ("IL", "Yom Kippur"),
    "sukkot": ("IL", "Sukkot"), "shavuot": ("IL", "Shavuot"), "purim": ("IL", "Purim"),
    "nowruz": ("IR", "Nowruz"), "persian new year": ("IR", "Nowruz"),
    "iranian new year": ("IR", "Nowruz"), "ashura": ("IR", "Ashura"),
}  # fmt: skip

# The value of "the hours / weeks / years before X" at the precision its unit suggests (days,
# weeks and months: XXXX-XX)
UNDATED_STRETCHES: dict[str, tuple[str, str]] = {
    "hours": ("XXXX-XX-XX", "day"), "years": ("XXXX", "year"), "decades": ("XXXX", "year"),
}  # fmt: skip

# Days named by what happened on them, one day each: "the 9/11 attacks", "D-Day". ("Black
# Monday" is left out: 1987's and 2020's.) And month-days that name an event before the noun
# of it: "the September 11 attacks"
NAMED_DAYS: dict[str, str] = {
    "9/11": "2001-09-11", "d-day": "1944-06-06", "v-e day": "1945-05-08", "ve day": "1945-05-08",
    "v-j day": "1945-08-15", "vj day": "1945-08-15",
}  # fmt: skip
NAMED_EVENT_DAYS: dict[tuple[int, int, str], int] = {
    (9, 11, "attacks"): 2001, (9, 11, "attack"): 2001, (9, 11, "hijackings"): 2001,
}  # fmt: skip

# Anaphoric heads: "the next day", "that month", "the same day", "the following year"
ANAPHORIC_DIRECTIONS: dict[str, int] = {
    "next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0,
    "that": 0, "the same": 0,
}  # fmt: skip

# Signals after a quantity: "two days ago" counts back from the dateline, "three weeks from now"
# ahead of it; "a year earlier" back from the story's last date, "two days later" ahead of it
AGO_WORDS = frozenset({"ago", "back"})
FROM_NOW_WORDS = frozenset({"from now", "hence"})
EARLIER_WORDS = frozenset({"earlier", "before", "previously", "prior"})

# Years said in words (broadcast transcripts): "nineteen ninety-six", "the year two thousand"
SPELLED_CENTURIES: dict[str, int] = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}
