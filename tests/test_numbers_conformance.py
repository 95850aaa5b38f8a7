"""Conformance with the Microsoft Recognizers-Text number specs (see eval_recognizers.py)."""

from __future__ import annotations

import eval_recognizers as ev
import pytest

pytestmark = pytest.mark.skipif(
    not ev.SPECS.exists(), reason=f"conformance specs not found at {ev.SPECS} (../shared absent)"
)

GOAL = 0.95


@pytest.fixture(scope="module")
def result() -> ev.Result:
    return ev.score()


def test_recall_goal(result: ev.Result) -> None:
    overall = result.overall
    assert overall.expected >= 300
    assert overall.recall >= GOAL, result.unexplained()


def test_every_failure_is_a_documented_deviation(result: ev.Result) -> None:
    assert result.unexplained() == []


def test_deviations_are_still_needed(result: ev.Result) -> None:
    """A deviation that no longer fails is stale and must be removed from the table."""
    failing = {text for text, _ in result.failures}
    assert sorted(set(ev.DEVIATIONS) - failing) == []


def test_negatives_respected_or_documented(result: ev.Result) -> None:
    bad = [text for text, what in result.failures if what.startswith("negative")]
    assert all(text in ev.DEVIATIONS for text in bad)
