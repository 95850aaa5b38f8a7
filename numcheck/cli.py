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
import shlex
import shutil
import sys
from collections.abc import Iterator, Sequence
from os.path import isfile
from pathlib import Path
from typing import TextIO, cast

from . import __version__
from ._columns import claims_csv
from ._formats import DEFAULT, RenderOptions, for_people, formats_for, render
from ._ledger import Ledger, LedgerError
from ._lexicon import Lexicon, load_lexicon
from ._load import STDIN_NAME, read_claims, read_inputs
from ._models import (
    SEVERITIES,
    Article,
    Discrepancy,
    InputError,
    NumcheckError,
    Report,
    Severity,
    report_schema,
)
from ._parallel import ProgressLine, default_jobs
from ._pipeline import build_report, extract_each
from ._report import (
    claims_jsonl,
    claims_table,
    filter_severity,
    printable,
    render_statistics,
    render_statistics_markdown,
    statistics,
)
from ._rules import Rules, find_rules_file, known_measures, rules_toml
from ._select import Selection, selection

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
    extract.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    extract.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default="table",
        help="table: readable (default); jsonl: one Claim per line; csv: a header row of "
        "the flat claim columns, one claim per row (UTF-8, comma-separated)",
    )
    _lexicon_option(extract)
    _stdin_option(extract)
    _jobs_option(extract)

    check = commands.add_parser("check", help="check articles and claims for discrepancies")
    check.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    check.add_argument(
        "--claims",
        action="append",
        default=[],
        metavar="FILE",
        help="claims without article text: JSON Lines in the Claim schema, or a .csv file "
        "with a header row of claim columns (as extract --format csv writes); repeatable",
    )
    _format_option(check, "check")
    check.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the report to FILE (UTF-8) instead of standard output",
    )
    check.add_argument(
        "--rules",
        metavar="FILE",
        help="numcheck.toml or pyproject.toml with [tool.numcheck] "
        "(default: found from the current folder up)",
    )
    _lexicon_option(check)
    _stdin_option(check)
    check.add_argument(
        "--min-severity",
        choices=tuple(reversed(SEVERITIES)),
        default="info",
        help="hide discrepancies below this severity (default: info, show all)",
    )
    _selection_options(check)
    _statistics_option(check)
    _show_settings_option(check)
    check.add_argument(
        "--max-per-key",
        type=_count,
        metavar="N",
        help="show at most N findings per key (its most severe) and how many more it has, "
        f"in text and markdown (default: {TERMINAL_MAX_PER_KEY} on a terminal, "
        "all when the output is redirected; 0: all)",
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
    add.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    _lexicon_option(add)
    _stdin_option(add)
    check = sub("check", "check articles against the ledger without adding them")
    check.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    check.add_argument("--rules", metavar="FILE", help="as for numcheck check")
    _lexicon_option(check)
    _stdin_option(check)
    check.add_argument("--min-severity", choices=tuple(reversed(SEVERITIES)), default="warning")
    _format_option(check, "ledger check")
    _selection_options(check)
    _statistics_option(check)
    _show_settings_option(check)
    ack = sub("ack", "record that discrepancies were reviewed and are fine")
    ack.add_argument("fingerprints", nargs="+", metavar="FINGERPRINT")
    ack.add_argument("--by", required=True, metavar="NAME", help="who reviewed it")
    ack.add_argument("--reason", required=True, metavar="TEXT", help="why it is fine")
    ack.add_argument(
        "--articles",
        nargs="+",
        action="extend",
        default=[],
        metavar="PATH",
        help="the articles (not yet added) whose check against the ledger showed the "
        "fingerprints; without them, only findings among the ledger's own articles match",
    )
    ack.add_argument("--rules", metavar="FILE", help="as for numcheck check")
    _lexicon_option(ack)
    sub("acks", "list the acknowledged discrepancies")


def _format_option(parser: argparse.ArgumentParser, command: str) -> None:
    formats = formats_for(command)
    parser.add_argument(
        "--format",
        choices=tuple(formats),
        default=DEFAULT,
        help="; ".join(f"{name}: {module.HELP}" for name, module in formats.items()).replace(
            "%", "%%"
        )
        + f" (default: {DEFAULT})",
    )


PATHS_HELP = "article files or folders; - reads one article from stdin"


def _stdin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdin-filename",
        default=STDIN_NAME,
        metavar="NAME",
        help="the file name of the article read from stdin (-): its id is the name's stem, "
        f"findings and errors name it, a .jsonl name reads JSON Lines (default: {STDIN_NAME})",
    )


