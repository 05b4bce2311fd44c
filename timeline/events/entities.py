"""Entities: the people, organisations and places an event's headline names, with counts, for
the dashboard's entity facet and lanes; picking one is `events.about` (`--about`).

A documented heuristic, not a statistical model (no NER library fits the install and speed
rules: see the README's "Entities"). A name is a run of capitalised words ("Apple Computer",
"Royal Courts of Justice", "iPhone 4", "U.S. Army") in the `event` headline, cut at titles
("Apple CEO Steve Jobs" -> Apple, Steve Jobs), possessives ("the Beatles' Apple Corps") and
the capitalised words that are no names (`lexicon/entities.py`: "The", months, pronouns,
"CEO", nationality adjectives). A capitalised word that starts a headline (or a quote, or
follows a colon or a dash) is a name only when the frame also writes it capitalised elsewhere,
or the gazetteer knows it: "Shares rose" and "Officials said" name nothing.

Names are made canonical across the frame: "Apple Inc." is "Apple" when the frame names Apple
alone, "iPhones" is "iPhone", "U.S." is "United States" (`lexicon.entities.ALIASES`); within an
article a short form the article uses for a longer name is that name ("Jobs" -> "Steve Jobs",
"Music Store" -> "iTunes Music Store", by `about.name_forms`, so that `about` keeps the rows
counted here). A surname is never resolved across articles ("Bush" in 1990 is not the "Jeb Bush"
of another story), nor a given name alone ("Steve" stays "Steve"). "Apple Computer" stays
itself: nothing in its words says "Computer" is part of a former name rather than of another
company's ("Apple Corps", "Apple Records").

Kinds come from the lexicon, in this order: the gazetteer (places) and known organisations;
then what the mentions say, by majority: an organisation word at the end ("Apple Corps",
"European Commission"), a place word ("Moscone Center"), a title before the name (person:
"CEO Steve Jobs", "analyst Shawn Wu") or after it (organisation: "Apple CEO", "Apple shares");
then a given name first (person: "Tim Cook"); else other (products, events, works: "iPhone").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..tagger.lexicon import entities as lex
from ..tagger.lexicon import events as ev
from ..text import CAMEL, Token, tokens_of
from .about import name_forms

KINDS = ("person", "organisation", "place", "other")
TABLE_COLUMNS = ["name", "kind", "events", "articles", "why"]

# A stretch of name words: capitalised or written small first ("iPhone"), joined by single spaces
# or a connector ("Court of Appeal"), with a model number after a word ("iPhone 3GS", "iLife '11")
_NAME_WORD = rf"(?:[A-Z]|{CAMEL.pattern})[\w'’&.-]*"
_VERSION = r"(?:\d{1,3}(?:\.\d+)*[A-Za-z]{0,3}|['’]\d\d)(?![\w-]|[.,]\d)"
_CONNECTOR = "|".join(re.escape(c) for c in lex.NAME_CONNECTORS)
_STRETCH = re.compile(
    rf"(?<![\w'’&.-]){_NAME_WORD}(?: (?:(?:{_CONNECTOR}) )?{_NAME_WORD}| {_VERSION})*"
)
_OPENING_MARKS = frozenset("\"“‘'`:;-–—_")  # "_": a dash in AP copy ("Hungary _ Tired of")
_ABBREVIATIONS = ev.NON_FINAL_ABBREVIATIONS | ev.MAYBE_FINAL_ABBREVIATIONS
_GENERIC = (
    lex.ORGANISATION_WORDS | lex.PLACE_WORDS | lex.COMMON_ACRONYMS | lex.COMMON_CAPITALISED
    | frozenset(lex.NAME_CONNECTORS)
)  # fmt: skip
_GAZETTEER = lex.PLACES | lex.KNOWN_ORGANISATIONS
_NO_NAME = frozenset(w[:1].upper() + w[1:] for w in lex.NOT_NAMES)  # "The", "It", "In"
_NAME_ENDS = lex.ORGANISATION_WORDS | lex.PLACE_WORDS  # "... Association", "... Law Center"
_NAME_ROLES = frozenset({"name", "weak"})
_INSIDE = frozenset({"connector", "version"})  # roles that go on a name begun before them
_CANONICAL = {form: group[0] for group in lex.ALIASES for form in group}


class _Word(NamedTuple):
    """A word of a stretch: its offsets in the stretch, text (no possessive), lower case."""

    start: int
    end: int
    text: str
    low: str
    possessive: bool
    version: bool


class Piece(NamedTuple):
    """A name as one stretch writes it, and what its own words tell of its kind."""

    name: str
    first: str  # its first word, for the check at the start of a headline
    last: str  # its last word (no model number): a surname, the head of the name
    at_start: bool  # whether it begins the stretch
    at_end: bool  # whether it ends the stretch
    kind: str | None
    why: str


class Mention(NamedTuple):
    """A name in one headline, with the kind its words and neighbours suggest (None: nothing)."""

    name: str
    kind: str | None
    why: str


# --- one stretch ---------------------------------------------------------------------------------
def _words(stretch: str) -> list[_Word]:
    """The words of a stretch (`text.tokens_of`), with abbreviation dots kept ("Inc.", "D."),
    possessives taken off ("Apple's", "Jobs'"), model numbers marked ("4", "3GS", "'11"); a
    hyphen and a stray mark go ("Calif.-based": "Calif", "based")."""
    tokens = tokens_of(stretch)
    words: list[_Word] = []
    for i, tok in enumerate(tokens):
        last = words[-1] if words else None
        glued = last is not None and last.end == tok.start
        if tok.text == "." and glued:
            if last.low in _ABBREVIATIONS or len(last.text) == 1 or "." in last.text:
                words[-1] = last._replace(end=tok.end, text=last.text + ".", low=last.low + ".")
        elif tok.text in ("'", "’"):
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is not None and after.start == tok.end and after.text.isdigit():
                words.append(_Word(tok.start, tok.end, tok.text, tok.low, False, True))  # '11
            elif glued:
                words[-1] = last._replace(possessive=True)  # "Jobs'"
        elif glued and last.version:
            words[-1] = last._replace(end=tok.end, text=last.text + tok.text)  # "3" + "GS", "'11"
        elif tok.text[:1].isdigit():
            words.append(_Word(tok.start, tok.end, tok.text, tok.low, False, True))
        elif tok.text[:1].isalpha():
            words.append(_own(tok))
    return words


def _own(tok: Token) -> _Word:
    """A token as a word, its possessive "'s" taken off."""
    if tok.low.endswith(("'s", "’s")) and len(tok.text) > 2:
        return _Word(tok.start, tok.end - 2, tok.text[:-2], tok.low[:-2], True, False)
    return _Word(tok.start, tok.end, tok.text, tok.low, False, False)


def _is_acronym(text: str) -> bool:
    """Whether a word is written in capitals ("IBM", "U.S.", "AT&T"), not a word at all."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _nationality(low: str) -> bool:
    """Whether a word is a nationality adjective or its plural ("Iraqi", "Americans")."""
    return low in lex.NATIONALITIES or (low[-1:] == "s" and low[:-1] in lex.NATIONALITIES)


