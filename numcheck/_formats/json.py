"""The report in the public JSON contract (``--format json``)."""

from __future__ import annotations

from .._models import Report, Severity
from .._report import filter_severity


def render_json(report: Report, *, minimum: Severity = "info") -> str:
    """The report in the public JSON contract, discrepancies filtered by severity."""
    shown = filter_severity(report.discrepancies, minimum)
    return report.model_copy(update={"discrepancies": shown}).to_json()
