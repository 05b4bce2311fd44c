"""Words that tell the tense of the clause around a date: does "Friday" lie behind the dateline or
ahead of it? Phrases, lower case, a space for any whitespace, ' for either apostrophe. No logic.

`timeline/tagger/tense.py` builds its patterns from these lists; each has an example.
"""

from __future__ import annotations

# A future auxiliary or a word that only ever points ahead: "NATO will meet Friday", "it won't
# reopen until May", "the dividend is payable Jan. 2", "the offer expires Friday"
FUTURE_WORDS = (
    "will", "won't", "wo n't", "shall", "'ll", "going to", "is to", "are to", "would", "might",
    "could", "must", "should", "as soon as", "until", "tomorrow", "scheduled", "upcoming",
    "payable", "expire", "expires", "of record", "effective",
)  # fmt: skip
# a plan with its object: "protesters planned a rally on Saturday" (what is planned lies ahead of
# the planning; not "began as planned Saturday")
PLANNED_OBJECT = ("planned a", "planned an", "planned the", "planned their", "planned its",
                  "planned his", "planned her", "plans a", "plans an", "plan a", "plan an")  # fmt: skip

# BE + one of these + "to": "the council is scheduled to meet Thursday", "talks were due to end"
PLAN_PARTICIPLES = ("scheduled", "expected", "due", "set", "slated", "planned", "likely")
# BE + one of these + "in|on|for" (no "to"): "results are expected in the third quarter"
PLAN_PARTICIPLES_BEFORE_DATE = ("expected", "scheduled", "due", "slated", "planned", "set")
# was/were + one of these + "to": "exiles were planning to drive to the port Saturday"
PLAN_PROGRESSIVES = ("planning", "preparing", "hoping", "expecting")
# one of these + "to": "Iran plans to resume enrichment in March", "vows to retaliate Friday"
# ("agreed to", "promised to" are past acts: "Acme on Thursday agreed to settle")
PLAN_VERBS = (
    "plan", "plans", "planning", "intend", "intends", "hope", "hopes", "aim", "aims", "expect",
    "expects", "vow", "vows", "threaten", "threatens",
)  # fmt: skip
# a prediction, with or without "to": "analysts expect margins to improve in the second quarter"
PREDICTION_VERBS = (
    "expect", "expects", "expecting", "anticipate", "anticipates", "predict", "predicts",
)  # fmt: skip
# one of these + "to": "the multi-party talks are supposed to conclude by May"
READY_WORDS = ("planned", "set", "due", "slated", "ready", "hoping", "expecting", "supposed")
# one of these + "for": "a NATO summit set for April", "funds earmarked for 2021"
SET_FOR_WORDS = ("set", "planned", "scheduled", "slated", "due", "earmarked")

# The present of a scheduled act, which news uses for the future: "the summit opens Thursday",
# "voters go to the polls on Sunday", "the law takes effect Jan. 1". Forms that are also common
# nouns ("talks", "visits", "returns", "faces", "vote") are left out.
SCHEDULED_PRESENT = (
    "opens", "begins", "resumes", "reopens", "convenes", "meets", "travels", "arrives", "departs",
    "heads", "flies", "hosts", "testifies", "appears", "speaks", "premieres", "kicks off",
    "takes effect", "take effect", "goes to the polls", "go to the polls", "goes on trial",
    "go on trial", "is due", "are due", "faces a", "face a", "faces an", "face an", "closes for",
    "wraps up", "returns", "debates", "ends", "hosts", "awaits", "awaiting", "decides",
    "rules on", "hears", "sits", "launches", "is on", "are on", "postponed to",
    "postponed until", "delayed to", "delayed until", "moved to", "pushed back to",
    "rescheduled for", "as early as", "comes out", "come out", "runs from", "run from",
    "heads to the polls", "head to the polls", "goes on sale", "go on sale", "open on",
    "starts", "finishes", "concludes", "closes on", "close on", "is out", "are out", "due",
    "enters into force", "enter into force", "comes into force", "come into force", "turns",
    "expected to", "expects to", "is set to", "are set to", "open at", "opens at",
)  # fmt: skip
# ... and its plural, never after "to" ("lawmakers return on Tuesday", not "for Sun to meet
# demand into the summer")
SCHEDULED_PRESENT_PLURAL = ("return", "meet", "host", "await",
                            "resume", "convene", "travel", "arrive", "decide")  # fmt: skip

# Pronouns that open a relative clause between commas, whose verb is its own: "Bennett, who was
# sworn in on June 13, will travel"
RELATIVE_PRONOUNS = ("who", "which", "whose", "whom")
# Attribution after a comma, which reports rather than dates what is told: "will meet on Friday,
# diplomats said"
ATTRIBUTION_AFTER = ("said", "says", "told", "added", "reported", "announced", "according to")

