"""Turn news articles into a chronology: every date in them found, resolved against the
article's dateline, and the events around them on one timeline.

Each subcommand is one `_add_<name>` (its arguments and its `Example:` help) and one `_run_<name>`
(a call into the public API). Errors the user can fix are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import TIME_BUDGET

DESCRIPTION = """\
Turn news articles into a chronology: every date in them found and resolved
against the article's dateline, the events around them on one timeline (a CSV,
Parquet or JSON events table, a dashboard in the browser, an offline HTML page).
"""
EXAMPLES = """\
Examples:

  timeline extract timeline/samples/ -o events.csv        # the events of a folder of articles
  timeline extract wire.csv --text-column body --date-column pub_date
  timeline serve articles/                                # the dashboard: http://127.0.0.1:8050
  timeline export articles/ -o timeline.html --title "Iraq, January 2020"
  timeline tag corpus/ -o tagged/ && timeline evaluate corpus/ tagged/

Run 'timeline COMMAND --help' for the options of a command.
"""
BROKEN_PIPE = 141  # the status of a Unix tool whose reader went away (128 + SIGPIPE)


def _fail(message: str) -> int:
    print(f"timeline: error: {message}", file=sys.stderr)
    return 2


def _parser(sub, name: str, summary: str, example: str) -> argparse.ArgumentParser:
    """A subcommand with its one-line summary and an `Example:` block in its help."""
    return sub.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog="Example:\n\n" + example,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def port(value: str) -> int:
    """A TCP port number (1-65535), for argparse."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number (1-65535)")
    return number


def _say_skipped(error) -> None:
    """One failed input on stderr (above a progress bar, when one is drawn)."""
    from tqdm import tqdm

    tqdm.write(f"timeline: skipped {error}", file=sys.stderr)


def _report_errors(errors: Sequence, report: str | None = None, said: bool = False) -> None:
    """Each failed input on stderr, one line each (unless `said` as they happened); all of them
    as CSV in `report` when given."""
    for err in () if said else errors:
        _say_skipped(err)
    if report:
        import csv

        with open(report, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["path", "where", "reason"])
            writer.writerows((err.path, err.where, err.reason) for err in errors)


