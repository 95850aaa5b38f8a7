"""The ``numcheck`` command line.

Exit status, like a linter: 0 when there is no error-severity discrepancy, 1 when there
is one, 2 for bad usage or an unreadable input (named on stderr; the rest of the batch
is still processed and reported; an internal error while reading one input is that
input's error). A bug that stops the whole run is one line on stderr and status 70
(``NUMCHECK_TRACEBACK=1`` shows the traceback instead); an interrupt is 130.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, cast

from . import __version__
from ._columns import claims_csv
from ._ledger import Ledger, fingerprint, render_finding
from ._lexicon import Lexicon, load_lexicon
from ._load import read_claims, read_inputs
from ._models import InputError, NumcheckError, Severity, report_schema
from ._parallel import ProgressLine, default_jobs
from ._pipeline import build_report, extract_each
from ._report import (
    claims_jsonl,
    claims_table,
    filter_severity,
    printable,
    render_json,
    render_markdown,
    render_text,
)
from ._rules import Rules, find_rules

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_BUG = 70
"""A bug stopped the run (EX_SOFTWARE): never 1, which means a discrepancy was found."""
EXIT_INTERRUPTED = 130
DEFAULT_LEDGER = "numcheck.db"
TRACEBACK_VARIABLE = "NUMCHECK_TRACEBACK"
"""Set to 1 to let an internal error propagate with its traceback (for debugging)."""
_ESCAPES = "numcheck-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what the stream cannot encode becomes ``\\uXXXX``
    (surrogate pairs above U+FFFF): still exact, valid JSON inside JSON strings."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out: list[str] = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(_ESCAPES, _json_escape)


def _tolerant(stream: TextIO) -> None:
    """Make a stream that cannot encode every character (a cp1252 or ASCII redirect)
    escape what it cannot show instead of raising UnicodeEncodeError."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = ""
    if name.startswith("utf") or getattr(stream, "errors", "strict") != "strict":
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=_ESCAPES)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"numcheck: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="numcheck",
        description="Extract numeric claims from news articles and flag discrepancies.",
    )
    parser.add_argument("--version", action="version", version=f"numcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="list the claims of articles")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    extract.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default="table",
        help="table: readable (default); jsonl: one Claim per line; csv: a header row of "
        "the flat claim columns, one claim per row (UTF-8, comma-separated)",
    )
    _lexicon_option(extract)
    _jobs_option(extract)

    check = commands.add_parser("check", help="check articles and claims for discrepancies")
    check.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    check.add_argument(
        "--claims",
        action="append",
        default=[],
        metavar="FILE",
        help="claims without article text: JSON Lines in the Claim schema, or a .csv file "
        "with a header row of claim columns (as extract --format csv writes); repeatable",
    )
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    check.add_argument(
        "--rules",
        metavar="FILE",
        help="numcheck.toml or pyproject.toml with [tool.numcheck] "
        "(default: found from the current folder up)",
    )
    _lexicon_option(check)
    check.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default="info",
        help="hide discrepancies below this severity (default: info, show all)",
    )
    _jobs_option(check)
    _ledger_parser(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of the report that check --format json writes",
        description="Print the JSON Schema (draft 2020-12) of the report that "
        "numcheck check --format json writes, with a description of every field.",
    )
    return parser


def _ledger_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    ledger = commands.add_parser("ledger", help="the claim ledger: add, check, acknowledge")
    actions = ledger.add_subparsers(dest="action", required=True, parser_class=_Parser)

    def sub(name: str, summary: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=summary)
        parser.add_argument(
            "--ledger",
            default=DEFAULT_LEDGER,
            metavar="FILE",
            help=f"the ledger file (default: {DEFAULT_LEDGER})",
        )
        return parser

    add = sub("add", "add articles to the ledger (created if missing)")
    add.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    _lexicon_option(add)
    check = sub("check", "check articles against the ledger without adding them")
    check.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    check.add_argument("--rules", metavar="FILE", help="as for numcheck check")
    _lexicon_option(check)
    check.add_argument("--min-severity", choices=("info", "warning", "error"), default="warning")
    ack = sub("ack", "record that discrepancies were reviewed and are fine")
    ack.add_argument("fingerprints", nargs="+", metavar="FINGERPRINT")
    ack.add_argument("--by", required=True, metavar="NAME", help="who reviewed it")
    ack.add_argument("--reason", required=True, metavar="TEXT", help="why it is fine")
    sub("acks", "list the acknowledged discrepancies")


def _lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE.toml",
        help="extra measures, actors and places (the shape of numcheck/data/*.toml); repeatable",
    )


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, at least 1: {text!r}")
    return jobs


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=default_jobs(),
        metavar="N",
        help="extract in N processes (default: the number of cores, here %(default)s; "
        "1: in this process; a small batch always runs in this process); "
        "the output is the same for every N",
    )


@contextlib.contextmanager
def _progress(count: int) -> Iterator[ProgressLine | None]:
    """Progress on stderr while a long run extracts, when stderr is a terminal (never
    when it is a file or a pipe)."""
    isatty = getattr(sys.stderr, "isatty", None)
    if isatty is None or not isatty():
        yield None
        return
    progress = ProgressLine(sys.stderr, files=count)
    try:
        yield progress
    finally:
        progress.close()


def _lexicon(args: argparse.Namespace) -> Lexicon | None:
    return load_lexicon(*args.lexicon) if args.lexicon else None


