"""The tagger's confidence: a probability that the value is right, from how it was read, with the
model shipped in the package and read without numpy."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import timeline
from timeline.tagger.confidence import calibrated, confidence, distance_band, model

DATELINE = date(2020, 1, 6)  # a Monday


def timex(sentence: str, text: str, dct=DATELINE):
    (t,) = [t for t in timeline.tag(sentence, dct) if t.text == text]
    return t


def test_the_shipped_model_has_a_bias_weights_and_an_increasing_calibration_curve():
    fitted = model()
    assert isinstance(fitted["bias"], float) and len(fitted["weights"]) > 50
    curve = fitted["calibration"]
    assert [x for x, _ in curve] == sorted(x for x, _ in curve)
    assert [y for _, y in curve] == sorted(y for _, y in curve)
    assert all(0.0 <= y <= 1.0 for _, y in curve)


def test_a_timex_records_the_evidence_its_confidence_comes_from():
    t = timex("Soleimani was killed in a U.S. strike on Friday.", "Friday")
    assert {"rule=weekday", "anchor=dateline", "cue=past_verb", "before=on", "year=chosen"} <= set(
        t.evidence
    )
    assert t.confidence == confidence(t.evidence)


def test_an_explicit_date_is_more_likely_right_than_a_weekday_placed_by_a_distant_verb():
    explicit = timex("The strike was ordered on December 29, 2019.", "December 29, 2019")
    far = timex(
        "Officials, who had spent weeks weighing the risks of a wider war with the militias "
        "that had fired the rockets, gave the order on Saturday.",
        "Saturday",
    )
    assert explicit.confidence > far.confidence
    assert 0.0 < far.confidence < 1.0


def test_confidence_is_a_probability_for_every_rule_example():
    from timeline.tagger.lexicon.rules import RULES

    for r in RULES:
        for t in timeline.tag(r.example.sentence, DATELINE):
            assert 0.0 <= t.confidence <= 1.0, (r.name, t)


def test_without_a_dateline_the_resolvers_own_low_figure_stays():
    t = timex("Rockets hit the base on Friday.", "Friday", dct=None)
    assert (t.value, t.confidence) == ("XXXX-WXX-5", 0.3)


def test_an_expression_that_cannot_be_placed_has_almost_no_confidence():
    t = timex("It ends tomorrow.", "tomorrow", dct=date(9999, 12, 31))
    assert (t.confidence, t.evidence) == (0.1, ("unplaced",))


@pytest.mark.parametrize(
    ("p", "expected"),
    [(0.0, 0.2), (0.1, 0.2), (0.3, 0.35), (0.5, 0.5), (0.95, 0.9), (1.0, 0.9)],
)
def test_calibrated_interpolates_between_the_curve_points_and_clamps_beyond(p, expected):
    curve = [[0.1, 0.2], [0.5, 0.5], [0.9, 0.9]]
    assert calibrated(p, curve) == pytest.approx(expected)


@pytest.mark.parametrize(("days", "band"), [(0, "0d"), (3, "1w"), (200, "7m"), (400, "10y"),
                                            (5000, "far")])  # fmt: skip
def test_distance_band_names_how_far_from_the_dateline(days, band):
    assert distance_band(days) == band


def test_tagging_reads_the_model_without_numpy():
    code = (
        "import sys; import timeline.tagger as t; t.tag('It rained on Friday.', '2020-01-06'); "
        "print('numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