COLUMN_OPTIONS = ("text", "date", "title", "url", "source")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="*",
        help="files, folders (recursive) or globs: .txt .md .html .xml .rss .atom .csv .jsonl "
        ".json .tml (default: the bundled sample articles)",
    )
    p.add_argument(
        "--dateline", action="append", help="reference date YYYY-MM-DD (once, or once per input)"
    )
    guessed = {
        "text": "text, body, content, article, story",
        "date": "date, published, pubdate, dateline",
        "title": "title, headline",
        "url": "url, link",
        "source": "source, publisher, outlet",
    }
    for role in COLUMN_OPTIONS:
        p.add_argument(
            f"--{role}-column",
            metavar="NAME",
            help=f"CSV/JSON column holding the {role} (default: guessed from {guessed[role]})",
        )
    p.add_argument(
        "--time-budget",
        type=float,
        default=TIME_BUDGET,
        metavar="SECONDS",
        help=f"the time one document may take; one over it is named and left out "
        f"(default: {TIME_BUDGET:g})",
    )
    p.add_argument(
        "--about",
        action="append",
        metavar="NAME",
        help="keep the events whose clause names this entity (by name, surname, acronym); repeatable",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("--strict", action="store_true", help="exit 1 if any input failed")
    p.add_argument(
        "--errors-report", metavar="PATH", help="write the files that failed, with reasons, as CSV"
    )


def _extract_options(args: argparse.Namespace) -> dict:
    dateline = args.dateline
    if dateline and len(dateline) == 1:
        dateline = dateline[0]
    columns = {f"{role}_column": getattr(args, f"{role}_column") for role in COLUMN_OPTIONS}
    return {
        "dateline": dateline,
        "quiet": args.quiet,
        "about": args.about,
        "time_budget": args.time_budget,
        **columns,
    }


def _report_run(
    args: argparse.Namespace, articles: int, errors, warnings, duplicates, said: bool = False
) -> None:
    """Warnings, duplicates and failed inputs (unless `said` as they happened) on stderr, then the
    count of documents in and out (input documents = articles + failed + read once), unless quiet
    with nothing to report."""
    for warning in [*warnings, *duplicates]:
        print(f"timeline: warning: {warning}", file=sys.stderr)
    _report_errors(errors, args.errors_report, said)
    if args.quiet and not errors and not duplicates:
        return
    parts = [f"{articles:,} article{'s' * (articles != 1)}", f"{len(errors):,} failed"]
    if duplicates:
        parts.append(f"{len(duplicates):,} given twice (read once)")
    total = articles + len(errors) + len(duplicates)
    print(f"timeline: {total:,} documents in: {', '.join(parts)}", file=sys.stderr)


def _frame_from_args(args: argparse.Namespace):
    import timeline
    from timeline.schema import ARTICLES, DUPLICATES, ERRORS, WARNINGS

    frame = timeline.extract(args.inputs or None, **_extract_options(args))
    attrs = frame.attrs
    _report_run(
        args, len(attrs[ARTICLES]), attrs[ERRORS], attrs[WARNINGS], attrs.get(DUPLICATES, [])
    )
    return frame


def _batch_status(frame, strict: bool) -> int:
    from timeline.schema import ARTICLES, ERRORS

    errors = frame.attrs.get(ERRORS, [])
    if errors and (strict or not frame.attrs.get(ARTICLES)):
        return 1
    return 0


# --- tag -------------------------------------------------------------------------------------
def _add_tag(sub) -> None:
    p = _parser(
        sub,
        "tag",
        "add TIMEX3 tags to TimeML or plain-text files",
        "  timeline tag corpus/ -o tagged/                     # TimeML in, TimeML with TIMEX3 out\n"
        "  timeline tag story.txt --dct 2020-01-06 -o tagged/  # plain text: story.txt.tml\n",
    )
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
    p = _parser(
        sub,
        "evaluate",
        "TempEval-3 scores of SYSTEM_DIR against GOLD_DIR",
        "  timeline evaluate gold/ tagged/            # strict, relaxed, type and value F1\n"
        "  timeline evaluate gold/ tagged/ --errors   # and every miss, extra and wrong value\n",
    )
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
    p = _parser(
        sub,
        "extract",
        "the events of articles, as one table: CSV, Parquet or JSON",
        "  timeline extract timeline/samples/ -o events.csv\n"
        "  timeline extract articles/ feeds/*.xml -o events.parquet     # a folder of Parquet parts\n"
        "  timeline extract wire.csv --text-column body --date-column pub_date | head\n"
        "  timeline extract story.txt --dateline 2020-01-06              # override the dateline\n"
        "  timeline extract archive/ -o events.parquet --workers 4       # on a local Dask cluster\n",
    )
    _add_input_options(p)
    p.add_argument(
        "-o",
        "--output",
        default="-",
        help=".csv, .parquet (a folder) or .json; - = CSV on stdout (the default)",
    )
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
        _report_run(args, report.documents, report.errors, report.warnings, report.duplicates)
        return 1 if report.errors and (args.strict or not report.documents) else 0
    if Path(args.output).suffix.lower() in (".csv", ".parquet"):  # a file: streamed to it
        import timeline

        report = timeline.extract_to(
            args.inputs or None, args.output, on_error=_say_skipped, **_extract_options(args)
        )
        _report_run(
            args, report.documents, report.errors, report.warnings, report.duplicates, said=True
        )
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
    p = _parser(
        sub,
        "serve",
        "the interactive timeline in the browser",
        "  timeline serve                                  # the bundled sample articles\n"
        "  timeline serve articles/ --port 8050            # http://127.0.0.1:8050\n",
    )
    _add_input_options(p)
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: this machine only)"
    )
    p.add_argument("--port", type=port, default=8050, help="1-65535 (default: 8050)")
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
    p = _parser(
        sub,
        "export",
        "an offline HTML page, TimelineJS JSON, TimeML, CSV, Parquet or JSON",
        '  timeline export articles/ -o timeline.html --title "Iraq, January 2020"\n'
        "  timeline export articles/ -o timeline.json --format timelinejs\n"
        "  timeline export articles/ -o tml/ --format timeml     # one TimeML file per article\n",
    )
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--format",
        default=None,
        choices=["html", "timelinejs", "timeml", "csv", "parquet", "json"],
        help="default: from the output's extension",
    )
    p.add_argument("--title", default=None, help="the HTML page's title (default: Timeline)")
    p.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    import timeline
    from timeline.export import export, export_format

    frame = _frame_from_args(args)
    if args.title is not None and export_format(args.output, args.format) == "html":
        timeline.to_html(frame, args.output, title=args.title)
    else:
        export(frame, args.output, fmt=args.format)
    return _batch_status(frame, args.strict)


def build_parser() -> argparse.ArgumentParser:
    from timeline import __version__

    parser = argparse.ArgumentParser(
        prog="timeline",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_extract, _add_serve, _add_export, _add_tag, _add_evaluate):
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `timeline extract ... | head`: the reader has what it wanted
        _quiet_stdout()
        return BROKEN_PIPE
    except (ValueError, OSError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _quiet_stdout() -> None:
    """stdout sent to /dev/null, so that flushing it at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (under a test runner)
        pass


if __name__ == "__main__":
    sys.exit(main())
