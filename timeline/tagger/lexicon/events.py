"""English word lists for the events stage: sentence ends, clause connectors, attributions.

Data only; `timeline.events` reads these to split sentences and clauses and to trim a clause into
an event headline. Add a word here (with an example), not a special case in the code.
"""

from __future__ import annotations

# Abbreviations that never end a sentence: a title or a month before a name or a number.
#   "Gen. Milley", "Dec. 29", "Mr. Esper", "St. Louis"
NON_FINAL_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "sen", "rep", "gov", "pres", "supt", "rev", "fr", "st", "mt", "ft", "hon", "amb",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vol", "vs", "v", "approx", "est", "fig", "e.g", "i.e", "cf", "al",
})  # fmt: skip

# Abbreviations that may end a sentence ("... in Washington D.C. The next day ..."): the sentence
# ends there only when the next word is a usual sentence opener (SENTENCE_OPENERS).
#   "U.S.", "D.C.", "Inc.", "etc.", "a.m."
MAYBE_FINAL_ABBREVIATIONS = frozenset({
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "etc", "bros", "dept", "govt",
})  # fmt: skip

# Words that open sentences after an abbreviation such as "U.S." or "etc.": "... etc. Then it went"
SENTENCE_OPENERS = frozenset({
    "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "this", "that", "these", "those", "there", "then", "now", "but", "and", "so", "yet",
    "in", "on", "at", "after", "before", "when", "while", "if", "as", "since", "some", "many",
    "most", "one", "both", "all", "no", "however", "meanwhile", "also", "still", "earlier",
    "later", "last", "for", "by", "with", "according", "officials", "what", "why", "how",
})  # fmt: skip

# Labels in front of a photo caption: "FILE PHOTO: U.S. Army General Mark Milley is seen ..."
CAPTION_LABELS = ("FILE PHOTO", "PHOTO", "FILE", "VIDEO", "GRAPHIC", "PICTURE")

# News agencies in a dateline: "WASHINGTON (Reuters) - ..."
AGENCIES = frozenset({
    "reuters", "ap", "afp", "upi", "bloomberg", "cnn", "bbc", "xinhua", "dpa", "efe", "ansa",
    "the associated press", "associated press", "wikinews", "ians", "pti", "kyodo", "tass",
})  # fmt: skip

# Words that start a relative clause: "a leaked letter that created impressions ..."
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose", "where"})

# Subordinating words that always start a clause: "..., while Apple shares fell"
SUBORDINATORS = frozenset({
    "when", "while", "because", "although", "though", "whereas", "unless", "whenever",
})  # fmt: skip

# Words that start a clause only when a verb follows; otherwise they are prepositions:
#   "since a U.S. drone strike killed ..." (clause) / "since the war" (not a clause)
CLAUSE_OR_PREPOSITION = frozenset({"after", "before", "since", "until", "till", "as", "once"})

# Coordinators that start a new clause after a comma, or before a verb: ", but the U.S. ...",
# "... the iPod and launched the iTunes Music Store"
COORDINATORS = frozenset({"and", "but", "or", "yet", "so"})

# Fixed phrases whose connector does not start a clause: "as well as", "such as", "so that" ...
NON_CLAUSE_PHRASES = (
    "as well as", "such as", "as of", "as many as", "as much as", "as part of", "as a result",
    "as soon as", "as long as", "as far as", "as well", "so as to", "as if", "as though",
    "as to", "as for", "as opposed to", "as usual", "as expected", "as planned", "as such",
    "the same as", "as early as", "as late as", "as recently as", "so far", "or so",
    "and so on", "before and after", "after all", "long before", "soon after", "shortly after",
    "shortly before", "right after", "just after", "just before", "that is",
)  # fmt: skip