def _role(word: _Word, inside: bool, after: _Word | None, in_organisation: bool) -> str:
    """What a word is in a stretch (`inside`: it follows a name and a connector): name, weak (a
    name word that makes no name alone: "Mac OS X", "Apple TV", but not "the PC"), connector,
    version, title, qualifier (of a title: "Former", "Defense Secretary"), or drop."""
    low = word.low.rstrip(".")
    if word.version:
        return "version"
    if low in lex.NAME_CONNECTORS and not word.text[:1].isupper():
        return "connector"
    if not word.text[:1].isupper() and not CAMEL.match(word.text):
        return "drop"  # the small word after a hyphen: "Calif.-based", "U.S.-backed"
    if low in lex.ORGANISATION_WORDS or low in lex.PLACE_WORDS:
        return "name"  # "Consumer Reports", "Royal Courts": generic alone (see `_piece`)
    if (in_organisation or inside) and (low in lex.TITLES or _nationality(low)):
        return "name"  # "General Motors", "American ... Association", "Courts of Justice"
    if low in lex.TITLE_QUALIFIERS:
        return "qualifier"
    if low in lex.TITLES:
        return "title"
    if _is_acronym(word.text):
        return "weak" if word.low in lex.COMMON_ACRONYMS or low in lex.COMMON_ACRONYMS else "name"
    if low in lex.COMMON_CAPITALISED:
        return "weak"
    if _nationality(low) or ("-" in word.text and not word.text.rsplit("-", 1)[1][:1].isupper()):
        return "drop"  # "Iraqi military"; "Intel-based Mac": not a name, as `about` sees it
    if low in lex.NOT_NAMES:
        opens = low in lex.NAME_OPENERS and after is not None and not after.version
        return "name" if opens and after.text[:1].isupper() else "drop"
    return "name"