def _read_inputs(args: argparse.Namespace) -> tuple[list[Article], list[InputError]]:
    """The articles of the PATHs, ``-`` standing for stdin."""
    stdin = getattr(sys.stdin, "buffer", None)
    return read_inputs(args.paths, stdin=stdin, stdin_name=args.stdin_filename)


def _lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE.toml",
        help="extra measures, actors and places (the shape of numcheck/data/*.toml); repeatable",
    )


def _selection_options(parser: argparse.ArgumentParser) -> None:
    for option, what in (
        ("--select", "only the findings of"),
        ("--ignore", "leave out the findings of"),
    ):
        parser.add_argument(
            option,
            action="append",
            default=[],
            metavar="NAME[,NAME...]",
            help=f"{what} these rules or verdicts (conflict, typo, troops, troops/typo); "
            "repeatable; the exit status counts only the findings that are left",
        )


def _statistics_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="after the report, count the findings shown by rule, by verdict and by key "
        "(on stderr for machine formats such as json)",
    )


def _print_statistics(found: Sequence[Discrepancy], form: str) -> None:
    counts = statistics(found)
    if form == "markdown":
        sys.stdout.write("\n" + render_statistics_markdown(counts))
    elif for_people(form):
        print()
        print(render_statistics(counts))
    else:
        sys.stderr.write(render_statistics(counts) + "\n")


def _rules(args: argparse.Namespace, lexicon: Lexicon | None, measures: set[str]) -> Rules:
    """The rules of ``--rules FILE``, else the project's; a ``[measures.NAME]`` table
    must name a measure of the lexicon, a unit, or one of ``measures``. With
    ``--show-settings``, prints the file and the merged rules as TOML, then exits 0."""
    path = Path(args.rules) if args.rules else find_rules_file()
    rules = Rules.from_file(path, lexicon=lexicon, measures=measures) if path else Rules()
    if getattr(args, "show_settings", False):
        where = (
            printable(f"{path}{' [tool.numcheck]' if path.name == 'pyproject.toml' else ''}")
            if path
            else "built-in defaults"
        )
        sys.stdout.write(f"# rules: {where}\n{rules_toml(rules)}")
        raise SystemExit(EXIT_OK)
    return rules


def _show_settings_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the rules file in use (or built-in defaults) and the merged rules as "
        "TOML that --rules reads back, then exit",
    )


def _selection(
    args: argparse.Namespace, rules: Rules, lexicon: Lexicon | None, measures: set[str]
) -> Selection:
    return selection(
        args.select,
        args.ignore,
        rules={"default", *rules.measures},
        measures=known_measures(lexicon, measures),
    )


