"""English word lists for naming the people, organisations and places of event headlines.

Data only; `timeline.events.entities` reads these to find names (runs of capitalised words), to
drop the capitalised words that are no names, and to give each name a kind. Lists already kept
for the events stage (stopwords, determiners, months, weekdays, company suffixes) are reused, not
copied. Add a word here (with an example), not a special case in the code.
"""

from __future__ import annotations

from . import FIXED_HOLIDAYS, MONTHS, NUMBER_WORDS, ORDINALS, TIME_ZONES, WEEKDAYS
from . import events as ev

# --- how names are written ----------------------------------------------------------------------
# Small words inside a name, between two capitalised words: "Court of Appeal", "AT&T" is one word
#   already, "Charles de Gaulle", "Ludwig van Beethoven", "Osama bin Laden"
NAME_CONNECTORS = ("of", "&", "de", "da", "del", "di", "du", "la", "le", "van", "von", "der", "bin")

# Words before "$" or "dollars" that name a currency, not a place: "US $199", "US$999"
CURRENCY_PREFIXES = frozenset({"us", "u.s.", "a", "c", "nz", "hk", "s"})
CURRENCY_AFTER = ("$", "dollar", "dollars", "cents")

# Words title case leaves small: a headline whose other words are all capitalised is in title
#   case ("Apple Unveils iPhone and Apple TV at the Show"), and its capitals tell nothing
TITLE_CASE_SMALL_WORDS = (
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by",
    "as", "up", "via", "vs", "per", "from", "with", "into", "over",
)  # fmt: skip

# --- capitalised words that are no names ----------------------------------------------------------
# Pronouns, greetings and sentence openers: "We love the Beatles", "Here is", "Yes"
_OPENERS = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "it", "they", "them", "mine", "ours",
    "yours", "hers", "theirs", "here", "there", "what", "why", "how", "who", "when", "where",
    "which", "whatever", "yes", "no", "not", "oh", "ok", "okay", "please", "thanks", "today",
    "tonight", "yesterday", "tomorrow", "if", "because", "although", "though", "unless",
    "whether", "even", "only", "just", "never", "always", "often", "perhaps", "maybe", "once",
    "every", "other", "others", "another", "such", "same", "each", "either", "neither", "few",
    "much", "more", "less", "most", "least", "none", "nothing", "everything", "everyone",
    "someone", "anyone", "nobody", "something", "anything", "almost", "about", "around",
    "nearly", "roughly", "approximately", "up", "down", "off", "out", "away", "back", "well",
    "too", "very", "rather", "quite", "again", "already", "soon", "recently", "currently",
    "formerly", "originally", "apparently", "reportedly", "allegedly", "according", "among",
    "including", "regarding", "despite", "amid", "following", "given", "together", "entirely",
    "new", "newer", "newest", "old", "many", "several", "some", "all", "both", "any",
})  # fmt: skip
# Capitalised common nouns and the words of a caption: "Internet", "Web", "FILE PHOTO"
COMMON_CAPITALISED = frozenset({
    "internet", "web", "email", "e-mail", "photo", "file", "video", "graphic", "picture",
    "editing", "chapter",
})  # fmt: skip
# Acronyms of common nouns: "CEO", "SDK", "a USB 1.1 connection", "an LCD screen", "PCs"
COMMON_ACRONYMS = frozenset({
    "ceo", "ceos", "cfo", "coo", "cto", "sdk", "lcd", "led", "usb", "pc", "pcs", "os", "gb",
    "mb", "kb", "tb", "ghz", "mhz", "mp3", "dvd", "dvds", "cd", "cds", "tv", "hd", "hdtv", "vpn",
    "voip", "it", "ai", "api", "gps", "faq", "pdf", "html", "url", "www", "am", "pm", "ok",
    "dj", "dna", "gdp", "ipo", "vip", "ufo", "id", "sms", "mba", "phd", "usd", "eur", "gbp",
    "cpu", "gpu", "ram", "rom", "lte", "3g", "4g", "5g", "dsl", "ip", "ui", "faqs", "q&a",
    "c.e.o", "c.e.o.", "r&d", "m&a", "hr", "pr", "tv-show", "3gs", "gsm", "wpa2", "dvd-rom",
    "otc", "ceo's",
})  # fmt: skip
# Nationality and regional adjectives: not names themselves ("Iraqi military", "the American
#   computer company"), nor in the plural ("12 Americans"), but words of one when the name ends
#   in an organisation or place word ("American Speech Language Hearing Association", "European
#   Commission", "Southern Poverty Law Center")
NATIONALITIES = frozenset({
    "american", "british", "english", "scottish", "welsh", "irish", "canadian", "mexican",
    "brazilian", "argentine", "argentinian", "chilean", "colombian", "venezuelan", "cuban",
    "peruvian", "french", "german", "italian", "spanish", "portuguese", "dutch", "belgian",
    "swiss", "austrian", "swedish", "norwegian", "danish", "finnish", "icelandic", "polish",
    "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish", "russian",
    "ukrainian", "belarusian", "serbian", "croatian", "bosnian", "albanian", "georgian",
    "armenian", "azerbaijani", "iranian", "iraqi", "syrian", "lebanese", "israeli",
    "palestinian", "jordanian", "saudi", "yemeni", "omani", "emirati", "qatari", "kuwaiti",
    "bahraini", "egyptian", "libyan", "tunisian", "algerian", "moroccan", "sudanese",
    "ethiopian", "somali", "kenyan", "ugandan", "tanzanian", "rwandan", "congolese",
    "nigerian", "ghanaian", "senegalese", "malian", "south african", "zimbabwean", "afghan",
    "pakistani", "indian", "bangladeshi", "sri lankan", "nepalese", "chinese", "japanese",
    "korean", "taiwanese", "mongolian", "vietnamese", "thai", "cambodian", "burmese",
    "malaysian", "singaporean", "indonesian", "filipino", "australian", "kiwi", "kurdish",
    "arab", "arabic", "persian", "european", "asian", "african", "western", "eastern",
    "northern", "southern", "latin", "islamic", "muslim", "christian", "jewish", "catholic",
    "protestant", "sunni", "shiite", "shia", "hindu", "buddhist", "sikh", "democratic",
    "republican", "federal", "national", "international", "global", "soviet", "baltic",
})  # fmt: skip

