"""find_numbers is linear on any input: 1 MB of adversarial text each well under 2 s."""

from __future__ import annotations

import time

import pytest

from numcheck._numbers import find_numbers

MB = 1_000_000
LIMIT = 2.0  # seconds; the design target is < 1 s, the margin is for slow CI machines

ADVERSARIAL = {
    "digit-run": "1" * MB,
    "comma-run": "1," * (MB // 2),
    "number-words": "one " * (MB // 4),
    "hyphen-run": "-" * MB,
    "hyphenated-digits": "1-" * (MB // 2),
    "to-run": "to " * (MB // 3),
    "tens-words": "twenty " * (MB // 7),
    "dot-run": "1." * (MB // 2),
    "a-run": "a " * (MB // 2),
    "qualifier-run": "more than " * (MB // 10),
    "news-like": "About 2,500 troops in 2014, between 3 and 5 million; " * (MB // 52),
}


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    find_numbers("warm up the normalization table: 1")


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_megabyte(name: str) -> None:
    text = ADVERSARIAL[name]
    started = time.perf_counter()
    mentions = find_numbers(text)
    elapsed = time.perf_counter() - started
    print(f"{name}: {len(text):,} chars, {len(mentions):,} mentions, {elapsed:.2f} s")
    assert elapsed < LIMIT
