"""numcheck's numbers + units on quantulum3's English test sentences (scored).

The floors are what ``python tests/eval_quantulum3.py`` measured when they were set, a
little below, so a regression fails and an improvement is free to raise them.
"""

from __future__ import annotations

import pytest
from eval_quantulum3 import DEVIATIONS, FOLDER, cases, predict, score

pytestmark = pytest.mark.skipif(
    not FOLDER.is_dir(), reason=f"the shared conformance folder is absent: {FOLDER}"
)

# Measured: precision 0.606, recall 0.667, F1 0.635 (114 of 171 expected items).
FLOOR_PRECISION = 0.58
FLOOR_RECALL = 0.64
FLOOR_F1 = 0.61


def test_scores_reach_the_floor() -> None:
    result = score(with_quantulum3=False)
    assert result.expected > 150
    assert result.ours.precision >= FLOOR_PRECISION, result.ours
    assert result.ours.recall >= FLOOR_RECALL, result.ours
    assert result.ours.f1 >= FLOOR_F1, result.ours


def test_every_deviation_names_a_real_item() -> None:
    """A deviation whose sentence or surface left the files is stale: remove it."""
    items = {(str(c["req"]), str(r["surface"])) for c in cases() for r in c["res"]}
    stale = [key for key in DEVIATIONS if key not in items]
    assert stale == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "The second Lagrangian point (L2) of the Earth–Sun system is at 1,500,000 "
            "kilometres (930,000 mi) from Earth",
            [(1500000.0, "km"), (930000.0, "mi")],
            id="km-and-mi",
        ),
        pytest.param(
            "I want two meters of cotton for £2,000", [(2.0, "m"), (2000.0, "GBP")], id="m-gbp"
        ),
        pytest.param("There are two in my car", [(2.0, None)], id="two-in-my-car"),
        pytest.param("I spent 20 million pounds on this!", [(20e6, "GBP")], id="pounds"),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(i.value, i.unit) for i in predict(sentence)] == expected