# Every capitalised word that is no name on its own (compared in lower case; an acronym of two
# or more capitals is compared only against COMMON_ACRONYMS, so "US" and "IT" stay apart from
# "us" and "it"). NATIONALITIES are read apart: they may be words of an organisation's name.
NOT_NAMES = (
    ev.STOPWORDS | ev.DETERMINERS | ev.DISCOURSE_ADVERBS | ev.FRONTED_PREPOSITIONS
    | ev.SUBORDINATORS | ev.COORDINATORS | ev.RELATIVE_PRONOUNS | ev.PREPOSITIONS
    | ev.DATE_PREPOSITIONS
    | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(ORDINALS) | frozenset(NUMBER_WORDS)
    | frozenset(FIXED_HOLIDAYS) | TIME_ZONES | frozenset(w.lower() for w in ev.CAPTION_LABELS)
    | _OPENERS | COMMON_CAPITALISED | COMMON_ACRONYMS
    | frozenset({"christmas", "easter", "thanksgiving", "ramadan", "hanukkah", "diwali"})
)  # fmt: skip

# Words of NOT_NAMES that begin a name when a capitalised word follows: "New York", "New Zealand",
#   "Old Trafford" (but "New camera features": no name)
NAME_OPENERS = frozenset({"new", "old"})

