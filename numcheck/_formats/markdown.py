"""The report as Markdown (``--format markdown``), for tickets and pull requests."""

from __future__ import annotations

from collections.abc import Mapping

from .._ledger import Ack
from .._models import Report, Severity
from .._report import (
    _grouped,
    _locate,
    _summary,
    article_paths,
    capped,
    filter_severity,
    markdown_text,
    more_in_key,
    not_shown,
)
from . import RenderOptions

NAME = "markdown"
HELP = "a section per measure with a table, for tickets and pull requests"
COMMANDS = ("check", "ledger check")
FOR_PEOPLE = True


def render(report: Report, options: RenderOptions) -> str:
    """The report as Markdown; under ``ledger check``, acknowledgements in the last column."""
    return render_markdown(
        report, minimum=options.minimum, acks=options.acks, max_per_key=options.max_per_key
    )


def render_markdown(
    report: Report,
    *,
    minimum: Severity = "info",
    acks: Mapping[str, Ack] | None = None,
    max_per_key: int | None = None,
) -> str:
    """The report as Markdown: a section per measure, a table per section.

    Everything quoted from the input is escaped (:func:`markdown_text`): ids, claim
    text, keys, rule names and error messages render as text, never as markup.
    ``max_per_key`` caps the rows of a key as for the text report.
    """
    shown = filter_severity(report.discrepancies, minimum)
    paths = article_paths(report)
    out = ["# numcheck report", "", _summary(report, shown), ""]
    hidden = 0
    for key, items in _grouped(shown):
        listed, more = capped(items, max_per_key)
        hidden += more
        out += [
            f"## {markdown_text(key.replace('|', ' · '))} ({len(items)})",
            "",
            "| severity | verdict | rule | first | second | why | fingerprint |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for d in listed:
            first, second = (
                f"{markdown_text(_locate(c, paths))} “{markdown_text(c.text)}”" for c in d.claims
            )
            why = markdown_text(d.explanation)
            ack = acks.get(d.fingerprint) if acks else None
            if ack is not None:
                why += f" Acknowledged by {markdown_text(ack.by)}: {markdown_text(ack.reason)}"
            cells = (d.severity, d.verdict, markdown_text(d.rule), first, second, why)
            out.append(f"| {' | '.join(cells)} | {d.fingerprint} |")
        if more:
            out += ["", markdown_text(more_in_key(more))]
        out.append("")
    if hidden:
        out += [markdown_text(not_shown(hidden, max_per_key)), ""]
    if report.errors:
        out += ["## Inputs that could not be read", ""]
        out += [f"- {markdown_text(e.path)}: {markdown_text(e.message)}" for e in report.errors]
    return "\n".join(out).rstrip() + "\n"
