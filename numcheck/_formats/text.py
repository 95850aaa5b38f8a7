"""The terminal report (``--format text``)."""

from __future__ import annotations

from .._ledger import render_finding
from .._models import SEVERITIES, Report, Severity
from .._report import (
    _clip,
    _grouped,
    _locate,
    _marked,
    _summary,
    article_paths,
    capped,
    filter_severity,
    more_in_key,
    not_shown,
    paint,
    printable,
    wrapped,
)
from . import RenderOptions

NAME = "text"
HELP = "for people: grouped by measure, most severe first, both sentences, fingerprints"
COMMANDS = ("check", "ledger check")
FOR_PEOPLE = True


def render(report: Report, options: RenderOptions) -> str:
    """The report for a terminal; under ``ledger check`` (``options.acks`` given), each
    finding in full with its acknowledgement or the command that records one."""
    if options.acks is not None:
        return _ledger_findings(report, options)
    return render_text(
        report,
        minimum=options.minimum,
        max_per_key=options.max_per_key,
        colour=options.colour,
        width=options.width,
    )


def render_text(
    report: Report,
    *,
    minimum: Severity = "info",
    max_per_key: int | None = None,
    colour: bool = False,
    width: int | None = None,
) -> str:
    """The terminal report: grouped by measure, most severe first, with provenance.

    ``max_per_key``: show at most this many findings of a key (its most severe), then
    how many more it has; ``None`` or 0: all. The counts and the summary count all.
    ``colour``: severities in their colours (ANSI); ``width``: explanations and quotes
    wrapped to this many columns with a hanging indent (``None``: not wrapped).
    Everything quoted passes :func:`printable` first, so only the renderer's colours
    reach the terminal.
    """
    shown = filter_severity(report.discrepancies, minimum)
    paths = article_paths(report)
    lines: list[str] = []
    hidden = 0
    for key, items in _grouped(shown):
        lines.append(paint(printable(f"== {key.replace('|', ' | ')} ({len(items)})"), "1", colour))
        listed, more = capped(items, max_per_key)
        for d in listed:
            severity = SEVERITIES[d.severity]
            mark = paint(f"{severity.mark} {severity.word.upper()}", d.severity, colour)
            lines += wrapped(
                f"{d.verdict} [{d.rule}] fingerprint {d.fingerprint}", f"  {mark} ", "      ", width
            )
            lines += wrapped(d.explanation, "    ", "      ", width)
            for claim, count in zip(d.claims, d.support, strict=True):
                also = f" (and {count - 1} more with this figure)" if count > 1 else ""
                quote = f"- {_locate(claim, paths)}{also}: {_clip(_marked(claim), 160)}"
                lines += wrapped(quote, "    ", "      ", width)
        if more:
            lines.append(f"  {more_in_key(more)}")
        hidden += more
        lines.append("")
    for error in report.errors:
        lines.append(paint("error:", "error", colour) + " " + printable(str(error)))
    if hidden:
        lines.append(not_shown(hidden, max_per_key))
    lines.append(printable(_summary(report, shown)))
    return "\n".join(lines)


def _ledger_findings(report: Report, options: RenderOptions) -> str:
    paths = article_paths(report)
    acks = options.acks or {}
    return "".join(
        render_finding(d, acks.get(d.fingerprint), paths=paths, unstored=options.ack_paths) + "\n\n"
        for d in filter_severity(report.discrepancies, options.minimum)
    )
