"""The report as Markdown (``--format markdown``), for tickets and pull requests."""

from __future__ import annotations

from .._models import Report, Severity
from .._report import _grouped, _locate, _summary, filter_severity, markdown_text


def render_markdown(report: Report, *, minimum: Severity = "info") -> str:
    """The report as Markdown: a section per measure, a table per section.

    Everything quoted from the input is escaped (:func:`markdown_text`): ids, claim
    text, keys, rule names and error messages render as text, never as markup.
    """
    shown = filter_severity(report.discrepancies, minimum)
    out = ["# numcheck report", "", _summary(report, shown), ""]
    for key, items in _grouped(shown):
        out += [
            f"## {markdown_text(key.replace('|', ' · '))}",
            "",
            "| severity | verdict | rule | first | second | why |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for d in items:
            first, second = (
                f"{markdown_text(_locate(c))} “{markdown_text(c.text)}”" for c in d.claims
            )
            cells = (d.severity, d.verdict, markdown_text(d.rule), first, second)
            out.append(f"| {' | '.join(cells)} | {markdown_text(d.explanation)} |")
        out.append("")
    if report.errors:
        out += ["## Inputs that could not be read", ""]
        out += [f"- {markdown_text(e.path)}: {markdown_text(e.message)}" for e in report.errors]
    return "\n".join(out).rstrip() + "\n"
