"""The report as Markdown (``--format markdown``), for tickets and pull requests."""

from __future__ import annotations

from collections.abc import Mapping

from .._ledger import Ack
from .._models import Report, Severity
from .._report import _grouped, _locate, _summary, article_paths, filter_severity, markdown_text
from . import RenderOptions

NAME = "markdown"
HELP = "a section per measure with a table, for tickets and pull requests"
COMMANDS = ("check", "ledger check")


def render(report: Report, options: RenderOptions) -> str:
    """The report as Markdown; under ``ledger check``, acknowledgements in the last column."""
    return render_markdown(report, minimum=options.minimum, acks=options.acks)


def render_markdown(
    report: Report, *, minimum: Severity = "info", acks: Mapping[str, Ack] | None = None
) -> str:
    """The report as Markdown: a section per measure, a table per section.

    Everything quoted from the input is escaped (:func:`markdown_text`): ids, claim
    text, keys, rule names and error messages render as text, never as markup.
    """
    shown = filter_severity(report.discrepancies, minimum)
    paths = article_paths(report)
    out = ["# numcheck report", "", _summary(report, shown), ""]
    for key, items in _grouped(shown):
        out += [
            f"## {markdown_text(key.replace('|', ' · '))}",
            "",
            "| severity | verdict | rule | first | second | why | fingerprint |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for d in items:
            first, second = (
                f"{markdown_text(_locate(c, paths))} “{markdown_text(c.text)}”" for c in d.claims
            )
            why = markdown_text(d.explanation)
            ack = acks.get(d.fingerprint) if acks else None
            if ack is not None:
                why += f" Acknowledged by {markdown_text(ack.by)}: {markdown_text(ack.reason)}"
            cells = (d.severity, d.verdict, markdown_text(d.rule), first, second, why)
            out.append(f"| {' | '.join(cells)} | {d.fingerprint} |")
        out.append("")
    if report.errors:
        out += ["## Inputs that could not be read", ""]
        out += [f"- {markdown_text(e.path)}: {markdown_text(e.message)}" for e in report.errors]
    return "\n".join(out).rstrip() + "\n"
