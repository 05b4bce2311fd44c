"""Score `timeline.tag` on the news probe: 586 sentences written as news is (wire, business,
courts, sport, weather, headlines, quotes; 70 of them with only things that look like times),
each with the TIMEX3s a careful annotator would mark against a Monday 2020-01-06 dateline.

    python benchmarks/bench_news_probe.py [--errors]

The probe (`benchmarks/data/news_probe.json`) was written for this project from the TimeML
guidelines, not taken from a corpus; where a value is a convention it lists the alternatives
(`alt`) and a note. Its failures were used to find rules to add, so it is development data too.
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

PROBE = Path(__file__).with_name("data") / "news_probe.json"
DATELINE = date(2020, 1, 6)  # a Monday


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every miss and wrong value")
    args = parser.parse_args(argv)
    cases = json.loads(PROBE.read_text(encoding="utf-8"))
    expected = found = exact = checked = right = spurious = 0
    confidences, rights, errors = [], [], []
    for case in cases:
        tags = timeline.tag(case["sentence"], DATELINE)
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
            ok = t.value in (e["value"], *(e.get("alt") or []))
            right += ok
            confidences.append(t.confidence)
            rights.append(float(ok))
            if not ok:
                errors.append(
                    f"value  {t.text!r} {t.value}, want {e['value']} | {case['sentence']}"
                )
    print(f"{len(cases)} sentences, {expected} expected expressions, dateline {DATELINE}")
    print(f"found {found} ({found / expected:.1%}), exact span {exact} ({exact / expected:.1%}), "
          f"value right {right} of {checked} ({right / checked:.1%}), {spurious} tagged where "
          "nothing is expected")  # fmt: skip
    print(report("confidence on the probe", np.array(confidences), np.array(rights)))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
