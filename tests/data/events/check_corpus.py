"""Check `corpus.yaml`, the hand-written corpus of expected event rows (see CORPUS.md).

Usage: python tests/data/events/check_corpus.py [corpus.yaml]

Checks, without importing the product's events code:
- the schema: the fields of an entry and of a row, the values of `dated_by`, TIMEX3-like dates;
- that the `dateline` is the source's own (the `published` front matter of a sample, the
  `<DCT>` TIMEX3 value of a TimeML file);
- that each `sentence` occurs verbatim in its source (a sample's text after its front matter; a
  TimeML file's tag-free `<TEXT>`; runs of white space compare as one space, since TimeML
  text is hard-wrapped);
- that each `expression` occurs in the sentence;
- that every word of every headline comes from the sentence (the first word compared without
  its capital), that the headline is not empty, starts with a capital, does not end with a full
  stop, a preposition, a conjunction or an article, and has balanced quotes;
- that the trigger is a word of the headline;
- that a `reported` row carries the dateline's day.
Then prints the counts of sentences and rows per source and per case. Exit status 1 on errors.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]  # tests/data/events -> the repo root

ENTRY_FIELDS = {"id", "source", "dateline", "sentence", "rows", "cases", "note"}
ENTRY_REQUIRED = {"id", "source", "dateline", "sentence", "rows"}
ROW_FIELDS = {"date", "dated_by", "expression", "trigger", "headline", "range", "note"}
ROW_REQUIRED = {"date", "dated_by", "trigger", "headline"}
DATED_BY = {"expression", "event", "reported"}
CASES = {
    "relative-clause-date": "a date in a relative clause or participle dates only that clause",
    "said-on-date": "'said on Monday' dates the saying, not the content",
    "comparison-base": "a comparison base makes no row of its own",
    "fact-date-plus-attribution-date": "a fact with its own date + a trailing dated attribution: one row",
    "since-simple-past": "'since X' with a simple past (or a superlative): reported, not X",
    "since-perfect-range": "'since X' with a perfect or a state: a range from X",
    "date-first": "a sentence opening with a date: the headline is not empty",
    "verb-first": "a verb-first clause gets its subject",
    "event-relative": "'a day after parliament voted': dated by another event",
    "broken-headline": "a headline that comes out broken today (participle, ordinal, particle)",
    "leading-attribution": "'X announced Monday that ...': one row with the content",
    "content-own-date": "the content of an attribution has its own date: a second row",
    "no-predicate": "a line with no predicate gives no row",
}
# A TIMEX3 value: a year, month, day, week (or its weekend), quarter, half, season, decade (198)
# or century (19).
DATE_RE = re.compile(
    r"^(\d{4}(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|\d{3}|\d{2})$"
)
# Words a headline may not end on (nor start on, for the conjunctions and prepositions).
# (Particles that end phrasal verbs, "sworn in", "jumping in", "stepping down", may end it.)
END_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "to",
    "at",
    "by",
    "for",
    "from",
    "with",
    "as",
    "into",
    "onto",
    "than",
    "that",
    "which",
    "who",
    "since",
    "until",
    "during",
    "between",
    "while",
    "when",
}
START_WORDS = {"and", "or", "but", "nor"}
WORD_RE = re.compile(r"[\w$£€%][\w.'’\-/$%]*")
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("``", "''"))


def words(text: str) -> list[str]:
    """The words of `text`, trailing dots and apostrophes dropped (U.S. keeps its inner dot)."""
    out = []
    for match in WORD_RE.finditer(text):
        word = match.group().rstrip(".'’-")
        if word:
            out.append(word)
    return out


def squeezed(text: str) -> str:
    return " ".join(text.split())


def sample_text(path: Path) -> tuple[str, str]:
    """The text after the front matter, and the `published` date."""
    raw = path.read_text(encoding="utf-8")
    published = ""
    if raw.startswith("---"):
        _, front, body = raw.split("---", 2)
        for line in front.splitlines():
            if line.startswith("published:"):
                published = line.split(":", 1)[1].strip().strip("\"'")
        return body, published
    return raw, published


def timeml_text(path: Path) -> tuple[str, str]:
    """The tag-free `<TEXT>` and the `<DCT>` TIMEX3 value (its date part)."""
    root = ET.parse(path).getroot()
    text_el = next(el for el in root.iter() if el.tag == "TEXT")
    dct_el = next(el for el in root.iter() if el.tag == "DCT")
    timex = next(dct_el.iter("TIMEX3"))
    return "".join(text_el.itertext()), timex.get("value", "")[:10]


_sources: dict[str, tuple[str, str]] = {}


def resolved(name: str) -> Path:
    """`name` relative to the repo root; `../shared/...` also beside any parent folder (a git
    worktree lives deeper than the clone whose sibling `shared/` is)."""
    path = (REPO / name).resolve()
    if path.exists() or not name.startswith("../shared/"):
        return path
    rest = name[len("../") :]
    for parent in REPO.parents:
        if (parent / rest).exists():
            return parent / rest
    return path


def source_of(name: str) -> tuple[str, str]:
    if name not in _sources:
        path = resolved(name)
        if name.endswith(".tml"):
            _sources[name] = timeml_text(path)
        else:
            _sources[name] = sample_text(path)
    return _sources[name]


def as_iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def check_headline(headline: str, sentence: str, where: str, errors: list[str]) -> None:
    if not headline.strip():
        errors.append(f"{where}: empty headline")
        return
    if headline != headline.strip():
        errors.append(f"{where}: headline has outer spaces")
    first = headline.lstrip("“‘\"'`(")
    if first and not (first[0].isupper() or first[0].isdigit() or re.match(r"[a-z]+[A-Z]", first)):
        errors.append(f"{where}: headline does not start with a capital: {headline!r}")
        # (a name written small first, like iPod or iOS, stays as the sentence writes it)
    last = headline.split()[-1] if headline.split() else ""
    if headline.endswith(".") and not re.fullmatch(r"(\w\.){2,}|etc\.|[A-Z][a-z]{0,3}\.", last):
        errors.append(f"{where}: headline ends with a full stop: {headline!r}")
    hw = words(headline)
    if hw and hw[-1].lower() in END_WORDS:
        errors.append(f"{where}: headline ends on {hw[-1]!r}: {headline!r}")
    if hw and hw[0].lower() in START_WORDS:
        errors.append(f"{where}: headline starts on {hw[0]!r}: {headline!r}")
    for left, right in QUOTE_PAIRS:
        if left == "‘":  # ’ is also the apostrophe: count only ‘ against word-initial ’
            continue
        if headline.count(left) != headline.count(right):
            errors.append(f"{where}: unbalanced {left}{right} quotes: {headline!r}")
    if headline.count('"') % 2:
        errors.append(f'{where}: unbalanced " quotes: {headline!r}')
    sw = set(words(sentence))
    sw_lower = {w.lower() for w in sw}
    for i, word in enumerate(hw):
        if word in sw:
            continue
        if i == 0 and word.lower() in sw_lower:
            continue  # the capitalised first letter (or a borrowed subject put first)
        if word[:1].upper() + word[1:] in sw or word[:1].lower() + word[1:] in sw:
            # a subject or antecedent borrowed from the same sentence, re-capitalised
            continue
        errors.append(f"{where}: headline word {word!r} is not in the sentence")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "corpus.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors: list[str] = []
    ids: set[str] = set()
    per_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_case: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    hand_made = 0
    by_dated: Counter[str] = Counter()
    if not isinstance(entries, list):
        print("corpus: not a YAML list")
        return 1
    for n, entry in enumerate(entries):
        where = f"entry {n} ({entry.get('id', '?') if isinstance(entry, dict) else '?'})"
        if not isinstance(entry, dict):
            errors.append(f"{where}: not a mapping")
            continue
        extra = set(entry) - ENTRY_FIELDS
        missing = ENTRY_REQUIRED - set(entry)
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        if missing:
            errors.append(f"{where}: missing fields {sorted(missing)}")
            continue
        if entry["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(entry["id"])
        sentence = entry["sentence"]
        if not isinstance(sentence, str) or not sentence.strip():
            errors.append(f"{where}: empty sentence")
            continue
        dateline = as_iso(entry["dateline"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dateline):
            errors.append(f"{where}: dateline {dateline!r} is not a day")
        source = entry["source"]
        cases = entry.get("cases") or []
        for case in cases:
            if case not in CASES:
                errors.append(f"{where}: unknown case {case!r}")
        if source == "hand-made":
            hand_made += 1
        else:
            try:
                text, published = source_of(source)
            except (OSError, StopIteration, ET.ParseError) as exc:
                errors.append(f"{where}: cannot read source {source}: {exc}")
                continue
            if published and published != dateline:
                errors.append(f"{where}: dateline {dateline} but the source says {published}")
            if sentence not in text and squeezed(sentence) not in squeezed(text):
                errors.append(f"{where}: sentence not found verbatim in {source}")
        rows = entry["rows"] or []
        if not isinstance(rows, list):
            errors.append(f"{where}: rows is not a list")
            continue
        key = "hand-made" if source == "hand-made" else source
        per_source[key][0] += 1
        per_source[key][1] += len(rows)
        for case in cases:
            per_case[case][0] += 1
            per_case[case][1] += len(rows)
        seen_dates: Counter[tuple[str, bool]] = Counter()
        for r, row in enumerate(rows):
            rwhere = f"{where} row {r}"
            if not isinstance(row, dict):
                errors.append(f"{rwhere}: not a mapping")
                continue
            extra = set(row) - ROW_FIELDS
            missing = ROW_REQUIRED - set(row)
            if extra:
                errors.append(f"{rwhere}: unknown fields {sorted(extra)}")
            if missing:
                errors.append(f"{rwhere}: missing fields {sorted(missing)}")
                continue
            value = as_iso(row["date"])
            if not DATE_RE.match(value):
                errors.append(f"{rwhere}: date {value!r} is not a TIMEX3 date value")
            dated_by = row["dated_by"]
            by_dated[dated_by] += 1
            if dated_by not in DATED_BY:
                errors.append(f"{rwhere}: dated_by {dated_by!r} not in {sorted(DATED_BY)}")
            expression = row.get("expression")
            if dated_by in ("expression", "event"):
                if not expression:
                    errors.append(f"{rwhere}: dated_by {dated_by} needs an expression")
                elif str(expression) not in sentence:
                    errors.append(f"{rwhere}: expression {expression!r} not in the sentence")
            elif expression:
                errors.append(f"{rwhere}: a reported row has no expression")
            if dated_by == "reported" and value != dateline:
                errors.append(f"{rwhere}: reported on {value}, not the dateline {dateline}")
            seen_dates[(value, bool(row.get("range")))] += 1
            headline = str(row["headline"])
            check_headline(headline, sentence, rwhere, errors)
            trigger = str(row["trigger"])
            if trigger not in words(headline) and not (trigger[:1] in "’'" and trigger in headline):
                errors.append(f"{rwhere}: trigger {trigger!r} is not a word of the headline")
        for (value, _ranged), count in seen_dates.items():
            if count > 1:
                errors.append(f"{where}: {count} rows on {value} (rule 3: one row per date)")
    for error in errors:
        print(error)
    total_rows = sum(rows for _, rows in per_source.values())
    print(f"\n{len(entries)} sentences, {total_rows} rows, {hand_made} hand-made")
    print("\nper source                                                        sentences  rows")
    for key in sorted(per_source):
        s, r = per_source[key]
        print(f"  {key[-64:]:64} {s:9} {r:5}")
    groups = {
        "reuters": "timeline/samples/reuters",
        "wikinews": "timeline/samples/wikinews",
        "TBAQ": "../shared/data/tbaq/",
        "hand-made": "hand-made",
    }
    print("\nper corpus")
    for label, prefix in groups.items():
        s = sum(v[0] for k, v in per_source.items() if k.startswith(prefix))
        r = sum(v[1] for k, v in per_source.items() if k.startswith(prefix))
        print(f"  {label:10} {s:5} sentences {r:5} rows")
    print("\nper case                           sentences  rows")
    for case in CASES:
        s, r = per_case.get(case, [0, 0])
        print(f"  {case:34} {s:5} {r:5}")
    print("\ndated_by: " + ", ".join(f"{k} {v}" for k, v in sorted(by_dated.items())))
    print(f"\n{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