# Words after which "that" is a determiner, not a connector: "from that guy's hands"
THAT_AS_DETERMINER_AFTER = frozenset({
    "from", "in", "on", "at", "of", "to", "with", "for", "by", "about", "like", "into",
    "under", "over", "through", "during", "all", "and", "is", "was", "be", "been", "not",
    "but", "than", "so", "such", "after", "before",
})  # fmt: skip

# Reporting verbs: "..., Milley said", "the premier's office said in a statement"
ATTRIBUTION_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted",
    "notes", "explained", "explains", "argued", "argues", "claimed", "claims", "insisted",
    "insists", "warned", "warns", "wrote", "writes", "reported", "reports", "announced",
    "announces", "confirmed", "confirms", "declared", "declares", "stressed", "stresses",
    "acknowledged", "acknowledges", "believes", "believed", "thinks", "thought", "estimated",
    "estimates", "predicted", "predicts", "asserted", "asserts", "remarked", "commented",
    "suggested", "suggests", "revealed", "reveals", "disclosed", "indicated", "indicates",
    "maintained", "contended", "recalled", "recalls", "tweeted",
})  # fmt: skip
# "according to Times Online", "in a statement"
ATTRIBUTION_PHRASES = ("according to", "quoted by", "cited by")

# Prepositions (and the like) that belong to a date phrase and leave the headline with it:
#   "killed ... on Friday" -> "killed ..."; "as of March 2019"; "halted shortly after 9 p.m.";
#   "until 5 a.m. the following Monday"
DATE_PREPOSITIONS = frozenset({
    "on", "in", "at", "by", "during", "since", "until", "till", "from", "through", "throughout",
    "of", "for", "before", "after", "around", "about", "as", "within", "over", "between",
    "starting", "beginning", "ending", "circa", "late", "early", "earlier", "later",
    "shortly", "just", "soon", "right", "immediately", "the",
})  # fmt: skip

# The prepositions that make a date an adverbial ("on Friday"), not the subject of its clause
# ("that day has come", "the end of the quarter ends")
ADVERBIAL_PREPOSITIONS = frozenset({
    "on", "in", "at", "by", "during", "since", "until", "till", "from", "through", "throughout",
    "for", "before", "after", "around", "about", "as", "within", "over", "between", "circa",
})  # fmt: skip

# Before a date that is the subject of its clause: "its fourth quarter ended", "the very
# beginning of the financial year marked"
DETERMINERS_BEFORE_SUBJECT = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those", "very", "whole", "entire",
})  # fmt: skip

# Words a headline cannot end with once the date is gone: "... compared to", "... more than"
DANGLING_ENDINGS = frozenset({"to", "than", "compared", "the", "a", "an", "with", "into", "onto"})

# Prepositions opening an adverbial phrase before the subject, dropped up to its comma:
#   "In a July 16 press conference, Jobs said ..." -> "Jobs said ..."
FRONTED_PREPOSITIONS = frozenset({
    "in", "on", "at", "during", "as", "after", "before", "following", "with", "within", "for",
    "by", "despite", "amid", "under", "since", "of", "from", "over", "until", "like", "among",
})  # fmt: skip

# Adverbs that open a sentence before its subject, up to a comma: "However, iPod owners will ..."
DISCOURSE_ADVERBS = frozenset({
    "however", "still", "meanwhile", "moreover", "furthermore", "instead", "nevertheless",
    "nonetheless", "yet", "thus", "therefore", "indeed", "now", "then", "finally", "overall",
    "also", "besides", "likewise", "similarly", "otherwise", "so", "but", "and", "previously",
    "later", "earlier", "afterwards", "currently", "ultimately", "eventually", "separately",
    "additionally", "in addition", "first", "second", "third", "lastly", "initially",
})  # fmt: skip

