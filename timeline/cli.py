"""Command line: `timeline tag | extract | serve | export | evaluate`. Argument parsing only.

Each subcommand is one `_add_<name>` (its arguments) and one `_run_<name>` (a call into the public
API). Errors the user can fix are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _fail(message: str) -> int:
    print(f"timeline: error: {message}", file=sys.stderr)
    return 2


def _report_errors(errors: Sequence, report: str | None = None) -> None:
    """Each failed input on stderr, one line each; all of them as CSV in `report` when given."""
    for err in errors:
        print(f"timeline: skipped {err}", file=sys.stderr)
    if report:
        import csv

        with open(report, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["path", "where", "reason"])
            writer.writerows((err.path, err.where, err.reason) for err in errors)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", help="files, folders or globs (default: bundled samples)")
    p.add_argument(
        "--dateline", action="append", help="reference date YYYY-MM-DD (once, or once per input)"
    )
    p.add_argument("--text-column", default=None, help="CSV/JSONL column holding the text")
    p.add_argument("--date-column", default=None, help="CSV/JSONL column holding the date")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--strict", action="store_true", help="exit 1 if any input failed")
    p.add_argument(
        "--errors-report", metavar="PATH", help="write the files that failed, with reasons, as CSV"
    )


def _extract_options(args: argparse.Namespace) -> dict:
    dateline = args.dateline
    if dateline and len(dateline) == 1:
        dateline = dateline[0]
    return {
        "dateline": dateline,
        "text_column": args.text_column,
        "date_column": args.date_column,
        "quiet": args.quiet,
    }


def _frame_from_args(args: argparse.Namespace):
    import timeline
    from timeline.schema import ERRORS, WARNINGS

    frame = timeline.extract(args.inputs or None, **_extract_options(args))
    for warning in frame.attrs.get(WARNINGS, []):
        print(f"timeline: warning: {warning}", file=sys.stderr)
    _report_errors(frame.attrs.get(ERRORS, []), args.errors_report)
    return frame


def _batch_status(frame, strict: bool) -> int:
    from timeline.schema import ARTICLES, ERRORS

    errors = frame.attrs.get(ERRORS, [])
    if errors and (strict or not frame.attrs.get(ARTICLES)):
        return 1
    return 0


# --- tag -------------------------------------------------------------------------------------
def _add_tag(sub) -> None:
    p = sub.add_parser("tag", help="add TIMEX3 tags to TimeML or plain-text files")
    p.add_argument("inputs", nargs="+", help="TimeML / text files or folders")
    p.add_argument("-o", "--output", required=True, help="output folder")
    p.add_argument("--dct", help="reference date YYYY-MM-DD for plain-text inputs")
    p.set_defaults(run=_run_tag)


def _run_tag(args: argparse.Namespace) -> int:
    from timeline.timeml import tag_paths

    written, errors = tag_paths(args.inputs, args.output, dct=args.dct)
    _report_errors(errors)
    print(f"timeline: tagged {written} file(s) into {args.output}", file=sys.stderr)
    return 0 if written or not errors else 1


# --- evaluate --------------------------------------------------------------------------------
def _add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="TempEval-3 scores of SYSTEM_DIR against GOLD_DIR")
    p.add_argument("gold")
    p.add_argument("system")
    p.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value")
    p.set_defaults(run=_run_evaluate)


def _run_evaluate(args: argparse.Namespace) -> int:
    from timeline.timeml import evaluate_dirs, format_report

    scores = evaluate_dirs(args.gold, args.system)
    print(format_report(scores, errors=args.errors))
    return 0


# --- extract ---------------------------------------------------------------------------------
def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="events frame from articles")
    _add_input_options(p)
    p.add_argument("-o", "--output", default="-", help=".csv, .parquet or .json; - = CSV stdout")
    p.add_argument("--workers", type=int, default=0, help="run on a local Dask cluster")
    p.add_argument("--scheduler", default=None, help="run on a Dask cluster: tcp://HOST:8786")
    p.set_defaults(run=_run_extract)


def _run_extract(args: argparse.Namespace) -> int:
    if args.workers or args.scheduler:
        from timeline.scale import extract_distributed

        report = extract_distributed(
            args.inputs or None,
            args.output,
            workers=args.workers or None,
            scheduler=args.scheduler,
            **_extract_options(args),
        )
        for warning in report.warnings:
            print(f"timeline: warning: {warning}", file=sys.stderr)
        _report_errors(report.errors, args.errors_report)
        return 1 if report.errors and (args.strict or not report.documents) else 0
    from timeline.schema import write_frame

    frame = _frame_from_args(args)
    write_frame(frame, args.output)
    return _batch_status(frame, args.strict)


# --- serve -----------------------------------------------------------------------------------
def _add_serve(sub) -> None:
    from timeline.dashboard.jobs import Limits

    def count(text: str) -> int:
        value = int(text)
        if value < 1:
            raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
        return value

    def days(text: str) -> float:
        value = float(text)
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value

    limits = Limits()
    p = sub.add_parser("serve", help="the interactive timeline in the browser")
    _add_input_options(p)
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: this machine only)"
    )
    p.add_argument("--port", type=int, default=8050)
    p.add_argument(
        "--workers", type=count, default=None, help="server processes (default: one per CPU)"
    )
    p.add_argument(
        "--threads", type=count, default=None, help="threads per server process (default: 4)"
    )
    p.add_argument(
        "--store", default=None, help="folder for each session's work and the upload jobs"
    )
    p.add_argument(
        "--keep-days",
        type=days,
        default=None,
        help="how long a session's work is kept after its last use (default: 7)",
    )
    p.add_argument(
        "--max-upload-articles",
        type=count,
        default=limits.articles,
        help="articles one upload may add",
    )
    p.add_argument(
        "--max-upload-seconds",
        type=count,
        default=int(limits.seconds),
        help="time one upload may take",
    )
    p.add_argument(
        "--debug", action="store_true", help="Dash's development server, with its debug tools"
    )
    p.set_defaults(run=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    import timeline
    from timeline.dashboard.jobs import Limits
    from timeline.dashboard.server import serve, server_name

    frame = _frame_from_args(args)
    limits = Limits(articles=args.max_upload_articles, seconds=args.max_upload_seconds)
    options = {"store": args.store, "limits": limits}
    if args.keep_days is not None:
        options["keep_days"] = args.keep_days
    app = timeline.app(frame, **options)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"timeline: warning: listening on {args.host}: anyone who can reach it can read the "
            "articles and upload files",
            file=sys.stderr,
        )
    runner = "Dash's development server" if args.debug else server_name()
    print(f"timeline: serving on http://{args.host}:{args.port}/ ({runner})", file=sys.stderr)
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
    else:
        serve(app, args.host, args.port, workers=args.workers, threads=args.threads)
    return 0


# --- export ----------------------------------------------------------------------------------
def _add_export(sub) -> None:
    p = sub.add_parser("export", help="static HTML page, TimelineJS JSON, TimeML, CSV or Parquet")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--format",
        default=None,
        choices=["html", "timelinejs", "timeml", "csv", "parquet", "json"],
        help="default: from the output's extension",
    )
    p.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from timeline.export import export

    frame = _frame_from_args(args)
    export(frame, args.output, fmt=args.format)
    return _batch_status(frame, args.strict)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_tag, _add_extract, _add_serve, _add_export, _add_evaluate):
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (ValueError, OSError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
