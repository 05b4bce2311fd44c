"""TimeML out (tagged files), `timeline tag` over folders, and the TempEval-3 Task A scorer.

Reading TimeML is `timeline.readers.timeml` (re-exported here: `read_timeml`).

Offsets: every span is a pair of character (code point) offsets into the *plain text* of the
`<TEXT>` element: all inner tags removed, XML entities decoded (`&amp;` → `&`) and line ends as the
XML parser reports them (`\\r\\n` → `\\n`). The writer escapes `&`, `<`, `>` and `\\r`, so reading a
written file gives back the same text character for character and the same spans; the DCT timex
(`t0`, outside `<TEXT>`) is never scored, as in TempEval-3.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from .dates import user_date
from .errors import DateError, InputError, TimeMLError
from .readers.timeml import GoldTimex, TimeMLDoc, read_timeml

__all__ = [
    "EventTag",
    "GoldTimex",
    "TimeMLDoc",
    "TimeMLError",
    "Problem",
    "Scores",
    "read_timeml",
    "to_timeml",
    "write_timeml",
    "kept_timexes",
    "parse_dct",
    "tag_paths",
    "score_documents",
    "evaluate_dirs",
    "format_report",
]

TIMEML_SUFFIXES = (".tml", ".xml")
TEXT_SUFFIXES = (".txt",)
CONTEXT_CHARS = 30


class SpanLike(Protocol):
    """Anything scored as a timex: a gold `GoldTimex` or the tagger's `Timex`."""

    start: int
    end: int
    text: str
    type: str
    value: str


# --- reading ---------------------------------------------------------------------------------


# --- writing ---------------------------------------------------------------------------------
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", '"': "&quot;"}
# Characters XML 1.0 cannot hold even as references: replaced by U+FFFD (same length, same offsets).
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_TEXT_SPECIAL = re.compile(f"[&<>\r{_NOT_XML}]")
_ATTR_SPECIAL = re.compile(f'[&<>"\r\n\t{_NOT_XML}]')


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or (f"&#{ord(ch)};" if ch in "\n\t" else "\ufffd")


def _escaped_text(text: str) -> str:
    """`text` as XML character data that parses back to exactly `text`."""
    return _TEXT_SPECIAL.sub(_escape_char, text)


def _escaped_attr(value: str) -> str:
    """`value` for a double-quoted XML attribute."""
    return _ATTR_SPECIAL.sub(_escape_char, value)


def kept_timexes(timexes: Iterable[SpanLike], length: int) -> list[SpanLike]:
    """The timexes the writer tags, in text order: valid spans; of overlapping ones, the first.

    Spans outside 0..length or empty are dropped; among spans starting together the longest wins.
    """
    valid = [t for t in timexes if 0 <= t.start < t.end <= length]
    valid.sort(key=lambda t: (t.start, -t.end))
    kept: list[SpanLike] = []
    for timex in valid:
        if not kept or timex.start >= kept[-1].end:
            kept.append(timex)
    return kept


def _dct_value(dct: date | datetime | str | None) -> tuple[str, str] | None:
    """The DCT's TIMEX3 (type, value), or None when there is no creation date."""
    if dct is None or dct == "":
        return None
    if isinstance(dct, str):
        dct = parse_dct(dct)
    if isinstance(dct, datetime):
        if dct.time() == datetime.min.time():
            return "DATE", dct.date().isoformat()
        return "TIME", dct.replace(tzinfo=None, microsecond=0).isoformat()
    return "DATE", dct.isoformat()


def _timex_tag(tid: str, timex: SpanLike) -> str:
    attrs = {"tid": tid, "type": timex.type, "value": timex.value}
    if getattr(timex, "mod", ""):
        attrs["mod"] = timex.mod
    return "<TIMEX3 " + " ".join(f'{k}="{_escaped_attr(v)}"' for k, v in attrs.items()) + ">"


@dataclass(frozen=True)
class EventTag:
    """An EVENT to write: its trigger's span and the timex it is dated by (None: the DCT)."""

    start: int
    end: int
    time: SpanLike | None = None  # the row's TIMEX3; None for an event reported on the DCT