# Other prepositions: a date followed by one of these ends its phrase ("in the fall of 2011
# alongside iOS 5"); a date followed by a noun qualifies it ("the 1991 agreement").
PREPOSITIONS = frozenset({
    "about", "above", "across", "against", "along", "alongside", "amid", "among", "around",
    "behind", "below", "beneath", "beside", "besides", "beyond", "despite", "down", "except",
    "inside", "into", "near", "off", "onto", "outside", "past", "per", "plus", "regarding",
    "toward", "towards", "under", "underneath", "unlike", "upon", "versus", "via", "with",
    "without", "ahead", "amongst", "than", "like", "following", "including",
})  # fmt: skip

# "since 2003", "ever since 2003": the event runs from the date to the dateline
SINCE_WORDS = ("ever since", "since")
# "over the past three years": a span ending at the dateline
PAST_SPAN_OPENERS = (
    "over the past", "over the last", "in the past", "in the last", "during the past",
    "during the last", "for the past", "for the last", "within the past", "within the last",
    "the past", "the last", "past", "last",
)  # fmt: skip
# "within the next six months": a span starting at the dateline
FUTURE_SPAN_OPENERS = (
    "within the next", "over the next", "in the next", "during the next", "for the next",
    "within the coming", "over the coming", "in the coming", "the next", "next", "within",
)  # fmt: skip

# "a day after Iraq's parliament passed ...": the offset's direction (event-relative dates)
RELATIVE_AFTER = frozenset({"after", "later"})
RELATIVE_BEFORE = frozenset({"before", "earlier", "prior to"})

# Verbs recognised without a part-of-speech tagger: auxiliaries and modals ("was", "will") ...
AUXILIARIES = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "won't",
    "can't", "didn't", "doesn't", "isn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
})  # fmt: skip
# ... and irregular past forms plus headline-style present forms ("came", "sold", "unveils").
#   A stretch of words needs one of these (or a regular -ed form) to count as a clause.
COMMON_VERBS = frozenset({
    "came", "went", "took", "made", "gave", "got", "began", "became", "left", "met", "ran",
    "saw", "sold", "won", "lost", "held", "hit", "fell", "rose", "led", "spoke", "wrote",
    "brought", "bought", "built", "caught", "chose", "drew", "drove", "ate", "found", "flew",
    "felt", "fought", "grew", "heard", "hid", "kept", "knew", "laid", "lay", "meant", "paid",
    "put", "quit", "rode", "rang", "sent", "set", "shot", "shut", "sang", "sat", "slept",
    "split", "spread", "stood", "stole", "struck", "swore", "swept", "taught", "tore",
    "threw", "understood", "woke", "wore", "withdrew", "said", "told", "thought", "sought",
    "broke", "bore", "beat", "bet", "bit", "blew", "cost", "cut", "dealt", "dug",
    "fed", "forgot", "forgave", "froze", "hung", "hurt", "lent", "let", "lit", "overtook",
    "rid", "shook", "shone", "sank", "slid", "spent", "stuck", "stung", "swung",
    "undertook", "born", "unveils", "unveil", "says", "announces", "launches", "releases", "plans",
    "introduces", "resigns", "dies", "wins", "loses", "sues", "leaves", "takes", "makes",
    # irregular past participles: "is seen", "has taken", "was given"
    "seen", "taken", "given", "done", "gone", "known", "shown", "written", "spoken", "chosen",
    "driven", "eaten", "fallen", "forgotten", "frozen", "hidden", "ridden", "risen", "shaken",
    "stolen", "sworn", "thrown", "woken", "worn", "begun", "broken", "drawn", "flown", "grown",
    "sung", "sunk", "torn", "withdrawn", "beaten", "bitten", "blown", "forbidden", "forgiven",
    "mistaken", "overtaken", "proven", "undertaken", "arisen", "awoken",
})  # fmt: skip
# Words before which an -ed or -s word is a modifier or a noun, not a verb: "the leaked letter"
# (and "of": "movement of increased forces")
DETERMINERS = frozenset({
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "any", "no", "each", "every", "many", "several", "all", "both",
})  # fmt: skip

