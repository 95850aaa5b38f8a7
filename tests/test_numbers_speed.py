"""find_numbers is linear on every input shape: twice the text takes about twice the time.

Growth, never a wall-clock limit (see ``test_extract_speed``, whose shapes and timing
helper this reuses); seconds per MB are for ``benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import pytest
from test_extract_speed import SHAPES, growth, linear

from numcheck._numbers import find_numbers


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    find_numbers("warm up the normalization table: 1")


@pytest.mark.parametrize("unit", SHAPES)
def test_twice_the_text_takes_about_twice_as_long_to_read(unit: str) -> None:
    size, small, large = growth(find_numbers, unit)
    print(f"{size:,} chars: {small:.3f}s; {2 * size:,} chars: {large:.3f}s")
    assert linear(small, large)