def to_timeml(
    text: str,
    timexes: Iterable[SpanLike],
    dct: date | datetime | str | None = None,
    doc_id: str = "",
    events: Iterable[EventTag] = (),
) -> str:
    """A TimeML document: DOCID, DCT (tid t0) and TEXT = `text` with TIMEX3 tags at the spans,
    EVENT tags at the events' triggers, and a TLINK placing each event in its timex (or the
    DCT): the event IS_INCLUDED in its date."""
    kept = kept_timexes(timexes, len(text))
    tids = {(t.start, t.end): f"t{n}" for n, t in enumerate(kept, start=1)}
    taken = [(t.start, t.end) for t in kept]
    tags: list[tuple[int, int, str, str]] = [
        (t.start, t.end, _timex_tag(tids[(t.start, t.end)], t), "</TIMEX3>") for t in kept
    ]
    links: list[tuple[str, str]] = []
    for n, event in enumerate(sorted(events, key=lambda e: (e.start, e.end)), start=1):
        span = (event.start, event.end)
        if not 0 <= event.start < event.end <= len(text):
            continue
        if any(s < event.end and event.start < e for s, e in taken):
            continue  # overlaps a timex or another event
        taken.append(span)
        tags.append((event.start, event.end, f'<EVENT eid="e{n}" class="OCCURRENCE">', "</EVENT>"))
        time = tids.get((event.time.start, event.time.end)) if event.time is not None else "t0"
        if time:
            links.append((f"e{n}", time))
    body: list[str] = []
    pos = 0
    for start, end, opening, closing in sorted(tags):
        body += [_escaped_text(text[pos:start]), opening, _escaped_text(text[start:end]), closing]
        pos = end
    body.append(_escaped_text(text[pos:]))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    lines.append(f"<DOCID>{_escaped_text(doc_id)}</DOCID>")
    dct_timex = _dct_value(dct)
    if dct_timex:
        kind, value = dct_timex
        lines.append(
            f'<DCT><TIMEX3 tid="t0" type="{kind}" value="{value}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{value}</TIMEX3></DCT>'
        )
    lines.append("<TEXT>" + "".join(body) + "</TEXT>")
    for n, (eid, tid) in enumerate(links, start=1):
        if tid == "t0" and not dct_timex:
            continue
        lines.append(f'<MAKEINSTANCE eventID="{eid}" eiid="ei{eid[1:]}" />')
        lines.append(
            f'<TLINK lid="l{n}" relType="IS_INCLUDED" eventInstanceID="ei{eid[1:]}" '
            f'relatedToTime="{tid}" />'
        )
    lines += ["</TimeML>", ""]
    return "\n".join(lines)