# Words ending in -ed that are not verbs: "hundred", "speed", "red"
NOT_VERBS_ED = frozenset({
    "hundred", "speed", "red", "bed", "need", "seed", "feed", "indeed", "shed", "reed", "bred",
    "sled", "wed", "breed", "creed", "greed", "steed", "embed", "ted", "fred", "ed", "united",
    "limited", "based", "related", "so-called", "skilled", "detailed", "advanced",
})  # fmt: skip

# Words left out when two event texts are compared (merging the same event across articles).
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "onto", "about", "as", "that", "which", "who", "whom", "whose", "this",
    "these", "those", "its", "it", "his", "her", "their", "our", "he", "she", "they", "we",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "should", "shall", "do", "does", "did", "not", "no",
    "also", "than", "then", "there", "here", "s", "up", "out", "over", "after", "before",
    "said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports",
    "new", "all", "some", "any", "more", "most", "very", "just", "only",
})  # fmt: skip

# --- events: predicates, their dates, and reports of the same event --------------------------
# Nouns that name an event: a clause without a verb is an event when it holds one of these
#   ("Explosion at Baghdad airport", "the keynote", "a vote on the resolution")
EVENT_NOUNS = frozenset({
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "explosion",
    "blast", "crash", "collapse", "fire", "earthquake", "quake", "flood", "storm", "hurricane",
    "shooting", "killing", "murder", "assassination", "war", "invasion", "raid", "protest",
    "protests", "riot", "election", "vote", "referendum", "poll", "ballot", "summit",
    "meeting", "talks", "conference", "keynote", "speech", "hearing", "trial", "verdict",
    "ruling", "appeal", "lawsuit", "suit", "settlement", "deal", "merger", "acquisition",
    "takeover", "bid", "sale", "launch", "release", "debut", "announcement", "recall",
    "resignation", "retirement", "death", "funeral", "wedding", "birth", "arrest", "indictment",
    "sentencing", "withdrawal", "ceasefire", "truce", "agreement", "treaty", "visit", "tour",
    "ceremony", "inauguration", "opening", "closure", "shutdown", "outage", "bankruptcy",
    "layoffs", "recession", "crisis", "scandal", "investigation", "inquiry", "probe", "rally",
    "march", "parade", "festival", "tournament", "match", "game", "final", "race", "award",
    "dispute", "integration", "update", "upgrade", "event",
})  # fmt: skip

# Words after which a verb appears in its bare form: "will provide", "to leave", "did not say"
BARE_VERB_AFTER = frozenset({
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "did",
    "does", "do", "didn't", "doesn't", "don't", "won't", "wouldn't", "can't", "cannot",
    "couldn't", "shouldn't", "'ll", "’ll", "not", "never", "also",
})  # fmt: skip

# Verbs news writes in the present or bare form, which the -ed/-s form rules cannot see
#   ("They plan to", "will provide", "Apple and Google compete"): base forms; -s/-ed/-ing forms
#   of these are verbs too.
NEWS_VERBS = frozenset({
    "announce", "unveil", "introduce", "launch", "release", "sell", "buy", "acquire", "agree",
    "approve", "ban", "begin", "build", "call", "cancel", "cause", "charge", "claim", "close",
    "compete", "continue", "cost", "cut", "decide", "deny", "die", "drop", "earn", "elect",
    "end", "expect", "face", "fall", "file", "fire", "force", "gain", "give", "grow", "have",
    "help", "hire", "hold", "hope", "include", "increase", "invest", "join", "kill", "lead",
    "leave", "lose", "make", "meet", "move", "need", "offer", "open", "order", "own", "pass",
    "pay", "plan", "provide", "raise", "reach", "receive", "reduce", "refuse", "remain",
    "report", "require", "resign", "rise", "rule", "run", "see", "seek", "send", "serve",
    "show", "sign", "spend", "start", "stop", "support", "take", "talk", "threaten", "try",
    "use", "vote", "want", "warn", "win", "work", "allow", "ask", "bring", "come", "go", "get",
    "keep", "let", "put", "set", "become", "happen", "feature", "ship", "proceed", "demo", "praise", "pre-order", "sue", "settle", "violate", "bar", "replace",
    "double", "top", "overtake", "hint", "stress", "imply", "underscore", "implement",
})  # fmt: skip

