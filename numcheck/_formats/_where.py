"""Where a finding is, for the formats tools read (SARIF, GitHub annotations)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .._locations import end_position
from .._models import Claim

_JSONL_LINE = re.compile(r"(?P<file>.+\.jsonl):(?P<line>\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A claim's file (relative to the current folder when inside it, with forward
    slashes) and, when known, its figure's start and end (end exclusive, SARIF's way)."""

    file: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def relative_posix(path: str) -> str:
    """``path`` relative to the current folder when it is inside it, with ``/``.

    >>> relative_posix("./news/a.md")
    'news/a.md'
    """
    given = Path(path)
    if given.is_absolute():
        with contextlib.suppress(ValueError):  # outside: kept absolute
            given = given.relative_to(Path.cwd())
    return given.as_posix()


def place(claim: Claim, paths: Mapping[str, str]) -> Place | None:
    """Where ``claim`` is, or ``None`` when its article was not read from a file (claims
    of ``--claims`` files). An article of a JSON Lines file is located on its line."""
    path = paths.get(claim.article)
    if path is None:
        return None
    record = _JSONL_LINE.fullmatch(path)
    if claim.line is None and record is not None:
        return Place(relative_posix(record["file"]), int(record["line"]))
    end = end_position(claim)
    if end is None:
        return Place(relative_posix(path))
    return Place(relative_posix(path), claim.line, claim.column, *end)
