"""Fit the tagger's confidence model on TBAQ and report how well it is calibrated.

    python benchmarks/fit_confidence.py [FILES, FOLDERS OR GLOBS ...] [--folds 10] [--write]

Every timex the tagger finds that overlaps a gold TIMEX3 (TempEval-3 relaxed matching) is one
sample: its evidence (`timex.evidence`: rule, tense cue, anchor, granularity, distance from the
dateline ...) and whether its value equals the gold value. A logistic model (L2) on those facts,
then an isotonic calibration curve, are judged by cross-validation with the folds grouped by
document (a document's timexes are never in training and test at once; the curve is fitted on
the training part's own inner cross-validation). Prints the reliability table, the expected
calibration error (ECE, 10 equal-width bins) and the AUROC of the held-out predictions, beside
the same figures for the tagger's previous hand-set confidences when given `--before FILE`.
With `--write`, the model fitted on all documents replaces `timeline/tagger/confidence.json`.
Needs numpy (installed with pandas); the shipped model is read with plain Python.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # fit this checkout
from bench_tag import DEFAULT_INPUT, input_files  # noqa: E402

import timeline  # noqa: E402
from timeline.tagger import confidence as model  # noqa: E402
from timeline.timeml import _relaxed_pairs, kept_timexes, read_timeml  # noqa: E402

MODEL_PATH = Path(model.__file__).with_name(model.MODEL_FILE)
MIN_COUNT = 3  # a fact seen fewer times in training gets no weight of its own
L2 = 3.0


def samples(paths: list[Path]) -> list[tuple[str, tuple[str, ...], bool, float]]:
    """(document, evidence, value right?, shipped confidence) of every relaxed-matched timex."""
    out = []
    for path in paths:
        doc = read_timeml(path)
        system = kept_timexes(timeline.tag(doc.text, doc.dct), len(doc.text))
        for g, s in _relaxed_pairs(doc.timexes, system).items():
            gold, found = doc.timexes[g], system[s]
            out.append((path.name, found.evidence, gold.value == found.value, found.confidence))
    return out


def fold_of(doc: str, folds: int) -> int:
    """A document's fold: fixed by its name, so every run splits the same way."""
    return zlib.crc32(doc.encode()) % folds


def fit_logistic(rows: list[tuple[str, ...]], labels: np.ndarray) -> dict:
    """A logistic model on one-hot facts (those seen MIN_COUNT times), L2-penalised, by Newton."""
    counts = Counter(f for row in rows for f in set(row))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for f in row:
            if f in index:
                x[r, index[f]] = 1.0
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": float(w[-1]), "weights": {f: float(w[i]) for f, i in index.items()}}


def raw_scores(fitted: dict, rows: list[tuple[str, ...]]) -> np.ndarray:
    """The logistic model's probabilities, before calibration."""
    with_curve = dict(fitted, calibration=[])
    return np.array([_probability(with_curve, row) for row in rows])


def _probability(fitted: dict, row: tuple[str, ...]) -> float:
    weights = fitted["weights"]
    score = fitted["bias"] + sum(weights.get(f, 0.0) for f in row)
    return model.calibrated(1 / (1 + np.exp(-score)), fitted["calibration"])


def isotonic_curve(scores: np.ndarray, labels: np.ndarray) -> list[list[float]]:
    """Pool-adjacent-violators: (mean score, accuracy) of each block, increasing."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # [sum score, sum label, count]
    for i in order:
        blocks.append([scores[i], float(labels[i]), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            s, y, n = blocks.pop()
            blocks[-1] = [blocks[-1][0] + s, blocks[-1][1] + y, blocks[-1][2] + n]
    return [[round(s / n, 6), round(y / n, 6)] for s, y, n in blocks]


def fitted_with_curve(rows, labels, docs, folds: int) -> dict:
    """The logistic model on all `rows`, with a calibration curve from its own inner CV."""
    inner = np.zeros(len(rows))
    for k in range(folds):
        test = np.array([fold_of(d, folds) == k for d in docs])
        if test.any() and (~test).any():
            part = fit_logistic(
                [r for r, t in zip(rows, test, strict=True) if not t], labels[~test]
            )
            inner[test] = raw_scores(part, [r for r, t in zip(rows, test, strict=True) if t])
    fitted = fit_logistic(rows, labels)
    fitted["calibration"] = isotonic_curve(inner, labels)
    return fitted


def cross_validated(rows, labels, docs, folds: int) -> np.ndarray:
    """Held-out confidences: each fold predicted by a model (and curve) fitted without it."""
    out = np.zeros(len(rows))
    for k in range(folds):
        test = np.array([fold_of(d, folds) == k for d in docs])
        train = ~test
        keep = [i for i in range(len(rows)) if train[i]]
        fitted = fitted_with_curve(
            [rows[i] for i in keep], labels[keep], [docs[i] for i in keep], folds - 1
        )
        out[test] = [_probability(fitted, rows[i]) for i in np.flatnonzero(test)]
    return out


def auroc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The chance a right value scores above a wrong one (ties count half)."""
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable").astype(float) + 1
    for value in np.unique(scores):  # average ranks of ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    right = labels.astype(bool)
    n1, n0 = right.sum(), (~right).sum()
    return float((ranks[right].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def reliability(scores: np.ndarray, labels: np.ndarray, bins: int = 10) -> list[tuple]:
    """(bin, count, mean confidence, accuracy) of equal-width confidence bins."""
    edges = np.minimum((scores * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        inside = edges == b
        if inside.any():
            label = f"{b / bins:.1f}-{(b + 1) / bins:.1f}"
            table.append((label, int(inside.sum()), scores[inside].mean(), labels[inside].mean()))
    return table


def ece(scores: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: the count-weighted gap between confidence and accuracy."""
    return sum(n * abs(conf - acc) for _, n, conf, acc in reliability(scores, labels, bins)) / len(
        scores
    )


def report(name: str, scores: np.ndarray, labels: np.ndarray) -> str:
    lines = [f"{name}: ECE {ece(scores, labels):.3f}, AUROC {auroc(scores, labels):.3f}"]
    lines.append(f"  {'confidence':<10}{'count':>7}{'mean conf':>11}{'accuracy':>10}")
    for label, n, conf, acc in reliability(scores, labels):
        lines.append(f"  {label:<10}{n:>7}{conf:>11.3f}{acc:>10.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[DEFAULT_INPUT])
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    args = parser.parse_args(argv)

    data = samples(input_files(args.inputs))
    if not data:
        print("fit_confidence: no TimeML documents with matched timexes", file=sys.stderr)
        return 1
    docs = [d for d, *_ in data]
    rows = [e for _, e, *_ in data]
    labels = np.array([float(right) for _, _, right, _ in data])
    shipped = np.array([c for *_, c in data])
    print(f"{len(data)} matched timexes in {len(set(docs))} documents, "
          f"{labels.mean():.3f} with the gold value; {args.folds} folds grouped by document")  # fmt: skip
    print(report("confidence now shipped (in-sample)", shipped, labels))
    held_out = cross_validated(rows, labels, docs, args.folds)
    print(report("cross-validated (held-out documents)", held_out, labels))
    if args.write:
        fitted = fitted_with_curve(rows, labels, docs, args.folds)
        fitted["weights"] = {f: round(w, 4) for f, w in sorted(fitted["weights"].items())}
        fitted["bias"] = round(fitted["bias"], 4)
        MODEL_PATH.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(fitted['weights'])} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
