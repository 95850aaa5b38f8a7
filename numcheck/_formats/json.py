"""The report in the public JSON contract (``--format json``)."""

from __future__ import annotations

from .._models import Report, Severity
from .._report import filter_severity
from . import RenderOptions

NAME = "json"
HELP = "the Report in the public JSON contract (each finding with its fingerprint)"
COMMANDS = ("check", "ledger check")


def render(report: Report, options: RenderOptions) -> str:
    """The report as one JSON document (and a final newline)."""
    return render_json(report, minimum=options.minimum) + "\n"


def render_json(report: Report, *, minimum: Severity = "info") -> str:
    """The report in the public JSON contract, discrepancies filtered by severity."""
    shown = filter_severity(report.discrepancies, minimum)
    return report.model_copy(update={"discrepancies": shown}).to_json()
