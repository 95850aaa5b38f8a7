"""GitHub Actions workflow annotations (``--format github``): findings inline on a pull
request.

One workflow command per finding, on the second figure (the one that disagrees)::

    ::error file=news/a.md,line=7,col=12,endLine=7,endColumn=16,title=...::message

The command is the severity's (``error``, ``warning``, ``notice``; an acknowledged
finding under ``ledger check`` is a ``notice``). ``endColumn`` is the figure's last
character (inclusive). A finding whose claim was not read from a file (``--claims``) has no
``file`` property. The message (several lines) is the explanation, the other figure and
the fingerprint. Values are escaped as the runner reads them: ``%``, CR and LF in the
message; also ``:`` and ``,`` in properties, so no text from an article can end a
property, the command or the line.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._models import SEVERITIES, Claim, Discrepancy, Report
from .._report import _locate, article_paths, filter_severity, printable
from . import RenderOptions
from ._where import place, relative_posix

NAME = "github"
HELP = "GitHub Actions annotations (::error file=...,line=...::), inline on pull requests"
COMMANDS = ("check", "ledger check")


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the runner unescapes it.

    >>> escape_data("50% more\\nnext line")
    '50%25 more%0Anext line'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes and ``:`` and ``,``.

    >>> escape_property("a,b: c")
    'a%2Cb%3A c'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, str | int], message: str) -> str:
    """One workflow command line: ``::name key=value,...::message``, escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(report: Report, options: RenderOptions) -> str:
    """One annotation per shown finding, then one per input that could not be read."""
    paths = article_paths(report)
    lines = [
        _annotation(d, paths, options)
        for d in filter_severity(report.discrepancies, options.minimum)
    ]
    for error in report.errors:
        properties = {"file": relative_posix(error.path), "title": "numcheck: unreadable input"}
        lines.append(command("error", properties, printable(error.message)))
    return "".join(line + "\n" for line in lines)


def _annotation(d: Discrepancy, paths: Mapping[str, str], options: RenderOptions) -> str:
    first, second = d.claims
    properties: dict[str, str | int] = {}
    where = place(second, paths)
    if where is not None:
        properties["file"] = where.file
        if where.line is not None:
            properties["line"] = where.line
            if where.column is not None and where.end_line == where.line:
                assert where.end_column is not None
                properties["col"] = where.column
                properties["endLine"] = where.line
                properties["endColumn"] = max(where.column, where.end_column - 1)
    properties["title"] = printable(f"numcheck {d.verdict}: {d.key} [{d.rule}]")
    name = SEVERITIES[d.severity].github
    lines = [
        printable(d.explanation),
        f"This figure: {_figure(second, paths)}",
        f"Other figure: {_figure(first, paths)}",
    ]
    ack = options.acks.get(d.fingerprint) if options.acks else None
    if ack is not None:
        name = SEVERITIES["info"].github
        lines.append(printable(f"Acknowledged by {ack.by} at {ack.at}: {ack.reason}"))
    lines.append(f"fingerprint {d.fingerprint}")
    return command(name, properties, "\n".join(lines))


def _figure(claim: Claim, paths: Mapping[str, str]) -> str:
    return printable(f"“{claim.text}” at {_locate(claim, paths)}")
