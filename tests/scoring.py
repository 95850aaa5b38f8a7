"""What the evaluation scripts share: precision/recall tallies and quantulum3's reading.

Imported by ``tests/eval_*.py`` (run as scripts from the repository root, or by the tests,
with ``tests/`` on the path).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any


@dataclass
class Tally:
    """Counts for precision and recall: gold items ``expected`` of which ``matched``;
    items ``predicted`` of which ``correct``."""

    expected: int = 0
    matched: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.matched += other.matched
        self.predicted += other.predicted
        self.correct += other.correct


def quantulum3_parse(text: str) -> list[Any]:
    """quantulum3's quantities of ``text``; a crash of the peer finds nothing."""
    from quantulum3 import parser  # type: ignore[import-untyped]  # the peer, scored only

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return list(parser.parse(text))
        except Exception:  # a crash of the peer scores as finding nothing
            return []
