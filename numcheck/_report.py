"""Stage 7: render claims and reports for people (terminal, Markdown) and tools (JSON)."""

from __future__ import annotations

import importlib
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ._models import SEVERITIES, SEVERITY_RANK, Claim, Discrepancy, Report, Severity

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b[]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # the other escapes (ESC c, ESC ( B, ...)
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit strings
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACE_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def printable(text: str) -> str:
    """``text`` made safe to print on a terminal: one line, no escape sequences.

    Every renderer for people passes what it quotes (article text, ids, file names,
    messages) through this: ANSI/OSC escape sequences are removed, line breaks and tabs
    become spaces (newlines are the renderer's), other C0/C1 control characters go.

    >>> printable("a\\x1b[2Jb\\x1b]0;title\\x07c\\nd\\x00e")
    'abc de'
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub(lambda m: " " if m.group() in _SPACE_CONTROLS else "", text)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _interval(claim: Claim) -> str:
    low, high = claim.low, claim.high
    if low is not None and low == high:
        return _number(low)
    left = _number(low) if low is not None else "-inf"
    right = _number(high) if high is not None else "inf"
    return f"[{left}, {right}]"


def claims_table(claims: Sequence[Claim]) -> str:
    """A readable fixed-width table of claims, one line each."""
    headers = (
        "article",
        "offsets",
        "figure",
        "interval",
        "qualifier",
        "unit",
        "subject",
        "location",
        "time",
    )
    rows = [
        tuple(
            printable(cell)
            for cell in (
                c.article,
                f"{c.start}-{c.end}" if c.start is not None else "-",
                _clip(c.text, 28),
                _interval(c),
                c.qualifier + (f" ({c.modifier})" if c.modifier else ""),
                (c.unit or "?") + (" Δ" if c.kind == "change" else ""),
                c.subject or "?",
                c.location or "?",
                f"{c.time.label()} [{c.time.basis}]",
            )
        )
        for c in claims
    ]
    return _table(headers, rows) + f"\n{len(claims)} claim(s)"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def filter_severity(discrepancies: Iterable[Discrepancy], minimum: Severity) -> list[Discrepancy]:
    """The discrepancies at least as severe as ``minimum``."""
    limit = SEVERITY_RANK[minimum]
    return [d for d in discrepancies if SEVERITY_RANK[d.severity] <= limit]


def _grouped(discrepancies: Sequence[Discrepancy]) -> list[tuple[str, list[Discrepancy]]]:
    """Group by measure key; groups with the most severe finding first."""
    groups = [
        (k, list(g))
        for k, g in groupby(sorted(discrepancies, key=lambda d: d.key), key=lambda d: d.key)
    ]
    for _, items in groups:
        items.sort(key=lambda d: SEVERITY_RANK[d.severity])
    groups.sort(key=lambda kg: (min(SEVERITY_RANK[d.severity] for d in kg[1]), kg[0]))
    return groups


def _summary(report: Report, shown: Sequence[Discrepancy]) -> str:
    counts = ", ".join(
        f"{sum(1 for d in shown if d.severity == name)} {info.counted}"
        for name, info in SEVERITIES.items()
    )
    return (
        f"{len(report.articles)} article(s), {len(report.claims)} claim(s), "
        f"{len(shown)} discrepanc{'y' if len(shown) == 1 else 'ies'}: {counts}"
    )


def article_paths(report: Report) -> dict[str, str]:
    """The file each article of the report was read from, by article id."""
    return {article.id: article.path for article in report.articles if article.path}


def _locate(claim: Claim, paths: Mapping[str, str] | None = None) -> str:
    """Where a claim is: ``path:line:col`` in its file when known (see
    ``numcheck._locations``), else ``article:start-end`` in its text, else its article."""
    path = paths.get(claim.article) if paths else None
    if path is not None and claim.line is not None and claim.column is not None:
        return f"{path}:{claim.line}:{claim.column}"
    return (
        f"{claim.article}:{claim.start}-{claim.end}" if claim.start is not None else claim.article
    )


def paint(text: str, colour: str, on: bool) -> str:
    """``text`` in a severity's terminal colour (:data:`SEVERITIES`) or an SGR code such as
    ``"1"`` (bold), when ``on``; ``text`` must already be :func:`printable`."""
    if not on:
        return text
    code = SEVERITIES[colour].ansi if colour in SEVERITIES else colour
    return f"\x1b[{code}m{text}\x1b[0m"


def wrapped(text: str, indent: str, hanging: str, width: int | None) -> list[str]:
    """``text`` made printable, as lines of at most ``width`` columns (``None``: one
    line): the first after ``indent``, the others after ``hanging``. A word longer than
    the width (a URL) stays whole on its own line.

    >>> wrapped("a finding explained in words", "  ", "    ", 14)
    ['  a finding', '    explained', '    in words']
    """
    text = printable(text)
    if width is None:
        return [indent + text]
    lines = textwrap.wrap(
        text,
        width=max(width, MIN_WIDTH),
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [indent.rstrip()]


MIN_WIDTH = 10
"""Narrower widths are taken as this (a terminal of a few columns)."""


def capped(items: Sequence[Discrepancy], limit: int | None) -> tuple[Sequence[Discrepancy], int]:
    """The first ``limit`` findings of a key (``None`` or 0: all) and how many are left."""
    if not limit or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def more_in_key(count: int) -> str:
    """The line that stands for the findings of a key beyond the cap."""
    return f"… and {count:,} more in this key"


def not_shown(count: int, limit: int | None) -> str:
    """The line before the summary when findings were left out by the cap."""
    return f"{count:,} finding(s) not shown (at most {limit} per key; --max-per-key 0 shows all)"


def _marked(claim: Claim) -> str:
    """The sentence with the figure marked by »…«."""
    sentence = claim.sentence
    if not sentence:
        return claim.text
    at = sentence.find(claim.text)
    if at < 0:
        return sentence
    return f"{sentence[:at]}»{claim.text}«{sentence[at + len(claim.text) :]}"


_MD_CHARS = {c: "\\" + c for c in "\\`*_{}[]()#+!|~:"} | {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
_MD_BLOCK_START = re.compile(r"[-+=]|\d+[.)]")


def markdown_text(text: str) -> str:
    """``text`` as inert Markdown inline text: it renders as itself and nothing else.

    One line (whitespace collapsed, controls removed), HTML characters as entities, and
    every character with a meaning in inline Markdown or a GFM table cell backslash-
    escaped (``|``, links and images, emphasis, code, autolinks), as is a start that
    would begin a list.

    >>> print(markdown_text("[x](javascript:alert(1)) | <b>"))
    \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| &lt;b&gt;
    """
    text = " ".join(printable(text).split())
    out = "".join(_MD_CHARS.get(c, c) for c in text)
    start = _MD_BLOCK_START.match(out)
    if start:
        end = start.end() - 1
        out = f"{out[:end]}\\{out[end:]}"
    return out


_MOVED = {"render_text": "text", "render_markdown": "markdown", "render_json": "json"}


def __getattr__(name: str) -> Any:
    """The renderers moved to ``numcheck._formats`` stay importable from here."""
    if name in _MOVED:
        module = importlib.import_module(f"._formats.{_MOVED[name]}", __package__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Statistics:
    """How many findings each rule, verdict and key has, most first (ties by name)."""

    total: int
    rules: list[tuple[str, int]]
    verdicts: list[tuple[str, int]]
    keys: list[tuple[str, int]]


def statistics(discrepancies: Iterable[Discrepancy]) -> Statistics:
    """Count findings by rule, by verdict and by key."""
    rules: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    keys: Counter[str] = Counter()
    for d in discrepancies:
        rules[d.rule] += 1
        verdicts[d.verdict] += 1
        keys[d.key] += 1

    def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    return Statistics(sum(verdicts.values()), ranked(rules), ranked(verdicts), ranked(keys))


TOP_KEYS = 10
"""How many keys the statistics list (the others are counted together)."""


def _statistics_sections(stats: Statistics) -> list[tuple[str, list[tuple[str, int]]]]:
    keys = stats.keys[:TOP_KEYS]
    rest = stats.keys[TOP_KEYS:]
    if rest:
        keys = [*keys, (f"({len(rest)} other keys)", sum(count for _, count in rest))]
    title = f"by key (top {TOP_KEYS} of {len(stats.keys)})" if rest else "by key"
    return [("by rule", stats.rules), ("by verdict", stats.verdicts), (title, keys)]


def render_statistics(stats: Statistics) -> str:
    """The counts as text: a block per kind, counts right-aligned, most first.

    >>> print(render_statistics(Statistics(3, [("troops/conflict", 3)], [("conflict", 3)],
    ...                                    [("troops|US|Iraq", 3)])))
    statistics: 3 finding(s)
    by rule:
          3  troops/conflict
    by verdict:
          3  conflict
    by key:
          3  troops|US|Iraq
    """
    lines = [f"statistics: {stats.total:,} finding(s)"]
    for title, counts in _statistics_sections(stats):
        lines.append(f"{title}:")
        lines += [f"  {count:>5,}  {printable(name)}" for name, count in counts]
    return "\n".join(lines)


def render_statistics_markdown(stats: Statistics) -> str:
    """The counts as Markdown: a table per kind, everything quoted escaped."""
    out = ["## Statistics", "", f"{stats.total:,} finding(s)", ""]
    for title, counts in _statistics_sections(stats):
        out += [f"### {title.capitalize()}", "", "| count | name |", "| ---: | --- |"]
        out += [f"| {count:,} | {markdown_text(name)} |" for name, count in counts]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """One Claim per line, in the public JSON contract."""
    return "".join(claim.model_dump_json() + "\n" for claim in claims)