@lru_cache(maxsize=200_000)
def pieces(stretch: str) -> tuple[Piece, ...]:
    """The names a stretch of capitalised words holds, in order: cut at titles, possessives and
    words that are no names ("Apple CEO Steve Jobs" -> Apple (organisation: a title after it),
    Steve Jobs (person: a title before it))."""
    words = _words(stretch)
    if not words:
        return ()
    in_organisation = words[-1].low.rstrip(".") in _NAME_ENDS
    roles: list[str] = []
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else None
        inside = len(roles) > 1 and roles[-1] == "connector" and roles[-2] in ("name", "weak")
        roles.append(_role(w, inside, after, in_organisation))
    _of_a_place(stretch, words, roles)
    out: list[Piece] = []
    first = 0  # the index of the current piece's first word
    title_before = ""
    for i, role in enumerate([*roles, "end"]):
        goes_on = i < len(words) and (role in _NAME_ROLES or (role in _INSIDE and i > first))
        if goes_on and not words[i].possessive:
            continue
        # the piece ends before word i, or with it when it is a possessive ("the Beatles' ...")
        end = i + 1 if goes_on else i
        title = "" if goes_on or role not in ("title", "qualifier") else words[i].text
        piece = _piece(stretch, words[first:end], first == 0, end == len(words), title_before,
                       title)  # fmt: skip
        if piece is not None:
            out.append(piece)
        if role == "title":
            title_before = title
        elif not (title_before and role in ("qualifier", "connector")):
            title_before = ""  # but "Secretary of State Madeleine Albright" is one title
        first = i + 1
    return tuple(out)


def _of_a_place(stretch: str, words: list[_Word], roles: list[str]) -> None:
    """Cut at an "of" that puts a place after a name of no organisation: "Leonid Kuchma of
    Ukraine" is two names, "Bank of America" and "University of California" one."""
    for i, word in enumerate(words):
        if roles[i] != "connector" or word.low != "of" or i == 0:
            continue
        if words[i - 1].low.rstrip(".") in lex.ORGANISATION_WORDS:
            continue
        j = i + 1
        while j < len(words) and roles[j] in _NAME_ROLES:
            j += 1
        if j > i + 1 and stretch[words[i + 1].start : words[j - 1].end].lower() in lex.PLACES:
            roles[i] = "drop"


def _piece(
    stretch: str, words: list[_Word], at_start: bool, at_end: bool, before: str, after: str
) -> Piece | None:
    """One name of a stretch, or None when it has no name word or only generic ones ("Company",
    "Court", "USB 1.1")."""
    while words and (words[-1].low in lex.NAME_CONNECTORS and not words[-1].version):
        words = words[:-1]
    if not words or words[0].version:
        return None
    lows = [w.low.rstrip(".") for w in words if not w.version]
    name = stretch[words[0].start : words[-1].end]
    if all(low in _GENERIC for low in lows) and name.lower() not in _GAZETTEER:
        return None  # "Company", "Court", "USB 1.1"; but "Congress", "Senate"
    kind, why = _kind_of_words(lows, before, after)
    last = next(w.text for w in reversed(words) if not w.version)
    return Piece(name, words[0].text, last, at_start, at_end, kind, why)


