"""Accuracy and speed of the date parsers on realistic metadata dates, and on a 100,000-row column.

    python benchmarks/bench_dates.py [--corpus FILE.tsv] [--write-corpus FILE.tsv] [--rows N]

Parsers: (a) the old `timeline.reference.metadata_date` (ISO, RFC 822, English regexes, dateutil),
(b) `timeline.dates.parse_date`, (c) raw `dateparser.parse` with its default settings, and (d)
dateparser alone with the settings of `timeline.dates` (what the fast paths and the numeric rules
add). The corpus is built here (RSS pubDates, HTML article:published_time values, CSV and front
matter forms, other languages, and values that must be refused); `--corpus` reads another, one
`text<TAB>expected` a line, expected an ISO date or empty for "must be refused". The time is
microseconds per call over one pass after a warm-up pass, with the cache of (b) cleared first.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmark this checkout

from timeline import dates  # noqa: E402

Case = tuple[str, str, str]  # (group, text, expected ISO date or "" for must be refused)

MONTHS = "January February March April May June July August September October November December"
FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
ES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
IT = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
PT = "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
NL = "januari februari maart april mei juni juli augustus september oktober november december"
RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
PL = "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
TR = "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"
ZONES = ["+0000", "-0500", "+0100", "GMT", "EST", "+0900", "-0800", "+0530"]


def built_corpus(seed: int = 6) -> list[Case]:
    """Realistic metadata dates for 30 days from 1989 to 2024, in every form, and the negatives."""
    rng = random.Random(seed)
    start = date(1989, 1, 1)
    days = [start + timedelta(days=rng.randrange(36 * 365)) for _ in range(30)]
    cases: list[Case] = []
    for n, d in enumerate(days):
        iso = d.isoformat()
        month, mon = MONTHS.split()[d.month - 1], MONTHS.split()[d.month - 1][:3]
        wd, wday = d.strftime("%A"), d.strftime("%a")
        hh, mm = rng.randrange(24), rng.randrange(60)
        zone = ZONES[n % len(ZONES)]
        h12, ap = (hh % 12 or 12), ("AM" if hh < 12 else "PM")
        ambiguous = d.day <= 12 and d.day != d.month
        rss = [
            f"{wday}, {d:%d} {mon} {d:%Y} {hh:02}:{mm:02}:00 {zone}",
            f"{wday}, {d.day} {mon} {d:%Y} {hh:02}:{mm:02}:00 {zone}",
            f"{d:%d} {mon} {d:%Y} {hh:02}:{mm:02} GMT",
        ]
        html = [
            f"{iso}T{hh:02}:{mm:02}:00Z",
            f"{iso}T{hh:02}:{mm:02}:00+00:00",
            f"{iso}T{hh:02}:{mm:02}:00.000-05:00",
            f"{iso}T{hh:02}:{mm:02}:17.123456+05:30",
            f"{iso}T23:45:00-0800",  # late evening west of UTC: still its own day
            iso,
        ]
        csv = [
            iso,
            f"{iso} {hh:02}:{mm:02}:00",
            d.strftime("%Y%m%d"),
            d.strftime("%Y/%m/%d"),
            f"{month} {d.day}, {d:%Y}",
            f"{mon}. {d.day}, {d:%Y}" if d.month != 5 else f"May {d.day}, {d:%Y}",
            f"{d.day}-{mon}-{d:%Y}",
            f"{d:%d.%m.%Y}",
        ]
        front = [
            f"{iso} {hh:02}:{mm:02}",
            f"{d.day} {month} {d:%Y}",
            f"{wd}, {month} {d.day}, {d:%Y}",
            f"{mon} {d.day}, {d:%Y} {h12}:{mm:02} {ap} EST",
        ]
        cases += [("rss", text, iso) for text in rss]
        cases += [("html", text, iso) for text in html]
        cases += [("csv", text, iso) for text in csv]
        cases += [("front matter", text, iso) for text in front]
        # numeric day and month: readable only when one of them is above 12
        cases.append(("csv numeric", f"{d:%m/%d/%Y}", "" if ambiguous else iso))
        cases.append(("csv numeric", f"{d:%d/%m/%Y}", "" if ambiguous else iso))
        cases.append(("csv numeric", f"{d.month}/{d.day}/{d:%y}", "" if ambiguous else iso))
        i = d.month - 1
        langs = [
            f"{d.day} {FR.split()[i]} {d:%Y}",
            f"le {d.day} {FR.split()[i]} {d:%Y} à {hh:02}h{mm:02}",
            f"{d.day}. {DE.split()[i]} {d:%Y}",
            f"{d.day} de {ES.split()[i]} de {d:%Y}",
            f"{d.day} {IT.split()[i]} {d:%Y}",
            f"{d.day} de {PT.split()[i]} de {d:%Y}",
            f"{d.day} {NL.split()[i]} {d:%Y}",
            f"{d.day} {RU.split()[i]} {d:%Y} г.",
            f"{d.day} {PL.split()[i]} {d:%Y}",
            f"{d.day} {TR.split()[i]} {d:%Y}",
            f"{d.year}年{d.month}月{d.day}日",
        ]
        cases += [("languages", text, iso) for text in langs]
    negatives = [
        "yesterday", "today", "now", "tomorrow", "2 days ago", "in 3 days", "last week",
        "hier", "il y a 2 jours", "vor 2 Tagen", "ayer", "вчера",
        "Monday", "at 3pm", "noon", "January", "March 2020", "January 2020", "janvier 2020",
        "Nov. 4", "6 January", "6 janvier", "4 de noviembre", "2020", "2020-01", "6/1", "Q1 2020",
        "2020-13-45", "2020-02-30", "February 30, 2020", "30 février 2020", "31/04/2020",
        "29 Feb 2019", "20191301", "Tuesday, January 6, 2020",
        "soon", "TBD", "n/a", "unknown", "1578268800", "Posted on January 6, 2020 by admin",
        "from January 6 to 8, 2020", "Room 6, January 2020", "Page 2 of 2020", "week 2 2020",
    ]  # fmt: skip
    cases += [("negatives", text, "") for text in negatives]
    return cases


def read_corpus(path: Path) -> list[Case]:
    """(group "file", text, expected) from a `text<TAB>expected` file; # lines are comments."""
    cases: list[Case] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, _, expected = line.partition("\t")
            cases.append(("file", text, expected.strip()))
    return cases


