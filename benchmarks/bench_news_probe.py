"""Score `timeline.tag` on the news probes: sentences written as news is (wire copy from several
countries, business, courts, sport, weather, health, obituaries, headlines, quotes; some with
only things that look like times), each with the TIMEX3s a careful annotator would mark.

    python benchmarks/bench_news_probe.py [--errors]

Three probes, written independently for this project from the TimeML guidelines (not taken from
a corpus), each against its own dateline: `news_probe.json` (586 sentences, Monday 2020-01-06),
`news_probe_july.json` (773 sentences, Thursday 2021-07-15, mid-year: second-quarter results, the
summer) and `news_probe_march.json` (775 sentences, Saturday 2019-03-30, a quarter's last days). Where a value is a convention they list the alternatives (`alt`) and a note; expressions
an annotator might skip are `optional`. Their failures were used to find rules to add, so they
are development data too. A tag over a clock time and its day ("4 p.m. on Friday") counts right
for the day expected ("Friday") when its day is that day.
Prints how many expressions are found (a tagged span overlaps), with the exact span, with the
right value, what is tagged that nobody expects, and how well `confidence` separates right
values from wrong ones there (reliability table, ECE, AUROC).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout
from fit_confidence import report  # noqa: E402

import timeline  # noqa: E402

DATA = Path(__file__).with_name("data")
PROBES = {
    "news_probe.json": date(2020, 1, 6),  # a Monday
    "news_probe_july.json": date(2021, 7, 15),  # a Thursday
    "news_probe_march.json": date(2019, 3, 30),  # a Saturday
}


def merged(found: str, wanted: str) -> bool:
    """True for one tag over a clock time and its day ("4 p.m. on Friday" for "Friday"): the day
    it gives is the one expected."""
    return len(wanted) == 10 and found.startswith(wanted + "T")


def score(path: Path, dateline: date, errors: list[str]) -> tuple[list[float], list[float]]:
    """Print one probe's figures; return its (confidence, right) pairs for the matched values."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    expected = found = exact = checked = right = spurious = 0
    confidences, rights = [], []
    for case in cases:
        tags = timeline.tag(case["sentence"], dateline)
        wanted = [e for e in case["expected"] if not e.get("optional")]
        every = case["expected"]
        for t in tags:  # tagged where nothing is expected, not even an optional expression
            if not any(t.start < e["end"] and e["start"] < t.end for e in every):
                spurious += 1
                errors.append(f"extra  {t.text!r} {t.value} | {case['sentence']}")
        for e in wanted:
            expected += 1
            over = [t for t in tags if t.start < e["end"] and e["start"] < t.end]
            if not over:
                errors.append(f"missed {e['text']!r} {e['value']} | {case['sentence']}")
                continue
            found += 1
            t = over[0]
            exact += (t.start, t.end) == (e["start"], e["end"])
            if e["value"] is None:
                continue
            checked += 1
            ok = t.value in (e["value"], *(e.get("alt") or [])) or merged(t.value, e["value"])
            right += ok
            confidences.append(t.confidence)
            rights.append(float(ok))
            if not ok:
                errors.append(
                    f"value  {t.text!r} {t.value}, want {e['value']} | {case['sentence']}"
                )
    print(f"{path.name}: {len(cases)} sentences, {expected} expected expressions, dateline "
          f"{dateline}: found {found} ({found / expected:.1%}), exact span {exact} "
          f"({exact / expected:.1%}), value right {right} of {checked} ({right / checked:.1%}), "
          f"{spurious} tagged where nothing is expected")  # fmt: skip
    return confidences, rights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every miss and wrong value")
    args = parser.parse_args(argv)
    errors: list[str] = []
    confidences, rights = [], []
    for name, dateline in PROBES.items():
        c, r = score(DATA / name, dateline, errors)
        confidences += c
        rights += r
    print(report("confidence on the probes", np.array(confidences), np.array(rights)))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