def _warn(error: InputError | str) -> None:
    """One line on stderr, ``numcheck: PATH: problem``, safe for the terminal."""
    print(printable(f"numcheck: {error}"), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant(sys.stdout)
    _tolerant(sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check" and not args.paths and not args.claims:
        parser.error("check needs article PATHs or --claims FILE")
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "ledger":
            return _ledger(args)
        if args.command == "schema":
            print(json.dumps(report_schema(), indent=2, ensure_ascii=False))
            return EXIT_OK
        return _check(args)
    except NumcheckError as exc:
        _warn(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except KeyboardInterrupt:
        _warn("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug outside the per-input isolation
        if os.environ.get(TRACEBACK_VARIABLE, "") not in ("", "0"):
            raise
        detail = " ".join(str(exc).split())
        _warn(
            f"internal error: {type(exc).__name__}: {detail} "
            "(this is a bug; please report it with the command and input)"
        )
        return EXIT_BUG


def _write_utf8(text: str) -> None:
    """Write ``text`` to stdout as UTF-8 bytes, whatever the stream's encoding, and
    without newline translation (CSV rows end in CR LF as written)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes (a test's StringIO)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "replace"))
    buffer.flush()


def _extract(args: argparse.Namespace) -> int:
    articles, errors = read_inputs(args.paths)
    for error in errors:
        _warn(error)
    with _progress(len(articles)) as progress:
        done = extract_each(articles, lexicon=_lexicon(args), jobs=args.jobs, progress=progress)
    for error in done.errors:
        _warn(error)
    if args.format == "jsonl":
        sys.stdout.write(claims_jsonl(done.claims))
    elif args.format == "csv":
        _write_utf8(claims_csv(done.claims))
    else:
        print(claims_table(done.claims))
    return EXIT_USAGE if errors or done.errors else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    rules = Rules.from_file(args.rules) if args.rules else find_rules()
    articles, errors = read_inputs(args.paths) if args.paths else ([], [])
    claims, claim_errors, claim_warnings = read_claims(args.claims)
    errors += claim_errors
    for warning in claim_warnings:
        _warn(f"warning: {warning}")
    for error in errors:
        _warn(error)
    with _progress(len(articles)) as progress:
        report = build_report(
            articles,
            claims,
            rules=rules,
            errors=errors,
            lexicon=_lexicon(args),
            jobs=args.jobs,
            progress=progress,
        )
    for error in report.errors[len(errors) :]:  # articles whose extraction failed
        _warn(error)
    minimum = cast(Severity, args.min_severity)
    if args.format == "json":
        sys.stdout.write(render_json(report, minimum=minimum))
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(report, minimum=minimum))
    else:
        print(render_text(report, minimum=minimum))
    if report.errors:  # the unreadable inputs, then the articles whose extraction failed
        return EXIT_USAGE
    if filter_severity(report.discrepancies, "error"):
        return EXIT_ERRORS
    return EXIT_OK


def _ledger(args: argparse.Namespace) -> int:
    """The ledger commands. Each opens the ledger with ``verify``: a damaged file is
    refused (one line naming it, status 2) before anything is read or written."""
    name = printable(args.ledger)
    if args.action == "ack":
        with Ledger(args.ledger, verify=True) as ledger:
            count = ledger.ack(args.fingerprints, by=args.by, reason=args.reason)
        print(f"{name}: {count} discrepanc{'y' if count == 1 else 'ies'} acknowledged")
        return EXIT_OK
    if args.action == "acks":
        with Ledger(args.ledger, create=False, verify=True) as ledger:
            for ack in ledger.acks().values():
                print(printable(f"{ack.fingerprint}  {ack.at}  {ack.by}: {ack.reason}"))
        return EXIT_OK
    articles, errors = read_inputs(args.paths)
    for error in errors:
        _warn(error)
    if args.action == "add":
        with Ledger(args.ledger, verify=True) as ledger:
            done = ledger.add(articles, lexicon=_lexicon(args))
            total = ledger.counts()
        for error in done.errors:
            _warn(error)
        print(
            f"{name}: {done.added} article(s) added, {done.replaced} replaced, "
            f"{done.unchanged} unchanged ({done.claims} claim(s) stored); "
            f"the ledger holds {total[0]} article(s), {total[1]} claim(s)"
        )
        return EXIT_USAGE if errors or done.errors else EXIT_OK
    rules = Rules.from_file(args.rules) if args.rules else find_rules()
    lexicon = _lexicon(args)
    with Ledger(args.ledger, create=False, verify=True) as ledger:
        extracted = extract_each(articles, lexicon=lexicon)
        for error in extracted.errors:
            _warn(error)
        # a stored article is replaced by its new version only when that was extracted
        found = ledger.against(
            extracted.claims,
            rules=rules,
            lexicon=lexicon,
            exclude={article.id for article in extracted.articles},
        )
        acks = ledger.acks()
    shown = filter_severity(found, cast(Severity, args.min_severity))
    for discrepancy in shown:
        print(render_finding(discrepancy, acks.get(fingerprint(discrepancy))))
        print()
    failing = [d for d in filter_severity(found, "error") if fingerprint(d) not in acks]
    print(
        f"{len(extracted.articles)} article(s) checked against {name}: "
        f"{len(shown)} discrepanc{'y' if len(shown) == 1 else 'ies'} shown, "
        f"{len(failing)} unacknowledged error(s)"
    )
    if errors or extracted.errors:
        return EXIT_USAGE
    return EXIT_ERRORS if failing else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