# --- people -------------------------------------------------------------------------------------
# Titles and the words of a title ("Defense Secretary", "Chief Operating Officer", "Mr Justice"):
#   a name right after one is a person's ("CEO Steve Jobs", "Gen. Mark Milley", "analyst Shawn
#   Wu"); they are never part of the name itself
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "secretary", "general", "gen", "lt", "col",
    "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral",
    "commander", "cmdr", "lieutenant", "marshal", "chief", "executive", "officer", "operating",
    "financial", "technology", "ceo", "cfo", "coo", "cto", "chairman", "chairwoman",
    "chairperson", "director", "manager", "founder", "co-founder", "cofounder", "judge",
    "justice", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "king", "queen", "prince", "princess", "emperor", "pope",
    "cardinal", "bishop", "archbishop", "rabbi", "imam", "ayatollah", "sheikh", "ambassador",
    "analyst", "spokesman", "spokeswoman", "spokesperson", "commissioner", "chancellor",
    "premier", "deputy", "defense", "defence", "foreign", "interior", "finance", "treasury",
    "state", "attorney", "senior", "former", "acting", "interim", "caretaker", "presiding",
    "supreme", "leader", "speaker", "detective", "inspector", "agent", "coach", "pastor",
    "dean", "provost", "designer", "engineer", "employee", "inventor", "author", "actor",
    "actress", "singer", "composer", "editor", "columnist", "reporter", "correspondent",
    "producer", "lawyer", "attorney-general", "vice-president", "president-elect", "pres",
    # in the plural, before two names: "Presidents Leonid Kuchma and Boris Yeltsin"
    "presidents", "ministers", "secretaries", "senators", "governors", "generals", "leaders",
})  # fmt: skip
# Words of a title that do not make one alone: "Former Microsoft CEO Bill Gates" (Microsoft is
#   no person), "Defense Secretary", "caretaker Prime Minister", "Vice President"
TITLE_QUALIFIERS = frozenset({
    "former", "acting", "interim", "senior", "deputy", "vice", "caretaker", "presiding",
    "prime", "defense", "defence", "foreign", "interior", "finance", "treasury", "state",
    "chief", "executive", "operating", "financial", "technology", "supreme", "late",
})  # fmt: skip
# Titles written small before a name that tell it is a person's: "manager Neil Aspinall",
#   "analyst Shawn Wu", "Apple executive Steve Jobs" (not "a major iTunes update", "miss Steve")
PERSON_NOUNS_BEFORE = frozenset({
    "analyst", "manager", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
    "executive", "employee", "president", "director", "founder", "co-founder", "cofounder",
    "judge", "senator", "governor", "mayor", "minister", "secretary", "ambassador",
    "commissioner", "commander", "officer", "designer", "engineer", "lawyer", "attorney",
    "professor", "doctor", "reporter", "correspondent", "columnist", "editor", "author",
    "singer", "actor", "actress", "producer", "inventor", "leader", "chancellor", "premier",
    "prosecutor", "detective", "inspector", "coach", "ceo", "cfo", "coo", "cto", "general",
})  # fmt: skip
# Titles that tell the name before them is an organisation's: "Apple CEO Steve Jobs",
#   "Microsoft chairman", "Apple engineers", "Apple shares slid", "Genentech chairman"
ORGANISATION_TITLES = frozenset({
    "ceo", "ceos", "cfo", "coo", "cto", "chairman", "chairwoman", "chief", "executive",
    "executives", "president", "spokesman", "spokeswoman", "spokesperson", "employee",
    "employees", "engineers", "shares", "stock", "board", "headquarters",
    "staff", "subsidiary", "founder", "co-founder", "shareholders", "investors", "director",
    "directors", "management", "officials", "official",
})  # fmt: skip

