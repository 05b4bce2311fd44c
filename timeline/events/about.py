"""Entity timelines: the events whose clause mentions an entity, by its name or a short form the
article uses for it.

An entity is found by its full name, a shorter tail of it ("Beatles Apple Corps" -> "Apple
Corps"), a person's surname ("Steve Jobs" -> "Jobs"), its name without a company suffix ("Apple
Inc." -> "Apple"), another written form the lexicon gives it ("U.S." for "United States",
`lexicon.entities.ALIASES`), or an acronym the article writes ("WWDC" for "Worldwide Developers
Conference", "(WWDC)" after the name). Names match whole words, in their own case, with or
without the dot of an abbreviation ("Timothy D. Cook", "U.S. Army"); the lower-case words of a
name ("store" in "iTunes store") in any case. Pronouns and descriptions ("the company") are not
resolved. `events.entities` names the entities of a frame with these same forms, so that the
rows it counts for an entity are rows `about` keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from ..tagger.lexicon import entities as names_lex
from ..tagger.lexicon import events as lex

_WORD = re.compile(r"[\w&'’.-]*\w")
_ALIASES = {form: group for group in names_lex.ALIASES for form in group}


def name_forms(entity: str) -> set[str]:
    """The forms of an entity's name that do not depend on the article: the name, its tails of
    two words or more, the name without a company suffix, a person's surname, its aliases."""
    words = _WORD.findall(entity)
    if not words:
        return set()
    forms = {" ".join(words)}
    for alias in _ALIASES.get(entity.strip(), ()):
        forms.add(" ".join(_WORD.findall(alias)))  # "United States" -> "U.S", "US", "USA"
    while words and words[-1].lower().rstrip(".") in lex.COMPANY_SUFFIXES:
        words = words[:-1]
        if words:
            forms.add(" ".join(words))
    for start in range(1, len(words) - 1):
        forms.add(" ".join(words[start:]))  # "Beatles Apple Corps" -> "Apple Corps"
    if _is_person(words):
        forms.add(words[-1])  # "Steve Jobs" -> "Jobs"
    return forms


def _is_person(words: Sequence[str]) -> bool:
    """Whether a name looks like a person's: two or three capitalised words (a middle initial
    may come between: "Frank C. Clark"), no digit, no name of a company, a product or a place."""
    middle = [w for w in words[1:-1] if len(w) == 1 and w.isupper()]
    words = [w for w in words if w not in middle]
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and not any(w.lower() in lex.NOT_PERSON_WORDS for w in words)
    )


def _acronym(words: Sequence[str]) -> str:
    """The initials of a name's capitalised words ("World Wide Developers Conference" -> "WWDC")."""
    return "".join(w[0] for w in words if w[:1].isupper())


def article_forms(entity: str, text: str) -> set[str]:
    """The forms of `entity` one article uses: the name's forms, an acronym of it the article
    writes, and a short form it gives in brackets after the name ("... Conference (WWDC)")."""
    forms = name_forms(entity)
    words = _WORD.findall(entity)
    acronym = _acronym(words)
    if len(acronym) >= 2 and re.search(rf"\b{re.escape(acronym)}\b", text):
        forms.add(acronym)
    for form in list(forms):
        for m in re.finditer(rf"{_pattern(form)}\s*\((?P<short>[A-Z][\w&.-]{{1,12}})\)", text):
            forms.add(m.group("short"))
    return forms


def _pattern(form: str) -> str:
    """A regex of `form` as whole words: capitalised words in their case, lower-case ones in any,
    each word with or without a dot after it ("D Cook" matches "D. Cook", "U.S Army" "U.S.
    Army"), a plural "s" allowed at the end ("iPods")."""
    parts = []
    for word in form.split():
        escaped = re.escape(word)
        parts.append(
            escaped if any(c.isupper() or c.isdigit() for c in word) else f"(?i:{escaped})"
        )
    return r"(?<![\w-])" + r"\.?\s+".join(parts) + r"(?:['’]?s)?(?![\w-])"


def mentions(forms: Iterable[str]) -> re.Pattern:
    """One pattern matching any of `forms`, longest first."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile("|".join(_pattern(f) for f in ordered)) if ordered else re.compile(r"(?!)")


def about(frame: pd.DataFrame, entities: Sequence[str], texts: dict[str, str]) -> pd.DataFrame:
    """The rows of `frame` whose clause or headline mentions any of `entities` by a form its
    article (`texts`: doc_id -> text) uses for it."""
    if frame.empty or not entities:
        return frame
    patterns: dict[str, re.Pattern] = {}
    keep = []
    for doc_id, clause, event in zip(frame["doc_id"], frame["clause"], frame["event"], strict=True):
        if doc_id not in patterns:
            text = texts.get(doc_id, "")
            patterns[doc_id] = mentions(f for e in entities for f in article_forms(e, text))
        words = f"{clause if isinstance(clause, str) else ''}\n{event if isinstance(event, str) else ''}"
        keep.append(bool(patterns[doc_id].search(words)))
    out = frame[keep].reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out