def old_parser() -> Callable[[str], date | None]:
    """(a) the old `reference.metadata_date`: a date, or None when it raises."""
    from timeline.reference import metadata_date

    def parse(text: str) -> date | None:
        try:
            return metadata_date(text)
        except (ValueError, OverflowError, TypeError):
            return None

    return parse


def new_parser(text: str) -> date | None:
    """(b) `timeline.dates.parse_date`: a date, or None on DateError."""
    try:
        return dates.parse_date(text)
    except dates.DateError:
        return None


def raw_dateparser() -> Callable[[str], date | None]:
    """(c) `dateparser.parse` as it comes: missing parts and relative dates from the clock."""
    import dateparser

    def parse(text: str) -> date | None:
        found = dateparser.parse(text)
        return found.date() if found else None

    return parse


def configured_dateparser() -> Callable[[str], date | None]:
    """(d) dateparser alone, with the settings `timeline.dates` gives it."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(settings=dict(dates.SETTINGS), try_previous_locales=False)

    def parse(text: str) -> date | None:
        found = parser.get_date_data(text).date_obj
        return found.date() if found else None

    return parse


def outcome(found: date | None, expected: str) -> str:
    """Which of the four columns one answer falls in."""
    if found is None:
        return "rejected-wrongly" if expected else "rejected-correctly"
    return "accepted-correct" if found.isoformat() == expected else "accepted-wrong"


def clear_cache() -> None:
    """Forget what (b) cached, so that its timing is that of values it has not seen."""
    dates._long_tail.cache_clear()


def measure(parse: Callable[[str], date | None], cases: list[Case]) -> tuple[list, list]:
    """The answers of `parse` on every case, and the µs of each call in one timed pass."""
    answers = [parse(text) for _, text, _ in cases]  # warm-up (dateparser loads its locales)
    clear_cache()
    micros = []
    for _, text, _ in cases:
        started = time.perf_counter()
        parse(text)
        micros.append((time.perf_counter() - started) * 1e6)
    return answers, micros


COLUMNS = ["accepted-correct", "accepted-wrong", "rejected-correctly", "rejected-wrongly"]


def report(cases: list[Case], parsers: dict[str, Callable]) -> dict[str, list]:
    """Print the accuracy and speed table, and the one per group; the answers per parser."""
    answers: dict[str, list] = {}
    micros: dict[str, list] = {}
    print(
        f"{len(cases)} values: "
        + ", ".join(f"{g} {n}" for g, n in Counter(g for g, _, _ in cases).items())
    )
    print(f"\n{'parser':32} " + " ".join(f"{c:>18}" for c in COLUMNS) + f" {'µs/call':>9}")
    for name, parse in parsers.items():
        answers[name], micros[name] = measure(parse, cases)
        counts = Counter(outcome(f, e) for f, (_, _, e) in zip(answers[name], cases, strict=True))
        mean = sum(micros[name]) / len(cases)
        print(f"{name:32} " + " ".join(f"{counts[c]:>18}" for c in COLUMNS) + f" {mean:>9.1f}")
    print("\nper group: right answers (the date, or a refusal of what must be refused) | µs/call")
    print(f"{'group':14} {'n':>4}  " + "".join(f"{name[:3]:>13}" for name in parsers))
    for group in sorted({g for g, _, _ in cases}):
        rows = [i for i, (g, _, _) in enumerate(cases) if g == group]
        cells = []
        for name in parsers:
            right = sum(
                outcome(answers[name][i], cases[i][2]) in ("accepted-correct", "rejected-correctly")
                for i in rows
            )
            mean = sum(micros[name][i] for i in rows) / len(rows)
            cells.append(f"{right:>4} |{mean:>7.0f}")
        print(f"{group:14} {len(rows):>4}  " + "".join(f"{c:>13}" for c in cells))
    return answers


def show_mistakes(cases: list[Case], found: list, limit: int = 25) -> None:
    """The values (b) got wrong, for reading."""
    wrong = [
        (text, expected, f)
        for (_, text, expected), f in zip(cases, found, strict=True)
        if outcome(f, expected) in ("accepted-wrong", "rejected-wrongly")
    ]
    print(f"\ndates.parse_date mistakes: {len(wrong)}")
    for text, expected, f in wrong[:limit]:
        print(f"  {text!r}: expected {expected or 'refusal'}, got {f or 'refusal'}")


def column(rows: int, form: str, distinct: int) -> list[str]:
    """A CSV column of `rows` values in one `form`, over `distinct` days (a column repeats)."""
    start = date(2015, 1, 1)
    out = []
    for n in range(rows):
        d = start + timedelta(days=(n * 7919) % distinct)
        if form == "iso timestamp":
            out.append(f"{d.isoformat()}T{n % 24:02}:{n % 60:02}:00Z")
        elif form == "rfc 822":
            out.append(f"{d:%a}, {d:%d %b %Y} {n % 24:02}:{n % 60:02}:00 +0000")
        elif form == "english words":
            out.append(f"{d:%B} {d.day}, {d:%Y}")
        else:  # french
            out.append(f"{d.day} {FR.split()[d.month - 1]} {d:%Y}")
    return out


def scale(rows: int) -> None:
    """Seconds for `rows` values of one column, per form, by (a) and (b) (cache cleared first)."""
    print(f"\none column of {rows:,} values (3,650 distinct days), seconds:")
    old = old_parser()
    print(f"{'form':16} {'(a) old':>10} {'(b) dates':>10} {'(b) µs/row':>11}")
    for form in ("iso timestamp", "rfc 822", "english words", "french"):
        values = column(rows, form, 3650)
        clear_cache()
        started = time.perf_counter()
        for value in values:
            new_parser(value)
        new = time.perf_counter() - started
        started = time.perf_counter()
        for value in values:
            old(value)
        before = time.perf_counter() - started
        print(f"{form:16} {before:>10.2f} {new:>10.2f} {new / rows * 1e6:>11.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="text<TAB>expected ISO date (empty: refuse)")
    parser.add_argument("--write-corpus", type=Path, help="write the built corpus there and stop")
    parser.add_argument(
        "--rows", type=int, default=100_000, help="rows of the column test (0: skip)"
    )
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message="tzname")  # dateutil, in (a), on "EST"
    cases = read_corpus(args.corpus) if args.corpus else built_corpus()
    if args.write_corpus:
        lines = [f"{text}\t{expected}" for _, text, expected in cases]
        args.write_corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    parsers = {
        "(a) reference.metadata_date": old_parser(),
        "(b) dates.parse_date": new_parser,
        "(c) dateparser.parse (raw)": raw_dateparser(),
        "(d) dateparser, dates.SETTINGS": configured_dateparser(),
    }
    answers = report(cases, parsers)
    show_mistakes(cases, answers["(b) dates.parse_date"])
    if args.rows:
        scale(args.rows)


if __name__ == "__main__":
    main()
