"""Extraction (numbers, frames, time) stays linear in the size of the input, on any input."""

from __future__ import annotations

import time

import pytest

import numcheck

PATTERNS = {
    "dense-digits": "1 2 3 4 5 6 7 8 9 ",
    "comma-runs": "1,1,1,1,1,1,",
    "hyphen-runs": "1-1-1-1-",
    "number-words": "one two three thousand ",
    "framed-figures-no-stop": "There are roughly 2,500 US troops in Iraq and about 900 in Syria ",
    "dates-and-places": "in November 2007 since mid-October until 2017 in Iraq and Syria and ",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        numcheck.extract(text, published="2024-01-29")
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", list(PATTERNS.values()), ids=list(PATTERNS))
def test_four_times_the_text_takes_about_four_times_as_long(unit: str) -> None:
    small = unit * (12_500 // len(unit))
    large = unit * (50_000 // len(unit))
    t_small, t_large = _seconds(small), _seconds(large)
    print(f"{len(small):,} chars: {t_small:.3f}s; {len(large):,} chars: {t_large:.3f}s")
    # Linear growth gives 4; quadratic would give 16. Allow noise on a busy machine.
    assert t_large < 7 * t_small + 0.05