# Given names: a name of two to four words starting with one is a person's ("Tim Cook", "Mark
#   Esper", "Lewis W. Teperman"); a given name alone is a person's too ("Steve said")
GIVEN_NAMES = frozenset({
    "aaron", "adam", "adel", "adrian", "ahmed", "al", "alan", "albert", "alex", "alexander",
    "alfred", "ali", "alice", "alicia", "allen", "amanda", "amy", "andrea", "andrew", "andy",
    "angela", "ann", "anna", "anne", "anthony", "antonio", "art", "arthur", "barack", "barbara",
    "barry", "ben", "benjamin", "bernard", "betty", "bill", "billy", "bob", "bobby", "boris",
    "brad", "brandon", "brian", "bruce", "bryan", "carl", "carlos", "carol", "caroline",
    "catherine", "charles", "charlie", "chris", "christian", "christina", "christine",
    "christopher", "claire", "craig", "dan", "daniel", "danny", "dave", "david", "dennis",
    "diana", "diane", "dick", "don", "donald", "doug", "douglas", "ed", "eddie", "edward",
    "elizabeth", "ellen", "emily", "emma", "eric", "erik", "eva", "frank", "fred", "gary",
    "george", "gerald", "gordon", "greg", "gregory", "hannah", "harold", "harry", "heather",
    "helen", "henry", "hillary", "howard", "hugh", "ian", "jack", "jacob", "james", "jamie",
    "jane", "janet", "jason", "jean", "jeff", "jeffrey", "jennifer", "jeremy", "jerry",
    "jessica", "jim", "jimmy", "joan", "joe", "john", "johnny", "jon", "jonathan", "jose",
    "joseph", "josh", "joshua", "joyce", "juan", "judith", "judy", "julia", "julie", "justin",
    "karen", "kate", "katherine", "kathleen", "keith", "kelly", "ken", "kenneth", "kevin",
    "kim", "kyle", "larry", "laura", "lauren", "lawrence", "lee", "leo", "lewis", "linda",
    "lisa", "louis", "luis", "margaret", "maria", "marie", "mark", "martin", "mary", "matt",
    "matthew", "melissa", "michael", "michelle", "mike", "mohammed", "muhammad", "nancy",
    "nathan", "neil", "nelson", "nicholas", "nick", "nicole", "olivia", "oscar", "pamela",
    "patricia", "patrick", "paul", "peter", "phil", "philip", "phillip", "qassem", "rachel",
    "ralph", "randy", "ray", "raymond", "rebecca", "richard", "rick", "rob", "robert",
    "roger", "ron", "ronald", "rose", "roy", "russell", "ruth", "ryan", "sam", "samuel",
    "sandra", "sarah", "scott", "sean", "sharon", "shawn", "simon", "sophie", "stephen",
    "steve", "steven", "stuart", "susan", "thomas", "tim", "timothy", "todd", "tom", "tony",
    "victor", "victoria", "vincent", "virginia", "walter", "wayne", "william", "xavier",
    "yuri", "zach", "emmanuel", "francois", "hans", "jacques", "klaus", "pierre", "vladimir",
    "xi", "narendra", "recep", "hassan", "hamid", "mahmoud", "omar", "osama", "saddam", "hosni",
    "bashar", "kofi", "shinzo", "jacinda", "theresa", "nicolas", "silvio", "gerhard", "neelie",
})  # fmt: skip

