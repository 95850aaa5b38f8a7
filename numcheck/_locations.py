"""Where a claim is in its file: the line and column of its figure, for people and tools.

The loader records the line of the file on which an article's body starts
(``Article.body_line``); here the body's lines are found once per article and each claim's
offset is looked up among them (a bisection), so locating an article's claims costs
O(n log m) for n claims and m lines, on top of one pass over its text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ._models import Article, Claim, share_fields_set

_LINE_BREAK = re.compile(r"\r\n?|\n")
"""A line break: LF, CRLF or a lone CR, as editors, SARIF and Python's universal
newlines count lines."""


def count_line_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """How many line breaks ``text[start:end]`` holds (a CRLF is one).

    >>> count_line_breaks("a\\r\\nb\\rc\\nd")
    3
    """
    stop = len(text) if end is None else end
    crlf = text.count("\r\n", start, stop)
    return text.count("\n", start, stop) + text.count("\r", start, stop) - crlf


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (the first is 0).

    >>> line_starts("ab\\r\\ncd\\ne\\rf")
    [0, 4, 7, 9]
    """
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The 0-based (line, column) of ``offset`` among lines starting at ``starts``."""
    line = bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def located(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ``article`` with their ``line`` and ``column`` in its file.

    Claims are returned as they are when the article's text is not a file's
    (``body_line`` is ``None``) or a claim has no offsets.
    """
    if article.body_line is None or not claims:
        return list(claims)
    starts = line_starts(article.text)
    out: list[Claim] = []
    for claim in claims:
        if claim.start is None:
            out.append(claim)
            continue
        line, column = position(starts, claim.start)
        copy = claim.model_copy(update={"line": article.body_line + line, "column": column + 1})
        out.append(share_fields_set(copy))
    return out


def end_position(claim: Claim) -> tuple[int, int] | None:
    """The 1-based (line, column) just after the figure's last character, from its
    ``line``/``column`` and text (SARIF's exclusive ``endLine``/``endColumn``), or
    ``None`` when the claim has no location.

    >>> end_position(Claim(article="a", text="2,500", line=3, column=7))
    (3, 12)
    >>> end_position(Claim(article="a", text="2,\\r\\n500", line=3, column=7))
    (4, 4)
    """
    if claim.line is None or claim.column is None:
        return None
    starts = line_starts(claim.text)
    if len(starts) == 1:
        return claim.line, claim.column + len(claim.text)
    return claim.line + len(starts) - 1, len(claim.text) - starts[-1] + 1
