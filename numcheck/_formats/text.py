"""The terminal report (``--format text``)."""

from __future__ import annotations

from .._models import Report, Severity
from .._report import _clip, _grouped, _locate, _marked, _summary, filter_severity, printable

_MARK = {"error": "✖", "warning": "▲", "info": "·"}


def render_text(report: Report, *, minimum: Severity = "info") -> str:
    """The terminal report: grouped by measure, most severe first, with provenance."""
    shown = filter_severity(report.discrepancies, minimum)
    lines: list[str] = []
    for key, items in _grouped(shown):
        lines.append(f"== {key.replace('|', ' | ')} ({len(items)})")
        for d in items:
            lines.append(f"  {_MARK[d.severity]} {d.severity.upper()} {d.verdict} [{d.rule}]")
            lines.append(f"    {d.explanation}")
            for claim, count in zip(d.claims, d.support, strict=True):
                also = f" (and {count - 1} more with this figure)" if count > 1 else ""
                lines.append(f"    - {_locate(claim)}{also}: {_clip(_marked(claim), 160)}")
        lines.append("")
    for error in report.errors:
        lines.append(f"error: {error}")
    lines.append(_summary(report, shown))
    return "\n".join(printable(line) for line in lines)