def _kind_of_words(lows: Sequence[str], before: str, after: str) -> tuple[str | None, str]:
    """The kind a name's own words and the titles around it in its stretch tell, and why."""
    heads = [lows[-1]] + [w for w, nxt in zip(lows, lows[1:], strict=False) if nxt == "of"]
    for head in heads:  # "Apple Corps", "Court of Appeal"
        if head in lex.ORGANISATION_WORDS:
            return "organisation", f"organisation word {head!r}"
    if lows[-1] in lex.PLACE_WORDS:
        return "place", f"place word {lows[-1]!r}"
    if lows[0] in lex.PLACE_FIRST_WORDS and len(lows) > 1:
        return "place", f"place word {lows[0]!r}"
    if before:
        return "person", f"title {before!r} before it"
    if after and after.lower().rstrip(".") in lex.ORGANISATION_TITLES:
        return "organisation", f"{after!r} after it"
    return None, ""


# --- one headline --------------------------------------------------------------------------------
def _at_start(headline: str, pos: int) -> bool:
    """Whether `pos` starts the headline, a quote, or what follows a colon or a dash: where any
    word is capitalised, name or not."""
    i = pos
    while i > 0 and headline[i - 1] == " ":
        i -= 1
    if i == 0:
        return True
    mark = headline[i - 1]
    if mark in "'‘" and i > 1 and not headline[i - 2].isspace():
        return False  # "Jobs' death": a possessive, not a quote
    return mark in _OPENING_MARKS


_SMALL_WORD = re.compile(
    rf"(?<![\w'’&.-])(?!{CAMEL.pattern})"
    rf"(?!(?:{'|'.join(lex.TITLE_CASE_SMALL_WORDS)})(?![\w'’-]))[a-z]"
)


def _title_case(headline: str) -> bool:
    """Whether a headline is written in title case ("Apple Unveils New Intel-Based Mac"): three
    or more words of four letters or more, and no word written small but the few title case
    leaves so ("of", "the"; "iPhone" is no small word). Its capitals tell nothing of names."""
    if _SMALL_WORD.search(headline):
        return False
    return sum(len(w) > 3 for w in headline.split()) >= 3


