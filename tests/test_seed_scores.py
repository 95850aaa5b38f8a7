"""The claim layer scored on the seeds against the hand-annotated table (tests/data).

``python tests/eval_seeds.py`` prints the full table; these tests hold the goals of the
claim-frames issue: every troop, casualty, attack and size figure found with the right
value and qualifier, 90% or more with the right unit, subject, location and year, and no
claim from a year, date, ordinal, licence or page number.
"""

from __future__ import annotations

import pytest
from eval_seeds import FIELDS, Score, report, seed_score


@pytest.fixture(scope="module")
def score() -> Score:
    result = seed_score()
    print(report(result))
    return result


def test_every_goal_figure_found_with_value_and_qualifier(score: Score) -> None:
    assert score.goal_recall() == 1.0, report(score)


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_at_least_90_percent(score: Score, field: str) -> None:
    assert score.fields[field].rate >= 0.9, score.fields[field].misses


def test_no_trap_becomes_a_claim(score: Score) -> None:
    assert score.traps == []


def test_precision(score: Score) -> None:
    assert score.precision.rate >= 0.9, score.precision.misses