TERMINAL_MAX_PER_KEY = 5
"""Findings shown per key when stdout is a terminal (redirected: all)."""


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"expected a number, 0 or more: {text!r}")
    return count


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def use_colour(stream: TextIO) -> bool:
    """Colour on ``stream``: never with ``NO_COLOR`` set (any non-empty value); always
    with ``FORCE_COLOR`` set (non-empty, not ``0``), even when piped; else when the
    stream is a terminal that is not ``TERM=dumb``."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return _isatty(stream) and os.environ.get("TERM", "") != "dumb"


def text_width(stream: TextIO) -> int | None:
    """The columns to wrap text to when ``stream`` is a terminal: its width, or
    ``COLUMNS`` when set; ``None`` (no wrapping: one line per explanation, for grep and
    tools) when redirected."""
    if not _isatty(stream):
        return None
    return shutil.get_terminal_size().columns


def _max_per_key(args: argparse.Namespace) -> int:
    if args.max_per_key is not None:
        return int(args.max_per_key)
    return TERMINAL_MAX_PER_KEY if _isatty(sys.stdout) else 0


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
    if args.command == "check" and not (args.paths or args.claims or args.show_settings):
        parser.error("check needs article PATHs or --claims FILE")
    ledger_check = args.command == "ledger" and args.action == "check"
    if ledger_check and not (args.paths or args.show_settings):
        parser.error("ledger check needs article PATHs")
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
    articles, errors = _read_inputs(args)
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
    lexicon = _lexicon(args)
    claims, claim_errors, claim_warnings = read_claims(args.claims)
    units = {name for claim in claims for name in (claim.measure, claim.unit) if name}
    rules = _rules(args, lexicon, units)
    chosen = _selection(args, rules, lexicon, units)
    articles, errors = _read_inputs(args) if args.paths else ([], [])
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
            lexicon=lexicon,
            jobs=args.jobs,
            progress=progress,
        )
    if chosen:
        report = report.model_copy(update={"discrepancies": chosen.apply(report.discrepancies)})
    for error in report.errors[len(errors) :]:  # articles whose extraction failed
        _warn(error)
    minimum = cast(Severity, args.min_severity)
    to_file = args.output is not None
    options = RenderOptions(
        minimum=minimum,
        colour=not to_file and use_colour(sys.stdout),
        width=None if to_file else text_width(sys.stdout),
        max_per_key=0 if to_file else _max_per_key(args),
    )
    _write(render(args.format, report, options), args.output)
    if args.statistics:
        _print_statistics(filter_severity(report.discrepancies, minimum), args.format)
    if report.errors:  # the unreadable inputs, then the articles whose extraction failed
        return EXIT_USAGE
    if filter_severity(report.discrepancies, "error"):
        return EXIT_ERRORS
    return EXIT_OK


def _write(text: str, output: str | None = None) -> None:
    """Rendered output on stdout, or into the file ``output`` (UTF-8, replaced), ending
    with a newline; nothing for nothing (JSON Lines or annotations without a finding are
    no lines, not an empty one)."""
    if text and not text.endswith("\n"):
        text += "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise NumcheckError(f"{output}: cannot write the report: {reason}") from exc


def _ledger(args: argparse.Namespace) -> int:
    """The ledger commands. Each opens the ledger with ``verify``: a damaged file is
    refused (one line naming it, status 2) before anything is read or written."""
    name = printable(args.ledger)
    if args.action == "ack":
        return _ack(args, name)
    if args.action == "acks":
        with Ledger(args.ledger, create=False, verify=True) as ledger:
            for ack in ledger.acks().values():
                print(printable(f"{ack.fingerprint}  {ack.at}  {ack.by}: {ack.reason}"))
        return EXIT_OK
    if args.action == "check":  # the rules and the names first: either may stop the run
        lexicon = _lexicon(args)
        rules = _rules(args, lexicon, set())
        chosen = _selection(args, rules, lexicon, set())
    articles, errors = _read_inputs(args)
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
        found = chosen.apply(found)
        stored = ledger.stored_articles(
            {c.article for d in found for c in d.claims} - {a.id for a in extracted.articles}
        )
    minimum = cast(Severity, args.min_severity)
    shown = filter_severity(found, minimum)
    report = Report(
        articles=[*extracted.articles, *stored],
        claims=extracted.claims,
        discrepancies=found,
        errors=[*errors, *extracted.errors],
    )
    # the files a finding's acknowledgement names (--articles): not stdin, not a JSON line
    unstored = {a.id: shlex.quote(a.path) for a in extracted.articles if a.path and isfile(a.path)}
    options = RenderOptions(minimum=minimum, acks=acks, ack_paths=unstored)
    _write(render(args.format, report, options))
    failing = [d for d in filter_severity(found, "error") if d.fingerprint not in acks]
    if args.format == DEFAULT:
        print(
            f"{len(extracted.articles)} article(s) checked against {name}: "
            f"{len(shown)} discrepanc{'y' if len(shown) == 1 else 'ies'} shown, "
            f"{len(failing)} unacknowledged error(s)"
        )
    if args.statistics:
        _print_statistics(shown, args.format)
    if errors or extracted.errors:
        return EXIT_USAGE
    return EXIT_ERRORS if failing else EXIT_OK


def _ack(args: argparse.Namespace, name: str) -> int:
    """``ledger ack``: only fingerprints of findings of the ledger (and of the articles
    given with ``--articles``), and only in a ledger that exists."""
    lexicon = _lexicon(args)
    rules = _rules(args, lexicon, set())
    articles, errors = read_inputs(args.articles)
    for error in errors:
        _warn(error)
    with Ledger(args.ledger, create=False, verify=True) as ledger:
        extracted = extract_each(articles, lexicon=lexicon)
        for error in extracted.errors:
            _warn(error)
        unmatched = ledger.unmatched(
            args.fingerprints,
            rules=rules,
            lexicon=lexicon,
            claims=extracted.claims,
            exclude={article.id for article in extracted.articles},
        )
        if unmatched:
            among = "the ledger or of the articles given" if articles else "the ledger"
            raise LedgerError(
                f"{args.ledger}: no discrepancy of {among} has the fingerprint "
                f"{', '.join(unmatched)}; nothing was acknowledged (copy it from "
                "numcheck ledger check, and name the articles it checked with --articles)"
            )
        count = ledger.ack(args.fingerprints, by=args.by, reason=args.reason)
    print(f"{name}: {count} discrepanc{'y' if count == 1 else 'ies'} acknowledged")
    return EXIT_USAGE if errors or extracted.errors else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