def _words_pattern(words: Iterable[str]) -> str:
    """An alternation of `words`, longest first, for the context tests below."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A word right after a name that tells an organisation ("Apple shares", "Cisco CEO")
_ORGANISATION_AFTER = re.compile(rf"\s*(?i:({_words_pattern(lex.ORGANISATION_TITLES)}))(?![\w-])")
# A currency after "US" ("US $199", "US$999", "US dollars")
_CURRENCY_AFTER = re.compile(rf"\s*(?:\$|(?i:{_words_pattern(lex.CURRENCY_AFTER[1:])})\b)")


def _word_before(headline: str, pos: int) -> str:
    """The word before `pos`, lower case, past a space and a comma ("manager Neil")."""
    cut = headline.rfind(" ", 0, max(0, pos - 2)) + 1
    return headline[cut:pos].rstrip(" ,").lower()


# A name found in a headline: (name, kind, why, the word the corpus check must confirm or "" (or
# _EVERY_WORD: each word, in a title-case headline), the rest of the name after that word, to
# read again if the check fails)
_EVERY_WORD = "*"
_Found = tuple[str, "str | None", str, str, str]


def _found_in(headline: str) -> tuple[list[_Found], list[tuple[str, bool]]]:
    """The names of a headline, and the corpus-level evidence it gives for the check: the words
    it writes capitalised where only a name is, each with whether it stands as a name alone (a
    one-word name, or the last word of one: "Milley" in "Mark Milley") or leads one ("Music" in
    "Music Store")."""
    found: list[_Found] = []
    evidence: list[tuple[str, bool]] = []
    title_case = _title_case(headline)
    for m in _STRETCH.finditer(headline):
        stretch = m.group()
        if stretch in _NO_NAME or not pieces(stretch):
            continue  # "The", "It", "In": most stretches at the start of a headline
        start, end = m.span()
        initial = title_case or _at_start(headline, start)
        before = _word_before(headline, start) if start else ""
        before = before if before in lex.PERSON_NOUNS_BEFORE else ""
        after = _ORGANISATION_AFTER.match(headline, end)
        currency = (
            stretch[stretch.rfind(" ") + 1 :].lower() in lex.CURRENCY_PREFIXES
            and _CURRENCY_AFTER.match(headline, end) is not None
        )
        names, words = _read(
            stretch, initial, title_case, before, after and after.group(1), currency
        )
        found += names
        evidence += words
    return found, evidence


@lru_cache(maxsize=200_000)
def _read(
    stretch: str, initial: bool, title_case: bool, before: str, after: str | None, currency: bool
) -> tuple[tuple[_Found, ...], tuple[tuple[str, bool], ...]]:
    """The names of one stretch in its place (see `_found_in`): `initial` where any word is
    capitalised, `before` a title written small before it, `after` an organisation's word after
    it, `currency` a "$" or "dollars" after it."""
    found: list[_Found] = []
    evidence: list[tuple[str, bool]] = []
    for piece in pieces(stretch):
        kind, why = piece.kind, piece.why
        if piece.at_end and currency and piece.name.lower() in lex.CURRENCY_PREFIXES:
            continue  # "US $199", "US dollars"
        if kind is None and piece.at_start and before:
            kind, why = "person", f"title {before!r} before it"  # "analyst Shawn Wu"
        if kind is None and piece.at_end and after:
            kind, why = "organisation", f"{after.lower()!r} after it"  # "Apple shares"
        check = _EVERY_WORD if title_case else piece.first if initial and piece.at_start else ""
        if not title_case:
            if not check:
                evidence.append((piece.first, piece.first == piece.last))
            if piece.last != piece.first:
                evidence.append((piece.last, True))
        rest = piece.name[len(piece.first) :].lstrip() if check else ""
        found.append((piece.name, kind, why, check, rest))
    return tuple(found), tuple(evidence)


def _confirmed(found: Sequence[_Found], alone: set[str], leading: set[str]) -> list[Mention]:
    """The mentions of a headline that pass the corpus check: a name where any word is
    capitalised counts when the gazetteer knows it, when the frame writes its first word
    capitalised elsewhere (as a name alone, for a name of one word: "Apple", "Milley"; or
    leading one, for a longer name: "Tim" of "Tim Cook"), or when it is a given name and more
    ("Lewis W. Teperman said"); else its first word goes and the rest of it is read again
    ("Shares of Apple Inc."). In a title-case headline every word needs the check."""
    out: list[Mention] = []
    for name, kind, why, check, rest in found:
        if check == _EVERY_WORD:
            out.extend(_title_case_names(name, alone, leading))
        elif not check or _passes(name, check, alone, leading):
            out.append(Mention(name, kind, why))
        else:
            out.extend(Mention(p.name, p.kind, p.why) for p in pieces(rest))
    return out


def _passes(name: str, check: str, alone: set[str], leading: set[str]) -> bool:
    """Whether a name standing where any word is capitalised is a name (see `_confirmed`)."""
    if check in alone or name.lower() in _GAZETTEER or check.lower() in _GAZETTEER:
        return True
    return " " in name and (check in leading or check.lower() in lex.GIVEN_NAMES)


def _title_case_names(name: str, alone: set[str], leading: set[str]) -> list[Mention]:
    """The names in a name of a title-case headline: its runs of words that the frame writes
    capitalised elsewhere or the lexicon knows ("Apple Shares Fall" -> Apple)."""
    if name.lower() in _GAZETTEER:  # "San Francisco": known as a whole
        return [Mention(p.name, p.kind, p.why) for p in pieces(name)]
    out: list[Mention] = []
    run: list[str] = []
    for word in [*name.split(" "), ""]:
        low = word.lower().rstrip(".")
        known = word in alone or word in leading or low in _GAZETTEER or low in lex.GIVEN_NAMES
        if known or (run and (low in lex.NAME_CONNECTORS or word[:1].isdigit())):
            run.append(word)
            continue
        out.extend(Mention(p.name, p.kind, p.why) for p in pieces(" ".join(run)) if run)
        run = []
    return out


# --- the frame -----------------------------------------------------------------------------------
def _normal_forms(names: Iterable[str]) -> dict[str, str]:
    """The frame-wide canonical form of each name that has one: an alias's canonical name
    ("U.S." -> "United States"), a name without its company suffix when the frame names it so
    ("Apple Inc." -> "Apple"), a singular the frame uses ("iPhones" -> "iPhone")."""
    names = set(names)
    out: dict[str, str] = {}
    for name in names:
        canonical = _CANONICAL.get(name, name)
        words = canonical.split()
        while len(words) > 1 and words[-1].lower().replace(".", "") in ev.COMPANY_SUFFIXES:
            if " ".join(words[:-1]).rstrip(",") not in names:
                break
            words = words[:-1]
            canonical = " ".join(words).rstrip(",")
        if canonical.endswith("s") and not canonical.endswith("ss") and canonical[:-1] in names:
            if canonical.lower() not in _GAZETTEER:
                canonical = canonical[:-1]
        if canonical != name:
            out[name] = canonical
    return out


@lru_cache(maxsize=100_000)
def _short_forms(name: str) -> frozenset[str]:
    """The shorter forms an article may use for `name` (`about.name_forms`, less the name)."""
    return frozenset(name_forms(name) - {name})


def _article_forms(names: Iterable[str], people: set[str]) -> dict[str, str]:
    """Within one article, each name that is a short form of exactly one longer name the
    article gives ("Music Store" -> "iTunes Music Store"); a one-word form only of a person
    ("Jobs" -> "Steve Jobs", not "Longhorn" -> "Microsoft Longhorn"), and not when another
    person of the article has it as a given name ("Elian" of "Elian Gonzalez" is not the last
    word of a "Doris Meissner Elian" that a run-on stretch made)."""
    longer: dict[str, set[str]] = defaultdict(set)
    names = set(names)
    given = {name.split(" ", 1)[0] for name in names if " " in name}
    for name in names:
        for form in _short_forms(name):
            if form in names and (" " in form or (name in people and form not in given)):
                longer[form].add(name)
    return {short: next(iter(longs)) for short, longs in longer.items() if len(longs) == 1}


def _people(mentions: Iterable[Mention], normal: dict[str, str]) -> set[str]:
    """The names that are people's: a title marks one of their mentions, or a given name leads
    them."""
    named: dict[str, bool] = {}
    for m in mentions:
        name = normal.get(m.name, m.name)
        named[name] = named.get(name, False) or m.kind == "person"
    return {name for name, titled in named.items() if titled or _given_name_kind(name)[0]}


def _lexicon_kind(name: str) -> tuple[str | None, str]:
    """The kind the word lists give a whole name, and why."""
    low = name.lower()
    if low in lex.PLACES:
        return "place", "gazetteer"
    if low in lex.KNOWN_ORGANISATIONS:
        return "organisation", "known organisation"
    return None, ""


def _given_name_kind(name: str) -> tuple[str | None, str]:
    """Person when a name of one to four words starts with a given name ("Tim Cook", "Steve")."""
    words = name.split()
    if len(words) <= 4 and words[0].lower() in lex.GIVEN_NAMES:
        if all(w[:1].isupper() for w in words):
            return "person", f"given name {words[0]!r}"
    return None, ""


def _kinds(votes: dict[str, Counter]) -> tuple[dict[str, str], dict[str, str]]:
    """Each entity's kind and the reason: the lexicon's, else the mentions' majority, else a
    given name, else other."""
    kinds: dict[str, str] = {}
    whys: dict[str, str] = {}
    for name, counter in votes.items():
        kind, why = _lexicon_kind(name)
        if kind is None and counter:
            (kind, why), _ = max(counter.items(), key=lambda kv: (kv[1], -KINDS.index(kv[0][0])))
        if kind is None:
            kind, why = _given_name_kind(name)
        kinds[name] = kind or "other"
        whys[name] = why or "no kind word"
    return kinds, whys


def _analyse(frame: pd.DataFrame) -> tuple[list[list[str]], dict[str, str], dict[str, str]]:
    """Per row the canonical names its headline gives; each name's kind and the reason."""
    if frame.empty or "event" not in frame.columns:
        return [[] for _ in range(len(frame))], {}, {}
    codes, headlines = pd.factorize(frame["event"], use_na_sentinel=True)
    found = [_found_in(h) if isinstance(h, str) else ([], []) for h in headlines]
    alone = {word for _, words in found for word, single in words if single}
    leading = {word for _, words in found for word, single in words if not single}
    mentions = [_confirmed(f, alone, leading) for f, _ in found]
    normal = _normal_forms(m.name for ms in mentions for m in ms)
    named = [tuple(normal.get(m.name, m.name) for m in ms) for ms in mentions]
    docs = frame["doc_id"].tolist() if "doc_id" in frame.columns else [""] * len(frame)
    in_doc: dict[str, set[str]] = defaultdict(set)
    for doc, code in zip(docs, codes, strict=True):
        if code >= 0:
            in_doc[doc].update(named[code])
    people = _people((m for ms in mentions for m in ms), normal)
    short = {doc: _article_forms(names, people) for doc, names in in_doc.items()}
    rows: list[list[str]] = []
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc, code in zip(docs, codes, strict=True):
        if code < 0:
            rows.append([])
            continue
        local = short[doc]
        out: list[str] = []
        for name, mention in zip(named[code], mentions[code], strict=True):
            name = local.get(name, name)
            counter = votes[name]
            if mention.kind is not None:
                counter[mention.kind, mention.why] += 1
            if name not in out:
                out.append(name)
        rows.append(out)
    kinds, whys = _kinds(votes)
    return rows, kinds, whys