# The future seen from a past time: "police said on Saturday that he would appear in court on
# Monday" (the Monday after that Saturday)
FUTURE_IN_PAST = ("would", "was to", "were to", "was going to", "were going to", "'d")

# Conjunctions that open a coordinated clause with a verb of its own: "ended on Saturday, and
# will resume Wednesday"
CLAUSE_CONJUNCTIONS = ("and", "but", "while", "whereas")
# Between a past verb and its date, words that may carry the date ahead: "agreed to buy it in
# February" (a to-infinitive, found by its "to"), "extended loans through January"
DEFERRING_WORDS = ("through", "until", "till")
# After "to", words that make it a preposition, not an infinitive: "returned to the office"
DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
               "that", "these", "those")  # fmt: skip

# Past forms that set a date ahead rather than tell what happened on it: "has set Nov. 10 as the
# deadline", "was extended to Nov. 16"
SCHEDULING_PAST = ("set", "extended", "moved", "delayed", "postponed", "pushed", "scheduled",
                   "rescheduled", "called", "slated", "planned", "fixed", "put", "announced",
                   "said", "told", "reported")  # fmt: skip

# Past forms that do not end in -ed: "Iraq's parliament met Sunday", "oil prices rose Thursday"
PAST_VERBS = (
    "was", "were", "had", "did", "said", "told", "came", "went", "made", "took", "gave", "began",
    "met", "left", "held", "won", "lost", "fell", "rose", "sold", "bought", "paid", "struck",
    "hit", "killed", "died", "announced", "reported", "arrived", "became", "saw", "got", "put",
    "set", "found", "thought", "brought", "ran", "led", "spoke", "wrote", "sent", "drew", "grew",
    "threw", "flew", "knew", "blew", "withdrew", "wore", "swore", "tore", "rode", "broke", "chose",
    "froze", "stole", "woke", "drove", "shook", "stood", "understood", "fought", "caught",
    "taught", "sought", "felt", "kept", "slept", "swept", "meant", "dealt", "built", "spent",
    "fled", "sat", "spun", "swung", "hung", "stuck", "dug", "laid", "arose", "drank",
    "sank", "sang", "rang", "swam", "overcame", "forgave", "ate", "undertook", "overtook",
    "mistook", "hid", "slid", "lit", "struck", "became", "forgot", "wrote",
)  # fmt: skip
# Words in -ed that are no past verb: "indeed", "a hundred", "the proposed merger", "an armed
# group", "preferred shares", "the expected loss" (plans seen from now)
NOT_PAST_ED = (
    "need", "indeed", "hundred", "speed", "feed", "seed", "breed", "succeed", "proceed",
    "exceed", "bleed", "heed", "greed", "embed", "shed", "expected", "scheduled",
    "planned", "slated", "extended", "delayed", "postponed", "preferred", "limited", "unlimited",
    "united", "based", "related", "unrelated", "proposed", "alleged", "concerned", "interested",
    "armed", "unarmed", "advanced", "aged", "naked", "sacred", "hatred", "kindred",
)  # fmt: skip
# Past participles that name a plan, not a past act, when right before the date: "expected in
# the third quarter", "scheduled on Friday" (else "first proposed in January" is the January gone by)
PLAN_PARTICIPLES_AHEAD = (
    "expected", "scheduled", "planned", "slated", "anticipated", "forecast", "projected",
    "predicted", "promised", "budgeted", "targeted", "intended", "needed", "required", "delayed",
    "postponed", "deferred", "pushed", "moved", "rescheduled", "extended", "set", "due",
)  # fmt: skip
# Prepositions between such a participle and its date: "first proposed in January"
PARTICIPLE_PREPOSITIONS = ("in", "on", "during", "last", "early", "late", "earlier", "mid")

# A word right before the date that puts it behind the dateline at any distance: "the year
# ended March 31", "on patrol since March", "since early 2019"
PAST_BEFORE_DATE = ("ended", "since")
# A possessive date has happened: "Wednesday's ruling"
POSSESSIVE = ("'s",)
# before a possessive date, the words that make it a thing to come: "ahead of Tuesday's vote"
AWAITING_BEFORE_POSSESSIVE = ("ahead of", "await", "awaits", "awaiting", "awaited",
                              "in the run-up to", "preparing for", "prepare for")  # fmt: skip
# "Until Thursday, they had not called him": "until" in a past-perfect clause is past
UNTIL_IN_PAST = ("had", "was not until", "wasn't until")
# "will be held Friday", "to be named in March": a participle after these is no past
FUTURE_AUXILIARIES_BEFORE_PARTICIPLE = ("will", "would", "shall", "'ll", "to", "must", "should")
# adverbs inside such a verb group: "would still be held", "will also be named"
ADVERBS_IN_VERB_GROUP = ("still", "also", "now", "then", "only", "soon", "already", "even",
                         "again", "never", "always", "first")  # fmt: skip