# Words of planning: what follows them ("for a release on June 24", "to launch Friday") is the
# planned event, dated apart from the planning ("is slated", reported)
PLAN_WORDS = frozenset({
    "slated", "scheduled", "set", "due", "expected", "planned", "poised", "likely", "ready",
    "preparing", "planning", "plans", "hopes", "aims", "intends", "expects",
})  # fmt: skip
# Words that start a clause happening at the time of the clause it belongs to: "While
#   introducing iPhone 4, Jobs started ...", "... as Esper speaks, December 29, 2019"
SIMULTANEOUS = frozenset({"while", "whilst", "as", "when", "by"})

# Auxiliaries that make a perfect or a state of what follows: "has been fighting since 2004"
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'s", "’s", "'ve", "’ve", "'d", "’d"})
# Verbs of a state, which "since X" dates over a range: "is chairman since 2004"
STATE_VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "live", "lives",
    "lived", "own", "owns", "owned", "hold", "holds", "held", "serve", "serves", "served",
    "stay", "stays", "stayed", "exist", "exists", "existed", "run", "runs", "led", "lead",
    "leads", "work", "works", "worked", "know", "knows", "known",
})  # fmt: skip

# Words that make the date after them a point of comparison, not the time of the event:
#   "fell 35% from a year earlier", "higher than in 2019", "compared with the year-ago quarter"
COMPARISON_OPENERS = (
    "from", "than", "compared with", "compared to", "compared", "versus", "vs.", "vs", "against",
    "up from", "down from", "over", "relative to", "as against", "since",
)  # fmt: skip
# ... "since" only with these: "the first win since 2019", "the highest since 1998"
SINCE_COMPARISONS = frozenset({
    "first", "last", "highest", "lowest", "biggest", "largest", "smallest", "worst", "best",
    "strongest", "weakest", "most", "least", "fastest", "slowest", "deepest", "longest",
})  # fmt: skip

# Predicates two articles may use for one event ("unveiled" / "introduced" the iPhone 4):
#   each group is one event for merging, by stem (see `events.clauses.content_words`)
SAME_EVENT_VERBS = (
    ("unveil", "introduc", "announc", "launch", "present", "debut", "show", "reveal"),
    ("kill", "slay", "assassinat", "murder"),
    ("die", "pass away", "death"),
    ("resign", "quit", "step down", "leav", "resignation"),
    ("buy", "acquir", "purchas", "acquisition", "takeover"),
    ("sue", "lawsuit", "suit", "fil"),
    ("sell", "sold", "sale"),
    ("win", "won", "victory"),
    ("settl", "settlement", "resolv"),
    ("releas", "ship", "available", "launch"),
    ("say", "said", "told", "tell", "stat", "announc"),
)  # fmt: skip

# Company suffixes a name is also written without: "Apple Inc." -> "Apple"
COMPANY_SUFFIXES = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "ag", "sa",
    "nv", "gmbh", "group", "holdings",
})  # fmt: skip
# Words that make a two- or three-word name no person's ("Apple Computer", "White House")
NOT_PERSON_WORDS = COMPANY_SUFFIXES | frozenset({
    "computer", "computers", "apple", "corps", "store", "records", "music", "house", "party",
    "bank", "university", "court", "council", "ministry", "army", "navy", "agency", "airport",
    "airlines", "motors", "systems", "technologies", "communications", "press", "times",
    "news", "city", "county", "state", "states", "united", "national", "international",
    "conference", "association", "committee", "department", "office", "union", "league",
})  # fmt: skip