def entities_of(frame: pd.DataFrame) -> pd.Series:
    """For each row of an events frame, the canonical names of the people, organisations,
    places and other named things its headline (`event`) gives, in order; the Series' attrs
    hold each name's `kinds` and the reason (`why`), which `entity_table` reads."""
    rows, kinds, whys = _analyse(frame)
    out = pd.Series(rows, index=frame.index, name="entities", dtype=object)
    out.attrs = {"kinds": kinds, "why": whys}
    return out


def entity_table(frame: pd.DataFrame, names: pd.Series | None = None) -> pd.DataFrame:
    """One row per entity of the frame: name, kind (person, organisation, place, other), the
    number of events (rows) and of articles (doc_id) naming it, and why it has its kind; most
    events first: what the dashboard's entity facet lists."""
    if names is None or "kinds" not in names.attrs:
        names = entities_of(frame) if names is None else names
        kinds = names.attrs.get("kinds") or entities_of(frame).attrs["kinds"]
    else:
        kinds = names.attrs["kinds"]
    whys = names.attrs.get("why", {})
    docs = frame["doc_id"] if "doc_id" in frame.columns else pd.Series("", index=frame.index)
    pairs = pd.DataFrame({"name": names, "doc_id": docs}).explode("name").dropna(subset="name")
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TABLE_COLUMNS})
    table = pairs.groupby("name", sort=False).agg(
        events=("doc_id", "size"), articles=("doc_id", "nunique")
    )
    table = table.reset_index()
    table["kind"] = [kinds.get(name, "other") for name in table["name"]]
    table["why"] = [whys.get(name, "") for name in table["name"]]
    table = table.sort_values(["events", "articles", "name"], ascending=[False, False, True])
    return table[TABLE_COLUMNS].reset_index(drop=True)