# --- organisations ------------------------------------------------------------------------------
# Last words (or words before "of") of an organisation's name: "Apple Corps", "European
#   Commission", "Court of Appeal", "Barclays Capital", "Cingular Wireless", "Consumer Reports"
ORGANISATION_WORDS = ev.COMPANY_SUFFIXES | frozenset({
    "corps", "ministry", "council", "university", "college", "institute", "institution",
    "party", "commission", "committee", "association", "agency", "court", "courts",
    "parliament", "congress", "senate", "assembly", "army", "navy", "marines", "police",
    "guard", "bank", "department", "board", "bureau", "authority", "foundation", "federation",
    "union", "league", "organization", "organisation", "society", "school", "academy",
    "church", "club", "times", "journal", "post", "herald", "tribune", "gazette", "reports",
    "network", "networks", "records", "studios", "pictures", "entertainment", "motors",
    "airlines", "airways", "systems", "technologies", "communications", "electronics",
    "wireless", "capital", "partners", "securities", "media", "labs", "laboratories",
    "industries", "services", "telecom", "fund", "trust", "exchange", "chiefs",
    "office", "government", "administration", "forces", "force", "brigade", "cabinet",
    "coalition", "alliance", "movement", "front", "brotherhood", "tribunal",
    "magazine", "newspaper", "radio", "television", "broadcasting", "press", "daily",
    "computers", "computer", "foods", "pharmaceuticals", "energy", "oil", "petroleum", "gas",
    "insurance", "financial", "holding", "enterprises", "ventures", "consulting", "bros",
    "electric", "partnership", "lines", "service",
})  # fmt: skip
# Organisations known by name alone: news agencies (the events stage's list), world bodies, and
#   large companies. A list, so it is incomplete by design: other organisations need a suffix
#   or a title after them ("Cisco CEO", "Pixar employees") to be told apart from products.
KNOWN_ORGANISATIONS = frozenset(ev.AGENCIES) | frozenset({
    "un", "u.n.", "united nations", "nato", "eu", "e.u.", "european union", "who", "imf",
    "world bank", "opec", "iaea", "wto", "unesco", "unicef", "red cross", "interpol", "fbi",
    "cia", "nsa", "nasa", "fda", "sec", "epa", "pentagon", "white house", "kremlin",
    "congress", "senate", "parliament", "hamas", "hezbollah", "taliban", "al qaeda",
    "al-qaeda", "isis", "apple", "microsoft", "google", "alphabet", "amazon", "amazon.com",
    "facebook", "meta", "twitter", "yahoo", "ebay", "paypal", "netflix", "ibm", "intel", "amd",
    "nvidia", "qualcomm", "motorola", "nokia", "ericsson", "samsung", "sony", "panasonic",
    "toshiba", "lg", "htc", "huawei", "lenovo", "dell", "hp", "hewlett-packard", "compaq",
    "oracle", "sap", "adobe", "cisco", "at&t", "verizon", "sprint", "t-mobile", "vodafone",
    "cingular", "rim", "blackberry", "palm", "aol", "disney", "pixar", "warner", "universal",
    "paramount", "fox", "nbc", "abc", "cbs", "espn", "hbo", "walmart", "wal-mart", "target",
    "best buy", "costco", "starbucks", "mcdonald's", "coca-cola", "pepsi", "nike", "boeing",
    "airbus", "toyota", "honda", "nissan", "ford", "gm", "chrysler", "volkswagen", "bmw",
    "tesla", "exxon", "exxonmobil", "chevron", "bp", "shell", "gazprom", "goldman sachs",
    "jpmorgan", "morgan stanley", "citigroup", "barclays", "hsbc", "ubs", "npd", "gartner",
    "nyse", "nasdaq",
})  # fmt: skip

# --- places -------------------------------------------------------------------------------------
# Last words of a place's name: "Moscone Center", "Palm Beach", "Wall Street", "California
#   Theater"; and first words: "Mount Everest", "Lake Geneva"
PLACE_WORDS = frozenset({
    "street", "avenue", "road", "square", "boulevard", "lane", "plaza", "park", "airport",
    "bridge", "river", "lake", "mountain", "mountains", "island", "islands", "valley", "bay",
    "beach", "coast", "county", "province", "city", "center", "centre", "stadium", "arena",
    "theater", "theatre", "hall", "palace", "building", "tower", "harbor", "harbour", "gulf",
    "sea", "ocean", "strait", "desert", "peninsula", "region", "district", "village", "town",
})  # fmt: skip
PLACE_FIRST_WORDS = frozenset({"mount", "lake", "fort", "port", "cape", "gulf", "isle"})