def write_timeml(
    doc_or_text: TimeMLDoc | str,
    timexes: Iterable[SpanLike],
    dct: date | datetime | str | None = None,
    out_path: str | os.PathLike | None = None,
    doc_id: str | None = None,
    events: Iterable[EventTag] = (),
) -> str:
    """The TimeML of a text (or a TimeMLDoc's text, id and DCT) tagged with `timexes` (and
    `events`, each linked to its timex or the DCT).

    Written as UTF-8 to `out_path` when given (folders created); the XML is returned either way.
    """
    if isinstance(doc_or_text, TimeMLDoc):
        text = doc_or_text.text
        dct = doc_or_text.dct if dct is None else dct
        doc_id = doc_or_text.doc_id if doc_id is None else doc_id
    else:
        text = doc_or_text
    xml = to_timeml(text, timexes, dct, doc_id or "", events)
    if out_path is not None:
        out = Path(out_path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(xml, encoding="utf-8", newline="")
    return xml


# --- tagging files ---------------------------------------------------------------------------
def parse_dct(value: str | date) -> date:
    """The date of the `--dct` flag; ValueError naming the value when it is not one."""
    try:
        return user_date(value)
    except DateError:
        raise ValueError(f"invalid --dct {value!r}: expected a real date YYYY-MM-DD") from None


def _files_under(
    inputs: Iterable[str | os.PathLike], out_root: Path
) -> tuple[list[tuple[Path, Path]], list[InputError]]:
    """(file, output name relative to out_dir) for each input file or file in an input folder.

    An output folder inside an input folder (an earlier run's results) is not an input.
    """
    found: list[tuple[Path, Path]] = []
    errors: list[InputError] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            inner_output = out_root.resolve() != path.resolve()
            for file in sorted(path.rglob("*")):
                if inner_output and out_root.resolve() in file.resolve().parents:
                    continue
                if file.is_file() and file.suffix.lower() in TIMEML_SUFFIXES + TEXT_SUFFIXES:
                    found.append((file, file.relative_to(path)))
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    return found, errors


def _is_timeml(path: Path) -> bool:
    return path.suffix.lower() in TIMEML_SUFFIXES


def _output_name(path: Path, relative: Path) -> Path:
    """TimeML keeps its name (so gold and system pair up); plain text gets `.tml` appended."""
    return relative if _is_timeml(path) else relative.with_name(relative.name + ".tml")


def _document_of(path: Path, dct: date | None) -> TimeMLDoc:
    """The document to tag: a TimeML file's text and own DCT, or a text file with `dct`."""
    if _is_timeml(path):
        doc = read_timeml(path)
        if doc.dct is None and dct is None:
            raise TimeMLError("no <DCT> date in the file; give --dct YYYY-MM-DD")
        return TimeMLDoc(doc.doc_id, doc.dct or dct, doc.text, [], str(path))
    if dct is None:
        raise TimeMLError("plain text needs a reference date; give --dct YYYY-MM-DD")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise TimeMLError(f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise TimeMLError(f"cannot read: {exc.strerror or exc}") from None
    return TimeMLDoc(path.stem, dct, text, [], str(path))


def tag_paths(
    inputs: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    dct: str | date | None = None,
) -> tuple[int, list[InputError]]:
    """Tag TimeML/text files and folders (recursive) into `out_dir`; (files written, errors).

    TimeML (.tml, .xml) is dated by its own DCT (`dct` only when it has none); plain text (.txt,
    or any other named file) by `dct`. An invalid `dct` raises ValueError before anything runs.
    """
    from .tagger import tag

    reference = parse_dct(dct) if dct is not None else None
    out_root = Path(out_dir)
    files, errors = _files_under(inputs, out_root)
    written = 0
    targets: dict[Path, Path] = {}
    for path, relative in files:
        target = out_root / _output_name(path, relative)
        if target.resolve() == path.resolve():
            errors.append(InputError(str(path), "output would overwrite the input; use another -o"))
            continue
        if target in targets:
            errors.append(InputError(str(path), f"same output name as {targets[target]}"))
            continue
        targets[target] = path
        try:
            doc = _document_of(path, reference)
        except TimeMLError as exc:
            errors.append(InputError(str(path), str(exc)))
            continue
        try:
            timexes = tag(doc.text, doc.dct)
        except Exception as exc:  # a tagger bug must not lose the rest of the batch
            errors.append(InputError(str(path), f"tagger failed: {type(exc).__name__}: {exc}"))
            continue
        try:
            write_timeml(doc, timexes, out_path=target)
        except OSError as exc:
            errors.append(InputError(str(path), f"cannot write {target}: {exc.strerror or exc}"))
            continue
        written += 1
    return written, errors


# --- scoring ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One scoring difference: a miss, an extra, a wrong type/value or a partial span."""

    kind: str  # MISS | EXTRA | WRONG | SPAN
    file: str
    start: int
    text: str
    gold: str  # "DATE 1998-01-08", "" for extras
    system: str  # "" for misses
    context: str

    def __str__(self) -> str:
        where = f"{self.kind:<5} {self.file}:{self.start}"
        if self.kind == "SPAN":
            return f"{where} gold {self.gold} vs system {self.system} | {self.context}"
        if self.kind == "MISS":
            detail = f"gold {self.gold}"
        elif self.kind == "EXTRA":
            detail = f"system {self.system}"
        else:
            detail = f"gold {self.gold} vs system {self.system}"
        return f"{where} {self.text!r}: {detail} | {self.context}"


@dataclass
class Scores:
    """TempEval-3 Task A counts over documents; the figures are properties (fractions 0..1)."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0  # exact-span matches
    relaxed: int = 0  # overlapping spans, matched one to one
    type_correct: int = 0  # among relaxed matches
    value_correct: int = 0
    problems: list[Problem] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def _prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed if self.relaxed else 0.0

    @property
    def type_prf(self) -> tuple[float, float, float]:
        """Type accuracy × relaxed P/R/F1 (= TempEval-3's attribute P/R/F1)."""
        p, r, f = self.relaxed_prf
        return self.type_accuracy * p, self.type_accuracy * r, self.type_accuracy * f

    @property
    def value_prf(self) -> tuple[float, float, float]:
        """Value accuracy × relaxed P/R/F1 (= TempEval-3's attribute P/R/F1)."""
        p, r, f = self.relaxed_prf
        return self.value_accuracy * p, self.value_accuracy * r, self.value_accuracy * f

    def figures(self) -> dict[str, float]:
        """The headline figures in percent, keyed like `strict_f1`, `value_f1`."""
        out: dict[str, float] = {}
        for name in ("strict", "relaxed", "type", "value"):
            p, r, f = getattr(self, f"{name}_prf")
            out.update({f"{name}_p": 100 * p, f"{name}_r": 100 * r, f"{name}_f1": 100 * f})
        return out


def _overlap(a: SpanLike, b: SpanLike) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _relaxed_pairs(gold: Sequence[SpanLike], system: Sequence[SpanLike]) -> dict[int, int]:
    """A maximum one-to-one matching of overlapping spans, {gold index: system index}.

    Exact spans are matched first, then augmenting paths (larger overlaps tried first) make it
    maximal, so one long system span never takes credit for two gold spans.
    """
    candidates = [
        sorted(
            (j for j, s in enumerate(system) if _overlap(g, s) > 0),
            key=lambda j, g=g: (-_overlap(g, system[j]), j),
        )
        for g in gold
    ]
    owner: dict[int, int] = {}  # system index → gold index
    for i, g in enumerate(gold):
        for j in candidates[i]:
            if j not in owner and (system[j].start, system[j].end) == (g.start, g.end):
                owner[j] = i
                break

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = set(owner.values())
    for i in range(len(gold)):
        if i not in matched:
            augment(i, set())
    return {i: j for j, i in owner.items()}


def _context(text: str, start: int, end: int) -> str:
    """A one-line snippet around text[start:end] with the span in [brackets]."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return " ".join(f"…{left}[{text[start:end]}]{right}…".split())


def _label(timex: SpanLike) -> str:
    mod = getattr(timex, "mod", "")
    return f"{timex.type} {timex.value}" + (f" mod={mod}" if mod else "")


def _document_scores(
    name: str, text: str, gold: Sequence[SpanLike], system: Sequence[SpanLike]
) -> Scores:
    """The Task A counts and problems of one document."""
    pairs = _relaxed_pairs(gold, system)
    exact = Counter((g.start, g.end) for g in gold) & Counter((s.start, s.end) for s in system)
    scores = Scores(1, len(gold), len(system), sum(exact.values()), len(pairs))
    for i, g in enumerate(gold):
        if i not in pairs:
            ctx = _context(text, g.start, g.end)
            scores.problems.append(Problem("MISS", name, g.start, g.text, _label(g), "", ctx))
            continue
        s = system[pairs[i]]
        scores.type_correct += g.type == s.type
        scores.value_correct += g.value == s.value
        same_span = (g.start, g.end) == (s.start, s.end)
        if (g.type, g.value) != (s.type, s.value):
            shown = _label(s) if same_span else f"{_label(s)} on {s.text!r}"
            problem = Problem("WRONG", name, g.start, g.text, _label(g), shown, "")
        elif not same_span:
            problem = Problem("SPAN", name, g.start, g.text, repr(g.text), repr(s.text), "")
        else:
            continue
        ctx = _context(text, g.start, g.end)
        scores.problems.append(replace(problem, context=ctx))
    matched = set(pairs.values())
    for j, s in enumerate(system):
        if j not in matched:
            ctx = _context(text, s.start, s.end)
            scores.problems.append(Problem("EXTRA", name, s.start, s.text, "", _label(s), ctx))
    scores.problems.sort(key=lambda p: p.start)
    return scores


def _merged(total: Scores, part: Scores) -> Scores:
    """`total` with the counts, problems and errors of `part` added."""
    for counter in fields(Scores):
        setattr(total, counter.name, getattr(total, counter.name) + getattr(part, counter.name))
    return total


def _first_difference(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def score_documents(
    pairs: Iterable[tuple[TimeMLDoc, TimeMLDoc | Sequence[SpanLike]]],
) -> Scores:
    """TempEval-3 Task A scores of (gold document, system document or timex list) pairs."""
    total = Scores()
    for gold, system in pairs:
        name = Path(gold.path).name if gold.path else gold.doc_id
        if isinstance(system, TimeMLDoc):
            if system.text != gold.text:
                at = _first_difference(gold.text, system.text)
                reason = f"TEXT differs from gold at char {at}; offsets may not line up"
                total.errors.append(InputError(system.path or name, reason))
            system = system.timexes
        _merged(total, _document_scores(name, gold.text, gold.timexes, list(system)))
    return total


def _timeml_files(folder: Path) -> dict[Path, Path]:
    """{path relative to folder: path} of the TimeML files under `folder` (or `folder` itself)."""
    if folder.is_file():
        return {Path(folder.name): folder}
    return {
        f.relative_to(folder): f
        for f in sorted(folder.rglob("*"))
        if f.is_file() and f.suffix.lower() in TIMEML_SUFFIXES
    }


def _paired_files(gold_root: Path, system_root: Path) -> list[tuple[Path, Path | None]]:
    """(gold file, its system file or None): same relative path, else the same unique name."""
    if system_root.is_file():
        if not gold_root.is_file():
            raise ValueError(f"system {str(system_root)!r} is a file; give a folder like the gold")
        return [(gold_root, system_root)]
    system_files = _timeml_files(system_root)
    by_name: dict[str, list[Path]] = {}
    for path in system_files.values():
        by_name.setdefault(path.name, []).append(path)
    pairs: list[tuple[Path, Path | None]] = []
    for relative, gold_path in _timeml_files(gold_root).items():
        same_name = by_name.get(relative.name, [])
        unique = same_name[0] if len(same_name) == 1 else None
        pairs.append((gold_path, system_files.get(relative, unique)))
    return pairs


def evaluate_dirs(gold_dir: str | os.PathLike, system_dir: str | os.PathLike) -> Scores:
    """TempEval-3 Task A scores of the system TimeML files against the gold ones, paired by name.

    A gold file without a system file is scored as an empty answer (and listed in `errors`);
    unreadable files are listed in `errors` (a broken system file also counts as empty). Two
    single files are compared with each other.
    """
    gold_root, system_root = Path(gold_dir), Path(system_dir)
    for role, root in (("gold", gold_root), ("system", system_root)):
        if not root.exists():
            raise ValueError(f"{role} folder {str(root)!r} does not exist")
    files = _paired_files(gold_root, system_root)
    if not files:
        raise ValueError(f"no TimeML files (.tml, .xml) in gold folder {str(gold_root)!r}")
    pairs: list[tuple[TimeMLDoc, TimeMLDoc | list]] = []
    errors: list[InputError] = []
    for gold_path, system_path in files:
        try:
            gold = read_timeml(gold_path)
        except TimeMLError as exc:
            errors.append(InputError(str(gold_path), f"gold not scored: {exc}"))
            continue
        if system_path is None:
            errors.append(InputError(str(gold_path), "no system file; scored as empty"))
            pairs.append((gold, []))
            continue
        try:
            pairs.append((gold, read_timeml(system_path)))
        except TimeMLError as exc:
            errors.append(InputError(str(system_path), f"{exc}; scored as empty"))
            pairs.append((gold, []))
    scores = score_documents(pairs)
    scores.errors = errors + scores.errors
    return scores


def format_report(scores: Scores, errors: bool = False) -> str:
    """The TempEval-3 Task A report; with `errors`, one line per miss, extra, wrong or partial."""
    lines = [
        f"TempEval-3 Task A: {scores.documents} document(s)",
        f"timexes: gold {scores.gold}, system {scores.system}, "
        f"matched {scores.relaxed} relaxed, {scores.strict} strict",
        "",
        f"{'':<9}{'P':>8}{'R':>8}{'F1':>8}{'accuracy':>10}",
    ]
    for name in ("strict", "relaxed", "type", "value"):
        p, r, f = getattr(scores, f"{name}_prf")
        row = f"{name:<9}{100 * p:>8.2f}{100 * r:>8.2f}{100 * f:>8.2f}"
        if name in ("type", "value"):
            row += f"{100 * getattr(scores, f'{name}_accuracy'):>10.2f}"
        lines.append(row)
    lines.append("(type/value F1 = accuracy over relaxed matches × relaxed F1)")
    for err in scores.errors:
        lines.append(f"note: {err.path}: {err.reason}")
    if errors:
        kinds = Counter(p.kind for p in scores.problems)
        summary = ", ".join(f"{k} {kinds[k]}" for k in ("MISS", "EXTRA", "WRONG", "SPAN"))
        lines += ["", f"differences: {summary}"]
        lines += [str(problem) for problem in scores.problems]
    return "\n".join(lines)
