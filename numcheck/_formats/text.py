"""The terminal report (``--format text``)."""

from __future__ import annotations

from collections.abc import Mapping

from .._ledger import Ack, render_finding
from .._models import SEVERITIES, Report, Severity
from .._report import (
    _clip,
    _grouped,
    _locate,
    _marked,
    _summary,
    article_paths,
    filter_severity,
    printable,
)
from . import RenderOptions

NAME = "text"
HELP = "for people: grouped by measure, most severe first, both sentences, fingerprints"
COMMANDS = ("check", "ledger check")


def render(report: Report, options: RenderOptions) -> str:
    """The report for a terminal; under ``ledger check`` (``options.acks`` given), each
    finding in full with its acknowledgement or the command that records one."""
    if options.acks is not None:
        return _ledger_findings(report, options.minimum, options.acks)
    return render_text(report, minimum=options.minimum)


def render_text(report: Report, *, minimum: Severity = "info") -> str:
    """The terminal report: grouped by measure, most severe first, with provenance."""
    shown = filter_severity(report.discrepancies, minimum)
    paths = article_paths(report)
    lines: list[str] = []
    for key, items in _grouped(shown):
        lines.append(f"== {key.replace('|', ' | ')} ({len(items)})")
        for d in items:
            severity = SEVERITIES[d.severity]
            lines.append(
                f"  {severity.mark} {severity.word.upper()} {d.verdict} [{d.rule}] "
                f"fingerprint {d.fingerprint}"
            )
            lines.append(f"    {d.explanation}")
            for claim, count in zip(d.claims, d.support, strict=True):
                also = f" (and {count - 1} more with this figure)" if count > 1 else ""
                lines.append(f"    - {_locate(claim, paths)}{also}: {_clip(_marked(claim), 160)}")
        lines.append("")
    for error in report.errors:
        lines.append(f"error: {error}")
    lines.append(_summary(report, shown))
    return "\n".join(printable(line) for line in lines)


def _ledger_findings(report: Report, minimum: Severity, acks: Mapping[str, Ack]) -> str:
    paths = article_paths(report)
    return "".join(
        render_finding(d, acks.get(d.fingerprint), paths=paths) + "\n\n"
        for d in filter_severity(report.discrepancies, minimum)
    )