COUNTRIES = frozenset({
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana",
    "brazil", "brunei", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia", "cuba",
    "cyprus", "czech republic", "czechia", "denmark", "djibouti", "dominican republic",
    "ecuador", "egypt", "el salvador", "eritrea", "estonia", "ethiopia", "fiji", "finland",
    "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "guatemala",
    "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
    "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica", "japan", "jordan",
    "kazakhstan", "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon",
    "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "madagascar",
    "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico",
    "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
    "burma", "namibia", "nepal", "netherlands", "holland", "new zealand", "nicaragua",
    "niger", "nigeria", "north korea", "north macedonia", "macedonia", "norway", "oman",
    "pakistan", "palestine", "panama", "papua new guinea", "paraguay", "peru", "philippines",
    "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "senegal",
    "serbia", "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "south korea", "korea", "south sudan", "spain", "sri lanka", "sudan", "suriname",
    "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo",
    "trinidad", "tunisia", "turkey", "turkmenistan", "uganda", "ukraine",
    "united arab emirates", "uae", "united kingdom", "uk", "u.k.", "britain", "great britain",
    "england", "scotland", "wales", "northern ireland", "united states", "us", "u.s.", "usa",
    "u.s.a.", "america", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia",
    "zimbabwe", "vatican", "gaza", "west bank", "crimea", "kurdistan", "tibet", "hong kong",
})  # fmt: skip
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
    "washington d.c.", "d.c.", "puerto rico",
})  # fmt: skip
# Capitals and large or often-named cities
CITIES = frozenset({
    "abu dhabi", "abuja", "accra", "addis ababa", "aleppo", "algiers", "amman", "amsterdam",
    "ankara", "athens", "atlanta", "auckland", "austin", "baghdad", "baku", "bangkok",
    "barcelona", "basra", "beijing", "beirut", "belfast", "belgrade", "berlin", "bern",
    "bogota", "boston", "brasilia", "brussels", "bucharest", "budapest", "buenos aires",
    "cairo", "calcutta", "kolkata", "canberra", "cape town", "caracas", "casablanca",
    "chicago", "copenhagen", "cupertino", "dakar", "dallas", "damascus", "delhi", "new delhi",
    "denver", "detroit", "doha", "dubai", "dublin", "edinburgh", "erbil", "fallujah",
    "frankfurt", "geneva", "glasgow", "guangzhou", "hamburg", "hanoi", "havana", "helsinki",
    "ho chi minh city", "honolulu", "houston", "islamabad", "istanbul", "jakarta",
    "jerusalem", "johannesburg", "kabul", "kandahar", "karachi", "kathmandu", "khartoum",
    "kiev", "kyiv", "kinshasa", "kuala lumpur", "kuwait city", "lagos", "lahore", "las vegas",
    "lima", "lisbon", "liverpool", "london", "los angeles", "luxembourg", "lyon", "madrid",
    "manchester", "manila", "marseille", "mecca", "medina", "melbourne", "mexico city",
    "miami", "milan", "minneapolis", "minsk", "mogadishu", "montreal", "moscow", "mosul",
    "mountain view", "mumbai", "bombay", "munich", "nairobi", "naples", "new orleans",
    "nice", "oslo", "ottawa", "palm beach", "palo alto", "paris", "perth", "philadelphia",
    "phoenix", "pittsburgh", "prague", "pyongyang", "quebec", "rabat", "redmond", "reykjavik",
    "riga", "rio de janeiro", "riyadh", "rome", "rotterdam", "san diego", "san francisco",
    "san jose", "santa clara", "santiago", "sao paulo", "sarajevo", "seattle", "seoul",
    "shanghai", "shenzhen", "silicon valley", "singapore", "sofia", "stockholm",
    "st. louis", "st louis", "sydney", "taipei", "tallinn", "tashkent", "tbilisi", "tehran",
    "tel aviv", "tijuana", "tokyo", "toronto", "tripoli", "tunis", "turin", "vancouver",
    "venice", "vienna", "vilnius", "warsaw", "wellington", "yerevan", "zagreb", "zurich",
})  # fmt: skip
# Continents and regions
REGIONS = frozenset({
    "africa", "asia", "europe", "antarctica", "oceania", "north america", "south america",
    "latin america", "central america", "middle east", "far east", "east asia",
    "southeast asia", "south asia", "central asia", "the gulf", "persian gulf", "balkans",
    "caribbean", "scandinavia", "mediterranean", "sahara", "siberia", "wall street",
    "manhattan", "brooklyn", "hollywood", "kashmir", "darfur", "sinai", "golan heights",
})  # fmt: skip
PLACES = COUNTRIES | US_STATES | CITIES | REGIONS

# --- one entity, several names ------------------------------------------------------------------
# Written forms of one entity, the canonical name first: "U.S." and "US" are the United States.
#   `events.about` reads the same groups, so picking "United States" keeps the rows that say
#   "U.S.". ("America" is left out: it is also a word of "Bank of America", "North America".)
ALIASES: tuple[tuple[str, ...], ...] = (
    ("United States", "U.S.", "US", "USA", "U.S.A."),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("United Nations", "UN", "U.N."),
    ("European Union", "EU", "E.U."),
    ("United Arab Emirates", "UAE", "U.A.E."),
)
