"""Shared fixtures: the project's seeds, the shared conformance folder, a fixed anchor date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Properties are about results, not timing: on a shared 2-core machine a slow example is
# not a failure (speed has its own tests and benchmarks).
settings.register_profile("numcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("numcheck")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
ANCHOR = dt.date(2024, 1, 29)
"""A fixed publication date for tests that need "now"."""


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles():  # type: ignore[no-untyped-def]
    import numcheck

    return numcheck.load_articles(SEEDS)


@pytest.fixture(scope="session")
def seed_claims(seed_articles):  # type: ignore[no-untyped-def]
    from numcheck._pipeline import extract_articles

    return extract_articles(seed_articles)


CRASH = "QX-CRASH-MARKER"
"""Article text holding this makes the number grammar raise under ``crashing_grammar``."""


@pytest.fixture
def crashing_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    """The number grammar raises on any text containing CRASH, as a grammar bug would (in
    this process: the library, and a pytester run of the plugin)."""
    import numcheck._frame as frame

    real = frame.find_numbers

    def find_numbers(text: str, *args: object, **kwargs: object) -> object:
        if CRASH in text:
            raise ValueError("Invalid literal for Fraction: '1.234.56.78'")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(frame, "find_numbers", find_numbers)
